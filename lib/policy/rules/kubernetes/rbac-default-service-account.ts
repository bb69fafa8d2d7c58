import { RuleResult, Severity } from '../../rule';
import { isUnresolved } from '../../private/attributes';
import { MANIFEST_TYPE } from './private/pod';
import { BINDING_TYPES, blocks, rbacFields } from './private/rbac';
import { defineRule } from '../private/rule-kit';

/** K8S-RBAC-DEFAULT-SA: no role is bound to a namespace's default service account. */
export const rbacDefaultServiceAccount = defineRule({
  ruleId: 'K8S-RBAC-DEFAULT-SA',
  title: 'No role or cluster role is bound to a default service account',
  severity: Severity.MEDIUM,
  source: 'CIS Kubernetes Benchmark 5.1.5; NSA §Authentication and authorization (Checkov CKV_K8S_42)',
  rationale: 'Every pod that names no service account runs as its namespace\'s "default" account, so a role bound to '
    + 'it is granted to all of them, including pods added later by anyone who can create pods there. A binding subject '
    + 'of kind ServiceAccount named "default" fails, and so does the group system:serviceaccounts (or '
    + 'system:serviceaccounts:<namespace>), which includes every default account. Bind roles to a dedicated service '
    + 'account (K8S-DEDICATED-SA is the workload side). A subject known only at apply is UNKNOWN. Also checks '
    + 'kubernetes_manifest RoleBindings and ClusterRoleBindings.',
  resourceTypes: [...BINDING_TYPES, MANIFEST_TYPE],
}, (attributes, findings, resource) => {
  const fields = rbacFields(resource, BINDING_TYPES, ['RoleBinding', 'ClusterRoleBinding'], 'subject', 'manifest.subjects');
  if (fields === undefined) return RuleResult.notApplicable();
  if (fields === 'unresolved') return RuleResult.unknown('the manifest is only known at apply');
  blocks(attributes, fields.list).forEach((subject, index) => {
    if (findings.unresolved(subject.value, subject.path) || typeof subject.value !== 'object' || subject.value === null) return;
    const { kind, name } = subject.value as Record<string, unknown>;
    if (isUnresolved(kind) || isUnresolved(name)) return findings.unknown(`${subject.path}.${isUnresolved(kind) ? 'kind' : 'name'}`);
    const detail = `subject=${index}`;
    if (kind === 'ServiceAccount' && name === 'default') {
      findings.fail(`${subject.path}.name`, name, 'bind the role to a dedicated service account of the workload that needs it, never "default"', detail);
    } else if (kind === 'Group' && typeof name === 'string' && /^system:serviceaccounts(:[^:]+)?$/.test(name)) {
      findings.fail(`${subject.path}.name`, name, 'bind the role to the dedicated service accounts that need it, not to every service account (default ones included)', detail);
    }
  });
  return undefined;
});
