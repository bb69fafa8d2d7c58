import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { KUBERNETES_RULES } from '../../../../lib/policy/rules/kubernetes';
import { ComplianceStatus, EMPTY, FOREIGN, deployment, evaluate, listWrapped, manifest, secureStack, workload } from './fixtures';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
// CI clones the repository with ../shared beside it; CDKTF_HYBRID_SHARED overrides the location.
const baselinePath = path.resolve(process.env.CDKTF_HYBRID_SHARED ?? path.resolve(repoRoot, '..', 'shared'), 'docs', 'security-baseline.md');
const baselineMissing = !fs.existsSync(baselinePath);
if (baselineMissing) {
  console.warn(`security-baseline.md not found at ${baselinePath}; skipping the rule-id catalogue test`);
}

/** Rules beyond security-baseline.md section 1: the gaps Checkov's own Kubernetes suite showed (CIS 5.1.3, 5.1.5, 5.4.1, PSP removal). */
const BEYOND_BASELINE = ['K8S-RBAC-NO-WILDCARD', 'K8S-RBAC-DEFAULT-SA', 'K8S-SECRETS-AS-FILES', 'K8S-NO-PSP'];

describe('Kubernetes rule pack', () => {
  test('rule ids are unique', () => {
    const ids = KUBERNETES_RULES.map((r) => r.ruleId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(37);
    expect(ids).toEqual(expect.arrayContaining(BEYOND_BASELINE));
  });

  (baselineMissing ? test.skip : test)('every rule id is a control id of security-baseline.md', () => {
    const text = fs.readFileSync(baselinePath, 'utf8');
    const rows = new Set([...text.matchAll(/^\| ([A-Z0-9]+(?:-[A-Z0-9]+)+) \|/gm)].map((m) => m[1]));
    for (const rule of KUBERNETES_RULES.filter((r) => !BEYOND_BASELINE.includes(r.ruleId))) {
      expect({ id: rule.ruleId, known: rows.has(rule.ruleId) }).toEqual({ id: rule.ruleId, known: true });
    }
    // the rules beyond the baseline really are new controls, not renamed rows
    expect(BEYOND_BASELINE.filter((id) => rows.has(id))).toEqual([]);
    // every K8S-* row is covered except the pure gap
    const k8sRows = [...rows].filter((id) => id.startsWith('K8S-'));
    const ids = KUBERNETES_RULES.map((r) => r.ruleId);
    expect(k8sRows.filter((id) => !ids.includes(id))).toEqual(['K8S-PID-LIMIT']);
  });

  test('every rule documents itself', () => {
    for (const rule of KUBERNETES_RULES) {
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.source.length).toBeGreaterThan(5);
      expect(rule.resourceTypes.length).toBeGreaterThan(0);
      expect((rule as any).rationale.length).toBeGreaterThan(40);
    }
  });

  test.each(KUBERNETES_RULES.map((r) => [r.ruleId, r]))('%s is NOT_APPLICABLE to a docker_container', (_id, rule) => {
    expect(evaluate(rule, FOREIGN).status).toBe(ComplianceStatus.NOT_APPLICABLE);
  });

  test('the secure deployment passes or is not applicable on every rule, in object and list renderings', () => {
    const context = secureStack();
    for (const resource of [deployment(), listWrapped(deployment())]) {
      for (const rule of KUBERNETES_RULES) {
        const result = rule.evaluate(resource, context);
        expect({ rule: rule.ruleId, status: result.status, violations: result.violations })
          .toEqual({ rule: rule.ruleId, status: expect.stringMatching(/^(PASS|NOT_APPLICABLE)$/), violations: [] });
      }
    }
  });

  test('every namespace of the secure stack passes every rule', () => {
    const context = secureStack();
    for (const resource of context.resources) {
      for (const rule of KUBERNETES_RULES) {
        expect({ rule: rule.ruleId, address: resource.address, status: rule.evaluate(resource, context).status })
          .toEqual({ rule: rule.ruleId, address: resource.address, status: expect.stringMatching(/^(PASS|NOT_APPLICABLE)$/) });
      }
    }
  });

  test.each([
    'kubernetes_deployment', 'kubernetes_stateful_set_v1', 'kubernetes_stateful_set', 'kubernetes_daemon_set_v1',
    'kubernetes_daemonset', 'kubernetes_job_v1', 'kubernetes_job', 'kubernetes_cron_job_v1', 'kubernetes_cron_job',
    'kubernetes_pod_v1', 'kubernetes_pod', 'kubernetes_replication_controller_v1',
  ])('%s: secure pod passes, a privileged one fails at the kind\'s pod path', (type) => {
    const context = secureStack();
    for (const rule of KUBERNETES_RULES) {
      expect({ rule: rule.ruleId, status: rule.evaluate(workload(type), context).status })
        .toEqual({ rule: rule.ruleId, status: expect.stringMatching(/^(PASS|NOT_APPLICABLE)$/) });
    }
    const noPrivileged = KUBERNETES_RULES.find((r) => r.ruleId === 'K8S-NO-PRIVILEGED')!;
    const result = evaluate(noPrivileged, workload(type, (pod) => { pod.container[0].security_context.privileged = true; }));
    const prefix = type.startsWith('kubernetes_pod') ? 'spec' : type.startsWith('kubernetes_cron_job') ? 'spec.job_template.spec.template.spec' : 'spec.template.spec';
    expect(result.violations).toEqual([
      { attributePath: `${prefix}.container[0].security_context.privileged`, found: true, fix: expect.any(String), detail: 'container=web' },
    ]);
  });

  test('the secure manifest passes or is not applicable on every rule', () => {
    const context = secureStack();
    for (const resource of [manifest(), manifest(undefined, 'Pod'), manifest(undefined, 'CronJob')]) {
      for (const rule of KUBERNETES_RULES) {
        const result = rule.evaluate(resource, context);
        expect({ rule: rule.ruleId, status: result.status, violations: result.violations })
          .toEqual({ rule: rule.ruleId, status: expect.stringMatching(/^(PASS|NOT_APPLICABLE)$/), violations: [] });
      }
    }
  });

  test('a manifest of a kind without pods is NOT_APPLICABLE to pod rules; an unresolved manifest is UNKNOWN', () => {
    const configMap = { resourceType: 'kubernetes_manifest', address: 'kubernetes_manifest.cm', attributes: { manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } } } };
    const unresolved = { resourceType: 'kubernetes_manifest', address: 'kubernetes_manifest.x', attributes: { manifest: '${yamldecode(file("x.yaml"))}' } };
    const noPrivileged = KUBERNETES_RULES.find((r) => r.ruleId === 'K8S-NO-PRIVILEGED')!;
    expect(evaluate(noPrivileged, configMap).status).toBe(ComplianceStatus.NOT_APPLICABLE);
    expect(evaluate(noPrivileged, unresolved).status).toBe(ComplianceStatus.UNKNOWN);
  });

  test('an unresolved pod template is UNKNOWN, never PASS', () => {
    const resource = { resourceType: 'kubernetes_deployment_v1', address: 'kubernetes_deployment_v1.x', attributes: { metadata: { namespace: 'apps' }, spec: { template: '${var.template}' } } };
    const podRules = KUBERNETES_RULES.filter((r) => r.resourceTypes.includes('kubernetes_deployment_v1') && r.ruleId !== 'K8S-NS-DEDICATED');
    expect(podRules.length).toBe(28);
    for (const rule of podRules) {
      expect({ rule: rule.ruleId, status: evaluate(rule, resource).status }).toEqual({ rule: rule.ruleId, status: ComplianceStatus.UNKNOWN });
    }
  });

  test('rules never throw, whatever the attributes', () => {
    const types = [...new Set(KUBERNETES_RULES.flatMap((r) => r.resourceTypes))];
    fc.assert(fc.property(fc.constantFrom(...types), fc.jsonValue(), fc.jsonValue(), (type, spec, metadata) => {
      const resource = { resourceType: type, address: `${type}.x`, attributes: { spec, metadata, manifest: { kind: 'Pod', spec } } as any };
      for (const rule of KUBERNETES_RULES) {
        const result = rule.evaluate(resource, { resources: [resource] });
        expect(Object.values(ComplianceStatus)).toContain(result.status);
      }
    }), { numRuns: 200 });
    for (const rule of KUBERNETES_RULES) expect(() => rule.evaluate({ resourceType: rule.resourceTypes[0], address: 'x.y', attributes: {} }, EMPTY)).not.toThrow();
  });
});
