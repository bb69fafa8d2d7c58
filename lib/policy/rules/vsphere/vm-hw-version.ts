import { isUnresolved } from '../../private/attributes';
import { IPolicyRule, PolicyContext, PolicyResource, RuleResult, Severity } from '../../rule';
import { asNumber, runCheck } from '../private/rule-kit';

/** Site input of the VM-HW-VERSION rule. */
export interface VmHardwareVersionRuleOptions {
  /**
   * The lowest acceptable virtual hardware version.
   * @default 17 (the SCG floor)
   */
  readonly minimumVersion?: number;
}

/**
 * VM-HW-VERSION: virtual hardware at or above the site floor.
 */
export class VmHardwareVersionRule implements IPolicyRule {
  /** The control id. */
  public readonly ruleId: string = 'VM-HW-VERSION';
  /** What the rule requires. */
  public readonly title: string = 'Virtual hardware version is at or above the floor';
  /** Medium. */
  public readonly severity: Severity = Severity.MEDIUM;
  /** SCG item. */
  public readonly source: string = 'SCG9 vm-9.virtual-hardware';
  /** `vsphere_virtual_machine`. */
  public readonly resourceTypes: string[] = ['vsphere_virtual_machine'];
  /** Findings may be suppressed with a reason. */
  public readonly suppressible?: boolean = true;
  /** How the rule decides. */
  public readonly rationale: string;
  /** The floor applied. */
  public readonly minimumVersion: number;

  constructor(options: VmHardwareVersionRuleOptions = {}) {
    this.minimumVersion = options.minimumVersion ?? 17;
    this.rationale = `hardware_version must be set and >= ${this.minimumVersion}. Unset fails: a clone inherits the template's version, which synth cannot see.`;
  }

  /** Checks one resource. */
  public evaluate(resource: PolicyResource, context: PolicyContext): RuleResult {
    return runCheck(this.resourceTypes, resource, context, (attributes, findings) => {
      const version = attributes.hardware_version;
      if (isUnresolved(version)) return findings.unknown('hardware_version', version);
      const n = asNumber(version);
      if (n === undefined || n < this.minimumVersion) findings.fail('hardware_version', version, `set hardware_version >= ${this.minimumVersion} (20 on vSphere 8.0, 21 on 8.0 U2+)`);
    });
  }
}
