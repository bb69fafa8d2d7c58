// Secrets never reach cdk.tf.json as literals. A sensitive value must be a token, and once resolved it
// must be a pure reference (`${var.x}`, `${data.a.b.c}`, `${type.name.attr}`, optionally passed through
// functions such as `sensitive(...)`), with no literal inside: `Fn.sensitive("hunter2")`,
// `Lazy.stringValue({ produce: () => "hunter2" })`, `Fn.join("", ["hun", "ter2"])` are all literals.
import { DefaultTokenResolver, Lazy, StringConcat, TerraformStack, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { addSynthCheck, ErrorScope, invalid, REDACTED, ValidationError } from './errors';

const RESOLVER = new DefaultTokenResolver(new StringConcat());
/** A traversal: `var.x`, `data.t.n.attr[0]`, `local.x`, or a function name. */
const TRAVERSAL = /[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\]|\.\*)*/g;

/** True when a resolved value is one Terraform expression built only from references (no literal). */
export function isPureReference(resolved: unknown): boolean {
  if (typeof resolved !== 'string') return false;
  const m = /^\$\{([^"{}$<%]*)\}$/.exec(resolved);
  if (!m) return false;
  const expression = m[1];
  const traversals = expression.match(TRAVERSAL) ?? [];
  if (!traversals.some((t) => t.includes('.'))) return false;
  // After removing the references and function names only call and index punctuation may remain:
  // any digit, operator or quote left over is a literal.
  return /^[\s(),[\]]*$/.test(expression.replace(TRAVERSAL, ''));
}

/** Resolves `value` in the scope's stack; undefined when it cannot be resolved there. */
function resolveIn(scope: IConstruct, value: string): unknown {
  return Tokenization.resolve(value, { scope: TerraformStack.of(scope), preparing: false, resolver: RESOLVER });
}

function literalSecret(where: ErrorScope, prop: string, how: string): ValidationError {
  return invalid(where, prop, `is a sensitive value ${how}, which would be written into cdk.tf.json`, REDACTED,
    'Pass a reference, e.g. new TerraformVariable(this, "x", { type: "string", sensitive: true }).stringValue; '
    + 'Fn.sensitive(), Lazy values and functions over literals still write the literal.');
}

/** Throws unless `value` is an unresolved token (a literal sensitive value is rejected at once). */
export function checkSensitiveToken(where: ErrorScope, prop: string, value: unknown): void {
  if (typeof value !== 'string' || !Token.isUnresolved(value)) throw literalSecret(where, prop, 'given as a literal');
}

/**
 * Guards a sensitive value rendered by `owner`: rejects literals now, and checks at synth (and
 * again whenever the rendered value is resolved, e.g. `Testing.synth` without validations) that
 * the value resolves to a pure reference. Returns the value to render.
 */
export function guardSensitive(owner: IConstruct, prop: string, value: string): string {
  checkSensitiveToken(owner, prop, value);
  const problem = (): ValidationError | undefined =>
    (isPureReference(resolveIn(owner, value)) ? undefined : literalSecret(owner, prop, 'that resolves to a literal'));
  addSynthCheck(owner, problem);
  return Lazy.stringValue({
    produce: () => {
      const p = problem();
      if (p) throw p;
      return value;
    },
  });
}
