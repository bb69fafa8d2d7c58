import * as fc from 'fast-check';
import { ComplianceStatus, VIRTUALBOX_RULES, VIRTUALBOX_UNENFORCEABLE } from '../../../lib';
import { HYPERV_RULES } from '../../../lib/policy/rules/hyperv/pack';
import { Attributes, check, describePack, patch, RuleCase } from './helpers';

const U = '${var.unresolved}';

/** A hardened VM as HypervSecureVm renders it. */
const nic: Attributes = { name: 'nic0', switch_name: 'tenant-a', mac_address_spoofing: 'Off', dhcp_guard: 'On', router_guard: 'On', port_mirroring: 'None', vlan_access: true, vlan_id: 120 };
const goodVm: Attributes = {
  name: 'web01',
  generation: 2,
  static_memory: true,
  checkpoint_type: 'ProductionOnly',
  automatic_stop_action: 'ShutDown',
  lock_on_disconnect: 'On',
  integration_services: { 'Guest Service Interface': false, 'Heartbeat': true },
  vm_processor: [{ expose_virtualization_extensions: false, enable_host_resource_protection: true }],
  vm_firmware: [{ enable_secure_boot: 'On', secure_boot_template: 'MicrosoftWindows', boot_order: [{ boot_type: 'HardDiskDrive', controller_number: 0, controller_location: 0 }] }],
  network_adaptors: [nic],
};
const withNic = (overrides: Attributes) => patch(goodVm, { network_adaptors: [patch(nic, overrides)] });
const withFirmware = (overrides: Attributes) => patch(goodVm, { vm_firmware: [patch(goodVm.vm_firmware[0], overrides)] });
const withProcessor = (overrides: Attributes) => patch(goodVm, { vm_processor: [patch(goodVm.vm_processor[0], overrides)] });
const provider: Attributes = { host: 'hv01', https: true, insecure: false, password: '${var.hyperv_password}' };
const externalSwitch: Attributes = { name: 'ext', switch_type: 'External', net_adapter_names: ['Ethernet 2'], allow_management_os: false };

const HYPERV_CASES: { [ruleId: string]: RuleCase } = {
  'HV-PROVIDER-TLS': {
    resourceType: 'provider.hyperv',
    pass: [provider, { host: 'hv01' }],
    fail: [[patch(provider, { https: false }), 'https'], [patch(provider, { insecure: 'true' }), 'insecure']],
    unknown: patch(provider, { insecure: U }),
  },
  'HV-PROVIDER-CREDENTIALS': {
    resourceType: 'provider.hyperv',
    pass: [provider, { host: 'hv01' }],
    fail: [[patch(provider, { password: 'hunter2' }), 'password']],
    // an expression is the secure form, so the only undecidable case is an unresolved TLS-less host: not this rule's business
    unknown: undefined as any,
  },
  'HV-GENERATION-2': {
    pass: [goodVm, patch(goodVm, { generation: undefined })],
    fail: [[patch(goodVm, { generation: 1 }), 'generation']],
    unknown: patch(goodVm, { generation: U }),
  },
  'HV-SECURE-BOOT': {
    pass: [goodVm, patch(goodVm, { vm_firmware: undefined }), withFirmware({ secure_boot_template: 'MicrosoftUEFICertificateAuthority' })],
    fail: [
      [withFirmware({ enable_secure_boot: 'Off' }), 'vm_firmware[0].enable_secure_boot'],
      [withFirmware({ secure_boot_template: 'MyOwnCA' }), 'vm_firmware[0].secure_boot_template'],
      [patch(goodVm, { generation: 1 }), 'generation'],
    ],
    unknown: withFirmware({ enable_secure_boot: U }),
  },
  'HV-BOOT-DEVICES': {
    pass: [goodVm],
    fail: [
      [patch(goodVm, { vm_firmware: undefined }), 'vm_firmware[0].boot_order'],
      [withFirmware({ boot_order: [{ boot_type: 'DvdDrive' }] }), 'vm_firmware[0].boot_order[0].boot_type'],
    ],
    unknown: withFirmware({ boot_order: U }),
  },
  'HV-NESTED-VIRT': {
    pass: [goodVm, patch(goodVm, { vm_processor: undefined })],
    fail: [[withProcessor({ expose_virtualization_extensions: true }), 'vm_processor[0].expose_virtualization_extensions']],
    unknown: withProcessor({ expose_virtualization_extensions: U }),
  },
  'HV-HOST-RESOURCE-PROTECTION': {
    pass: [goodVm],
    fail: [[patch(goodVm, { vm_processor: undefined }), 'vm_processor[0].enable_host_resource_protection']],
    unknown: withProcessor({ enable_host_resource_protection: U }),
  },
  'HV-GUEST-SERVICE-INTERFACE': {
    pass: [goodVm, patch(goodVm, { integration_services: undefined })],
    fail: [[patch(goodVm, { integration_services: { 'Guest Service Interface': true } }), 'integration_services["Guest Service Interface"]']],
    unknown: patch(goodVm, { integration_services: U }),
  },
  'HV-CHECKPOINT-TYPE': {
    pass: [goodVm, patch(goodVm, { checkpoint_type: 'Disabled' })],
    fail: [[patch(goodVm, { checkpoint_type: 'Standard' }), 'checkpoint_type'], [patch(goodVm, { checkpoint_type: undefined }), 'checkpoint_type']],
    unknown: patch(goodVm, { checkpoint_type: U }),
  },
  'HV-AUTO-STOP': {
    pass: [goodVm, patch(goodVm, { automatic_stop_action: 'TurnOff' })],
    fail: [[patch(goodVm, { automatic_stop_action: undefined }), 'automatic_stop_action'], [patch(goodVm, { automatic_stop_action: 'Save' }), 'automatic_stop_action']],
    unknown: patch(goodVm, { automatic_stop_action: U }),
  },
  'HV-LOCK-ON-DISCONNECT': {
    pass: [goodVm],
    fail: [[patch(goodVm, { lock_on_disconnect: undefined }), 'lock_on_disconnect']],
    unknown: patch(goodVm, { lock_on_disconnect: U }),
  },
  'HV-MAC-SPOOFING': {
    pass: [goodVm, withNic({ mac_address_spoofing: undefined }), patch(goodVm, { network_adaptors: undefined })],
    fail: [[withNic({ mac_address_spoofing: 'On' }), 'network_adaptors[0].mac_address_spoofing']],
    unknown: patch(goodVm, { network_adaptors: U }),
  },
  'HV-DHCP-GUARD': {
    pass: [goodVm, withNic({ dhcp_guard: 'on' })],
    fail: [[withNic({ dhcp_guard: undefined }), 'network_adaptors[0].dhcp_guard']],
    unknown: withNic({ dhcp_guard: U }),
  },
  'HV-ROUTER-GUARD': {
    pass: [goodVm],
    fail: [[withNic({ router_guard: 'Off' }), 'network_adaptors[0].router_guard']],
    unknown: withNic({ router_guard: U }),
  },
  'HV-PORT-MIRRORING': {
    pass: [goodVm, withNic({ port_mirroring: undefined })],
    fail: [[withNic({ port_mirroring: 'Destination' }), 'network_adaptors[0].port_mirroring']],
    unknown: withNic({ port_mirroring: U }),
  },
  'HV-VLAN-ACCESS': {
    pass: [goodVm, withNic({ vlan_access: undefined, vlan_id: undefined }), withNic({ vlan_access: false, vlan_id: 0 })],
    fail: [[withNic({ vlan_access: undefined }), 'network_adaptors[0].vlan_access'], [withNic({ vlan_id: 4095 }), 'network_adaptors[0].vlan_id'],
      [withNic({ vlan_id: undefined }), 'network_adaptors[0].vlan_id']],
    unknown: withNic({ vlan_id: U }),
  },
  'HV-SWITCH-ISOLATION': {
    resourceType: 'hyperv_network_switch',
    pass: [externalSwitch, { name: 'p', switch_type: 'Private', allow_management_os: false }, { name: 'i', switch_type: 'Internal', allow_management_os: true }],
    fail: [[patch(externalSwitch, { allow_management_os: undefined }), 'allow_management_os'], [patch(externalSwitch, { allow_management_os: true }), 'allow_management_os']],
    unknown: patch(externalSwitch, { allow_management_os: U }),
  },
};

const goodLab: Attributes = {
  name: 'lab01', image: 'https://boxes.example/debian-12.box', cpus: 2, memory: '2.0 gib', boot_order: ['disk', 'none', 'none', 'none'],
  network_adapter: [{ type: 'hostonly', device: 'VirtIO', host_interface: 'vboxnet1' }, { type: 'internal' }, { type: 'nat' }],
};

const VIRTUALBOX_CASES: { [ruleId: string]: RuleCase } = {
  'VBOX-NET-ISOLATED': {
    pass: [goodLab, patch(goodLab, { network_adapter: undefined })],
    fail: [[patch(goodLab, { network_adapter: [{ type: 'hostonly' }, { type: 'bridged', host_interface: 'en0' }] }), 'network_adapter[1].type'],
      [patch(goodLab, { network_adapter: [{ type: 'generic' }] }), 'network_adapter[0].type']],
    unknown: patch(goodLab, { network_adapter: [{ type: U }] }),
  },
  'VBOX-BOOT-DEVICES': {
    pass: [goodLab, patch(goodLab, { boot_order: undefined }), patch(goodLab, { boot_order: ['disk'] })],
    fail: [[patch(goodLab, { boot_order: ['dvd', 'disk'] }), 'boot_order[0]'], [patch(goodLab, { boot_order: ['disk', 'net'] }), 'boot_order[1]']],
    unknown: patch(goodLab, { boot_order: U }),
  },
  'VBOX-NO-OPTICAL-DISKS': {
    pass: [goodLab, patch(goodLab, { optical_disks: [] })],
    fail: [[patch(goodLab, { optical_disks: ['/isos/a.iso'] }), 'optical_disks']],
    unknown: patch(goodLab, { optical_disks: U }),
  },
  'VBOX-IMAGE-HTTPS': {
    pass: [goodLab, patch(goodLab, { image: '/home/dev/boxes/debian.box' })],
    fail: [[patch(goodLab, { image: 'HTTP://boxes.example/a.box' }), 'image'], [patch(goodLab, { url: 'http://boxes.example/a.box' }), 'url']],
    unknown: patch(goodLab, { image: U }),
  },
};

describe('hyperv pack', () => {
  // HV-PROVIDER-CREDENTIALS has no UNKNOWN case: an expression is exactly what it asks for (a variable).
  describePack(HYPERV_RULES.filter((r) => r.ruleId !== 'HV-PROVIDER-CREDENTIALS'),
    Object.fromEntries(Object.entries(HYPERV_CASES).filter(([id]) => id !== 'HV-PROVIDER-CREDENTIALS')), 'hyperv_machine_instance');

  test('HV-PROVIDER-CREDENTIALS: a variable or the environment passes, a literal fails and is never shown', () => {
    const rule = HYPERV_RULES.find((r) => r.ruleId === 'HV-PROVIDER-CREDENTIALS')!;
    const c = HYPERV_CASES['HV-PROVIDER-CREDENTIALS'];
    for (const attributes of c.pass) expect(check(rule, 'provider.hyperv', attributes).status).toBe(ComplianceStatus.PASS);
    const result = check(rule, 'provider.hyperv', c.fail[0][0]);
    expect(result.violations).toEqual([expect.objectContaining({ attributePath: 'password', found: '<redacted>' })]);
    expect(check(rule, 'hyperv_machine_instance', provider).status).toBe(ComplianceStatus.NOT_APPLICABLE);
  });

  test('the pack lists every rule once, provider rules first', () => {
    expect(HYPERV_RULES.map((r) => r.ruleId).slice(0, 2)).toEqual(['HV-PROVIDER-TLS', 'HV-PROVIDER-CREDENTIALS']);
    expect(new Set(HYPERV_RULES.map((r) => r.ruleId)).size).toBe(HYPERV_RULES.length);
    expect(Object.keys(HYPERV_CASES).sort()).toEqual(HYPERV_RULES.map((r) => r.ruleId).sort());
  });
});

describe('virtualbox pack', () => {
  describePack(VIRTUALBOX_RULES.filter((r) => r.ruleId !== 'VBOX-NOT-ENFORCEABLE'), VIRTUALBOX_CASES, 'virtualbox_vm');

  describe('VBOX-NOT-ENFORCEABLE', () => {
    const rule = VIRTUALBOX_RULES.find((r) => r.ruleId === 'VBOX-NOT-ENFORCEABLE')!;

    test('fails on every virtualbox_vm, whatever its attributes (never PASS, never UNKNOWN), once per control', () => {
      fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (attributes) => {
        const result = check(rule, 'virtualbox_vm', attributes as Attributes);
        expect(result.status).toBe(ComplianceStatus.FAIL);
        expect(result.violations.map((v) => v.detail)).toEqual(VIRTUALBOX_UNENFORCEABLE.map((c) => `control=${c.id}`));
      }), { numRuns: 50 });
      expect(check(rule, 'virtualbox_vm', patch(goodLab, { image: U })).status).toBe(ComplianceStatus.FAIL);
    });

    test('is NOT_APPLICABLE to the other hypervisors', () => {
      expect(check(rule, 'hyperv_machine_instance', goodVm).status).toBe(ComplianceStatus.NOT_APPLICABLE);
      expect(check(rule, 'vsphere_virtual_machine', {}).status).toBe(ComplianceStatus.NOT_APPLICABLE);
    });

    test('every control names the Hyper-V attribute that would carry it, and why VirtualBox cannot', () => {
      for (const c of VIRTUALBOX_UNENFORCEABLE) {
        expect(c.hypervAttribute).toMatch(/^[a-z_.]+$/);
        expect(c.reason.length).toBeGreaterThan(15);
      }
      expect(new Set(VIRTUALBOX_UNENFORCEABLE.map((c) => c.id)).size).toBe(VIRTUALBOX_UNENFORCEABLE.length);
    });
  });
});
