import { checkArgs } from '../../../core/private/shapes';
import { Severity } from '../../rule';
import { checkSecurityOption } from '../private/docker';
import { ConfigurableRule } from '../private/rule-kit';

/** Site input of the DOCKER-SELINUX rule. */
export interface DockerSeLinuxRuleOptions {
  /**
   * The SELinux type every container must carry (`label=type:<type>`), for sites that run SELinux.
   * @default - no type required; only `label=disable` fails
   */
  readonly requiredType?: string;
}

/**
 * DOCKER-SELINUX: SELinux labelling is never turned off, and optionally a site type is required.
 */
export class DockerSeLinuxRule extends ConfigurableRule {
  constructor(options: DockerSeLinuxRuleOptions = {}) {
    checkArgs('DockerSeLinuxRule', 'DockerSeLinuxRule', [options]);
    const requiredType = options.requiredType?.trim().toLowerCase() || undefined;
    super({
      ruleId: 'DOCKER-SELINUX',
      title: 'SELinux labelling is not turned off',
      severity: Severity.MEDIUM,
      source: 'CIS-D 5.3',
      resourceTypes: ['docker_container'],
      rationale: 'security_opts must not contain label=disable (or label:disable)'
        + (requiredType ? `, and must set label=type:${requiredType}.` : '; the site SELinux type is optional (requiredType).'),
    }, (attributes, findings) => {
      checkSecurityOption(attributes, findings, 'label', 'disable', requiredType ? `type:${requiredType}` : undefined, false);
    });
  }
}
