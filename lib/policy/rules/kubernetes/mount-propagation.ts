import { Severity } from '../../rule';
import { at, podRule } from './private/pod';

/** K8S-MOUNT-PROPAGATION: no mount propagation back to the host. */
export const mountPropagation = podRule({
  ruleId: 'K8S-MOUNT-PROPAGATION',
  title: 'Volume mounts do not propagate mounts to or from the host',
  severity: Severity.LOW,
  source: 'Kubernetes API (Bidirectional needs a privileged container); CIS-D 5.20 by analogy',
  rationale: 'HostToContainer and Bidirectional propagation couple the container\'s mount table with the host\'s. '
    + 'Unset or "None" passes. Also checks kubernetes_manifest pods.',
  manifest: true,
  check: (pod, findings) => {
    for (const container of pod.containers) {
      for (const found of at(pod, container, 'volume_mount.mount_propagation')) {
        if (findings.unresolved(found.value, found.path)) continue;
        if (found.value !== 'None' && found.value !== '' && found.value !== null) {
          findings.fail(found.path, found.value, 'remove mount_propagation or set it to "None"', container.detail);
        }
      }
    }
  },
});
