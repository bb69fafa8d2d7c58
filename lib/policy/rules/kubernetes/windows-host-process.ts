import { Severity } from '../../rule';
import { Found } from '../../private/attributes';
import { at, specOf, podRule } from './private/pod';
import { isTrue } from '../private/rule-kit';

/** K8S-WIN-HOSTPROCESS: no Windows HostProcess pods. */
export const windowsHostProcess = podRule({
  ruleId: 'K8S-WIN-HOSTPROCESS',
  title: 'No Windows HostProcess pods',
  severity: Severity.HIGH,
  source: 'PSS baseline windowsHostProcess',
  rationale: 'A HostProcess container runs directly on the Windows host with host privileges. The pod-level '
    + 'windows_options.host_process is checked (provider 2.38 has no container-level field; manifests are checked '
    + 'at both levels). Unset means false.',
  manifest: true,
  check: (pod, findings) => {
    const targets: Array<[Found, string]> = [[specOf(pod), 'pod'], ...pod.containers.map((c): [Found, string] => [c, c.detail])];
    for (const [base, detail] of targets) {
      for (const found of at(pod, base, 'security_context.windows_options.host_process')) {
        if (findings.unresolved(found.value, found.path)) continue;
        if (isTrue(found.value)) findings.fail(found.path, found.value, 'set windows_options.host_process = false (or leave it unset)', detail);
      }
    }
  },
});
