import { checkArgs } from '../../../core/private/shapes';
import { findAll, isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { asNumber, ConfigurableRule } from '../private/rule-kit';

/** Site input of the DOCKER-ULIMITS rule. */
export interface DockerUlimitsRuleOptions {
  /**
   * ulimit names that containers may override.
   * @default ['nofile', 'nproc']
   */
  readonly allowedNames?: string[];
}

/**
 * DOCKER-ULIMITS: default ulimits are overridden only for allow-listed names, with soft <= hard.
 */
export class DockerUlimitsRule extends ConfigurableRule {
  constructor(options: DockerUlimitsRuleOptions = {}) {
    checkArgs('DockerUlimitsRule', 'DockerUlimitsRule', [options]);
    const allowed = (options.allowedNames ?? ['nofile', 'nproc']).map((n) => n.trim().toLowerCase());
    super({
      ruleId: 'DOCKER-ULIMITS',
      title: 'ulimits are overridden only when needed',
      severity: Severity.LOW,
      source: 'CIS-D 5.19',
      resourceTypes: ['docker_container'],
      rationale: `No ulimit[] passes; each ulimit[] must use an allow-listed name (${allowed.join(', ') || 'none'}) with soft <= hard. `
        + 'nofile and nproc are allowed by default because capping them narrows the daemon defaults (nproc also stands in for the missing pids_limit).',
    }, (attributes, findings) => {
      if (typeof attributes.ulimit === 'string' && isUnresolved(attributes.ulimit)) return findings.unknown('ulimit', attributes.ulimit);
      for (const limit of findAll(attributes, 'ulimit')) {
        const u = limit.value as Record<string, any>;
        if (typeof u !== 'object' || u === null) continue;
        if (isUnresolved(u.name)) {
          findings.unknown(`${limit.path}.name`, u.name);
          continue;
        }
        const name = String(u.name ?? '').toLowerCase();
        if (!allowed.includes(name)) {
          findings.fail(`${limit.path}.name`, u.name, `remove the ${name} ulimit override (allowed: ${allowed.join(', ') || 'none'})`, `ulimit=${name}`);
          continue;
        }
        if (isUnresolved(u.soft) || isUnresolved(u.hard)) {
          findings.unknown(`${limit.path}.soft`, [u.soft, u.hard]);
          continue;
        }
        const soft = asNumber(u.soft);
        const hard = asNumber(u.hard);
        if (soft === undefined || hard === undefined || soft > hard) {
          findings.fail(`${limit.path}.soft`, u.soft, 'set soft <= hard', `ulimit=${name}`);
        }
      }
    });
  }
}
