import { RuleResult, Severity } from '../../rule';
import { findAll } from '../../private/attributes';
import { MANIFEST_TYPE, WORKLOAD_TYPES, at, failUnreadable, locatePods, pathOf, specOf } from './private/pod';
import { defineRule, isFalse } from '../private/rule-kit';

const SERVICE_ACCOUNT_TYPES = [
  'kubernetes_service_account_v1', 'kubernetes_service_account',
  'kubernetes_default_service_account_v1', 'kubernetes_default_service_account',
];

/** K8S-SA-TOKEN: no API token is mounted unless the workload calls the API. */
export const serviceAccountToken = defineRule({
  ruleId: 'K8S-SA-TOKEN',
  title: 'Service account tokens are not mounted automatically',
  severity: Severity.MEDIUM,
  source: 'NSA §Protecting Pod service account tokens (KS C-0034; Trivy 1.11)',
  rationale: 'A mounted token lets anyone who compromises the pod call the API server as its service account. '
    + 'Pod specs and service accounts (whose provider default is true) must set automount_service_account_token = '
    + 'false; unset fails. A workload that needs the API opts in and suppresses this finding with a reason. '
    + 'Also checks kubernetes_manifest pods and ServiceAccounts.',
  resourceTypes: [...WORKLOAD_TYPES, MANIFEST_TYPE, ...SERVICE_ACCOUNT_TYPES],
}, (attributes, findings, resource) => {
  if (SERVICE_ACCOUNT_TYPES.includes(resource.resourceType)) {
    const found = findAll(attributes, 'automount_service_account_token')[0];
    if (!found) findings.fail('automount_service_account_token', undefined, 'set automount_service_account_token = false (the provider default is true)');
    else if (findings.unresolved(found.value, found.path)) return;
    else if (!isFalse(found.value)) findings.fail(found.path, found.value, 'set automount_service_account_token = false');
    return;
  }
  if (resource.resourceType === MANIFEST_TYPE && findAll(attributes, 'manifest.kind')[0]?.value === 'ServiceAccount') {
    const found = findAll(attributes, 'manifest.automountServiceAccountToken')[0];
    if (!found) findings.fail('manifest.automountServiceAccountToken', undefined, 'set automountServiceAccountToken: false');
    else if (!findings.unresolved(found.value, found.path) && !isFalse(found.value)) findings.fail(found.path, found.value, 'set automountServiceAccountToken: false');
    return undefined;
  }
  const lookup = locatePods(resource);
  if (!lookup.applicable) return RuleResult.notApplicable();
  if (lookup.unresolved) return RuleResult.unknown(lookup.unresolved);
  failUnreadable(findings, lookup.unreadable, resource.resourceType === MANIFEST_TYPE);
  for (const pod of lookup.pods) {
    const found = at(pod, specOf(pod), 'automount_service_account_token')[0];
    if (!found) {
      findings.fail(pathOf(pod, pod.specPath, 'automount_service_account_token'), undefined, 'set automount_service_account_token = false in the pod spec', 'pod');
    } else if (!findings.unresolved(found.value, found.path) && !isFalse(found.value)) {
      findings.fail(found.path, found.value, 'set automount_service_account_token = false, or suppress with the reason the workload calls the API', 'pod');
    }
  }
  return undefined;
});
