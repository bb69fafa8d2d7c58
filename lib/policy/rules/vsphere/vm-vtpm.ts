import { findAll, isUnresolved } from '../../private/attributes';
import { IPolicyRule, PolicyContext, PolicyResource, RuleResult, Severity } from '../../rule';
import { runCheck } from '../private/rule-kit';

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
export class VmVtpmRule implements IPolicyRule {
  /** The control id. */
  public readonly ruleId: string = 'VM-VTPM';
  /** What the rule requires. */
  public readonly title: string = 'vTPM 2.0 on EFI firmware';
  /** Medium. */
  public readonly severity: Severity = Severity.MEDIUM;
  /** vSphere documentation. */
  public readonly source: string = 'VSDOC vSphere 8 Security, Virtual Trusted Platform Module';
  /** `vsphere_virtual_machine`. */
  public readonly resourceTypes: string[] = ['vsphere_virtual_machine'];
  /** Findings may be suppressed with a reason. */
  public readonly suppressible?: boolean = true;
  /** How the rule decides. */
  public readonly rationale: string;
  private readonly required: boolean;

  constructor(options: VmVtpmRuleOptions = {}) {
    this.required = options.required ?? false;
    this.rationale = 'Whether a guest seals keys or measures boot is not visible at synth, so by default only a declared vtpm is checked: version "2.0" with firmware = "efi". '
      + `With required = true a VM without vtpm fails (here: ${this.required ? 'required' : 'not required'}).`;
  }

  /** Checks one resource. */
  public evaluate(resource: PolicyResource, context: PolicyContext): RuleResult {
    return runCheck(this.resourceTypes, resource, context, (attributes, findings) => {
      if (typeof attributes.vtpm === 'string' && isUnresolved(attributes.vtpm)) return findings.unknown('vtpm', attributes.vtpm);
      const vtpm = findAll(attributes, 'vtpm')[0];
      if (!vtpm) {
        if (!this.required) return RuleResult.notApplicable();
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
