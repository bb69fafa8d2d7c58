// A workload whose pod cannot be read gets FAIL (or UNKNOWN where the rule cannot tell whether it applies),
// never PASS or NOT_APPLICABLE in silence: a missing pod spec, a pod spec that is not an object, a malformed
// entry in the container or volume list.
import { ComplianceStatus, PolicyPacks, PolicyResource } from '../../../../lib/policy';
import { deployment, secureStack, workload } from './fixtures';

const KUBERNETES_RULES = PolicyPacks.kubernetes();
const POD_RULE_IDS = KUBERNETES_RULES
  .filter((rule) => rule.resourceTypes.includes('kubernetes_deployment_v1') && rule.ruleId !== 'K8S-NS-DEDICATED')
  .map((rule) => rule.ruleId);

function statuses(resource: PolicyResource): Record<string, string> {
  const context = { resources: [...secureStack().resources, resource] };
  return Object.fromEntries(KUBERNETES_RULES.filter((r) => POD_RULE_IDS.includes(r.ruleId)).map((r) => [r.ruleId, r.evaluate(resource, context).status]));
}

function rule(id: string) {
  return KUBERNETES_RULES.find((r) => r.ruleId === id)!;
}

describe('workloads whose pod cannot be read', () => {
  test('the pod rules cover every workload kind (sanity: the list is not empty)', () => {
    expect(POD_RULE_IDS).toEqual(expect.arrayContaining(['K8S-NO-PRIVILEGED', 'K8S-RESOURCES', 'K8S-NO-HOSTPORT', 'K8S-SA-TOKEN']));
  });

  test.each(['kubernetes_deployment_v1', 'kubernetes_pod', 'kubernetes_cron_job_v1', 'kubernetes_daemonset'])(
    '%s without spec: every pod rule FAILs, or is UNKNOWN when it only concerns some pods', (type) => {
      const base = workload(type);
      const resource = { ...base, attributes: { metadata: base.attributes.metadata } };
      const result = statuses(resource);
      for (const [id, status] of Object.entries(result)) {
        const conditional = id === 'K8S-RUNTIMECLASS' || id === 'PT-K8S-GPU';
        expect({ id, status }).toEqual({ id, status: conditional ? ComplianceStatus.UNKNOWN : ComplianceStatus.FAIL });
      }
    });

  test('K8S-RESOURCES names each required value on a workload without a pod spec', () => {
    const resource: PolicyResource = { resourceType: 'kubernetes_deployment', address: 'kubernetes_deployment.fail2', attributes: { metadata: [{ name: 'x' }] } };
    const result = rule('K8S-RESOURCES').evaluate(resource, { resources: [resource] });
    expect(result.status).toBe(ComplianceStatus.FAIL);
    expect(result.violations.map((v) => v.attributePath)).toEqual([
      'spec.template.spec.container[].resources.requests["cpu"]',
      'spec.template.spec.container[].resources.requests["memory"]',
      'spec.template.spec.container[].resources.limits["cpu"]',
      'spec.template.spec.container[].resources.limits["memory"]',
    ]);
    expect(result.violations[0].fix).toMatch(/write the pod spec \(spec\.template\.spec\)/);
  });

  test('a pod spec that is a literal (not an object, not an expression) fails where it is', () => {
    const resource: PolicyResource = { resourceType: 'kubernetes_pod_v1', address: 'kubernetes_pod_v1.x', attributes: { metadata: { name: 'x' }, spec: 42 } };
    const result = rule('K8S-NO-PRIVILEGED').evaluate(resource, { resources: [resource] });
    expect(result.violations).toEqual([{ attributePath: 'spec', found: 42, fix: expect.stringMatching(/write the pod spec/) }]);
  });

  test('a pod spec that is an expression stays UNKNOWN (it is known at plan, not malformed)', () => {
    const resource: PolicyResource = { resourceType: 'kubernetes_pod_v1', address: 'kubernetes_pod_v1.x', attributes: { metadata: { name: 'x' }, spec: '${var.spec}' } };
    expect(rule('K8S-NO-PRIVILEGED').evaluate(resource, { resources: [resource] }).status).toBe(ComplianceStatus.UNKNOWN);
  });

  test('a volume list with a stray string next to a hostPath block: the block is still checked, the string fails as unreadable', () => {
    const resource = deployment((pod) => {
      pod.volume = ['invalid', { name: 'sock', host_path: { path: '/var/run/docker.sock' } }];
    });
    const result = rule('K8S-NO-HOSTPATH').evaluate(resource, { resources: [resource] });
    expect(result.status).toBe(ComplianceStatus.FAIL);
    expect(result.violations.map((v) => [v.attributePath, v.found])).toEqual([
      ['spec.template.spec.volume[0]', 'invalid'],
      ['spec.template.spec.volume[1].host_path', '/var/run/docker.sock'],
    ]);
  });

  test('a malformed container entry fails every container rule; the well-formed container is still checked', () => {
    const resource = deployment((pod) => {
      pod.container = [7, { ...pod.container[0], security_context: { ...pod.container[0].security_context, privileged: true } }];
    });
    const result = rule('K8S-NO-PRIVILEGED').evaluate(resource, { resources: [resource] });
    expect(result.violations.map((v) => v.attributePath)).toEqual(['spec.template.spec.container[0]', 'spec.template.spec.container[1].security_context.privileged']);
  });

  test('a template hidden behind a dynamic block is UNKNOWN, not unreadable', () => {
    const base = deployment();
    const resource = { ...base, attributes: { ...base.attributes, spec: { dynamic: { template: { for_each: '${var.templates}' } } } } };
    expect(rule('K8S-NO-PRIVILEGED').evaluate(resource, { resources: [resource] }).status).toBe(ComplianceStatus.UNKNOWN);
  });
});
