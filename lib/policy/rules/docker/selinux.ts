import { IPolicyRule, PolicyContext, PolicyResource, RuleResult, Severity } from '../../rule';
import { securityOptions } from '../private/docker';
import { runCheck } from '../private/rule-kit';

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
export class DockerSeLinuxRule implements IPolicyRule {
  /** The control id. */
  public readonly ruleId: string = 'DOCKER-SELINUX';
  /** What the rule requires. */
  public readonly title: string = 'SELinux labelling is not turned off';
  /** Medium. */
  public readonly severity: Severity = Severity.MEDIUM;
  /** CIS Docker Benchmark item. */
  public readonly source: string = 'CIS-D 5.3';
  /** `docker_container`. */
  public readonly resourceTypes: string[] = ['docker_container'];
  /** Findings may be suppressed with a reason. */
  public readonly suppressible?: boolean = true;
  /** How the rule decides. */
  public readonly rationale: string;
  private readonly requiredType?: string;

  constructor(options: DockerSeLinuxRuleOptions = {}) {
    this.requiredType = options.requiredType?.trim().toLowerCase() || undefined;
    this.rationale = 'security_opts must not contain label=disable (or label:disable)'
      + (this.requiredType ? `, and must set label=type:${this.requiredType}.` : '; the site SELinux type is optional (requiredType).');
  }

  /** Checks one resource. */
  public evaluate(resource: PolicyResource, context: PolicyContext): RuleResult {
    return runCheck(this.resourceTypes, resource, context, (attributes, findings) => {
      const labels = securityOptions(attributes, findings).filter((o) => o.name === 'label');
      for (const label of labels) {
        if (label.value === 'disable') findings.fail(label.path, label.raw, `remove "${label.raw}"`);
      }
      if (this.requiredType && !labels.some((l) => l.value === `type:${this.requiredType}`) && findings.unknowns.length === 0) {
        findings.fail('security_opts', attributes.security_opts, `add "label=type:${this.requiredType}" to security_opts`);
      }
    });
  }
}
