/**
 * Boot firmware of a virtual machine.
 *
 * The values are the strings vSphere's `firmware` attribute takes; the Hyper-V and VirtualBox
 * backends map them to their own settings (generation 2 / `firmware = "efi"`).
 */
export enum Firmware {
  /** UEFI firmware. Required for Secure Boot, vTPM, VBS and large-BAR PCI passthrough. */
  EFI = 'efi',
  /** Legacy BIOS. Rules out Secure Boot (VM-EFI-SECUREBOOT); only for guests that cannot boot EFI. */
  BIOS = 'bios',
}

/** The family of the guest operating system; decides customisation and Windows-only features (VBS). */
export enum GuestOsFamily {
  /** Linux (and other Unix-like guests customised like Linux). */
  LINUX = 'LINUX',
  /** Microsoft Windows. */
  WINDOWS = 'WINDOWS',
}

/** One virtual disk of a VM. */
export interface VmDiskSpec {
  /**
   * Name of the disk, unique within the VM (vSphere: the disk `label`; Hyper-V/VirtualBox: the disk file name).
   */
  readonly label: string;
  /** Size in GiB: a whole number greater than 0. */
  readonly sizeGiB: number;
  /**
   * Thin-provision the disk (allocate on write).
   * @default true
   */
  readonly thinProvisioned?: boolean;
}

/** One network adapter of a VM. */
export interface VmNetworkSpec {
  /**
   * The hypervisor's identifier of the network: a vSphere network or port group id
   * (e.g. `SecurePortGroup.portGroupId`), a Hyper-V switch name or a VirtualBox host interface.
   */
  readonly networkId: string;
  /**
   * Static IPv4 address set by guest customisation.
   * @default - DHCP
   */
  readonly ipv4Address?: string;
  /**
   * Prefix length of `ipv4Address` (e.g. 24).
   * @default - none (required with `ipv4Address`)
   */
  readonly ipv4PrefixLength?: number;
  /**
   * vSphere only: attach the adapter as an SR-IOV virtual function of this physical function, given
   * by its PCI address (e.g. `0000:3b:00.1`). The VM is then pinned to the host that owns the
   * function and reserves all its memory (PT-SRIOV). Other backends reject it.
   * @default - a paravirtual adapter (vmxnet3 on vSphere)
   */
  readonly sriovPhysicalFunction?: string;
}

/**
 * What a VM is, independent of the hypervisor that runs it.
 *
 * The vSphere, Hyper-V and VirtualBox constructs all accept a `VmSpec`, so the hybrid layer can
 * place the same VM on any of them. Every backend validates it the same way (memory a multiple
 * of 4 MiB, cores per socket dividing the vCPU count, disk sizes above 0, ...).
 */
export interface VmSpec {
  /** VM name as the hypervisor shows it: 1-80 characters, no "/", "\\" or "%". */
  readonly name: string;
  /** Number of virtual CPUs, 1-768. */
  readonly cpus: number;
  /**
   * Cores per virtual socket; must divide `cpus`.
   * @default 1
   */
  readonly coresPerSocket?: number;
  /** Memory in MiB: a multiple of 4, from 4 to 25165824 (24 TiB). */
  readonly memoryMiB: number;
  /**
   * Virtual disks, the boot disk first.
   * @default - one 40 GiB thin disk labelled `disk0`
   */
  readonly disks?: VmDiskSpec[];
  /**
   * Network adapters, in order.
   * @default - no network adapter
   */
  readonly networks?: VmNetworkSpec[];
  /**
   * Boot firmware.
   * @default Firmware.EFI
   */
  readonly firmware?: Firmware;
  /**
   * Guest operating system family.
   * @default GuestOsFamily.LINUX
   */
  readonly guestOsFamily?: GuestOsFamily;
  /**
   * cloud-init user data (`#cloud-config ...`), handed to the guest by the hypervisor's
   * datasource (vSphere: `guestinfo.userdata`, base64). Never put secrets here: it is written
   * to the Terraform configuration and readable from the VM's advanced settings.
   * @default - no cloud-init
   */
  readonly cloudInitUserData?: string;
  /**
   * cloud-init meta data (YAML).
   * @default - `instance-id` and `local-hostname` set to `name` when `cloudInitUserData` is given
   */
  readonly cloudInitMetadata?: string;
}
