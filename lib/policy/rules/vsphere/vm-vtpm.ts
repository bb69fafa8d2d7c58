import { checkArgs } from '../../../core/private/shapes';
import { findAll, isUnresolved } from '../../private/attributes';
import { RuleResult, Severity } from '../../rule';
import { ConfigurableRule } from '../private/rule-kit';

/** Site input of the VM-VTPM rule. */
export interface VmVtpmRuleOptions {
  /**
   * Whether every VM must have a vTPM (sites whose guests seal keys or measure boot).
   * @default false - only VMs that declare a vtpm are checked
   */
  readonly required?: boolean;
}

/**
 * VM-VTPM: a declared vTPM is version 2.0 on EFI firmware; optionally every VM needs one.
 */
export class VmVtpmRule extends ConfigurableRule {
  constructor(options: VmVtpmRuleOptions = {}) {
    checkArgs('VmVtpmRule', 'VmVtpmRule', [options]);
    const required = options.required ?? false;
    super({
      ruleId: 'VM-VTPM',
      title: 'vTPM 2.0 on EFI firmware',
      severity: Severity.MEDIUM,
      source: 'VSDOC vSphere 8 Security, Virtual Trusted Platform Module',
      resourceTypes: ['vsphere_virtual_machine'],
      rationale: 'Whether a guest seals keys or measures boot is not visible at synth, so by default only a declared vtpm is checked: version "2.0" with firmware = "efi". '
        + `With required = true a VM without vtpm fails (here: ${required ? 'required' : 'not required'}).`,
    }, (attributes, findings) => {
      if (typeof attributes.vtpm === 'string' && isUnresolved(attributes.vtpm)) return findings.unknown('vtpm', attributes.vtpm);
      const vtpm = findAll(attributes, 'vtpm')[0];
      if (!vtpm) {
        if (!required) return RuleResult.notApplicable();
        return findings.fail('vtpm', undefined, 'add vtpm { version = "2.0" } with firmware = "efi" (needs a vCenter key provider)');
      }
      const version = (vtpm.value as Record<string, any>)?.version;
      if (isUnresolved(version)) findings.unknown(`${vtpm.path}.version`, version);
      else if (version !== undefined && String(version) !== '2.0') findings.fail(`${vtpm.path}.version`, version, 'set vtpm.version = "2.0"');
      const firmware = attributes.firmware;
      if (isUnresolved(firmware)) findings.unknown('firmware', firmware);
      else if (String(firmware ?? 'bios').toLowerCase() !== 'efi') findings.fail('firmware', firmware, 'set firmware = "efi" (a vTPM needs EFI)');
    });
  }
}
