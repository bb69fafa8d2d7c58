import { RuleResult, Severity } from '../../rule';
import { getValue, isUnresolved } from '../../private/attributes';
import { MANIFEST_TYPE } from './private/pod';
import { defineRule } from '../private/rule-kit';

const PSP_TYPES = ['kubernetes_pod_security_policy', 'kubernetes_pod_security_policy_v1beta1'];

/** K8S-NO-PSP: the stack holds no PodSecurityPolicy (removed in Kubernetes v1.25). */
export const noPodSecurityPolicy = defineRule({
  ruleId: 'K8S-NO-PSP',
  title: 'No PodSecurityPolicy: pod admission is enforced by Pod Security Admission labels',
  severity: Severity.MEDIUM,
  source: 'Kubernetes deprecation guide (policy/v1beta1 PodSecurityPolicy removed in v1.25); PSA api/constants.go',
  rationale: 'PodSecurityPolicy was removed in Kubernetes v1.25: on a current cluster the resource cannot be applied, '
    + 'and on an old one it is an admission mechanism without a future. A stack that still carries one relies on '
    + 'admission control that no longer exists, so every kubernetes_pod_security_policy fails (whatever it allows; '
    + 'Checkov\'s CKV_K8S_1-7/24/32/36 judge its fields). Enforce the same controls with Pod Security Admission '
    + 'namespace labels (K8S-PSA-LABELS) and the pod-level rules. Also checks kubernetes_manifest PodSecurityPolicies.',
  resourceTypes: [...PSP_TYPES, MANIFEST_TYPE],
}, (attributes, findings, resource) => {
  if (resource.resourceType === MANIFEST_TYPE) {
    const kind = getValue(attributes, 'manifest.kind');
    if (isUnresolved(attributes.manifest) || isUnresolved(kind)) return RuleResult.unknown('the manifest is only known at apply');
    if (kind !== 'PodSecurityPolicy') return RuleResult.notApplicable();
  }
  findings.fail('', undefined, 'remove the PodSecurityPolicy and label each namespace pod-security.kubernetes.io/enforce = "restricted" with a pinned enforce-version (K8S-PSA-LABELS)');
  return undefined;
});
