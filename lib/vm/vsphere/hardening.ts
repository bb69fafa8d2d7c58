/** One advanced setting the STIG / SCG hardening profile writes into `extra_config`. */
export interface HardeningSetting {
  /** The `extra_config` key, e.g. `isolation.tools.copy.disable`. */
  readonly key: string;
  /** The secure value, as the string vSphere stores. */
  readonly value: string;
  /** The library's control id, e.g. `VM-ISOLATION-COPY`. */
  readonly controlId: string;
  /** The source item, e.g. `STIG VMCH-80-000189`. */
  readonly source: string;
}

/** A baseline control that no attribute of vmware/vsphere 2.15.0 can express; it has to be met and audited outside Terraform. */
export interface UnexpressibleControl {
  /** The library's control id, e.g. `VM-NO-FLOPPY`. */
  readonly controlId: string;
  /** The source item, e.g. `STIG VMCH-80-000209`. */
  readonly source: string;
  /** What the control requires. */
  readonly requirement: string;
  /** How to meet it instead. */
  readonly howToMeet: string;
}

const SETTINGS: HardeningSetting[] = [
  { key: 'isolation.tools.copy.disable', value: 'TRUE', controlId: 'VM-ISOLATION-COPY', source: 'STIG VMCH-80-000189' },
  { key: 'isolation.tools.dnd.disable', value: 'TRUE', controlId: 'VM-ISOLATION-DND', source: 'STIG VMCH-80-000191' },
  { key: 'isolation.tools.paste.disable', value: 'TRUE', controlId: 'VM-ISOLATION-PASTE', source: 'STIG VMCH-80-000192' },
  { key: 'isolation.tools.diskShrink.disable', value: 'TRUE', controlId: 'VM-ISOLATION-DISKSHRINK', source: 'STIG VMCH-80-000193' },
  { key: 'isolation.tools.diskWiper.disable', value: 'TRUE', controlId: 'VM-ISOLATION-DISKWIPER', source: 'STIG VMCH-80-000194' },
  { key: 'RemoteDisplay.maxConnections', value: '1', controlId: 'VM-CONSOLE-MAXCONN', source: 'STIG VMCH-80-000195' },
  { key: 'tools.setInfo.sizeLimit', value: '1048576', controlId: 'VM-SETINFO-SIZE', source: 'STIG VMCH-80-000196' },
  { key: 'isolation.device.connectable.disable', value: 'TRUE', controlId: 'VM-DEVICE-CONNECTABLE', source: 'STIG VMCH-80-000197' },
  { key: 'tools.guestlib.enableHostInfo', value: 'FALSE', controlId: 'VM-HOSTINFO', source: 'STIG VMCH-80-000198' },
  { key: 'tools.guest.desktop.autolock', value: 'TRUE', controlId: 'VM-CONSOLE-AUTOLOCK', source: 'STIG VMCH-80-000201' },
  { key: 'mks.enable3d', value: 'FALSE', controlId: 'VM-NO-3D', source: 'STIG VMCH-80-000202' },
  { key: 'log.rotateSize', value: '2048000', controlId: 'VM-LOG-ROTATE-SIZE', source: 'STIG VMCH-80-000205' },
  { key: 'log.keepOld', value: '10', controlId: 'VM-LOG-KEEPOLD', source: 'STIG VMCH-80-000206' },
  { key: 'isolation.tools.setGUIOptions.enable', value: 'FALSE', controlId: 'VM-CONSOLE-GUIOPTIONS', source: 'SCG8 VM parameters note' },
  { key: 'isolation.tools.vmxDnDVersionGet.disable', value: 'TRUE', controlId: 'VM-VMXDND-VERSIONGET', source: 'SCG8 VM parameters note' },
  { key: 'bios.bootDeviceClasses', value: 'allow:hd', controlId: 'VM-BOOT-DEVICES', source: 'SCG9 vm-9.efi-boot-types' },
];

const UNEXPRESSIBLE: UnexpressibleControl[] = [
  {
    controlId: 'VM-VMOTION-ENCRYPT', source: 'STIG VMCH-80-000203',
    requirement: 'vMotion encryption Opportunistic or Required',
    howToMeet: 'no migrate-encryption attribute in vmware/vsphere 2.15.0: set storagePolicyId to an encryption policy (encrypted VMs always use encrypted vMotion) or audit the VM after apply',
  },
  {
    controlId: 'VM-FT-ENCRYPT', source: 'STIG VMCH-80-000204',
    requirement: 'Fault Tolerance traffic encrypted',
    howToMeet: 'no Fault Tolerance attributes in vmware/vsphere 2.15.0; not applicable unless FT is turned on outside Terraform',
  },
  {
    controlId: 'VM-NO-FLOPPY', source: 'STIG VMCH-80-000209',
    requirement: 'no floppy device',
    howToMeet: 'the provider cannot add or remove floppies and a clone inherits the template\'s devices: remove it from the template and audit after apply',
  },
  {
    controlId: 'VM-NO-PARALLEL', source: 'STIG VMCH-80-000211',
    requirement: 'no parallel port',
    howToMeet: 'not expressible in vmware/vsphere 2.15.0: keep the template clean and audit after apply',
  },
  {
    controlId: 'VM-NO-SERIAL', source: 'STIG VMCH-80-000212',
    requirement: 'no serial port',
    howToMeet: 'not expressible in vmware/vsphere 2.15.0: keep the template clean and audit after apply',
  },
  {
    controlId: 'VM-NO-USB', source: 'STIG VMCH-80-000213',
    requirement: 'no USB devices or controllers (smart-card readers excepted)',
    howToMeet: 'not expressible in vmware/vsphere 2.15.0: keep the template clean and audit after apply',
  },
];

/**
 * The VM hardening profile of the DISA vSphere 8 STIG (VMCH-80-*) and the vSphere 8 Security
 * Configuration Guide, as `SecureVirtualMachine` applies it.
 *
 * `SecureVirtualMachine` writes every setting of `extraConfigSettings()` into `extra_config`
 * (keys and values exactly as in security-baseline.md section 3). Besides these it sets
 * `enable_logging = true` (VMCH-80-000207), `disk[].disk_mode = "persistent"` (VMCH-80-000208),
 * no `cdrom` block (VMCH-80-000210), no `pci_device_id` (VMCH-80-000214) unless the passthrough
 * profile is used, and never writes `sched.mem.pshare.salt` (VMCH-80-000199) or
 * `ethernet*.filter*.name` (VMCH-80-000200).
 *
 * The controls in `unexpressibleControls()` have no attribute in vmware/vsphere 2.15.0. Every
 * `SecureVirtualMachine` reports each of them as an info annotation naming the control id, so
 * the gap is never silent; meet them in the template and audit after apply.
 */
export class VmHardening {
  /** The `extra_config` settings of the profile, with their control ids and sources. */
  public static extraConfigSettings(): HardeningSetting[] {
    return SETTINGS.map((s) => ({ ...s }));
  }

  /** The profile as an `extra_config` map. */
  public static extraConfig(): { [key: string]: string } {
    const config: { [key: string]: string } = {};
    for (const s of SETTINGS) config[s.key] = s.value;
    return config;
  }

  /** The VM controls that vmware/vsphere 2.15.0 cannot express, and how to meet them instead. */
  public static unexpressibleControls(): UnexpressibleControl[] {
    return UNEXPRESSIBLE.map((c) => ({ ...c }));
  }

  private constructor() {}
}
