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

// The pod templates of a workload are worked out once for all the pod rules (cachedRead). The verdicts must be
// those each rule gives on its own, blocks it could not look into included (they are replayed to every rule).
describe('a workload\'s pod lookup shared by the rules gives each rule its own verdict', () => {
  const workloads: Array<[string, Record<string, unknown>]> = [
    ['a readable pod', {
      metadata: [{ name: 'web', namespace: 'shop' }],
      spec: [{ template: [{ metadata: [{ labels: { app: 'web' } }], spec: [{ container: [{ name: 'web', image: 'nginx:1.27', security_context: [{ privileged: true }] }] }] }] }],
    }],
    ['a template entry that is not a block', { metadata: [{ name: 'web' }], spec: [{ template: [42] }] }],
    // a readable pod beside an entry no rule can look into: every rule that passes the pod is UNKNOWN
    ['a readable template beside one that is not a block', {
      metadata: [{ name: 'web' }],
      spec: [{ template: [42, { spec: [{ container: [{ name: 'web', image: 'nginx:1.27', security_context: [{ privileged: false }] }] }] }] }],
    }],
    ['a container list entry that is not a block', { metadata: [{ name: 'web' }], spec: [{ template: [{ spec: [{ container: ['oops', { name: 'b', image: 'x' }] }] }] }] }],
    ['a security context only known at apply', { metadata: [{ name: 'web' }], spec: [{ template: [{ spec: [{ container: [{ name: 'a', image: 'x', security_context: '${var.sc}' }] }] }] }] }],
  ];
  test.each(workloads)('%s', (_name, attributes) => {
    const resource: PolicyResource = { resourceType: 'kubernetes_deployment_v1', address: 'kubernetes_deployment_v1.web', attributes };
    const context: PolicyContext = { resources: [resource] };
    const rules = PolicyPacks.kubernetes().filter((r) => r.resourceTypes.includes('kubernetes_deployment_v1'));
    const alone = rules.flatMap((rule) => {
      const result = rule.evaluate(resource, context); // no shared cache outside the engine
      return [`${rule.ruleId} ${result.status} ${result.reason ?? ''} ${JSON.stringify(result.violations)}`];
    });
    const shared = evaluateResource('stack', { resource, suppressions: [] }, rules, context);
    const verdicts = (findings: typeof shared) => findings.map((f) => `${f.baseRuleId} ${f.status}`).sort();
    // the engine reports FAIL and UNKNOWN findings; each must be what the rule gave alone
    const expected = alone.map((line) => line.split(' ')).filter(([, status]) => status === 'FAIL' || status === 'UNKNOWN')
      .map(([id, status]) => `${id} ${status}`).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(verdicts(shared).map((v) => v.replace(/\[[^\]]*\]/, '')))).toEqual(new Set(expected));
  });
});
