import { Severity } from '../../rule';
import { at, psaMinor, specOf, podRule } from './private/pod';

/** The PSS baseline safe sysctls, with the policy minor version that admits each. */
const SAFE_SYSCTLS: Array<[string, number]> = [
  ['kernel.shm_rmid_forced', 0],
  ['net.ipv4.ip_local_port_range', 0],
  ['net.ipv4.tcp_syncookies', 0],
  ['net.ipv4.ping_group_range', 0],
  ['net.ipv4.ip_unprivileged_port_start', 0],
  ['net.ipv4.ip_local_reserved_ports', 27],
  ['net.ipv4.tcp_keepalive_time', 29],
  ['net.ipv4.tcp_fin_timeout', 29],
  ['net.ipv4.tcp_keepalive_intvl', 29],
  ['net.ipv4.tcp_keepalive_probes', 29],
  ['net.ipv4.tcp_rmem', 32],
  ['net.ipv4.tcp_wmem', 32],
  ['net.ipv4.tcp_slow_start_after_idle', 37],
  ['net.ipv4.tcp_notsent_lowat', 37],
];

/** The safe sysctls for a PSA policy minor version (v1.<minor>). */
export function safeSysctls(minor: number): string[] {
  return SAFE_SYSCTLS.filter(([, since]) => minor >= since).map(([name]) => name);
}

/** K8S-SYSCTLS: only the namespaced "safe" sysctls. */
export const sysctls = podRule({
  ruleId: 'K8S-SYSCTLS',
  title: 'Pods set only the safe namespaced sysctls',
  severity: Severity.MEDIUM,
  source: 'PSS baseline sysctls',
  rationale: 'Unsafe sysctls change kernel settings shared with the node. The allow-list is the one of the '
    + 'enforce-version pinned by the pod\'s namespace when that namespace is in the stack, else v1.29 '
    + '(the library\'s default PSA version). Also checks kubernetes_manifest pods.',
  manifest: true,
  check: (pod, findings, resource, context) => {
    const allowed = safeSysctls(psaMinor(resource, context));
    for (const found of at(pod, specOf(pod), 'security_context.sysctl.name')) {
      if (findings.unresolved(found.value, found.path)) continue;
      if (!allowed.includes(found.value as string)) {
        findings.fail(found.path, found.value, `remove the sysctl; only ${allowed.join(', ')} are safe`, `sysctl=${String(found.value)}`);
      }
    }
  },
});
