import { DistributedPortGroup } from '@cdktf/provider-vsphere/lib/distributed-port-group';
import { Construct } from 'constructs';
import { invalid } from '../../core/private/errors';
import { checkIntegerRange, isUnresolved } from '../../core/private/validation';

/** Props of `SecurePortGroup`. */
export interface SecurePortGroupProps {
  /** Name of the port group. */
  readonly name: string;
  /** UUID of the distributed switch (`data.vsphere_distributed_virtual_switch.id`). */
  readonly distributedVirtualSwitchUuid: string;
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
 * VM disconnects (VCSA-80-000302); NetFlow off (VCSA-80-000271); a single tagged VLAN, never 0
 * (native) and never a trunk range (VCSA-80-000272/273/274). There is no prop to loosen these:
 * use `resource` (escape hatch) and the policy engine will report it.
 */
export class SecurePortGroup extends Construct {
  /** The underlying `vsphere_distributed_port_group`. */
  public readonly resource: DistributedPortGroup;
  /** The port group's id, for `VmNetworkSpec.networkId`. */
  public readonly portGroupId: string;
  /** The VLAN id. */
  public readonly vlanId: number;

  constructor(scope: Construct, id: string, props: SecurePortGroupProps) {
    super(scope, id);
    if (typeof props.name !== 'string' || props.name.trim() === '' || props.name.length > 80) {
      throw invalid(this, 'name', 'must be 1-80 characters', props.name, 'Use a name such as "pg-db-110".');
    }
    if (typeof props.distributedVirtualSwitchUuid !== 'string' || props.distributedVirtualSwitchUuid === '') {
      throw invalid(this, 'distributedVirtualSwitchUuid', 'is required', props.distributedVirtualSwitchUuid,
        'Pass the switch id, e.g. new DataVsphereDistributedVirtualSwitch(...).id.');
    }
    checkIntegerRange(this, 'vlanId', props.vlanId, 0, 4094, 'Use a VLAN id from 1 to 4094 (4095 trunking is not allowed, NET-DVPG-NO-TRUNK).');
    if (!isUnresolved(props.vlanId)) {
      if (props.vlanId === 0) {
        throw invalid(this, 'vlanId', 'is 0 (untagged, lands on the native VLAN; NET-DVPG-NATIVE-VLAN)', 0, 'Use a tagged VLAN id from 1 to 4094.');
      }
      if (props.nativeVlanId !== undefined && props.vlanId === props.nativeVlanId) {
        throw invalid(this, 'vlanId', `is the upstream native VLAN (${props.nativeVlanId}; NET-DVPG-NATIVE-VLAN)`, props.vlanId, 'Use a dedicated tagged VLAN.');
      }
      if ((props.reservedVlanIds ?? []).includes(props.vlanId)) {
        throw invalid(this, 'vlanId', 'is reserved by the upstream switch (NET-DVPG-RESERVED-VLAN)', props.vlanId, 'Pick a VLAN id outside the reserved set.');
      }
    }
    if (props.numberOfPorts !== undefined) checkIntegerRange(this, 'numberOfPorts', props.numberOfPorts, 1, 8192);
    this.vlanId = props.vlanId;
    this.resource = new DistributedPortGroup(this, 'Resource', {
      name: props.name,
      distributedVirtualSwitchUuid: props.distributedVirtualSwitchUuid,
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
      netflowEnabled: false,
    });
    this.portGroupId = this.resource.id;
  }
}
