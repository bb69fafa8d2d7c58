import { Severity } from '../../rule';
import { at, pathOf, specOf } from './private/pod';
import { podRule } from './private/rule';

/** K8S-DEDICATED-SA: each workload runs under its own service account, never `default`. */
export const dedicatedServiceAccount = podRule({
  ruleId: 'K8S-DEDICATED-SA',
  title: 'Workloads run under a dedicated service account, not "default"',
  severity: Severity.LOW,
  source: 'NSA §Authentication and authorization (least-privilege RBAC)',
  rationale: 'Workloads sharing the default service account share its RBAC grants. service_account_name must be set '
    + 'and not "default"; whether the account is used by one workload only is not decided. '
    + 'Also checks kubernetes_manifest pods (serviceAccountName).',
  manifest: true,
  check: (pod, findings) => {
    const found = at(pod, specOf(pod), 'service_account_name')[0];
    if (found && findings.unresolved(found.value, found.path)) return;
    if (!found || found.value === 'default' || found.value === '' || found.value === null) {
      findings.fail(found?.path ?? pathOf(pod, pod.specPath, 'service_account_name'), found?.value,
        'create a kubernetes_service_account_v1 for this workload and set service_account_name to its name', 'pod');
    }
  },
});
