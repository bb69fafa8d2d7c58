// The fuzz invariant: every run either synthesizes valid JSON with no literal secret, or throws an
// error for which Errors.isValidationError holds and whose message names path, prop, problem and fix;
// and no run takes longer than a few seconds.
import * as fc from 'fast-check';
import { Lazy, TerraformStack, Testing, Token } from 'cdktf';
import { EnvValue, Errors, GuestCustomization } from '../../lib';
import { ENTRIES, Entry, newEnv, SECRET_WRAPPERS, SENTINEL } from './catalogue';

export type Outcome = 'synthesized' | 'rejected' | 'crash' | 'timeout' | 'secret';
export const SLOW_MS = 5000;

type Path = Array<string | number>;
export type Mutation =
  | { kind: 'replace'; path: number; value: unknown }
  | { kind: 'delete'; path: number }
  | { kind: 'extra-key'; path: number; key: string; value: unknown }
  | { kind: 'duplicate' }
  | { kind: 'secret'; wrapper: number }
  | { kind: 'arbitrary'; value: unknown }
  | { kind: 'none' };

/** Hostile values: wrong types, non-finite and extreme numbers, empty, huge, unicode, interpolations, tokens, null. */
const HOSTILE: Array<() => unknown> = [
  () => null, () => undefined, () => NaN, () => Infinity, () => -Infinity, () => -1, () => 0, () => 1e-10, () => 1e300, () => 2 ** 53, () => 0.5,
  () => '', () => ' ', () => 'x'.repeat(70_000), () => '9-'.repeat(50_000), () => 'ünï\u0000\u202ecode-名前', () => '${var.x}', () => '${TfToken[TOKEN.99999]}',
  () => Token.asString(Lazy.stringValue({ produce: () => 'lazy' })), () => Token.asNumber(Lazy.numberValue({ produce: () => 3 })), () => Token.asList(Lazy.listValue({ produce: () => ['a'] })),
  () => true, () => false, () => [], () => [null], () => {}, () => ({ toString: 42 }), () => 'https://ghcr.io/acme/api:1', () => 'hub.docker.com', () => '/', () => '..',
  () => 'default', () => 'latest', () => Object.assign(Object.create(null), { big: BigInt(1) }), () => BigInt(7), () => Symbol('s'), () => () => 1,
  () => new Date(0), () => [1, 'two', { three: 3 }], () => 'a'.repeat(64), () => 'UPPER_case', () => 65536, () => -0,
];

/** Every path of a props object: into plain objects and arrays, not into class instances or constructs. */
export function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (prefix.length > 0) out.push(prefix);
  if (prefix.length > 6) return out;
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const key of Object.keys(value)) pathsOf((value as Record<string, unknown>)[key], [...prefix, key], out);
  }
  return out;
}

function setAt(root: any, path: Path, update: (parent: any, key: string | number) => void): any {
  if (path.length === 0) return root;
  const copy = Array.isArray(root) ? [...root] : { ...root };
  const [head, ...rest] = path;
  if (rest.length === 0) update(copy, head);
  else copy[head] = setAt(copy[head], rest, update);
  return copy;
}

export function mutationArb(): fc.Arbitrary<Mutation> {
  const value = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: HOSTILE.length - 1 }).map((i) => HOSTILE[i]()) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  );
  const path = fc.nat({ max: 10_000 });
  return fc.oneof(
    { weight: 12, arbitrary: fc.record({ kind: fc.constant('replace' as const), path, value }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), path }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('extra-key' as const), path, key: fc.constantFrom('extra', '__proto__', 'constructor', 'toString'), value }) },
    { weight: 2, arbitrary: fc.constant({ kind: 'duplicate' as const }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('secret' as const), wrapper: fc.nat({ max: SECRET_WRAPPERS.length - 1 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('arbitrary' as const), value }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  );
}

function apply(props: any, m: Mutation): any {
  const paths = pathsOf(props);
  switch (m.kind) {
    case 'replace': return paths.length ? setAt(props, paths[m.path % paths.length], (p, k) => { p[k] = m.value; }) : m.value;
    case 'delete': return paths.length ? setAt(props, paths[m.path % paths.length], (p, k) => { if (Array.isArray(p)) p.splice(Number(k), 1); else delete p[k]; }) : undefined;
    case 'extra-key': {
      const objects = [[], ...paths].filter((p) => { const v = p.reduce((o: any, k) => o?.[k], props); return v && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype; });
      return setAt({ root: props }, ['root', ...objects[m.path % objects.length]], (p, k) => { p[k] = { ...p[k] }; Object.defineProperty(p[k], m.key, { value: m.value, enumerable: true, configurable: true, writable: true }); }).root;
    }
    case 'arbitrary': return m.value;
    default: return props;
  }
}

export interface RunResult {
  readonly entry: string;
  readonly outcome: Outcome;
  readonly ms: number;
  readonly detail?: string;
}

const MESSAGE = /^[^\n]+?: [^\n]+?: [\s\S]+ \(got [\s\S]*\)\. [\s\S]+$/;

/** Runs one prop set in a fresh App and classifies the outcome. */
export function runOne(entry: Entry, m: Mutation): RunResult {
  const started = Date.now();
  const done = (outcome: Outcome, detail?: string): RunResult => {
    const ms = Date.now() - started;
    return { entry: entry.name, outcome: outcome !== 'crash' && outcome !== 'secret' && ms > SLOW_MS ? 'timeout' : outcome, ms, detail };
  };
  try {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const env = newEnv(stack);
    let props = entry.props(env);
    if (m.kind === 'secret') {
      const secret = SECRET_WRAPPERS[m.wrapper](SENTINEL);
      // a sensitive env value is passed the way callers pass one: EnvValue.fromSensitiveValue(secret)
      for (const path of entry.secretPaths ?? []) props = setAt(props, path, (p, k) => { p[k] = p[k] instanceof EnvValue ? EnvValue.fromSensitiveValue(secret) : secret; });
      if (entry.withSecret) props = entry.withSecret(props, secret);
    }
    if (m.kind === 'secret' && entry.name === 'SecureVirtualMachine') {
      props = { ...props, customization: GuestCustomization.windows({ computerName: 'WIN01', adminPassword: SECRET_WRAPPERS[m.wrapper](SENTINEL) }) };
    }
    props = apply(props, m);
    // what build returns (a rendered review, ...) is output too: no literal secret in it either
    const outputs = [entry.build(env, props, 'Subject')];
    if (m.kind === 'duplicate') outputs.push(entry.build(env, props, 'Twin'));
    const text = Testing.synth(stack, true);
    JSON.parse(text);
    if (text.includes(SENTINEL) || text.includes(SENTINEL.toLowerCase())) return done('secret', 'sentinel in cdk.tf.json');
    for (const output of outputs) {
      if (typeof output === 'string' && (output.includes(SENTINEL) || output.includes(SENTINEL.toLowerCase()))) return done('secret', 'sentinel in build output');
    }
    return done('synthesized');
  } catch (e) {
    let message = '';
    try {
      message = String((e as Error)?.message);
    } catch {
      message = '<message threw>';
    }
    if (message.includes(SENTINEL) || message.includes(SENTINEL.toLowerCase())) return done('secret', `sentinel in error: ${message.slice(0, 300)}`);
    if (Errors.isValidationError(e) && MESSAGE.test(message.replace(/^Resolution error: /, '')) && message.length < 3000) return done('rejected');
    return done('crash', `${(e as Error)?.name}: ${message.slice(0, 400)}`);
  }
}

export { ENTRIES };
