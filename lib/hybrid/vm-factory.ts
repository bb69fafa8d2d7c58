import { Construct } from 'constructs';
import { RemovalPolicy } from '../core/removal-policy';
import { invalid } from '../core/private/errors';
import { checkArgs, checkStruct } from '../core/private/shapes';
import { checkIntegerRange } from '../core/private/validation';
import { Hypervisor, IVirtualMachine } from '../vm/virtual-machine';
import { VmSpec } from '../vm/vm-spec';
import { GuestCustomization } from '../vm/vsphere/customization';
import { IDistributedVirtualSwitch } from '../vm/vsphere/distributed-switch';
import { SecurePortGroup } from '../vm/vsphere/port-group';
import { IResourcePool } from '../vm/vsphere/resource-pool';
import { PassthroughOptions, SecureVirtualMachine } from '../vm/vsphere/secure-virtual-machine';
import { IVmTemplate } from '../vm/vsphere/template';
import { HypervSecureVm } from '../vm/hyperv/secure-vm';
import { VirtualBoxVm } from '../vm/virtualbox/virtualbox-vm';
import { VmNetworkSpec } from '../vm/vm-spec';

/** vSphere-only settings of one VM workload (the rest comes from the factory's defaults). */
export interface VsphereVmOptions {
  /**
   * Hardware passthrough (DirectPath I/O) of whole devices.
   * @default - no passthrough
   */
  readonly passthrough?: PassthroughOptions;
  /**
   * Guest customisation while cloning.
   * @default - none
   */
  readonly customization?: GuestCustomization;
  /**
   * Add a virtual TPM 2.0 (VM-VTPM).
   * @default - the factory's `vtpm`
   */
  readonly vtpm?: boolean;
  /**
   * VM folder path.
   * @default - the factory's `folder`
   */
  readonly folder?: string;
  /**
   * Resource pool.
   * @default - the factory's `resourcePool`
   */
  readonly resourcePool?: IResourcePool;
  /**
   * Guaranteed memory in MiB.
   * @default - 0 (full reservation with passthrough)
   */
  readonly memoryReservationMiB?: number;
  /**
   * vSphere guest OS id.
   * @default - the template's
   */
  readonly guestId?: string;
}

/** What the hybrid layer asks a hypervisor's factory to build for one VM workload. */
export interface VirtualMachineRequest {
  /** The VM, with its networks already set to the workload's segment. */
  readonly spec: VmSpec;
  /**
   * What happens to the VM and its disks on destroy.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * vSphere-only settings (ignored by other hypervisors' factories).
   * @default - none
   */
  readonly vsphere?: VsphereVmOptions;
  /**
   * VLAN of the segment the VM's adapter is on, for backends that tag per adapter (Hyper-V).
   * @default - no segment (the VM's own `spec.networks`)
   */
  readonly vlanId?: number;
}

/** What the hybrid layer asks a hypervisor's factory to build for one VLAN segment of VMs. */
export interface VmNetworkSegmentRequest {
  /** Name of the segment (port group, virtual switch, ...). */
  readonly segmentName: string;
  /** VLAN id, 1-4094. */
  readonly vlanId: number;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
}

/** A layer-2 network segment VMs attach to (a vSphere port group, a Hyper-V VLAN on a switch, ...). */
export interface IVmNetworkSegment {
  /** What `VmNetworkSpec.networkId` takes. */
  readonly networkId: string;
  /** Name of the segment. */
  readonly segmentName: string;
  /** The segment's VLAN id. */
  readonly vlanId: number;
  /** How the segment separates traffic, in one sentence for the review (e.g. "vSphere port group pg-db, VLAN 110"). */
  readonly enforcement: string;
}

/**
 * Builds VMs and their network segments on one hypervisor: the extension point through which the
 * hybrid layer places VM workloads on vSphere, Hyper-V or VirtualBox.
 *
 * `VsphereVirtualMachineFactory` is built in. A Hyper-V or VirtualBox backend implements this
 * interface (returning its own `IVirtualMachine`) and is passed in `HybridArchitectureProps.virtualMachineFactories`.
 */
export interface IVirtualMachineFactory {
  /** The hypervisor this factory builds on. */
  readonly hypervisor: Hypervisor;

  /**
   * Builds one VM from `request` in `scope`.
   *
   * @param scope the workload construct
   * @param id the construct id of the VM
   * @param request what to build
   */
  createVirtualMachine(scope: Construct, id: string, request: VirtualMachineRequest): IVirtualMachine;

  /**
   * Builds one network segment (one per VLAN the VM workloads use).
   *
   * @param scope the VM tier construct
   * @param id the construct id of the segment
   * @param request what to build
   */
  createNetworkSegment(scope: Construct, id: string, request: VmNetworkSegmentRequest): IVmNetworkSegment;
}

/** Props of `VsphereVirtualMachineFactory`. */
export interface VsphereVirtualMachineFactoryProps {
  /** The golden template VMs are cloned from, with its inventory (cluster, datastore). */
  readonly template: IVmTemplate;
  /**
   * The distributed switch the workloads' port groups are created on. Give this or `distributedVirtualSwitchUuid`
   * when VM workloads declare a `vlanId`.
   * @default - the switch of `distributedVirtualSwitchUuid`
   */
  readonly distributedSwitch?: IDistributedVirtualSwitch;
  /**
   * UUID of the distributed switch (`data.vsphere_distributed_virtual_switch.id`).
   * @default - taken from `distributedSwitch`
   */
  readonly distributedVirtualSwitchUuid?: string;
  /**
   * The upstream switch's native VLAN; port group VLANs must differ (NET-DVPG-NATIVE-VLAN).
   * @default - not checked
   */
  readonly nativeVlanId?: number;
  /**
   * Encryption storage policy id for every VM (VM-ENCRYPTION).
   * @default - the datastore's default policy (not encrypted; the policy engine reports it)
   */
  readonly storagePolicyId?: string;
  /**
   * Resource pool for every VM.
   * @default - the template cluster's root resource pool
   */
  readonly resourcePool?: IResourcePool;
  /**
   * VM folder for every VM.
   * @default - the datacenter's root VM folder
   */
  readonly folder?: string;
  /**
   * Give every VM a virtual TPM 2.0 (VM-VTPM).
   * @default false
   */
  readonly vtpm?: boolean;
}

/** Builds `SecureVirtualMachine`s and `SecurePortGroup`s for the hybrid layer's vSphere tier. */
export class VsphereVirtualMachineFactory implements IVirtualMachineFactory {
  /** Always `Hypervisor.VSPHERE`. */
  public readonly hypervisor: Hypervisor = Hypervisor.VSPHERE;
  private readonly props: VsphereVirtualMachineFactoryProps;

  constructor(props: VsphereVirtualMachineFactoryProps) {
    checkArgs('VsphereVirtualMachineFactory', 'VsphereVirtualMachineFactory', [props]);
    if (!props || props.template === undefined) {
      throw invalid('VsphereVirtualMachineFactory', 'template', 'is required', props?.template, 'Pass the VmTemplate VMs are cloned from.');
    }
    this.props = props;
  }

  /** Builds a `SecureVirtualMachine` (STIG-hardened; see its docs) from the request and the factory's defaults. */
  public createVirtualMachine(scope: Construct, id: string, request: VirtualMachineRequest): IVirtualMachine {
    checkVmRequest(scope, id, request, 'VsphereVirtualMachineFactory');
    const p = this.props;
    const v = request.vsphere ?? {};
    return new SecureVirtualMachine(scope, id, {
      spec: request.spec,
      template: p.template,
      storagePolicyId: p.storagePolicyId,
      resourcePool: v.resourcePool ?? p.resourcePool,
      folder: v.folder ?? p.folder,
      vtpm: v.vtpm ?? p.vtpm,
      passthrough: v.passthrough,
      customization: v.customization,
      memoryReservationMiB: v.memoryReservationMiB,
      guestId: v.guestId,
      removalPolicy: request.removalPolicy,
    });
  }

  /** Builds a `SecurePortGroup` (one tagged VLAN, promiscuous mode, forged transmits and MAC changes rejected). */
  public createNetworkSegment(scope: Construct, id: string, request: VmNetworkSegmentRequest): IVmNetworkSegment {
    checkSegmentRequest(scope, id, request, 'VsphereVirtualMachineFactory');
    const p = this.props;
    if (p.distributedSwitch === undefined && p.distributedVirtualSwitchUuid === undefined) {
      throw invalid(scope, 'vlanId', 'needs a port group, but the vSphere factory has no distributed switch', request.vlanId,
        'Pass distributedSwitch or distributedVirtualSwitchUuid to VsphereVirtualMachineFactory, or give the VM its own spec.networks.');
    }
    const portGroup = new SecurePortGroup(scope, id, {
      name: request.segmentName,
      distributedSwitch: p.distributedSwitch,
      distributedVirtualSwitchUuid: p.distributedVirtualSwitchUuid,
      vlanId: request.vlanId,
      nativeVlanId: p.nativeVlanId,
      description: request.description,
    });
    return {
      networkId: portGroup.portGroupId,
      segmentName: request.segmentName,
      vlanId: request.vlanId,
      enforcement: `vSphere port group ${request.segmentName} on VLAN ${request.vlanId} (layer 2; promiscuous mode, forged transmits and MAC changes rejected)`,
    };
  }
}

/** The path a factory's error names: the construct the VM or segment would be, under `scope`. */
function whereIn(scope: Construct, id: unknown, factory: string): string {
  const parent = typeof scope === 'object' && scope !== null && (scope as { node?: { path?: unknown } }).node !== undefined ? scope.node.path : '';
  return `${parent ? `${parent}/` : ''}${typeof id === 'string' ? id : factory}`;
}

/** A VM request as the factories take it (the hybrid layer builds it; a direct caller may pass anything). */
function checkVmRequest(scope: Construct, id: string, request: VirtualMachineRequest, factory: string): void {
  const where = whereIn(scope, id, factory);
  checkStruct(where, 'request', request, 'VirtualMachineRequest', `${factory}.createVirtualMachine`);
  if (request.vlanId !== undefined) checkIntegerRange(where, 'request.vlanId', request.vlanId, 1, 4094, 'Use a VLAN id from 1 to 4094.');
}

/** A segment request: a name and a VLAN id (Hyper-V and VirtualBox build no resource that would check them). */
function checkSegmentRequest(scope: Construct, id: string, request: VmNetworkSegmentRequest, factory: string): void {
  const where = whereIn(scope, id, factory);
  checkStruct(where, 'request', request, 'VmNetworkSegmentRequest', `${factory}.createNetworkSegment`);
  checkIntegerRange(where, 'request.vlanId', request.vlanId, 1, 4094, 'Use a VLAN id from 1 to 4094.');
  if (request.segmentName.trim().length === 0) {
    throw invalid(where, 'request.segmentName', 'is empty', request.segmentName, 'Name the segment, e.g. "pg-shop-110".');
  }
}

/**
 * The adapters as a backend without guest customisation takes them: the static address stays in the
 * architecture (Kubernetes peers use it) but is not written to the VM; configure it in the guest image.
 */
function withoutGuestAddresses(spec: VmSpec): VmSpec {
  return { ...spec, networks: spec.networks?.map((n): VmNetworkSpec => ({ networkId: n.networkId })) };
}

/** Props of `HypervVirtualMachineFactory`. */
export interface HypervVirtualMachineFactoryProps {
  /** Folder on the Hyper-V host for the VMs and their disks, e.g. `D:\\Hyper-V`. */
  readonly storagePath: string;
  /** The Hyper-V switch the workloads' segments are VLANs on (e.g. `HypervNetworkSwitch.switchName`). */
  readonly switchName: string;
  /**
   * URL or host path of the golden OS disk every VM's boot disk is copied from.
   * @default - an empty boot disk
   */
  readonly bootDiskSource?: string;
}

/**
 * Builds `HypervSecureVm`s for the hybrid layer's Hyper-V tier; a segment is an access VLAN on one
 * Hyper-V switch. Hyper-V cannot set a guest's address: a VM workload's `ipv4Address` is used for the
 * Kubernetes rules of its flows and must be configured in the guest (the review says so).
 */
export class HypervVirtualMachineFactory implements IVirtualMachineFactory {
  /** Always `Hypervisor.HYPERV`. */
  public readonly hypervisor: Hypervisor = Hypervisor.HYPERV;
  private readonly props: HypervVirtualMachineFactoryProps;

  constructor(props: HypervVirtualMachineFactoryProps) {
    checkArgs('HypervVirtualMachineFactory', 'HypervVirtualMachineFactory', [props]);
    for (const key of ['storagePath', 'switchName'] as const) {
      if (!props || typeof props[key] !== 'string' || props[key].length === 0) {
        throw invalid('HypervVirtualMachineFactory', key, 'is required', props?.[key], key === 'storagePath' ? 'Give the VM folder on the host, e.g. "D:\\Hyper-V".' : 'Give the switch name, e.g. HypervNetworkSwitch.switchName.');
      }
    }
    this.props = props;
  }

  /** Builds a `HypervSecureVm` (generation 2, Secure Boot, guarded adaptors) with the segment's access VLAN. */
  public createVirtualMachine(scope: Construct, id: string, request: VirtualMachineRequest): IVirtualMachine {
    checkVmRequest(scope, id, request, 'HypervVirtualMachineFactory');
    return new HypervSecureVm(scope, id, {
      spec: withoutGuestAddresses(request.spec),
      storagePath: this.props.storagePath,
      bootDiskSource: this.props.bootDiskSource,
      vlanId: request.vlanId,
      removalPolicy: request.removalPolicy,
    });
  }

  /** A segment: an access VLAN on the factory's switch (no resource of its own). */
  public createNetworkSegment(scope: Construct, id: string, request: VmNetworkSegmentRequest): IVmNetworkSegment {
    checkSegmentRequest(scope, id, request, 'HypervVirtualMachineFactory');
    return {
      networkId: this.props.switchName,
      segmentName: request.segmentName,
      vlanId: request.vlanId,
      enforcement: `Hyper-V switch ${this.props.switchName}, access VLAN ${request.vlanId} on the adaptor (MAC spoofing off, DHCP and router guards on)`,
    };
  }
}

/** Props of `VirtualBoxVirtualMachineFactory`. */
export interface VirtualBoxVirtualMachineFactoryProps {
  /** Local path or https URL of the Vagrant `.box` every VM is cloned from. */
  readonly image: string;
  /** The host-only interface lab VMs attach to, e.g. `vboxnet1`. */
  readonly hostInterface: string;
}

/**
 * Builds `VirtualBoxVm`s for developer-lab VM workloads; every segment is the one host-only network
 * (VirtualBox has no VLAN tagging, so a VLAN id only names the segment in the review).
 */
export class VirtualBoxVirtualMachineFactory implements IVirtualMachineFactory {
  /** Always `Hypervisor.VIRTUALBOX`. */
  public readonly hypervisor: Hypervisor = Hypervisor.VIRTUALBOX;
  private readonly props: VirtualBoxVirtualMachineFactoryProps;

  constructor(props: VirtualBoxVirtualMachineFactoryProps) {
    checkArgs('VirtualBoxVirtualMachineFactory', 'VirtualBoxVirtualMachineFactory', [props]);
    for (const key of ['image', 'hostInterface'] as const) {
      if (!props || typeof props[key] !== 'string' || props[key].length === 0) {
        throw invalid('VirtualBoxVirtualMachineFactory', key, 'is required', props?.[key], key === 'image' ? 'Give the .box path or URL.' : 'Give the host-only interface, e.g. "vboxnet1".');
      }
    }
    this.props = props;
  }

  /** Builds a `VirtualBoxVm` on the host-only network. */
  public createVirtualMachine(scope: Construct, id: string, request: VirtualMachineRequest): IVirtualMachine {
    checkVmRequest(scope, id, request, 'VirtualBoxVirtualMachineFactory');
    return new VirtualBoxVm(scope, id, { spec: withoutGuestAddresses(request.spec), image: this.props.image, removalPolicy: request.removalPolicy });
  }

  /** The host-only network (no resource of its own, no VLAN tagging). */
  public createNetworkSegment(scope: Construct, id: string, request: VmNetworkSegmentRequest): IVmNetworkSegment {
    checkSegmentRequest(scope, id, request, 'VirtualBoxVirtualMachineFactory');
    return {
      networkId: this.props.hostInterface,
      segmentName: request.segmentName,
      vlanId: request.vlanId,
      enforcement: `VirtualBox host-only network ${this.props.hostInterface} (no VLAN tagging: one segment for every lab VM, no route off the host)`,
    };
  }
}
