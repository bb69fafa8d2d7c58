// Issue 14: an unknown is never a pass and never silence. For every rule of PolicyPacks.all(), on its
// compliant and its non-compliant fixture, every attribute the rule reads (a value, a block, a list,
// a map, or an attribute it looks for and does not find) is replaced in turn by an interpolation
// `${var.unknown}`; the verdict must then be UNKNOWN or FAIL, never PASS or NOT_APPLICABLE.
// The reads are recorded, not listed by hand, so a new rule or a new attribute is covered as written.
// A read counts when the attribute can decide the verdict: some concrete value put in its place
// turns a pass into a FAIL or a FAIL into a pass (a rule also reads values it does not judge, e.g.
// while looking a key up, or a device id whose only effect is whether the rule applies).
import { Testing } from 'cdktf';
import { ComplianceStatus, IPolicyRule, PolicyContext, PolicyPacks, PolicyResource } from '../../lib';
import { TABLE } from '../policy/acceptance/coverage-table';
import { addressOf, newStack, parsed } from '../policy/acceptance/fixtures';

const UNKNOWN = '${var.unknown}';
type Path = Array<string | number>;

/** Concrete values tried in place of an attribute to see whether it decides the verdict. */
const PROBES: unknown[] = [
  true, false, 'TRUE', 'FALSE', 'true', 'false', 0, 1, 2, 7, 22, 80, 1000, 4095, 65535, -1, '', 'x', 'host', 'private', 'none', 'privileged',
  'unconfined', 'Unmasked', 'Always', 'ALL', 'NET_RAW', 'SYS_ADMIN', 'sriov', 'vmxnet3', 'bind', 'rshared', 'persistent', 'nonpersistent', '/',
  '/var/run/docker.sock', '/etc', '0.0.0.0', '127.0.0.1', '10.0.0.1', 'latest', 'nginx:latest', 'disabled', 'high', 'fullyAutomated', 'efi', 'bios',
  '0000:af:00.0', 'kernel.msgmax', 'restricted', 'baseline', 'v1.29', 'bridge', 'default', 'Memory', 'runtime/default', 'RuntimeDefault',
  [], {}, [{}], null, undefined,
];

const FAILING = new Set<string>([ComplianceStatus.FAIL]);
const PASSING = new Set<string>([ComplianceStatus.PASS, ComplianceStatus.NOT_APPLICABLE]);

/**
 * True when the attribute decides the verdict: some concrete value in its place turns a passing
 * verdict (PASS, NOT_APPLICABLE) into FAIL, or a failing one into a pass.
 */
function decides(rule: IPolicyRule, subject: Subject, owner: number, path: Path, baseline: string): boolean {
  const other = FAILING.has(baseline) ? PASSING : FAILING;
  return PROBES.some((probe) => other.has(verdictWith(rule, subject, owner, path, probe) ?? ''));
}

/** Wraps `value` so every own-property read (and every lookup of a missing key) is recorded as a path. */
function recording(value: any, path: Path, reads: Map<string, Path>): any {
  if (value === null || typeof value !== 'object') return value;
  const record = (p: Path) => reads.set(JSON.stringify(p), p);
  return new Proxy(value, {
    get(target, key, receiver) {
      if (typeof key === 'symbol') return Reflect.get(target, key, receiver);
      const own = Object.prototype.hasOwnProperty.call(target, key);
      if (Array.isArray(target) && key === 'length') {
        record(path);
        return target.length;
      }
      if (!own) {
        if (!(key in target)) record([...path, Array.isArray(target) && /^\d+$/.test(key) ? Number(key) : key]);
        return Reflect.get(target, key, receiver);
      }
      const child = Array.isArray(target) && /^\d+$/.test(key) ? Number(key) : key;
      record([...path, child]);
      return recording(target[key as any], [...path, child], reads);
    },
    ownKeys(target) {
      record(path);
      return Reflect.ownKeys(target);
    },
    has(target, key) {
      if (typeof key === 'string') record([...path, key]);
      return Reflect.has(target, key);
    },
  });
}

function setAt(root: any, path: Path, value: unknown): any {
  const copy = JSON.parse(JSON.stringify(root));
  if (path.length === 0) return value;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') return undefined;
    node = node[key];
  }
  node[path[path.length - 1]] = value;
  return copy;
}

interface Subject {
  readonly resource: PolicyResource;
  readonly context: PolicyContext;
}

function subjectOf(factory: (typeof TABLE)[string]['fail']): Subject {
  const stack = newStack();
  const element = factory(stack);
  const { resources, providers } = parsed(JSON.parse(Testing.synth(stack)));
  const resource = [...resources, ...providers].find((r) => r.address === addressOf(element))!;
  return { resource, context: { resources } };
}

/** Every attribute path the rule reads, on the subject and on the other resources of the stack. */
function readsOf(rule: IPolicyRule, subject: Subject): Array<{ owner: number; path: Path }> {
  const reads = subject.context.resources.map(() => new Map<string, Path>());
  const own = new Map<string, Path>();
  const wrap = (r: PolicyResource, map: Map<string, Path>): PolicyResource =>
    ({ resourceType: r.resourceType, address: r.address, attributes: recording(r.attributes, [], map) } as PolicyResource);
  rule.evaluate(wrap(subject.resource, own), { resources: subject.context.resources.map((r, i) => wrap(r, reads[i])) });
  const selfIndex = subject.context.resources.findIndex((r) => r.address === subject.resource.address);
  const all = [...own.values()].map((path) => ({ owner: -1, path }));
  reads.forEach((map, i) => { if (i !== selfIndex) all.push(...[...map.values()].map((path) => ({ owner: i, path }))); });
  return all.filter(({ path }) => path.length > 0);
}

function verdictWith(rule: IPolicyRule, subject: Subject, owner: number, path: Path, value: unknown = UNKNOWN): string | undefined {
  const replace = (r: PolicyResource): PolicyResource | undefined => {
    const attributes = setAt(r.attributes, path, value);
    return attributes === undefined ? undefined : { ...r, attributes } as PolicyResource;
  };
  if (owner === -1) {
    const changed = replace(subject.resource);
    if (!changed) return undefined;
    const resources = subject.context.resources.map((r) => (r.address === subject.resource.address ? changed : r));
    return rule.evaluate(changed, { resources }).status;
  }
  const changed = replace(subject.context.resources[owner]);
  if (!changed) return undefined;
  return rule.evaluate(subject.resource, { resources: subject.context.resources.map((r, i) => (i === owner ? changed : r)) }).status;
}

const PACK = PolicyPacks.all();

/**
 * Attributes whose compliant value IS an expression: a credential must come from a variable or another
 * reference, never a literal, so `${var.unknown}` there is the pass the rule asks for.
 */
const REFERENCE_REQUIRED: Record<string, string[]> = {
  'HV-PROVIDER-CREDENTIALS': ['password'],
};

describe('an interpolation in any attribute a rule reads is never a PASS or NOT_APPLICABLE', () => {
  test('every rule of the pack has fixtures here', () => {
    expect(PACK.map((r) => r.ruleId).filter((id) => !TABLE[id])).toEqual([]);
  });

  describe.each(PACK.map((r) => [r.ruleId, r] as [string, IPolicyRule]))('%s', (ruleId, packRule) => {
    const row = TABLE[ruleId];
    const rule = row?.rule ?? packRule;
    // a control not enforceable on its hypervisor has no compliant fixture (pass is null): only the non-compliant one
    const fixtures = [['compliant', row?.pass], ['non-compliant', row?.fail]].filter(([, f]) => f) as Array<[string, (typeof TABLE)[string]['fail']]>;
    test.each(fixtures)('on the %s fixture', (_kind, factory) => {
      const subject = subjectOf(factory!);
      // a rule that reads nothing (K8S-NO-PSP, VBOX-NOT-ENFORCEABLE: the type alone decides) has nothing to replace
      const reads = readsOf(rule, subject).filter(({ path }) => !REFERENCE_REQUIRED[rule.ruleId]?.includes(path.join('.')));
      const baseline = rule.evaluate(subject.resource, subject.context).status;
      const unsound: string[] = [];
      for (const { owner, path } of reads) {
        const status = verdictWith(rule, subject, owner, path);
        if ((status === ComplianceStatus.PASS || status === ComplianceStatus.NOT_APPLICABLE) && decides(rule, subject, owner, path, baseline)) {
          unsound.push(`${owner === -1 ? '' : `${subject.context.resources[owner].address}: `}${path.join('.')} = ${UNKNOWN} gives ${status}`);
        }
      }
      expect(unsound).toEqual([]);
    });
  });
});

describe('a workload whose pod cannot be read gets a verdict from every pod rule', () => {
  // every rule for workloads reads the pod, except K8S-NS-DEDICATED, which reads only metadata.namespace
  const POD_RULES = PACK.filter((r) => r.resourceTypes.includes('kubernetes_deployment_v1') && r.ruleId !== 'K8S-NS-DEDICATED');
  const deployment = (spec: unknown): PolicyResource => ({
    resourceType: 'kubernetes_deployment_v1', address: 'kubernetes_deployment_v1.web', attributes: { metadata: { name: 'web', namespace: 'apps' }, spec },
  } as PolicyResource);
  const validPod = () => subjectOf(TABLE['K8S-NO-PRIVILEGED'].pass!).resource.attributes.spec;

  // K8S-SA-TOKEN reads only the pod spec's automount_service_account_token, never a list
  const LIST_RULES = POD_RULES.filter((r) => r.ruleId !== 'K8S-SA-TOKEN');
  test.each([
    ['no spec block', undefined, POD_RULES],
    ['a spec without a template', { replicas: '2' }, POD_RULES],
    ['a malformed volume list', (() => { const s = validPod(); s.template.spec.volume = [42, 'tmp']; return s; })(), LIST_RULES],
    ['a volume list that is an expression', (() => { const s = validPod(); s.template.spec.volume = UNKNOWN; return s; })(), LIST_RULES],
    ['a container that is a string', (() => { const s = validPod(); s.template.spec.container = ['web']; return s; })(), LIST_RULES],
  ])('%s: UNKNOWN or FAIL, never PASS or NOT_APPLICABLE', (_name, spec, rules) => {
    expect(rules.length).toBeGreaterThan(20);
    const silent = rules.map((rule) => [rule.ruleId, rule.evaluate(deployment(spec), { resources: [] }).status])
      .filter(([, status]) => status === ComplianceStatus.PASS || status === ComplianceStatus.NOT_APPLICABLE);
    expect(silent).toEqual([]);
  });
});
