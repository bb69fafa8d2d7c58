import { Severity } from '../../rule';
import { at, specOf, podRule } from './private/pod';
import { isTrue } from '../private/rule-kit';

/** K8S-HOST-NAMESPACES: pods do not join the host's network, PID or IPC namespace. */
export const hostNamespaces = podRule({
  ruleId: 'K8S-HOST-NAMESPACES',
  title: 'Pods do not share the host network, PID or IPC namespace',
  severity: Severity.HIGH,
  source: 'PSS baseline hostNamespaces; NSA §Pod security (KS C-0038, C-0041; Trivy 1.4, 1.5)',
  rationale: 'A pod in a host namespace sees host processes, host interfaces or host IPC, which is a host escape. '
    + 'Unset means false (the provider default), so only an explicit true fails. Also checks kubernetes_manifest pods.',
  manifest: true,
  check: (pod, findings) => {
    for (const field of ['host_network', 'host_pid', 'host_ipc']) {
      for (const found of at(pod, specOf(pod), field)) {
        if (findings.unresolved(found.value, found.path)) continue;
        if (isTrue(found.value)) findings.fail(found.path, found.value, `set ${pod.dialect.key(field)} = false`, `field=${pod.dialect.key(field)}`);
      }
    }
  },
});
