// The gate program shipped in bin/ (cdktf-hybrid-scan-gate), on recorded reports written in each
// tool's documented JSON format: Clair v4's vulnerability report (`clairctl report --out json`)
// and Anchore's vulnerability list (`anchorectl image vulnerabilities <image> -o json`).
import { spawnSync } from 'child_process';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const gate = require('../../bin/cdktf-hybrid-scan-gate.js');
const PROGRAM = path.join(__dirname, '..', '..', 'bin', 'cdktf-hybrid-scan-gate.js');
const REPORTS = path.join(__dirname, 'scan-reports');
const IMAGE = `ghcr.io/acme/api:1.4.2@sha256:${'a'.repeat(64)}`;

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [PROGRAM, ...args], { encoding: 'utf8', input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const report = (name: string) => path.join(REPORTS, name);

describe.each(['clair', 'anchore'])('%s reports', (format) => {
  const decideFile = (file: string, threshold = 'high') => run(['--format', format, '--fail-on', threshold, '--image', IMAGE, '--report', report(`${format}-${file}.json`)]);

  test('no vulnerabilities: passes, one PASS line on stdout', () => {
    const r = decideFile('clean');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`cdktf-hybrid-scan-gate: PASS ${IMAGE} (${format}, fail on high and above): 0 vulnerabilities, none at or above high (highest: none)\n`);
    expect(r.stderr).toBe('');
  });

  test('below the threshold (low and medium at high): passes and names the highest severity', () => {
    const r = decideFile('below-high');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/PASS .*: 2 vulnerabilities, none at or above high \(highest: medium\)/);
  });

  test('at the threshold (a high at high): fails with exit 1 and names the vulnerability and package', () => {
    const r = decideFile('at-high');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^cdktf-hybrid-scan-gate: FAIL .*: 1 vulnerability at or above high: CVE-2024-0553 high in libgnutls30/);
  });

  test('above the threshold (a critical at high): fails; the same report passes at critical only when nothing reaches it', () => {
    const r = decideFile('above-high');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/1 vulnerability at or above high: CVE-2023-45853 critical in zlib1g/);
    expect(decideFile('above-high', 'critical').status).toBe(1);
    expect(decideFile('at-high', 'critical').status).toBe(0);
  });

  test.each([
    ['negligible', 1], ['low', 1], ['medium', 1], ['high', 1], ['critical', 1],
  ])('a critical fails at every threshold (%s)', (threshold, status) => {
    expect(decideFile('above-high', threshold).status).toBe(status);
  });

  test('the low+medium report fails at low and at medium, passes at high', () => {
    expect(decideFile('below-high', 'low').status).toBe(1);
    expect(decideFile('below-high', 'medium').status).toBe(1);
    expect(decideFile('below-high', 'high').status).toBe(0);
  });

  test('"Unknown" severity (not yet scored) counts at the negligible threshold only, and the PASS line says it was not counted', () => {
    const high = decideFile('unknown-severity');
    expect(high.status).toBe(0);
    expect(high.stdout).toMatch(/; 1 of unknown severity not counted \(they count at the negligible threshold\)/);
    const negligible = decideFile('unknown-severity', 'negligible');
    expect(negligible.status).toBe(1);
    expect(negligible.stderr).toMatch(/CVE-2024-2961 unknown in libc6/);
  });

  test('a severity the tool does not document fails closed (exit 2) with a clear line', () => {
    const r = decideFile('unrecognized-severity');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^cdktf-hybrid-scan-gate: FAIL .*: cannot decide, failing closed: vulnerability CVE-2023-5678 has severity (?:"Severe"|7\.5), which is not one of Unknown, Negligible, Low, Medium, High, Critical\n$/);
  });

  test('truncated (malformed) JSON fails closed', () => {
    const r = decideFile('truncated');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot decide, failing closed: the report is not JSON \(/);
  });

  test('empty output fails closed', () => {
    const r = run(['--format', format, '--fail-on', 'high', '--report', '-'], '');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot decide, failing closed: the scanner printed no report/);
  });
});

describe('format-specific malformed reports', () => {
  test('clairctl prints null when Clair could not produce a report (and exits 0): the gate fails closed', () => {
    const r = run(['--format', 'clair', '--fail-on', 'high', '--report', report('clair-null.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the report is null: clairctl prints null when Clair could not produce a vulnerability report/);
  });

  test('an Anchore API error body is not a vulnerability report', () => {
    const r = run(['--format', 'anchore', '--fail-on', 'high', '--report', report('anchore-error-body.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the report has no "vulnerabilities" list \(got nothing\), so it is not an Anchore vulnerability report/);
  });

  test('a Clair report read as Anchore (or the reverse) fails closed instead of passing as "no vulnerabilities"', () => {
    expect(run(['--format', 'anchore', '--fail-on', 'high', '--report', report('clair-above-high.json')]).status).toBe(2);
    expect(run(['--format', 'clair', '--fail-on', 'high', '--report', report('anchore-above-high.json')]).status).toBe(2);
  });
});

describe('running the scanner', () => {
  // A stand-in scanner: node printing a recorded report, as clairctl/anchorectl print theirs.
  const printer = (file: string) => [process.execPath, '-e', `process.stdout.write(require('fs').readFileSync(${JSON.stringify(report(file))}, 'utf8'))`];

  test('decides the scanner\'s standard output: clean passes, above-threshold fails', () => {
    expect(run(['--format', 'clair', '--fail-on', 'high', '--image', IMAGE, '--', ...printer('clair-clean.json')]).status).toBe(0);
    const r = run(['--format', 'clair', '--fail-on', 'high', '--image', IMAGE, '--', ...printer('clair-above-high.json')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/CVE-2023-45853 critical/);
  });

  test('a scanner that exits non-zero fails closed even if it printed a clean report', () => {
    const r = run(['--format', 'clair', '--fail-on', 'high', '--image', IMAGE, '--', process.execPath, '-e',
      `process.stdout.write(require('fs').readFileSync(${JSON.stringify(report('clair-clean.json'))}, 'utf8')); process.exit(3)`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp('cannot decide, failing closed: .*node exited with status 3'));
  });

  test('a scanner that is not installed fails closed and says so', () => {
    const r = run(['--format', 'anchore', '--fail-on', 'high', '--', 'no-such-scanner-cdktf-hybrid']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/could not run no-such-scanner-cdktf-hybrid: not found on PATH/);
  });

  test('bad command lines are refused with exit 2 and a usage line', () => {
    for (const args of [[], ['--format', 'clair'], ['--format', 'clair', '--fail-on', 'high'], ['--format', 'clair', '--fail-on', 'high', '--report', 'x', '--', 'y'], ['--bogus', '1']]) {
      const r = run(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/usage: cdktf-hybrid-scan-gate --format clair\|anchore --fail-on/);
    }
    expect(run(['--format', 'grype', '--fail-on', 'high', '--report', report('clair-clean.json')]).stderr).toMatch(/unknown report format "grype"/);
    expect(run(['--format', 'clair', '--fail-on', 'severe', '--report', report('clair-clean.json')]).stderr).toMatch(/unknown threshold "severe"/);
  });
});

describe('decide() agrees with the library thresholds', () => {
  test('THRESHOLDS are the ScanSeverity values, lowest first', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ScanSeverity } = require('../../lib');
    expect(gate.THRESHOLDS).toEqual(Object.values(ScanSeverity));
  });
});
