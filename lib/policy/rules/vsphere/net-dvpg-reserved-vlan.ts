import { checkArgs } from '../../../core/private/shapes';
import { isUnresolved } from '../../private/attributes';
import { RuleResult, Severity } from '../../rule';
import { asNumber, ConfigurableRule, isUnset } from '../private/rule-kit';
import { formatRange, overlaps, vlanRanges } from '../private/vlan';
import { PolicyVlanRange } from './vlan-range';

/** Site input of the NET-DVPG-RESERVED-VLAN rule. */
export interface ReservedVlanRuleOptions {
  /**
   * VLAN ids the upstream switches reserve, e.g. Catalyst `[{ minVlan: 1001, maxVlan: 1024 }, { minVlan: 4094, maxVlan: 4094 }]`.
   * @default - none (the rule is then not applicable; VLAN 4095 is NET-VSS-NO-VGT's business)
   */
  readonly reservedVlanRanges?: PolicyVlanRange[];
}

/**
 * NET-DVPG-RESERVED-VLAN: no VLAN ids that the upstream switch reserves.
 */
export class ReservedVlanRule extends ConfigurableRule {
  constructor(options: ReservedVlanRuleOptions = {}) {
    checkArgs('ReservedVlanRule', 'ReservedVlanRule', [options]);
    const reserved = options.reservedVlanRanges ?? [];
    super({
      ruleId: 'NET-DVPG-RESERVED-VLAN',
      title: 'Port groups avoid the upstream switches\' reserved VLANs',
      severity: Severity.MEDIUM,
      source: 'STIG VCSA-80-000274',
      resourceTypes: ['vsphere_distributed_port_group', 'vsphere_host_port_group'],
      rationale: 'vlan_id and every vlan_range must stay outside the reserved set, which depends on the upstream switch vendor (site input: reservedVlanRanges'
        + `${reserved.length ? `: ${reserved.map(formatRange).join(', ')}` : '; none configured, so the rule is NOT_APPLICABLE'}).`,
    }, (attributes, findings, resource) => {
      if (reserved.length === 0) return RuleResult.notApplicable();
      const hit = (min: number, max: number) => reserved.filter((r) => overlaps({ min, max }, { min: r.minVlan, max: r.maxVlan }));
      const vlan = attributes.vlan_id;
      if (isUnresolved(vlan)) findings.unknown('vlan_id', vlan);
      else if (!isUnset(vlan)) {
        const n = asNumber(vlan);
        if (n !== undefined && hit(n, n).length > 0) findings.fail('vlan_id', vlan, `use a VLAN outside the reserved set (${reserved.map(formatRange).join(', ')})`);
      }
      const ranges = resource.resourceType === 'vsphere_distributed_port_group' ? vlanRanges(attributes, findings) : [];
      for (const range of ranges) {
        const clashes = hit(range.min, range.max);
        if (clashes.length > 0) findings.fail(range.path, range.raw, `exclude the reserved VLANs ${clashes.map(formatRange).join(', ')} from the range`, `range=${range.min}-${range.max}`);
      }
      return undefined;
    });
  }
}
