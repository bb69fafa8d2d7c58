// npm run fuzz: the full fuzz campaign over the public API (at least 20,000 prop sets; FUZZ_TOTAL to
// change, FUZZ_SEED for another sequence, FUZZ_ONLY=<regex> for the entries whose name matches). Prints counts per construct and every failure, and exits 1
// on any non-ValidationError failure, timeout or literal secret. The invariant is in test/fuzz/harness.ts.
import * as fc from 'fast-check';
import { ENTRIES, mutationArb, Outcome, RunResult, runOne, SLOW_MS } from '../test/fuzz/harness';

const total = Number(process.env.FUZZ_TOTAL ?? 20_000);
const seed = Number(process.env.FUZZ_SEED ?? 20261202);
const shard = process.env.FUZZ_SHARD ? process.env.FUZZ_SHARD.split('/').map(Number) : [0, 1];
const only = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined;
const perEntry = Math.ceil(total / ENTRIES.length);
const OUTCOMES: Outcome[] = ['synthesized', 'rejected', 'crash', 'timeout', 'secret'];

const rows: Array<Record<string, string | number>> = [];
const failures: RunResult[] = [];
let slowest = { entry: '', ms: 0 };
const started = Date.now();
ENTRIES.forEach((entry, index) => {
  if (index % shard[1] !== shard[0] || (only && !only.test(entry.name))) return;
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  const mutations = fc.sample(mutationArb(), { numRuns: perEntry, seed: seed + index });
  for (const m of mutations) {
    const result = runOne(entry, m);
    counts[result.outcome]++;
    if (result.ms > slowest.ms) slowest = { entry: entry.name, ms: result.ms };
    if (result.outcome !== 'synthesized' && result.outcome !== 'rejected') failures.push({ ...result, detail: `${result.detail ?? ''} [mutation ${JSON.stringify(m, (_k, v) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'string' && v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v))}]` });
  }
  rows.push({ construct: entry.name, 'prop sets': mutations.length, ...counts });
  process.stderr.write(`${entry.name}: ${mutations.length} prop sets\n`);
});

const sum = (key: string) => rows.reduce((n, r) => n + Number(r[key]), 0);
console.log(`cdktf-hybrid fuzz: seed ${seed}, ${sum('prop sets')} prop sets over ${rows.length} constructs and value types in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.table(rows);
console.log(`totals: ${OUTCOMES.map((o) => `${o} ${sum(o)}`).join(', ')}; slowest run ${slowest.ms} ms (${slowest.entry}); timeout threshold ${SLOW_MS} ms`);
for (const f of failures.slice(0, 50)) console.log(`FAIL ${f.entry} ${f.outcome} (${f.ms} ms): ${f.detail}`);
console.log(`non-ValidationError failures: ${sum('crash')}, timeouts: ${sum('timeout')}, literal secrets: ${sum('secret')}`);
process.exitCode = failures.length > 0 ? 1 : 0;
