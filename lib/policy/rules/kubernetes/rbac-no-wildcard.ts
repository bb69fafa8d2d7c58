import { RuleResult, Severity } from '../../rule';
import { MANIFEST_TYPE } from './private/pod';
import { ROLE_TYPES, blocks, rbacFields } from './private/rbac';
import { defineRule, stringList } from '../private/rule-kit';

const FIELDS = ['api_groups', 'resources', 'verbs', 'non_resource_urls'];

/** True for `*` and for the resource patterns that stand for many resources (`pods/*`, `*\/scale`). */
function isWildcard(field: string, value: string): boolean {
  if (value === '*') return true;
  return field === 'resources' && (value.startsWith('*/') || value.endsWith('/*'));
}

/** K8S-RBAC-NO-WILDCARD: roles and cluster roles name their API groups, resources and verbs. */
export const rbacNoWildcard = defineRule({
  ruleId: 'K8S-RBAC-NO-WILDCARD',
  title: 'Roles and cluster roles grant no wildcard API groups, resources or verbs',
  severity: Severity.MEDIUM,
  source: 'CIS Kubernetes Benchmark 5.1.3; NSA §Authentication and authorization (least privilege) (Checkov CKV_K8S_49)',
  rationale: 'A "*" grants everything that exists now and everything a future API version or CRD adds, including '
    + 'escalate, bind and impersonate; it is how a namespaced helper quietly becomes cluster-admin. Every rule of a '
    + 'role or cluster role must list its api_groups, resources, verbs and non_resource_urls without "*" (and without '
    + 'resource patterns such as "pods/*" or "*/scale"). A list known only at apply is UNKNOWN. An aggregated cluster '
    + 'role (aggregation_rule) is checked on the roles it aggregates. Also checks kubernetes_manifest Roles and ClusterRoles.',
  resourceTypes: [...ROLE_TYPES, MANIFEST_TYPE],
}, (attributes, findings, resource) => {
  const fields = rbacFields(resource, ROLE_TYPES, ['Role', 'ClusterRole'], 'rule', 'manifest.rules');
  if (fields === undefined) return RuleResult.notApplicable();
  if (fields === 'unresolved') return RuleResult.unknown('the manifest is only known at apply');
  for (const rule of blocks(attributes, fields.list)) {
    if (findings.unresolved(rule.value, rule.path) || typeof rule.value !== 'object' || rule.value === null) continue;
    for (const field of FIELDS) {
      const key = fields.key(field);
      const path = `${rule.path}.${key}`;
      const list = stringList((rule.value as Record<string, unknown>)[key]);
      if (list.unresolved) {
        findings.unknown(path);
        continue;
      }
      for (const item of list.items) {
        if (item.unresolved) findings.unknown(`${path}[${item.index}]`);
        else if (isWildcard(field, item.value)) {
          findings.fail(`${path}[${item.index}]`, item.value, `list the ${field.replace(/_/g, ' ')} the subjects need instead of "${item.value}"`, `field=${key}`);
        }
      }
    }
  }
  return undefined;
});
