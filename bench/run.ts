// Synth benchmarks: library constructs against the same resources written as raw provider L1s.
//
//   npm run bench            # builds (jsii) first, then runs; prints a table and writes bench/results.json
//
// Each scenario builds a fresh App + stack with N resources and runs a full `app.synth()` into a
// temporary folder, several times; the median is reported. `withPolicyMs` is the library run with
// PolicyChecks applied (all packs, reports written). Import cost is measured in fresh
// node processes against the compiled library (lib/index.js). Budgets: construct overhead over
// raw L1 synth at most BUDGET_SYNTH_RATIO, library import at most BUDGET_IMPORT_MS; the script
// exits 1 when a budget is exceeded, so a regression is visible.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { PolicyChecks } from '../lib';
import { SCENARIOS } from './scenarios';

const N = Number(process.env.BENCH_N ?? 50);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BUDGET_SYNTH_RATIO = 3;
const BUDGET_IMPORT_MS = 1500;
const ROOT = path.resolve(__dirname, '..');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeSynth(build: (stack: TerraformStack, n: number) => void): number {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
    const start = process.hrtime.bigint();
    const app = new App({ outdir, skipValidation: true });
    build(new TerraformStack(app, 'bench'), N);
    app.synth();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  return median(samples.slice(1)); // the first run warms module caches
}

function timeImport(code: string): number {
  const samples: number[] = [];
  for (let run = 0; run < 5; run++) {
    const out = execFileSync(process.execPath, ['-e', `const s=process.hrtime.bigint();${code};console.log(Number(process.hrtime.bigint()-s)/1e6)`], { cwd: ROOT });
    samples.push(Number(out.toString().trim()));
  }
  return median(samples);
}

const rows: Array<Record<string, string | number>> = [];
let failed = false;
for (const scenario of SCENARIOS) {
  const raw = timeSynth(scenario.raw);
  const library = timeSynth(scenario.library);
  const checked = timeSynth((stack, n) => {
    scenario.library(stack, n);
    PolicyChecks.applyTo(stack);
  });
  const ratio = library / raw;
  const ok = ratio <= BUDGET_SYNTH_RATIO;
  failed ||= !ok;
  rows.push({
    scenario: `${scenario.name} ×${N}`, rawMs: raw.toFixed(1), libraryMs: library.toFixed(1), ratio: ratio.toFixed(2),
    withPolicyMs: checked.toFixed(1), budget: `≤ ${BUDGET_SYNTH_RATIO}`, ok: ok ? 'yes' : 'NO',
  });
}

if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) {
  throw new Error('lib/index.js is missing: run `npm run build` first (npm run bench does).');
}
const imports: Array<[string, string]> = [
  ['cdktf alone', "require('cdktf')"],
  ['kubernetes provider, package root', "require('@cdktf/provider-kubernetes')"],
  ['kubernetes provider, one deep path', "require('@cdktf/provider-kubernetes/lib/deployment-v1')"],
  ['cdktf-hybrid (compiled lib/index.js)', "require('./lib/index.js')"],
];
for (const [name, code] of imports) {
  const ms = timeImport(code);
  const isLibrary = name.startsWith('cdktf-hybrid');
  const ok = !isLibrary || ms <= BUDGET_IMPORT_MS;
  failed ||= !ok;
  rows.push({ scenario: `import: ${name}`, rawMs: '', libraryMs: ms.toFixed(0), ratio: '', withPolicyMs: '', budget: isLibrary ? `≤ ${BUDGET_IMPORT_MS} ms` : '', ok: ok ? 'yes' : 'NO' });
}

console.table(rows);
fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify({ n: N, runs: RUNS, node: process.version, cpus: os.cpus().length, rows }, null, 2)}\n`);
if (failed) {
  console.error('A benchmark budget was exceeded.');
  process.exit(1);
}
