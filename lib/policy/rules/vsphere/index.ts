import { IPolicyRule, Severity } from '../../rule';
import { UndecidableControl } from '../undecidable-control';
import { netDvpgForged } from './net-dvpg-forged';
import { netDvpgMacchange } from './net-dvpg-macchange';
import { NativeVlanRule } from './net-dvpg-native-vlan';
import { netDvpgNoPortOverride } from './net-dvpg-no-port-override';
import { VlanTrunkRule } from './net-dvpg-no-trunk';
import { netDvpgPromiscuous } from './net-dvpg-promiscuous';
import { ReservedVlanRule } from './net-dvpg-reserved-vlan';
import { netDvpgResetDisconnect } from './net-dvpg-reset-disconnect';
import { netDvsDiscovery } from './net-dvs-discovery';
import { netDvsNioc } from './net-dvs-nioc';
import { NetFlowRule } from './net-netflow';
import { netVssForged } from './net-vss-forged';
import { netVssMacchange } from './net-vss-macchange';
import { netVssNoOverride } from './net-vss-no-override';
import { netVssNoVgt } from './net-vss-no-vgt';
import { netVssPromiscuous } from './net-vss-promiscuous';
import { pt64bitMmio } from './pt-64bit-mmio';
import { ApprovedPciDeviceRule } from './pt-approved-device';
import { ptEfiFirmware } from './pt-efi-firmware';
import { ptFullMemReservation } from './pt-full-mem-reservation';
import { ptHostPinned } from './pt-host-pinned';
import { MmioSizeRule } from './pt-mmio-size';
import { ptNoHa } from './pt-no-ha';
import { ptNoHotadd } from './pt-no-hotadd';
import { ptNoMigration } from './pt-no-migration';
import { ptNoSnapshot } from './pt-no-snapshot';
import { ptSriov } from './pt-sriov';
import { vmBootDevices } from './vm-boot-devices';
import { vmConsoleAutolock } from './vm-console-autolock';
import { vmConsoleGuioptions } from './vm-console-guioptions';
import { vmConsoleMaxconn } from './vm-console-maxconn';
import { vmDeviceConnectable } from './vm-device-connectable';
import { vmDiskPersistent } from './vm-disk-persistent';
import { vmEfiSecureboot } from './vm-efi-secureboot';
import { VmEncryptionRule } from './vm-encryption';
import { vmExtraConfigApply } from './vm-extra-config-apply';
import { vmHostinfo } from './vm-hostinfo';
import { VmHardwareVersionRule } from './vm-hw-version';
import { vmIsolationCopy } from './vm-isolation-copy';
import { vmIsolationDiskshrink } from './vm-isolation-diskshrink';
import { vmIsolationDiskwiper } from './vm-isolation-diskwiper';
import { vmIsolationDnd } from './vm-isolation-dnd';
import { vmIsolationPaste } from './vm-isolation-paste';
import { vmLogKeepold } from './vm-log-keepold';
import { vmLogRotateSize } from './vm-log-rotate-size';
import { vmLogging } from './vm-logging';
import { vmNo3d } from './vm-no-3d';
import { vmNoCdrom } from './vm-no-cdrom';
import { VmDvFilterRule } from './vm-no-dvfilter';
import { vmNoHotadd } from './vm-no-hotadd';
import { vmNoPassthrough } from './vm-no-passthrough';
import { vmNoPshareSalt } from './vm-no-pshare-salt';
import { vmSetinfoSize } from './vm-setinfo-size';
import { vmVbs } from './vm-vbs';
import { vmVmxdndVersionget } from './vm-vmxdnd-versionget';
import { VmVtpmRule } from './vm-vtpm';

export * from './net-dvpg-native-vlan';
export * from './net-dvpg-no-trunk';
export * from './net-dvpg-reserved-vlan';
export * from './net-netflow';
export * from './pt-approved-device';
export * from './pt-mmio-size';
export * from './vm-encryption';
export * from './vm-hw-version';
export * from './vm-no-dvfilter';
export * from './vm-vtpm';
export * from './vlan-range';

/**
 * The vSphere pack with default site inputs, in baseline order: virtual machines (VM-*),
 * distributed and standard switching (NET-*) and hardware passthrough (PT-*).
 * Build your own list with configured rule classes to change a site input.
 */
export const VSPHERE_RULES: IPolicyRule[] = [
  vmIsolationCopy,
  vmIsolationDnd,
  vmIsolationPaste,
  vmIsolationDiskshrink,
  vmIsolationDiskwiper,
  vmConsoleMaxconn,
  vmSetinfoSize,
  vmDeviceConnectable,
  vmHostinfo,
  vmNoPshareSalt,
  new VmDvFilterRule(),
  vmConsoleAutolock,
  vmNo3d,
  vmLogRotateSize,
  vmLogKeepold,
  vmLogging,
  vmDiskPersistent,
  vmNoCdrom,
  vmNoPassthrough,
  vmConsoleGuioptions,
  vmVmxdndVersionget,
  vmBootDevices,
  vmEfiSecureboot,
  new VmHardwareVersionRule(),
  new VmVtpmRule(),
  vmVbs,
  new VmEncryptionRule(),
  vmNoHotadd,
  vmExtraConfigApply,
  netDvpgPromiscuous,
  netDvpgForged,
  netDvpgMacchange,
  netDvpgNoPortOverride,
  netDvpgResetDisconnect,
  new NetFlowRule(),
  new NativeVlanRule(),
  new VlanTrunkRule(),
  new ReservedVlanRule(),
  netDvsDiscovery,
  netDvsNioc,
  netVssPromiscuous,
  netVssForged,
  netVssMacchange,
  netVssNoOverride,
  netVssNoVgt,
  new ApprovedPciDeviceRule(),
  ptHostPinned,
  ptFullMemReservation,
  ptEfiFirmware,
  pt64bitMmio,
  new MmioSizeRule(),
  ptNoSnapshot,
  ptNoMigration,
  ptNoHa,
  ptNoHotadd,
  ptSriov,
];

/** vSphere controls of the baseline that no resource attribute can decide, and how they are met. */
export const VSPHERE_NOT_DECIDABLE: UndecidableControl[] = [
  { controlId: 'VM-VMOTION-ENCRYPT', severity: Severity.MEDIUM, source: 'STIG VMCH-80-000203; SCG8 vm-8.vmotion-encrypted', reason: 'vsphere_virtual_machine 2.15.0 has no migrate-encryption attribute.', metBy: 'VM-ENCRYPTION (encrypted VMs always use encrypted vMotion); otherwise an audit after apply' },
  { controlId: 'VM-FT-ENCRYPT', severity: Severity.MEDIUM, source: 'STIG VMCH-80-000204; SCG8 vm-8.ft-encrypted', reason: 'The provider has no Fault Tolerance attributes.', metBy: 'not applicable unless FT is used; audit' },
  { controlId: 'VM-NO-FLOPPY', severity: Severity.MEDIUM, source: 'STIG VMCH-80-000209; SCG8 vm-8.remove-unnecessary-devices', reason: 'The provider cannot add or remove floppy drives; a clone inherits the template\'s devices.', metBy: 'template/OVF hygiene plus a post-apply audit' },
  { controlId: 'VM-NO-PARALLEL', severity: Severity.MEDIUM, source: 'STIG VMCH-80-000211; SCG8 vm-8.remove-unnecessary-devices', reason: 'Parallel ports are not exposed by the provider.', metBy: 'template hygiene plus a post-apply audit' },
  { controlId: 'VM-NO-SERIAL', severity: Severity.MEDIUM, source: 'STIG VMCH-80-000212; SCG8 vm-8.remove-unnecessary-devices', reason: 'Serial ports are not exposed by the provider.', metBy: 'template hygiene plus a post-apply audit' },
  { controlId: 'VM-NO-USB', severity: Severity.MEDIUM, source: 'STIG VMCH-80-000213; SCG8 vm-8.remove-unnecessary-devices', reason: 'USB controllers and devices are not exposed by the provider.', metBy: 'template hygiene plus a post-apply audit' },
  { controlId: 'NET-DVS-HEALTHCHECK', severity: Severity.MEDIUM, source: 'STIG VCSA-80-000267', reason: 'vsphere_distributed_virtual_switch 2.15.0 has no health-check attributes.', metBy: 'vSphere default (off); audit' },
  { controlId: 'NET-DVS-PORT-MIRROR', severity: Severity.MEDIUM, source: 'STIG VCSA-80-000300; SCG8 vcenter-8.network-restrict-port-mirroring', reason: 'The provider has no port-mirroring resource.', metBy: 'compliant by construction for what Terraform creates; audit' },
  { controlId: 'NET-DVPG-MAC-LEARNING', severity: Severity.LOW, source: 'SCG8 vcenter-8.network-mac-learning', reason: 'MAC learning is not exposed by the provider.', metBy: 'vSphere default (off)' },
  { controlId: 'PT-VGPU', severity: Severity.MEDIUM, source: 'VSDOC vSphere Resource Management, shared PCI device / vGPU', reason: 'vsphere_virtual_machine 2.15.0 has no shared_pci_device_id; vGPUs attach only through Supervisor VM classes.', metBy: 'the Passthrough profile rejects vGPU requests; use a VM class' },
];
