// `--baseline` / `--create-baseline`: accept the findings a repository has today and fail only on new ones,
// the way Checkov users adopt a scanner. A baseline records each accepted finding by stack, resource address
// and rule id (with its detail), the same identity as the SARIF fingerprint; nothing else (no values, no lines).
import * as fs from 'fs';
import { FindingStatus, PolicyFinding } from '../finding';
import { InputError } from './inputs';

/** The format tag of a baseline file. */
export const BASELINE_FORMAT = 'cdktf-hybrid-baseline/v1';

/** One accepted finding. */
export interface BaselineEntry {
  readonly stack: string;
  readonly resource: string;
  readonly ruleId: string;
}

function key(e: BaselineEntry): string {
  return `${e.stack}\u0000${e.resource}\u0000${e.ruleId}`;
}

function entryOf(f: PolicyFinding): BaselineEntry {
  return { stack: f.stackName, resource: f.resourceAddress, ruleId: f.ruleId };
}

/** Whether a baseline may accept the finding: an unsuppressed FAIL or ERROR of a suppressible rule. */
function acceptable(f: PolicyFinding): boolean {
  return !f.suppressed && f.suppressible && (f.status === FindingStatus.FAIL || f.status === FindingStatus.ERROR);
}

/** The baseline document for today's findings (sorted, so it diffs well in review). */
export function createBaseline(findings: PolicyFinding[]) {
  const entries = new Map(findings.filter(acceptable).map((f) => [key(entryOf(f)), entryOf(f)]));
  return { format: BASELINE_FORMAT, findings: [...entries.values()].sort((a, b) => key(a).localeCompare(key(b))) };
}

/** Reads a baseline file. @throws InputError when it cannot be read or is not a baseline */
export function readBaseline(file: string): BaselineEntry[] {
  let doc: any;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    const why = code === 'ENOENT' ? 'no such file (create it with --create-baseline)' : (e instanceof Error ? e.message : String(e)).split('\n')[0];
    throw new InputError(`cannot read the baseline ${file}: ${why}`);
  }
  const entries = doc?.findings;
  if (doc?.format !== BASELINE_FORMAT || !Array.isArray(entries)
    || !entries.every((e: any) => typeof e?.stack === 'string' && typeof e?.resource === 'string' && typeof e?.ruleId === 'string')) {
    throw new InputError(`${file} is not a cdktf-hybrid baseline (expected {"format":"${BASELINE_FORMAT}","findings":[{"stack","resource","ruleId"}]}; create it with --create-baseline)`);
  }
  return entries;
}

/** The outcome of applying a baseline. */
export interface BaselineResult {
  /** The findings, those the baseline accepts marked suppressed with the baseline as the reason. */
  readonly findings: PolicyFinding[];
  /** How many findings the baseline accepted. */
  readonly accepted: number;
  /** Baseline entries that match no finding any more (fixed, or renamed): regenerate the baseline to drop them. */
  readonly stale: number;
}

/**
 * Marks the findings the baseline accepts as suppressed (reason: the baseline file), so they are reported but
 * do not fail the run. Findings of rules that cannot be suppressed are never accepted.
 */
export function applyBaseline(findings: PolicyFinding[], entries: BaselineEntry[], file: string): BaselineResult {
  const wanted = new Set(entries.map(key));
  const used = new Set<string>();
  const out = findings.map((f) => {
    const k = key(entryOf(f));
    if (!acceptable(f) || !wanted.has(k)) return f;
    used.add(k);
    return { ...f, suppressed: true, suppressionReason: `accepted by the baseline ${file}`, suppressedAt: undefined };
  });
  return { findings: out, accepted: out.filter((f, i) => f !== findings[i]).length, stale: [...wanted].filter((k) => !used.has(k)).length };
}
