import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { RemovalPolicies, RemovalPolicy } from '../../core';
import { invalid } from '../../core/private/errors';
import { isUnresolved } from '../../core/private/validation';
import { VIRTUALBOX_UNENFORCEABLE } from '../../policy/rules/virtualbox/unenforceable';
import { resolveVmSpec } from '../private/validation';
import { Hypervisor, IVirtualMachine } from '../virtual-machine';
import { GuestOsFamily, VmSpec } from '../vm-spec';
import { VirtualBoxVmNetworkAdapter, VirtualBoxVmResource } from './l1';
import { checkConstruct } from '../../core/private/shapes';

/** VirtualBox network attachment types (`network_adapter.type`). */
export enum VirtualBoxNetworkType {
  /** Host-only network: the VM reaches the host and the other VMs on it, nothing else. The default. */
  HOST_ONLY = 'hostonly',
  /** VirtualBox's (single, unnamed) internal network: VM-to-VM only. */
  INTERNAL = 'internal',
  /** NAT through the host: outbound only. The provider does not wait for an address on it. */
  NAT = 'nat',
  /** Bridged onto a host NIC: the VM is on the physical LAN (VBOX-NET-ISOLATED). */
  BRIDGED = 'bridged',
}

/** Props of `VirtualBoxVm`. */
export interface VirtualBoxVmProps {
  /**
   * What the VM is. `networks[i].networkId` is the host interface of a host-only or bridged adaptor
   * (e.g. `vboxnet1`); it is ignored for internal and NAT adaptors.
   */
  readonly spec: VmSpec;
  /** Local path or https URL of the Vagrant `.box` (or disk tar archive) the VM's disks are cloned from. */
  readonly image: string;
  /**
   * Attachment type of each `spec.networks` entry, by index.
   * @default - VirtualBoxNetworkType.HOST_ONLY for every adaptor
   */
  readonly networkTypes?: VirtualBoxNetworkType[];
  /**
   * What happens to the VM and its cloned disks on destroy.
   * @default RemovalPolicy.RETAIN (`lifecycle.prevent_destroy = true`)
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** The memory as the provider reads it back (humanize IEC, lower case), or undefined when it would not round-trip. */
function virtualBoxMemory(memoryMiB: number): string | undefined {
  if (memoryMiB < 10) return `${memoryMiB}.0 mib`;
  if (memoryMiB < 1024) return `${memoryMiB} mib`;
  const gib = memoryMiB / 1024;
  if (gib < 10) return Number.isInteger(gib * 10) ? `${gib.toFixed(1)} gib` : undefined;
  return Number.isInteger(gib) ? `${gib} gib` : undefined;
}

/**
 * A VirtualBox VM for developer labs (`virtualbox_vm`), from a `VmSpec`.
 *
 * It gives the isolation VirtualBox can give: host-only (or internal) networks by default, boot from
 * disk only, no optical disks, and protection from destroy. Everything else a secure VM has on
 * vSphere or Hyper-V (UEFI and Secure Boot, TPM, checkpoint control, VLANs, MAC spoofing, DHCP and
 * router guards, ...) the provider cannot express: each is reported as "not enforceable on this
 * hypervisor", as a warning annotation here and as a VBOX-NOT-ENFORCEABLE finding of the policy engine.
 */
export class VirtualBoxVm extends Construct implements IVirtualMachine {
  /** The underlying `virtualbox_vm`. */
  public readonly resource: VirtualBoxVmResource;
  public readonly virtualMachineName: string;
  public readonly virtualMachineId: string;
  public readonly spec: VmSpec;
  public readonly hypervisor: Hypervisor = Hypervisor.VIRTUALBOX;
  public readonly pciPassthroughEnabled: boolean = false;
  /** The memory as written (`memory`). */
  public readonly memory: string;

  constructor(scope: Construct, id: string, props: VirtualBoxVmProps) {
    checkConstruct(scope, id, 'VirtualBoxVm', [props]);
    super(scope, id);
    const spec = resolveVmSpec(this, 'spec', props?.spec);
    if (typeof props.image !== 'string' || props.image.trim() === '') {
      throw invalid(this, 'image', 'is required', props.image, 'Give the path or https URL of a Vagrant .box, e.g. "https://boxes.example/debian-12.box".');
    }
    if (!isUnresolved(props.image) && /^http:\/\//i.test(props.image)) {
      throw invalid(this, 'image', 'is a plain http:// URL (the provider never checks the image checksum, so it could be swapped in transit)', props.image,
        'Use an https:// URL or a local path (VBOX-IMAGE-HTTPS).');
    }
    const memory = isUnresolved(spec.memoryMiB) ? undefined : virtualBoxMemory(spec.memoryMiB);
    if (memory === undefined) {
      const gib = spec.memoryMiB / 1024;
      const near = gib < 10 ? Math.round(gib * 10) / 10 * 1024 : Math.round(gib) * 1024;
      throw invalid(this, 'spec.memoryMiB', 'cannot be written in the form the provider reads back (one decimal of GiB below 10 GiB, whole GiB above)', spec.memoryMiB,
        `Use ${near} MiB: any other value shows a diff on every plan and power-cycles the VM on every apply.`);
    }
    if (spec.cloudInitUserData !== undefined) {
      throw invalid(this, 'spec.cloudInitUserData', 'never reaches the guest on VirtualBox (user_data is stored as host-side VM extra data only)', '<user data>',
        'Bake the configuration into the .box image.');
    }
    const types = props.networkTypes ?? [];
    if (types.length > spec.networks!.length) {
      throw invalid(this, 'networkTypes', `has more entries than spec.networks (${spec.networks!.length})`, types, 'Give one type per spec.networks entry.');
    }
    if (spec.networks!.length > 4) {
      throw invalid(this, 'spec.networks', 'has more than 4 adaptors', spec.networks!.length, 'VirtualBox VMs take at most 4 adaptors here.');
    }
    const adapters: VirtualBoxVmNetworkAdapter[] = spec.networks!.map((net, i) => {
      const type = types[i] ?? VirtualBoxNetworkType.HOST_ONLY;
      if (!Object.values(VirtualBoxNetworkType).includes(type)) {
        throw invalid(this, `networkTypes[${i}]`, 'is not a VirtualBox network type', type, 'Use VirtualBoxNetworkType.HOST_ONLY, INTERNAL, NAT or BRIDGED.');
      }
      if (net.ipv4Address !== undefined) {
        throw invalid(this, `spec.networks[${i}].ipv4Address`, 'cannot be set by the VirtualBox provider (no guest customization)', net.ipv4Address,
          'Drop it and use the host-only network\'s DHCP server, or configure the address in the image.');
      }
      if (net.sriovPhysicalFunction !== undefined) {
        throw invalid(this, `spec.networks[${i}].sriovPhysicalFunction`, 'is vSphere only', net.sriovPhysicalFunction, 'Drop it on VirtualBox.');
      }
      if (type === VirtualBoxNetworkType.BRIDGED) {
        Annotations.of(this).addWarning(`spec.networks[${i}] is bridged onto host NIC "${net.networkId}": the lab VM is on the physical LAN; VBOX-NET-ISOLATED will report it.`);
      }
      const named = type === VirtualBoxNetworkType.HOST_ONLY || type === VirtualBoxNetworkType.BRIDGED;
      return { type, device: 'VirtIO', hostInterface: named ? net.networkId : undefined };
    });

    // Never passed silently: what a VmSpec asks for that VirtualBox cannot give.
    const warn = (message: string) => Annotations.of(this).addWarning(message);
    warn(`Not enforceable on this hypervisor (VirtualBox), each reported by VBOX-NOT-ENFORCEABLE: ${
      VIRTUALBOX_UNENFORCEABLE.map((c) => `${c.control} (${c.reason.replace(/\.$/, '')})`).join('; ')}. Place workloads that need them on Hyper-V or vSphere.`);
    if (spec.guestOsFamily === GuestOsFamily.WINDOWS) {
      warn('spec.guestOsFamily is WINDOWS, but the provider hard-codes the guest OS type Linux_64 (and needs Guest Additions for IP discovery).');
    }
    if (props.spec.disks !== undefined) {
      Annotations.of(this).addInfo('spec.disks is not applied: virtualbox_vm clones the disks of the image, with their sizes.');
    }
    if (props.removalPolicy === RemovalPolicy.DESTROY) warn('removalPolicy is DESTROY: terraform destroy deletes the VM and its cloned disks.');

    this.spec = spec;
    this.virtualMachineName = spec.name;
    this.memory = memory;
    this.resource = new VirtualBoxVmResource(this, 'Resource', {
      name: spec.name,
      image: props.image,
      cpus: spec.cpus,
      memory,
      bootOrder: ['disk', 'none', 'none', 'none'],
      networkAdapter: adapters.length > 0 ? adapters : undefined,
    });
    RemovalPolicies.apply(this.resource, props.removalPolicy);
    this.virtualMachineId = this.resource.id;
  }
}
