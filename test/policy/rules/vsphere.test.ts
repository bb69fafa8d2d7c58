import {
  ApprovedPciDeviceRule, ComplianceStatus, IPolicyRule, MmioSizeRule, NativeVlanRule, NetFlowRule, NOT_DECIDABLE, PolicyResource, ReservedVlanRule,
  VlanTrunkRule, VmDvFilterRule, VmEncryptionRule, VmHardwareVersionRule, VmVtpmRule, VSPHERE_NOT_DECIDABLE,
} from '../../../lib';
import { VSPHERE_RULES } from '../../../lib/policy/rules/vsphere/pack';
import { Attributes, baselineIds, check, describeIds, describePack, patch, RuleCase, summary, VM_HARDENING } from './helpers';
import { rejection } from '../../rejection';

const U = '${var.unresolved}';
const VM = 'vsphere_virtual_machine';
const rule = (id: string): IPolicyRule => VSPHERE_RULES.find((r) => r.ruleId === id)!;

const HARDENING = VM_HARDENING;
const hardenedConfig = Object.fromEntries(Object.values(HARDENING).map(([key, value]) => [key, value]));
const ENCRYPTION = '${data.vsphere_storage_policy.encryption.id}';

/** A hardened VM as the library renders it. */
const goodVm: Attributes = {
  name: 'app01',
  resource_pool_id: '${data.vsphere_compute_cluster.prod.resource_pool_id}',
  datastore_id: '${data.vsphere_datastore.ds.id}',
  num_cpus: 2,
  memory: 4096,
  guest_id: 'ubuntu64Guest',
  firmware: 'efi',
  efi_secure_boot_enabled: true,
  hardware_version: 20,
  enable_logging: true,
  storage_policy_id: ENCRYPTION,
  network_interface: [{ network_id: '${data.vsphere_network.app.id}' }],
  disk: [{ label: 'disk0', size: 40, storage_policy_id: ENCRYPTION }],
  clone: { template_uuid: '${data.vsphere_virtual_machine.template.id}' },
  extra_config: hardenedConfig,
};
const withConfig = (vm: Attributes, extra: Attributes): Attributes => patch(vm, { extra_config: { ...vm.extra_config, ...extra } });

/** A passthrough VM as the library's Passthrough profile renders it. */
const ptVm: Attributes = patch(withConfig(goodVm, { 'pciPassthru.use64bitMMIO': 'TRUE', 'pciPassthru.64bitMMIOSizeGB': '256' }), {
  pci_device_id: ['${data.vsphere_host_pci_device.gpu.id}'],
  host_system_id: '${data.vsphere_host.esx01.id}',
  memory: 16384,
  memory_reservation: 16384,
  memory_reservation_locked_to_max: true,
});

const goodDvs = {
  name: 'dvs-prod', datacenter_id: '${data.vsphere_datacenter.dc.id}', allow_promiscuous: false, allow_forged_transmits: false, allow_mac_changes: false,
  link_discovery_operation: 'none', network_resource_control_enabled: true,
};
const goodDvpg = {
  name: 'pg-app', distributed_virtual_switch_uuid: '${vsphere_distributed_virtual_switch.prod.id}', vlan_id: 100,
  allow_promiscuous: false, allow_forged_transmits: false, allow_mac_changes: false,
};
const goodVss = { name: 'vSwitch1', host_system_id: 'host-1', network_adapters: ['vmnic1'], active_nics: ['vmnic1'], allow_promiscuous: false, allow_forged_transmits: false, allow_mac_changes: false };
const goodHostPg = { name: 'pg-app', host_system_id: 'host-1', virtual_switch_name: 'vSwitch1', vlan_id: 100 };

const DVS = 'vsphere_distributed_virtual_switch';
const DVPG = 'vsphere_distributed_port_group';
const VSS = 'vsphere_host_virtual_switch';
const HPG = 'vsphere_host_port_group';
const res = (resourceType: string, name: string, attributes: Attributes): PolicyResource => ({ resourceType, address: `${resourceType}.${name}`, attributes });
const drs = (attributes: Attributes) => res('vsphere_drs_vm_override', 'gpu', { compute_cluster_id: 'c', virtual_machine_id: '${vsphere_virtual_machine.subject.id}', ...attributes });
const ha = (attributes: Attributes) => res('vsphere_ha_vm_override', 'gpu', { compute_cluster_id: 'c', virtual_machine_id: '${vsphere_virtual_machine.subject.id}', ...attributes });

const cases: { [ruleId: string]: RuleCase } = {
  ...Object.fromEntries(Object.entries(HARDENING).map(([ruleId, [key, , insecure]]) => [ruleId, {
    pass: [goodVm],
    fail: [[withConfig(goodVm, { [key]: insecure }), `extra_config["${key}"]`], [patch(goodVm, { extra_config: {} }), `extra_config["${key}"]`]],
    unknown: withConfig(goodVm, { [key]: U }),
  } as RuleCase])),
  'VM-NO-PSHARE-SALT': {
    pass: [goodVm],
    fail: [[withConfig(goodVm, { 'sched.mem.pshare.salt': 'shared' }), 'extra_config["sched.mem.pshare.salt"]']],
    unknown: patch(goodVm, { extra_config: U }),
  },
  'VM-NO-DVFILTER': {
    pass: [goodVm],
    fail: [[withConfig(goodVm, { 'ethernet0.filter0.name': 'dvfilter-generic-vmware' }), 'extra_config["ethernet0.filter0.name"]']],
    unknown: withConfig(goodVm, { 'ethernet0.filter0.name': U }),
  },
  'VM-LOGGING': {
    pass: [goodVm],
    fail: [[patch(goodVm, { enable_logging: undefined }), 'enable_logging'], [patch(goodVm, { enable_logging: false }), 'enable_logging']],
    unknown: patch(goodVm, { enable_logging: U }),
  },
  'VM-DISK-PERSISTENT': {
    pass: [goodVm, patch(goodVm, { disk: [{ label: 'd0', disk_mode: 'independent_persistent' }] })],
    fail: [[patch(goodVm, { disk: [{ label: 'd0' }, { label: 'd1', disk_mode: 'independent_nonpersistent' }] }), 'disk[1].disk_mode']],
    unknown: patch(goodVm, { disk: [{ label: 'd0', disk_mode: U }] }),
  },
  'VM-NO-CDROM': {
    pass: [goodVm],
    fail: [[patch(goodVm, { cdrom: [{ client_device: true }] }), 'cdrom[0]'], [patch(goodVm, { cdrom: { datastore_id: 'ds', path: 'iso/x.iso' } }), 'cdrom']],
    unknown: patch(goodVm, { cdrom: U }),
  },
  'VM-NO-PASSTHROUGH': {
    pass: [goodVm, patch(goodVm, { pci_device_id: [] })],
    fail: [[patch(goodVm, { pci_device_id: ['0000:3b:00.0'] }), 'pci_device_id[0]']],
    unknown: patch(goodVm, { pci_device_id: U }),
  },
  'VM-EFI-SECUREBOOT': {
    pass: [goodVm],
    fail: [[patch(goodVm, { firmware: undefined }), 'firmware'], [patch(goodVm, { efi_secure_boot_enabled: false }), 'efi_secure_boot_enabled']],
    unknown: patch(goodVm, { firmware: U }),
  },
  'VM-HW-VERSION': {
    pass: [goodVm, patch(goodVm, { hardware_version: 17 })],
    fail: [[patch(goodVm, { hardware_version: 15 }), 'hardware_version'], [patch(goodVm, { hardware_version: undefined }), 'hardware_version']],
    unknown: patch(goodVm, { hardware_version: U }),
  },
  'VM-VTPM': {
    rule: new VmVtpmRule({ required: true }),
    pass: [patch(goodVm, { vtpm: { version: '2.0' } }), patch(goodVm, { vtpm: [{}] })],
    fail: [[goodVm, 'vtpm'], [patch(goodVm, { vtpm: { version: '2.0' }, firmware: 'bios' }), 'firmware']],
    unknown: patch(goodVm, { vtpm: { version: U } }),
  },
  'VM-VBS': {
    pass: [goodVm, patch(goodVm, { guest_id: 'windows2019srv_64Guest', vbs_enabled: true, vvtd_enabled: true, nested_hv_enabled: true })],
    fail: [[patch(goodVm, { guest_id: 'windows2019srv_64Guest' }), 'vbs_enabled'], [patch(goodVm, { nested_hv_enabled: true }), 'nested_hv_enabled']],
    unknown: patch(goodVm, { guest_id: U }),
  },
  'VM-ENCRYPTION': {
    rule: new VmEncryptionRule({ encryptionPolicyIds: [ENCRYPTION] }),
    pass: [goodVm],
    fail: [[patch(goodVm, { storage_policy_id: undefined }), 'storage_policy_id'], [patch(goodVm, { disk: [{ label: 'd0' }] }), 'disk[0].storage_policy_id'], [patch(goodVm, { storage_policy_id: 'aa-bb' }), 'storage_policy_id']],
    unknown: patch(goodVm, { storage_policy_id: '${var.policy}' }),
  },
  'VM-NO-HOTADD': {
    pass: [goodVm, patch(goodVm, { cpu_hot_add_enabled: false })],
    fail: [[patch(goodVm, { cpu_hot_add_enabled: true }), 'cpu_hot_add_enabled'], [patch(goodVm, { memory_hot_add_enabled: 'true' }), 'memory_hot_add_enabled']],
    unknown: patch(goodVm, { cpu_hot_remove_enabled: U }),
  },
  'VM-EXTRA-CONFIG-APPLY': {
    pass: [goodVm, patch(goodVm, { extra_config_reboot_required: true })],
    fail: [[patch(goodVm, { extra_config_reboot_required: false }), 'extra_config_reboot_required'], [patch(goodVm, { clone: undefined, ovf_deploy: { remote_ovf_url: 'https://x/a.ova' } }), 'ovf_deploy']],
    unknown: patch(goodVm, { extra_config_reboot_required: U }),
  },

  'NET-DVPG-PROMISCUOUS': {
    resourceType: DVPG,
    pass: [goodDvpg],
    fail: [[patch(goodDvpg, { allow_promiscuous: true }), 'allow_promiscuous'], [patch(goodDvpg, { allow_promiscuous: undefined }), 'allow_promiscuous']],
    unknown: patch(goodDvpg, { allow_promiscuous: U }),
  },
  'NET-DVPG-FORGED': {
    resourceType: DVPG,
    pass: [goodDvpg],
    fail: [[patch(goodDvpg, { allow_forged_transmits: true }), 'allow_forged_transmits']],
    unknown: patch(goodDvpg, { allow_forged_transmits: U }),
  },
  'NET-DVPG-MACCHANGE': {
    resourceType: DVPG,
    pass: [goodDvpg],
    fail: [[patch(goodDvpg, { allow_mac_changes: true }), 'allow_mac_changes']],
    unknown: patch(goodDvpg, { allow_mac_changes: U }),
  },
  'NET-DVPG-NO-PORT-OVERRIDE': {
    resourceType: DVPG,
    pass: [goodDvpg, patch(goodDvpg, { block_override_allowed: true, vlan_override_allowed: false })],
    fail: [[patch(goodDvpg, { vlan_override_allowed: true }), 'vlan_override_allowed'], [patch(goodDvpg, { security_policy_override_allowed: true }), 'security_policy_override_allowed']],
    unknown: patch(goodDvpg, { shaping_override_allowed: U }),
  },
  'NET-DVPG-RESET-DISCONNECT': {
    resourceType: DVPG,
    pass: [goodDvpg, patch(goodDvpg, { port_config_reset_at_disconnect: true })],
    fail: [[patch(goodDvpg, { port_config_reset_at_disconnect: false }), 'port_config_reset_at_disconnect']],
    unknown: patch(goodDvpg, { port_config_reset_at_disconnect: U }),
  },
  'NET-NETFLOW': {
    rule: new NetFlowRule({ approvedCollectors: ['10.0.0.50'] }),
    resourceType: DVS,
    pass: [goodDvs, patch(goodDvs, { netflow_collector_ip_address: '10.0.0.50', netflow_enabled: true })],
    fail: [[patch(goodDvs, { netflow_collector_ip_address: '192.0.2.9' }), 'netflow_collector_ip_address']],
    unknown: patch(goodDvs, { netflow_collector_ip_address: U }),
  },
  'NET-DVPG-NATIVE-VLAN': {
    resourceType: DVPG,
    pass: [goodDvpg, patch(goodDvpg, { vlan_id: undefined, vlan_range: [{ min_vlan: 100, max_vlan: 110 }] })],
    fail: [
      [patch(goodDvpg, { vlan_id: 1 }), 'vlan_id'], [patch(goodDvpg, { vlan_id: 0 }), 'vlan_id'], [patch(goodDvpg, { vlan_id: undefined }), 'vlan_id'],
      [patch(goodDvpg, { vlan_id: undefined, vlan_range: [{ min_vlan: 1, max_vlan: 10 }] }), 'vlan_range[0]'],
    ],
    unknown: patch(goodDvpg, { vlan_id: U }),
  },
  'NET-DVPG-NO-TRUNK': {
    resourceType: DVPG,
    pass: [goodDvpg],
    fail: [[patch(goodDvpg, { vlan_id: undefined, vlan_range: [{ min_vlan: 100, max_vlan: 200 }] }), 'vlan_range[0]']],
    unknown: patch(goodDvpg, { vlan_id: undefined, vlan_range: [{ min_vlan: U, max_vlan: 200 }] }),
  },
  'NET-DVPG-RESERVED-VLAN': {
    rule: new ReservedVlanRule({ reservedVlanRanges: [{ minVlan: 1001, maxVlan: 1024 }, { minVlan: 4094, maxVlan: 4094 }] }),
    resourceType: DVPG,
    pass: [goodDvpg, patch(goodDvpg, { vlan_id: undefined, vlan_range: [{ min_vlan: 100, max_vlan: 1000 }] })],
    fail: [[patch(goodDvpg, { vlan_id: 1002 }), 'vlan_id'], [patch(goodDvpg, { vlan_id: undefined, vlan_range: [{ min_vlan: 900, max_vlan: 1001 }] }), 'vlan_range[0]']],
    unknown: patch(goodDvpg, { vlan_id: U }),
  },
  'NET-DVS-DISCOVERY': {
    resourceType: DVS,
    pass: [goodDvs],
    fail: [[patch(goodDvs, { link_discovery_operation: undefined }), 'link_discovery_operation'], [patch(goodDvs, { link_discovery_operation: 'both' }), 'link_discovery_operation']],
    unknown: patch(goodDvs, { link_discovery_operation: U }),
  },
  'NET-DVS-NIOC': {
    resourceType: DVS,
    pass: [goodDvs],
    fail: [[patch(goodDvs, { network_resource_control_enabled: undefined }), 'network_resource_control_enabled']],
    unknown: patch(goodDvs, { network_resource_control_enabled: U }),
  },
  'NET-VSS-PROMISCUOUS': {
    resourceType: VSS,
    pass: [goodVss, patch(goodVss, { allow_promiscuous: undefined })],
    fail: [[patch(goodVss, { allow_promiscuous: true }), 'allow_promiscuous']],
    unknown: patch(goodVss, { allow_promiscuous: U }),
  },
  'NET-VSS-FORGED': {
    resourceType: VSS,
    pass: [goodVss],
    fail: [[patch(goodVss, { allow_forged_transmits: undefined }), 'allow_forged_transmits'], [patch(goodVss, { allow_forged_transmits: true }), 'allow_forged_transmits']],
    unknown: patch(goodVss, { allow_forged_transmits: U }),
  },
  'NET-VSS-MACCHANGE': {
    resourceType: VSS,
    pass: [goodVss],
    fail: [[patch(goodVss, { allow_mac_changes: undefined }), 'allow_mac_changes'], [patch(goodVss, { allow_mac_changes: true }), 'allow_mac_changes']],
    unknown: patch(goodVss, { allow_mac_changes: U }),
  },
  'NET-VSS-NO-OVERRIDE': {
    resourceType: HPG,
    pass: [goodHostPg],
    fail: [[patch(goodHostPg, { allow_promiscuous: false }), 'allow_promiscuous'], [patch(goodHostPg, { allow_mac_changes: true }), 'allow_mac_changes']],
    unknown: patch(goodHostPg, { allow_mac_changes: U }),
  },
  'NET-VSS-NO-VGT': {
    resourceType: HPG,
    pass: [goodHostPg],
    fail: [[patch(goodHostPg, { vlan_id: 4095 }), 'vlan_id']],
    unknown: patch(goodHostPg, { vlan_id: U }),
  },

  'PT-APPROVED-DEVICE': {
    rule: new ApprovedPciDeviceRule({ approvedDeviceIds: ['${data.vsphere_host_pci_device.gpu.id}', '0000:3b:00.0'] }),
    pass: [ptVm, patch(ptVm, { pci_device_id: ['0000:3B:00.0'] })],
    fail: [[patch(ptVm, { pci_device_id: ['0000:3b:00.0', '0000:af:00.0'] }), 'pci_device_id[1]']],
    unknown: patch(ptVm, { pci_device_id: ['${data.vsphere_host_pci_device.other.id}'] }),
  },
  'PT-HOST-PINNED': {
    pass: [ptVm],
    fail: [[patch(ptVm, { host_system_id: undefined }), 'host_system_id']],
    unknown: patch(ptVm, { pci_device_id: U }),
  },
  'PT-FULL-MEM-RESERVATION': {
    pass: [ptVm, patch(ptVm, { memory: '${var.memory}', memory_reservation: '${var.memory}' })],
    fail: [[patch(ptVm, { memory_reservation: 8192 }), 'memory_reservation'], [patch(ptVm, { memory_reservation_locked_to_max: undefined }), 'memory_reservation_locked_to_max']],
    unknown: patch(ptVm, { memory: U }),
  },
  'PT-EFI-FIRMWARE': {
    pass: [ptVm],
    fail: [[patch(ptVm, { firmware: 'bios' }), 'firmware'], [patch(ptVm, { efi_secure_boot_enabled: undefined }), 'efi_secure_boot_enabled']],
    unknown: patch(ptVm, { firmware: U }),
  },
  'PT-64BIT-MMIO': {
    pass: [ptVm, withConfig(ptVm, { 'pciPassthru.use64bitMMIO': 'true' })],
    fail: [[patch(ptVm, { extra_config: hardenedConfig }), 'extra_config["pciPassthru.use64bitMMIO"]'], [withConfig(ptVm, { 'pciPassthru.use64bitMMIO': 'FALSE' }), 'extra_config["pciPassthru.use64bitMMIO"]']],
    unknown: withConfig(ptVm, { 'pciPassthru.use64bitMMIO': U }),
  },
  'PT-MMIO-SIZE': {
    pass: [ptVm],
    fail: [[withConfig(ptVm, { 'pciPassthru.64bitMMIOSizeGB': '100' }), 'extra_config["pciPassthru.64bitMMIOSizeGB"]'], [patch(ptVm, { extra_config: hardenedConfig }), 'extra_config["pciPassthru.64bitMMIOSizeGB"]']],
    unknown: withConfig(ptVm, { 'pciPassthru.64bitMMIOSizeGB': U }),
  },
  'PT-NO-SNAPSHOT': {
    resourceType: 'vsphere_virtual_machine_snapshot',
    others: [res(VM, 'plain', goodVm), res(VM, 'gpu', ptVm)],
    pass: [{ virtual_machine_uuid: '${vsphere_virtual_machine.plain.uuid}', snapshot_name: 'before-upgrade' }],
    fail: [[{ virtual_machine_uuid: '${vsphere_virtual_machine.gpu.uuid}', snapshot_name: 'before-upgrade' }, 'virtual_machine_uuid']],
    unknown: { virtual_machine_uuid: '${data.vsphere_virtual_machine.legacy.uuid}', snapshot_name: 'x' },
  },
  'PT-NO-MIGRATION': {
    others: [drs({ drs_enabled: false })],
    failOthers: [drs({ drs_enabled: true, drs_automation_level: 'fullyAutomated' })],
    pass: [ptVm],
    fail: [[ptVm, 'vsphere_drs_vm_override.gpu.drs_enabled']],
    unknown: patch(ptVm, { pci_device_id: U }),
  },
  'PT-NO-HA': {
    others: [ha({ ha_vm_restart_priority: 'disabled' })],
    failOthers: [ha({ ha_vm_restart_priority: 'high' })],
    pass: [ptVm],
    fail: [[ptVm, 'vsphere_ha_vm_override.gpu.ha_vm_restart_priority']],
    unknown: patch(ptVm, { pci_device_id: U }),
  },
  'PT-NO-HOTADD': {
    pass: [ptVm],
    fail: [[patch(ptVm, { memory_hot_add_enabled: true }), 'memory_hot_add_enabled']],
    unknown: patch(ptVm, { cpu_hot_add_enabled: U }),
  },
  'PT-SRIOV': {
    pass: [patch(ptVm, { network_interface: [{ network_id: 'a' }, { network_id: 'b', adapter_type: 'sriov', physical_function: '0000:3b:00.1' }] })],
    fail: [
      [patch(ptVm, { network_interface: [{ network_id: 'b', adapter_type: 'sriov', physical_function: '0000:3b:00.1' }, { network_id: 'a' }] }), 'network_interface[1].adapter_type'],
      [patch(ptVm, { network_interface: [{ network_id: 'b', adapter_type: 'sriov', bandwidth_limit: 100 }] }), 'network_interface[0].physical_function'],
      [patch(ptVm, { network_interface: [{ network_id: 'b', adapter_type: 'sriov', physical_function: 'p' }], memory_reservation: 0 }), 'memory_reservation'],
    ],
    unknown: patch(ptVm, { network_interface: [{ network_id: 'b', adapter_type: 'sriov', physical_function: 'p' }], memory_reservation: U }),
  },
};

describe('vSphere pack', () => {
  describeIds(VSPHERE_RULES);
  describePack(VSPHERE_RULES, cases, VM);

  const vmRules = VSPHERE_RULES.filter((r) => r.resourceTypes.includes(VM));
  const statuses = (attributes: Attributes, others: PolicyResource[] = []) =>
    Object.fromEntries(vmRules.map((r) => [r.ruleId, check(r, VM, attributes, others).status]));

  test('a hardened VM passes every VM rule; the passthrough and optional rules do not apply', () => {
    const results = statuses(goodVm);
    const notPassing = Object.entries(results).filter(([, status]) => status !== ComplianceStatus.PASS);
    expect(notPassing.sort()).toEqual([
      'PT-64BIT-MMIO', 'PT-APPROVED-DEVICE', 'PT-EFI-FIRMWARE', 'PT-FULL-MEM-RESERVATION', 'PT-HOST-PINNED', 'PT-MMIO-SIZE',
      'PT-NO-HA', 'PT-NO-HOTADD', 'PT-NO-MIGRATION', 'PT-SRIOV', 'VM-VTPM',
    ].map((id) => [id, ComplianceStatus.NOT_APPLICABLE]));
  });

  test('a library passthrough VM fails only the two rules its profile suppresses with the approval (VM-NO-PASSTHROUGH, PT-APPROVED-DEVICE)', () => {
    const results = statuses(ptVm, [drs({ drs_enabled: false }), ha({ ha_vm_restart_priority: 'disabled' })]);
    expect(Object.entries(results).filter(([, s]) => s === ComplianceStatus.FAIL).map(([id]) => id).sort()).toEqual(['PT-APPROVED-DEVICE', 'VM-NO-PASSTHROUGH']);
    expect(Object.entries(results).filter(([, s]) => s === ComplianceStatus.UNKNOWN)).toEqual([]);
  });

  test('PT-APPROVED-DEVICE with no approved list fails every passthrough device, literal or looked up', () => {
    const approval = new ApprovedPciDeviceRule();
    expect(summary(check(approval, VM, ptVm))).toEqual({ status: ComplianceStatus.FAIL, paths: ['pci_device_id[0]'] });
    expect(summary(check(approval, VM, patch(ptVm, { pci_device_id: U })))).toEqual({ status: ComplianceStatus.FAIL, paths: ['pci_device_id'] });
    expect(check(approval, VM, goodVm).status).toBe(ComplianceStatus.NOT_APPLICABLE);
    expect(approval.severity).toBe('HIGH');
    expect(approval.suppressible).toBe(true);
  });

  test('a raw insecure VM (BIOS, copy/paste on, no logging) is reported', () => {
    const raw = { name: 'legacy', resource_pool_id: 'resgroup-8', num_cpus: 2, memory: 2048, extra_config: { 'isolation.tools.copy.disable': 'FALSE', 'isolation.tools.paste.disable': 'false' }, cdrom: { client_device: true } };
    const failing = Object.entries(statuses(raw)).filter(([, s]) => s === ComplianceStatus.FAIL).map(([id]) => id);
    expect(failing).toEqual(expect.arrayContaining(['VM-ISOLATION-COPY', 'VM-ISOLATION-PASTE', 'VM-EFI-SECUREBOOT', 'VM-LOGGING', 'VM-NO-CDROM', 'VM-HW-VERSION', 'VM-ENCRYPTION', 'VM-BOOT-DEVICES']));
  });

  test('extra_config keys and values are compared case-insensitively (STIG spelling tools.setinfo.sizeLimit too)', () => {
    const lower = Object.fromEntries(Object.entries(hardenedConfig).map(([k, v]) => [k.toLowerCase(), v.toLowerCase()]));
    expect(check(rule('VM-ISOLATION-COPY'), VM, patch(goodVm, { extra_config: lower })).status).toBe(ComplianceStatus.PASS);
    const stig = { ...hardenedConfig, 'tools.setinfo.sizeLimit': '1048576' };
    delete (stig as Attributes)['tools.setInfo.sizeLimit'];
    expect(check(rule('VM-SETINFO-SIZE'), VM, patch(goodVm, { extra_config: stig })).status).toBe(ComplianceStatus.PASS);
    const found = check(rule('VM-NO-3D'), VM, withConfig(patch(goodVm, { extra_config: {} }), { 'MKS.Enable3D': 'True' }));
    expect(found.violations[0]).toMatchObject({ attributePath: 'extra_config["MKS.Enable3D"]', found: 'True', fix: 'set extra_config["mks.enable3d"] = "FALSE"' });
  });

  test('the distributed-switch security rules also check the switch defaults', () => {
    for (const id of ['NET-DVPG-PROMISCUOUS', 'NET-DVPG-FORGED', 'NET-DVPG-MACCHANGE']) {
      expect(check(rule(id), DVS, goodDvs).status).toBe(ComplianceStatus.PASS);
      expect(check(rule(id), DVS, patch(goodDvs, { allow_promiscuous: true, allow_forged_transmits: true, allow_mac_changes: true })).status).toBe(ComplianceStatus.FAIL);
    }
  });

  test('a raw insecure network (promiscuous port group, accepting standard switch) is reported', () => {
    const dvpgFindings = VSPHERE_RULES.filter((r) => r.resourceTypes.includes(DVPG))
      .filter((r) => check(r, DVPG, { name: 'pg', allow_promiscuous: true, vlan_id: 0, vlan_range: [{ min_vlan: 0, max_vlan: 4094 }] }).status === ComplianceStatus.FAIL).map((r) => r.ruleId);
    expect(dvpgFindings).toEqual(expect.arrayContaining(['NET-DVPG-PROMISCUOUS', 'NET-DVPG-FORGED', 'NET-DVPG-MACCHANGE', 'NET-DVPG-NATIVE-VLAN', 'NET-DVPG-NO-TRUNK']));
    const vssFindings = VSPHERE_RULES.filter((r) => r.resourceTypes.includes(VSS))
      .filter((r) => check(r, VSS, { name: 'vSwitch0', host_system_id: 'h', network_adapters: ['vmnic0'] }).status === ComplianceStatus.FAIL).map((r) => r.ruleId);
    expect(vssFindings.sort()).toEqual(['NET-VSS-FORGED', 'NET-VSS-MACCHANGE']);
  });

  test('NET-DVPG-NATIVE-VLAN and NET-DVPG-RESERVED-VLAN also check standard port groups; 4095 is left to NET-VSS-NO-VGT', () => {
    expect(check(rule('NET-DVPG-NATIVE-VLAN'), HPG, patch(goodHostPg, { vlan_id: 0 })).status).toBe(ComplianceStatus.FAIL);
    expect(check(rule('NET-DVPG-NATIVE-VLAN'), HPG, patch(goodHostPg, { vlan_id: 4095 })).status).toBe(ComplianceStatus.PASS);
    expect(check(new NativeVlanRule({ nativeVlanId: 100 }), HPG, goodHostPg).status).toBe(ComplianceStatus.FAIL);
    expect(check(new ReservedVlanRule({ reservedVlanRanges: [{ minVlan: 100, maxVlan: 100 }] }), HPG, goodHostPg).status).toBe(ComplianceStatus.FAIL);
  });

  test('NET-DVPG-RESERVED-VLAN does not apply until the site configures its reserved VLANs', () => {
    expect(check(rule('NET-DVPG-RESERVED-VLAN'), DVPG, patch(goodDvpg, { vlan_id: 1002 })).status).toBe(ComplianceStatus.NOT_APPLICABLE);
  });

  test('NET-DVPG-NO-TRUNK accepts a trunk inside an authorised range', () => {
    const trunk = patch(goodDvpg, { vlan_id: undefined, vlan_range: [{ min_vlan: 200, max_vlan: 210 }] });
    expect(check(new VlanTrunkRule({ allowedVlanRanges: [{ minVlan: 200, maxVlan: 219 }] }), DVPG, trunk).status).toBe(ComplianceStatus.PASS);
    expect(check(new VlanTrunkRule({ allowedVlanRanges: [{ minVlan: 200, maxVlan: 205 }] }), DVPG, trunk).status).toBe(ComplianceStatus.FAIL);
  });

  test('NET-NETFLOW on a port group follows the switch it references', () => {
    const netflow = new NetFlowRule({ approvedCollectors: ['10.0.0.50'] });
    const pg = patch(goodDvpg, { netflow_enabled: true });
    const dvs = (collector?: string) => res(DVS, 'prod', patch(goodDvs, { netflow_collector_ip_address: collector }));
    expect(check(netflow, DVPG, pg, [dvs('10.0.0.50')]).status).toBe(ComplianceStatus.PASS);
    expect(summary(check(netflow, DVPG, pg, [dvs('192.0.2.1')]))).toEqual({ status: ComplianceStatus.FAIL, paths: ['netflow_enabled'] });
    expect(check(netflow, DVPG, pg, [dvs(undefined)]).status).toBe(ComplianceStatus.FAIL);
    expect(check(netflow, DVPG, pg).status).toBe(ComplianceStatus.UNKNOWN);
    expect(check(netflow, DVPG, goodDvpg).status).toBe(ComplianceStatus.PASS);
    expect(check(rule('NET-NETFLOW'), DVS, patch(goodDvs, { netflow_collector_ip_address: '10.0.0.50' })).status).toBe(ComplianceStatus.FAIL);
  });

  test('PT-NO-MIGRATION / PT-NO-HA: no override fails in a compute cluster and does not apply without cluster information', () => {
    for (const id of ['PT-NO-MIGRATION', 'PT-NO-HA']) {
      expect(summary(check(rule(id), VM, ptVm))).toEqual({ status: ComplianceStatus.FAIL, paths: ['resource_pool_id'] });
      expect(check(rule(id), VM, patch(ptVm, { resource_pool_id: '${data.vsphere_host.esx01.resource_pool_id}' })).status).toBe(ComplianceStatus.NOT_APPLICABLE);
      expect(check(rule(id), VM, patch(ptVm, { resource_pool_id: 'resgroup-8' })).status).toBe(ComplianceStatus.NOT_APPLICABLE);
      expect(check(rule(id), VM, goodVm).status).toBe(ComplianceStatus.NOT_APPLICABLE);
    }
    expect(check(rule('PT-NO-MIGRATION'), VM, ptVm, [drs({ drs_automation_level: 'manual' })]).status).toBe(ComplianceStatus.PASS);
  });

  test('PT-NO-SNAPSHOT is UNKNOWN when the target VM\'s devices are only known at apply', () => {
    const vm = res(VM, 'gpu', patch(ptVm, { pci_device_id: U }));
    expect(check(rule('PT-NO-SNAPSHOT'), 'vsphere_virtual_machine_snapshot', { virtual_machine_uuid: '${vsphere_virtual_machine.gpu.uuid}' }, [vm]).status).toBe(ComplianceStatus.UNKNOWN);
  });

  describe('site inputs', () => {
    test('VmHardwareVersionRule minimumVersion raises the floor', () => {
      expect(check(new VmHardwareVersionRule({ minimumVersion: 21 }), VM, goodVm).status).toBe(ComplianceStatus.FAIL);
      expect(new VmHardwareVersionRule().minimumVersion).toBe(17);
    });

    test('VmVtpmRule checks a declared vTPM even when not required', () => {
      expect(check(rule('VM-VTPM'), VM, goodVm).status).toBe(ComplianceStatus.NOT_APPLICABLE);
      expect(check(rule('VM-VTPM'), VM, patch(goodVm, { vtpm: { version: '2.0' }, firmware: 'bios' })).status).toBe(ComplianceStatus.FAIL);
      expect(check(new VmVtpmRule(), VM, patch(goodVm, { vtpm: { version: '2.0' } })).status).toBe(ComplianceStatus.PASS);
    });

    test('VmEncryptionRule without a list accepts any assigned policy', () => {
      expect(check(new VmEncryptionRule(), VM, patch(goodVm, { storage_policy_id: '${data.vsphere_storage_policy.any.id}' })).status).toBe(ComplianceStatus.PASS);
      // a variable may be empty (no policy at all): never a pass
      expect(check(new VmEncryptionRule(), VM, patch(goodVm, { storage_policy_id: '${var.policy}' })).status).toBe(ComplianceStatus.UNKNOWN);
      expect(check(new VmEncryptionRule(), VM, patch(goodVm, { storage_policy_id: undefined })).status).toBe(ComplianceStatus.FAIL);
    });

    test('VmDvFilterRule allowedFilterNames approves a security appliance filter', () => {
      const vm = withConfig(goodVm, { 'ethernet0.filter0.name': 'dvfilter-generic-vmware' });
      expect(check(new VmDvFilterRule({ allowedFilterNames: ['dvfilter-generic-vmware'] }), VM, vm).status).toBe(ComplianceStatus.PASS);
    });

    test('MmioSizeRule minimumSizeGB checks the window size', () => {
      expect(check(new MmioSizeRule({ minimumSizeGB: 512 }), VM, ptVm).status).toBe(ComplianceStatus.FAIL);
      expect(check(new MmioSizeRule({ minimumSizeGB: 256 }), VM, ptVm).status).toBe(ComplianceStatus.PASS);
    });
  });

  test('the controls no attribute can decide are listed with reasons and are baseline rows', () => {
    expect(VSPHERE_NOT_DECIDABLE.map((c) => c.controlId).sort()).toEqual([
      'NET-DVPG-MAC-LEARNING', 'NET-DVS-HEALTHCHECK', 'NET-DVS-PORT-MIRROR', 'PT-VGPU', 'VM-FT-ENCRYPT', 'VM-NO-FLOPPY', 'VM-NO-PARALLEL',
      'VM-NO-SERIAL', 'VM-NO-USB', 'VM-VMOTION-ENCRYPT',
    ]);
    expect(NOT_DECIDABLE).toEqual(expect.arrayContaining(VSPHERE_NOT_DECIDABLE));
    const ruleIds = new Set(VSPHERE_RULES.map((r) => r.ruleId));
    expect(VSPHERE_NOT_DECIDABLE.filter((c) => ruleIds.has(c.controlId))).toEqual([]);
    const baseline = baselineIds();
    if (baseline) expect(VSPHERE_NOT_DECIDABLE.filter((c) => !baseline.ids.has(c.controlId))).toEqual([]);
  });

  test('every VM, NET and PT control of the baseline (except PT-K8S-GPU and PT-DOCKER-GPU) is a rule or listed as not decidable', () => {
    const baseline = baselineIds();
    if (!baseline) return;
    const covered = new Set([...VSPHERE_RULES.map((r) => r.ruleId), ...VSPHERE_NOT_DECIDABLE.map((c) => c.controlId), 'PT-K8S-GPU', 'PT-DOCKER-GPU']);
    expect([...baseline.ids].filter((id) => /^(VM|NET|PT)-/.test(id) && !covered.has(id))).toEqual([]);
  });
});

describe('the site options of the vSphere rules are checked against their declared types (found by the fuzz campaign)', () => {

  test('null options, and lists that are not lists of strings, were TypeErrors', () => {
    expect(rejection(() => new VmHardwareVersionRule(null as any))).toMatch(/^VmHardwareVersionRule: options: is null; /);
    expect(rejection(() => new MmioSizeRule(null as any))).toMatch(/^MmioSizeRule: options: is null; /);
    expect(rejection(() => new NetFlowRule({ approvedCollectors: 'default' as any })))
      .toMatch(/^NetFlowRule: approvedCollectors: must be a list of strings \(got "default"\)\. /);
    expect(rejection(() => new ApprovedPciDeviceRule({ approvedDeviceIds: [5 as any] })))
      .toMatch(/^ApprovedPciDeviceRule: approvedDeviceIds\[0\]: must be a string \(got 5\)\. /);
    expect(rejection(() => new VmDvFilterRule({ allowedFilterNames: 'x' as any }))).toMatch(/^VmDvFilterRule: allowedFilterNames: must be a list of strings/);
    expect(rejection(() => new ReservedVlanRule({ reservedVlanRanges: 'a' as any }))).toMatch(/^ReservedVlanRule: reservedVlanRanges: must be a list of PolicyVlanRange objects/);
    expect(rejection(() => new VlanTrunkRule({ allowedVlanRanges: {} as any }))).toMatch(/^VlanTrunkRule: allowedVlanRanges: must be a list of PolicyVlanRange objects/);
  });

  test('the rules without list options take the same check', () => {
    expect(rejection(() => new NativeVlanRule({ nativeVlanId: '1' as any }))).toMatch(/^NativeVlanRule: nativeVlanId: must be a number \(got "1"\)\. /);
    expect(rejection(() => new VmEncryptionRule({ encryptionPolicyIds: [null as any] }))).toMatch(/^VmEncryptionRule: encryptionPolicyIds\[0\]: must be a string/);
    expect(rejection(() => new VmVtpmRule({ required: 'yes' as any }))).toMatch(/^VmVtpmRule: required: must be a boolean \(got "yes"\)\. /);
  });
});
