import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Runs an example's main.ts the way `cdktf synth` does, into a fresh CDKTF_OUTDIR, and returns that directory. */
export function runExample(mainTs: string, prefix: string): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const previous = process.env.CDKTF_OUTDIR;
  process.env.CDKTF_OUTDIR = outdir;
  try {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- runs the example the way cdktf does
      require(mainTs);
    });
  } finally {
    if (previous === undefined) delete process.env.CDKTF_OUTDIR; else process.env.CDKTF_OUTDIR = previous;
  }
  return outdir;
}
