import { checkArgs } from '../../../core/private/shapes';
import { Severity } from '../../rule';
import { ConfigurableRule } from '../private/rule-kit';
import { formatRange, vlanRanges } from '../private/vlan';
import { PolicyVlanRange } from './vlan-range';

/** Site input of the NET-DVPG-NO-TRUNK rule. */
export interface VlanTrunkRuleOptions {
  /**
   * Authorised trunk ranges; a port group's `vlan_range` must lie inside one of them.
   * @default - no trunking is authorised
   */
  readonly allowedVlanRanges?: PolicyVlanRange[];
}

/**
 * NET-DVPG-NO-TRUNK: no VLAN trunking (guest tagging) unless authorised, and then the narrowest range.
 */
export class VlanTrunkRule extends ConfigurableRule {
  constructor(options: VlanTrunkRuleOptions = {}) {
    checkArgs('VlanTrunkRule', 'VlanTrunkRule', [options]);
    const allowed = options.allowedVlanRanges ?? [];
    super({
      ruleId: 'NET-DVPG-NO-TRUNK',
      title: 'Distributed port groups do not trunk VLANs unless authorised',
      severity: Severity.MEDIUM,
      source: 'STIG VCSA-80-000273; SCG8 vcenter-8.network-vgt',
      resourceTypes: ['vsphere_distributed_port_group'],
      rationale: 'Every vlan_range block fails unless it lies inside an authorised range (allowedVlanRanges'
        + `${allowed.length ? `: ${allowed.map(formatRange).join(', ')}` : ', none configured'}).`,
    }, (attributes, findings) => {
      for (const range of vlanRanges(attributes, findings)) {
        if (!allowed.some((a) => a.minVlan <= range.min && range.max <= a.maxVlan)) {
          findings.fail(range.path, range.raw, allowed.length
            ? `narrow the range into an authorised trunk (${allowed.map(formatRange).join(', ')}) or use a single vlan_id`
            : 'remove vlan_range and set a single vlan_id', `range=${range.min}-${range.max}`);
        }
      }
    });
  }
}
