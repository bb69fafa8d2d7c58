// The rules that close the gaps Checkov's own Kubernetes suite showed: wildcard RBAC (CIS 5.1.3), roles bound
// to a default service account (CIS 5.1.5), secrets as environment variables (CIS 5.4.1) and PodSecurityPolicy
// (removed in v1.25). Raw Terraform JSON attributes, as hand-written *.tf.json and hcl2json render them
// (nested blocks as lists), compliant and non-compliant.
import { TerraformVariable } from 'cdktf';
import { EnvValue, FindingStatus, HardenedDeployment, PolicyChecks } from '../../../../lib';
import { ComplianceStatus, PolicyPacks, PolicyResource, RuleResult } from '../../../../lib/policy';
import { SECRET_ENV_DESIGN_REASON } from '../../../../lib/policy/rules/kubernetes/secrets-as-files';
import { apiSpec, setup, synth } from '../../../kubernetes/helpers';
import { deployment, manifest } from './fixtures';

const RULES = PolicyPacks.kubernetes();
const rule = (id: string) => RULES.find((r) => r.ruleId === id)!;

function evaluate(id: string, resourceType: string, attributes: Record<string, any>): RuleResult {
  const resource: PolicyResource = { resourceType, address: `${resourceType}.subject`, attributes };
  return rule(id).evaluate(resource, { resources: [resource] });
}

const READ_PODS = { api_groups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] };

describe('K8S-RBAC-NO-WILDCARD', () => {
  test.each(['kubernetes_role', 'kubernetes_role_v1', 'kubernetes_cluster_role', 'kubernetes_cluster_role_v1'])('%s: named groups, resources and verbs pass', (type) => {
    expect(evaluate('K8S-RBAC-NO-WILDCARD', type, { metadata: [{ name: 'reader' }], rule: [READ_PODS, { api_groups: ['apps'], resources: ['deployments'], verbs: ['get'] }] }).status)
      .toBe(ComplianceStatus.PASS);
  });

  test.each([
    ['api_groups', { ...READ_PODS, api_groups: ['*'] }, 'rule[1].api_groups[0]'],
    ['verbs', { ...READ_PODS, verbs: ['*', 'list'] }, 'rule[1].verbs[0]'],
    ['resources', { ...READ_PODS, resources: ['*'] }, 'rule[1].resources[0]'],
    ['resources (subresource pattern)', { ...READ_PODS, resources: ['deployments/*'] }, 'rule[1].resources[0]'],
    ['non_resource_urls', { non_resource_urls: ['*'], verbs: ['get'] }, 'rule[1].non_resource_urls[0]'],
  ])('a wildcard in %s fails at its index', (_field, bad, path) => {
    const result = evaluate('K8S-RBAC-NO-WILDCARD', 'kubernetes_cluster_role_v1', { metadata: [{ name: 'x' }], rule: [READ_PODS, bad] });
    expect(result.status).toBe(ComplianceStatus.FAIL);
    expect(result.violations.map((v) => v.attributePath)).toEqual([path]);
  });

  test('an empty rule block passes (Checkov\'s pass2); a list known only at apply is UNKNOWN', () => {
    expect(evaluate('K8S-RBAC-NO-WILDCARD', 'kubernetes_role', { metadata: [{ name: 'x' }], rule: [{}] }).status).toBe(ComplianceStatus.PASS);
    expect(evaluate('K8S-RBAC-NO-WILDCARD', 'kubernetes_role', { rule: [{ ...READ_PODS, verbs: '${var.verbs}' }] }).status).toBe(ComplianceStatus.UNKNOWN);
    expect(evaluate('K8S-RBAC-NO-WILDCARD', 'kubernetes_role', { rule: [{ ...READ_PODS, verbs: ['get', '${var.verb}'] }] }).status).toBe(ComplianceStatus.UNKNOWN);
  });

  test('kubernetes_manifest ClusterRole (camelCase) is checked too; other kinds are not applicable', () => {
    const role = { manifest: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'x' }, rules: [{ apiGroups: ['*'], resources: ['pods'], verbs: ['get'] }] } };
    expect(evaluate('K8S-RBAC-NO-WILDCARD', 'kubernetes_manifest', role).violations.map((v) => v.attributePath)).toEqual(['manifest.rules[0].apiGroups[0]']);
    expect(evaluate('K8S-RBAC-NO-WILDCARD', 'kubernetes_manifest', { manifest: { kind: 'ConfigMap', metadata: { name: 'x' } } }).status).toBe(ComplianceStatus.NOT_APPLICABLE);
  });
});

describe('K8S-RBAC-DEFAULT-SA', () => {
  const binding = (subject: any[]) => ({
    metadata: [{ name: 'b', namespace: 'apps' }],
    role_ref: [{ api_group: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' }],
    subject,
  });
  const USER = { api_group: 'rbac.authorization.k8s.io', kind: 'User', name: 'admin' };

  test.each(['kubernetes_role_binding', 'kubernetes_role_binding_v1', 'kubernetes_cluster_role_binding', 'kubernetes_cluster_role_binding_v1'])(
    '%s: a dedicated service account and users pass; the default service account fails', (type) => {
      expect(evaluate('K8S-RBAC-DEFAULT-SA', type, binding([USER, { kind: 'ServiceAccount', name: 'web', namespace: 'apps' }])).status).toBe(ComplianceStatus.PASS);
      const result = evaluate('K8S-RBAC-DEFAULT-SA', type, binding([USER, { kind: 'ServiceAccount', name: 'default', namespace: 'kube-system' }]));
      expect(result.violations).toEqual([{ attributePath: 'subject[1].name', found: 'default', fix: expect.stringMatching(/dedicated service account/), detail: 'subject=1' }]);
    });

  test('the group of every service account (default ones included) fails; system:masters is another rule\'s business', () => {
    expect(evaluate('K8S-RBAC-DEFAULT-SA', 'kubernetes_cluster_role_binding_v1', binding([{ kind: 'Group', name: 'system:serviceaccounts:apps' }])).status).toBe(ComplianceStatus.FAIL);
    expect(evaluate('K8S-RBAC-DEFAULT-SA', 'kubernetes_cluster_role_binding_v1', binding([{ kind: 'Group', name: 'system:serviceaccounts' }])).status).toBe(ComplianceStatus.FAIL);
    expect(evaluate('K8S-RBAC-DEFAULT-SA', 'kubernetes_cluster_role_binding_v1', binding([{ kind: 'Group', name: 'system:masters' }])).status).toBe(ComplianceStatus.PASS);
  });

  test('a subject name known only at apply is UNKNOWN; a manifest RoleBinding is checked', () => {
    expect(evaluate('K8S-RBAC-DEFAULT-SA', 'kubernetes_role_binding_v1', binding([{ kind: 'ServiceAccount', name: '${var.sa}' }])).status).toBe(ComplianceStatus.UNKNOWN);
    const rb = { manifest: { kind: 'RoleBinding', metadata: { name: 'x' }, roleRef: { kind: 'Role', name: 'r' }, subjects: [{ kind: 'ServiceAccount', name: 'default' }] } };
    expect(evaluate('K8S-RBAC-DEFAULT-SA', 'kubernetes_manifest', rb).violations.map((v) => v.attributePath)).toEqual(['manifest.subjects[0].name']);
  });
});

describe('K8S-SECRETS-AS-FILES', () => {
  test('a secret volume passes; env value_from.secret_key_ref and env_from.secret_ref fail per container', () => {
    const files = deployment((pod) => {
      pod.volume.push({ name: 'db', secret: { secret_name: 'db' } });
    });
    expect(rule('K8S-SECRETS-AS-FILES').evaluate(files, { resources: [files] }).status).toBe(ComplianceStatus.PASS);
    const env = deployment((pod) => {
      pod.container[0].env = [{ name: 'PLAIN', value: 'x' }, { name: 'DB', value_from: [{ secret_key_ref: [{ name: 'db', key: 'password' }] }] }];
      pod.init_container[0].env_from = [{ secret_ref: [{ name: 'db' }] }];
    });
    const result = rule('K8S-SECRETS-AS-FILES').evaluate(env, { resources: [env] });
    expect(result.violations.map((v) => [v.attributePath, v.detail])).toEqual([
      ['spec.template.spec.container[0].env[1].value_from[0].secret_key_ref[0]', 'container=web'],
      ['spec.template.spec.init_container[0].env_from[0].secret_ref[0]', 'init_container=setup'],
    ]);
  });

  test('empty value_from / env_from blocks pass (Checkov\'s pass2/pass3); a manifest secretKeyRef fails', () => {
    const empty = deployment((pod) => { pod.container[0].env = [{ name: 'E', value: 'x', value_from: [{}] }]; pod.container[0].env_from = [{}]; });
    expect(rule('K8S-SECRETS-AS-FILES').evaluate(empty, { resources: [empty] }).status).toBe(ComplianceStatus.PASS);
    const m = manifest((pod) => { pod.containers[0].env = [{ name: 'DB', valueFrom: { secretKeyRef: { name: 'db', key: 'p' } } }]; });
    expect(rule('K8S-SECRETS-AS-FILES').evaluate(m, { resources: [m] }).violations.map((v) => v.attributePath))
      .toEqual(['manifest.spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef']);
  });
});

describe('K8S-SECRETS-AS-FILES on the library\'s own workloads: the reasoned default, recorded', () => {
  test('a secret env value is reported as accepted with the design reason, per container; plain env values raise nothing', () => {
    const { stack, namespace } = setup();
    const password = new TerraformVariable(stack, 'db_password', { type: 'string', sensitive: true });
    new HardenedDeployment(stack, 'Api', { namespace, spec: apiSpec({ env: { DB_PASSWORD: EnvValue.fromSensitiveValue(password.stringValue) } }) });
    new HardenedDeployment(stack, 'Plain', { namespace, workloadName: 'plain', spec: apiSpec({ name: 'plain', env: { LOG_LEVEL: EnvValue.fromString('info') } }) });
    const checks = PolicyChecks.applyTo(stack, { rules: PolicyPacks.kubernetes().filter((r) => r.ruleId === 'K8S-SECRETS-AS-FILES') });
    synth(stack);
    expect(checks.findings.map((f) => [f.ruleId, f.status, f.suppressed, f.suppressionReason, f.suppressedAt])).toEqual([
      ['K8S-SECRETS-AS-FILES[container=api]', FindingStatus.FAIL, true, SECRET_ENV_DESIGN_REASON, 'stack/Api'],
    ]);
  });
});

describe('K8S-NO-PSP', () => {
  test('every PodSecurityPolicy fails, however restrictive; a PSP manifest too; other manifests are not applicable', () => {
    for (const type of ['kubernetes_pod_security_policy', 'kubernetes_pod_security_policy_v1beta1']) {
      const result = evaluate('K8S-NO-PSP', type, { metadata: [{ name: 'restricted' }], spec: [{ privileged: false, host_pid: false }] });
      expect(result.status).toBe(ComplianceStatus.FAIL);
      expect(result.violations[0].fix).toMatch(/K8S-PSA-LABELS/);
    }
    expect(evaluate('K8S-NO-PSP', 'kubernetes_manifest', { manifest: { kind: 'PodSecurityPolicy', metadata: { name: 'x' } } }).status).toBe(ComplianceStatus.FAIL);
    expect(evaluate('K8S-NO-PSP', 'kubernetes_manifest', { manifest: { kind: 'Namespace', metadata: { name: 'x' } } }).status).toBe(ComplianceStatus.NOT_APPLICABLE);
  });
});
