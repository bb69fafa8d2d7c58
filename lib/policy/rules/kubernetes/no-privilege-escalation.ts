import { Severity } from '../../rule';
import { at, pathOf, podRule } from './private/pod';
import { isFalse } from '../private/rule-kit';

/** K8S-NO-PRIV-ESC: privilege escalation turned off explicitly on every container. */
export const noPrivilegeEscalation = podRule({
  ruleId: 'K8S-NO-PRIV-ESC',
  title: 'Every container sets allow_privilege_escalation = false',
  severity: Severity.MEDIUM,
  source: 'PSS restricted allowPrivilegeEscalation; NSA (KS C-0016; Trivy 1.7)',
  rationale: 'Without no_new_privs a setuid binary can gain privileges inside the container. PSS restricted '
    + 'requires the explicit false, so unset fails. Also checks kubernetes_manifest pods.',
  manifest: true,
  requires: ['security_context.allow_privilege_escalation'],
  check: (pod, findings) => {
    for (const container of pod.containers) {
      const found = at(pod, container, 'security_context.allow_privilege_escalation');
      if (found.length === 0) {
        findings.fail(pathOf(pod, container.path, 'security_context.allow_privilege_escalation'), undefined, 'set security_context.allow_privilege_escalation = false', container.detail);
      }
      for (const f of found) {
        if (findings.unresolved(f.value, f.path)) continue;
        if (!isFalse(f.value)) findings.fail(f.path, f.value, 'set security_context.allow_privilege_escalation = false', container.detail);
      }
    }
  },
});
