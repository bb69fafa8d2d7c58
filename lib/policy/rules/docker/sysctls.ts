import { checkArgs } from '../../../core/private/shapes';
import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { ConfigurableRule, mapPath, stringMap } from '../private/rule-kit';

/** The namespaced "safe" sysctls of the K8S-SYSCTLS allow-list (all versions up to v1.37). */
export const SAFE_SYSCTLS: string[] = [
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes', 'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem', 'net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat',
];

/** Site input of the DOCKER-SYSCTLS rule. */
export interface DockerSysctlsRuleOptions {
  /**
   * The sysctl names containers may set.
   * @default SAFE_SYSCTLS (the K8S-SYSCTLS allow-list)
   */
  readonly allowedSysctls?: string[];
}

/**
 * DOCKER-SYSCTLS: only namespaced safe sysctls.
 */
export class DockerSysctlsRule extends ConfigurableRule {
  constructor(options: DockerSysctlsRuleOptions = {}) {
    checkArgs('DockerSysctlsRule', 'DockerSysctlsRule', [options]);
    const allowed = (options.allowedSysctls ?? SAFE_SYSCTLS).map((s) => s.trim().toLowerCase());
    super({
      ruleId: 'DOCKER-SYSCTLS',
      title: 'Only namespaced safe sysctls are set',
      severity: Severity.LOW,
      source: 'PSS baseline sysctls (by analogy)',
      resourceTypes: ['docker_container'],
      rationale: 'Every key of sysctls must be on the allow-list (default: the K8S-SYSCTLS safe set, all versions); "/" separators are read as ".".',
    }, (attributes, findings) => {
      const sysctls = stringMap(attributes.sysctls);
      if (sysctls.unresolved) return findings.unknown('sysctls', attributes.sysctls);
      for (const [key, value] of sysctls.entries) {
        if (isUnresolved(key)) {
          findings.unknown(mapPath('sysctls', key), key);
          continue;
        }
        const name = key.trim().toLowerCase().replace(/\//g, '.');
        if (!allowed.includes(name)) findings.fail(mapPath('sysctls', key), value, `remove the ${name} sysctl (not a namespaced safe sysctl)`, `sysctl=${name}`);
      }
    });
  }
}
