import { Severity } from '../../rule';
import { at, podRule } from './private/pod';

/** The container runtime's default capability set (PSS baseline `capabilities_baseline`). */
export const BASELINE_CAPABILITIES = [
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE',
  'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
];

/** K8S-CAPS-BASELINE: added capabilities stay inside the runtime default set. */
export const capsBaseline = podRule({
  ruleId: 'K8S-CAPS-BASELINE',
  title: 'Added capabilities stay inside the runtime default set',
  severity: Severity.HIGH,
  source: 'PSS baseline capabilities_baseline',
  rationale: 'Capabilities beyond the runtime default set (SYS_ADMIN, NET_ADMIN, ...) grant host-level powers. '
    + 'Names are compared exactly, as PSA does. K8S-CAPS-DROP-ALL narrows this further.',
  manifest: true,
  check: (pod, findings) => {
    for (const container of pod.containers) {
      for (const found of at(pod, container, 'security_context.capabilities.add')) {
        if (findings.unresolved(found.value, found.path)) continue;
        const added = Array.isArray(found.value) ? found.value : [found.value];
        const extra = added.filter((cap) => !BASELINE_CAPABILITIES.includes(cap));
        if (extra.length > 0) {
          findings.fail(found.path, extra, `remove ${extra.join(', ')} from capabilities.add (allowed: ${BASELINE_CAPABILITIES.join(', ')})`, container.detail);
        }
      }
    }
  },
});
