// npm run fuzz: the full fuzz campaign over the public API (at least 20,000 prop sets; FUZZ_TOTAL to
// change, FUZZ_SEED for another sequence, FUZZ_ONLY=<regex> for the entries whose name matches).
// Prints counts per construct and every failure, and exits 1 on any non-ValidationError failure,
// timeout or literal secret. The invariant is in test/fuzz/harness.ts.
//
// Each entry runs in a child process of its own: cdktf keeps every token it ever created in a
// process-wide map (and with it the construct trees the tokens' closures hold), so one process
// running tens of thousands of prop sets runs out of memory; a fresh process per entry does not,
// and an entry's results do not depend on the entries before it.
import { spawnSync } from 'child_process';
import * as fc from 'fast-check';
import { ENTRIES, mutationArb, Outcome, RunResult, runOne, SLOW_MS } from '../test/fuzz/harness';

const total = Number(process.env.FUZZ_TOTAL ?? 20_000);
const seed = Number(process.env.FUZZ_SEED ?? 20261202);
const shard = process.env.FUZZ_SHARD ? process.env.FUZZ_SHARD.split('/').map(Number) : [0, 1];
const only = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined;
const perEntry = Math.ceil(total / ENTRIES.length);
const OUTCOMES: Outcome[] = ['synthesized', 'rejected', 'crash', 'timeout', 'secret'];

type Row = Record<string, string | number>;
interface EntryResult { row: Row; failures: RunResult[]; slowest: { entry: string; ms: number } }

/** Runs the prop sets of one entry in this process. */
function runEntry(index: number): EntryResult {
  const entry = ENTRIES[index];
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  const failures: RunResult[] = [];
  let slowest = { entry: entry.name, ms: 0 };
  const mutations = fc.sample(mutationArb(), { numRuns: perEntry, seed: seed + index });
  for (const m of mutations) {
    const result = runOne(entry, m);
    counts[result.outcome]++;
    if (result.ms > slowest.ms) slowest = { entry: entry.name, ms: result.ms };
    if (result.outcome !== 'synthesized' && result.outcome !== 'rejected') failures.push({ ...result, detail: `${result.detail ?? ''} [mutation ${JSON.stringify(m, (_k, v) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'string' && v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v))}]` });
  }
  return { row: { construct: entry.name, 'prop sets': mutations.length, ...counts }, failures, slowest };
}

if (process.env.FUZZ_CHILD_ENTRY !== undefined) {
  // child: one entry, the result as JSON on the last line of stdout
  process.stdout.write(`\n${JSON.stringify(runEntry(Number(process.env.FUZZ_CHILD_ENTRY)))}\n`);
} else {
  const rows: Row[] = [];
  const failures: RunResult[] = [];
  let slowest = { entry: '', ms: 0 };
  const started = Date.now();
  ENTRIES.forEach((entry, index) => {
    if (index % shard[1] !== shard[0] || (only && !only.test(entry.name))) return;
    const child = spawnSync(process.execPath, [require.resolve('ts-node/dist/bin'), '--swc', '--prefer-ts-exts', __filename], {
      env: { ...process.env, FUZZ_CHILD_ENTRY: String(index) }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'],
    });
    const last = child.stdout.trim().split('\n').pop() ?? '';
    let result: EntryResult;
    try {
      result = JSON.parse(last) as EntryResult;
    } catch {
      // the child died (out of memory, a crash outside runOne): one failure for the whole entry
      result = {
        row: { construct: entry.name, 'prop sets': perEntry, ...Object.fromEntries(OUTCOMES.map((o) => [o, o === 'crash' ? perEntry : 0])) },
        failures: [{ entry: entry.name, outcome: 'crash', ms: 0, detail: `the entry's process exited with ${child.status ?? child.signal}` }],
        slowest: { entry: entry.name, ms: 0 },
      };
    }
    rows.push(result.row);
    failures.push(...result.failures);
    if (result.slowest.ms > slowest.ms) slowest = result.slowest;
    process.stderr.write(`${entry.name}: ${result.row['prop sets']} prop sets\n`);
  });

  const sum = (key: string) => rows.reduce((n, r) => n + Number(r[key]), 0);
  console.log(`cdktf-hybrid fuzz: seed ${seed}, ${sum('prop sets')} prop sets over ${rows.length} constructs and value types in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.table(rows);
  console.log(`totals: ${OUTCOMES.map((o) => `${o} ${sum(o)}`).join(', ')}; slowest run ${slowest.ms} ms (${slowest.entry}); timeout threshold ${SLOW_MS} ms`);
  for (const f of failures.slice(0, 50)) console.log(`FAIL ${f.entry} ${f.outcome} (${f.ms} ms): ${f.detail}`);
  console.log(`non-ValidationError failures: ${sum('crash')}, timeouts: ${sum('timeout')}, literal secrets: ${sum('secret')}`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}
