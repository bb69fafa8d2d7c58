#!/usr/bin/env node
// cdktf-hybrid-scan-gate: decides an image scan from the scanner's JSON report, for scanners that
// cannot fail on a severity themselves (clairctl has no such option; anchorectl's own gate is its
// policy, not a severity). ImageScanGate runs it at deploy time; CI can run it on a saved report.
//
//   cdktf-hybrid-scan-gate --format clair|anchore --fail-on <severity> [--image <ref>] -- <scanner> [args...]
//   cdktf-hybrid-scan-gate --format clair|anchore --fail-on <severity> [--image <ref>] --report <file | ->
//
// Exit status: 0 pass; 1 a vulnerability at or above the threshold; 2 cannot decide (the scanner
// failed or its output is not the documented report): the gate fails closed. One line on stdout
// (pass) or stderr (fail) says why. Standalone on purpose: Node's standard library only, because
// ImageScanGate copies this file into the synthesized stack (cdktf.out) and runs it from there.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');

const NAME = 'cdktf-hybrid-scan-gate';
/** Thresholds, lowest first (the library's ScanSeverity values). */
const THRESHOLDS = ['negligible', 'low', 'medium', 'high', 'critical'];
/**
 * The severities both tools document: Clair's normalized_severity (claircore Severity) and
 * Anchore's vulnerability severity. "Unknown" means not yet scored; it counts only at the
 * negligible threshold, as with Grype and Trivy. Anything else is not a report we understand.
 */
const SEVERITIES = ['unknown', 'negligible', 'low', 'medium', 'high', 'critical'];
const MAX_LISTED = 20;
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

class CannotDecide extends Error {}

function describe(value) {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function severityOf(raw, where) {
  if (typeof raw !== 'string' || !SEVERITIES.includes(raw.toLowerCase())) {
    throw new CannotDecide(`${where} has severity ${describe(raw)}, which is not one of Unknown, Negligible, Low, Medium, High, Critical`);
  }
  return raw.toLowerCase();
}

/** Clair v4 vulnerability report (`clairctl report --out json`): `vulnerabilities` maps ids to vulnerabilities. */
function clairFindings(report) {
  if (report === null) {
    throw new CannotDecide('the report is null: clairctl prints null when Clair could not produce a vulnerability report');
  }
  if (typeof report !== 'object' || Array.isArray(report)) throw new CannotDecide(`the report is not a JSON object (got ${describe(report)})`);
  if (typeof report.manifest_hash !== 'string' || report.manifest_hash === '') {
    throw new CannotDecide('the report has no manifest_hash, so it is not a Clair vulnerability report');
  }
  const vulns = report.vulnerabilities;
  if (vulns === undefined || vulns === null) return [];
  if (typeof vulns !== 'object' || Array.isArray(vulns)) throw new CannotDecide(`"vulnerabilities" is not an object keyed by id (got ${describe(vulns)})`);
  return Object.entries(vulns).map(([key, v]) => {
    if (typeof v !== 'object' || v === null) throw new CannotDecide(`vulnerability ${describe(key)} is not an object`);
    const id = v.name || v.id || key;
    const pkg = v.package && typeof v.package === 'object' ? [v.package.name, v.package.version].filter(Boolean).join(' ') : '';
    return { id: String(id), severity: severityOf(v.normalized_severity, `vulnerability ${id}`), pkg };
  });
}

/** Anchore (`anchorectl image vulnerabilities <image> -o json`): a `vulnerabilities` list. */
function anchoreFindings(report) {
  if (typeof report !== 'object' || report === null || Array.isArray(report)) {
    throw new CannotDecide(`the report is not a JSON object (got ${describe(report)})`);
  }
  if (!Array.isArray(report.vulnerabilities)) {
    throw new CannotDecide(`the report has no "vulnerabilities" list (got ${describe(report.vulnerabilities)}), so it is not an Anchore vulnerability report`);
  }
  return report.vulnerabilities.map((v, i) => {
    if (typeof v !== 'object' || v === null) throw new CannotDecide(`vulnerabilities[${i}] is not an object`);
    const id = v.vuln || v.vulnerabilityId || `vulnerabilities[${i}]`;
    const pkg = v.package || [v.packageName, v.packageVersion].filter(Boolean).join(' ');
    return { id: String(id), severity: severityOf(v.severity, `vulnerability ${id}`), pkg: String(pkg || '') };
  });
}

const FORMATS = { clair: clairFindings, anchore: anchoreFindings };

/**
 * Decides a report. Returns `{ exitCode, line }`: 0 pass, 1 at or above the threshold, 2 cannot decide.
 * @param {string} format clair or anchore
 * @param {string} text the scanner's standard output
 * @param {string} threshold one of THRESHOLDS
 * @param {string} image the scanned reference, for the message
 */
function decide(format, text, threshold, image) {
  const head = `${image || 'image'} (${format}, fail on ${threshold} and above)`;
  try {
    if (!FORMATS[format]) throw new CannotDecide(`unknown report format ${describe(format)}; use clair or anchore`);
    if (!THRESHOLDS.includes(threshold)) throw new CannotDecide(`unknown threshold ${describe(threshold)}; use ${THRESHOLDS.join(', ')}`);
    if (typeof text !== 'string' || text.trim() === '') throw new CannotDecide('the scanner printed no report');
    let report;
    try {
      report = JSON.parse(text);
    } catch (error) {
      throw new CannotDecide(`the report is not JSON (${error.message})`);
    }
    const findings = FORMATS[format](report);
    const floor = threshold === 'negligible' ? 0 : SEVERITIES.indexOf(threshold);
    const failing = findings.filter((f) => SEVERITIES.indexOf(f.severity) >= floor)
      .sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || a.id.localeCompare(b.id));
    const unscored = findings.filter((f) => f.severity === 'unknown').length;
    const unscoredNote = unscored > 0 && floor > 0 ? `; ${unscored} of unknown severity not counted (they count at the negligible threshold)` : '';
    if (failing.length > 0) {
      const listed = failing.slice(0, MAX_LISTED).map((f) => `${f.id} ${f.severity}${f.pkg ? ` in ${f.pkg}` : ''}`).join(', ');
      const more = failing.length > MAX_LISTED ? `, and ${failing.length - MAX_LISTED} more` : '';
      return { exitCode: 1, line: `${NAME}: FAIL ${head}: ${failing.length} vulnerabilit${failing.length === 1 ? 'y' : 'ies'} at or above ${threshold}: ${listed}${more}${unscoredNote}` };
    }
    const highest = findings.reduce((h, f) => (SEVERITIES.indexOf(f.severity) > SEVERITIES.indexOf(h) ? f.severity : h), 'none');
    return { exitCode: 0, line: `${NAME}: PASS ${head}: ${findings.length} vulnerabilit${findings.length === 1 ? 'y' : 'ies'}, none at or above ${threshold} (highest: ${highest})${unscoredNote}` };
  } catch (error) {
    if (!(error instanceof CannotDecide)) throw error;
    return { exitCode: 2, line: `${NAME}: FAIL ${head}: cannot decide, failing closed: ${error.message}` };
  }
}

function usage(problem) {
  return { exitCode: 2, line: `${NAME}: ${problem}\nusage: ${NAME} --format clair|anchore --fail-on <${THRESHOLDS.join('|')}> [--image <ref>] (-- <scanner> [args...] | --report <file|->)` };
}

/** Parses the command line; returns `{ format, threshold, image, report, command }` or `{ error }`. */
function parseArgs(argv) {
  const opts = { command: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      opts.command = argv.slice(i + 1);
      break;
    }
    const value = argv[i + 1];
    if (!['--format', '--fail-on', '--image', '--report'].includes(arg)) return { error: `unknown argument ${describe(arg)}` };
    if (value === undefined) return { error: `${arg} needs a value` };
    opts[{ '--format': 'format', '--fail-on': 'threshold', '--image': 'image', '--report': 'report' }[arg]] = value;
    i++;
  }
  if (!opts.format || !opts.threshold) return { error: '--format and --fail-on are required' };
  if ((opts.report === undefined) === (opts.command.length === 0)) return { error: 'give either --report or -- <scanner command>, not both' };
  return opts;
}

function readReport(file) {
  return file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
}

/** Runs the scanner; resolves to `{ stdout }` or `{ problem }` (it could not run, or exited non-zero). */
function runScanner(command) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_OUTPUT_BYTES) chunks.push(chunk);
    });
    child.on('error', (error) => resolve({ problem: `could not run ${command[0]}: ${error.code === 'ENOENT' ? 'not found on PATH' : error.message}` }));
    child.on('close', (code, signal) => {
      if (signal) return resolve({ problem: `${command[0]} was killed by ${signal}` });
      if (code !== 0) return resolve({ problem: `${command[0]} exited with status ${code}` });
      if (size > MAX_OUTPUT_BYTES) return resolve({ problem: `${command[0]} printed more than ${MAX_OUTPUT_BYTES} bytes` });
      resolve({ stdout: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

async function main(argv) {
  const opts = parseArgs(argv);
  if (opts.error) return usage(opts.error);
  let text;
  if (opts.report !== undefined) {
    try {
      text = readReport(opts.report);
    } catch (error) {
      return decideProblem(opts, `could not read the report: ${error.message}`);
    }
  } else {
    const run = await runScanner(opts.command);
    if (run.problem) return decideProblem(opts, run.problem);
    text = run.stdout;
  }
  return decide(opts.format, text, opts.threshold, opts.image);
}

function decideProblem(opts, problem) {
  return { exitCode: 2, line: `${NAME}: FAIL ${opts.image || 'image'} (${opts.format}, fail on ${opts.threshold} and above): cannot decide, failing closed: ${problem}` };
}

module.exports = { decide, parseArgs, main, THRESHOLDS };

if (require.main === module) {
  main(process.argv.slice(2)).then(({ exitCode, line }) => {
    (exitCode === 0 ? process.stdout : process.stderr).write(`${line}\n`);
    process.exitCode = exitCode;
  }, (error) => {
    process.stderr.write(`${NAME}: FAIL: cannot decide, failing closed: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  });
}
