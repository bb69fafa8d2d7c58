import { Severity } from '../../rule';
import { at, pathOf, specOf, podRule } from './private/pod';
import { isFalse, isTrue } from '../private/rule-kit';

/** K8S-RUNASNONROOT: containers must run as non-root. */
export const runAsNonRoot = podRule({
  ruleId: 'K8S-RUNASNONROOT',
  title: 'Pods set run_as_non_root = true (pod level or every container)',
  severity: Severity.HIGH,
  source: 'PSS restricted runAsNonRoot; NSA §Non-root containers (KS C-0013; Trivy 1.0)',
  rationale: 'Root in a container is root on the host after any escape. As in PSA: an explicit false anywhere '
    + 'fails; a container without its own value relies on the pod-level value, which must then be true. '
    + 'Also checks kubernetes_manifest pods.',
  manifest: true,
  check: (pod, findings) => {
    const podFound = at(pod, specOf(pod), 'security_context.run_as_non_root')[0];
    const podPath = pathOf(pod, pod.specPath, 'security_context.run_as_non_root');
    let podUnresolved = false;
    if (podFound && findings.unresolved(podFound.value, podFound.path)) podUnresolved = true;
    else if (podFound && isFalse(podFound.value)) findings.fail(podFound.path, podFound.value, 'set security_context.run_as_non_root = true', 'pod');
    const podTrue = podFound !== undefined && isTrue(podFound.value);
    for (const container of pod.containers) {
      const found = at(pod, container, 'security_context.run_as_non_root')[0];
      if (found) {
        if (findings.unresolved(found.value, found.path)) continue;
        if (isTrue(found.value)) continue;
        findings.fail(found.path, found.value, 'set run_as_non_root = true on the container, or remove it and set it at pod level', container.detail);
        continue;
      }
      if (podTrue || podUnresolved) continue;
      // an explicit pod-level false is already reported once, as [pod]; inheriting it adds nothing new
      if (podFound && isFalse(podFound.value)) continue;
      findings.fail(podFound?.path ?? podPath, podFound?.value, 'set security_context.run_as_non_root = true at pod level (or on every container)', container.detail);
    }
  },
});
