import { Severity } from '../../rule';
import { at, podRule } from './private/pod';

/** K8S-NO-HOSTPORT: no host ports. */
export const noHostPort = podRule({
  ruleId: 'K8S-NO-HOSTPORT',
  title: 'Containers do not bind host ports',
  severity: Severity.MEDIUM,
  source: 'PSS baseline hostPorts; NSA (KS C-0044)',
  rationale: 'A host port exposes the pod on every address of its node and bypasses Services and network policies. '
    + 'Unset or 0 passes. Also checks kubernetes_manifest pods.',
  manifest: true,
  check: (pod, findings) => {
    for (const container of pod.containers) {
      for (const found of at(pod, container, 'port.host_port')) {
        if (findings.unresolved(found.value, found.path)) continue;
        if (found.value !== null && Number(found.value) !== 0) {
          findings.fail(found.path, found.value, 'remove host_port and expose the container through a Service', container.detail);
        }
      }
    }
  },
});
