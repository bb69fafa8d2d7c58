// `cdktf-hybrid check <paths...>`: runs the policy packs over synthesized Terraform JSON.
// Not part of the jsii API (not exported from lib/index.ts); bin/cdktf-hybrid.js calls `main`.
import * as fs from 'fs';
import { PolicyFinding } from './finding';
import { PolicyPacks } from './packs';
import { applyBaseline, createBaseline, readBaseline } from './private/baseline';
import { checkRules, evaluateStack, isBlocking, parseSeverity } from './private/engine';
import { InputError, LoadedStack, loadInputs, oneLine, SourceLocation } from './private/inputs';
import { artifactUri, jsonReport, ordered, ReportMeta, sarifReport, suppressionRecords, textReport } from './private/report';
import { IPolicyRule, Severity } from './rule';

/** Where the CLI writes. */
export interface CliIo {
  /** Standard output (the report). */
  out(text: string): void;
  /** Standard error (one-line errors). */
  err(text: string): void;
}

/** Exit codes. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INVALID = 2;

const FORMATS = ['text', 'json', 'sarif'];

export const USAGE = `Usage: cdktf-hybrid check [options] <path...>

Runs the cdktf-hybrid policy packs over Terraform. Each path is a file or a directory:
  - a directory is searched recursively (skipping node_modules, .terraform and .git) for cdk.tf.json
    (each one a stack, e.g. every cdktf.out/stacks/*/cdk.tf.json) and for *.tf.json and *.tf files
    (each directory one Terraform module);
  - a file is a cdk.tf.json, a *.tf.json, an HCL *.tf, or a plan from terraform show -json (evaluated
    on its planned values, so values unknown at synth are decided).

  --format FORMAT         text (default), json or sarif (SARIF 2.1.0, for code scanning)
  --min-severity LEVEL    run, report and fail on rules at or above LOW (default), MEDIUM or HIGH
  --baseline FILE         accept the findings recorded in FILE: they are reported as suppressed and
                          do not fail the run; only new findings do
  --create-baseline FILE  record every current failure in FILE (then they are accepted, exit 0)

Exit codes: 0 no unsuppressed failure at or above the threshold (UNKNOWN never fails);
1 at least one; 2 unreadable or invalid input, or bad arguments.
`;

/** A problem that ends the run with exit code 2 and a one-line message. */
class UsageError extends Error {
  constructor(message: string, readonly usage = false) {
    super(oneLine(message));
  }
}

interface Options {
  readonly format: string;
  readonly minSeverity: Severity;
  readonly paths: string[];
  readonly help: boolean;
  readonly baseline?: string;
  readonly createBaseline?: string;
}

function parseArgs(argv: string[]): Options {
  const args = [...argv];
  if (args.length === 0) throw new UsageError('no command given', true);
  if (args[0] === '--help' || args[0] === '-h') return { format: 'text', minSeverity: Severity.LOW, paths: [], help: true };
  const command = args.shift();
  if (command !== 'check') throw new UsageError(`unknown command ${JSON.stringify(command)}; the only command is "check" (see --help)`);
  let format = 'text';
  let minSeverity = Severity.LOW;
  let help = false;
  let baseline: string | undefined;
  let createBaseline: string | undefined;
  const paths: string[] = [];
  while (args.length > 0) {
    const arg = args.shift()!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args.shift();
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--format') {
      format = value();
      if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got ${JSON.stringify(format)})`);
    } else if (flag === '--min-severity') {
      const v = value();
      const parsed = parseSeverity(v);
      if (!parsed) throw new UsageError(`--min-severity must be LOW, MEDIUM or HIGH (got ${JSON.stringify(v)})`);
      minSeverity = parsed;
    } else if (flag === '--baseline') {
      baseline = value();
    } else if (flag === '--create-baseline') {
      createBaseline = value();
    } else if (flag === '--help' || flag === '-h') {
      help = true;
    } else if (flag === '--') {
      paths.push(...args.splice(0));
    } else if (flag.startsWith('-')) {
      throw new UsageError(`unknown option ${flag} (see --help)`);
    } else {
      paths.push(arg);
    }
  }
  if (!help && paths.length === 0) throw new UsageError('no path given: pass directories (searched recursively), Terraform files or a plan JSON (see --help)');
  if (baseline !== undefined && createBaseline !== undefined) throw new UsageError('--baseline and --create-baseline cannot be combined: create the baseline once, then check against it');
  return { format, minSeverity, paths, help, baseline, createBaseline };
}

/**
 * Runs the CLI. Returns the exit code: 0 clean, 1 unsuppressed findings at or above `--min-severity`,
 * 2 unreadable or invalid input or bad arguments (one line on stderr, never a stack trace).
 *
 * @param argv the arguments after the program name, e.g. `['check', 'cdktf.out']`
 * @param io where to write; defaults to the process's stdout and stderr
 * @param rules the rules to run; defaults to every built-in pack
 */
export function main(argv: string[], io: CliIo = processIo(), rules: IPolicyRule[] = PolicyPacks.all()): number {
  try {
    const options = parseArgs(argv);
    if (options.help) {
      io.out(USAGE);
      return EXIT_OK;
    }
    const problems = checkRules(rules);
    if (problems.length > 0) throw new UsageError(`the rule set is invalid: ${problems.join('; ')}`);
    const stacks = loadInputs(options.paths);
    let findings: PolicyFinding[] = [];
    const files = new Map<PolicyFinding, LoadedStack>();
    for (const stack of stacks) {
      for (const f of evaluateStack(stack.stackName, [...stack.resources, ...stack.providers], rules, options.minSeverity)) {
        findings.push(f);
        files.set(f, stack);
      }
    }
    let baseline: { file: string; accepted: number; stale: number } | undefined;
    const baselineFile = options.createBaseline ?? options.baseline;
    if (baselineFile !== undefined) {
      if (options.createBaseline !== undefined) writeBaseline(options.createBaseline, findings);
      const applied = applyBaseline(findings, readBaseline(baselineFile), baselineFile);
      applied.findings.forEach((f, i) => files.set(f, files.get(findings[i])!));
      findings = applied.findings;
      baseline = { file: baselineFile, accepted: applied.accepted, stale: applied.stale };
    }
    const locate = (f: PolicyFinding): SourceLocation => {
      const stack = files.get(f)!;
      return stack.locations.get(f.resourceAddress) ?? stack.fallback;
    };
    const meta: ReportMeta = {
      threshold: options.minSeverity,
      stacks: stacks.length,
      resources: stacks.reduce((n, s) => n + s.resources.length, 0),
      rules,
    };
    const suppressions = stacks.flatMap((s) => suppressionRecords(s.stackName, s.suppressions, findings));
    if (options.format === 'json') {
      const report = jsonReport(findings, meta);
      const sorted = ordered(findings);
      const located = report.findings.map((f, i) => {
        const where = locate(sorted[i]);
        return { ...f, input: where.kind, file: artifactUri(where.file), line: where.line ?? null };
      });
      io.out(JSON.stringify({ findings: located, summary: { ...report.summary, suppressions, ...(baseline ? { baseline } : {}) } }, undefined, 2) + '\n');
    } else if (options.format === 'sarif') {
      const sarif = sarifReport(findings, meta.rules, (f) => {
        const where = locate(f);
        return { uri: artifactUri(where.file), line: where.line };
      }, undefined, suppressions);
      // which kind of input each result was read from (the order of results is the report order)
      ordered(findings).forEach((f, i) => { sarif.runs[0].results[i].properties.inputKind = locate(f).kind; });
      if (baseline) (sarif.runs[0].properties as Record<string, unknown>).baseline = baseline;
      io.out(JSON.stringify(sarif, undefined, 2) + '\n');
    } else {
      const text = textReport(findings, meta, suppressions, (f) => {
        const where = locate(f);
        return `${artifactUri(where.file)}${where.line ? `:${where.line}` : ''} (${where.kind})`;
      });
      const stale = baseline && baseline.stale > 0
        ? `${baseline.stale} baseline entr${baseline.stale === 1 ? 'y matches' : 'ies match'} no finding any more (fixed?): regenerate ${baseline.file} with --create-baseline.\n`
        : '';
      io.out(text + stale);
    }
    return findings.some((f) => isBlocking(f, options.minSeverity)) ? EXIT_FINDINGS : EXIT_OK;
  } catch (e) {
    const message = e instanceof UsageError || e instanceof InputError ? e.message : `internal error: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`;
    // one line (control characters are escaped when the error is made), then the usage when no command was given
    io.err(`cdktf-hybrid check: ${oneLine(message).slice(0, 2000)}\n${e instanceof UsageError && e.usage ? USAGE : ''}`);
    return EXIT_INVALID;
  }
}

function writeBaseline(file: string, findings: PolicyFinding[]): void {
  try {
    fs.writeFileSync(file, JSON.stringify(createBaseline(findings), undefined, 2) + '\n');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    throw new UsageError(`cannot write the baseline ${file}: ${code === 'ENOENT' ? 'no such directory' : code === 'EACCES' ? 'permission denied' : (e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
  }
}

function processIo(): CliIo {
  // `cdktf-hybrid check ... | head`: the reader went away; stop quietly with the exit code already decided
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    process.stderr.write(`cdktf-hybrid check: cannot write the report: ${e.message.split('\n')[0]}\n`);
    process.exit(EXIT_INVALID);
  });
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  };
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
