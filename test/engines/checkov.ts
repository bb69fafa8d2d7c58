// Checkov as a peer: runs Checkov's terraform_json framework over a synthesized stack and matches
// each failed check against our documented exceptions (checkov-exceptions.json), where every entry
// says why our default deliberately differs. An unexplained failure fails the suite.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export interface CheckovFailure {
  readonly check_id: string;
  readonly check_name: string;
  readonly resource: string;
}

interface Exception {
  readonly check_id: string;
  /** A regular expression on the resource address (`docker_container.X`); omitted: every resource. */
  readonly resource?: string;
  readonly reason: string;
}

const EXCEPTIONS: Exception[] = JSON.parse(fs.readFileSync(path.join(__dirname, 'checkov-exceptions.json'), 'utf8')).exceptions;

/** Runs Checkov on one Terraform JSON file; returns its failed checks, or why it could not run. */
export function checkovFindings(checkov: string, file: string): { failed: CheckovFailure[]; passed: number; error?: string } {
  const dir = fs.mkdtempSync(path.join(path.dirname(file), '.checkov-'));
  try {
    // Checkov's terraform_json framework reads *.tf.json files; cdk.tf.json already is one.
    fs.copyFileSync(file, path.join(dir, 'main.tf.json'));
    const r = spawnSync(checkov, ['-d', dir, '--framework', 'terraform_json', '-o', 'json', '--compact', '--skip-download'],
      { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 600_000, env: { ...process.env, BC_SKIP_MAPPING: 'TRUE', CKV_NO_COLOR: '1' } });
    const text = (r.stdout ?? '').trim();
    // An empty list is Checkov's answer for a stack none of its checks applies to (e.g. Hyper-V).
    if (text === '' || text === '[]') return r.status === 0 ? { failed: [], passed: 0 } : { failed: [], passed: 0, error: `no report (exit ${r.status}): ${(r.stderr ?? '').slice(-500)}` };
    let parsed: any;
    try { parsed = JSON.parse(text); } catch { return { failed: [], passed: 0, error: `unreadable output: ${text.slice(0, 300)}` }; }
    // With no check applicable to the stack, Checkov prints only a bare summary object.
    if (!Array.isArray(parsed) && parsed?.results === undefined && typeof parsed?.passed === 'number') return { failed: [], passed: parsed.passed };
    const reports: any[] = Array.isArray(parsed) ? parsed : [parsed];
    const failed: CheckovFailure[] = [];
    let passed = 0;
    for (const rep of reports) {
      passed += rep?.summary?.passed ?? 0;
      for (const f of rep?.results?.failed_checks ?? []) failed.push({ check_id: f.check_id, check_name: f.check_name, resource: f.resource });
    }
    if (reports.every((rep) => rep?.summary === undefined && rep?.results === undefined)) return { failed, passed, error: `no report in output: ${text.slice(0, 300)}` };
    return { failed, passed };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The documented reason for a failure, or undefined when it is unexplained. */
export function explainCheckov(f: CheckovFailure): string | undefined {
  return EXCEPTIONS.find((e) => e.check_id === f.check_id && (e.resource === undefined || new RegExp(e.resource).test(f.resource)))?.reason;
}
