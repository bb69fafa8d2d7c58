import { DataVsphereNetwork } from '@cdktf/provider-vsphere/lib/data-vsphere-network';
import { HostPortGroup } from '@cdktf/provider-vsphere/lib/host-port-group';
import { TerraformVariable, Testing } from 'cdktf';
import { Node } from 'constructs';
import { SecureHostPortGroup, SecureHostPortGroupProps, SecureHostVirtualSwitch } from '../../../lib';
import { newStack, only, resolve, synthJson } from './helpers';

type Props = Omit<SecureHostPortGroupProps, 'virtualSwitch'>;
const PROPS: Props = { name: 'pg-backup-120', vlanId: 120 };

function build(props: Partial<SecureHostPortGroupProps> = {}) {
  const stack = newStack();
  const vswitch = new SecureHostVirtualSwitch(stack, 'VSwitch', { name: 'vSwitch1', hostSystemId: 'host-10', networkAdapters: ['vmnic2'] });
  const portGroup = new SecureHostPortGroup(stack, 'PortGroup', { ...PROPS, virtualSwitch: vswitch, ...props });
  return { stack, portGroup, json: only(synthJson(stack), 'vsphere_host_port_group') };
}

function warnings(portGroup: SecureHostPortGroup): string[] {
  return portGroup.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
}

describe('SecureHostPortGroup', () => {
  test('snapshot of the default configuration', () => {
    expect(Testing.synthScope((scope) => {
      new SecureHostPortGroup(scope, 'PortGroup', { ...PROPS, virtualSwitch: SecureHostVirtualSwitch.fromName(scope, 'VSwitch0', 'vSwitch0', 'host-10') });
    })).toMatchSnapshot();
  });

  test('defaultChild is the host port group', () => {
    const { portGroup } = build();
    expect(Node.of(portGroup).defaultChild).toBe(portGroup.resource);
    expect(portGroup.resource).toBeInstanceOf(HostPortGroup);
    expect(portGroup.vlanId).toBe(120);
    expect(portGroup.portGroupName).toBe('pg-backup-120');
    expect(portGroup.networkId).toBeUndefined();
  });

  test('NET-VSS-NO-OVERRIDE (STIG ESXI-80-000216/217 check text): no allow_* attribute, the switch policy is inherited', () => {
    const json = build().json;
    for (const attribute of ['allow_promiscuous', 'allow_forged_transmits', 'allow_mac_changes']) {
      expect([attribute, json[attribute]]).toEqual([attribute, undefined]);
    }
  });

  test('binds to the switch by reference, so it is created after the switch', () => {
    expect(build().json).toMatchObject({
      virtual_switch_name: expect.stringMatching(/^\$\{vsphere_host_virtual_switch\.VSwitch_[0-9A-F]{8}\.name\}$/),
      host_system_id: 'host-10',
    });
  });

  test('NET-VSS-NO-VGT (STIG ESXI-80-000220) and NET-DVPG-NATIVE-VLAN: one tagged VLAN', () => {
    expect(build().json.vlan_id).toBe(120);
  });

  test('VLAN 1 and 4094 are accepted', () => {
    expect(build({ vlanId: 1 }).json.vlan_id).toBe(1);
    expect(build({ vlanId: 4094 }).json.vlan_id).toBe(4094);
  });

  test('allowGuestVlanTagging allows VLAN 4095 with a NET-VSS-NO-VGT warning', () => {
    const { json, portGroup } = build({ vlanId: 4095, allowGuestVlanTagging: true });
    expect(json.vlan_id).toBe(4095);
    expect(warnings(portGroup).join()).toContain('NET-VSS-NO-VGT (STIG ESXI-80-000220)');
  });

  test('allowGuestVlanTagging has no effect on a tagged VLAN', () => {
    const { json, portGroup } = build({ allowGuestVlanTagging: true });
    expect(json.vlan_id).toBe(120);
    expect(warnings(portGroup)).toEqual([]);
  });

  test('datacenterId looks the network up after the port group exists and exposes networkId', () => {
    const { stack, portGroup } = build({ datacenterId: 'datacenter-1' });
    const json = synthJson(stack);
    const network = Object.values(json.data.vsphere_network)[0] as any;
    expect(network).toMatchObject({ name: 'pg-backup-120', datacenter_id: 'datacenter-1' });
    expect(network.depends_on).toEqual([expect.stringMatching(/^vsphere_host_port_group\.PortGroup_[0-9A-F]{8}$/)]);
    expect(portGroup.networkData).toBeInstanceOf(DataVsphereNetwork);
    expect(resolve(stack, portGroup.networkId)).toMatch(/^\$\{data\.vsphere_network\.PortGroup_Network_[0-9A-F]{8}\.id\}$/);
  });

  test('an unresolved VLAN id is not checked', () => {
    const stack = newStack();
    const vlan = new TerraformVariable(stack, 'vlan', { type: 'number' });
    expect(() => new SecureHostPortGroup(stack, 'PortGroup', {
      ...PROPS, vlanId: vlan.numberValue, virtualSwitch: SecureHostVirtualSwitch.fromName(stack, 'VSwitch0', 'vSwitch0', 'host-10'),
    })).not.toThrow();
  });

  test.each<[string, Partial<SecureHostPortGroupProps>, RegExp]>([
    ['fails when the VLAN id is 4095 without the guest-tagging opt-in (NET-VSS-NO-VGT)', { vlanId: 4095 },
      /^stack\/PortGroup: vlanId: must be a whole number from 0 to 4094 \(got 4095\)\. Use a VLAN id from 1 to 4094 \(4095 hands every VLAN to the guest: NET-VSS-NO-VGT; only with allowGuestVlanTagging\)\.$/],
    ['fails when the VLAN id is above 4095 even with the opt-in', { vlanId: 4096, allowGuestVlanTagging: true }, /vlanId: must be a whole number from 0 to 4094 \(got 4096\)/],
    ['fails when the VLAN id is 0 (untagged)', { vlanId: 0 }, /vlanId: is 0 \(untagged, lands on the native VLAN; NET-DVPG-NATIVE-VLAN\) \(got 0\)/],
    ['fails when the VLAN id is the native VLAN', { vlanId: 1, nativeVlanId: 1 }, /vlanId: is the upstream native VLAN \(1; NET-DVPG-NATIVE-VLAN\)/],
    ['fails when the VLAN id is reserved upstream', { vlanId: 1002, reservedVlanIds: [1001, 1002] }, /vlanId: is reserved by the upstream switch \(NET-DVPG-RESERVED-VLAN\)/],
    ['fails when the name is empty', { name: '' }, /name: must be 1-80 characters/],
    ['fails without a switch', { virtualSwitch: undefined }, /^stack\/PortGroup: virtualSwitch: is required/],
  ])('%s', (_name, props, message) => {
    expect(() => build(props)).toThrow(message);
  });

  test('fails when an existing switch has no name', () => {
    expect(() => SecureHostVirtualSwitch.fromName(newStack(), 'VSwitch0', '', 'host-10')).toThrow(/^stack\/VSwitch0: virtualSwitchName: is required/);
  });
});
