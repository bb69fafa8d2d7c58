import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { invalid } from '../../core/private/errors';
import { isUnresolved } from '../../core/private/validation';
import { HypervNetworkSwitchResource } from './l1';
import { checkConstruct } from '../../core/private/shapes';

/** Hyper-V virtual switch types (`switch_type`). */
export enum HypervSwitchType {
  /** VM-to-VM only: no host and no physical network (HV-SWITCH-ISOLATION). The default. */
  PRIVATE = 'Private',
  /** VMs and the host's management OS, no physical network. */
  INTERNAL = 'Internal',
  /** Bound to physical NICs: VMs reach the physical network. */
  EXTERNAL = 'External',
}

/** Props of `HypervNetworkSwitch`. */
export interface HypervNetworkSwitchProps {
  /** Switch name on the host (also what `VmSpec.networks[].networkId` names). */
  readonly switchName: string;
  /**
   * Switch type.
   * @default HypervSwitchType.PRIVATE
   */
  readonly switchType?: HypervSwitchType;
  /**
   * Physical NICs an External switch binds to (required for External, rejected otherwise).
   * @default - none
   */
  readonly netAdapterNames?: string[];
  /**
   * External switches only: share the NIC with the host's management OS. Private switches always
   * get false and Internal switches true (the provider's create-time rules).
   * @default false
   */
  readonly allowManagementOs?: boolean;
  /**
   * Switch notes.
   * @default "Managed by cdktf-hybrid"
   */
  readonly notes?: string;
}

const NAME = /^[^\\/:*?"<>|]{1,100}$/;

/**
 * A Hyper-V virtual switch (`hyperv_network_switch`), isolated by default: Private (VM-to-VM only)
 * unless another type is asked for; an External switch keeps the management OS off the VM network
 * (`allow_management_os = false`, HV-SWITCH-ISOLATION) unless `allowManagementOs` says otherwise.
 */
export class HypervNetworkSwitch extends Construct {
  /** The underlying `hyperv_network_switch`. */
  public readonly resource: HypervNetworkSwitchResource;
  /** The switch name, as a reference (gives Terraform the dependency). */
  public readonly switchName: string;
  /** The switch type. */
  public readonly switchType: HypervSwitchType;

  constructor(scope: Construct, id: string, props: HypervNetworkSwitchProps) {
    checkConstruct(scope, id, 'HypervNetworkSwitch', [props]);
    super(scope, id);
    if (!props || typeof props.switchName !== 'string' || (!isUnresolved(props.switchName) && !NAME.test(props.switchName))) {
      throw invalid(this, 'switchName', 'must be 1-100 characters without \\ / : * ? " < > |', props?.switchName, 'Use a name such as "tenant-a".');
    }
    const type = props.switchType ?? HypervSwitchType.PRIVATE;
    if (!Object.values(HypervSwitchType).includes(type)) {
      throw invalid(this, 'switchType', 'is not a Hyper-V switch type', type, 'Use HypervSwitchType.PRIVATE, INTERNAL or EXTERNAL.');
    }
    const nics = props.netAdapterNames ?? [];
    if (type === HypervSwitchType.EXTERNAL && nics.length === 0) {
      throw invalid(this, 'netAdapterNames', 'is required for an External switch', props.netAdapterNames, 'Name the physical NIC(s), e.g. ["Ethernet 2"].');
    }
    if (type !== HypervSwitchType.EXTERNAL && nics.length > 0) {
      throw invalid(this, 'netAdapterNames', `must be empty for a ${type} switch`, nics, 'Drop netAdapterNames, or use HypervSwitchType.EXTERNAL.');
    }
    if (props.allowManagementOs !== undefined && type !== HypervSwitchType.EXTERNAL) {
      throw invalid(this, 'allowManagementOs', `is fixed for a ${type} switch (${type === HypervSwitchType.PRIVATE ? 'false' : 'true'})`, props.allowManagementOs,
        'Drop allowManagementOs: the provider rejects any other value at create.');
    }
    const allowManagementOs = type === HypervSwitchType.EXTERNAL ? props.allowManagementOs ?? false : type === HypervSwitchType.INTERNAL;
    if (type === HypervSwitchType.EXTERNAL) {
      Annotations.of(this).addInfo('switchType is External: VMs on this switch reach the physical network; isolate them with VLANs (HypervSecureVm vlanId).');
    }
    if (allowManagementOs && type === HypervSwitchType.EXTERNAL) {
      Annotations.of(this).addWarning('allowManagementOs is true on an External switch: the host shares the VM network; HV-SWITCH-ISOLATION will report it.');
    }
    this.switchType = type;
    this.resource = new HypervNetworkSwitchResource(this, 'Resource', {
      name: props.switchName,
      notes: props.notes ?? 'Managed by cdktf-hybrid',
      switchType: type,
      allowManagementOs,
      netAdapterNames: nics.length > 0 ? nics : undefined,
    });
    this.switchName = this.resource.name;
  }
}
