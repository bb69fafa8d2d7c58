// Running the CLI in process, for the CLI tests: the exit code and what it wrote.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../lib/policy/cli';

/** A fresh temporary directory. */
export function tmp(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Runs `cdktf-hybrid <argv...>` with the built-in packs and returns its exit code, stdout and stderr. */
export function run(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, { out: (t) => { out += t; }, err: (t) => { err += t; } });
  return { code, out, err };
}
