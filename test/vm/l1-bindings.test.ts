// The hand-written L1 bindings emit exactly the providers' attribute names: a configuration that sets
// every property emits every configurable attribute of the schema list (test/vm/schema/*.json) and
// nothing else, in the value forms the schema declares.
import { Fn, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  Errors, HypervMachineInstanceConfig, HypervMachineInstanceResource, HypervNetworkSwitchConfig, HypervNetworkSwitchResource, HypervProvider,
  HypervProviderConfig, HypervVhdConfig, HypervVhdResource, VirtualBoxProvider, VirtualBoxProviderSource, VirtualBoxVmConfig, VirtualBoxVmResource,
} from '../../lib';
import { blockProblems, configurableNames, emittedNames, loadSchema, stackProblems } from './schema-helpers';

const HYPERV = loadSchema('hyperv-1.2.1.json');
const VBOX = loadSchema('virtualbox.json');

const PROVIDER_FULL: HypervProviderConfig = {
  user: 'svc', password: 'x', host: 'hv01.corp.example', port: 5986, https: true, insecure: false, useNtlm: true, kerberosRealm: 'CORP.EXAMPLE',
  kerberosServicePrincipalName: 'WSMAN/hv01', kerberosConfig: '/etc/krb5.conf', kerberosCredentialCache: '/tmp/krb5cc', tlsServerName: 'hv01',
  cacertPath: '/etc/ca.pem', certPath: '/etc/c.pem', keyPath: '/etc/k.pem', scriptPath: 'C:/Temp/terraform_%RAND%.cmd', timeout: '60s', alias: 'hv01',
};

const TIMEOUTS = { create: '45m', read: '2m', update: '30m', delete: '10m' };

const MACHINE_FULL: HypervMachineInstanceConfig = {
  name: 'web01', path: 'D:\\VMs', generation: 2, automaticCriticalErrorAction: 'Pause', automaticCriticalErrorActionTimeout: 30,
  automaticStartAction: 'Start', automaticStartDelay: 30, automaticStopAction: 'ShutDown', checkpointType: 'ProductionOnly', staticMemory: true,
  memoryStartupBytes: 4294967296, memoryMinimumBytes: 536870912, memoryMaximumBytes: 8589934592, processorCount: 2, guestControlledCacheTypes: false,
  highMemoryMappedIoSpace: 536870912, lowMemoryMappedIoSpace: 134217728, lockOnDisconnect: 'On', notes: 'n', smartPagingFilePath: 'D:\\paging',
  snapshotFileLocation: 'D:\\snap', integrationServices: { 'Guest Service Interface': false, 'Heartbeat': true }, state: 'Running',
  waitForStateTimeout: 120, waitForStatePollPeriod: 2, waitForIpsTimeout: 300, waitForIpsPollPeriod: 5,
  vmProcessor: [{
    compatibilityForMigrationEnabled: false, compatibilityForOlderOperatingSystemsEnabled: false, hwThreadCountPerCore: 0, maximum: 100, reserve: 0,
    relativeWeight: 100, maximumCountPerNumaNode: 0, maximumCountPerNumaSocket: 0, enableHostResourceProtection: true, exposeVirtualizationExtensions: false,
  }],
  networkAdaptors: [{
    name: 'eth0', switchName: 'tenant-a', managementOs: false, isLegacy: false, dynamicMacAddress: true, staticMacAddress: '', macAddressSpoofing: 'Off',
    dhcpGuard: 'On', routerGuard: 'On', portMirroring: 'None', ieeePriorityTag: 'Off', vmqWeight: 100, iovQueuePairsRequested: 1,
    iovInterruptModeration: 'Off', iovWeight: 100, ipsecOffloadMaximumSecurityAssociation: 512, maximumBandwidth: 0, minimumBandwidthAbsolute: 0,
    minimumBandwidthWeight: 0, mandatoryFeatureId: ['f1'], resourcePoolName: '', testReplicaPoolName: '', testReplicaSwitchName: '', virtualSubnetId: 0,
    allowTeaming: 'Off', notMonitoredInCluster: false, stormLimit: 0, dynamicIpAddressLimit: 0, deviceNaming: 'Off', fixSpeed10g: 'Off',
    packetDirectNumProcs: 0, packetDirectModerationCount: 0, packetDirectModerationInterval: 0, vrssEnabled: true, vmmqEnabled: false, vmmqQueuePairs: 16,
    vlanAccess: true, vlanId: 120, waitForIps: false,
  }],
  dvdDrives: [{ controllerNumber: 0, controllerLocation: 1, path: 'D:\\iso\\seed.iso', resourcePoolName: '' }],
  hardDiskDrives: [{
    controllerType: 'Scsi', controllerNumber: 0, controllerLocation: 0, path: 'D:\\VMs\\web01\\os.vhdx', diskNumber: 4294967295, resourcePoolName: 'Primordial',
    supportPersistentReservations: false, maximumIops: 0, minimumIops: 0, qosPolicyId: '00000000-0000-0000-0000-000000000000', overrideCacheAttributes: 'Default',
  }],
  vmFirmware: [{
    bootOrder: [{ bootType: 'HardDiskDrive', networkAdapterName: '', switchName: '', macAddress: '', path: '', controllerNumber: 0, controllerLocation: 0 }],
    enableSecureBoot: 'On', secureBootTemplate: 'MicrosoftUEFICertificateAuthority', preferredNetworkBootProtocol: 'IPv4', consoleMode: 'None', pauseAfterBootFailure: 'Off',
  }],
  timeouts: TIMEOUTS,
};

const SWITCH_FULL: HypervNetworkSwitchConfig = {
  name: 'tenant-a', notes: 'n', switchType: 'External', allowManagementOs: false, netAdapterNames: ['Ethernet 2'], enableEmbeddedTeaming: false,
  enableIov: false, enablePacketDirect: false, minimumBandwidthMode: 'None', defaultFlowMinimumBandwidthAbsolute: 0, defaultFlowMinimumBandwidthWeight: 0,
  defaultQueueVmmqEnabled: false, defaultQueueVmmqQueuePairs: 16, defaultQueueVrssEnabled: false, timeouts: TIMEOUTS,
};

// A VHD takes one source at a time (the provider's ConflictsWith); two configurations cover every attribute between them.
const VHD_FULL: HypervVhdConfig[] = [
  { path: 'D:\\VMs\\a.vhdx', source: 'https://images.example/golden.vhdx', size: 42949672960, blockSize: 33554432, logicalSectorSize: 512, physicalSectorSize: 4096, timeouts: TIMEOUTS },
  { path: 'D:\\VMs\\b.vhdx', sourceVm: 'golden', sourceDisk: 1, vhdType: 'Differencing', parentPath: 'D:\\VMs\\parent.vhdx' },
];

const VM_FULL: VirtualBoxVmConfig = {
  name: 'lab01', image: 'https://boxes.example/debian-12.box', cpus: 2, memory: '2.0 gib', status: 'running', userData: '', checksum: '',
  checksumType: 'sha256', opticalDisks: ['/isos/seed.iso'], bootOrder: ['disk', 'none', 'none', 'none'],
  networkAdapter: [{ type: 'hostonly', device: 'VirtIO', hostInterface: 'vboxnet1' }],
};

function synth(build: (stack: TerraformStack) => void): any {
  const stack = new TerraformStack(Testing.app(), 'stack');
  build(stack);
  return JSON.parse(Testing.synth(stack));
}

function union(...lists: string[][]): string[] {
  return [...new Set(lists.flat())].sort();
}

describe('Hyper-V L1 bindings (taliesins/hyperv 1.2.1)', () => {
  const json = synth((s) => {
    new HypervProvider(s, 'hyperv', PROVIDER_FULL);
    new HypervMachineInstanceResource(s, 'Vm', MACHINE_FULL);
    // exactly one memory mode per VM (ExactlyOneOf): the other one on a second VM
    new HypervMachineInstanceResource(s, 'DynamicVm', { name: 'web02', dynamicMemory: true });
    new HypervNetworkSwitchResource(s, 'Switch', SWITCH_FULL);
    VHD_FULL.forEach((c, i) => new HypervVhdResource(s, `Vhd${i}`, c));
  });

  test('required_providers pins taliesins/hyperv 1.2.1', () => {
    expect(json.terraform.required_providers.hyperv).toEqual({ source: 'taliesins/hyperv', version: '1.2.1' });
  });

  test('every emitted block conforms to the schema list (names, value forms, required, no computed-only)', () => {
    expect(stackProblems(json, [HYPERV])).toEqual([]);
  });

  test.each([
    ['provider', () => json.provider.hyperv, HYPERV.provider.hyperv],
    ['hyperv_machine_instance', () => Object.values(json.resource.hyperv_machine_instance), HYPERV.resource.hyperv_machine_instance],
    ['hyperv_network_switch', () => [json.resource.hyperv_network_switch.Switch], HYPERV.resource.hyperv_network_switch],
    ['hyperv_vhd', () => Object.values(json.resource.hyperv_vhd), HYPERV.resource.hyperv_vhd],
  ] as const)('%s: a full configuration emits every configurable attribute of the schema and nothing else', (_name, bodies, schema) => {
    expect(union(...(bodies() as any[]).map((b) => emittedNames(b, schema)))).toEqual(configurableNames(schema));
  });

  test('exact JSON forms: On/Off strings, map keys with spaces, snake_case nested blocks, timeouts object', () => {
    const vm = json.resource.hyperv_machine_instance.Vm;
    expect(vm.network_adaptors[0]).toMatchObject({ mac_address_spoofing: 'Off', dhcp_guard: 'On', fix_speed_10g: 'Off', vlan_access: true, vlan_id: 120 });
    expect(vm.integration_services).toEqual({ 'Guest Service Interface': false, 'Heartbeat': true });
    expect(vm.vm_firmware).toEqual([expect.objectContaining({ enable_secure_boot: 'On', boot_order: [expect.objectContaining({ boot_type: 'HardDiskDrive' })] })]);
    expect(vm.timeouts).toEqual(TIMEOUTS);
    expect(vm.static_memory).toBe(true);
    expect('dynamic_memory' in vm).toBe(false);
  });

  test('unset optionals are left out (the provider default applies)', () => {
    const minimal = synth((s) => { new HypervMachineInstanceResource(s, 'Vm', { name: 'a', staticMemory: true }); });
    expect(minimal.resource.hyperv_machine_instance.Vm).toEqual({ name: 'a', static_memory: true });
  });

  test('references: name, id and adaptor addresses interpolate the resource', () => {
    const refs = synth((s) => {
      const vm = new HypervMachineInstanceResource(s, 'Vm', { name: 'a', staticMemory: true });
      const vhd = new HypervVhdResource(s, 'Disk', { path: 'D:\\a.vhdx', size: 4096 });
      const sw = new HypervNetworkSwitchResource(s, 'Sw', { name: 'private-a', switchType: 'Private', allowManagementOs: false });
      new HypervMachineInstanceResource(s, 'Other', {
        name: vm.name, staticMemory: true, notes: Fn.join(',', vm.networkAdaptorIpAddresses(0)), path: vm.id,
        hardDiskDrives: [{ controllerNumber: 0, controllerLocation: 0, path: vhd.path }], networkAdaptors: [{ name: 'n', switchName: sw.name }],
      });
    });
    const other = refs.resource.hyperv_machine_instance.Other;
    expect(other.name).toBe('${hyperv_machine_instance.Vm.name}');
    expect(other.hard_disk_drives[0].path).toBe('${hyperv_vhd.Disk.path}');
    expect(other.network_adaptors[0].switch_name).toBe('${hyperv_network_switch.Sw.name}');
    expect(other.notes).toBe('${join(",", hyperv_machine_instance.Vm.network_adaptors[0].ip_addresses)}');
    expect(other.path).toBe('${hyperv_machine_instance.Vm.id}');
  });

  test('the provider password from a sensitive variable, and the alias', () => {
    const out = synth((s) => {
      const password = new TerraformVariable(s, 'hyperv_password', { type: 'string', sensitive: true });
      new HypervProvider(s, 'hyperv', { host: 'hv01', password: password.stringValue, alias: 'hv01' });
    });
    expect(out.provider.hyperv).toEqual([{ host: 'hv01', password: '${var.hyperv_password}', alias: 'hv01' }]);
  });
});

describe('VirtualBox L1 bindings', () => {
  test('shekeriev/virtualbox 0.0.4 by default, with delay and mintimeout; every attribute conforms', () => {
    const json = synth((s) => {
      new VirtualBoxProvider(s, 'virtualbox', { delay: 60, mintimeout: 5 });
      new VirtualBoxVmResource(s, 'Lab', VM_FULL);
    });
    expect(json.terraform.required_providers.virtualbox).toEqual({ source: 'shekeriev/virtualbox', version: '0.0.4' });
    expect(json.provider.virtualbox).toEqual([{ delay: 60, mintimeout: 5 }]);
    expect(stackProblems(json, [VBOX])).toEqual([]);
    const schema = VBOX.resource.virtualbox_vm;
    expect(emittedNames(json.resource.virtualbox_vm.Lab, schema)).toEqual(configurableNames(schema));
    expect(emittedNames(json.provider.virtualbox[0], VBOX.provider['shekeriev/virtualbox'])).toEqual(['delay', 'mintimeout']);
  });

  test('terra-farm/virtualbox 0.2.2-alpha.1: exact pre-release version and an empty provider block', () => {
    const json = synth((s) => {
      new VirtualBoxProvider(s, 'virtualbox', { source: VirtualBoxProviderSource.TERRA_FARM });
      new VirtualBoxVmResource(s, 'Lab', { name: 'lab01', image: '/boxes/debian.box' });
    });
    expect(json.terraform.required_providers.virtualbox).toEqual({ source: 'terra-farm/virtualbox', version: '0.2.2-alpha.1' });
    expect(json.provider.virtualbox).toEqual([{}]);
    expect(stackProblems(json, [VBOX])).toEqual([]);
  });

  test('the IPv4 reference of an adapter', () => {
    const json = synth((s) => {
      const vm = new VirtualBoxVmResource(s, 'Lab', { name: 'lab01', image: '/boxes/debian.box' });
      new VirtualBoxVmResource(s, 'Other', { name: 'lab02', image: '/boxes/debian.box', userData: vm.networkAdapterIpv4Address(0) });
    });
    expect(json.resource.virtualbox_vm.Other.user_data).toBe('${virtualbox_vm.Lab.network_adapter[0].ipv4_address}');
  });
});

describe('the schema checker itself catches what it must', () => {
  const schema = HYPERV.resource.hyperv_machine_instance;
  test.each([
    [{ name: 'a', static_memory: true, staticMemory: true }, 'hyperv_machine_instance.x.staticMemory: is not an attribute or block of the schema'],
    [{ name: 'a', lock_on_disconnect: true }, 'hyperv_machine_instance.x.lock_on_disconnect: is not a string (got true)'],
    [{ name: 'a', id: 'a' }, 'hyperv_machine_instance.x.id: is computed only and must never be emitted'],
    [{ static_memory: true }, 'hyperv_machine_instance.x.name: is required but missing'],
    [{ name: 'a', network_adaptors: [{ name: 'n', ip_addresses: [] }] }, 'hyperv_machine_instance.x.network_adaptors[0].ip_addresses: is computed only and must never be emitted'],
    [{ name: 'a', vm_processor: [{}, {}] }, 'hyperv_machine_instance.x.vm_processor: has 2 blocks, max 1'],
  ])('%j', (body, problem) => {
    expect(blockProblems(body, schema, 'hyperv_machine_instance.x')).toContain(problem);
  });
});

describe('the bindings reject what the provider would reject at apply or diff forever', () => {
  const stack = () => new TerraformStack(Testing.app(), 'stack');
  test.each([
    ['both memory modes', () => new HypervMachineInstanceResource(stack(), 'Vm', { name: 'a', staticMemory: true, dynamicMemory: true }), 'dynamicMemory/staticMemory'],
    ['no memory mode', () => new HypervMachineInstanceResource(stack(), 'Vm', { name: 'a' }), 'dynamicMemory/staticMemory'],
    ['memory mode false', () => new HypervMachineInstanceResource(stack(), 'Vm', { name: 'a', staticMemory: false }), 'staticMemory'],
    ['On/Off casing', () => new HypervMachineInstanceResource(stack(), 'Vm', { name: 'a', staticMemory: true, networkAdaptors: [{ name: 'n', dhcpGuard: 'on' }] }),
      'network_adaptors[0].dhcp_guard'],
    ['waiting for an IP with KVP off', () => new HypervMachineInstanceResource(stack(), 'Vm', {
      name: 'a', staticMemory: true, integrationServices: { 'Key-Value Pair Exchange': false }, networkAdaptors: [{ name: 'n', waitForIps: false }, { name: 'm' }],
    }), 'networkAdaptors[1].waitForIps'],
    ['unknown switch type', () => new HypervNetworkSwitchResource(stack(), 'Sw', { name: 'a', switchType: 'Bridged' }), 'switch_type'],
    ['VirtualBox memory format', () => new VirtualBoxVmResource(stack(), 'Lab', { name: 'a', image: '/a.box', memory: '2048' }), 'memory'],
    ['VirtualBox boot device', () => new VirtualBoxVmResource(stack(), 'Lab', { name: 'a', image: '/a.box', bootOrder: ['hdd'] }), 'bootOrder[0]'],
    ['terra-farm provider arguments', () => new VirtualBoxProvider(stack(), 'vb', { source: VirtualBoxProviderSource.TERRA_FARM, delay: 5 }), 'delay'],
  ])('%s', (_name, build, prop) => {
    let error: any;
    try { build(); } catch (e) { error = e; }
    expect(Errors.isValidationError(error)).toBe(true);
    expect(error.prop).toBe(prop);
    expect(error.message).toMatch(/^stack\/\w+: .+: .+ \(got .+\)\. .+/);
  });
});

describe('cdktf synth --hcl', () => {
  test('the bindings render HCL with the same attribute names, nested blocks as blocks', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new HypervProvider(stack, 'hyperv', { host: 'hv01', https: true, alias: 'hv01' });
    new VirtualBoxProvider(stack, 'virtualbox', { delay: 30 });
    new HypervMachineInstanceResource(stack, 'Vm', MACHINE_FULL);
    new VirtualBoxVmResource(stack, 'Lab', VM_FULL);
    const hcl: string = Testing.synthHcl(stack);
    expect(hcl).toContain('resource "hyperv_machine_instance" "Vm" {');
    expect(hcl).toMatch(/provider "hyperv" \{\s+host\s+= "hv01"\s+https\s+= true\s+alias\s+= "hv01"/);
    expect(hcl).toMatch(/provider "virtualbox" \{\s+delay = 30/);
    expect(hcl).toMatch(/network_adaptors \{\s+name\s+= "eth0"/);
    expect(hcl).toMatch(/vm_firmware \{\s+boot_order \{\s+boot_type\s+= "HardDiskDrive"/);
    expect(hcl).toMatch(/"Guest Service Interface" = false/);
    expect(hcl).toMatch(/timeouts \{\s+create = "45m"/);
    expect(hcl).toMatch(/memory\s+= "2\.0 gib"/);
    expect(hcl).toMatch(/network_adapter \{\s+type\s+= "hostonly"\s+device\s+= "VirtIO"\s+host_interface = "vboxnet1"/);
  });
});
