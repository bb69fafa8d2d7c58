import { DistributedPortGroup } from '@cdktf/provider-vsphere/lib/distributed-port-group';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { invalid } from '../../core/private/errors';
import { checkIntegerRange } from '../../core/private/validation';
import { IDistributedVirtualSwitch, SecureDistributedSwitch } from './distributed-switch';
import { checkPortGroupVlan } from './private/vlan';
import { checkConstruct } from '../../core/private/shapes';
import { vsphere } from './private/providers';

/** Props of `SecurePortGroup`. */
export interface SecurePortGroupProps {
  /** Name of the port group. */
  readonly name: string;
  /**
   * UUID of the distributed switch (`data.vsphere_distributed_virtual_switch.id`). Give this or
   * `distributedSwitch`.
   * @default - taken from `distributedSwitch`
   */
  readonly distributedVirtualSwitchUuid?: string;
  /**
   * The distributed switch: a `SecureDistributedSwitch`, or `SecureDistributedSwitch.fromLookup(...)`.
   * Give this or `distributedVirtualSwitchUuid`.
   * @default - the switch of `distributedVirtualSwitchUuid`
   */
  readonly distributedSwitch?: IDistributedVirtualSwitch;
  /**
   * Export NetFlow from this port group (NET-NETFLOW, STIG VCSA-80-000271). Only with a
   * `distributedSwitch` that is a `SecureDistributedSwitch` exporting to an approved collector.
   * @default false
   */
  readonly netflowEnabled?: boolean;
  /**
   * VLAN id, 1-4094 (NET-DVPG-NATIVE-VLAN: 0, untagged, is rejected; 4095 trunking is not offered,
   * NET-DVPG-NO-TRUNK).
   */
  readonly vlanId: number;
  /**
   * The upstream switch's native VLAN (site input); `vlanId` must differ (NET-DVPG-NATIVE-VLAN).
   * @default - not checked
   */
  readonly nativeVlanId?: number;
  /**
   * VLAN ids the upstream switch reserves (site input, e.g. 1001-1024 on Catalyst); `vlanId` must
   * not be one of them (NET-DVPG-RESERVED-VLAN).
   * @default - not checked
   */
  readonly reservedVlanIds?: number[];
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Number of ports (the group auto-expands).
   * @default - the provider's default (8)
   */
  readonly numberOfPorts?: number;
  /**
   * Tag ids.
   * @default - none
   */
  readonly tags?: string[];
}

/**
 * A distributed port group (`vsphere_distributed_port_group`) that meets the NET-DVPG-* controls.
 *
 * Always: promiscuous mode, forged transmits and MAC changes rejected (STIG VCSA-80-000268/269/270);
 * every port-level override flag false except block (VCSA-80-000301); port settings reset when a
 * VM disconnects (VCSA-80-000302); NetFlow off (VCSA-80-000271; `netflowEnabled` turns it on only
 * towards a `SecureDistributedSwitch`'s approved collector); a single tagged VLAN, never 0 (native)
 * and never a trunk range (VCSA-80-000272/273/274). There is no prop to loosen the others: use
 * `resource` (escape hatch) and the policy engine will report it.
 *
 * The switch comes as `distributedSwitch` (a `SecureDistributedSwitch`, which sets the same
 * security policy on the switch, or `SecureDistributedSwitch.fromLookup`) or as its UUID.
 */
export class SecurePortGroup extends Construct {
  /** The underlying `vsphere_distributed_port_group`. */
  public readonly resource: DistributedPortGroup;
  /** The port group's id, for `VmNetworkSpec.networkId`. */
  public readonly portGroupId: string;
  /** The VLAN id. */
  public readonly vlanId: number;
  /** Whether the port group exports NetFlow (only to an approved collector). */
  public readonly netflowEnabled: boolean;

  constructor(scope: Construct, id: string, props: SecurePortGroupProps) {
    checkConstruct(scope, id, 'SecurePortGroup', [props]);
    super(scope, id);
    if (typeof props.name !== 'string' || props.name.trim() === '' || props.name.length > 80) {
      throw invalid(this, 'name', 'must be 1-80 characters', props.name, 'Use a name such as "pg-db-110".');
    }
    if (props.distributedSwitch !== undefined && props.distributedVirtualSwitchUuid !== undefined) {
      throw invalid(this, 'distributedVirtualSwitchUuid', 'cannot be combined with distributedSwitch', props.distributedVirtualSwitchUuid,
        'Give the switch once: either distributedSwitch or distributedVirtualSwitchUuid.');
    }
    const switchUuid = props.distributedSwitch?.distributedVirtualSwitchUuid ?? props.distributedVirtualSwitchUuid;
    if (typeof switchUuid !== 'string' || switchUuid === '') {
      throw invalid(this, 'distributedVirtualSwitchUuid', 'is required', switchUuid,
        'Pass distributedSwitch (a SecureDistributedSwitch or SecureDistributedSwitch.fromLookup(...)), or the switch id, e.g. new DataVsphereDistributedVirtualSwitch(...).id.');
    }
    checkPortGroupVlan(this, 'vlanId', props.vlanId, {
      nativeVlanId: props.nativeVlanId,
      reservedVlanIds: props.reservedVlanIds,
      rangeFix: 'Use a VLAN id from 1 to 4094 (4095 trunking is not allowed, NET-DVPG-NO-TRUNK).',
    });
    this.netflowEnabled = props.netflowEnabled ?? false;
    if (this.netflowEnabled) {
      const dvs = props.distributedSwitch;
      if (!SecureDistributedSwitch.isSecureDistributedSwitch(dvs) || dvs.netflowCollectorIpAddress === undefined) {
        throw invalid(this, 'netflowEnabled', 'needs a SecureDistributedSwitch with an approved NetFlow collector (NET-NETFLOW, STIG VCSA-80-000271)', true,
          'Pass distributedSwitch: a SecureDistributedSwitch with netflowCollectorIpAddress on its approvedNetflowCollectors, or drop netflowEnabled.');
      }
      Annotations.of(this).addInfo(`netflowEnabled: flow data goes to the approved collector ${dvs.netflowCollectorIpAddress} (NET-NETFLOW).`);
    }
    if (props.numberOfPorts !== undefined) checkIntegerRange(this, 'numberOfPorts', props.numberOfPorts, 1, 8192);
    this.vlanId = props.vlanId;
    this.resource = new vsphere.DistributedPortGroup(this, 'Resource', {
      name: props.name,
      distributedVirtualSwitchUuid: switchUuid,
      description: props.description,
      numberOfPorts: props.numberOfPorts,
      tags: props.tags,
      vlanId: props.vlanId,
      allowPromiscuous: false,
      allowForgedTransmits: false,
      allowMacChanges: false,
      securityPolicyOverrideAllowed: false,
      vlanOverrideAllowed: false,
      shapingOverrideAllowed: false,
      uplinkTeamingOverrideAllowed: false,
      netflowOverrideAllowed: false,
      networkResourcePoolOverrideAllowed: false,
      trafficFilterOverrideAllowed: false,
      livePortMovingAllowed: false,
      portConfigResetAtDisconnect: true,
      netflowEnabled: this.netflowEnabled,
    });
    this.portGroupId = this.resource.id;
  }
}
