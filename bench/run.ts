// Synth benchmark: the library against the same estate written as raw provider L1s.
//
//   npm run bench                   # builds (jsii) first; full run, writes bench/results.json
//   npm run bench -- --json         # the results as JSON on stdout (progress goes to stderr)
//   npm run bench -- --quick        # N = 100 and 1,000, 3 runs: a smoke test
//   npm run bench -- --record       # on main: records main's output hashes in bench/fixtures/main-output.json
//   npm run bench -- --out a.json   # write the results there (default bench/results.json)
//   npm run bench -- --combine a.json,b.json   # merge the groups of several runs and work out the targets again
//   npm run bench -- --markdown a.json         # the tables of bench/RESULTS.md from a results file
//   options: --runs 5 --runs-large 3 --n 100,1000,5000 --mixes hybrid,kubernetes,docker,vsphere
//            --large-mixes hybrid (mixes run at the largest N) --skip docker/1000 --no-cdk8s --require-runs 15
//            --require-only (only the cold-require pairs)
//
// Every run is a fresh Node process on compiled JavaScript (lib/*.js from `npm run build`; the bench's
// own files are transpiled into .bench/) that builds one estate and runs `app.synth()` with cdktf's
// default validation, as `cdktf synth` does. Variants: raw (estate written as provider L1s, see
// raw-estate.ts), library, library+policy (PolicyChecks with every pack, reports written) and, for the
// Kubernetes mix at N = 1,000, cdk8s (cdk8s-plus-33). Runs are interleaved: each round runs every variant
// once, in a rotating order, so that load from other processes hits all variants alike; ratios are of
// medians from the same rounds. The raw twin must synthesize the same cdk.tf.json as the library once
// cdktf's metadata is removed (checked on every run), and the library's output is compared with the
// hashes recorded from main in bench/fixtures/main-output.json. No budgets are asserted here or in jest:
// bench/RESULTS.md records the numbers and whether the targets of issue #17 are met.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { digestOutput, RunResult } from './worker';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, '.bench');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const QUICK = flag('quick');
const JSON_OUT = flag('json');
const RUNS = Number(option('runs', QUICK ? '3' : '5'));
const NS = option('n', QUICK ? '100,1000' : '100,1000,5000').split(',').map(Number);
const LARGEST = Math.max(...NS);
const RUNS_LARGE = Number(option('runs-large', LARGEST >= 5000 ? '3' : String(RUNS)));
const MIXES = option('mixes', 'hybrid,kubernetes,docker,vsphere').split(',');
const LARGE_MIXES = option('large-mixes', 'hybrid').split(',');
const SKIP = option('skip', '').split(',').filter((x) => x !== '');
const REQUIRE_RUNS = Number(option('require-runs', '15'));
const CDK8S = !flag('no-cdk8s');
const OUT_FILE = path.resolve(option('out', path.join(__dirname, 'results.json')));
const log = (text: string) => (JSON_OUT ? process.stderr : process.stdout).write(`${text}\n`);

/** Transpiles the bench's TypeScript into .bench/*.js next to lib/, so '../lib' is the compiled library. */
function transpile(): void {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) throw new Error('lib/index.js is missing: run `npm run build` first (npm run bench does).');
  const swc = require('@swc/core'); // eslint-disable-line @typescript-eslint/no-require-imports
  fs.mkdirSync(OUT, { recursive: true });
  for (const file of ['estate', 'raw-estate', 'cdk8s-estate', 'worker']) {
    const { code } = swc.transformFileSync(path.join(__dirname, `${file}.ts`), {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2020' }, module: { type: 'commonjs' }, sourceMaps: false, swcrc: false,
    });
    fs.writeFileSync(path.join(OUT, `${file}.js`), code);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function stats(values: number[]) {
  return { median: round(median(values)), min: round(Math.min(...values)), max: round(Math.max(...values)), samples: values.map(round) };
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** One run in a fresh process; wall time measured from here (spawn to exit). */
function runOnce(variant: string, mix: string, n: number): RunResult & { wallMs: number } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [path.join(OUT, 'worker.js'), variant, mix, String(n), outdir], {
    cwd: ROOT, env: { ...process.env, CHECKPOINT_DISABLE: '1' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  try {
    if (child.status !== 0) throw new Error(`${variant} ${mix} N=${n} failed (exit ${child.status}):\n${child.stderr}`);
    const result: RunResult = JSON.parse(child.stdout.trim().split('\n').pop()!);
    return { ...result, ...(variant === 'cdk8s' ? {} : digestOutput(outdir, ROOT)), wallMs };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

interface Group {
  readonly mix: string;
  readonly n: number;
  readonly rounds: number;
  readonly variants: Record<string, ReturnType<typeof stats> & {
    processMs: number; requireMs: number; buildMs: number; synthMs: number; maxRssMiB: number; cpu: ReturnType<typeof stats>;
  }>;
  /** Median of the per-round ratios variant / raw of wall time, with their range. */
  readonly ratios: Record<string, { median: number; min: number; max: number }>;
  /** The same for CPU time of the synth process (less disturbed by other load; excludes subprocesses such as `terraform version`). */
  readonly cpuRatios: Record<string, { median: number; min: number; max: number }>;
  readonly runs: Array<RunResult & { wallMs: number }>;
  readonly twinIdentical: boolean;
  readonly resources: Record<string, number>;
  readonly mainOutput?: { commit: string; identical: boolean };
}

const FIXTURE = path.join(__dirname, 'fixtures', 'main-output.json');
const fixture: { commit: string; outputs: Record<string, string>; outputsAt44fee3d?: Record<string, string> } = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));

/** The recorded output of an estate and the commit it was recorded from, if any. */
function recorded(key: string): { sha: string; commit: string } | undefined {
  if (fixture.outputs[key]) return { sha: fixture.outputs[key], commit: fixture.commit };
  const later = fixture.outputsAt44fee3d?.[key];
  return later ? { sha: later, commit: '44fee3d' } : undefined;
}

/** Records the library's output hashes (of this checkout, meant to be main) for the estates the fixture lists. */
function record(): void {
  const outputs: Record<string, string> = {};
  for (const key of [...Object.keys(fixture.outputs), ...Object.keys(fixture.outputsAt44fee3d ?? {})]) {
    const [mix, n] = key.split('/');
    outputs[key] = runOnce('library', mix, Number(n)).outputSha!;
    log(`${key}: ${outputs[key]}`);
  }
  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  fs.writeFileSync(FIXTURE, `${JSON.stringify({ ...fixture, commit, outputs, outputsAt44fee3d: undefined }, null, 2)}\n`);
}

function runGroup(mix: string, n: number, runs: number): Group {
  const variants = ['raw', 'library', 'library+policy', ...(CDK8S && mix === 'kubernetes' && n === 1000 ? ['cdk8s'] : [])];
  const results: Record<string, Array<RunResult & { wallMs: number }>> = Object.fromEntries(variants.map((v) => [v, []]));
  for (let round = 0; round < runs; round++) {
    const order = variants.map((_, i) => variants[(i + round) % variants.length]);
    for (const variant of order) {
      const r = runOnce(variant, mix, n);
      results[variant].push(r);
      log(`  ${mix} N=${n} round ${round + 1}/${runs} ${variant}: ${(r.wallMs / 1000).toFixed(2)} s, ${r.maxRssMiB.toFixed(0)} MiB`);
    }
  }
  const summary: Group['variants'] = {};
  for (const v of variants) {
    const rs = results[v];
    summary[v] = {
      ...stats(rs.map((r) => r.wallMs)),
      processMs: round(median(rs.map((r) => r.processMs))), requireMs: round(median(rs.map((r) => r.requireMs))),
      buildMs: round(median(rs.map((r) => r.buildMs))), synthMs: round(median(rs.map((r) => r.synthMs))), maxRssMiB: round(Math.max(...rs.map((r) => r.maxRssMiB))),
      cpu: stats(rs.map((r) => r.cpuMs)),
    };
  }
  const ratiosOf = (metric: (r: RunResult & { wallMs: number }) => number) => {
    const out: Group['ratios'] = {};
    for (const v of variants.filter((x) => x !== 'raw')) {
      const perRound = results[v].map((r, i) => metric(r) / metric(results.raw[i]));
      out[v] = { median: round(median(perRound), 3), min: round(Math.min(...perRound), 3), max: round(Math.max(...perRound), 3) };
    }
    return out;
  };
  const ratios = ratiosOf((r) => r.wallMs);
  const cpuRatios = ratiosOf((r) => r.cpuMs);
  const shas = (v: string) => new Set(results[v].map((r) => r.strippedSha));
  const twinIdentical = ['library', 'library+policy'].every((v) => shas(v).size === 1 && [...shas(v)][0] === [...shas('raw')][0]) && shas('raw').size === 1;
  const expected = recorded(`${mix}/${n}`);
  const mainOutput = expected ? { commit: expected.commit, identical: results.library.every((r) => r.outputSha === expected.sha) && results['library+policy'].every((r) => r.outputSha === expected.sha) } : undefined;
  return {
    mix, n, rounds: runs, variants: summary, ratios, cpuRatios, twinIdentical, resources: results.raw[0].resources ?? {}, mainOutput,
    runs: variants.flatMap((v) => results[v].map((r) => ({ ...r, resources: undefined }))),
  };
}

/** Cold require in fresh processes, interleaved: time of the require call itself. */
function coldRequire() {
  const code = (what: string) => 'const s=process.hrtime.bigint(),c=process.cpuUsage();'
    + `require(${JSON.stringify(what)});const d=process.cpuUsage(c);`
    + 'process.stdout.write(JSON.stringify([Number(process.hrtime.bigint()-s)/1e6,(d.user+d.system)/1e3]))';
  const wall: Record<string, number[]> = { cdktf: [], library: [] };
  const cpu: Record<string, number[]> = { cdktf: [], library: [] };
  for (let i = 0; i < REQUIRE_RUNS; i++) {
    for (const [name, what] of (i % 2 ? [['library', './lib/index.js'], ['cdktf', 'cdktf']] : [['cdktf', 'cdktf'], ['library', './lib/index.js']])) {
      const [w, c] = JSON.parse(execFileSync(process.execPath, ['-e', code(what)], { cwd: ROOT, encoding: 'utf8' }));
      wall[name].push(w);
      cpu[name].push(c);
    }
  }
  return {
    cdktf: stats(wall.cdktf), library: stats(wall.library), ratio: round(median(wall.library) / median(wall.cdktf), 3),
    cpu: { cdktf: stats(cpu.cdktf), library: stats(cpu.library), ratio: round(median(cpu.library) / median(cpu.cdktf), 3) },
  };
}

function machine() {
  const cpus = os.cpus();
  return {
    node: process.version, platform: `${os.type()} ${os.release()} ${os.arch()}`, cpuModel: cpus[0]?.model, cpus: cpus.length,
    memoryGiB: round(os.totalmem() / 2 ** 30), loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
  };
}

function targets(groups: Group[], require: ReturnType<typeof coldRequire> | undefined) {
  const find = (mix: string, n: number) => groups.find((g) => g.mix === mix && g.n === n);
  const out: Array<{ target: string; value: string; met: boolean }> = [];
  for (const n of [1000, 5000]) {
    const g = find('hybrid', n);
    if (!g) continue;
    const [lib, pol] = [g.ratios.library.median, g.ratios['library+policy'].median];
    out.push({ target: `hybrid N=${n}: library / raw ≤ 1.10, wall time`, value: String(lib), met: lib <= 1.10 });
    out.push({ target: `hybrid N=${n}: library / raw ≤ 1.00 under default validation, wall time`, value: String(lib), met: lib <= 1.00 });
    out.push({ target: `hybrid N=${n}: library+policy / raw ≤ 1.30, wall time`, value: String(pol), met: pol <= 1.30 });
    out.push({ target: `hybrid N=${n}: library / raw, CPU time of the synth process (information)`, value: String(g.cpuRatios.library.median), met: g.cpuRatios.library.median <= 1.10 });
    out.push({ target: `hybrid N=${n}: library+policy / raw, CPU time of the synth process (information)`, value: String(g.cpuRatios['library+policy'].median), met: g.cpuRatios['library+policy'].median <= 1.30 });
  }
  const [g1, g5] = [find('hybrid', 1000), find('hybrid', 5000)];
  if (g1 && g5) {
    for (const v of Object.keys(g1.variants)) {
      if (!g5.variants[v]) continue;
      const growth = round(g5.variants[v].median / g1.variants[v].median, 2);
      out.push({ target: `hybrid ${v}: N 1,000 → 5,000 costs ≤ 5.5×, wall time`, value: `${growth}×`, met: growth <= 5.5 });
      const cpuGrowth = round(g5.variants[v].cpu.median / g1.variants[v].cpu.median, 2);
      out.push({ target: `hybrid ${v}: N 1,000 → 5,000, CPU time of the synth process (information)`, value: `${cpuGrowth}×`, met: cpuGrowth <= 5.5 });
    }
    const p = g5.variants['library+policy'];
    out.push({ target: 'hybrid N=5,000 library+policy ≤ 30 s', value: `${round(p.median / 1000, 1)} s`, met: p.median <= 30000 });
    out.push({ target: 'hybrid N=5,000 library+policy peak RSS ≤ 2 GiB', value: `${p.maxRssMiB} MiB`, met: p.maxRssMiB <= 2048 });
  }
  if (require) {
    out.push({ target: "cold require('cdktf-hybrid') ≤ 1.5 × require('cdktf'), wall time", value: `${require.ratio}×`, met: require.ratio <= 1.5 });
    out.push({ target: "cold require('cdktf-hybrid') ≤ 1.5 × require('cdktf'), CPU time", value: `${require.cpu.ratio}×`, met: require.cpu.ratio <= 1.5 });
  }
  return out;
}

/** Merges the groups of several result files (e.g. N = 5,000 run separately) and works out the targets again. */
function combine(files: string[]): void {
  const parts = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
  const groups: Group[] = parts.flatMap((p) => p.groups);
  const require = parts.map((p) => p.coldRequire).find((r) => r !== undefined);
  const result = { combinedFrom: parts.map((p, i) => ({ file: path.basename(files[i]), startedAt: p.startedAt, finishedAt: p.finishedAt, machine: p.machine, settings: p.settings })),
    groups, coldRequire: require, targets: targets(groups, require) };
  fs.writeFileSync(OUT_FILE, `${JSON.stringify(result, null, 2)}\n`);
  if (JSON_OUT) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else console.table(result.targets);
}

/** The tables of bench/RESULTS.md, from a results file: machine, every group, cold require and the targets. */
function markdown(file: string): void {
  const result = JSON.parse(fs.readFileSync(file, 'utf8'));
  const machines = result.combinedFrom ? result.combinedFrom.map((p: any) => p.machine) : [result.machine];
  const n = (x: number) => x.toLocaleString('en-US');
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const out: string[] = [];
  for (const m of machines) {
    out.push(`- ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}; load average at start ${m.loadAverageAtStart.join(' / ')}`
      + `${m.loadAverageAtEnd ? `, at end ${m.loadAverageAtEnd.join(' / ')}` : ''}.`);
  }
  out.push('', '| mix | N | variant | rounds | median wall s | min–max s | wall ratio to raw (per-round median, range) | median CPU s | CPU ratio | peak RSS MiB | raw twin | output vs main |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---|');
  for (const g of result.groups as Group[]) {
    for (const [v, st] of Object.entries(g.variants)) {
      const ratio = v === 'raw' ? '' : `${g.ratios[v].median} (${g.ratios[v].min}–${g.ratios[v].max})`;
      const cpuRatio = v === 'raw' ? '' : String(g.cpuRatios[v].median);
      const twin = v === 'raw' || v === 'cdk8s' ? '' : g.twinIdentical ? 'identical' : '**different**';
      const main = v === 'library' || v === 'library+policy' ? (g.mainOutput ? (g.mainOutput.identical ? 'identical' : '**different**') : 'not recorded') : '';
      out.push(`| ${g.mix} | ${n(g.n)} | ${v} | ${g.rounds} | ${s(st.median)} | ${s(st.min)}–${s(st.max)} | ${ratio} | ${s(st.cpu.median)} | ${cpuRatio} | ${Math.round(st.maxRssMiB)} | ${twin} | ${main} |`);
    }
  }
  const r = result.coldRequire;
  if (r) {
    out.push('', '| cold require, fresh process | wall median ms (min–max) | CPU median ms (min–max) |', '|---|---:|---:|',
      `| require('cdktf') | ${r.cdktf.median} (${r.cdktf.min}–${r.cdktf.max}) | ${r.cpu.cdktf.median} (${r.cpu.cdktf.min}–${r.cpu.cdktf.max}) |`,
      `| require('cdktf-hybrid') | ${r.library.median} (${r.library.min}–${r.library.max}) | ${r.cpu.library.median} (${r.cpu.library.min}–${r.cpu.library.max}) |`,
      `| ratio | ${r.ratio} | ${r.cpu.ratio} |`);
  }
  out.push('', '| target | value | met |', '|---|---:|---|', ...result.targets.map((t: any) => `| ${t.target} | ${t.value} | ${t.met ? 'yes' : '**no**'} |`));
  process.stdout.write(`${out.join('\n')}\n`);
}

function main(): void {
  if (args.includes('--combine')) return combine(option('combine', '').split(','));
  if (args.includes('--markdown')) return markdown(option('markdown', OUT_FILE));
  transpile();
  if (flag('record')) return record();
  const startedAt = new Date().toISOString();
  const info = machine();
  log(`machine: ${JSON.stringify(info)}`);
  const groups: Group[] = [];
  for (const n of flag('require-only') ? [] : NS) {
    for (const mix of MIXES) {
      if ((n === LARGEST && LARGEST >= 5000 && !LARGE_MIXES.includes(mix)) || SKIP.includes(`${mix}/${n}`)) continue;
      groups.push(runGroup(mix, n, n === LARGEST && LARGEST >= 5000 ? RUNS_LARGE : RUNS));
    }
  }
  log('cold require ...');
  const require = REQUIRE_RUNS > 0 ? coldRequire() : undefined;
  const result = {
    startedAt, finishedAt: new Date().toISOString(), machine: { ...info, loadAverageAtEnd: os.loadavg().map((x) => round(x, 2)) },
    settings: { runs: RUNS, runsAtLargestN: RUNS_LARGE, ns: NS, mixes: MIXES, largeMixes: LARGE_MIXES, skipped: SKIP, requireRuns: REQUIRE_RUNS },
    groups, coldRequire: require, targets: targets(groups, require),
  };
  fs.writeFileSync(OUT_FILE, `${JSON.stringify(result, null, 2)}\n`);
  if (JSON_OUT) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const rows = groups.flatMap((g) => Object.entries(g.variants).map(([v, s]) => ({
    mix: g.mix, n: g.n, variant: v, 'median s': round(s.median / 1000, 2), 'min–max s': `${round(s.min / 1000, 2)}–${round(s.max / 1000, 2)}`,
    'ratio to raw': v === 'raw' ? '' : `${g.ratios[v].median} (${g.ratios[v].min}–${g.ratios[v].max})`,
    'CPU ratio': v === 'raw' ? '' : String(g.cpuRatios[v].median), 'peak RSS MiB': s.maxRssMiB,
    twin: g.twinIdentical ? 'identical' : 'DIFFERENT', 'main output': g.mainOutput ? (g.mainOutput.identical ? 'identical' : 'DIFFERENT') : '',
  })));
  console.table(rows);
  if (require) console.table([{ what: 'cdktf', ...require.cdktf, samples: undefined }, { what: 'library', ...require.library, samples: undefined }]);
  console.table(result.targets);
}

main();
