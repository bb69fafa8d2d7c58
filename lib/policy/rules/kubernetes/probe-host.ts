import { Severity } from '../../rule';
import { at, podRule } from './private/pod';

const HANDLERS = [
  'liveness_probe.http_get.host', 'readiness_probe.http_get.host', 'startup_probe.http_get.host',
  'lifecycle.post_start.http_get.host', 'lifecycle.pre_stop.http_get.host',
  // not in the typed schema, but possible in kubernetes_manifest
  'liveness_probe.tcp_socket.host', 'readiness_probe.tcp_socket.host', 'startup_probe.tcp_socket.host',
  'lifecycle.post_start.tcp_socket.host', 'lifecycle.pre_stop.tcp_socket.host',
];

/** K8S-PROBE-HOST: probes and lifecycle hooks must not target another host. */
export const probeHost = podRule({
  ruleId: 'K8S-PROBE-HOST',
  title: 'Probes and lifecycle hooks do not target another host',
  severity: Severity.LOW,
  source: 'PSS baseline hostProbesAndHostLifecycle (>= v1.34)',
  rationale: 'A probe or hook with a host makes the kubelet send requests to an arbitrary address from the node '
    + '(server-side request forgery). Only "" or unset passes. Also checks kubernetes_manifest pods.',
  manifest: true,
  check: (pod, findings) => {
    for (const container of pod.containers) {
      for (const handler of HANDLERS) {
        for (const found of at(pod, container, handler)) {
          if (findings.unresolved(found.value, found.path)) continue;
          if (found.value !== '' && found.value !== null) findings.fail(found.path, found.value, 'remove host so the probe targets the pod IP', container.detail);
        }
      }
    }
  },
});
