// The rules must not scan the stack once per resource (issue #17: DOCKER-IMAGE-SCANNED once took 19 of 42 s
// at N = 2,500 doing just that). Counted, not timed: every read of an entry of the stack's resource list is
// counted while every built-in rule runs over every resource of a generated hybrid estate, at two sizes.
// Lookups through the per-stack indexes read the list once per stack, so reads per resource stay flat; a
// rule that scans the list per resource makes them grow with N.
import { Testing, TerraformStack } from 'cdktf';
import * as lib from '../../lib';
import { PolicyPacks } from '../../lib';
import { buildLibrary } from '../../bench/estate';
import { evaluateResource } from '../../lib/policy/private/engine';
import { readTerraformJson } from '../../lib/policy/private/tf-json';
import { PolicyContext, PolicyResource } from '../../lib/policy/rule';

function readsPerResource(n: number): { resources: number; readsPerResource: number; findings: number } {
  const stack = new TerraformStack(Testing.app(), 'estate');
  buildLibrary(lib, stack, 'hybrid', n);
  const parsed = readTerraformJson(JSON.parse(Testing.synth(stack)), 'estate');
  let reads = 0;
  const list: PolicyResource[] = parsed.resources.map((e) => e.resource);
  const counted = new Proxy(list, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  const context: PolicyContext = { resources: counted };
  const rules = PolicyPacks.all();
  let findings = 0;
  for (const entry of [...parsed.resources, ...parsed.providers]) findings += evaluateResource('estate', entry, rules, context).length;
  return { resources: list.length, readsPerResource: reads / list.length, findings };
}

test('every built-in rule over a hybrid estate reads the stack\'s resource list a constant number of times per resource (N = 40 and 160)', () => {
  const small = readsPerResource(40);
  const large = readsPerResource(160);
  // The estates are real and the rules ran: findings scale with the estate.
  expect(large.resources).toBeGreaterThan(3.5 * small.resources);
  expect(large.findings).toBeGreaterThan(3 * small.findings);
  // Linear: reads per resource do not grow with N (a scan per resource would make them ~4× at 4× the size).
  expect(large.readsPerResource).toBeLessThan(1.5 * small.readsPerResource);
  expect(large.readsPerResource).toBeLessThan(10);
}, 120_000);
