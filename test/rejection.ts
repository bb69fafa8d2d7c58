import { Errors } from '../lib';

/** The message of the ValidationError `fn` throws; any other outcome (another error, no error) fails the test. */
export function rejection(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (!Errors.isValidationError(e)) throw e;
    return (e as Error).message;
  }
  throw new Error('expected a ValidationError, but nothing was thrown');
}
