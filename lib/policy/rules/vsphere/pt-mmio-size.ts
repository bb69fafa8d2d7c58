import { isUnresolved } from '../../private/attributes';
import { IPolicyRule, PolicyContext, PolicyResource, RuleResult, Severity } from '../../rule';
import { asNumber, mapPath, runCheck } from '../private/rule-kit';
import { extraConfig, passthroughState } from '../private/vsphere';

const KEY = 'pciPassthru.64bitMMIOSizeGB';

/** Site input of the PT-MMIO-SIZE rule. */
export interface MmioSizeRuleOptions {
  /**
   * The smallest acceptable MMIO window in GB, e.g. 256 for one 80 GB GPU (2 × nextPow2(80)).
   * @default - any power of two
   */
  readonly minimumSizeGB?: number;
}

/**
 * PT-MMIO-SIZE: the MMIO window of a passthrough VM is big enough for every device.
 */
export class MmioSizeRule implements IPolicyRule {
  /** The control id. */
  public readonly ruleId: string = 'PT-MMIO-SIZE';
  /** What the rule requires. */
  public readonly title: string = 'Passthrough VMs size the 64-bit MMIO window';
  /** Medium. */
  public readonly severity: Severity = Severity.MEDIUM;
  /** Broadcom KB. */
  public readonly source: string = 'Broadcom KB 323402';
  /** `vsphere_virtual_machine`. */
  public readonly resourceTypes: string[] = ['vsphere_virtual_machine'];
  /** Findings may be suppressed with a reason. */
  public readonly suppressible?: boolean = true;
  /** How the rule decides. */
  public readonly rationale: string;
  private readonly minimum?: number;

  constructor(options: MmioSizeRuleOptions = {}) {
    this.minimum = options.minimumSizeGB;
    this.rationale = `Device memory sizes are not visible at synth, so the rule checks that extra_config["${KEY}"] is set to a power of two`
      + (this.minimum ? ` of at least ${this.minimum} GB.` : ' (the KB formula 2 × nextPow2(sum of device GB) always gives one); configure minimumSizeGB to check the size.');
  }

  /** Checks one resource. */
  public evaluate(resource: PolicyResource, context: PolicyContext): RuleResult {
    return runCheck(this.resourceTypes, resource, context, (attributes, findings) => {
      const state = passthroughState(attributes);
      if (state === 'no') return RuleResult.notApplicable();
      if (state === 'unknown') return findings.unknown('pci_device_id', attributes.pci_device_id);
      const lookup = extraConfig(attributes, KEY);
      const fix = `set extra_config["${KEY}"] = 2 × nextPow2(total device memory in GB), e.g. "256" for one 80 GB GPU`;
      if (lookup.state === 'unresolved') return findings.unknown('extra_config', attributes.extra_config);
      if (lookup.state === 'missing') return findings.fail(mapPath('extra_config', KEY), undefined, fix);
      if (isUnresolved(lookup.value)) return findings.unknown(lookup.path, lookup.value);
      const size = asNumber(lookup.value);
      const powerOfTwo = size !== undefined && Number.isInteger(size) && size > 0 && (size & (size - 1)) === 0;
      if (!powerOfTwo || (this.minimum !== undefined && size < this.minimum)) findings.fail(lookup.path, lookup.value, fix);
    });
  }
}
