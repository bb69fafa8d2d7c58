import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { RemovalPolicies, RemovalPolicy } from '../../core';
import { invalid } from '../../core/private/errors';
import { checkIntegerRange, isUnresolved } from '../../core/private/validation';
import { resolveVmSpec } from '../private/validation';
import { Hypervisor, IVirtualMachine } from '../virtual-machine';
import { Firmware, GuestOsFamily, VmSpec } from '../vm-spec';
import { HypervMachineInstanceNetworkAdaptors, HypervMachineInstanceResource } from './l1';
import { checkWindowsPath } from './private/paths';
import { HypervVhd, HypervVhdType } from './vhd';
import { addSynthNote } from '../../core/private/notes';
import { checkConstruct } from '../../core/private/shapes';

/** Secure Boot templates (`vm_firmware.secure_boot_template`). */
export enum HypervSecureBootTemplate {
  /** Windows guests (the provider's default). */
  MICROSOFT_WINDOWS = 'MicrosoftWindows',
  /** Linux and other guests whose boot loader is signed by the Microsoft UEFI CA (shim). */
  MICROSOFT_UEFI_CA = 'MicrosoftUEFICertificateAuthority',
  /** Shielded Linux VMs. */
  OPEN_SOURCE_SHIELDED_VM = 'OpenSourceShieldedVM',
}

/** Checkpoint types (`checkpoint_type`). */
export enum HypervCheckpointType {
  /** Application-consistent (VSS / fsfreeze) checkpoints only, never falling back to standard ones. The default. */
  PRODUCTION_ONLY = 'ProductionOnly',
  /** Production checkpoints, falling back to standard ones (with guest memory) when the guest cannot quiesce. */
  PRODUCTION = 'Production',
  /** Standard checkpoints: they save guest memory, secrets included, to the host disk (HV-CHECKPOINT-TYPE). */
  STANDARD = 'Standard',
  /** No checkpoints (immutable servers). */
  DISABLED = 'Disabled',
}

/** What Hyper-V does with the VM when the host boots (`automatic_start_action`). */
export enum HypervAutomaticStartAction {
  /** Start the VM if it was running when the host stopped. The default. */
  START_IF_RUNNING = 'StartIfRunning',
  /** Always start the VM. */
  START = 'Start',
  /** Leave it off. */
  NOTHING = 'Nothing',
}

/** What Hyper-V does with the VM when the host shuts down (`automatic_stop_action`). */
export enum HypervAutomaticStopAction {
  /** A clean guest shutdown (needs the Shutdown integration service). The default. */
  SHUT_DOWN = 'ShutDown',
  /** Save state: guest memory is written to the host disk (HV-AUTO-STOP). */
  SAVE = 'Save',
  /** Power off (the guest may lose data). */
  TURN_OFF = 'TurnOff',
}

/** Dynamic memory settings; the VM gets static memory unless these are given. */
export interface HypervDynamicMemory {
  /** Memory the VM may shrink to, in MiB (at most `spec.memoryMiB`). */
  readonly minimumMiB: number;
  /** Memory ceiling in MiB (at least `spec.memoryMiB`). */
  readonly maximumMiB: number;
}

/** Props of `HypervSecureVm`. */
export interface HypervSecureVmProps {
  /**
   * What the VM is. `networks[].networkId` names a Hyper-V switch (e.g. `HypervNetworkSwitch.switchName`);
   * `spec.firmware` BIOS gives a generation 1 VM (no Secure Boot).
   */
  readonly spec: VmSpec;
  /** Folder on the Hyper-V host for the VM and its disks, e.g. `D:\\Hyper-V` (the VM's disks go to `<folder>\\<name>\\<label>.vhdx`). */
  readonly storagePath: string;
  /**
   * URL or host path of the golden OS disk (`.vhdx`, or a `.box`/`.zip`/`.7z` holding one) the boot disk is copied from.
   * @default - an empty boot disk (install from media yourself)
   */
  readonly bootDiskSource?: string;
  /**
   * Secure Boot (generation 2 only).
   * @default true on EFI (generation 2)
   */
  readonly secureBoot?: boolean;
  /**
   * The Secure Boot template.
   * @default - MICROSOFT_WINDOWS for Windows guests, MICROSOFT_UEFI_CA for Linux guests
   */
  readonly secureBootTemplate?: HypervSecureBootTemplate;
  /**
   * Dynamic memory.
   * @default - static memory of `spec.memoryMiB`
   */
  readonly dynamicMemory?: HypervDynamicMemory;
  /**
   * Checkpoint type.
   * @default HypervCheckpointType.PRODUCTION_ONLY
   */
  readonly checkpointType?: HypervCheckpointType;
  /**
   * Access-mode VLAN id (1-4094) of every network adaptor.
   * @default - untagged (the switch's native network)
   */
  readonly vlanId?: number;
  /**
   * Access-mode VLAN id of each adaptor, by `spec.networks` index (0 leaves that adaptor untagged), for
   * adaptors on different VLANs of one switch. Not together with `vlanId`.
   * @default - `vlanId` on every adaptor
   */
  readonly adaptorVlanIds?: number[];
  /**
   * Let the guest send with other MAC addresses (`mac_address_spoofing = "On"`), e.g. for nested
   * virtualization or guest load balancing.
   * @default false
   */
  readonly allowMacAddressSpoofing?: boolean;
  /**
   * Keep the Key-Value Pair Exchange integration service on and wait for every adaptor to report an
   * IP address (`wait_for_ips`); needs DHCP (or a static address) and the guest's integration services.
   * @default false (the KVP service is off, nothing waits for guest addresses)
   */
  readonly reportGuestIps?: boolean;
  /**
   * Integration services to turn on or off, by Hyper-V display name; merged over the minimal set
   * (Heartbeat, Shutdown, Time Synchronization and VSS on; Guest Service Interface and Key-Value Pair Exchange off).
   * @default - the minimal set
   */
  readonly integrationServices?: { [name: string]: boolean };
  /**
   * Expose virtualization extensions to the guest (nested virtualization).
   * @default false
   */
  readonly nestedVirtualization?: boolean;
  /**
   * Action when the host boots.
   * @default HypervAutomaticStartAction.START_IF_RUNNING
   */
  readonly automaticStartAction?: HypervAutomaticStartAction;
  /**
   * Seconds to wait before the automatic start (stagger host-boot starts).
   * @default 0
   */
  readonly automaticStartDelaySeconds?: number;
  /**
   * Action when the host shuts down.
   * @default HypervAutomaticStopAction.SHUT_DOWN
   */
  readonly automaticStopAction?: HypervAutomaticStopAction;
  /**
   * What happens to the VM and its disks on destroy.
   * @default RemovalPolicy.RETAIN (`lifecycle.prevent_destroy = true` on the VM and every disk)
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * VM notes.
   * @default "Managed by cdktf-hybrid"
   */
  readonly notes?: string;
}

const MIB = 1024 * 1024;
/** The integration services a VM gets: enough for clean shutdown, time and application-consistent checkpoints. */
const MINIMAL_INTEGRATION_SERVICES: { [name: string]: boolean } = {
  'Guest Service Interface': false,
  'Heartbeat': true,
  'Key-Value Pair Exchange': false,
  'Shutdown': true,
  'Time Synchronization': true,
  'VSS': true,
};
const INTEGRATION_SERVICE_NAMES = Object.keys(MINIMAL_INTEGRATION_SERVICES);

/**
 * A hardened Hyper-V VM (`hyperv_machine_instance`) with its disks (`hyperv_vhd`), from a `VmSpec`.
 *
 * Secure defaults, each with the prop that loosens it:
 * - Generation 2 (UEFI) with Secure Boot and the template that fits the guest (HV-GENERATION-2,
 *   HV-SECURE-BOOT; `spec.firmware`, `secureBoot`, `secureBootTemplate`); boots only from its OS disk.
 * - Static memory (`dynamicMemory`), production-only checkpoints (HV-CHECKPOINT-TYPE; `checkpointType`).
 * - Every adaptor: MAC spoofing off, DHCP guard and router guard on, no port mirroring
 *   (HV-MAC-SPOOFING, HV-DHCP-GUARD, HV-ROUTER-GUARD, HV-PORT-MIRRORING; `allowMacAddressSpoofing`),
 *   access-mode VLAN when `vlanId` or `adaptorVlanIds` gives one (HV-VLAN-ACCESS).
 * - Minimal integration services: Guest Service Interface (host-to-guest file copy) and KVP exchange
 *   off (HV-GUEST-SERVICE-INTERFACE; `integrationServices`, `reportGuestIps`).
 * - No nested virtualization, host resource protection on (HV-NESTED-VIRT, HV-HOST-RESOURCE-PROTECTION),
 *   console locked on disconnect (HV-LOCK-ON-DISCONNECT).
 * - Automatic start if it was running, clean guest shutdown when the host stops (HV-AUTO-STOP).
 * - The VM and its disks are protected from destroy (`removalPolicy`).
 *
 * Not expressible with taliesins/hyperv 1.2.1, reported as info on every VM: a virtual TPM (needs a
 * key protector set on the host) and failover-cluster HA.
 */
export class HypervSecureVm extends Construct implements IVirtualMachine {
  /** The underlying `hyperv_machine_instance`. */
  public readonly resource: HypervMachineInstanceResource;
  /** The disks, in `spec.disks` order (the boot disk first). */
  public readonly disks: HypervVhd[];
  public readonly virtualMachineName: string;
  public readonly virtualMachineId: string;
  public readonly spec: VmSpec;
  public readonly hypervisor: Hypervisor = Hypervisor.HYPERV;
  public readonly pciPassthroughEnabled: boolean = false;
  /** The VM generation: 2 (UEFI) or 1 (BIOS). */
  public readonly generation: number;
  /** Whether Secure Boot is on. */
  public readonly secureBoot: boolean;

  constructor(scope: Construct, id: string, props: HypervSecureVmProps) {
    checkConstruct(scope, id, 'HypervSecureVm', [props]);
    super(scope, id);
    const spec = resolveVmSpec(this, 'spec', props?.spec);
    checkWindowsPath(this, 'storagePath', props.storagePath);
    const efi = spec.firmware === Firmware.EFI;
    const windows = spec.guestOsFamily === GuestOsFamily.WINDOWS;

    // --- generation and secure boot
    if (props.secureBoot === true && !efi) {
      throw invalid(this, 'secureBoot', 'needs a generation 2 (EFI) VM', 'spec.firmware=bios', 'Set spec.firmware to Firmware.EFI, or drop secureBoot.');
    }
    if (props.secureBootTemplate !== undefined && !efi) {
      throw invalid(this, 'secureBootTemplate', 'needs a generation 2 (EFI) VM', props.secureBootTemplate, 'Set spec.firmware to Firmware.EFI, or drop secureBootTemplate.');
    }
    if (props.secureBootTemplate !== undefined && !Object.values(HypervSecureBootTemplate).includes(props.secureBootTemplate)) {
      throw invalid(this, 'secureBootTemplate', 'is not a Hyper-V Secure Boot template', props.secureBootTemplate,
        'Use HypervSecureBootTemplate.MICROSOFT_WINDOWS, MICROSOFT_UEFI_CA or OPEN_SOURCE_SHIELDED_VM.');
    }
    if (windows && props.secureBootTemplate !== undefined && props.secureBootTemplate !== HypervSecureBootTemplate.MICROSOFT_WINDOWS) {
      throw invalid(this, 'secureBootTemplate', 'does not boot Windows', props.secureBootTemplate, 'Use HypervSecureBootTemplate.MICROSOFT_WINDOWS for Windows guests.');
    }
    if (!windows && props.secureBootTemplate === HypervSecureBootTemplate.MICROSOFT_WINDOWS) {
      throw invalid(this, 'secureBootTemplate', 'only boots Windows, but spec.guestOsFamily is LINUX', props.secureBootTemplate,
        'Use HypervSecureBootTemplate.MICROSOFT_UEFI_CA (or OPEN_SOURCE_SHIELDED_VM) for Linux guests.');
    }
    this.generation = efi ? 2 : 1;
    this.secureBoot = props.secureBoot ?? efi;
    const template = props.secureBootTemplate ?? (windows ? HypervSecureBootTemplate.MICROSOFT_WINDOWS : HypervSecureBootTemplate.MICROSOFT_UEFI_CA);

    // --- spec fields Hyper-V cannot take: rejected, never dropped
    if (spec.cloudInitUserData !== undefined) {
      throw invalid(this, 'spec.cloudInitUserData', 'is not supported on Hyper-V (taliesins/hyperv has no guest data channel)', '<user data>',
        'Bake the configuration into the golden disk (bootDiskSource), or attach a NoCloud seed ISO with the raw hyperv_iso_image resource.');
    }
    spec.networks!.forEach((net, i) => {
      if (net.ipv4Address !== undefined) {
        throw invalid(this, `spec.networks[${i}].ipv4Address`, 'cannot be set by the Hyper-V provider (no guest customization)', net.ipv4Address,
          'Drop it and use DHCP, or configure the address in the golden disk.');
      }
      if (net.sriovPhysicalFunction !== undefined) {
        throw invalid(this, `spec.networks[${i}].sriovPhysicalFunction`, 'is vSphere only', net.sriovPhysicalFunction, 'Drop it on Hyper-V.');
      }
    });
    if (spec.networks!.length > 8) {
      throw invalid(this, 'spec.networks', 'has more than 8 adaptors', spec.networks!.length, 'A Hyper-V VM takes at most 8 synthetic network adaptors.');
    }
    if (spec.disks!.length > 64) {
      throw invalid(this, 'spec.disks', 'has more than 64 disks', spec.disks!.length, 'This VM uses one SCSI controller, which takes 64 disks.');
    }
    if (!efi && spec.disks!.length > 4) {
      throw invalid(this, 'spec.disks', 'has more than 4 disks on a generation 1 VM (two IDE controllers of two)', spec.disks!.length, 'Use Firmware.EFI (generation 2, SCSI) or fewer disks.');
    }
    if (!isUnresolved(spec.memoryMiB) && spec.memoryMiB < 32) {
      throw invalid(this, 'spec.memoryMiB', 'is below the Hyper-V minimum of 32 MiB', spec.memoryMiB, 'Give at least 32 MiB (512 or more for a real guest).');
    }
    if (spec.coresPerSocket !== 1) {
      Annotations.of(this).addInfo(`spec.coresPerSocket (${spec.coresPerSocket}) is not applied: Hyper-V derives the topology from the host (processor_count = ${spec.cpus}).`);
    }

    // --- memory
    const dyn = props.dynamicMemory;
    if (dyn !== undefined && !isUnresolved(spec.memoryMiB)) {
      checkIntegerRange(this, 'dynamicMemory.minimumMiB', dyn.minimumMiB, 32, spec.memoryMiB, `Give 32 to spec.memoryMiB (${spec.memoryMiB}) MiB.`);
      checkIntegerRange(this, 'dynamicMemory.maximumMiB', dyn.maximumMiB, spec.memoryMiB, 12 * 1024 * 1024,
        `Give at least spec.memoryMiB (${spec.memoryMiB}) MiB: the startup memory must fit under the ceiling.`);
      for (const key of ['minimumMiB', 'maximumMiB'] as const) {
        if (dyn[key] % 2 !== 0) throw invalid(this, `dynamicMemory.${key}`, 'must be a multiple of 2 MiB', dyn[key], 'Round it to an even number of MiB.');
      }
    }

    // --- network adaptors
    if (props.vlanId !== undefined) {
      checkIntegerRange(this, 'vlanId', props.vlanId, 1, 4094, 'Give an access VLAN id from 1 to 4094 (0 would leave the adaptor untagged).');
    }
    const perAdaptor = props.adaptorVlanIds;
    if (perAdaptor !== undefined) {
      if (props.vlanId !== undefined) {
        throw invalid(this, 'adaptorVlanIds', 'cannot be combined with vlanId', perAdaptor, 'Give either one VLAN for every adaptor (vlanId) or one per adaptor (adaptorVlanIds).');
      }
      if (!Array.isArray(perAdaptor) || perAdaptor.length > spec.networks!.length) {
        throw invalid(this, 'adaptorVlanIds', `must list at most one VLAN per spec.networks entry (${spec.networks!.length})`, perAdaptor, 'Give one id per adaptor, 0 for untagged.');
      }
      perAdaptor.forEach((v, i) => checkIntegerRange(this, `adaptorVlanIds[${i}]`, v, 0, 4094, 'Give an access VLAN id from 1 to 4094, or 0 for untagged.'));
    }
    const vlanOf = (i: number): number | undefined => {
      const v = perAdaptor !== undefined ? perAdaptor[i] : props.vlanId;
      return v === undefined || v === 0 ? undefined : v;
    };
    const checkpointType = props.checkpointType ?? HypervCheckpointType.PRODUCTION_ONLY;
    if (!Object.values(HypervCheckpointType).includes(checkpointType)) {
      throw invalid(this, 'checkpointType', 'is not a Hyper-V checkpoint type', checkpointType, 'Use a HypervCheckpointType value, e.g. PRODUCTION_ONLY.');
    }
    const startAction = props.automaticStartAction ?? HypervAutomaticStartAction.START_IF_RUNNING;
    if (!Object.values(HypervAutomaticStartAction).includes(startAction)) {
      throw invalid(this, 'automaticStartAction', 'is not a Hyper-V start action', startAction, 'Use a HypervAutomaticStartAction value.');
    }
    const stopAction = props.automaticStopAction ?? HypervAutomaticStopAction.SHUT_DOWN;
    if (!Object.values(HypervAutomaticStopAction).includes(stopAction)) {
      throw invalid(this, 'automaticStopAction', 'is not a Hyper-V stop action', stopAction, 'Use a HypervAutomaticStopAction value.');
    }
    if (props.automaticStartDelaySeconds !== undefined) {
      checkIntegerRange(this, 'automaticStartDelaySeconds', props.automaticStartDelaySeconds, 0, 86400, 'Give seconds, 0 to 86400.');
    }
    const reportIps = props.reportGuestIps ?? false;
    const services: { [name: string]: boolean } = { ...MINIMAL_INTEGRATION_SERVICES, 'Key-Value Pair Exchange': reportIps };
    for (const [name, on] of Object.entries(props.integrationServices ?? {})) {
      if (!INTEGRATION_SERVICE_NAMES.includes(name)) {
        throw invalid(this, `integrationServices["${name}"]`, 'is not a Hyper-V integration service', name, `Use one of ${INTEGRATION_SERVICE_NAMES.join(', ')} (display names, as Hyper-V reports them).`);
      }
      if (typeof on !== 'boolean') {
        throw invalid(this, `integrationServices["${name}"]`, 'must be true or false', on, 'Give a boolean.');
      }
      services[name] = on;
    }
    if (reportIps && services['Key-Value Pair Exchange'] === false) {
      throw invalid(this, 'integrationServices["Key-Value Pair Exchange"]', 'must stay on with reportGuestIps (guests report addresses through it)', false,
        'Drop the override, or set reportGuestIps: false.');
    }

    // --- warnings for loosened defaults
    const warn = (message: string) => Annotations.of(this).addWarning(message);
    if (!efi) warn('spec.firmware is BIOS: a generation 1 VM without Secure Boot; HV-GENERATION-2 and HV-SECURE-BOOT will report it.');
    else if (!this.secureBoot) warn('secureBoot is false; HV-SECURE-BOOT will report it.');
    if (props.allowMacAddressSpoofing === true) warn('allowMacAddressSpoofing is true; HV-MAC-SPOOFING will report it.');
    if (props.nestedVirtualization === true) warn('nestedVirtualization is true: the guest can run its own hypervisor; HV-NESTED-VIRT will report it.');
    if (services['Guest Service Interface']) warn('the Guest Service Interface is on: the host can copy files into the guest; HV-GUEST-SERVICE-INTERFACE will report it.');
    if (checkpointType === HypervCheckpointType.STANDARD || checkpointType === HypervCheckpointType.PRODUCTION) {
      warn(`checkpointType is ${checkpointType}: checkpoints may save guest memory to the host disk; HV-CHECKPOINT-TYPE will report it.`);
    }
    if (stopAction === HypervAutomaticStopAction.SAVE) warn('automaticStopAction is Save: guest memory is written to the host disk; HV-AUTO-STOP will report it.');
    if (props.removalPolicy === RemovalPolicy.DESTROY) warn('removalPolicy is DESTROY: terraform destroy deletes the VM and its disks.');
    addSynthNote(this, 'hyperv-vtpm', 'A virtual TPM is not expressible with taliesins/hyperv 1.2.1: set a key protector and enable the TPM on the host with the VM off (Set-VMKeyProtector, Enable-VMTPM) and audit after apply.');

    // --- disks: one SCSI controller, the boot disk at location 0
    const folder = `${props.storagePath.replace(/\\+$/, '')}\\${spec.name}`;
    this.disks = spec.disks!.map((disk, i) => new HypervVhd(this, `Disk-${disk.label}`, {
      path: `${folder}\\${disk.label}.vhdx`,
      sizeGiB: disk.sizeGiB,
      source: i === 0 ? props.bootDiskSource : undefined,
      vhdType: i === 0 && props.bootDiskSource !== undefined ? undefined : (disk.thinProvisioned === false ? HypervVhdType.FIXED : HypervVhdType.DYNAMIC),
      removalPolicy: props.removalPolicy,
    }));

    const adaptors: HypervMachineInstanceNetworkAdaptors[] = spec.networks!.map((net, i) => ({
      name: `nic${i}`,
      switchName: net.networkId,
      macAddressSpoofing: props.allowMacAddressSpoofing === true ? 'On' : 'Off',
      dhcpGuard: 'On',
      routerGuard: 'On',
      portMirroring: 'None',
      vlanAccess: vlanOf(i) !== undefined ? true : undefined,
      vlanId: vlanOf(i),
      waitForIps: reportIps,
    }));

    this.spec = spec;
    this.virtualMachineName = spec.name;
    this.resource = new HypervMachineInstanceResource(this, 'Resource', {
      name: spec.name,
      path: props.storagePath,
      generation: this.generation,
      notes: props.notes ?? 'Managed by cdktf-hybrid',
      processorCount: spec.cpus,
      staticMemory: dyn === undefined ? true : undefined,
      dynamicMemory: dyn !== undefined ? true : undefined,
      memoryStartupBytes: spec.memoryMiB * MIB,
      memoryMinimumBytes: dyn !== undefined ? dyn.minimumMiB * MIB : undefined,
      memoryMaximumBytes: dyn !== undefined ? dyn.maximumMiB * MIB : undefined,
      checkpointType,
      automaticStartAction: startAction,
      automaticStartDelay: props.automaticStartDelaySeconds,
      automaticStopAction: stopAction,
      automaticCriticalErrorAction: 'Pause',
      lockOnDisconnect: 'On',
      state: 'Running',
      integrationServices: services,
      vmProcessor: [{ exposeVirtualizationExtensions: props.nestedVirtualization === true, enableHostResourceProtection: true }],
      vmFirmware: efi ? [{
        enableSecureBoot: this.secureBoot ? 'On' : 'Off',
        secureBootTemplate: this.secureBoot ? template : undefined,
        bootOrder: [{ bootType: 'HardDiskDrive', controllerNumber: 0, controllerLocation: 0 }],
        pauseAfterBootFailure: 'Off',
      }] : undefined,
      networkAdaptors: adaptors.length > 0 ? adaptors : undefined,
      hardDiskDrives: this.disks.map((disk, i) => ({
        controllerType: efi ? 'Scsi' : 'Ide',
        controllerNumber: efi ? 0 : Math.floor(i / 2),
        controllerLocation: efi ? i : i % 2,
        path: disk.vhdPath,
      })),
      waitForIpsTimeout: reportIps ? 300 : undefined,
    });
    RemovalPolicies.apply(this.resource, props.removalPolicy);
    this.virtualMachineId = this.resource.id;
  }
}
