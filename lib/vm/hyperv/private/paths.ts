import { ErrorScope, invalid } from '../../../core/private/errors';
import { isUnresolved } from '../../../core/private/validation';

const WINDOWS_PATH = /^([A-Za-z]:\\|\\\\[^\\]+\\[^\\]+\\)[^/:*?"<>|]*$/;

/** Throws unless `value` is an absolute Windows path (`D:\\...` or `\\\\server\\share\\...`). */
export function checkWindowsPath(scope: ErrorScope, prop: string, value: string, diskFile = false): void {
  if (isUnresolved(value)) return;
  if (typeof value !== 'string' || !WINDOWS_PATH.test(value) || value.includes('\\..\\')) {
    throw invalid(scope, prop, 'must be an absolute Windows path on the Hyper-V host', value, 'Write it like "D:\\\\Hyper-V\\\\web01" (a drive letter or a \\\\server\\share UNC path).');
  }
  if (diskFile && !/\.vhdx?$/i.test(value)) {
    throw invalid(scope, prop, 'must name a .vhdx or .vhd file', value, 'Name the disk file, e.g. "D:\\\\Hyper-V\\\\web01\\\\os.vhdx".');
  }
}

