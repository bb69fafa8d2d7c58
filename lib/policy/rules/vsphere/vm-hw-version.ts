import { checkArgs } from '../../../core/private/shapes';
import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { asNumber, ConfigurableRule } from '../private/rule-kit';

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
export class VmHardwareVersionRule extends ConfigurableRule {
  /** The floor applied. */
  public readonly minimumVersion: number;

  constructor(options: VmHardwareVersionRuleOptions = {}) {
    checkArgs('VmHardwareVersionRule', 'VmHardwareVersionRule', [options]);
    const minimumVersion = options.minimumVersion ?? 17;
    super({
      ruleId: 'VM-HW-VERSION',
      title: 'Virtual hardware version is at or above the floor',
      severity: Severity.MEDIUM,
      source: 'SCG9 vm-9.virtual-hardware',
      resourceTypes: ['vsphere_virtual_machine'],
      rationale: `hardware_version must be set and >= ${minimumVersion}. Unset fails: a clone inherits the template's version, which synth cannot see.`,
    }, (attributes, findings) => {
      const version = attributes.hardware_version;
      if (isUnresolved(version)) return findings.unknown('hardware_version', version);
      const n = asNumber(version);
      if (n === undefined || n < minimumVersion) findings.fail('hardware_version', version, `set hardware_version >= ${minimumVersion} (20 on vSphere 8.0, 21 on 8.0 U2+)`);
    });
    this.minimumVersion = minimumVersion;
  }
}
