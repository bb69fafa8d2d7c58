import { Severity } from '../../rule';
import { at, podRule } from './private/pod';
import { isTrue } from '../private/rule-kit';

/** K8S-NO-PRIVILEGED: no privileged containers. */
export const noPrivileged = podRule({
  ruleId: 'K8S-NO-PRIVILEGED',
  title: 'No privileged containers',
  severity: Severity.HIGH,
  source: 'PSS baseline privileged; NSA §Pod security (KS C-0057; Trivy 1.2)',
  rationale: 'A privileged container has every device and capability of the host. Unset means false. '
    + 'Containers and init containers are checked, also in kubernetes_manifest pods.',
  manifest: true,
  check: (pod, findings) => {
    for (const container of pod.containers) {
      for (const found of at(pod, container, 'security_context.privileged')) {
        if (findings.unresolved(found.value, found.path)) continue;
        if (isTrue(found.value)) findings.fail(found.path, found.value, 'set security_context.privileged = false (or leave it unset)', container.detail);
      }
    }
  },
});
