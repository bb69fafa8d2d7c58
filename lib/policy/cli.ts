// `cdktf-hybrid check <paths...>`: runs the policy packs over synthesized Terraform JSON.
// Not part of the jsii API (not exported from lib/index.ts); bin/cdktf-hybrid.js calls `main`.
import * as fs from 'fs';
import * as path from 'path';
import { PolicyFinding } from './finding';
import { PolicyPacks } from './packs';
import { checkRules, evaluateStack, isBlocking, parseSeverity } from './private/engine';
import { artifactUri, findingLine, jsonReport, ReportMeta, resourceLineIndex, sarifReport, suppressionRecords, textReport } from './private/report';
import { InvalidInput, ParsedStack, readTerraformJson } from './private/tf-json';
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
const STACK_FILE = 'cdk.tf.json';

export const USAGE = `Usage: cdktf-hybrid check [--format text|json|sarif] [--min-severity LOW|MEDIUM|HIGH] <path...>

Runs the cdktf-hybrid policy packs over Terraform JSON. Each path is a cdktf.out directory
(every stacks/*/cdk.tf.json), a stack directory holding cdk.tf.json, or a *.tf.json file.

  --format        text (default), json or sarif (SARIF 2.1.0, for code scanning)
  --min-severity  report and fail on findings at or above this severity (default LOW)

Exit codes: 0 no unsuppressed finding at or above the threshold; 1 there are some;
2 unreadable or invalid input, or bad arguments.
`;

/** A problem that ends the run with exit code 2 and a one-line message. */
class UsageError extends Error {}

interface Options {
  readonly format: string;
  readonly minSeverity: Severity;
  readonly paths: string[];
  readonly help: boolean;
}

function parseArgs(argv: string[]): Options {
  const args = [...argv];
  if (args[0] === '--help' || args[0] === '-h' || args.length === 0) return { format: 'text', minSeverity: Severity.LOW, paths: [], help: true };
  const command = args.shift();
  if (command !== 'check') throw new UsageError(`unknown command ${JSON.stringify(command)}; the only command is "check" (see --help)`);
  let format = 'text';
  let minSeverity = Severity.LOW;
  let help = false;
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
  if (!help && paths.length === 0) throw new UsageError('no path given: pass cdktf.out directories or cdk.tf.json files (see --help)');
  return { format, minSeverity, paths, help };
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

/** The Terraform JSON files a path stands for. */
function stackFiles(target: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch (e) {
    throw new UsageError(`cannot read ${target}: ${describeFsError(e)}`);
  }
  if (stat.isFile()) return [target];
  const stacksDir = path.join(target, 'stacks');
  let found: string[] = [];
  if (fs.existsSync(stacksDir) && fs.statSync(stacksDir).isDirectory()) {
    found = fs.readdirSync(stacksDir).sort()
      .map((name) => path.join(stacksDir, name, STACK_FILE))
      .filter((file) => fs.existsSync(file));
  } else if (fs.existsSync(path.join(target, STACK_FILE))) {
    found = [path.join(target, STACK_FILE)];
  }
  if (found.length === 0) {
    throw new UsageError(`no ${STACK_FILE} found in ${target}: pass a cdktf.out directory (stacks/*/${STACK_FILE}), a stack directory or a ${STACK_FILE} file`);
  }
  return found;
}

interface LoadedStack extends ParsedStack {
  readonly file: string;
  readonly text: string;
}

function load(file: string): LoadedStack {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${describeFsError(e)}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file} is not valid JSON: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
  }
  const base = path.basename(file);
  const fallback = base === STACK_FILE ? path.basename(path.dirname(path.resolve(file))) : base.replace(/\.tf\.json$|\.json$/, '');
  try {
    return { ...readTerraformJson(doc, fallback), file, text };
  } catch (e) {
    if (e instanceof InvalidInput) throw new UsageError(`${file} is not Terraform JSON: ${e.message}`);
    throw e;
  }
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
    const stacks = options.paths.flatMap(stackFiles).map(load);
    const findings: PolicyFinding[] = [];
    const files = new Map<PolicyFinding, LoadedStack>();
    for (const stack of stacks) {
      for (const f of evaluateStack(stack.stackName, [...stack.resources, ...stack.providers], rules, options.minSeverity)) {
        findings.push(f);
        files.set(f, stack);
      }
    }
    const meta: ReportMeta = {
      threshold: options.minSeverity,
      stacks: stacks.length,
      resources: stacks.reduce((n, s) => n + s.resources.length, 0),
      rules,
    };
    if (options.format === 'json') {
      const report = jsonReport(findings, meta);
      const suppressions = stacks.flatMap((s) => suppressionRecords(s.stackName, s.suppressions, findings));
      io.out(JSON.stringify({ ...report, summary: { ...report.summary, suppressions } }, undefined, 2) + '\n');
    } else if (options.format === 'sarif') {
      const indexes = new Map<LoadedStack, Map<string, number>>();
      const lineIndex = (stack: LoadedStack) => indexes.get(stack) ?? indexes.set(stack, resourceLineIndex(stack.text)).get(stack)!;
      const sarif = sarifReport(findings, meta.rules, (f) => {
        const stack = files.get(f)!;
        return { uri: artifactUri(stack.file), line: findingLine(lineIndex(stack), f) };
      }, undefined, stacks.flatMap((s) => suppressionRecords(s.stackName, s.suppressions, findings)));
      io.out(JSON.stringify(sarif, undefined, 2) + '\n');
    } else {
      io.out(textReport(findings, meta, stacks.flatMap((s) => suppressionRecords(s.stackName, s.suppressions, findings))));
    }
    return findings.some((f) => isBlocking(f, options.minSeverity)) ? EXIT_FINDINGS : EXIT_OK;
  } catch (e) {
    const message = e instanceof UsageError ? e.message : `internal error: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`;
    io.err(`cdktf-hybrid check: ${message}\n`);
    return EXIT_INVALID;
  }
}

function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  };
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
