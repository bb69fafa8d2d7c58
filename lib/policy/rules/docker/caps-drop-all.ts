import { checkArgs } from '../../../core/private/shapes';
import { findAll, isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { capabilityName } from '../private/docker';
import { ConfigurableRule, stringList } from '../private/rule-kit';

/** Docker's default capability set (moby `oci/caps/defaults.go`). Nothing outside it may be added. */
export const DOCKER_DEFAULT_CAPABILITIES: string[] = [
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE',
  'NET_RAW', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
];

/** Site input of the DOCKER-CAPS-DROP-ALL rule. */
export interface DockerCapabilitiesRuleOptions {
  /**
   * Capabilities that containers may add back after dropping ALL, e.g. `['NET_BIND_SERVICE']`.
   * Entries outside Docker's default set, and NET_RAW, still fail.
   * @default - none may be added
   */
  readonly allowedAddCapabilities?: string[];
}

/**
 * DOCKER-CAPS-DROP-ALL: drop every capability and add back only allow-listed ones from Docker's default set.
 */
export class DockerCapabilitiesRule extends ConfigurableRule {
  constructor(options: DockerCapabilitiesRuleOptions = {}) {
    checkArgs('DockerCapabilitiesRule', 'DockerCapabilitiesRule', [options]);
    const allowed = new Set((options.allowedAddCapabilities ?? []).map(capabilityName)
      .filter((c) => c !== 'NET_RAW' && DOCKER_DEFAULT_CAPABILITIES.includes(c)));
    super({
      ruleId: 'DOCKER-CAPS-DROP-ALL',
      title: 'All capabilities are dropped; only allow-listed ones are added back',
      severity: Severity.HIGH,
      source: 'CIS-D 5.4',
      resourceTypes: ['docker_container'],
      rationale: 'capabilities.drop must contain "ALL"; capabilities.add may hold only allow-listed names from Docker\'s default set, never NET_RAW'
        + ` (allowed here: ${allowed.size ? [...allowed].join(', ') : 'none'}). "CAP_" prefixes and case are ignored.`,
    }, (attributes, findings) => {
      if (typeof attributes.capabilities === 'string' && isUnresolved(attributes.capabilities)) return findings.unknown('capabilities', attributes.capabilities);
      const drops = findAll(attributes, 'capabilities.drop');
      let dropsAll = false;
      for (const drop of drops) {
        const list = stringList(drop.value);
        if (list.unresolved || list.items.some((i) => i.unresolved)) findings.unknown(drop.path, drop.value);
        if (list.items.some((i) => !i.unresolved && capabilityName(i.value) === 'ALL')) dropsAll = true;
      }
      if (!dropsAll && findings.unknowns.length === 0) {
        findings.fail(drops[0]?.path ?? 'capabilities.drop', drops[0]?.value, 'set capabilities { drop = ["ALL"] }');
      }
      for (const add of findAll(attributes, 'capabilities.add')) {
        const list = stringList(add.value);
        if (list.unresolved) findings.unknown(add.path, add.value);
        for (const item of list.items) {
          const itemPath = Array.isArray(add.value) ? `${add.path}[${item.index}]` : add.path;
          if (item.unresolved) {
            findings.unknown(itemPath, item.value);
            continue;
          }
          const name = capabilityName(item.value);
          if (!allowed.has(name)) {
            const why = name === 'NET_RAW' ? 'NET_RAW is never allowed' : DOCKER_DEFAULT_CAPABILITIES.includes(name) ? 'not on the allow-list' : 'outside Docker\'s default set';
            findings.fail(itemPath, item.value, `remove ${name} from capabilities.add (${why})`, `capability=${name}`);
          }
        }
      }
    });
  }
}
