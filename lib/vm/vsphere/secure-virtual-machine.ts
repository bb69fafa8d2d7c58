import { DrsVmOverride } from '@cdktf/provider-vsphere/lib/drs-vm-override';
import { HaVmOverride } from '@cdktf/provider-vsphere/lib/ha-vm-override';
import { VirtualMachine } from '@cdktf/provider-vsphere/lib/virtual-machine';
import { Annotations, Fn, Op, Token } from 'cdktf';
import { Construct } from 'constructs';
import { RemovalPolicies, RemovalPolicy } from '../../core';
import { invalid } from '../../core/private/errors';
import { checkIntegerRange, isUnresolved } from '../../core/private/validation';
import { Policy } from '../../policy';
import { resolveVmSpec } from '../private/validation';
import { Hypervisor, IVirtualMachine } from '../virtual-machine';
import { Firmware, GuestOsFamily, VmSpec } from '../vm-spec';
import { GuestCustomization } from './customization';
import { VmHardening } from './hardening';
import { HostPciDevice } from './passthrough';
import { PciBackedFeature, resolveMemoryReservation } from './private/full-reservation';
import { IResourcePool } from './resource-pool';
import { IVmTemplate, TemplateSourceKind, VmTemplate } from './template';
import { addSynthNote } from '../../core/private/notes';
import { checkConstruct } from '../../core/private/shapes';
import { vsphere } from './private/providers';

/** Disk modes a `SecureVirtualMachine` allows (VM-DISK-PERSISTENT, STIG VMCH-80-000208). */
export enum VsphereDiskMode {
  /** Persistent, included in snapshots. The default. */
  PERSISTENT = 'persistent',
  /** Independent persistent: excluded from snapshots, never reverted. */
  INDEPENDENT_PERSISTENT = 'independent_persistent',
}

/** HA restart priorities (`ha_vm_restart_priority`). */
export enum HaRestartPriority {
  /** HA does not restart the VM (PT-NO-HA). */
  DISABLED = 'disabled',
  /** Lowest. */
  LOWEST = 'lowest',
  /** Low. */
  LOW = 'low',
  /** Medium. */
  MEDIUM = 'medium',
  /** High. */
  HIGH = 'high',
  /** Highest. */
  HIGHEST = 'highest',
  /** The cluster's default. */
  CLUSTER_DEFAULT = 'clusterRestartPriority',
}

/** A vSphere VM as other constructs (snapshots, rules) see it. */
export interface IVsphereVirtualMachine extends IVirtualMachine {
  /** The VM's BIOS UUID (what `vsphere_virtual_machine_snapshot` takes). */
  readonly virtualMachineUuid: string;
  /** The compute cluster the VM is in. */
  readonly computeClusterId: string;
}

/**
 * The hardware passthrough (DirectPath I/O) profile: the documented exception to
 * VM-NO-PASSTHROUGH (STIG VMCH-80-000214, "when not required").
 */
export interface PassthroughOptions {
  /** The approved devices, all on one host (PT-APPROVED-DEVICE). */
  readonly devices: HostPciDevice[];
  /**
   * Why passthrough is required here (at least 10 characters). Recorded as a policy suppression of
   * VM-NO-PASSTHROUGH, so reviewers see it in the report.
   */
  readonly approvalReason: string;
  /**
   * Add a DRS override with `drs_enabled = false` (PT-NO-MIGRATION): DRS cannot move the VM anyway.
   * @default true
   */
  readonly disableDrs?: boolean;
  /**
   * Add an HA override with restart priority `disabled` (PT-NO-HA): HA cannot restart it on another host.
   * @default true
   */
  readonly disableHaRestart?: boolean;
  /**
   * A vGPU profile. Not supported: vmware/vsphere 2.15.0 has no `shared_pci_device_id` on
   * `vsphere_virtual_machine` (only Supervisor VM classes take vGPU devices), so setting this throws
   * (PT-VGPU). Pass the whole GPU through with `devices` instead.
   * @default - none
   */
  readonly vgpuProfile?: string;
}

/** Props of `SecureVirtualMachine`. */
export interface SecureVirtualMachineProps {
  /** What the VM is: name, vCPUs, memory, disks, networks, firmware, guest family, cloud-init. */
  readonly spec: VmSpec;
  /** The golden template to clone, with the inventory (cluster, datastore) to place the VM in. */
  readonly template: IVmTemplate;
  /**
   * vSphere guest OS id.
   *
   * Leave it unset for content library templates: the VM then keeps the OVF's guest id (the
   * provider reads it back after the deploy). A different value here makes the next apply change
   * the guest OS type of the running VM (and reboot it).
   * @default - the template's guest id; for content library templates the OVF's guest id (`guest_id` not written)
   */
  readonly guestId?: string;
  /**
   * UEFI Secure Boot (VM-EFI-SECUREBOOT). Needs `spec.firmware` EFI.
   * @default true
   */
  readonly secureBoot?: boolean;
  /**
   * Add a virtual TPM 2.0 (VM-VTPM). Needs EFI firmware and a key provider (Native Key Provider or
   * an external KMS) configured in vCenter before apply; the VM home files become encrypted.
   * @default false
   */
  readonly vtpm?: boolean;
  /**
   * Virtualization-based Security for Windows guests (VM-VBS). Sets all four attributes the
   * provider requires: `vbs_enabled`, EFI firmware, Secure Boot, `vvtd_enabled`, `nested_hv_enabled`.
   * @default false
   */
  readonly vbs?: boolean;
  /**
   * Virtual hardware version, 17-22 (VM-HW-VERSION): 20 = vSphere 8.0, 21 = 8.0 U2, 22 = 9.0.
   *
   * Must be at least the template's version: the provider cannot downgrade, so a lower value fails
   * the apply after the clone was created (checked when the template's `hardwareVersion` is known).
   * @default - 20, or the template's `hardwareVersion` when that is higher
   */
  readonly hardwareVersion?: number;
  /**
   * Id of an existing encryption storage policy (`data.vsphere_storage_policy`, e.g. "VM Encryption
   * Policy"), applied to the VM home and every disk (VM-ENCRYPTION; also gives encrypted vMotion).
   * @default - the datastore's default policy (not encrypted; reported as info)
   */
  readonly storagePolicyId?: string;
  /**
   * Attach a CD/DVD drive backed by the client device (VM-NO-CDROM).
   * @default false
   */
  readonly cdrom?: boolean;
  /**
   * Guest customisation while cloning (Linux or Windows). Exclusive with `spec.cloudInitUserData`.
   * @default - none
   */
  readonly customization?: GuestCustomization;
  /**
   * Additional `extra_config` settings. A value that weakens a hardening key is allowed but warned
   * about with the control id; `sched.mem.pshare.salt` is rejected (VM-NO-PSHARE-SALT).
   * @default - none
   */
  readonly extraConfig?: { [key: string]: string };
  /**
   * VM folder path relative to the datacenter's VM folder.
   * @default - the datacenter's root VM folder
   */
  readonly folder?: string;
  /**
   * vSphere tag ids.
   * @default - none
   */
  readonly tags?: string[];
  /**
   * Resource pool for the VM.
   * @default - the template cluster's root resource pool
   */
  readonly resourcePool?: IResourcePool;
  /**
   * Datastore for the VM.
   * @default - the template's datastore
   */
  readonly datastoreId?: string;
  /**
   * Guaranteed memory in MiB (at most `spec.memoryMiB`). With passthrough it is forced to `spec.memoryMiB`.
   * @default 0 (full reservation with passthrough)
   */
  readonly memoryReservationMiB?: number;
  /**
   * Allow CPU and memory hot add and CPU hot remove (VM-NO-HOTADD). Not allowed with passthrough.
   * @default false
   */
  readonly allowHotAdd?: boolean;
  /**
   * Minutes the provider waits after create for a routable guest IP (`wait_for_guest_net_timeout`);
   * 0 turns the waiter off. When it runs out the create fails and the VM is tainted, and with
   * `removalPolicy` RETAIN (`prevent_destroy`) the next plan cannot replace it: turn it off for
   * VMs that never report a routable address (no VMware Tools, isolated networks).
   * @default - 5 (the provider's) with network adapters; 0 without any (nothing to wait for)
   */
  readonly waitForGuestNetMinutes?: number;
  /**
   * Expose the virtual disks' UUIDs to the guest (`enable_disk_uuid`, the `disk.EnableUUID` setting),
   * e.g. for the vSphere CSI driver of a Kubernetes node VM. Use this instead of
   * `extraConfig["disk.EnableUUID"]`, which the typed attribute would overwrite.
   * @default false
   */
  readonly enableDiskUuid?: boolean;
  /**
   * VM logging (VM-LOGGING, STIG VMCH-80-000207).
   * @default true
   */
  readonly enableLogging?: boolean;
  /**
   * Mode of every disk (VM-DISK-PERSISTENT, STIG VMCH-80-000208). Non-persistent modes are rejected.
   * @default VsphereDiskMode.PERSISTENT
   */
  readonly diskMode?: VsphereDiskMode;
  /**
   * Hardware passthrough (DirectPath I/O).
   * @default - no passthrough
   */
  readonly passthrough?: PassthroughOptions;
  /**
   * Pin the VM to this ESXi host (`host_system_id`, e.g. `new DataVsphereHost(...).id`). Required
   * with SR-IOV network interfaces (`spec.networks[].sriovPhysicalFunction`, PT-SRIOV): the host
   * that owns the physical functions. Not with `passthrough`, which pins the VM to its devices' host.
   * @default - no pinning (with passthrough: the devices' host)
   */
  readonly hostSystemId?: string;
  /**
   * What happens to the VM and its disks on destroy.
   * @default RemovalPolicy.RETAIN (`lifecycle.prevent_destroy = true`)
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * VM notes shown in vCenter.
   * @default - "Managed by cdktf-hybrid"
   */
  readonly annotation?: string;
}

const PCI_ADDRESS = /^[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7]$/;
const MMIO_USE_KEY = 'pciPassthru.use64bitMMIO';
const MMIO_SIZE_KEY = 'pciPassthru.64bitMMIOSizeGB';
const CLOUD_INIT_KEYS = ['guestinfo.userdata', 'guestinfo.userdata.encoding', 'guestinfo.metadata', 'guestinfo.metadata.encoding'];
const BRAND = Symbol.for('cdktf-hybrid.SecureVirtualMachine');
/**
 * `.vmx` keys that vSphere maps onto typed `VirtualMachineConfigSpec` fields, each of which this
 * construct always writes through a typed attribute: in `extra_config` they are overwritten by (or
 * fight with) that attribute on every apply, and they would bypass the checks of the typed prop.
 */
const TYPED_VMX_KEYS: { [key: string]: string } = {
  'firmware': 'spec.firmware (firmware)',
  'uefi.secureboot.enabled': 'secureBoot (efi_secure_boot_enabled)',
  'vbs.enable': 'vbs (vbs_enabled)',
  'vvtd.enable': 'vbs (vvtd_enabled)',
  'vhv.enable': 'vbs (nested_hv_enabled)',
  'mem.hotadd': 'allowHotAdd (memory_hot_add_enabled)',
  'vcpu.hotadd': 'allowHotAdd (cpu_hot_add_enabled)',
  'vcpu.hotremove': 'allowHotAdd (cpu_hot_remove_enabled)',
  'logging': 'enableLogging (enable_logging)',
  'memsize': 'spec.memoryMiB (memory)',
  'numvcpus': 'spec.cpus (num_cpus)',
  'cpuid.corespersocket': 'spec.coresPerSocket (num_cores_per_socket)',
  'virtualhw.version': 'hardwareVersion (hardware_version)',
  'sched.mem.min': 'memoryReservationMiB (memory_reservation)',
  'sched.mem.pin': 'memoryReservationMiB / passthrough (memory_reservation_locked_to_max)',
  'guestos': 'guestId (guest_id)',
  'disk.enableuuid': 'enableDiskUuid (enable_disk_uuid)',
};
/** Keys SCG8 dropped from vSphere 8 guidance (unimplemented) or deprecated: never write them (security-baseline.md section 3 notes). */
const DROPPED_KEYS = [
  'isolation.bios.bbs.disable', 'isolation.device.edit.disable', 'isolation.ghi.host.shellaction.disable',
  'isolation.tools.disptoporequest.disable', 'isolation.tools.getcreds.disable', 'isolation.tools.ghi.autologon.disable',
  'isolation.tools.ghi.launchmenu.change', 'isolation.tools.ghi.protocolhandler.info.disable', 'isolation.tools.ghi.trayicon.disable',
  'isolation.tools.guestdndversionset.disable', 'isolation.tools.hgfsserverset.disable', 'isolation.tools.memschedfakesamplestats.disable',
  'isolation.tools.trashfolderstate.disable', 'isolation.tools.vixmessage.disable', 'remotedisplay.vnc.enabled', 'svga.vgaonly',
];

function nextPow2(x: number): number {
  let p = 1;
  while (p < x) p *= 2;
  return p;
}

function base64(value: string): string {
  return Token.isUnresolved(value) ? Fn.base64encode(value) : Buffer.from(value, 'utf8').toString('base64');
}

/**
 * A hardened vSphere VM (`vsphere_virtual_machine`) cloned from a golden template.
 *
 * Secure defaults (security-baseline.md section 3), each with the prop that loosens it:
 * - EFI firmware with Secure Boot (VM-EFI-SECUREBOOT; `spec.firmware`, `secureBoot`).
 * - The full STIG/SCG `extra_config` set of `VmHardening.extraConfig()` (VMCH-80-000189 to -000206;
 *   `extraConfig` may override a key, with a warning naming the control).
 * - `enable_logging = true` (VMCH-80-000207; `enableLogging`), `disk_mode = "persistent"`
 *   (VMCH-80-000208; `diskMode`), no CD/DVD (VMCH-80-000210; `cdrom`), no PCI passthrough
 *   (VMCH-80-000214; `passthrough`), CPU/memory hot add and CPU hot remove off (VM-NO-HOTADD;
 *   `allowHotAdd`), hardware version 20 (VM-HW-VERSION), VBS/nested HV/vVT-d off unless `vbs`.
 * - `lifecycle.prevent_destroy = true` so the VM and its disks survive a stray destroy (`removalPolicy`).
 *
 * SR-IOV (PT-SRIOV): a `spec.networks[]` entry with `sriovPhysicalFunction` becomes
 * `adapter_type = "sriov"` with `physical_function`, never with `bandwidth_*` settings, placed after
 * all other adapters. The VM then needs `hostSystemId` and gets the passthrough profile's full,
 * locked memory reservation (the same logic) and no hot add.
 *
 * Controls no attribute can express (floppy, serial, parallel, USB, vMotion and FT encryption;
 * `VmHardening.unexpressibleControls()`) are reported on every VM as info annotations naming the
 * control id; meet them in the template and audit after apply.
 *
 * @see https://registry.terraform.io/providers/vmware/vsphere/2.15.0/docs/resources/virtual_machine
 */
export class SecureVirtualMachine extends Construct implements IVsphereVirtualMachine {
  /** True for a `SecureVirtualMachine` from any copy of the library. */
  public static isSecureVirtualMachine(x: any): x is SecureVirtualMachine {
    return typeof x === 'object' && x !== null && BRAND in x;
  }

  /** The underlying `vsphere_virtual_machine`. */
  public readonly resource: VirtualMachine;
  public readonly virtualMachineName: string;
  public readonly virtualMachineId: string;
  public readonly virtualMachineUuid: string;
  public readonly computeClusterId: string;
  public readonly spec: VmSpec;
  public readonly hypervisor: Hypervisor = Hypervisor.VSPHERE;
  public readonly pciPassthroughEnabled: boolean;
  /** Whether the VM has SR-IOV network interfaces (PT-SRIOV). */
  public readonly sriovEnabled: boolean;
  /** Whether Secure Boot is on. */
  public readonly secureBoot: boolean;
  /** Whether a vTPM is attached. */
  public readonly vtpm: boolean;
  /** Whether VBS is on. */
  public readonly vbs: boolean;
  /** The virtual hardware version. */
  public readonly hardwareVersion: number;
  /** Memory reservation in MiB. */
  public readonly memoryReservationMiB: number;
  /** The `extra_config` written, hardening profile included. */
  public readonly extraConfig: { [key: string]: string };
  /**
   * The DRS override of a passthrough VM (PT-NO-MIGRATION).
   * @default - none
   */
  public readonly drsOverrideResource?: DrsVmOverride;
  /**
   * The HA override of a passthrough VM (PT-NO-HA).
   * @default - none
   */
  public readonly haOverrideResource?: HaVmOverride;

  constructor(scope: Construct, id: string, props: SecureVirtualMachineProps) {
    checkConstruct(scope, id, 'SecureVirtualMachine', [props]);
    super(scope, id);
    Object.defineProperty(this, BRAND, { value: true });
    if (!props || !props.template) {
      throw invalid(this, 'template', 'is required', undefined, 'Pass a VmTemplate to clone from.');
    }
    const spec = resolveVmSpec(this, 'spec', props.spec);
    const efi = spec.firmware === Firmware.EFI;
    const windows = spec.guestOsFamily === GuestOsFamily.WINDOWS;
    const passthrough = props.passthrough;

    // --- firmware, secure boot, vTPM, VBS
    if (props.secureBoot === true && !efi) {
      throw invalid(this, 'secureBoot', 'needs EFI firmware', 'spec.firmware=bios', 'Set spec.firmware to Firmware.EFI, or drop secureBoot.');
    }
    if (props.vtpm === true && !efi) {
      throw invalid(this, 'vtpm', 'needs EFI firmware', 'spec.firmware=bios', 'Set spec.firmware to Firmware.EFI: a vTPM is only available with UEFI.');
    }
    if (props.vbs === true) {
      if (!windows) {
        throw invalid(this, 'vbs', 'is only for Windows guests', spec.guestOsFamily, 'Set spec.guestOsFamily to GuestOsFamily.WINDOWS, or drop vbs.');
      }
      if (!efi) {
        throw invalid(this, 'vbs', 'needs EFI firmware', 'spec.firmware=bios', 'Set spec.firmware to Firmware.EFI.');
      }
      if (props.secureBoot === false) {
        throw invalid(this, 'secureBoot', 'must stay on with vbs', false, 'VBS requires Secure Boot: drop secureBoot: false.');
      }
    }
    this.secureBoot = props.secureBoot ?? efi;
    this.vtpm = props.vtpm ?? false;
    this.vbs = props.vbs ?? false;
    const templateHw = props.template.hardwareVersion;
    this.hardwareVersion = props.hardwareVersion ?? Math.max(20, templateHw ?? 0);
    checkIntegerRange(this, 'hardwareVersion', this.hardwareVersion, 17, 22,
      'Use 17-22 (VM-HW-VERSION floor 17; 20 for vSphere 8.0, 21 for 8.0 U2+).');
    if (templateHw !== undefined && !isUnresolved(this.hardwareVersion) && this.hardwareVersion < templateHw) {
      throw invalid(this, 'hardwareVersion', `is below the template's hardware version (${templateHw})`, this.hardwareVersion,
        `Use ${templateHw} or higher: the provider cannot downgrade a clone, so the apply would fail after the VM was created.`);
    }
    if (this.hardwareVersion === 22) {
      Annotations.of(this).addWarning('hardwareVersion is 22, which needs ESXi 9.0: on vSphere 8 hosts the clone fails at apply. Use 20 (8.0) or 21 (8.0 U2+).');
    }

    // --- disks: 15 per SCSI controller (unit 7 is the controller's, the provider skips it), at most 4 controllers
    const diskCount = spec.disks!.length;
    if (diskCount > 60) {
      throw invalid(this, 'spec.disks', 'has more than 60 disks', diskCount, 'A vSphere VM takes at most 4 SCSI controllers of 15 disks each.');
    }
    const scsiControllerCount = diskCount > 15 ? Math.ceil(diskCount / 15) : undefined;
    const diskMode = props.diskMode ?? VsphereDiskMode.PERSISTENT;
    if (!Object.values(VsphereDiskMode).includes(diskMode)) {
      throw invalid(this, 'diskMode', 'must keep disks persistent (VM-DISK-PERSISTENT, VMCH-80-000208)', diskMode,
        'Use VsphereDiskMode.PERSISTENT or VsphereDiskMode.INDEPENDENT_PERSISTENT; non-persistent disks erase evidence on power-off.');
    }

    // --- memory, hot add
    const allowHotAdd = props.allowHotAdd ?? false;
    if (props.memoryReservationMiB !== undefined && !isUnresolved(spec.memoryMiB)) {
      checkIntegerRange(this, 'memoryReservationMiB', props.memoryReservationMiB, 0, spec.memoryMiB,
        `Reserve at most spec.memoryMiB (${spec.memoryMiB}).`);
    }

    // --- cloud-init vs customisation
    if (spec.cloudInitUserData !== undefined && props.customization !== undefined) {
      throw invalid(this, 'customization', 'cannot be combined with spec.cloudInitUserData', props.customization.guestOsFamily,
        'Use either guest customisation or cloud-init (guestinfo), not both: they both configure host name and network.');
    }
    if (props.customization !== undefined && props.customization.guestOsFamily !== spec.guestOsFamily) {
      throw invalid(this, 'customization', `is for ${props.customization.guestOsFamily} but spec.guestOsFamily is ${spec.guestOsFamily}`,
        props.customization.guestOsFamily, 'Use GuestCustomization.linux for Linux guests and GuestCustomization.windows for Windows guests.');
    }

    // --- user extra_config
    const hardening = VmHardening.extraConfigSettings();
    const userConfig = props.extraConfig ?? {};
    for (const [key, value] of Object.entries(userConfig)) {
      const lower = key.toLowerCase();
      if (lower === 'sched.mem.pshare.salt') {
        throw invalid(this, `extraConfig["${key}"]`, 'turns on inter-VM page sharing (VM-NO-PSHARE-SALT, VMCH-80-000199)', value,
          'Remove the key: the STIG requires it absent.');
      }
      if (CLOUD_INIT_KEYS.includes(lower) && spec.cloudInitUserData !== undefined) {
        throw invalid(this, `extraConfig["${key}"]`, 'conflicts with spec.cloudInitUserData', '<guestinfo>', 'Give cloud-init data only through spec.');
      }
      if (TYPED_VMX_KEYS[lower] !== undefined) {
        throw invalid(this, `extraConfig["${key}"]`, `is set through ${TYPED_VMX_KEYS[lower]}`, value,
          'Remove the key and use the prop: the provider always writes that attribute, so the extra_config value would be overwritten or re-applied on every run.');
      }
      if (lower.startsWith('vmx.')) {
        throw invalid(this, `extraConfig["${key}"]`, 'is a vmx.* key, which vSphere drops from extraConfig (vmware/terraform-provider-vsphere#2626)', value,
          'Remove the key: it never reaches the VM and Terraform would plan to add it again on every run.');
      }
      if (lower.startsWith('pcipassthru')) {
        throw invalid(this, `extraConfig["${key}"]`, 'is managed by the passthrough profile', value, 'Use the passthrough prop instead.');
      }
      if (DROPPED_KEYS.includes(lower) || lower.startsWith('isolation.tools.unity')) {
        Annotations.of(this).addWarning(`extraConfig["${key}"] is not implemented in vSphere 8 (dropped from the SCG8 guidance); remove it.`);
      }
      if (/^ethernet\d+\.filter\d+\.name$/.test(lower)) {
        Annotations.of(this).addWarning(`extraConfig["${key}"] attaches a dvFilter; VM-NO-DVFILTER (VMCH-80-000200) will report it unless allow-listed.`);
      }
      const setting = hardening.find((s) => s.key.toLowerCase() === lower);
      if (setting && String(value).toLowerCase() !== setting.value.toLowerCase()) {
        Annotations.of(this).addWarning(
          `extraConfig["${key}"] = "${value}" loosens the hardening default "${setting.value}"; ${setting.controlId} (${setting.source}) will report it.`);
      }
    }

    // --- passthrough
    let mmioSizeGB: number | undefined;
    let hostSystemId: string | undefined;
    if (passthrough !== undefined) {
      if (passthrough.vgpuProfile !== undefined) {
        throw invalid(this, 'passthrough.vgpuProfile', 'is not supported on plain VMs by vmware/vsphere 2.15.0 (PT-VGPU)', passthrough.vgpuProfile,
          'The provider has no shared_pci_device_id on vsphere_virtual_machine; pass the whole GPU through with passthrough.devices, or use a Supervisor VM class.');
      }
      if (!Array.isArray(passthrough.devices) || passthrough.devices.length === 0) {
        throw invalid(this, 'passthrough.devices', 'must list at least one device', passthrough.devices,
          'Look the device up with new HostPciDevice(...) and pass it here.');
      }
      passthrough.devices.forEach((d, i) => {
        if (!(d instanceof HostPciDevice)) {
          throw invalid(this, `passthrough.devices[${i}]`, 'must be a HostPciDevice', d, 'Look the device up with new HostPciDevice(...).');
        }
      });
      if (typeof passthrough.approvalReason !== 'string' || passthrough.approvalReason.trim().length < 10) {
        throw invalid(this, 'passthrough.approvalReason', 'must explain the exception in at least 10 characters', passthrough.approvalReason,
          'Say why the VM needs the device, e.g. "LLM inference needs a full H100; change CHG-1234".');
      }
      const keys = new Map<string, number>();
      passthrough.devices.forEach((d, i) => {
        const first = keys.get(d.lookupKey);
        if (first !== undefined) {
          throw invalid(this, `passthrough.devices[${i}]`, `resolves to the same device as passthrough.devices[${first}]`, d.node.path,
            'The host PCI device lookup returns the first match, so identical lookups give one device (and pci_device_id is a set): '
            + 'give each further identical device by its pciAddress (e.g. "0000:af:00.0").');
        }
        keys.set(d.lookupKey, i);
      });
      const hosts = new Set(passthrough.devices.map((d) => d.hostName));
      if (hosts.size > 1) {
        throw invalid(this, 'passthrough.devices', 'are on more than one host', [...hosts],
          'A VM runs on one host: pass through devices of a single host (PT-HOST-PINNED).');
      }
      if (!efi) {
        throw invalid(this, 'spec.firmware', 'must be EFI with passthrough (PT-EFI-FIRMWARE)', spec.firmware,
          'Set spec.firmware to Firmware.EFI: large-BAR devices need a 64-bit MMIO window that BIOS cannot map.');
      }
      const totalGB = passthrough.devices.reduce((sum, d) => sum + d.deviceMemoryGB, 0);
      mmioSizeGB = 2 * nextPow2(totalGB);
      hostSystemId = passthrough.devices[0].hostSystemId;
      if (!this.secureBoot) {
        Annotations.of(this).addWarning('secureBoot is false on a passthrough VM; PT-EFI-FIRMWARE / VM-EFI-SECUREBOOT will report it. Document the unsigned driver that forces it.');
      }
      // The approval is the documented exception to STIG VMCH-80-000214 (VM-NO-PASSTHROUGH) and the
      // approval of these exact devices (PT-APPROVED-DEVICE): record both, so reviewers see why.
      Policy.suppress(this, 'VM-NO-PASSTHROUGH', passthrough.approvalReason);
      Policy.suppress(this, 'PT-APPROVED-DEVICE', passthrough.approvalReason);
    }

    // --- SR-IOV network interfaces (PT-SRIOV)
    const sriovIndexes: number[] = [];
    spec.networks!.forEach((net, i) => {
      if (net.sriovPhysicalFunction === undefined) return;
      sriovIndexes.push(i);
      if (!isUnresolved(net.sriovPhysicalFunction) && !PCI_ADDRESS.test(net.sriovPhysicalFunction)) {
        throw invalid(this, `spec.networks[${i}].sriovPhysicalFunction`, 'is not a PCI address', net.sriovPhysicalFunction,
          'Give the physical function as domain:bus:device.function, e.g. "0000:3b:00.1" (esxcli network sriovnic list).');
      }
    });
    const sriov = sriovIndexes.length > 0;
    if (props.hostSystemId !== undefined) {
      if (passthrough !== undefined) {
        throw invalid(this, 'hostSystemId', 'cannot be combined with passthrough', props.hostSystemId,
          'Drop hostSystemId: passthrough pins the VM to the host of its devices (PT-HOST-PINNED).');
      }
      if (typeof props.hostSystemId !== 'string' || props.hostSystemId === '') {
        throw invalid(this, 'hostSystemId', 'must be a host id', props.hostSystemId, 'Pass the host id, e.g. new DataVsphereHost(...).id.');
      }
      hostSystemId = props.hostSystemId;
    }
    if (sriov && hostSystemId === undefined) {
      throw invalid(this, 'hostSystemId', 'is required with SR-IOV network interfaces (PT-SRIOV)', undefined,
        'Pin the VM to the host that owns the physical functions, e.g. hostSystemId: new DataVsphereHost(...).id.');
    }

    // --- memory reservation and hot add: shared by passthrough and SR-IOV
    const pciFeatures: PciBackedFeature[] = [];
    if (passthrough !== undefined) {
      pciFeatures.push({ feature: 'passthrough', reservationControlId: 'PT-FULL-MEM-RESERVATION', hotAddControlId: 'PT-NO-HOTADD', technology: 'DirectPath I/O' });
    }
    if (sriov) {
      pciFeatures.push({ feature: 'SR-IOV network interfaces', reservationControlId: 'PT-SRIOV', hotAddControlId: 'PT-SRIOV', technology: 'SR-IOV' });
    }
    const reservation = resolveMemoryReservation(this, pciFeatures, spec.memoryMiB, props.memoryReservationMiB, allowHotAdd);
    this.pciPassthroughEnabled = pciFeatures.length > 0;
    this.sriovEnabled = sriov;
    this.memoryReservationMiB = reservation.reservationMiB;

    // SR-IOV NICs go after all others (PT-SRIOV); the guest sees them in that order.
    const nicOrder = [...spec.networks!.keys()].filter((i) => !sriovIndexes.includes(i)).concat(sriovIndexes);
    if (nicOrder.some((n, i) => n !== i)) {
      Annotations.of(this).addInfo(`spec.networks: SR-IOV adapters ${sriovIndexes.map((i) => `[${i}]`).join(', ')} are placed after the other adapters (PT-SRIOV); `
        + `the guest sees the adapters in the order ${nicOrder.map((i) => `[${i}]`).join(', ')}.`);
    }
    if (sriov) {
      Annotations.of(this).addInfo('SR-IOV rules out vMotion, snapshots, suspend, HA and hot add for this VM (VSDOC vSphere Networking, SR-IOV); '
        + 'pciPassthroughEnabled is true, so VmSnapshot and VmHaOverride treat it like a passthrough VM.');
    }

    // --- warnings for loosened defaults
    const warn = (message: string) => Annotations.of(this).addWarning(message);
    if (!efi) warn('spec.firmware is BIOS: no Secure Boot; VM-EFI-SECUREBOOT will report it.');
    else if (!this.secureBoot) warn('secureBoot is false; VM-EFI-SECUREBOOT will report it.');
    if (allowHotAdd) warn('allowHotAdd is true: CPU/memory hot add is on (and vNUMA off); VM-NO-HOTADD will report it.');
    if (props.enableLogging === false) warn('enableLogging is false; VM-LOGGING (VMCH-80-000207) will report it.');
    if (props.cdrom === true) warn('cdrom is true: a CD/DVD drive is attached; VM-NO-CDROM (VMCH-80-000210) will report it. Remove it after the build.');
    if (diskMode === VsphereDiskMode.INDEPENDENT_PERSISTENT) {
      Annotations.of(this).addInfo('diskMode is independent_persistent: the disks are excluded from snapshots (VM-DISK-PERSISTENT allows it).');
    }
    if (spec.cloudInitUserData !== undefined && props.template instanceof VmTemplate && props.template.source.kind !== TemplateSourceKind.EXISTING_TEMPLATE) {
      // Provider docs (virtual_machine, extra_config): "Do not use extra_config when working with a template
      // imported from OVF/OVA as your settings may be ignored". An OVF that declares vApp properties (Ubuntu
      // cloud images) hands cloud-init an OVF environment, and its OVF datasource runs before the VMware one.
      warn('spec.cloudInitUserData on a content library (OVF/OVA) template: if the OVF declares vApp properties (e.g. Ubuntu cloud images), '
        + 'cloud-init reads the OVF environment first and ignores guestinfo.userdata. Use a template converted from a VM (TemplateSource.existingTemplate), '
        + 'or check that the image\'s cloud-init uses the VMware datasource.');
    }
    if (props.removalPolicy === RemovalPolicy.DESTROY) warn('removalPolicy is DESTROY: terraform destroy deletes the VM and its disks.');
    for (const control of VmHardening.unexpressibleControls()) {
      if (control.controlId === 'VM-VMOTION-ENCRYPT' && props.storagePolicyId !== undefined) continue;
      addSynthNote(this, control.controlId, `${control.controlId} (${control.source}, ${control.requirement}) is not expressible in Terraform: ${control.howToMeet}.`);
    }
    if (props.storagePolicyId === undefined) {
      addSynthNote(this, 'VM-ENCRYPTION', 'storagePolicyId is not set: VM home and disks are not encrypted; VM-ENCRYPTION will report it.');
    }

    // --- extra_config
    const extraConfig: { [key: string]: string } = { ...VmHardening.extraConfig() };
    if (spec.cloudInitUserData !== undefined) {
      const metadata = spec.cloudInitMetadata ?? `instance-id: ${spec.name}\nlocal-hostname: ${spec.name}\n`;
      extraConfig['guestinfo.userdata'] = base64(spec.cloudInitUserData);
      extraConfig['guestinfo.userdata.encoding'] = 'base64';
      extraConfig['guestinfo.metadata'] = base64(metadata);
      extraConfig['guestinfo.metadata.encoding'] = 'base64';
    }
    if (mmioSizeGB !== undefined) {
      extraConfig[MMIO_USE_KEY] = 'TRUE';
      extraConfig[MMIO_SIZE_KEY] = String(mmioSizeGB);
    }
    for (const [key, value] of Object.entries(userConfig)) {
      const existing = Object.keys(extraConfig).find((k) => k.toLowerCase() === key.toLowerCase());
      if (existing !== undefined) delete extraConfig[existing];
      extraConfig[key] = value;
    }
    this.extraConfig = extraConfig;

    // --- the guest network waiter (provider default: 5 minutes for a *routable* address, i.e. one in
    // the subnet of a default gateway). A VM without adapters never gets one, and static addresses
    // without a gateway never count as routable: the create would time out and taint the VM.
    if (props.waitForGuestNetMinutes !== undefined) {
      checkIntegerRange(this, 'waitForGuestNetMinutes', props.waitForGuestNetMinutes, 0, 1440, 'Give minutes, or 0 to turn the waiter off.');
    }
    const waitForGuestNet = props.waitForGuestNetMinutes ?? (spec.networks!.length === 0 ? 0 : undefined);
    const staticOnly = spec.networks!.length > 0 && spec.networks!.every((n) => n.ipv4Address !== undefined);
    const gateway = props.customization?.linuxOptions?.ipv4Gateway ?? props.customization?.windowsOptions?.ipv4Gateway;
    const waitRoutable = props.customization !== undefined && staticOnly && gateway === undefined && waitForGuestNet !== 0 ? false : undefined;

    // --- the VM
    // Unset for content library items: `guest_id` is Optional+Computed and the provider reads the OVF's
    // value back after the deploy; a made-up default would be applied on the second run (with a reboot).
    const guestId = props.guestId ?? props.template.guestId;
    const orderedNetworks = nicOrder.map((i) => spec.networks![i]);
    const customize = props.customization?._render(this, 'customization', orderedNetworks.length,
      orderedNetworks.map((n) => (n.ipv4Address !== undefined ? { ipv4Address: n.ipv4Address, ipv4Netmask: n.ipv4PrefixLength } : {})));
    this.spec = spec;
    this.virtualMachineName = spec.name;
    this.computeClusterId = props.template.computeClusterId;

    this.resource = new vsphere.VirtualMachine(this, 'Resource', {
      name: spec.name,
      annotation: props.annotation ?? 'Managed by cdktf-hybrid',
      resourcePoolId: props.resourcePool?.resourcePoolId ?? props.template.resourcePoolId,
      datastoreId: props.datastoreId ?? props.template.datastoreId,
      folder: props.folder,
      tags: props.tags,
      guestId,
      scsiType: props.template.scsiType,
      // unit_number i lands on controller floor(i / 15); the provider rejects unit numbers above
      // scsi_controller_count * 15 - 1, so more than 15 disks need more controllers.
      scsiControllerCount,
      numCpus: spec.cpus,
      numCoresPerSocket: spec.coresPerSocket,
      memory: spec.memoryMiB,
      memoryReservation: this.memoryReservationMiB,
      memoryReservationLockedToMax: reservation.lockedToMax,
      cpuHotAddEnabled: allowHotAdd,
      cpuHotRemoveEnabled: allowHotAdd,
      memoryHotAddEnabled: allowHotAdd,
      firmware: spec.firmware,
      efiSecureBootEnabled: this.secureBoot,
      vbsEnabled: this.vbs,
      vvtdEnabled: this.vbs,
      nestedHvEnabled: this.vbs,
      hardwareVersion: this.hardwareVersion,
      enableLogging: props.enableLogging ?? true,
      enableDiskUuid: props.enableDiskUuid === true ? true : undefined,
      waitForGuestNetTimeout: waitForGuestNet,
      waitForGuestNetRoutable: waitRoutable,
      extraConfig,
      extraConfigRebootRequired: true,
      storagePolicyId: props.storagePolicyId,
      hostSystemId,
      pciDeviceId: passthrough?.devices.map((d) => d.pciDeviceId),
      vtpm: this.vtpm ? { version: '2.0' } : undefined,
      cdrom: props.cdrom === true ? [{ clientDevice: true }] : undefined,
      disk: spec.disks!.map((disk, i) => ({
        label: disk.label,
        size: disk.sizeGiB,
        unitNumber: i,
        thinProvisioned: disk.thinProvisioned,
        diskMode,
        storagePolicyId: props.storagePolicyId,
        // Removing a disk from spec.disks is an in-place update; without keep_on_remove the provider
        // deletes the VMDK. Protected like the VM itself unless the removal policy is DESTROY.
        keepOnRemove: props.removalPolicy === RemovalPolicy.DESTROY ? undefined : true,
      })),
      networkInterface: orderedNetworks.length > 0
        ? orderedNetworks.map((n) => (n.sriovPhysicalFunction !== undefined
          ? { networkId: n.networkId, adapterType: 'sriov', physicalFunction: n.sriovPhysicalFunction }
          : { networkId: n.networkId, adapterType: 'vmxnet3' }))
        : undefined,
      clone: {
        templateUuid: props.template.templateUuid,
        customize,
      },
    });
    RemovalPolicies.apply(this.resource, props.removalPolicy);
    if (props.template.firmware !== undefined) {
      // The clone keeps the template's boot loader: with other firmware it does not boot, the guest
      // network waiter times out, the create fails and the tainted VM cannot be replaced under
      // prevent_destroy. Fail the plan instead, once the template's firmware is known.
      const lifecycle = this.resource.lifecycle ?? {};
      this.resource.lifecycle = {
        ...lifecycle,
        precondition: [...(lifecycle.precondition ?? []), {
          condition: Op.eq(props.template.firmware, spec.firmware!),
          errorMessage: `The template's firmware is not "${spec.firmware}" (spec.firmware): a clone keeps the template's boot loader and does not boot with other firmware. `
            + 'Set spec.firmware to the template\'s firmware, or rebuild the template.',
        }],
      };
    }
    this.virtualMachineId = this.resource.id;
    this.virtualMachineUuid = this.resource.uuid;

    if (passthrough !== undefined && passthrough.disableDrs !== false) {
      this.drsOverrideResource = new vsphere.DrsVmOverride(this, 'DrsOverride', {
        computeClusterId: this.computeClusterId, virtualMachineId: this.virtualMachineId, drsEnabled: false,
      });
    }
    if (passthrough !== undefined && passthrough.disableHaRestart !== false) {
      this.haOverrideResource = new vsphere.HaVmOverride(this, 'HaOverride', {
        computeClusterId: this.computeClusterId, virtualMachineId: this.virtualMachineId, haVmRestartPriority: HaRestartPriority.DISABLED,
      });
    }
  }
}
