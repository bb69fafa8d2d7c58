import { checkArgs } from '../../../core/private/shapes';
import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { asNumber, ConfigurableRule, isUnset } from '../private/rule-kit';
import { vlanRanges } from '../private/vlan';

/** Site input of the NET-DVPG-NATIVE-VLAN rule. */
export interface NativeVlanRuleOptions {
  /**
   * The upstream switches' native VLAN (where untagged frames land).
   * @default 1 (the IEEE 802.1Q / Cisco default native VLAN)
   */
  readonly nativeVlanId?: number;
}

/**
 * NET-DVPG-NATIVE-VLAN: port groups are tagged, and not with the upstream native VLAN.
 */
export class NativeVlanRule extends ConfigurableRule {
  /** The native VLAN applied. */
  public readonly nativeVlanId: number;

  constructor(options: NativeVlanRuleOptions = {}) {
    checkArgs('NativeVlanRule', 'NativeVlanRule', [options]);
    const nativeVlanId = options.nativeVlanId ?? 1;
    super({
      ruleId: 'NET-DVPG-NATIVE-VLAN',
      title: 'Port groups are not on the upstream native VLAN',
      severity: Severity.MEDIUM,
      source: 'STIG VCSA-80-000272',
      resourceTypes: ['vsphere_distributed_port_group', 'vsphere_host_port_group'],
      rationale: `vlan_id must be set, not 0 (untagged) and not the native VLAN ${nativeVlanId}. A distributed port group that trunks (vlan_range) instead `
        + 'passes when no range contains the native VLAN. Standard port groups (vsphere_host_port_group) are checked too, as NET-VSS-NO-VGT asks; 4095 is left to that rule.',
    }, (attributes, findings, resource) => {
      const vlan = attributes.vlan_id;
      if (isUnresolved(vlan)) return findings.unknown('vlan_id', vlan);
      const ranges = resource.resourceType === 'vsphere_distributed_port_group' ? vlanRanges(attributes, findings) : [];
      for (const range of ranges) {
        if (range.min <= nativeVlanId && nativeVlanId <= range.max) {
          findings.fail(range.path, range.raw, `exclude the native VLAN ${nativeVlanId} from the trunk range`);
        }
      }
      if (isUnset(vlan)) {
        if (ranges.length === 0 && findings.unknowns.length === 0) findings.fail('vlan_id', vlan, 'set vlan_id to the port group\'s tagged VLAN (not 0 and not the native VLAN)');
        return;
      }
      const n = asNumber(vlan);
      if (n === 0) findings.fail('vlan_id', vlan, 'tag the port group: set vlan_id to a VLAN other than 0 and the native VLAN');
      else if (n === nativeVlanId) findings.fail('vlan_id', vlan, `move the port group off the native VLAN ${nativeVlanId}`);
    });
    this.nativeVlanId = nativeVlanId;
  }
}
