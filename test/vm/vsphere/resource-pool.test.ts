import { ResourcePool } from '@cdktf/provider-vsphere/lib/resource-pool';
import { Testing } from 'cdktf';
import { Node } from 'constructs';
import { HostPciDevice, ShareLevel, VmHardening, VmResourcePool, VmResourcePoolProps } from '../../../lib';
import { newStack, resolve, only, synthJson } from './helpers';

function build(props: Partial<VmResourcePoolProps> = {}) {
  const stack = newStack();
  const pool = new VmResourcePool(stack, 'Pool', { name: 'db-tier', parentResourcePoolId: 'resgroup-8', ...props });
  return { stack, pool, json: only(synthJson(stack), 'vsphere_resource_pool') };
}

describe('VmResourcePool', () => {
  test('snapshot of the default configuration', () => {
    expect(Testing.synthScope((scope) => { new VmResourcePool(scope, 'Pool', { name: 'db-tier', parentResourcePoolId: 'resgroup-8' }); })).toMatchSnapshot();
  });

  test('defaults: no reservation, unlimited, normal shares, not expandable', () => {
    const { json, pool, stack } = build();
    expect(json).toEqual({
      name: 'db-tier', parent_resource_pool_id: 'resgroup-8',
      cpu_reservation: 0, cpu_limit: -1, cpu_share_level: 'normal', cpu_expandable: false,
      memory_reservation: 0, memory_limit: -1, memory_share_level: 'normal', memory_expandable: false,
    });
    expect(Node.of(pool).defaultChild).toBe(pool.resource);
    expect(pool.resource).toBeInstanceOf(ResourcePool);
    expect(resolve(stack, pool.resourcePoolId)).toEqual(resolve(stack, pool.resource.id));
  });

  test('reservations, limits and custom shares', () => {
    expect(build({
      cpuReservationMhz: 4000, cpuLimitMhz: 8000, cpuShareLevel: ShareLevel.CUSTOM, cpuShares: 4000,
      memoryReservationMiB: 16384, memoryLimitMiB: 32768, memoryShareLevel: ShareLevel.HIGH, memoryExpandable: true, tags: ['t'],
    }).json).toMatchObject({
      cpu_reservation: 4000, cpu_limit: 8000, cpu_share_level: 'custom', cpu_shares: 4000,
      memory_reservation: 16384, memory_limit: 32768, memory_share_level: 'high', memory_expandable: true, tags: ['t'],
    });
  });

  test.each<[string, Partial<VmResourcePoolProps>, RegExp]>([
    ['fails when the CPU reservation exceeds the limit', { cpuReservationMhz: 9000, cpuLimitMhz: 8000 }, /^stack\/Pool: cpuReservationMhz: is above cpuLimitMhz \(8000\) \(got 9000\)/],
    ['fails when the memory reservation exceeds the limit', { memoryReservationMiB: 9000, memoryLimitMiB: 8000 }, /memoryReservationMiB: is above memoryLimitMiB \(8000\)/],
    ['fails with a negative reservation', { memoryReservationMiB: -1 }, /memoryReservationMiB: must be a whole number from 0/],
    ['fails with a zero limit', { cpuLimitMhz: 0 }, /cpuLimitMhz: must be a whole number from 1/],
    ['fails with custom shares but no count', { cpuShareLevel: ShareLevel.CUSTOM }, /cpuShares: is required when cpuShareLevel is CUSTOM/],
    ['fails with a share count but no custom level', { memoryShares: 100 }, /memoryShares: only applies when memoryShareLevel is CUSTOM/],
    ['fails with an empty name', { name: '' }, /name: must be 1-80 characters/],
  ])('%s', (_name, props, message) => {
    expect(() => build(props)).toThrow(message);
  });
});

describe('HostPciDevice', () => {
  test('looks the host and the device up', () => {
    const stack = newStack();
    const device = new HostPciDevice(stack, 'Gpu', { datacenterId: 'dc', hostName: 'esx-1', vendorId: '10de', classId: '0302', nameRegex: 'H100', deviceMemoryGB: 80 });
    const data = synthJson(stack).data;
    expect(Object.values(data.vsphere_host)).toEqual([{ name: 'esx-1', datacenter_id: 'dc' }]);
    expect(Object.values(data.vsphere_host_pci_device)).toEqual([{
      host_id: expect.stringMatching(/data\.vsphere_host\.Gpu_Host_/), vendor_id: '10de', class_id: '0302', name_regex: 'H100',
    }]);
    expect(Node.of(device).defaultChild).toBe(device.deviceData);
    expect(resolve(stack, device.pciDeviceId)).toEqual(resolve(stack, device.deviceData!.id));
    expect(resolve(stack, device.hostSystemId)).toEqual(resolve(stack, device.hostData.id));
  });

  test.each<[string, object, RegExp]>([
    ['fails with a malformed vendor id', { vendorId: 'nvidia' }, /vendorId: must be a 4-digit hex PCI vendor id/],
    ['fails with a malformed class id', { classId: '03' }, /classId: must be a 4-digit hex PCI class id/],
    ['fails with zero device memory', { deviceMemoryGB: 0 }, /deviceMemoryGB: must be a whole number from 1 to 4096/],
    ['fails without a host name', { hostName: '' }, /hostName: is required/],
  ])('%s', (_name, props, message) => {
    const stack = newStack();
    expect(() => new HostPciDevice(stack, 'Gpu', { datacenterId: 'dc', hostName: 'esx-1', vendorId: '10de', deviceMemoryGB: 80, ...props })).toThrow(message);
  });
});

describe('VmHardening', () => {
  test('lists 16 extra_config settings with unique keys, each citing its source', () => {
    const settings = VmHardening.extraConfigSettings();
    expect(settings).toHaveLength(16);
    expect(new Set(settings.map((s) => s.key)).size).toBe(16);
    expect(settings.filter((s) => s.source.startsWith('STIG VMCH-80-')).map((s) => s.source.slice(5))).toEqual([
      'VMCH-80-000189', 'VMCH-80-000191', 'VMCH-80-000192', 'VMCH-80-000193', 'VMCH-80-000194', 'VMCH-80-000195', 'VMCH-80-000196',
      'VMCH-80-000197', 'VMCH-80-000198', 'VMCH-80-000201', 'VMCH-80-000202', 'VMCH-80-000205', 'VMCH-80-000206',
    ]);
  });

  test('lists the controls Terraform cannot express', () => {
    expect(VmHardening.unexpressibleControls().map((c) => `${c.controlId} ${c.source}`)).toEqual([
      'VM-VMOTION-ENCRYPT STIG VMCH-80-000203', 'VM-FT-ENCRYPT STIG VMCH-80-000204', 'VM-NO-FLOPPY STIG VMCH-80-000209',
      'VM-NO-PARALLEL STIG VMCH-80-000211', 'VM-NO-SERIAL STIG VMCH-80-000212', 'VM-NO-USB STIG VMCH-80-000213',
    ]);
  });
});

describe('HostPciDevice against vmware/vsphere 2.15.0', () => {
  const BASE = { datacenterId: 'dc', hostName: 'esx-1', deviceMemoryGB: 80 };

  test.each([
    ['vendorId', { vendorId: '8086' }],
    ['vendorId', { vendorId: 'ffff' }],
    ['classId', { vendorId: '10de', classId: '8000' }],
  ])('fails when %s is 8000 or above (the provider parses it as a signed 16-bit number)', (prop, props) => {
    expect(() => new HostPciDevice(newStack(), 'Gpu', { ...BASE, ...props }))
      .toThrow(new RegExp(`^stack/Gpu: ${prop}: is 8000 or above, which vmware/vsphere 2\\.15\\.0 cannot look up .*\\. Give the device by pciAddress instead`));
  });

  test('a PCI address is used as pci_device_id directly, without a device lookup', () => {
    const stack = newStack();
    const device = new HostPciDevice(stack, 'Gpu', { ...BASE, pciAddress: '0000:3b:00.0' });
    expect(device.pciDeviceId).toBe('0000:3b:00.0');
    expect(device.deviceData).toBeUndefined();
    const json = JSON.parse(Testing.synth(stack));
    expect(json.data.vsphere_host).toBeDefined();
    expect(json.data.vsphere_host_pci_device).toBeUndefined();
  });

  test.each([
    ['fails with a malformed PCI address', { pciAddress: '3b:00.0' }, /^stack\/Gpu: pciAddress: is not a PCI address \(got "3b:00\.0"\)/],
    ['fails with a PCI address and a vendor id', { pciAddress: '0000:3b:00.0', vendorId: '10de' }, /^stack\/Gpu: vendorId: cannot be combined with pciAddress/],
    ['fails with neither vendor id nor PCI address', {}, /^stack\/Gpu: vendorId: is required without pciAddress/],
  ])('%s', (_name, props, message) => {
    expect(() => new HostPciDevice(newStack(), 'Gpu', { ...BASE, ...props })).toThrow(message);
  });
});
