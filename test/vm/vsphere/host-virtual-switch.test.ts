import { HostVirtualSwitch } from '@cdktf/provider-vsphere/lib/host-virtual-switch';
import { TerraformVariable, Testing } from 'cdktf';
import { Node } from 'constructs';
import { HostTeamingPolicy, LinkDiscoveryOperation, SecureHostVirtualSwitch, SecureHostVirtualSwitchProps } from '../../../lib';
import { newStack, only, resolve, synthJson } from './helpers';

const PROPS: SecureHostVirtualSwitchProps = { name: 'vSwitch1', hostSystemId: 'host-10', networkAdapters: ['vmnic2', 'vmnic3'] };

function build(props: Partial<SecureHostVirtualSwitchProps> = {}) {
  const stack = newStack();
  const vswitch = new SecureHostVirtualSwitch(stack, 'VSwitch', { ...PROPS, ...props });
  return { stack, vswitch, json: only(synthJson(stack), 'vsphere_host_virtual_switch') };
}

describe('SecureHostVirtualSwitch', () => {
  test('snapshot of the default configuration', () => {
    expect(Testing.synthScope((scope) => { new SecureHostVirtualSwitch(scope, 'VSwitch', PROPS); })).toMatchSnapshot();
  });

  test('defaultChild is the host virtual switch', () => {
    const { stack, vswitch } = build();
    expect(Node.of(vswitch).defaultChild).toBe(vswitch.resource);
    expect(vswitch.resource).toBeInstanceOf(HostVirtualSwitch);
    expect(resolve(stack, vswitch.virtualSwitchName)).toMatch(/^\$\{vsphere_host_virtual_switch\.VSwitch_[0-9A-F]{8}\.name\}$/);
    expect(vswitch.hostSystemId).toBe('host-10');
    expect(SecureHostVirtualSwitch.isSecureHostVirtualSwitch(vswitch)).toBe(true);
    expect(SecureHostVirtualSwitch.isSecureHostVirtualSwitch({})).toBe(false);
  });

  test('NET-VSS-PROMISCUOUS (STIG ESXI-80-000218): promiscuous mode rejected', () => {
    expect(build().json.allow_promiscuous).toBe(false);
  });

  test('NET-VSS-FORGED (STIG ESXI-80-000216): forged transmits rejected (the standard switch default is Accept)', () => {
    expect(build().json.allow_forged_transmits).toBe(false);
  });

  test('NET-VSS-MACCHANGE (STIG ESXI-80-000217): MAC changes rejected (the standard switch default is Accept)', () => {
    expect(build().json.allow_mac_changes).toBe(false);
  });

  test('link discovery is off by default (defence in depth; NET-DVS-DISCOVERY is the distributed-switch control)', () => {
    const { json, vswitch } = build();
    expect(json.link_discovery_operation).toBe('none');
    expect(vswitch.linkDiscoveryOperation).toBe(LinkDiscoveryOperation.NONE);
  });

  test('every network adapter is active unless listed as standby', () => {
    expect(build().json).toMatchObject({ network_adapters: ['vmnic2', 'vmnic3'], active_nics: ['vmnic2', 'vmnic3'] });
    expect(build({ standbyNics: ['vmnic3'] }).json).toMatchObject({ active_nics: ['vmnic2'], standby_nics: ['vmnic3'] });
  });

  test('teaming policy, MTU and port count pass through', () => {
    expect(build({ teamingPolicy: HostTeamingPolicy.FAILOVER_EXPLICIT, mtu: 9000, numberOfPorts: 256, activeNics: ['vmnic3'], standbyNics: ['vmnic2'] }).json)
      .toMatchObject({ teaming_policy: 'failover_explicit', mtu: 9000, number_of_ports: 256, active_nics: ['vmnic3'], standby_nics: ['vmnic2'] });
  });

  test('linkDiscoveryOperation can be turned on, with an info note', () => {
    const { json, vswitch } = build({ linkDiscoveryOperation: LinkDiscoveryOperation.LISTEN });
    expect(json.link_discovery_operation).toBe('listen');
    expect(vswitch.node.metadata.some((m) => m.type === '@cdktf/info' && String(m.data).includes('linkDiscoveryOperation is "listen"'))).toBe(true);
  });

  test('an unresolved NIC name is not checked', () => {
    const stack = newStack();
    const nic = new TerraformVariable(stack, 'nic', { type: 'string' });
    expect(() => new SecureHostVirtualSwitch(stack, 'VSwitch', { ...PROPS, networkAdapters: [nic.stringValue] })).not.toThrow();
  });

  test.each<[string, Partial<SecureHostVirtualSwitchProps>, RegExp]>([
    ['fails when the name is empty', { name: '' }, /^stack\/VSwitch: name: must be 1-32 characters \(got ""\)\. Use a name such as "vSwitch1"\.$/],
    ['fails when the host is missing', { hostSystemId: '' }, /hostSystemId: is required/],
    ['fails without network adapters', { networkAdapters: [] }, /networkAdapters: must list at least one physical NIC \(got \[\]\)/],
    ['fails with a NIC that is not a vmnic', { networkAdapters: ['eth0'] }, /networkAdapters\[0\]: is not a physical NIC name \(got "eth0"\)\. Use the ESXi name, e\.g\. "vmnic2"\./],
    ['fails with a NIC listed twice', { networkAdapters: ['vmnic2', 'vmnic2'] }, /networkAdapters\[1\]: is listed twice/],
    ['fails with an active NIC not bound to the switch', { activeNics: ['vmnic9'] }, /activeNics\[0\]: is not one of networkAdapters \(got "vmnic9"\)/],
    ['fails with a NIC both active and standby', { activeNics: ['vmnic2'], standbyNics: ['vmnic2'] }, /standbyNics\[0\]: is also an active NIC/],
    ['fails when every NIC is standby', { standbyNics: ['vmnic2', 'vmnic3'] }, /activeNics: must list at least one NIC/],
    ['fails when the MTU is too small', { mtu: 576 }, /mtu: must be a whole number from 1280 to 9000 \(got 576\)/],
    ['fails with an unknown teaming policy', { teamingPolicy: 'round_robin' as HostTeamingPolicy }, /teamingPolicy: is not a known teaming policy/],
  ])('%s', (_name, props, message) => {
    expect(() => build(props)).toThrow(message);
  });
});
