import { getValue, isUnresolved, referencedResources } from '../../private/attributes';
import { PolicyContext, Severity } from '../../rule';
import { at, pathOf, specOf, podRule } from './private/pod';

const SERVICE_ACCOUNT_TYPES = ['kubernetes_service_account_v1', 'kubernetes_service_account'];

/**
 * The name of the service account a reference such as `${kubernetes_service_account_v1.web.metadata[0].name}`
 * points to, when that account is created in the same stack; undefined otherwise.
 */
function referencedAccountName(value: unknown, context: PolicyContext): unknown {
  if (!/^\$\{[^}]*\.metadata(\[0\])?\.name\}$/.test(String(value))) return undefined;
  const accounts = referencedResources(value, context, SERVICE_ACCOUNT_TYPES);
  return accounts.length === 1 ? getValue(accounts[0].attributes, 'metadata.name') : undefined;
}

/** K8S-DEDICATED-SA: each workload runs under its own service account, never `default`. */
export const dedicatedServiceAccount = podRule({
  ruleId: 'K8S-DEDICATED-SA',
  title: 'Workloads run under a dedicated service account, not "default"',
  severity: Severity.LOW,
  source: 'NSA §Authentication and authorization (least-privilege RBAC)',
  rationale: 'Workloads sharing the default service account share its RBAC grants. service_account_name must be set '
    + 'and not "default"; a reference to a kubernetes_service_account_v1 created in the same stack is followed to its name. '
    + 'Whether the account is used by one workload only is not decided. Also checks kubernetes_manifest pods (serviceAccountName).',
  manifest: true,
  check: (pod, findings, _resource, context) => {
    const found = at(pod, specOf(pod), 'service_account_name')[0];
    let name = found?.value;
    if (found && isUnresolved(name)) {
      const followed = referencedAccountName(name, context);
      if (followed === undefined || findings.unresolved(followed, found.path)) {
        if (followed === undefined) findings.unknown(found.path);
        return;
      }
      name = followed;
    }
    if (!found || name === 'default' || name === '' || name === null) {
      findings.fail(found?.path ?? pathOf(pod, pod.specPath, 'service_account_name'), found?.value,
        'create a kubernetes_service_account_v1 for this workload and set service_account_name to its name', 'pod');
    }
  },
});
