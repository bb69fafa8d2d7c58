import { DistributedPortGroup } from '@cdktf/provider-vsphere/lib/distributed-port-group';
import { TerraformVariable, Testing } from 'cdktf';
import { Node } from 'constructs';
import { SecureDistributedSwitch, SecurePortGroup, SecurePortGroupProps } from '../../../lib';
import { newStack, only, synthJson } from './helpers';

const PROPS: SecurePortGroupProps = { name: 'pg-app-110', distributedVirtualSwitchUuid: 'dvs-uuid', vlanId: 110 };

function build(props: Partial<SecurePortGroupProps> = {}) {
  const stack = newStack();
  const portGroup = new SecurePortGroup(stack, 'PortGroup', { ...PROPS, ...props });
  return { stack, portGroup, json: only(synthJson(stack), 'vsphere_distributed_port_group') };
}

describe('SecurePortGroup', () => {
  test('snapshot of the default configuration', () => {
    expect(Testing.synthScope((scope) => { new SecurePortGroup(scope, 'PortGroup', PROPS); })).toMatchSnapshot();
  });

  test('defaultChild is the distributed port group', () => {
    const { portGroup } = build();
    expect(Node.of(portGroup).defaultChild).toBe(portGroup.resource);
    expect(portGroup.resource).toBeInstanceOf(DistributedPortGroup);
    expect(portGroup.vlanId).toBe(110);
  });

  test('NET-DVPG-PROMISCUOUS / FORGED / MACCHANGE (VCSA-80-000270/268/269): all rejected', () => {
    expect(build().json).toMatchObject({ allow_promiscuous: false, allow_forged_transmits: false, allow_mac_changes: false });
  });

  test('NET-DVPG-NO-PORT-OVERRIDE (VCSA-80-000301): every override flag is false, block override left to vSphere', () => {
    const json = build().json;
    for (const flag of ['security_policy_override_allowed', 'vlan_override_allowed', 'shaping_override_allowed', 'uplink_teaming_override_allowed',
      'netflow_override_allowed', 'network_resource_pool_override_allowed', 'traffic_filter_override_allowed']) {
      expect([flag, json[flag]]).toEqual([flag, false]);
    }
    expect(json.block_override_allowed).toBeUndefined();
  });

  test('NET-DVPG-RESET-DISCONNECT (VCSA-80-000302): port config resets at disconnect', () => {
    expect(build().json.port_config_reset_at_disconnect).toBe(true);
  });

  test('NET-NETFLOW (VCSA-80-000271): NetFlow off', () => {
    expect(build().json.netflow_enabled).toBe(false);
  });

  test('NET-DVPG-NATIVE-VLAN / NO-TRUNK: one tagged VLAN, no trunk range', () => {
    const json = build().json;
    expect(json.vlan_id).toBe(110);
    expect(json.vlan_range).toBeUndefined();
  });

  test('VLAN 1 and 4094 are accepted', () => {
    expect(build({ vlanId: 1 }).json.vlan_id).toBe(1);
    expect(build({ vlanId: 4094 }).json.vlan_id).toBe(4094);
  });

  test('optional description, ports and tags pass through', () => {
    expect(build({ description: 'app', numberOfPorts: 16, tags: ['tag-1'] }).json).toMatchObject({ description: 'app', number_of_ports: 16, tags: ['tag-1'] });
  });

  test('an unresolved VLAN id is not checked', () => {
    const stack = newStack();
    const vlan = new TerraformVariable(stack, 'vlan', { type: 'number' });
    expect(() => new SecurePortGroup(stack, 'PortGroup', { ...PROPS, vlanId: vlan.numberValue })).not.toThrow();
  });

  test('takes a SecureDistributedSwitch instead of the UUID', () => {
    const stack = newStack();
    const dvs = new SecureDistributedSwitch(stack, 'Dvs', { name: 'dvs-prod', datacenterId: 'datacenter-1' });
    new SecurePortGroup(stack, 'PortGroup', { name: 'pg-app-110', distributedSwitch: dvs, vlanId: 110 });
    const json = only(synthJson(stack), 'vsphere_distributed_port_group');
    expect(json.distributed_virtual_switch_uuid).toMatch(/^\$\{vsphere_distributed_virtual_switch\.Dvs_[0-9A-F]{8}\.id\}$/);
    expect(json.netflow_enabled).toBe(false);
  });

  test('netflowEnabled exports to the switch\'s approved collector (NET-NETFLOW), with an info note', () => {
    const stack = newStack();
    const dvs = new SecureDistributedSwitch(stack, 'Dvs', {
      name: 'dvs-prod', datacenterId: 'datacenter-1', netflowCollectorIpAddress: '10.0.5.20', approvedNetflowCollectors: ['10.0.5.20'],
    });
    const portGroup = new SecurePortGroup(stack, 'PortGroup', { name: 'pg-app-110', distributedSwitch: dvs, vlanId: 110, netflowEnabled: true });
    expect(only(synthJson(stack), 'vsphere_distributed_port_group')).toMatchObject({ netflow_enabled: true, netflow_override_allowed: false });
    expect(portGroup.netflowEnabled).toBe(true);
    expect(portGroup.node.metadata.some((m) => m.type === '@cdktf/info' && String(m.data).includes('approved collector 10.0.5.20 (NET-NETFLOW)'))).toBe(true);
  });

  test('fails when both the switch and its UUID are given', () => {
    const stack = newStack();
    const dvs = new SecureDistributedSwitch(stack, 'Dvs', { name: 'dvs-prod', datacenterId: 'datacenter-1' });
    expect(() => new SecurePortGroup(stack, 'PortGroup', { ...PROPS, distributedSwitch: dvs }))
      .toThrow(/^stack\/PortGroup: distributedVirtualSwitchUuid: cannot be combined with distributedSwitch \(got "dvs-uuid"\)/);
  });

  test('fails when NetFlow is enabled on a switch without an approved collector (NET-NETFLOW)', () => {
    const stack = newStack();
    const dvs = new SecureDistributedSwitch(stack, 'Dvs', { name: 'dvs-prod', datacenterId: 'datacenter-1' });
    expect(() => new SecurePortGroup(stack, 'PortGroup', { name: 'pg-app-110', distributedSwitch: dvs, vlanId: 110, netflowEnabled: true }))
      .toThrow(/^stack\/PortGroup: netflowEnabled: needs a SecureDistributedSwitch with an approved NetFlow collector \(NET-NETFLOW, STIG VCSA-80-000271\) \(got true\)/);
  });

  test('fails when NetFlow is enabled with only a switch UUID', () => {
    expect(() => build({ netflowEnabled: true })).toThrow(/netflowEnabled: needs a SecureDistributedSwitch with an approved NetFlow collector/);
  });

  test.each<[string, Partial<SecurePortGroupProps>, RegExp]>([
    ['fails when the VLAN id is above 4094', { vlanId: 4095 }, /^stack\/PortGroup: vlanId: must be a whole number from 0 to 4094 \(got 4095\)\. Use a VLAN id from 1 to 4094/],
    ['fails when the VLAN id is negative', { vlanId: -1 }, /vlanId: must be a whole number from 0 to 4094 \(got -1\)/],
    ['fails when the VLAN id is 0 (untagged)', { vlanId: 0 }, /vlanId: is 0 \(untagged, lands on the native VLAN; NET-DVPG-NATIVE-VLAN\) \(got 0\)/],
    ['fails when the VLAN id is the native VLAN', { vlanId: 1, nativeVlanId: 1 }, /vlanId: is the upstream native VLAN \(1; NET-DVPG-NATIVE-VLAN\)/],
    ['fails when the VLAN id is reserved upstream', { vlanId: 1002, reservedVlanIds: [1001, 1002] }, /vlanId: is reserved by the upstream switch \(NET-DVPG-RESERVED-VLAN\)/],
    ['fails when the name is empty', { name: '' }, /name: must be 1-80 characters/],
    ['fails when the switch is missing', { distributedVirtualSwitchUuid: '' }, /distributedVirtualSwitchUuid: is required/],
    ['fails when the port count is 0', { numberOfPorts: 0 }, /numberOfPorts: must be a whole number from 1 to 8192/],
  ])('%s', (_name, props, message) => {
    expect(() => build(props)).toThrow(message);
  });
});
