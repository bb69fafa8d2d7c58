import { checkArgs } from '../../../core/private/shapes';
import { isUnresolved } from '../../private/attributes';
import { RuleResult, Severity } from '../../rule';
import { asNumber, ConfigurableRule, mapPath } from '../private/rule-kit';
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
export class MmioSizeRule extends ConfigurableRule {
  constructor(options: MmioSizeRuleOptions = {}) {
    checkArgs('MmioSizeRule', 'MmioSizeRule', [options]);
    const minimum = options.minimumSizeGB;
    super({
      ruleId: 'PT-MMIO-SIZE',
      title: 'Passthrough VMs size the 64-bit MMIO window',
      severity: Severity.MEDIUM,
      source: 'Broadcom KB 323402',
      resourceTypes: ['vsphere_virtual_machine'],
      rationale: `Device memory sizes are not visible at synth, so the rule checks that extra_config["${KEY}"] is set to a power of two`
        + (minimum ? ` of at least ${minimum} GB.` : ' (the KB formula 2 × nextPow2(sum of device GB) always gives one); configure minimumSizeGB to check the size.'),
    }, (attributes, findings) => {
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
      if (!powerOfTwo || (minimum !== undefined && size < minimum)) findings.fail(lookup.path, lookup.value, fix);
    });
  }
}
