// Report renderers shared by the synth-time checks and the CLI: JSON, Markdown, SARIF 2.1.0, text.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { FindingStatus, PolicyFinding } from '../finding';
import { IPolicyRule, Severity } from '../rule';
import { PolicySuppression } from '../suppressions';
import { isBlocking, RULE_ERROR_ID, severityRank } from './engine';

/** Names of the report files written next to each stack's cdk.tf.json. */
export const REPORT_FILES = { json: 'policy-report.json', markdown: 'policy-report.md', sarif: 'policy-report.sarif' };
export const TOOL_NAME = 'cdktf-hybrid';
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** SARIF uriBaseId of relative artifact URIs: the root of the checked-out sources (the working directory of the run). */
export const SRCROOT = '%SRCROOT%';

/** What the reports say besides the findings. */
export interface ReportMeta {
  /** Findings at or above this severity that are neither suppressed nor UNKNOWN block (exit 1 / synth error). */
  readonly threshold: Severity;
  /** Number of stacks checked. */
  readonly stacks: number;
  /** Number of resources checked. */
  readonly resources: number;
  /** The rules that ran. */
  readonly rules: IPolicyRule[];
}

/** Findings in report order: by stack, then resource address; rule order kept within a resource. */
export function ordered(findings: PolicyFinding[]): PolicyFinding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.stackName.localeCompare(b.f.stackName) || a.f.resourceAddress.localeCompare(b.f.resourceAddress) || a.i - b.i)
    .map(({ f }) => f);
}

/** The summary object of the JSON report. */
export function summarize(findings: PolicyFinding[], meta: ReportMeta) {
  const open = findings.filter((f) => !f.suppressed && f.status !== FindingStatus.UNKNOWN);
  return {
    total: findings.length,
    blocking: findings.filter((f) => isBlocking(f, meta.threshold)).length,
    failed: findings.filter((f) => f.status === FindingStatus.FAIL && !f.suppressed).length,
    unknown: findings.filter((f) => f.status === FindingStatus.UNKNOWN && !f.suppressed).length,
    errors: findings.filter((f) => f.status === FindingStatus.ERROR && !f.suppressed).length,
    suppressed: findings.filter((f) => f.suppressed).length,
    bySeverity: {
      HIGH: open.filter((f) => f.severity === Severity.HIGH).length,
      MEDIUM: open.filter((f) => f.severity === Severity.MEDIUM).length,
      LOW: open.filter((f) => f.severity === Severity.LOW).length,
    },
    threshold: meta.threshold,
    stacks: meta.stacks,
    resources: meta.resources,
    rules: meta.rules.length,
  };
}

/** `{"findings":[...],"summary":{...}}`: the JSON report and the CLI's `--format json`. */
export function jsonReport(findings: PolicyFinding[], meta: ReportMeta) {
  return {
    findings: ordered(findings).map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      status: f.status,
      resource: f.resourceAddress,
      stack: f.stackName,
      path: f.constructPath ?? null,
      message: f.message,
      suppressed: f.suppressed,
      reason: f.suppressionReason ?? null,
    })),
    summary: summarize(findings, meta),
  };
}

function cell(text: string | undefined): string {
  return (text ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(text: string | undefined): string {
  return text ? `\`${text.replace(/`/g, "'")}\`` : '';
}

function statusLabel(f: PolicyFinding): string {
  return f.suppressed ? `${f.status} (suppressed)` : f.status;
}

/** How an unused suppression is described in the reports. */
export const UNUSED = 'unused: it accepts no finding; remove it, or correct its rule id or scope';

function accepts(sup: PolicySuppression, f: PolicyFinding): boolean {
  return f.suppressed && f.suppressedAt === sup.scopePath && (f.ruleId === sup.ruleId || f.baseRuleId === sup.ruleId);
}

/**
 * How many findings each suppression accepted (0: it is unused, e.g. stale or misspelled). A finding counts
 * once, for the suppression the engine applied: the first one added on its scope that matches it (so with
 * `K8S-X` and `K8S-X[container=web]` on one construct, the finding counts for the one added first).
 */
export function findingsAccepted(suppressions: PolicySuppression[], findings: PolicyFinding[]): number[] {
  const counts = suppressions.map(() => 0);
  for (const f of findings) {
    const at = suppressions.findIndex((sup) => accepts(sup, f));
    if (at >= 0) counts[at]++;
  }
  return counts;
}

/** The suppressions as the JSON and SARIF reports record them: with their stack and the number of findings each accepted. */
export function suppressionRecords(stack: string, suppressions: PolicySuppression[], findings: PolicyFinding[]) {
  const counts = findingsAccepted(suppressions, findings.filter((f) => f.stackName === stack));
  return suppressions.map((s, i) => ({ stack, ...s, findingsAccepted: counts[i] }));
}

/** The Markdown report of one stack: a summary, a findings table, why the rules with findings exist, and the suppressions. */
export function markdownReport(title: string, findings: PolicyFinding[], suppressions: PolicySuppression[], meta: ReportMeta): string {
  const s = summarize(findings, meta);
  const lines = [
    `# Policy report: ${title}`,
    '',
    `${s.total} finding(s): ${s.blocking} blocking at or above ${meta.threshold}, ${s.failed} failed, ${s.errors} rule error(s), `
      + `${s.unknown} unknown, ${s.suppressed} suppressed. ${meta.resources} resource(s) checked against ${meta.rules.length} rule(s).`,
    '',
  ];
  if (findings.length === 0) {
    lines.push('No findings.', '');
  } else {
    lines.push(
      '| Rule | Severity | Resource | Construct path | Status | Suppression reason | Message |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...ordered(findings).map((f) => `| ${cell(f.ruleId)} | ${f.severity} | ${code(f.resourceAddress)} | ${code(f.constructPath)} | ${statusLabel(f)} | ${cell(f.suppressionReason)} | ${cell(f.message)} |`),
      '',
    );
  }
  lines.push(...whySection(findings, meta.rules));
  lines.push('## Suppressions', '');
  const counts = findingsAccepted(suppressions, findings);
  if (suppressions.length === 0) {
    lines.push('None.', '');
  } else {
    lines.push(
      '| Rule | Added on | Reason | Findings accepted |',
      '| --- | --- | --- | --- |',
      ...suppressions.map((sup, i) => {
        const used = counts[i];
        return `| ${cell(sup.ruleId)} | ${code(sup.scopePath)} | ${cell(sup.reason)} | ${used === 0 ? `0 (${UNUSED})` : used} |`;
      }),
      '',
    );
  }
  return lines.join('\n');
}

/**
 * "Why these rules": one line per rule that has findings and a rationale, in rule order; nothing
 * when no such rule (custom rules without a rationale keep the report as it was).
 */
function whySection(findings: PolicyFinding[], rules: IPolicyRule[]): string[] {
  const ids = new Set(findings.map((f) => f.baseRuleId));
  const explained = rules.filter((r) => ids.has(r.ruleId) && r.rationale);
  if (explained.length === 0) return [];
  return [
    '## Why these rules',
    '',
    ...explained.map((r) => `- **${r.ruleId}** (${r.severity}; ${r.source}): ${(r.rationale ?? '').replace(/\r?\n/g, ' ')}`),
    '',
  ];
}

/** Where a finding points in the synthesized files. */
export interface SarifLocation {
  /** URI of the cdk.tf.json: relative to the working directory with forward slashes (then based on `%SRCROOT%`), or a file:// URI. */
  readonly uri: string;
  /** 1-based line of the resource in that file, when known. */
  readonly line?: number;
}

const LEVEL: Record<string, string> = { [Severity.HIGH]: 'error', [Severity.MEDIUM]: 'warning', [Severity.LOW]: 'note' };
const SECURITY_SEVERITY: Record<string, string> = { [Severity.HIGH]: '8.0', [Severity.MEDIUM]: '5.0', [Severity.LOW]: '2.0' };

function level(f: PolicyFinding): string {
  return f.status === FindingStatus.UNKNOWN ? 'note' : LEVEL[f.severity];
}

function ruleDescriptor(id: string, title: string, severity: Severity, source: string, resourceTypes: string[], suppressible: boolean, rationale?: string) {
  const why = rationale ? ` ${rationale}` : '';
  return {
    id,
    name: id,
    shortDescription: { text: title },
    fullDescription: { text: `${title} (source: ${source}).${why}` },
    help: { text: `${title}. Source: ${source}.${rationale ? ` Why: ${rationale}` : ''} Resource types: ${resourceTypes.join(', ')}. ${suppressible ? 'Suppress with Policy.suppress(scope, ruleId, reason).' : 'Not suppressible.'}` },
    defaultConfiguration: { level: LEVEL[severity] },
    properties: {
      'tags': ['security', 'cdktf'],
      'security-severity': SECURITY_SEVERITY[severity],
      'severity': severity,
      'source': source,
      'resourceTypes': resourceTypes,
      'suppressible': suppressible,
      'precision': 'high',
    },
  };
}

/** A SARIF 2.1.0 log with one run: every rule that ran as a reporting descriptor, every finding as a result. */
export function sarifReport(findings: PolicyFinding[], rules: IPolicyRule[], locate: (f: PolicyFinding) => SarifLocation, tool: ToolInfo = toolInfo(),
  suppressions: Array<ReturnType<typeof suppressionRecords>[number]> = []) {
  const descriptors = rules.map((r) => ruleDescriptor(r.ruleId, r.title, r.severity, r.source, r.resourceTypes, r.suppressible !== false, r.rationale));
  if (findings.some((f) => f.baseRuleId === RULE_ERROR_ID)) {
    descriptors.push(ruleDescriptor(RULE_ERROR_ID, 'A policy rule failed while checking a resource', Severity.HIGH, TOOL_NAME, ['*'], true));
  }
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const fingerprints = new Set<string>();
  const results = ordered(findings).map((f) => {
    const where = locate(f);
    // One fingerprint per result: code scanning merges results that share one into a single alert.
    let fingerprint = `${f.stackName}/${f.resourceAddress}/${f.ruleId}`;
    if (fingerprints.has(fingerprint)) fingerprint += `/${f.attributePath ?? ''}`;
    for (let n = 2, base = fingerprint; fingerprints.has(fingerprint); n++) fingerprint = `${base}#${n}`;
    fingerprints.add(fingerprint);
    const result: Record<string, any> = {
      ruleId: f.baseRuleId,
      ruleIndex: index.get(f.baseRuleId) ?? -1,
      level: level(f),
      message: { text: `${f.ruleId} on ${f.resourceAddress}${f.constructPath ? ` (${f.constructPath})` : ''}: ${f.message}` },
      locations: [{
        physicalLocation: {
          artifactLocation: /^[a-z][a-z0-9+.-]*:/i.test(where.uri) ? { uri: where.uri } : { uri: where.uri, uriBaseId: SRCROOT },
          region: { startLine: Math.max(1, Math.trunc(where.line ?? 1)) },
        },
        logicalLocations: [{ fullyQualifiedName: `${f.stackName}/${f.resourceAddress}`, name: f.resourceAddress, kind: 'resource' }],
      }],
      partialFingerprints: { 'cdktfHybridFinding/v1': fingerprint },
      properties: {
        findingId: f.ruleId,
        status: f.status,
        severity: f.severity,
        stack: f.stackName,
        resource: f.resourceAddress,
        constructPath: f.constructPath ?? null,
        attributePath: f.attributePath ?? null,
      },
    };
    if (result.ruleIndex < 0) delete result.ruleIndex;
    if (f.suppressed) result.suppressions = [{ kind: 'inSource', status: 'accepted', justification: f.suppressionReason }];
    return result;
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: TOOL_NAME, ...(tool.informationUri ? { informationUri: tool.informationUri } : {}), version: tool.version, rules: descriptors } },
      columnKind: 'utf16CodeUnits',
      results,
      // Every Policy.suppress of the checked stacks, used or not (findingsAccepted 0: stale), so a review sees them all.
      properties: { suppressions },
    }],
  };
}

/** Human-readable lines for the CLI's `--format text`. */
export function textReport(findings: PolicyFinding[], meta: ReportMeta, suppressions: Array<ReturnType<typeof suppressionRecords>[number]> = [],
  where: (f: PolicyFinding) => string | undefined = () => undefined): string {
  const sorted = ordered(findings).sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  const lines: string[] = [];
  for (const f of sorted) {
    const label = f.suppressed ? 'SUPPRESSED' : f.status;
    const at = where(f);
    lines.push(`${label} ${f.severity} ${f.ruleId} ${f.stackName}: ${f.resourceAddress}${f.constructPath ? ` (${f.constructPath})` : ''}`);
    if (at) lines.push(`    at ${at}`);
    lines.push(`    ${f.message}`);
    if (f.suppressed) lines.push(`    suppressed: ${f.suppressionReason}`);
  }
  for (const sup of suppressions.filter((x) => x.findingsAccepted === 0)) {
    lines.push(`UNUSED SUPPRESSION ${sup.ruleId} ${sup.stack}: on ${sup.scopePath || '(unknown scope)'} ("${sup.reason}")`, `    ${UNUSED}.`);
  }
  const s = summarize(findings, meta);
  lines.push(`${s.blocking} blocking finding(s) at or above ${meta.threshold}; ${s.total} in total (${s.failed} failed, ${s.errors} rule errors, `
    + `${s.unknown} unknown, ${s.suppressed} suppressed) in ${meta.stacks} stack(s), ${meta.resources} resource(s), ${meta.rules.length} rule(s).`);
  return lines.join('\n') + '\n';
}

/**
 * The 1-based line where each resource (`<type>.<name>`) and provider block (`provider.<name>`) starts in a
 * pretty-printed Terraform JSON text, built in one pass (a stack's SARIF report looks up every finding here).
 * Only keys at the block's own depth count, so a nested attribute that happens to share a resource's name
 * is never taken for it. Text that is not pretty-printed gives an empty index.
 */
export function resourceLineIndex(text: string): Map<string, number> {
  const index = new Map<string, number>();
  const keys: string[] = [];
  let step = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^( +)"((?:[^"\\]|\\.)*)": [{[]\s*$/.exec(lines[i]);
    if (!match) continue;
    if (step === 0) step = match[1].length;
    if (match[1].length % step !== 0) continue;
    const depth = match[1].length / step;
    keys.length = depth - 1;
    keys[depth - 1] = match[2];
    if (depth === 3 && keys[0] === 'resource') index.set(`${keys[1]}.${keys[2]}`, i + 1);
    else if (depth === 2 && keys[0] === 'provider') index.set(`provider.${keys[1]}`, i + 1);
  }
  return index;
}

/** The line of a finding's resource (or provider block) in an index built by `resourceLineIndex`. */
export function findingLine(index: Map<string, number>, f: PolicyFinding): number | undefined {
  return index.get(f.resourceType.startsWith('provider.') ? f.resourceType : f.resourceAddress);
}

/** The 1-based line where resource `<type>.<name>` starts in a pretty-printed Terraform JSON text, if found. */
export function resourceLine(text: string, resourceType: string, name: string): number | undefined {
  return resourceLineIndex(text).get(`${resourceType}.${name}`);
}

/** A SARIF artifact URI for a file: relative to the working directory with forward slashes, or a file:// URI outside it. */
export function artifactUri(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return pathToFileURL(path.resolve(file)).href;
  return relative.split(path.sep).join('/');
}

/** This package's version and repository, for the SARIF tool driver. */
export interface ToolInfo {
  readonly version: string;
  readonly informationUri?: string;
}

/** Reads the version and repository URL from this package's package.json. */
export function toolInfo(): ToolInfo {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    const informationUri = typeof repo === 'string' && /^https?:\/\//.test(repo) ? repo.replace(/\.git$/, '') : undefined;
    return { version: String(pkg.version ?? '0.0.0'), informationUri };
  } catch {
    return { version: '0.0.0' };
  }
}
