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

/** Renders a value for an error message: JSON, shortened, never throws. */
export function describeValue(got: unknown): string {
  if (got === REDACTED) return '<redacted>';
  if (got === undefined) return 'undefined';
  let text: string;
  try {
    text = JSON.stringify(got) ?? String(got);
  } catch {
    text = String(got);
  }
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/** Where a bad value was given: a construct (its path is used) or a label such as `ImageReference.parse`. */
export type ErrorScope = IConstruct | string;

/** The path an error names for a scope. */
export function pathOf(scope: ErrorScope): string {
  return typeof scope === 'string' ? scope : scope.node.path || '<root>';
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
