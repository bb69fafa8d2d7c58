// The rule objects of the pack, loaded on first use by PolicyPacks (see packs.ts): `require('cdktf-hybrid')`
// does not read them (cold require, issue #17).
import { IPolicyRule } from '../../rule';
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
