// A bounded sample of the fuzz campaign (npm run fuzz runs at least 20,000 prop sets): every public
// construct and value type, near-valid props with one field mutated, duplicates, wrapped secrets and
// arbitrary values. See harness.ts for the invariant.
import * as fc from 'fast-check';
import { ENTRIES, mutationArb, runOne } from './harness';

const RUNS = Number(process.env.FUZZ_RUNS_PER_ENTRY ?? 12);

describe.each(ENTRIES.map((e) => [e.name, e] as const))('fuzz %s', (_name, entry) => {
  test(`${RUNS} prop sets: synthesized, or a ValidationError with path, prop, problem and fix; never a crash, a leak or a hang`, () => {
    fc.assert(fc.property(mutationArb(), (m) => {
      const result = runOne(entry, m);
      if (result.outcome !== 'synthesized' && result.outcome !== 'rejected') {
        throw new Error(`${result.outcome} after ${result.ms} ms: ${result.detail ?? ''}`);
      }
    }), { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 1414) });
  });

  test('the unmutated props synthesize', () => {
    expect(runOne(entry, { kind: 'none' })).toMatchObject({ outcome: 'synthesized' });
  });
});
