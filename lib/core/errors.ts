import { isValidationError } from './private/errors';

/**
 * Recognises the errors this library throws.
 *
 * Every invalid input is reported at synth time as a `ValidationError` whose message reads
 * `<construct path>: <prop>: <what is wrong> (got <value>). <how to fix>`.
 */
export class Errors {
  /**
   * True when `x` is a validation error thrown by this library (bad input, caught at construction).
   */
  public static isValidationError(x: any): boolean {
    return isValidationError(x);
  }

  private constructor() {}
}
