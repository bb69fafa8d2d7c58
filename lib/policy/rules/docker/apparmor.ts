import { checkArgs } from '../../../core/private/shapes';
import { Severity } from '../../rule';
import { checkSecurityOption } from '../private/docker';
import { ConfigurableRule } from '../private/rule-kit';

/** Site input of the DOCKER-APPARMOR rule. */
export interface DockerAppArmorRuleOptions {
  /**
   * The AppArmor profile every container must name in `security_opts` (`apparmor=<profile>`), e.g. `docker-default`.
   * @default - any profile but `unconfined` (the daemon applies docker-default on AppArmor hosts)
   */
  readonly requiredProfile?: string;
}

/**
 * DOCKER-APPARMOR: AppArmor is never turned off, and optionally a site profile is required.
 */
export class DockerAppArmorRule extends ConfigurableRule {
  constructor(options: DockerAppArmorRuleOptions = {}) {
    checkArgs('DockerAppArmorRule', 'DockerAppArmorRule', [options]);
    const requiredProfile = options.requiredProfile?.trim().toLowerCase() || undefined;
    super({
      ruleId: 'DOCKER-APPARMOR',
      title: 'AppArmor confinement is not turned off',
      severity: Severity.MEDIUM,
      source: 'CIS-D 5.2',
      resourceTypes: ['docker_container'],
      rationale: 'security_opts must not contain apparmor=unconfined (or apparmor:unconfined)'
        + (requiredProfile ? `, and must name the site profile apparmor=${requiredProfile}.` : '; without a site profile the daemon\'s docker-default applies on AppArmor hosts.'),
    }, (attributes, findings) => {
      checkSecurityOption(attributes, findings, 'apparmor', 'unconfined', requiredProfile, true);
    });
  }
}
