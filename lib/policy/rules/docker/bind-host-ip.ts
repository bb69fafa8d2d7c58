import { findAll, isUnresolved } from '../../private/attributes';
import { IPolicyRule, PolicyContext, PolicyResource, RuleResult, Severity } from '../../rule';
import { isUnset, runCheck } from '../private/rule-kit';

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
export class DockerBindHostIpRule implements IPolicyRule {
  /** The control id. */
  public readonly ruleId: string = 'DOCKER-BIND-HOST-IP';
  /** What the rule requires. */
  public readonly title: string = 'Published ports bind to a specific host address';
  /** Medium. */
  public readonly severity: Severity = Severity.MEDIUM;
  /** CIS Docker Benchmark item. */
  public readonly source: string = 'CIS-D 5.14';
  /** `docker_container`. */
  public readonly resourceTypes: string[] = ['docker_container'];
  /** Findings may be suppressed with a reason. */
  public readonly suppressible?: boolean = true;
  /** How the rule decides. */
  public readonly rationale: string;
  private readonly allowed?: string[];

  constructor(options: DockerBindHostIpRuleOptions = {}) {
    this.allowed = options.allowedHostIps && options.allowedHostIps.length > 0 ? options.allowedHostIps.map((ip) => ip.trim().toLowerCase()) : undefined;
    this.rationale = 'Every ports[] entry must set ip; unset means the provider default 0.0.0.0 (all interfaces), which fails like "0.0.0.0" and "::"'
      + (this.allowed ? `; allowed addresses: ${this.allowed.join(', ')}.` : '.');
  }

  /** Checks one resource. */
  public evaluate(resource: PolicyResource, context: PolicyContext): RuleResult {
    return runCheck(this.resourceTypes, resource, context, (attributes, findings) => {
      if (typeof attributes.ports === 'string' && isUnresolved(attributes.ports)) return findings.unknown('ports', attributes.ports);
      for (const port of findAll(attributes, 'ports')) {
        const p = port.value as Record<string, any>;
        if (typeof p !== 'object' || p === null) continue;
        const ip = p.ip;
        const detail = `port=${p.internal}`;
        if (isUnresolved(ip)) findings.unknown(`${port.path}.ip`, ip);
        else if (isUnset(ip) || ANY_ADDRESS.includes(String(ip).trim())) {
          findings.fail(`${port.path}.ip`, ip, 'set ip to the specific host address the port must listen on (e.g. "127.0.0.1")', detail);
        } else if (this.allowed && !this.allowed.includes(String(ip).trim().toLowerCase())) {
          findings.fail(`${port.path}.ip`, ip, `bind to one of the approved host addresses: ${this.allowed.join(', ')}`, detail);
        }
      }
    });
  }
}
