import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../lib/policy/cli';
import { runExample } from '../helpers/run-example';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'reference-platform', 'main.ts');

describe('the reference example under the policy checks', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = runExample(EXAMPLE, 'policy-reference-');
  });

  test('writes the three reports and has no unsuppressed finding', () => {
    const dir = path.join(outdir, 'stacks', 'reference-platform');
    for (const file of ['policy-report.json', 'policy-report.md', 'policy-report.sarif']) {
      expect(fs.existsSync(path.join(dir, file))).toBe(true);
    }
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'policy-report.json'), 'utf8'));
    expect(report.findings.filter((f: any) => !f.suppressed && f.status !== 'UNKNOWN')).toEqual([]);
  });

  test('the CLI with the built-in packs agrees: exit 0 on the synthesized output', () => {
    let out = '';
    const code = main(['check', '--format', 'json', outdir], { out: (t) => { out += t; }, err: (t) => { out += t; } });
    expect(JSON.parse(out).findings.filter((f: any) => !f.suppressed && f.status !== 'UNKNOWN')).toEqual([]);
    expect(code).toBe(0);
  });
});
