import { TerraformStack, Testing } from 'cdktf';
import { Node } from 'constructs';
import * as fc from 'fast-check';
import {
  Errors, Firmware, GuestOsFamily, HypervAutomaticStopAction, HypervCheckpointType, HypervMachineInstanceResource, HypervNetworkSwitch,
  HypervNetworkSwitchProps, HypervSecureBootTemplate, HypervSecureVm, HypervSecureVmProps, HypervSwitchType, HypervVhd, HypervVhdType, Hypervisor,
  PolicyChecks, PolicyPacks, RemovalPolicy, VmSpec,
} from '../../../lib';
import { loadSchema, stackProblems } from '../schema-helpers';
import { resolve } from '../vsphere/helpers';
import { notesOf } from '../../helpers/notes';

const SCHEMA = loadSchema('hyperv-1.2.1.json');
const SPEC: VmSpec = {
  name: 'web01',
  cpus: 2,
  memoryMiB: 4096,
  disks: [{ label: 'os', sizeGiB: 40 }, { label: 'data', sizeGiB: 100, thinProvisioned: false }],
  networks: [{ networkId: 'tenant-a' }],
};
const PROPS: HypervSecureVmProps = { spec: SPEC, storagePath: 'D:\\Hyper-V', bootDiskSource: 'https://images.example/ubuntu-24.04.vhdx' };

function newStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'stack');
}

function build(props: Partial<HypervSecureVmProps> = {}, spec: Partial<VmSpec> = {}) {
  const stack = newStack();
  const vm = new HypervSecureVm(stack, 'Vm', { ...PROPS, ...props, spec: { ...SPEC, ...spec } });
  const json = JSON.parse(Testing.synth(stack));
  return { stack, vm, json, machine: json.resource.hyperv_machine_instance[Object.keys(json.resource.hyperv_machine_instance)[0]] };
}

function messages(scope: { node: Node }, type: '@cdktf/warn' | '@cdktf/info'): string[] {
  return scope.node.metadata.filter((m) => m.type === type).map((m) => String(m.data));
}

function validationError(fn: () => unknown): any {
  try {
    fn();
  } catch (e) {
    if (Errors.isValidationError(e)) return e;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('HypervSecureVm', () => {
  test('snapshot of the default configuration (Linux, two disks, one adaptor)', () => {
    expect(Testing.synthScope((scope) => { new HypervSecureVm(scope, 'Vm', PROPS); })).toMatchSnapshot();
  });

  test('every emitted block uses only the schema\'s attribute names and value forms', () => {
    expect(stackProblems(build().json, [SCHEMA])).toEqual([]);
    expect(stackProblems(build({ dynamicMemory: { minimumMiB: 1024, maximumMiB: 8192 }, vlanId: 120, reportGuestIps: true }).json, [SCHEMA])).toEqual([]);
    expect(stackProblems(build({}, { firmware: Firmware.BIOS }).json, [SCHEMA])).toEqual([]);
  });

  test('defaultChild is the machine instance; IVirtualMachine fields', () => {
    const { vm, stack } = build();
    expect(Node.of(vm).defaultChild).toBe(vm.resource);
    expect(vm.resource).toBeInstanceOf(HypervMachineInstanceResource);
    expect(vm.hypervisor).toBe(Hypervisor.HYPERV);
    expect(vm.virtualMachineName).toBe('web01');
    expect(resolve(stack, vm.virtualMachineId)).toBe('${hyperv_machine_instance.Vm_3B89B841.id}');
    expect(vm.pciPassthroughEnabled).toBe(false);
    expect(vm.spec.coresPerSocket).toBe(1);
  });

  test('HV-GENERATION-2 / HV-SECURE-BOOT / HV-BOOT-DEVICES: generation 2, Secure Boot with the Linux template, boot from the OS disk only', () => {
    const { machine } = build();
    expect(machine.generation).toBe(2);
    expect(machine.vm_firmware).toEqual([{
      enable_secure_boot: 'On', secure_boot_template: 'MicrosoftUEFICertificateAuthority', pause_after_boot_failure: 'Off',
      boot_order: [{ boot_type: 'HardDiskDrive', controller_number: 0, controller_location: 0 }],
    }]);
  });

  test('Windows guests get the MicrosoftWindows template', () => {
    expect(build({}, { guestOsFamily: GuestOsFamily.WINDOWS }).machine.vm_firmware[0].secure_boot_template).toBe('MicrosoftWindows');
    expect(build({ secureBootTemplate: HypervSecureBootTemplate.OPEN_SOURCE_SHIELDED_VM }).machine.vm_firmware[0].secure_boot_template).toBe('OpenSourceShieldedVM');
  });

  test('static memory by default: only static_memory is emitted, true (ExactlyOneOf)', () => {
    const { machine } = build();
    expect(machine).toMatchObject({ static_memory: true, memory_startup_bytes: 4096 * 1024 * 1024, processor_count: 2 });
    expect(machine).not.toHaveProperty('dynamic_memory');
    expect(machine).not.toHaveProperty('memory_minimum_bytes');
  });

  test('dynamic memory: only dynamic_memory, with a real ceiling', () => {
    const { machine } = build({ dynamicMemory: { minimumMiB: 1024, maximumMiB: 8192 } });
    expect(machine).toMatchObject({ dynamic_memory: true, memory_minimum_bytes: 1024 * 1024 * 1024, memory_maximum_bytes: 8192 * 1024 * 1024 });
    expect(machine).not.toHaveProperty('static_memory');
  });

  test('production-only checkpoints, clean automatic stop, start if running, console lock, critical-error pause', () => {
    expect(build().machine).toMatchObject({
      checkpoint_type: 'ProductionOnly', automatic_stop_action: 'ShutDown', automatic_start_action: 'StartIfRunning', lock_on_disconnect: 'On',
      automatic_critical_error_action: 'Pause', state: 'Running',
    });
  });

  test('HV-MAC-SPOOFING / HV-DHCP-GUARD / HV-ROUTER-GUARD / HV-PORT-MIRRORING on every adaptor; no VLAN unless asked', () => {
    const { machine } = build({}, { networks: [{ networkId: 'tenant-a' }, { networkId: 'backup' }] });
    expect(machine.network_adaptors).toEqual([
      { name: 'nic0', switch_name: 'tenant-a', mac_address_spoofing: 'Off', dhcp_guard: 'On', router_guard: 'On', port_mirroring: 'None', wait_for_ips: false },
      { name: 'nic1', switch_name: 'backup', mac_address_spoofing: 'Off', dhcp_guard: 'On', router_guard: 'On', port_mirroring: 'None', wait_for_ips: false },
    ]);
  });

  test('HV-VLAN-ACCESS: vlanId sets access mode and the id together', () => {
    expect(build({ vlanId: 120 }).machine.network_adaptors[0]).toMatchObject({ vlan_access: true, vlan_id: 120 });
  });

  test('adaptorVlanIds: one access VLAN per adaptor, 0 untagged', () => {
    const { machine } = build({ adaptorVlanIds: [110, 0] }, { networks: [{ networkId: 'ext' }, { networkId: 'ext' }] });
    expect(machine.network_adaptors[0]).toMatchObject({ vlan_access: true, vlan_id: 110 });
    expect(machine.network_adaptors[1]).not.toHaveProperty('vlan_id');
    expect(machine.network_adaptors[1]).not.toHaveProperty('vlan_access');
  });

  test('minimal integration services; KVP and wait_for_ips only with reportGuestIps', () => {
    const { machine } = build();
    expect(machine.integration_services).toEqual({
      'Guest Service Interface': false, 'Heartbeat': true, 'Key-Value Pair Exchange': false, 'Shutdown': true, 'Time Synchronization': true, 'VSS': true,
    });
    const reporting = build({ reportGuestIps: true }).machine;
    expect(reporting.integration_services['Key-Value Pair Exchange']).toBe(true);
    expect(reporting.network_adaptors[0].wait_for_ips).toBe(true);
    expect(reporting.wait_for_ips_timeout).toBe(300);
  });

  test('HV-NESTED-VIRT / HV-HOST-RESOURCE-PROTECTION', () => {
    expect(build().machine.vm_processor).toEqual([{ expose_virtualization_extensions: false, enable_host_resource_protection: true }]);
  });

  test('disks: one hyperv_vhd per spec disk under storagePath, the boot disk copied from the golden source, attached on SCSI 0 in order', () => {
    const { json, machine, vm } = build();
    const vhds = Object.values<any>(json.resource.hyperv_vhd).sort((a, b) => b.path.localeCompare(a.path));
    expect(vhds).toEqual([
      expect.objectContaining({ path: 'D:\\Hyper-V\\web01\\os.vhdx', source: 'https://images.example/ubuntu-24.04.vhdx', size: 40 * 1024 ** 3 }),
      expect.objectContaining({ path: 'D:\\Hyper-V\\web01\\data.vhdx', vhd_type: 'Fixed', size: 100 * 1024 ** 3 }),
    ]);
    expect(vhds[0]).not.toHaveProperty('vhd_type');
    expect(machine.hard_disk_drives.map((d: any) => [d.controller_type, d.controller_number, d.controller_location])).toEqual([['Scsi', 0, 0], ['Scsi', 0, 1]]);
    expect(machine.hard_disk_drives[0].path).toMatch(/^\$\{hyperv_vhd\.Vm_Disk-os_932E51F8\.path\}$/);
    expect(vm.disks).toHaveLength(2);
  });

  test('nothing lost: the VM and every disk get prevent_destroy; DESTROY opts out with a warning', () => {
    const { json, machine } = build();
    expect(machine.lifecycle).toEqual({ prevent_destroy: true });
    for (const vhd of Object.values<any>(json.resource.hyperv_vhd)) expect(vhd.lifecycle).toEqual({ prevent_destroy: true });
    const loose = build({ removalPolicy: RemovalPolicy.DESTROY });
    expect(loose.machine.lifecycle).toEqual({ prevent_destroy: false });
    expect(messages(loose.vm, '@cdktf/warn').join('\n')).toMatch(/DESTROY/);
  });

  test('generation 1 (BIOS): no vm_firmware, IDE disks, warned', () => {
    const { machine, vm } = build({}, { firmware: Firmware.BIOS });
    expect(machine.generation).toBe(1);
    expect(machine).not.toHaveProperty('vm_firmware');
    expect(machine.hard_disk_drives.map((d: any) => [d.controller_type, d.controller_number, d.controller_location])).toEqual([['Ide', 0, 0], ['Ide', 0, 1]]);
    expect(messages(vm, '@cdktf/warn').join('\n')).toMatch(/HV-GENERATION-2/);
  });

  test('loosened defaults are warned about with the rule id', () => {
    const { vm } = build({
      secureBoot: false, allowMacAddressSpoofing: true, nestedVirtualization: true, checkpointType: HypervCheckpointType.STANDARD,
      automaticStopAction: HypervAutomaticStopAction.SAVE, integrationServices: { 'Guest Service Interface': true },
    });
    const warnings = messages(vm, '@cdktf/warn').join('\n');
    for (const id of ['HV-SECURE-BOOT', 'HV-MAC-SPOOFING', 'HV-NESTED-VIRT', 'HV-CHECKPOINT-TYPE', 'HV-AUTO-STOP', 'HV-GUEST-SERVICE-INTERFACE']) {
      expect(warnings).toContain(id);
    }
    expect(notesOf(vm).join('\n')).toMatch(/virtual TPM is not expressible/);
    expect(messages(vm, '@cdktf/info').join('\n')).not.toMatch(/virtual TPM/);
  });

  test('with defaults the whole hyperv pack passes on the VM, its disks and a private switch', () => {
    const stack = newStack();
    const sw = new HypervNetworkSwitch(stack, 'Switch', { switchName: 'tenant-a' });
    new HypervSecureVm(stack, 'Vm', { ...PROPS, spec: { ...SPEC, networks: [{ networkId: sw.switchName }] }, vlanId: 120 });
    const checks = PolicyChecks.applyTo(stack, { rules: PolicyPacks.hyperv(), writeReports: false });
    Testing.synth(stack);
    expect(checks.findings.map((f) => `${f.ruleId} ${f.status} ${f.resourceAddress}`)).toEqual([]);
  });

  test('property: any valid VmSpec gives a VM that conforms to the schema, with static memory = spec memory and one disk per spec disk', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 64 }), fc.integer({ min: 8, max: 4096 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 8 }),
      fc.boolean(), fc.option(fc.integer({ min: 1, max: 4094 }), { nil: undefined }),
      (cpus, memory4, diskCount, nicCount, windows, vlanId) => {
        const spec: VmSpec = {
          name: 'fuzz', cpus, memoryMiB: memory4 * 4,
          guestOsFamily: windows ? GuestOsFamily.WINDOWS : GuestOsFamily.LINUX,
          disks: Array.from({ length: diskCount }, (_, i) => ({ label: `d${i}`, sizeGiB: i + 1 })),
          networks: Array.from({ length: nicCount }, (_, i) => ({ networkId: `sw${i}` })),
        };
        const stack = newStack();
        new HypervSecureVm(stack, 'Vm', { spec, storagePath: 'E:\\vms', vlanId });
        const json = JSON.parse(Testing.synth(stack));
        const machine: any = Object.values(json.resource.hyperv_machine_instance)[0];
        expect(stackProblems(json, [SCHEMA])).toEqual([]);
        expect(machine.memory_startup_bytes).toBe(memory4 * 4 * 1024 * 1024);
        expect(Object.keys(json.resource.hyperv_vhd)).toHaveLength(diskCount);
        expect(machine.hard_disk_drives.map((d: any) => d.controller_location)).toEqual(Array.from({ length: diskCount }, (_, i) => i));
        expect((machine.network_adaptors ?? []).every((a: any) => a.dhcp_guard === 'On' && a.router_guard === 'On' && a.mac_address_spoofing === 'Off')).toBe(true);
        expect(machine.vm_firmware[0].secure_boot_template).toBe(windows ? 'MicrosoftWindows' : 'MicrosoftUEFICertificateAuthority');
      }), { numRuns: 40 });
  });
});

describe('HypervNetworkSwitch', () => {
  function sw(props: Partial<HypervNetworkSwitchProps> = {}) {
    const stack = newStack();
    const s = new HypervNetworkSwitch(stack, 'Switch', { switchName: 'tenant-a', ...props });
    const json = JSON.parse(Testing.synth(stack));
    return { s, json, body: Object.values<any>(json.resource.hyperv_network_switch)[0] };
  }

  test('snapshot: Private by default, management OS off', () => {
    expect(Testing.synthScope((scope) => { new HypervNetworkSwitch(scope, 'Switch', { switchName: 'tenant-a' }); })).toMatchSnapshot();
    expect(sw().body).toEqual({ name: 'tenant-a', notes: 'Managed by cdktf-hybrid', switch_type: 'Private', allow_management_os: false });
  });

  test('Internal gets allow_management_os = true (the provider requires it); External binds NICs with the management OS off', () => {
    expect(sw({ switchType: HypervSwitchType.INTERNAL }).body).toMatchObject({ switch_type: 'Internal', allow_management_os: true });
    const ext = sw({ switchType: HypervSwitchType.EXTERNAL, netAdapterNames: ['Ethernet 2'] });
    expect(ext.body).toMatchObject({ switch_type: 'External', allow_management_os: false, net_adapter_names: ['Ethernet 2'] });
    expect(stackProblems(ext.json, [SCHEMA])).toEqual([]);
    expect(messages(sw({ switchType: HypervSwitchType.EXTERNAL, netAdapterNames: ['E'], allowManagementOs: true }).s, '@cdktf/warn').join()).toMatch(/HV-SWITCH-ISOLATION/);
  });

  test('switchName references the resource', () => {
    const stack = newStack();
    const s = new HypervNetworkSwitch(stack, 'Switch', { switchName: 'tenant-a' });
    expect(resolve(stack, s.switchName)).toMatch(/^\$\{hyperv_network_switch\.Switch_[0-9A-F]+\.name\}$/);
  });
});

describe('HypervVhd', () => {
  test('snapshot: a new dynamic disk, protected from destroy', () => {
    const out = Testing.synthScope((scope) => { new HypervVhd(scope, 'Disk', { path: 'D:\\vms\\data.vhdx', sizeGiB: 10 }); });
    expect(out).toMatchSnapshot();
    const body: any = Object.values(JSON.parse(out).resource.hyperv_vhd)[0];
    expect(body).toMatchObject({ path: 'D:\\vms\\data.vhdx', vhd_type: 'Dynamic', size: 10737418240, lifecycle: { prevent_destroy: true } });
    expect(body.size % 4096).toBe(0);
  });
});

describe('bad input is rejected with the foundation\'s error format', () => {
  const vm = (props: Partial<HypervSecureVmProps>, spec: Partial<VmSpec> = {}) => () => new HypervSecureVm(newStack(), 'Vm', { ...PROPS, ...props, spec: { ...SPEC, ...spec } });
  const sw = (props: Partial<HypervNetworkSwitchProps>) => () => new HypervNetworkSwitch(newStack(), 'Switch', { switchName: 'a', ...props });
  test.each([
    ['generation 1 with secure boot', vm({ secureBoot: true }, { firmware: Firmware.BIOS }), 'secureBoot', /generation 2/],
    ['secure boot template on generation 1', vm({ secureBootTemplate: HypervSecureBootTemplate.MICROSOFT_UEFI_CA }, { firmware: Firmware.BIOS }), 'secureBootTemplate', /generation 2/],
    ['Windows template on a Linux guest', vm({ secureBootTemplate: HypervSecureBootTemplate.MICROSOFT_WINDOWS }), 'secureBootTemplate', /only boots Windows/],
    ['Linux template on a Windows guest', vm({ secureBootTemplate: HypervSecureBootTemplate.MICROSOFT_UEFI_CA }, { guestOsFamily: GuestOsFamily.WINDOWS }), 'secureBootTemplate', /does not boot Windows/],
    ['VLAN out of range', vm({ vlanId: 4095 }), 'vlanId', /1 to 4094/],
    ['VLAN 0', vm({ vlanId: 0 }), 'vlanId', /1 to 4094/],
    ['per-adaptor VLAN out of range', vm({ adaptorVlanIds: [5000] }), 'adaptorVlanIds[0]', /0 to 4094/],
    ['per-adaptor VLANs with vlanId', vm({ vlanId: 10, adaptorVlanIds: [10] }), 'adaptorVlanIds', /cannot be combined/],
    ['more per-adaptor VLANs than adaptors', vm({ adaptorVlanIds: [10, 20] }), 'adaptorVlanIds', /at most one VLAN per/],
    ['relative storage path', vm({ storagePath: 'vms/web' }), 'storagePath', /absolute Windows path/],
    ['dynamic memory ceiling below startup', vm({ dynamicMemory: { minimumMiB: 1024, maximumMiB: 2048 } }), 'dynamicMemory.maximumMiB', /from 4096/],
    ['odd dynamic memory minimum', vm({ dynamicMemory: { minimumMiB: 1023, maximumMiB: 8192 } }), 'dynamicMemory.minimumMiB', /multiple of 2/],
    ['unknown integration service', vm({ integrationServices: { 'Guest Services': false } }), 'integrationServices["Guest Services"]', /not a Hyper-V integration service/],
    ['KVP off with reportGuestIps', vm({ reportGuestIps: true, integrationServices: { 'Key-Value Pair Exchange': false } }), 'integrationServices["Key-Value Pair Exchange"]', /must stay on/],
    ['cloud-init user data', vm({}, { cloudInitUserData: '#cloud-config\n' }), 'spec.cloudInitUserData', /not supported on Hyper-V/],
    ['static guest address', vm({}, { networks: [{ networkId: 'a', ipv4Address: '10.0.0.5', ipv4PrefixLength: 24 }] }), 'spec.networks[0].ipv4Address', /cannot be set/],
    ['memory below the Hyper-V minimum', vm({}, { memoryMiB: 16 }), 'spec.memoryMiB', /32 MiB/],
    ['memory not a multiple of 4 (VmSpec)', vm({}, { memoryMiB: 4097 }), 'spec.memoryMiB', /multiple of 4/],
    ['more than 4 disks on generation 1', vm({}, { firmware: Firmware.BIOS, disks: [1, 2, 3, 4, 5].map((i) => ({ label: `d${i}`, sizeGiB: 1 })) }), 'spec.disks', /generation 1/],
    ['unknown checkpoint type', vm({ checkpointType: 'Snapshot' as HypervCheckpointType }), 'checkpointType', /not a Hyper-V checkpoint type/],
    ['unknown switch type', sw({ switchType: 'Bridged' as HypervSwitchType }), 'switchType', /not a Hyper-V switch type/],
    ['External switch without NICs', sw({ switchType: HypervSwitchType.EXTERNAL }), 'netAdapterNames', /required for an External/],
    ['NICs on a Private switch', sw({ netAdapterNames: ['Ethernet'] }), 'netAdapterNames', /must be empty/],
    ['management OS on a Private switch', sw({ allowManagementOs: true }), 'allowManagementOs', /fixed for a Private/],
    ['switch name with a backslash', sw({ switchName: 'a\\b' }), 'switchName', /without/],
    ['VHD path not a disk file', () => new HypervVhd(newStack(), 'Disk', { path: 'D:\\vms\\data.img', sizeGiB: 1 }), 'path', /\.vhdx or \.vhd/],
    ['VHD without size or source', () => new HypervVhd(newStack(), 'Disk', { path: 'D:\\vms\\data.vhdx' }), 'sizeGiB', /required/],
    ['VHD type with a source', () => new HypervVhd(newStack(), 'Disk', { path: 'D:\\vms\\a.vhdx', source: 'D:\\golden.vhdx', vhdType: HypervVhdType.FIXED }), 'vhdType', /cannot be combined/],
  ])('%s', (_name, fn, prop, problem) => {
    const error = validationError(fn);
    expect(error.prop).toBe(prop);
    expect(error.problem).toMatch(problem);
    expect(error.path).toMatch(/^stack\/(Vm|Switch|Disk)$/);
    expect(error.message).toBe(`${error.path}: ${error.prop}: ${error.problem} (got ${error.got}). ${error.fix}`);
    expect(error.fix.length).toBeGreaterThan(10);
  });
});
