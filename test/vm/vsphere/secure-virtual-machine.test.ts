import { DrsVmOverride } from '@cdktf/provider-vsphere/lib/drs-vm-override';
import { HaVmOverride } from '@cdktf/provider-vsphere/lib/ha-vm-override';
import { VirtualMachine } from '@cdktf/provider-vsphere/lib/virtual-machine';
import { TerraformVariable, Testing } from 'cdktf';
import { Node } from 'constructs';
import {
  Firmware, GuestCustomization, GuestOsFamily, HostPciDevice, Hypervisor, Policy, RemovalPolicy, SecureVirtualMachine,
  SecureVirtualMachineProps, TemplateSource, VmHardening, VmSnapshot, VmSpec, VmTemplate, VsphereDiskMode,
} from '../../../lib';
import { goldenTemplate, gpu, newStack, only, SPEC, synthJson } from './helpers';
import { notesOf } from '../../helpers/notes';

function build(props: Partial<SecureVirtualMachineProps> = {}, spec: Partial<VmSpec> = {}) {
  const stack = newStack();
  const template = goldenTemplate(stack);
  const vm = new SecureVirtualMachine(stack, 'Vm', { template, ...props, spec: { ...SPEC, ...spec } } as SecureVirtualMachineProps);
  return { stack, template, vm };
}

function vmJson(props: Partial<SecureVirtualMachineProps> = {}, spec: Partial<VmSpec> = {}): any {
  return only(synthJson(build(props, spec).stack), 'vsphere_virtual_machine');
}

function messages(vm: SecureVirtualMachine, level: string): string[] {
  return vm.node.metadata.filter((m) => m.type === (level === 'warning' ? '@cdktf/warn' : '@cdktf/info')).map((m) => String(m.data));
}

describe('SecureVirtualMachine defaults', () => {
  test('snapshot of the default configuration', () => {
    expect(Testing.synthScope((scope) => {
      new SecureVirtualMachine(scope, 'Vm', { spec: SPEC, template: goldenTemplate(scope) });
    })).toMatchSnapshot();
  });

  test('defaultChild is the vsphere_virtual_machine', () => {
    const { vm } = build();
    expect(Node.of(vm).defaultChild).toBe(vm.resource);
    expect(vm.resource).toBeInstanceOf(VirtualMachine);
    expect(SecureVirtualMachine.isSecureVirtualMachine(vm)).toBe(true);
    expect(SecureVirtualMachine.isSecureVirtualMachine({})).toBe(false);
  });

  test('clones from the template into its cluster pool and datastore', () => {
    expect(vmJson()).toMatchObject({
      name: 'app-01',
      num_cpus: 4,
      num_cores_per_socket: 2,
      memory: 8192,
      clone: { template_uuid: expect.stringMatching(/^\$\{data\.vsphere_virtual_machine\.Golden_Template_[0-9A-F]{8}\.uuid\}$/) },
      guest_id: expect.stringMatching(/^\$\{data\.vsphere_virtual_machine\.Golden_Template_[0-9A-F]{8}\.guest_id\}$/),
      scsi_type: expect.stringMatching(/^\$\{data\.vsphere_virtual_machine\.Golden_Template_[0-9A-F]{8}\.scsi_type\}$/),
      resource_pool_id: expect.stringMatching(/^\$\{data\.vsphere_compute_cluster\.Golden_ComputeCluster_[0-9A-F]{8}\.resource_pool_id\}$/),
      datastore_id: expect.stringMatching(/^\$\{data\.vsphere_datastore\.Golden_Datastore_[0-9A-F]{8}\.id\}$/),
    });
  });

  test.each(VmHardening.extraConfigSettings().map((s) => [s.source, s.controlId, s.key, s.value]))(
    '%s (%s): extra_config["%s"] = "%s"', (_source, _control, key, value) => {
      expect(vmJson().extra_config[key]).toBe(value);
    });

  test('VMCH-80-000199 and VMCH-80-000200: extra_config is exactly the hardening profile (no pshare salt, no dvFilter, no dropped keys)', () => {
    const extra = vmJson().extra_config;
    expect(extra).toEqual(VmHardening.extraConfig());
    expect(Object.keys(extra)).toHaveLength(16);
    expect(Object.keys(extra).some((k) => /sched\.mem\.pshare\.salt|filter\d+\.name|svga\.vgaOnly|RemoteDisplay\.vnc/i.test(k))).toBe(false);
  });

  test('VMCH-80-000207: logging is on', () => {
    expect(vmJson().enable_logging).toBe(true);
  });

  test('VMCH-80-000208: every disk is persistent', () => {
    const disks = vmJson({}, { disks: [{ label: 'disk0', sizeGiB: 40 }, { label: 'data', sizeGiB: 100 }] }).disk;
    expect(disks.map((d: any) => d.disk_mode)).toEqual(['persistent', 'persistent']);
    expect(disks.map((d: any) => [d.label, d.size, d.unit_number, d.thin_provisioned])).toEqual([['disk0', 40, 0, true], ['data', 100, 1, true]]);
  });

  test('VMCH-80-000210: no CD/DVD drive', () => {
    expect(vmJson().cdrom).toBeUndefined();
  });

  test('VMCH-80-000214: no PCI passthrough and no host pinning', () => {
    const vm = vmJson();
    expect(vm.pci_device_id).toBeUndefined();
    expect(vm.host_system_id).toBeUndefined();
  });

  test('VM-EFI-SECUREBOOT: EFI firmware with Secure Boot', () => {
    expect(vmJson()).toMatchObject({ firmware: 'efi', efi_secure_boot_enabled: true });
  });

  test('VM-NO-HOTADD: CPU and memory hot add and CPU hot remove are off', () => {
    expect(vmJson()).toMatchObject({ cpu_hot_add_enabled: false, cpu_hot_remove_enabled: false, memory_hot_add_enabled: false });
  });

  test('VM-HW-VERSION: hardware version 20', () => {
    expect(vmJson().hardware_version).toBe(20);
  });

  test('VM-VBS: VBS, vVT-d and nested HV are off for non-VBS guests; no vTPM', () => {
    const vm = vmJson();
    expect(vm).toMatchObject({ vbs_enabled: false, vvtd_enabled: false, nested_hv_enabled: false });
    expect(vm.vtpm).toBeUndefined();
  });

  test('VM-EXTRA-CONFIG-APPLY: extra_config requires a reboot to apply', () => {
    expect(vmJson().extra_config_reboot_required).toBe(true);
  });

  test('the VM and its disks are protected from destroy', () => {
    expect(vmJson().lifecycle.prevent_destroy).toBe(true);
  });

  test('no memory reservation, no passthrough overrides', () => {
    const { stack, vm } = build();
    const json = synthJson(stack);
    expect(only(json, 'vsphere_virtual_machine').memory_reservation).toBe(0);
    expect(json.resource.vsphere_drs_vm_override).toBeUndefined();
    expect(json.resource.vsphere_ha_vm_override).toBeUndefined();
    expect(vm.pciPassthroughEnabled).toBe(false);
    expect(vm.hypervisor).toBe(Hypervisor.VSPHERE);
  });

  test('resolves spec defaults: coresPerSocket 1, EFI, Linux, one 40 GiB disk, no networks', () => {
    const stack = newStack();
    const vm = new SecureVirtualMachine(stack, 'Vm', { spec: { name: 'min', cpus: 2, memoryMiB: 2048 }, template: goldenTemplate(stack) });
    expect(vm.spec).toMatchObject({ coresPerSocket: 1, firmware: Firmware.EFI, guestOsFamily: GuestOsFamily.LINUX, networks: [] });
    expect(vm.spec.disks).toEqual([{ label: 'disk0', sizeGiB: 40, thinProvisioned: true }]);
    expect(only(synthJson(stack), 'vsphere_virtual_machine').network_interface).toBeUndefined();
  });

  test('network adapters are vmxnet3 on the given networks', () => {
    expect(vmJson().network_interface).toEqual([{ adapter_type: 'vmxnet3', network_id: 'dvportgroup-10' }]);
  });

  test('records every control Terraform cannot express as a synth note naming the control id (one summary line per stack, not one info each)', () => {
    const { vm } = build();
    expect(messages(vm, 'info').filter((m) => /not expressible/.test(m))).toEqual([]);
    const infos = notesOf(vm);
    for (const id of ['VM-NO-FLOPPY', 'VM-NO-SERIAL', 'VM-NO-PARALLEL', 'VM-NO-USB', 'VM-VMOTION-ENCRYPT', 'VM-FT-ENCRYPT', 'VM-ENCRYPTION']) {
      expect(infos.some((m) => m.startsWith(id) || m.includes(`${id} will report`))).toBe(true);
    }
    expect(infos.find((m) => m.startsWith('VM-NO-FLOPPY'))).toContain('STIG VMCH-80-000209');
    expect(messages(vm, 'warning')).toEqual([]);
  });
});

describe('SecureVirtualMachine options', () => {
  test('storagePolicyId encrypts the VM home and every disk, and vMotion encryption follows', () => {
    const { stack, vm } = build({ storagePolicyId: 'policy-enc' });
    const json = only(synthJson(stack), 'vsphere_virtual_machine');
    expect(json.storage_policy_id).toBe('policy-enc');
    expect(json.disk.every((d: any) => d.storage_policy_id === 'policy-enc')).toBe(true);
    expect(messages(vm, 'info').some((m) => m.startsWith('VM-VMOTION-ENCRYPT'))).toBe(false);
  });

  test('vtpm adds a TPM 2.0 device', () => {
    expect(vmJson({ vtpm: true }).vtpm).toEqual({ version: '2.0' });
  });

  test('vbs on Windows sets all four required attributes', () => {
    expect(vmJson({ vbs: true }, { guestOsFamily: GuestOsFamily.WINDOWS })).toMatchObject({
      vbs_enabled: true, firmware: 'efi', efi_secure_boot_enabled: true, vvtd_enabled: true, nested_hv_enabled: true,
    });
  });

  test('cdrom attaches a client-device drive with a VM-NO-CDROM warning', () => {
    const { stack, vm } = build({ cdrom: true });
    expect(only(synthJson(stack), 'vsphere_virtual_machine').cdrom).toEqual([{ client_device: true }]);
    expect(messages(vm, 'warning').join()).toContain('VM-NO-CDROM');
  });

  test('BIOS firmware turns Secure Boot off with a VM-EFI-SECUREBOOT warning', () => {
    const { stack, vm } = build({}, { firmware: Firmware.BIOS });
    expect(only(synthJson(stack), 'vsphere_virtual_machine')).toMatchObject({ firmware: 'bios', efi_secure_boot_enabled: false });
    expect(messages(vm, 'warning').join()).toContain('VM-EFI-SECUREBOOT');
  });

  test('secureBoot: false keeps EFI and warns', () => {
    const { stack, vm } = build({ secureBoot: false });
    expect(only(synthJson(stack), 'vsphere_virtual_machine')).toMatchObject({ firmware: 'efi', efi_secure_boot_enabled: false });
    expect(messages(vm, 'warning').join()).toContain('VM-EFI-SECUREBOOT');
  });

  test('allowHotAdd turns hot add on with a VM-NO-HOTADD warning', () => {
    const { stack, vm } = build({ allowHotAdd: true });
    expect(only(synthJson(stack), 'vsphere_virtual_machine')).toMatchObject({ cpu_hot_add_enabled: true, memory_hot_add_enabled: true });
    expect(messages(vm, 'warning').join()).toContain('VM-NO-HOTADD');
  });

  test('enableLogging: false warns with VM-LOGGING', () => {
    const { stack, vm } = build({ enableLogging: false });
    expect(only(synthJson(stack), 'vsphere_virtual_machine').enable_logging).toBe(false);
    expect(messages(vm, 'warning').join()).toContain('VM-LOGGING');
  });

  test('independent_persistent disks are allowed', () => {
    expect(vmJson({ diskMode: VsphereDiskMode.INDEPENDENT_PERSISTENT }).disk[0].disk_mode).toBe('independent_persistent');
  });

  test('removalPolicy DESTROY lifts prevent_destroy with a warning', () => {
    const { stack, vm } = build({ removalPolicy: RemovalPolicy.DESTROY });
    expect(only(synthJson(stack), 'vsphere_virtual_machine').lifecycle.prevent_destroy).toBe(false);
    expect(messages(vm, 'warning').join()).toContain('removalPolicy');
  });

  test('extraConfig adds keys and warns when it loosens a hardening key', () => {
    const { stack, vm } = build({ extraConfig: { 'isolation.tools.copy.disable': 'FALSE', 'custom.key': 'x' } });
    const extra = only(synthJson(stack), 'vsphere_virtual_machine').extra_config;
    expect(extra['isolation.tools.copy.disable']).toBe('FALSE');
    expect(extra['custom.key']).toBe('x');
    expect(messages(vm, 'warning').join()).toContain('VM-ISOLATION-COPY (STIG VMCH-80-000189)');
  });

  test('a dvFilter key warns with VM-NO-DVFILTER', () => {
    const { vm } = build({ extraConfig: { 'ethernet0.filter0.name': 'dvfilter-appliance' } });
    expect(messages(vm, 'warning').join()).toContain('VM-NO-DVFILTER');
  });

  test('a key dropped from the vSphere 8 guidance is warned about', () => {
    const { vm } = build({ extraConfig: { 'RemoteDisplay.vnc.enabled': 'FALSE' } });
    expect(messages(vm, 'warning').join()).toContain('extraConfig["RemoteDisplay.vnc.enabled"] is not implemented in vSphere 8');
  });

  test('cloud-init user data and metadata go to guestinfo, base64-encoded', () => {
    const extra = vmJson({}, { cloudInitUserData: '#cloud-config\nusers: []\n' }).extra_config;
    expect(extra['guestinfo.userdata']).toBe(Buffer.from('#cloud-config\nusers: []\n').toString('base64'));
    expect(extra['guestinfo.userdata.encoding']).toBe('base64');
    expect(Buffer.from(extra['guestinfo.metadata'], 'base64').toString()).toBe('instance-id: app-01\nlocal-hostname: app-01\n');
    expect(extra['guestinfo.metadata.encoding']).toBe('base64');
  });

  test('unresolved cloud-init user data is encoded by Terraform', () => {
    const stack = newStack();
    const data = new TerraformVariable(stack, 'user_data', { type: 'string' });
    new SecureVirtualMachine(stack, 'Vm', { spec: { ...SPEC, cloudInitUserData: data.stringValue }, template: goldenTemplate(stack) });
    expect(only(synthJson(stack), 'vsphere_virtual_machine').extra_config['guestinfo.userdata']).toBe('${base64encode(var.user_data)}');
  });

  test('Linux customisation sets host name, domain and static addresses', () => {
    const json = vmJson({ customization: GuestCustomization.linux({ hostName: 'app-01', domain: 'corp.example', ipv4Gateway: '10.0.0.1', dnsServers: ['10.0.0.53'] }) },
      { networks: [{ networkId: 'net-1', ipv4Address: '10.0.0.10', ipv4PrefixLength: 24 }] });
    expect(json.clone.customize).toEqual({
      ipv4_gateway: '10.0.0.1',
      dns_server_list: ['10.0.0.53'],
      linux_options: { host_name: 'app-01', domain: 'corp.example', time_zone: 'Etc/UTC', hw_clock_utc: true },
      network_interface: [{ ipv4_address: '10.0.0.10', ipv4_netmask: 24 }],
    });
  });

  test('Windows customisation takes the admin password only as a sensitive value', () => {
    const stack = newStack();
    const password = new TerraformVariable(stack, 'admin_password', { type: 'string', sensitive: true });
    new SecureVirtualMachine(stack, 'Vm', {
      spec: { ...SPEC, guestOsFamily: GuestOsFamily.WINDOWS },
      template: goldenTemplate(stack),
      customization: GuestCustomization.windows({ computerName: 'APP01', adminPassword: password.stringValue }),
    });
    expect(only(synthJson(stack), 'vsphere_virtual_machine').clone.customize.windows_options).toEqual({
      computer_name: 'APP01', admin_password: '${var.admin_password}', workgroup: 'WORKGROUP', time_zone: 85, auto_logon: false,
    });
  });

  test('folder, tags, resource pool, guest id and annotation pass through', () => {
    expect(vmJson({ folder: 'prod/app', tags: ['urn:tag-1'], guestId: 'ubuntu64Guest', annotation: 'app VM', resourcePool: { resourcePoolId: 'pool-7' } as any }))
      .toMatchObject({ folder: 'prod/app', tags: ['urn:tag-1'], guest_id: 'ubuntu64Guest', annotation: 'app VM', resource_pool_id: 'pool-7' });
  });
});

describe('SecureVirtualMachine passthrough', () => {
  function passthroughVm(extra: Partial<SecureVirtualMachineProps> = {}, devices = 1) {
    const stack = newStack();
    const template = goldenTemplate(stack);
    // Identical devices of one host: the first by lookup, the others by PCI address (a second
    // identical lookup would return the same device).
    const list = Array.from({ length: devices }, (_, i) => (i === 0
      ? gpu(stack, `Gpu${i}`, devices > 1 ? 24 : 80)
      : new HostPciDevice(stack, `Gpu${i}`, { datacenterId: 'datacenter-1', hostName: 'esx-gpu-01', pciAddress: `0000:${(0x3b + i).toString(16)}:00.0`, deviceMemoryGB: 24 })));
    const vm = new SecureVirtualMachine(stack, 'Vm', {
      spec: { ...SPEC, memoryMiB: 65536 }, template,
      passthrough: { devices: list, approvalReason: 'inference needs a whole GPU; CHG-1' },
      ...extra,
    });
    return { stack, vm, json: synthJson(stack) };
  }

  test('snapshot of a passthrough VM', () => {
    expect(Testing.synth(passthroughVm().stack)).toMatchSnapshot();
  });

  test('PT-FULL-MEM-RESERVATION, PT-HOST-PINNED, PT-64BIT-MMIO, PT-MMIO-SIZE: one 80 GB GPU → 256 GB window', () => {
    const vm = only(passthroughVm().json, 'vsphere_virtual_machine');
    expect(vm).toMatchObject({
      memory: 65536,
      memory_reservation: 65536,
      memory_reservation_locked_to_max: true,
      host_system_id: expect.stringMatching(/^\$\{data\.vsphere_host\.Gpu0_Host_[0-9A-F]{8}\.id\}$/),
      pci_device_id: [expect.stringMatching(/^\$\{data\.vsphere_host_pci_device\.Gpu0_[0-9A-F]{8}\.id\}$/)],
      firmware: 'efi',
      efi_secure_boot_enabled: true,
      cpu_hot_add_enabled: false,
      memory_hot_add_enabled: false,
    });
    expect(vm.extra_config['pciPassthru.use64bitMMIO']).toBe('TRUE');
    expect(vm.extra_config['pciPassthru.64bitMMIOSizeGB']).toBe('256');
  });

  test('PT-MMIO-SIZE: two 24 GB GPUs → 128 GB window', () => {
    const vm = only(passthroughVm({}, 2).json, 'vsphere_virtual_machine');
    expect(vm.extra_config['pciPassthru.64bitMMIOSizeGB']).toBe('128');
    expect(vm.pci_device_id).toHaveLength(2);
  });

  test('PT-NO-MIGRATION and PT-NO-HA overrides by default', () => {
    const { json, vm } = passthroughVm();
    const vmRef = expect.stringMatching(/^\$\{vsphere_virtual_machine\.Vm_[0-9A-F]{8}\.id\}$/);
    const clusterRef = expect.stringMatching(/^\$\{data\.vsphere_compute_cluster\.Golden_ComputeCluster_[0-9A-F]{8}\.id\}$/);
    expect(only(json, 'vsphere_drs_vm_override')).toEqual({ drs_enabled: false, virtual_machine_id: vmRef, compute_cluster_id: clusterRef });
    expect(only(json, 'vsphere_ha_vm_override')).toEqual({ ha_vm_restart_priority: 'disabled', virtual_machine_id: vmRef, compute_cluster_id: clusterRef });
    expect(vm.drsOverrideResource).toBeInstanceOf(DrsVmOverride);
    expect(vm.haOverrideResource).toBeInstanceOf(HaVmOverride);
  });

  test('the DRS and HA overrides can be left out', () => {
    const stack = newStack();
    new SecureVirtualMachine(stack, 'Vm', {
      spec: SPEC, template: goldenTemplate(stack),
      passthrough: { devices: [gpu(stack)], approvalReason: 'inference needs a whole GPU', disableDrs: false, disableHaRestart: false },
    });
    const json = synthJson(stack);
    expect(json.resource.vsphere_drs_vm_override).toBeUndefined();
    expect(json.resource.vsphere_ha_vm_override).toBeUndefined();
  });

  test('records the VM-NO-PASSTHROUGH suppression with its reason', () => {
    const { vm } = passthroughVm();
    expect(vm.pciPassthroughEnabled).toBe(true);
    expect(Policy.suppressionsFor(vm.resource)).toEqual([
      { ruleId: 'VM-NO-PASSTHROUGH', reason: 'inference needs a whole GPU; CHG-1', scopePath: 'stack/Vm' },
      { ruleId: 'PT-APPROVED-DEVICE', reason: 'inference needs a whole GPU; CHG-1', scopePath: 'stack/Vm' },
    ]);
  });

  test('secureBoot: false on a passthrough VM warns with PT-EFI-FIRMWARE', () => {
    const { vm } = passthroughVm({ secureBoot: false });
    expect(messages(vm, 'warning').join()).toContain('PT-EFI-FIRMWARE');
  });

  test('a full explicit reservation is accepted', () => {
    expect(only(passthroughVm({ memoryReservationMiB: 65536 }).json, 'vsphere_virtual_machine').memory_reservation).toBe(65536);
  });
});

describe('SecureVirtualMachine validation', () => {
  const cases: Array<[string, Partial<SecureVirtualMachineProps>, Partial<VmSpec>, RegExp]> = [
    ['fails when memory is not a multiple of 4 MiB', {}, { memoryMiB: 4097 }, /^stack\/Vm: spec\.memoryMiB: must be a multiple of 4 MiB \(got 4097\)\. Round it to 4096\.$/],
    ['fails when memory is below the minimum', {}, { memoryMiB: 0 }, /spec\.memoryMiB: must be a whole number from 4 to 25165824 \(got 0\)/],
    ['fails when memory is above 24 TiB', {}, { memoryMiB: 25165828 }, /spec\.memoryMiB: must be a whole number from 4/],
    ['fails when cpus is 0', {}, { cpus: 0 }, /spec\.cpus: must be a whole number from 1 to 768 \(got 0\)/],
    ['fails when cores per socket do not divide cpus', {}, { cpus: 6, coresPerSocket: 4 }, /spec\.coresPerSocket: must divide cpus \(6\) \(got 4\)/],
    ['fails when a disk size is 0', {}, { disks: [{ label: 'disk0', sizeGiB: 0 }] }, /spec\.disks\[0\]\.sizeGiB: must be greater than 0 \(got 0\)/],
    ['fails when a disk size is negative', {}, { disks: [{ label: 'disk0', sizeGiB: -5 }] }, /spec\.disks\[0\]\.sizeGiB: must be greater than 0 \(got -5\)/],
    ['fails when a disk size is fractional', {}, { disks: [{ label: 'disk0', sizeGiB: 1.5 }] }, /spec\.disks\[0\]\.sizeGiB: must be a whole number/],
    ['fails when two disks share a label', {}, { disks: [{ label: 'd', sizeGiB: 1 }, { label: 'd', sizeGiB: 2 }] }, /spec\.disks\[1\]\.label: is used by another disk/],
    ['fails when the disk list is empty', {}, { disks: [] }, /spec\.disks: must list at least one disk/],
    ['fails when the VM name has a slash', {}, { name: 'a/b' }, /spec\.name: must be 1-80 characters/],
    ['fails when an IPv4 address is malformed', {}, { networks: [{ networkId: 'n', ipv4Address: '10.0.0.256', ipv4PrefixLength: 24 }] }, /spec\.networks\[0\]\.ipv4Address: is not an IPv4 address/],
    ['fails when an IPv4 address has no prefix length', {}, { networks: [{ networkId: 'n', ipv4Address: '10.0.0.5' }] }, /spec\.networks\[0\]\.ipv4PrefixLength: is required with ipv4Address/],
    ['fails when cloud-init user data has no header', {}, { cloudInitUserData: 'users: []' }, /spec\.cloudInitUserData: is not cloud-init user data \(got "<user data>"\)/],
    ['fails with secure boot on BIOS firmware', { secureBoot: true }, { firmware: Firmware.BIOS }, /secureBoot: needs EFI firmware/],
    ['fails with vTPM on BIOS firmware', { vtpm: true }, { firmware: Firmware.BIOS }, /vtpm: needs EFI firmware/],
    ['fails with VBS on a Linux guest', { vbs: true }, {}, /vbs: is only for Windows guests/],
    ['fails with VBS on BIOS firmware', { vbs: true }, { firmware: Firmware.BIOS, guestOsFamily: GuestOsFamily.WINDOWS }, /vbs: needs EFI firmware/],
    ['fails with VBS and secure boot off', { vbs: true, secureBoot: false }, { guestOsFamily: GuestOsFamily.WINDOWS }, /secureBoot: must stay on with vbs/],
    ['fails when the hardware version is below the floor', { hardwareVersion: 15 }, {}, /hardwareVersion: must be a whole number from 17 to 22 \(got 15\)/],
    ['fails with a non-persistent disk mode', { diskMode: 'independent_nonpersistent' as VsphereDiskMode }, {}, /diskMode: must keep disks persistent \(VM-DISK-PERSISTENT, VMCH-80-000208\) \(got "independent_nonpersistent"\)/],
    ['fails when the memory reservation exceeds memory', { memoryReservationMiB: 9000 }, {}, /memoryReservationMiB: must be a whole number from 0 to 8192/],
    ['fails with a page-sharing salt', { extraConfig: { 'sched.mem.pshare.salt': 'x' } }, {}, /extraConfig\["sched\.mem\.pshare\.salt"\]: turns on inter-VM page sharing/],
    ['fails when extraConfig sets a passthrough key', { extraConfig: { 'pciPassthru.use64bitMMIO': 'TRUE' } }, {}, /extraConfig\["pciPassthru\.use64bitMMIO"\]: is managed by the passthrough profile/],
    ['fails when extraConfig sets guestinfo next to spec.cloudInitUserData', { extraConfig: { 'guestinfo.userdata': 'x' } }, { cloudInitUserData: '#cloud-config\n' }, /extraConfig\["guestinfo\.userdata"\]: conflicts with spec\.cloudInitUserData \(got "<guestinfo>"\)/],
    ['fails with cloud-init and guest customisation together', { customization: GuestCustomization.linux({ hostName: 'a', domain: 'b.c' }) }, { cloudInitUserData: '#cloud-config\n' }, /customization: cannot be combined with spec\.cloudInitUserData/],
    ['fails with Windows customisation on a Linux guest', { customization: GuestCustomization.windows({ computerName: 'A' }) }, {}, /customization: is for WINDOWS but spec\.guestOsFamily is LINUX/],
    ['fails with a literal Windows admin password, without echoing it', { customization: GuestCustomization.windows({ computerName: 'A', adminPassword: 'hunter2' }) }, { guestOsFamily: GuestOsFamily.WINDOWS }, /customization\.adminPassword: is a sensitive value given as a literal, which would be written into cdk\.tf\.json \(got <redacted>\)/],
    ['fails with an invalid Linux host name', { customization: GuestCustomization.linux({ hostName: 'Bad_Host', domain: 'corp.example' }) }, {}, /customization\.hostName: is not a DNS-1123 label/],
  ];
  test.each(cases)('%s', (_name, props, spec, message) => {
    expect(() => build(props, spec)).toThrow(message);
  });

  test('a literal secret never appears in the error', () => {
    expect(() => build({ customization: GuestCustomization.windows({ computerName: 'A', adminPassword: 'hunter2' }) }, { guestOsFamily: GuestOsFamily.WINDOWS }))
      .toThrow(expect.objectContaining({ message: expect.not.stringContaining('hunter2') }));
  });

  const passthroughCases: Array<[string, (s: any) => Partial<SecureVirtualMachineProps>, Partial<VmSpec>, RegExp]> = [
    ['fails with passthrough without full memory reservation', (s) => ({ memoryReservationMiB: 4096, passthrough: { devices: [gpu(s)], approvalReason: 'inference GPU, CHG-1' } }), {},
      /memoryReservationMiB: must equal spec\.memoryMiB \(8192\) with passthrough \(PT-FULL-MEM-RESERVATION\) \(got 4096\)/],
    ['fails with passthrough and memory hot add', (s) => ({ allowHotAdd: true, passthrough: { devices: [gpu(s)], approvalReason: 'inference GPU, CHG-1' } }), {},
      /allowHotAdd: cannot be true with passthrough \(PT-NO-HOTADD\)/],
    ['fails with passthrough on BIOS firmware', (s) => ({ passthrough: { devices: [gpu(s)], approvalReason: 'inference GPU, CHG-1' } }), { firmware: Firmware.BIOS },
      /spec\.firmware: must be EFI with passthrough \(PT-EFI-FIRMWARE\)/],
    ['fails with a vGPU profile', (s) => ({ passthrough: { devices: [gpu(s)], approvalReason: 'inference GPU, CHG-1', vgpuProfile: 'grid_a100-8c' } }), {},
      /passthrough\.vgpuProfile: is not supported on plain VMs by vmware\/vsphere 2\.15\.0 \(PT-VGPU\)/],
    ['fails with passthrough and no devices', () => ({ passthrough: { devices: [], approvalReason: 'inference GPU, CHG-1' } }), {},
      /passthrough\.devices: must list at least one device/],
    ['fails with passthrough without a reason', (s) => ({ passthrough: { devices: [gpu(s)], approvalReason: 'gpu' } }), {},
      /passthrough\.approvalReason: must explain the exception in at least 10 characters/],
    ['fails with passthrough devices on two hosts', (s) => ({ passthrough: { devices: [gpu(s, 'A', 24, 'esx-1'), gpu(s, 'B', 24, 'esx-2')], approvalReason: 'inference GPU, CHG-1' } }), {},
      /passthrough\.devices: are on more than one host/],
  ];
  test.each(passthroughCases)('%s', (_name, props, spec, message) => {
    const stack = newStack();
    expect(() => new SecureVirtualMachine(stack, 'Vm', { spec: { ...SPEC, ...spec }, template: goldenTemplate(stack), ...props(stack) })).toThrow(message);
  });

  test('skips checks on unresolved values', () => {
    const stack = newStack();
    const memory = new TerraformVariable(stack, 'memory', { type: 'number' });
    expect(() => new SecureVirtualMachine(stack, 'Vm', { spec: { ...SPEC, memoryMiB: memory.numberValue }, template: goldenTemplate(stack) })).not.toThrow();
  });

  test('skips the reservation checks when memory is unresolved', () => {
    const stack = newStack();
    const memory = new TerraformVariable(stack, 'memory', { type: 'number' });
    const vm = new SecureVirtualMachine(stack, 'Vm', {
      spec: { ...SPEC, memoryMiB: memory.numberValue }, template: goldenTemplate(stack), memoryReservationMiB: 4096,
      passthrough: { devices: [gpu(stack)], approvalReason: 'inference GPU, change CHG-1' },
    });
    expect(only(synthJson(stack), 'vsphere_virtual_machine')).toMatchObject({ memory: '${var.memory}', memory_reservation: '${var.memory}' });
    expect(vm.pciPassthroughEnabled).toBe(true);
  });

  test('validation throws before any resource is created', () => {
    const stack = newStack();
    expect(() => new SecureVirtualMachine(stack, 'Vm', { spec: { ...SPEC, memoryMiB: 3 }, template: goldenTemplate(stack) })).toThrow();
    expect(stack.node.tryFindChild('Vm')?.node.tryFindChild('Resource')).toBeUndefined();
  });
});

describe('SecureVirtualMachine SR-IOV (PT-SRIOV)', () => {
  const SRIOV_SPEC: Partial<VmSpec> = {
    memoryMiB: 32768,
    networks: [
      { networkId: 'dvportgroup-sriov', sriovPhysicalFunction: '0000:3b:00.1' },
      { networkId: 'dvportgroup-10', ipv4Address: '10.0.10.5', ipv4PrefixLength: 24 },
    ],
  };

  function sriovVm(props: Partial<SecureVirtualMachineProps> = {}, spec: Partial<VmSpec> = {}) {
    const { stack, vm } = build({ hostSystemId: 'host-42', ...props }, { ...SRIOV_SPEC, ...spec });
    return { stack, vm, json: only(synthJson(stack), 'vsphere_virtual_machine') };
  }

  test('snapshot of an SR-IOV VM', () => {
    expect(Testing.synth(sriovVm().stack)).toMatchSnapshot();
  });

  test('PT-SRIOV: adapter_type "sriov" with the physical function, no bandwidth_* settings, after every other NIC', () => {
    const nics = sriovVm().json.network_interface;
    expect(nics).toEqual([
      { network_id: 'dvportgroup-10', adapter_type: 'vmxnet3' },
      { network_id: 'dvportgroup-sriov', adapter_type: 'sriov', physical_function: '0000:3b:00.1' },
    ]);
    expect(nics.some((n: any) => Object.keys(n).some((k) => k.startsWith('bandwidth_')))).toBe(false);
  });

  test('PT-SRIOV: pinned to the host and all memory reserved and locked (the passthrough reservation logic)', () => {
    expect(sriovVm().json).toMatchObject({
      host_system_id: 'host-42', memory: 32768, memory_reservation: 32768, memory_reservation_locked_to_max: true,
      cpu_hot_add_enabled: false, memory_hot_add_enabled: false,
    });
  });

  test('SR-IOV is not DirectPath I/O: no pci_device_id, no MMIO keys, no suppression, no DRS/HA overrides', () => {
    const { stack, vm } = sriovVm();
    const json = synthJson(stack);
    const resource = only(json, 'vsphere_virtual_machine');
    expect(resource.pci_device_id).toBeUndefined();
    expect(Object.keys(resource.extra_config).some((k) => k.startsWith('pciPassthru'))).toBe(false);
    expect(Policy.suppressionsFor(vm.resource)).toEqual([]);
    expect(json.resource.vsphere_drs_vm_override).toBeUndefined();
  });

  test('the VM reports pciPassthroughEnabled (SR-IOV rules out snapshots, vMotion and hot add) and sriovEnabled', () => {
    const { vm } = sriovVm();
    expect(vm.sriovEnabled).toBe(true);
    expect(vm.pciPassthroughEnabled).toBe(true);
    expect(vm.memoryReservationMiB).toBe(32768);
    expect(build().vm.sriovEnabled).toBe(false);
  });

  test('the reordering is reported as info, and guest customisation follows the rendered order', () => {
    const { json, vm } = sriovVm({ customization: GuestCustomization.linux({ hostName: 'app-01', domain: 'corp.example' }) });
    expect(json.clone.customize.network_interface).toEqual([{ ipv4_address: '10.0.10.5', ipv4_netmask: 24 }, {}]);
    expect(messages(vm, 'info').join()).toContain('SR-IOV adapters [0] are placed after the other adapters (PT-SRIOV); the guest sees the adapters in the order [1], [0]');
    expect(messages(vm, 'warning')).toEqual([]);
  });

  test('SR-IOV NICs already last are not reordered', () => {
    const { json, vm } = sriovVm({}, { networks: [{ networkId: 'a' }, { networkId: 'b', sriovPhysicalFunction: '0000:3b:00.1' }, { networkId: 'c', sriovPhysicalFunction: '0000:3b:00.2' }] });
    expect(json.network_interface.map((n: any) => [n.network_id, n.adapter_type])).toEqual([['a', 'vmxnet3'], ['b', 'sriov'], ['c', 'sriov']]);
    expect(messages(vm, 'info').join()).not.toContain('are placed after');
  });

  test('an explicit full reservation is accepted', () => {
    expect(sriovVm({ memoryReservationMiB: 32768 }).json.memory_reservation).toBe(32768);
  });

  test('SR-IOV and passthrough together take the host of the devices', () => {
    const stack = newStack();
    new SecureVirtualMachine(stack, 'Vm', {
      spec: { ...SPEC, ...SRIOV_SPEC }, template: goldenTemplate(stack),
      passthrough: { devices: [gpu(stack)], approvalReason: 'inference needs a whole GPU; CHG-1' },
    });
    const json = only(synthJson(stack), 'vsphere_virtual_machine');
    expect(json.host_system_id).toMatch(/^\$\{data\.vsphere_host\.Gpu_Host_[0-9A-F]{8}\.id\}$/);
    expect(json.memory_reservation).toBe(32768);
  });

  test('hostSystemId alone pins a VM without SR-IOV', () => {
    expect(vmJson({ hostSystemId: 'host-7' })).toMatchObject({ host_system_id: 'host-7', memory_reservation: 0 });
    expect(vmJson({ hostSystemId: 'host-7' }).memory_reservation_locked_to_max).toBeUndefined();
  });

  test('an unresolved physical function is not checked', () => {
    const stack = newStack();
    const pf = new TerraformVariable(stack, 'pf', { type: 'string' });
    expect(() => new SecureVirtualMachine(stack, 'Vm', {
      spec: { ...SPEC, networks: [{ networkId: 'n', sriovPhysicalFunction: pf.stringValue }] }, template: goldenTemplate(stack), hostSystemId: 'host-42',
    })).not.toThrow();
  });

  const sriovCases: Array<[string, Partial<SecureVirtualMachineProps>, Partial<VmSpec>, RegExp]> = [
    ['fails with SR-IOV without host pinning', { hostSystemId: undefined }, {},
      /^stack\/Vm: hostSystemId: is required with SR-IOV network interfaces \(PT-SRIOV\) \(got undefined\)\. Pin the VM to the host that owns the physical functions/],
    ['fails with SR-IOV without full memory reservation', { memoryReservationMiB: 16384 }, {},
      /^stack\/Vm: memoryReservationMiB: must equal spec\.memoryMiB \(32768\) with SR-IOV network interfaces \(PT-SRIOV\) \(got 16384\)\. Drop memoryReservationMiB/],
    ['fails with SR-IOV and hot add', { allowHotAdd: true }, {},
      /^stack\/Vm: allowHotAdd: cannot be true with SR-IOV network interfaces \(PT-SRIOV\) \(got true\)\. SR-IOV rules out hot add/],
    ['fails with a physical function that is not a PCI address', {}, { networks: [{ networkId: 'n', sriovPhysicalFunction: 'vmnic4' }] },
      /^stack\/Vm: spec\.networks\[0\]\.sriovPhysicalFunction: is not a PCI address \(got "vmnic4"\)\. Give the physical function as domain:bus:device\.function, e\.g\. "0000:3b:00\.1"/],
    ['fails with a PCI function number above 7', {}, { networks: [{ networkId: 'n', sriovPhysicalFunction: '0000:3b:00.8' }] },
      /spec\.networks\[0\]\.sriovPhysicalFunction: is not a PCI address/],
    ['fails with an empty host id', { hostSystemId: '' }, {}, /^stack\/Vm: hostSystemId: must be a host id/],
  ];
  test.each(sriovCases)('%s', (_name, props, spec, message) => {
    expect(() => build({ hostSystemId: 'host-42', ...props }, { ...SRIOV_SPEC, ...spec })).toThrow(message);
  });

  test('fails with hostSystemId next to passthrough', () => {
    const stack = newStack();
    expect(() => new SecureVirtualMachine(stack, 'Vm', {
      spec: SPEC, template: goldenTemplate(stack), hostSystemId: 'host-42',
      passthrough: { devices: [gpu(stack)], approvalReason: 'inference needs a whole GPU; CHG-1' },
    })).toThrow(/^stack\/Vm: hostSystemId: cannot be combined with passthrough \(got "host-42"\)\. Drop hostSystemId: passthrough pins the VM/);
  });

  test('fails with passthrough, SR-IOV and a partial reservation, naming both controls', () => {
    const stack = newStack();
    expect(() => new SecureVirtualMachine(stack, 'Vm', {
      spec: { ...SPEC, ...SRIOV_SPEC }, template: goldenTemplate(stack), memoryReservationMiB: 1024,
      passthrough: { devices: [gpu(stack)], approvalReason: 'inference needs a whole GPU; CHG-1' },
    })).toThrow(/memoryReservationMiB: must equal spec\.memoryMiB \(32768\) with passthrough \(PT-FULL-MEM-RESERVATION\) and SR-IOV network interfaces \(PT-SRIOV\)/);
  });

  test('a VmSnapshot of an SR-IOV VM is refused', () => {
    const { stack, vm } = build({ hostSystemId: 'host-42' }, SRIOV_SPEC);
    expect(() => new VmSnapshot(stack, 'Snap', { virtualMachine: vm, snapshotName: 'x' })).toThrow(/virtualMachine: uses PCI passthrough, which rules out snapshots/);
  });
});

describe('SecureVirtualMachine against vmware/vsphere 2.15.0 (apply-time review)', () => {
  function templateWith(stack: ReturnType<typeof newStack>, extra: { source?: TemplateSource; hardwareVersion?: number } = {}) {
    return new VmTemplate(stack, 'Golden', {
      source: extra.source ?? TemplateSource.existingTemplate('ubuntu-22.04-golden'),
      datacenterName: 'dc-01', computeClusterName: 'cluster-01', datastoreName: 'vsan-01',
      hardwareVersion: extra.hardwareVersion,
    });
  }

  test.each([
    ['an OVF URL', TemplateSource.ovfUrl('https://images.example.com/ubuntu-22.04.ova')],
    ['a content library item', TemplateSource.contentLibraryItem('golden', 'ubuntu')],
  ])('content library template (%s): guest_id is left to the OVF, not overwritten on the second apply', (_name, source) => {
    for (const guestOsFamily of [GuestOsFamily.LINUX, GuestOsFamily.WINDOWS]) {
      const stack = newStack();
      new SecureVirtualMachine(stack, 'Vm', { spec: { ...SPEC, guestOsFamily }, template: templateWith(stack, { source }) });
      expect(only(synthJson(stack), 'vsphere_virtual_machine')).not.toHaveProperty('guest_id');
    }
  });

  test('content library template: an explicit guestId is written', () => {
    const stack = newStack();
    new SecureVirtualMachine(stack, 'Vm', {
      spec: SPEC, template: templateWith(stack, { source: TemplateSource.contentLibraryItem('golden', 'ubuntu') }), guestId: 'ubuntu64Guest',
    });
    expect(only(synthJson(stack), 'vsphere_virtual_machine').guest_id).toBe('ubuntu64Guest');
  });

  test.each([
    ['uefi.secureBoot.enabled', 'FALSE', /extraConfig\["uefi\.secureBoot\.enabled"\]: is set through secureBoot \(efi_secure_boot_enabled\) \(got "FALSE"\)/],
    ['mem.hotadd', 'TRUE', /extraConfig\["mem\.hotadd"\]: is set through allowHotAdd \(memory_hot_add_enabled\)/],
    ['vcpu.hotadd', 'TRUE', /extraConfig\["vcpu\.hotadd"\]: is set through allowHotAdd \(cpu_hot_add_enabled\)/],
    ['vhv.enable', 'TRUE', /extraConfig\["vhv\.enable"\]: is set through vbs \(nested_hv_enabled\)/],
    ['logging', 'FALSE', /extraConfig\["logging"\]: is set through enableLogging \(enable_logging\)/],
    ['virtualHW.version', '13', /extraConfig\["virtualHW\.version"\]: is set through hardwareVersion \(hardware_version\)/],
    ['sched.mem.min', '0', /extraConfig\["sched\.mem\.min"\]: is set through memoryReservationMiB \(memory_reservation\)/],
    ['disk.EnableUUID', 'TRUE', /extraConfig\["disk\.EnableUUID"\]: is set through enableDiskUuid \(enable_disk_uuid\)/],
  ])('fails when extraConfig sets %s, which a typed attribute always overwrites', (key, value, message) => {
    expect(() => build({ extraConfig: { [key]: value } })).toThrow(message);
  });

  test('fails when extraConfig sets a vmx.* key, which vSphere drops (perpetual diff)', () => {
    expect(() => build({ extraConfig: { 'vmx.vmOpNotificationToApp.enabled': 'TRUE' } }))
      .toThrow(/^stack\/Vm: extraConfig\["vmx\.vmOpNotificationToApp\.enabled"\]: is a vmx\.\* key, which vSphere drops from extraConfig/);
  });

  test('enableDiskUuid writes enable_disk_uuid (the supported way to set disk.EnableUUID)', () => {
    expect(vmJson({ enableDiskUuid: true }).enable_disk_uuid).toBe(true);
    expect(vmJson()).not.toHaveProperty('enable_disk_uuid');
  });

  test('hardware version defaults to the template\'s when it is above 20 (the provider cannot downgrade a clone)', () => {
    const stack = newStack();
    const vm = new SecureVirtualMachine(stack, 'Vm', { spec: SPEC, template: templateWith(stack, { hardwareVersion: 21 }) });
    expect(vm.hardwareVersion).toBe(21);
    expect(only(synthJson(stack), 'vsphere_virtual_machine').hardware_version).toBe(21);
  });

  test('hardware version stays 20 for an older template', () => {
    const stack = newStack();
    new SecureVirtualMachine(stack, 'Vm', { spec: SPEC, template: templateWith(stack, { hardwareVersion: 19 }) });
    expect(only(synthJson(stack), 'vsphere_virtual_machine').hardware_version).toBe(20);
  });

  test('fails when hardwareVersion is below the template\'s (apply would fail after the clone)', () => {
    const stack = newStack();
    expect(() => new SecureVirtualMachine(stack, 'Vm', { spec: SPEC, template: templateWith(stack, { hardwareVersion: 21 }), hardwareVersion: 20 }))
      .toThrow(/^stack\/Vm: hardwareVersion: is below the template's hardware version \(21\) \(got 20\)\. Use 21 or higher/);
  });

  test('fails when the template hardware version is out of range', () => {
    expect(() => templateWith(newStack(), { hardwareVersion: 23 })).toThrow(/^stack\/Golden: hardwareVersion: must be a whole number from 4 to 22 \(got 23\)/);
  });

  test('hardware version 22 warns that it needs ESXi 9.0', () => {
    const { vm } = build({ hardwareVersion: 22 });
    expect(messages(vm, 'warning')).toContainEqual(expect.stringMatching(/^hardwareVersion is 22, which needs ESXi 9\.0/));
    expect(messages(build().vm, 'warning').filter((m) => m.includes('hardwareVersion'))).toEqual([]);
  });

  test('fails when two passthrough devices are identical lookups (they resolve to one device)', () => {
    const stack = newStack();
    const a = new HostPciDevice(stack, 'GpuA', { datacenterId: 'dc', hostName: 'esx-gpu-01', vendorId: '10de', classId: '0302', nameRegex: 'H100', deviceMemoryGB: 80 });
    const b = new HostPciDevice(stack, 'GpuB', { datacenterId: 'dc', hostName: 'esx-gpu-01', vendorId: '10DE', classId: '0302', nameRegex: 'H100', deviceMemoryGB: 80 });
    expect(() => new SecureVirtualMachine(stack, 'Vm', {
      spec: { ...SPEC, memoryMiB: 65536 }, template: goldenTemplate(stack), passthrough: { devices: [a, b], approvalReason: 'two H100 for training; CHG-7' },
    })).toThrow(/^stack\/Vm: passthrough\.devices\[1\]: resolves to the same device as passthrough\.devices\[0\] \(got "stack\/GpuB"\)\. .*pciAddress/);
  });

  test('two devices by PCI address reach pci_device_id as two distinct ids', () => {
    const stack = newStack();
    const devices = ['0000:3b:00.0', '0000:af:00.0'].map((pciAddress, i) => new HostPciDevice(stack, `Gpu${i}`, {
      datacenterId: 'dc', hostName: 'esx-gpu-01', pciAddress, deviceMemoryGB: 80,
    }));
    new SecureVirtualMachine(stack, 'Vm', {
      spec: { ...SPEC, memoryMiB: 65536 }, template: goldenTemplate(stack), passthrough: { devices, approvalReason: 'two H100 for training; CHG-7' },
    });
    const json = synthJson(stack);
    expect(only(json, 'vsphere_virtual_machine').pci_device_id).toEqual(['0000:3b:00.0', '0000:af:00.0']);
    expect(json.data.vsphere_host_pci_device).toBeUndefined();
  });
});

describe('SecureVirtualMachine disks against vmware/vsphere 2.15.0', () => {
  const disks = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `disk${i}`, sizeGiB: 10 }));

  test('up to 15 disks fit the one default SCSI controller (no scsi_controller_count written)', () => {
    const vm = vmJson({}, { disks: disks(15) });
    expect(vm).not.toHaveProperty('scsi_controller_count');
    expect(vm.disk.map((d: any) => d.unit_number)).toEqual([...Array(15).keys()]);
  });

  test('16 disks get a second SCSI controller (the provider rejects unit_number 15 with one)', () => {
    const vm = vmJson({}, { disks: disks(16) });
    expect(vm.scsi_controller_count).toBe(2);
    expect(vm.disk[15].unit_number).toBe(15);
  });

  test('60 disks get four controllers', () => {
    expect(vmJson({}, { disks: disks(60) }).scsi_controller_count).toBe(4);
  });

  test('fails with more than 60 disks', () => {
    expect(() => build({}, { disks: disks(61) })).toThrow(/^stack\/Vm: spec\.disks: has more than 60 disks \(got 61\)\. A vSphere VM takes at most 4 SCSI controllers/);
  });
});

describe('SecureVirtualMachine cloud-init on OVF templates', () => {
  function vmOn(source: TemplateSource) {
    const stack = newStack();
    const template = new VmTemplate(stack, 'Golden', { source, datacenterName: 'dc-01', computeClusterName: 'cluster-01', datastoreName: 'vsan-01' });
    return new SecureVirtualMachine(stack, 'Vm', { spec: { ...SPEC, cloudInitUserData: '#cloud-config\n' }, template });
  }

  test('warns that guestinfo cloud-init may be ignored on a content library OVF template', () => {
    expect(messages(vmOn(TemplateSource.contentLibraryItem('golden', 'ubuntu')), 'warning'))
      .toContainEqual(expect.stringMatching(/^spec\.cloudInitUserData on a content library \(OVF\/OVA\) template: .*ignores guestinfo\.userdata/));
  });

  test('does not warn on an existing (VM-converted) template', () => {
    expect(messages(vmOn(TemplateSource.existingTemplate('ubuntu')), 'warning').filter((m) => m.includes('cloudInitUserData'))).toEqual([]);
  });
});

describe('SecureVirtualMachine guest network waiter (wait_for_guest_net_*)', () => {
  test('a VM without network adapters turns the waiter off (the create would time out and taint the VM)', () => {
    expect(vmJson({}, { networks: [] }).wait_for_guest_net_timeout).toBe(0);
  });

  test('a VM with adapters keeps the provider default (attribute not written)', () => {
    const vm = vmJson();
    expect(vm).not.toHaveProperty('wait_for_guest_net_timeout');
    expect(vm).not.toHaveProperty('wait_for_guest_net_routable');
  });

  test('static addresses without a gateway do not wait for a routable address', () => {
    const vm = vmJson({ customization: GuestCustomization.linux({ hostName: 'backup-01', domain: 'corp.example' }) },
      { networks: [{ networkId: 'dvportgroup-20', ipv4Address: '10.0.120.5', ipv4PrefixLength: 24 }] });
    expect(vm.wait_for_guest_net_routable).toBe(false);
  });

  test('static addresses with a gateway keep the routable wait', () => {
    const vm = vmJson({ customization: GuestCustomization.linux({ hostName: 'db-01', domain: 'corp.example', ipv4Gateway: '10.0.110.1' }) },
      { networks: [{ networkId: 'dvportgroup-20', ipv4Address: '10.0.110.5', ipv4PrefixLength: 24 }] });
    expect(vm).not.toHaveProperty('wait_for_guest_net_routable');
  });

  test('waitForGuestNetMinutes sets the timeout', () => {
    expect(vmJson({ waitForGuestNetMinutes: 0 }).wait_for_guest_net_timeout).toBe(0);
    expect(vmJson({ waitForGuestNetMinutes: 15 }).wait_for_guest_net_timeout).toBe(15);
  });

  test('fails with a negative waitForGuestNetMinutes', () => {
    expect(() => build({ waitForGuestNetMinutes: -1 })).toThrow(/^stack\/Vm: waitForGuestNetMinutes: must be a whole number from 0 to 1440 \(got -1\)/);
  });
});

describe('SecureVirtualMachine firmware vs the template', () => {
  test('an existing template: the plan fails unless the template has the VM\'s firmware (a clone does not boot on other firmware)', () => {
    const pre = vmJson().lifecycle.precondition;
    expect(pre).toEqual([{
      condition: expect.stringMatching(/^\$\{\(data\.vsphere_virtual_machine\.Golden_Template_[0-9A-F]{8}\.firmware == "efi"\)\}$/),
      error_message: expect.stringMatching(/^The template's firmware is not "efi" \(spec\.firmware\): a clone keeps the template's boot loader/),
    }]);
    expect(vmJson().lifecycle.prevent_destroy).toBe(true);
    expect(vmJson({}, { firmware: Firmware.BIOS }).lifecycle.precondition[0].condition).toMatch(/firmware == "bios"\)\}$/);
  });

  test('a content library template has no firmware to compare: no precondition', () => {
    const stack = newStack();
    const template = new VmTemplate(stack, 'Golden', { source: TemplateSource.contentLibraryItem('golden', 'ubuntu'), datacenterName: 'dc-01', computeClusterName: 'cluster-01', datastoreName: 'vsan-01' });
    new SecureVirtualMachine(stack, 'Vm', { spec: SPEC, template });
    expect(only(synthJson(stack), 'vsphere_virtual_machine').lifecycle).toEqual({ prevent_destroy: true });
  });
});
