import { IPolicyRule, PolicyContext, PolicyResource, RuleResult, Severity } from '../../rule';
import { securityOptions } from '../private/docker';
import { runCheck } from '../private/rule-kit';

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
export class DockerAppArmorRule implements IPolicyRule {
  /** The control id. */
  public readonly ruleId: string = 'DOCKER-APPARMOR';
  /** What the rule requires. */
  public readonly title: string = 'AppArmor confinement is not turned off';
  /** Medium. */
  public readonly severity: Severity = Severity.MEDIUM;
  /** CIS Docker Benchmark item. */
  public readonly source: string = 'CIS-D 5.2';
  /** `docker_container`. */
  public readonly resourceTypes: string[] = ['docker_container'];
  /** Findings may be suppressed with a reason. */
  public readonly suppressible?: boolean = true;
  /** How the rule decides. */
  public readonly rationale: string;
  private readonly requiredProfile?: string;

  constructor(options: DockerAppArmorRuleOptions = {}) {
    this.requiredProfile = options.requiredProfile?.trim().toLowerCase() || undefined;
    this.rationale = 'security_opts must not contain apparmor=unconfined (or apparmor:unconfined)'
      + (this.requiredProfile ? `, and must name the site profile apparmor=${this.requiredProfile}.` : '; without a site profile the daemon\'s docker-default applies on AppArmor hosts.');
  }

  /** Checks one resource. */
  public evaluate(resource: PolicyResource, context: PolicyContext): RuleResult {
    return runCheck(this.resourceTypes, resource, context, (attributes, findings) => {
      const options = securityOptions(attributes, findings).filter((o) => o.name === 'apparmor');
      for (const option of options) {
        if (option.value === 'unconfined') findings.fail(option.path, option.raw, `remove "${option.raw}"${this.requiredProfile ? ` and add "apparmor=${this.requiredProfile}"` : ''}`);
      }
      if (this.requiredProfile && !options.some((o) => o.value === this.requiredProfile) && findings.unknowns.length === 0) {
        findings.fail('security_opts', attributes.security_opts, `add "apparmor=${this.requiredProfile}" to security_opts`);
      }
    });
  }
}
