import { IConstruct } from 'constructs';

/** Marker used by `Errors.isValidationError`, so the check also works across duplicate copies of the library. */
const VALIDATION_ERROR_SYMBOL = Symbol.for('cdktf-hybrid.ValidationError');

/**
 * The one error type the library throws for bad input.
 *
 * Message format: `<construct path>: <prop>: <what is wrong> (got <value>). <how to fix>`
 *
 * Not part of the jsii API (jsii cannot export a subclass of `Error`); callers
 * recognise it with the public `Errors.isValidationError(x)`.
 */
export class ValidationError extends Error {
  /** Where the bad value was given: a construct path, or the name of a value type's parser. */
  public readonly path: string;
  /** The property that holds the bad value, dotted for nested props (`spec.ports[1].containerPort`). */
  public readonly prop: string;
  /** What is wrong with the value. */
  public readonly problem: string;
  /** The bad value as shown in the message (already shortened or redacted). */
  public readonly got: string;
  /** How to fix it. */
  public readonly fix: string;

  constructor(path: string, prop: string, problem: string, got: string, fix: string) {
    // Every part is bounded, so hostile input (a 2-MB construct id or value) never makes a 2-MB message.
    [path, prop, problem, got, fix] = [bound(path, MAX_PATH_CHARS), bound(prop, MAX_PATH_CHARS), bound(problem, MAX_TEXT_CHARS),
      bound(got, MAX_VALUE_CHARS), bound(fix, MAX_TEXT_CHARS)];
    super(`${path}: ${prop}: ${problem} (got ${got}). ${fix}`);
    this.name = 'ValidationError';
    this.path = path;
    this.prop = prop;
    this.problem = problem;
    this.got = got;
    this.fix = fix;
    Object.setPrototypeOf(this, ValidationError.prototype);
  }
}
Object.defineProperty(ValidationError.prototype, VALIDATION_ERROR_SYMBOL, { value: true });

/** True for a `ValidationError`, from this or any other loaded copy of the library. */
export function isValidationError(x: unknown): x is ValidationError {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[VALIDATION_ERROR_SYMBOL] === true;
}

/** Pass as `got` for a secret value: the message then says `<redacted>`. */
export const REDACTED = Symbol.for('cdktf-hybrid.redacted');

const MAX_VALUE_CHARS = 120;
const MAX_PATH_CHARS = 300;
const MAX_TEXT_CHARS = 600;

/** Shortens text to at most `max` characters, marking the cut with an ellipsis; never throws. */
function bound(text: unknown, max: number): string {
  const s = typeof text === 'string' ? text : describeValue(text);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * Renders a value for an error message: JSON, shortened, never throws, whatever the value is
 * (BigInt, null-prototype objects, cycles, proxies whose traps throw, megabyte strings).
 */
export function describeValue(got: unknown): string {
  if (got === REDACTED) return '<redacted>';
  let text: string;
  try {
    if (got === undefined) return 'undefined';
    if (typeof got === 'string' && got.length > MAX_VALUE_CHARS * 4) got = got.slice(0, MAX_VALUE_CHARS * 4);
    if (typeof got === 'bigint') return `${got}n`;
    if (typeof got === 'function' || typeof got === 'symbol') return `<${typeof got}>`;
    text = JSON.stringify(got, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? `<${typeof got}>`;
  } catch {
    try {
      text = Object.prototype.toString.call(got);
    } catch {
      text = '<unprintable value>';
    }
  }
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/**
 * Registers a check that runs at synth, once the whole tree exists (clashes between constructs,
 * values that are only known after construction). A problem is thrown as the ValidationError
 * itself, not folded into cdktf's "Validation failed" text, so `Errors.isValidationError` holds.
 */
export function addSynthCheck(construct: IConstruct, check: () => ValidationError | undefined): void {
  construct.node.addValidation({
    validate: () => {
      const problem = check();
      if (problem !== undefined) throw problem;
      return [];
    },
  });
}

/** Where a bad value was given: a construct (its path is used) or a label such as `ImageReference.parse`. */
export type ErrorScope = IConstruct | string;

/** The path an error names for a scope. */
export function pathOf(scope: ErrorScope): string {
  if (typeof scope === 'string') return scope;
  try {
    return scope.node.path || '<root>';
  } catch {
    return '<not a construct>';
  }
}

/**
 * Builds the library's validation error.
 *
 * @example throw invalid(this, 'memoryMiB', 'must be a multiple of 4', props.memoryMiB, 'Use 4096.');
 */
export function invalid(scope: ErrorScope, prop: string, problem: string, got: unknown, fix: string): ValidationError {
  return new ValidationError(pathOf(scope), prop, problem, describeValue(got), fix);
}

/**
 * Runs a value-type parser and re-throws its `ValidationError` under a construct's path and
 * prop, so the user sees where the bad value was given. Other errors pass through.
 */
export function withScope<T>(scope: ErrorScope, prop: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (!isValidationError(e)) throw e;
    const subProp = e.prop === 'value' ? prop : `${prop}.${e.prop}`;
    throw new ValidationError(pathOf(scope), subProp, e.problem, e.got, e.fix);
  }
}
