import { checkArgs } from '../../../core/private/shapes';
import { findAll, isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { ConfigurableRule, isUnset } from '../private/rule-kit';

const ANY_ADDRESS = ['0.0.0.0', '::', '[::]', '*'];

/** Site input of the DOCKER-BIND-HOST-IP rule. */
export interface DockerBindHostIpRuleOptions {
  /**
   * Host addresses that published ports may bind to.
   * @default - any specific address (not 0.0.0.0 or ::)
   */
  readonly allowedHostIps?: string[];
}

/**
 * DOCKER-BIND-HOST-IP: published ports bind to a specific host interface.
 */
export class DockerBindHostIpRule extends ConfigurableRule {
  constructor(options: DockerBindHostIpRuleOptions = {}) {
    checkArgs('DockerBindHostIpRule', 'DockerBindHostIpRule', [options]);
    const allowed = options.allowedHostIps && options.allowedHostIps.length > 0 ? options.allowedHostIps.map((ip) => ip.trim().toLowerCase()) : undefined;
    super({
      ruleId: 'DOCKER-BIND-HOST-IP',
      title: 'Published ports bind to a specific host address',
      severity: Severity.MEDIUM,
      source: 'CIS-D 5.14',
      resourceTypes: ['docker_container'],
      rationale: 'Every ports[] entry must set ip; unset means the provider default 0.0.0.0 (all interfaces), which fails like "0.0.0.0" and "::"'
        + (allowed ? `; allowed addresses: ${allowed.join(', ')}.` : '.'),
    }, (attributes, findings) => {
      if (typeof attributes.ports === 'string' && isUnresolved(attributes.ports)) return findings.unknown('ports', attributes.ports);
      for (const port of findAll(attributes, 'ports')) {
        const p = port.value as Record<string, any>;
        if (typeof p !== 'object' || p === null) continue;
        const ip = p.ip;
        const detail = `port=${p.internal}`;
        if (isUnresolved(ip)) findings.unknown(`${port.path}.ip`, ip);
        else if (isUnset(ip) || ANY_ADDRESS.includes(String(ip).trim())) {
          findings.fail(`${port.path}.ip`, ip, 'set ip to the specific host address the port must listen on (e.g. "127.0.0.1")', detail);
        } else if (allowed && !allowed.includes(String(ip).trim().toLowerCase())) {
          findings.fail(`${port.path}.ip`, ip, `bind to one of the approved host addresses: ${allowed.join(', ')}`, detail);
        }
      }
    });
  }
}
