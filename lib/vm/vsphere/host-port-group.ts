import { DataVsphereNetwork } from '@cdktf/provider-vsphere/lib/data-vsphere-network';
import { HostPortGroup } from '@cdktf/provider-vsphere/lib/host-port-group';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { invalid } from '../../core/private/errors';
import { IHostVirtualSwitch } from './host-virtual-switch';
import { checkPortGroupVlan, GUEST_TAGGING_VLAN } from './private/vlan';
import { checkConstruct } from '../../core/private/shapes';
import { vsphere } from './private/providers';

/** Props of `SecureHostPortGroup`. */
export interface SecureHostPortGroupProps {
  /** Name of the port group (also the network name VMs see). */
  readonly name: string;
  /** The standard switch: a `SecureHostVirtualSwitch`, or `SecureHostVirtualSwitch.fromName(...)`. */
  readonly virtualSwitch: IHostVirtualSwitch;
  /**
   * VLAN id, 1-4094 (NET-DVPG-NATIVE-VLAN: 0, untagged, is rejected). 4095 (guest tagging) only
   * with `allowGuestVlanTagging` (NET-VSS-NO-VGT).
   */
  readonly vlanId: number;
  /**
   * The upstream switch's native VLAN (site input); `vlanId` must differ (NET-DVPG-NATIVE-VLAN).
   * @default - not checked
   */
  readonly nativeVlanId?: number;
  /**
   * VLAN ids the upstream switch reserves (site input); `vlanId` must not be one of them
   * (NET-DVPG-RESERVED-VLAN).
   * @default - not checked
   */
  readonly reservedVlanIds?: number[];
  /**
   * Allow `vlanId` 4095: every VLAN is handed to the guest, which tags its own frames (virtual guest
   * tagging). Only for an authorised guest such as a virtual router; warned about, and
   * NET-VSS-NO-VGT (STIG ESXI-80-000220) will report it unless suppressed with the authorisation.
   * Has no effect on any other VLAN id.
   * @default false
   */
  readonly allowGuestVlanTagging?: boolean;
  /**
   * The datacenter id. When given, the port group's network is looked up (`data.vsphere_network`,
   * after the port group exists) and exposed as `networkId` for `VmNetworkSpec.networkId`.
   * @default - no lookup; `networkId` is undefined
   */
  readonly datacenterId?: string;
}

/**
 * A standard port group (`vsphere_host_port_group`) that inherits its switch's security policy.
 *
 * It never sets `allow_promiscuous`, `allow_forged_transmits` or `allow_mac_changes`: any value on
 * a port group, even `false`, is an override of the switch policy and a STIG finding
 * (NET-VSS-NO-OVERRIDE, ESXI-80-000216/217 check text). Put it on a `SecureHostVirtualSwitch`,
 * which rejects all three. The VLAN is checked like `SecurePortGroup`'s: 1-4094, not the native
 * VLAN, not reserved upstream (NET-DVPG-NATIVE-VLAN, NET-DVPG-RESERVED-VLAN), and 4095 (guest
 * tagging, NET-VSS-NO-VGT) only with the `allowGuestVlanTagging` opt-in, which warns.
 *
 * @see https://registry.terraform.io/providers/vmware/vsphere/2.15.0/docs/resources/host_port_group
 */
export class SecureHostPortGroup extends Construct {
  /** The underlying `vsphere_host_port_group`. */
  public readonly resource: HostPortGroup;
  /** The VLAN id. */
  public readonly vlanId: number;
  /** The port group name. */
  public readonly portGroupName: string;
  /**
   * The network id for `VmNetworkSpec.networkId` (only with `datacenterId`).
   * @default - undefined without `datacenterId`
   */
  public readonly networkId?: string;
  /**
   * The network lookup (only with `datacenterId`).
   * @default - none
   */
  public readonly networkData?: DataVsphereNetwork;

  constructor(scope: Construct, id: string, props: SecureHostPortGroupProps) {
    checkConstruct(scope, id, 'SecureHostPortGroup', [props]);
    super(scope, id);
    if (typeof props.name !== 'string' || props.name.trim() === '' || props.name.length > 80) {
      throw invalid(this, 'name', 'must be 1-80 characters', props.name, 'Use a name such as "pg-backup-120".');
    }
    const vswitch = props.virtualSwitch;
    if (!vswitch || typeof vswitch.virtualSwitchName !== 'string' || typeof vswitch.hostSystemId !== 'string') {
      throw invalid(this, 'virtualSwitch', 'is required', vswitch?.node?.path,
        'Pass a SecureHostVirtualSwitch, or SecureHostVirtualSwitch.fromName(this, "VSwitch0", "vSwitch0", hostId).');
    }
    const guestTagging = props.allowGuestVlanTagging === true;
    checkPortGroupVlan(this, 'vlanId', props.vlanId, {
      nativeVlanId: props.nativeVlanId,
      reservedVlanIds: props.reservedVlanIds,
      allowGuestTagging: guestTagging,
      rangeFix: 'Use a VLAN id from 1 to 4094 (4095 hands every VLAN to the guest: NET-VSS-NO-VGT; only with allowGuestVlanTagging).',
    });
    if (guestTagging && props.vlanId === GUEST_TAGGING_VLAN) {
      Annotations.of(this).addWarning('allowGuestVlanTagging: vlanId 4095 hands every VLAN to the guest (virtual guest tagging); '
        + 'NET-VSS-NO-VGT (STIG ESXI-80-000220) will report it. Suppress it with the authorisation, for an approved guest only.');
    }
    this.vlanId = props.vlanId;
    this.portGroupName = props.name;
    this.resource = new vsphere.HostPortGroup(this, 'Resource', {
      name: props.name,
      hostSystemId: vswitch.hostSystemId,
      virtualSwitchName: vswitch.virtualSwitchName,
      vlanId: props.vlanId,
    });
    if (props.datacenterId !== undefined) {
      this.networkData = new vsphere.DataVsphereNetwork(this, 'Network', {
        name: props.name,
        datacenterId: props.datacenterId,
        dependsOn: [this.resource],
      });
      this.networkId = this.networkData.id;
    }
  }
}
