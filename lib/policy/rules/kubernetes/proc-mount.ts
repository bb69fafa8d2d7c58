import { Severity } from '../../rule';
import { at, podRule } from './private/pod';

/** K8S-PROCMOUNT: default /proc masking (only settable through kubernetes_manifest). */
export const procMount = podRule({
  ruleId: 'K8S-PROCMOUNT',
  title: 'Containers keep the default /proc masking',
  severity: Severity.LOW,
  source: 'PSS baseline procMount; restricted procMount_restricted (>= v1.35)',
  rationale: 'Provider 2.38 has no proc_mount field, so typed workloads are compliant by construction and the rule '
    + 'is not applicable to them. A kubernetes_manifest pod whose securityContext.procMount is set to anything but '
    + '"Default" fails.',
  manifestOnly: true,
  check: (pod, findings) => {
    for (const container of pod.containers) {
      for (const found of at(pod, container, 'security_context.proc_mount')) {
        if (findings.unresolved(found.value, found.path)) continue;
        if (found.value !== 'Default') findings.fail(found.path, found.value, 'remove procMount or set it to "Default"', container.detail);
      }
    }
  },
});
