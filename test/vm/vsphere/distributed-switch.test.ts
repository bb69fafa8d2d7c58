import { DataVsphereDistributedVirtualSwitch } from '@cdktf/provider-vsphere/lib/data-vsphere-distributed-virtual-switch';
import { DistributedVirtualSwitch } from '@cdktf/provider-vsphere/lib/distributed-virtual-switch';
import { TerraformVariable, Testing } from 'cdktf';
import { Node } from 'constructs';
import {
  LinkDiscoveryOperation, LinkDiscoveryProtocol, RemovalPolicy, SecureDistributedSwitch, SecureDistributedSwitchProps, SecurePortGroup,
} from '../../../lib';
import { newStack, only, resolve, synthJson } from './helpers';
import { notesOf } from '../../helpers/notes';

const PROPS: SecureDistributedSwitchProps = { name: 'dvs-prod', datacenterId: 'datacenter-1' };

function build(props: Partial<SecureDistributedSwitchProps> = {}) {
  const stack = newStack();
  const dvs = new SecureDistributedSwitch(stack, 'Dvs', { ...PROPS, ...props });
  return { stack, dvs, json: only(synthJson(stack), 'vsphere_distributed_virtual_switch') };
}

function messages(dvs: SecureDistributedSwitch, type: '@cdktf/warn' | '@cdktf/info'): string[] {
  return dvs.node.metadata.filter((m) => m.type === type).map((m) => String(m.data));
}

describe('SecureDistributedSwitch', () => {
  test('snapshot of the default configuration', () => {
    expect(Testing.synthScope((scope) => { new SecureDistributedSwitch(scope, 'Dvs', PROPS); })).toMatchSnapshot();
  });

  test('defaultChild is the distributed virtual switch', () => {
    const { dvs, stack } = build();
    expect(Node.of(dvs).defaultChild).toBe(dvs.resource);
    expect(dvs.resource).toBeInstanceOf(DistributedVirtualSwitch);
    expect(resolve(stack, dvs.distributedVirtualSwitchUuid)).toBe(resolve(stack, dvs.resource.id));
    expect(SecureDistributedSwitch.isSecureDistributedSwitch(dvs)).toBe(true);
    expect(SecureDistributedSwitch.isSecureDistributedSwitch({})).toBe(false);
  });

  test('NET-DVPG-PROMISCUOUS / FORGED / MACCHANGE (STIG VCSA-80-000270/268/269): rejected on the switch too ("set on both")', () => {
    expect(build().json).toMatchObject({ allow_promiscuous: false, allow_forged_transmits: false, allow_mac_changes: false });
  });

  test('NET-DVS-DISCOVERY (STIG VCSA-80-000299): link discovery "none", no protocol written', () => {
    const { json, dvs } = build();
    expect(json.link_discovery_operation).toBe('none');
    expect(json.link_discovery_protocol).toBeUndefined();
    expect(dvs.linkDiscoveryOperation).toBe(LinkDiscoveryOperation.NONE);
  });

  test('NET-DVS-NIOC (STIG VCSA-80-000110): Network I/O Control on', () => {
    const { json, dvs } = build();
    expect(json.network_resource_control_enabled).toBe(true);
    expect(dvs.networkResourceControlEnabled).toBe(true);
  });

  test('NET-NETFLOW (STIG VCSA-80-000271): NetFlow off in the default port policy and no collector', () => {
    const { json, dvs } = build();
    expect(json.netflow_enabled).toBe(false);
    expect(json.netflow_collector_ip_address).toBeUndefined();
    expect(dvs.netflowCollectorIpAddress).toBeUndefined();
  });

  test('the switch is protected from destroy', () => {
    expect(build().json.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('records the switch controls Terraform cannot express as a synth note, and warns about nothing', () => {
    const { dvs } = build();
    const info = notesOf(dvs).join('\n');
    for (const id of ['NET-DVS-HEALTHCHECK (STIG VCSA-80-000267)', 'NET-DVS-PORT-MIRROR (STIG VCSA-80-000300)', 'NET-DVPG-MAC-LEARNING']) {
      expect(info).toContain(id);
    }
    expect(messages(dvs, '@cdktf/warn')).toEqual([]);
  });

  test('uplinks, teaming, hosts, version, MTU, description, folder and tags pass through', () => {
    const { json } = build({
      version: '8.0.3',
      uplinks: ['uplink1', 'uplink2'],
      activeUplinks: ['uplink1'],
      standbyUplinks: ['uplink2'],
      hosts: [{ hostSystemId: 'host-10', devices: ['vmnic2', 'vmnic3'] }, { hostSystemId: 'host-11', devices: ['vmnic2'] }],
      maxMtu: 9000,
      description: 'prod',
      folder: 'net',
      tags: ['tag-1'],
    });
    expect(json).toMatchObject({
      version: '8.0.3',
      uplinks: ['uplink1', 'uplink2'],
      active_uplinks: ['uplink1'],
      standby_uplinks: ['uplink2'],
      host: [{ host_system_id: 'host-10', devices: ['vmnic2', 'vmnic3'] }, { host_system_id: 'host-11', devices: ['vmnic2'] }],
      max_mtu: 9000,
      description: 'prod',
      folder: 'net',
      tags: ['tag-1'],
    });
  });

  test('linkDiscoveryOperation other than NONE is written with a NET-DVS-DISCOVERY warning', () => {
    const { json, dvs } = build({ linkDiscoveryOperation: LinkDiscoveryOperation.LISTEN, linkDiscoveryProtocol: LinkDiscoveryProtocol.LLDP });
    expect(json).toMatchObject({ link_discovery_operation: 'listen', link_discovery_protocol: 'lldp' });
    expect(messages(dvs, '@cdktf/warn').join()).toContain('NET-DVS-DISCOVERY (STIG VCSA-80-000299)');
  });

  test('networkResourceControlEnabled: false turns NIOC off with a NET-DVS-NIOC warning', () => {
    const { json, dvs } = build({ networkResourceControlEnabled: false });
    expect(json.network_resource_control_enabled).toBe(false);
    expect(messages(dvs, '@cdktf/warn').join()).toContain('NET-DVS-NIOC (STIG VCSA-80-000110)');
  });

  test('an approved NetFlow collector is written, NetFlow stays off in the default port policy', () => {
    const { json, dvs } = build({ netflowCollectorIpAddress: '10.0.5.20', netflowCollectorPort: 2055, approvedNetflowCollectors: ['10.0.5.20', '10.0.5.21'] });
    expect(json).toMatchObject({ netflow_collector_ip_address: '10.0.5.20', netflow_collector_port: 2055, netflow_enabled: false });
    expect(dvs.netflowCollectorIpAddress).toBe('10.0.5.20');
    expect(messages(dvs, '@cdktf/info').join()).toContain('NetFlowRule approvedCollectors');
    expect(messages(dvs, '@cdktf/warn')).toEqual([]);
  });

  test('an IPv6 collector is accepted', () => {
    expect(build({ netflowCollectorIpAddress: 'fd00::20', approvedNetflowCollectors: ['FD00::20'] }).json.netflow_collector_ip_address).toBe('fd00::20');
  });

  test('removalPolicy DESTROY lifts prevent_destroy with a warning', () => {
    const { json, dvs } = build({ removalPolicy: RemovalPolicy.DESTROY });
    expect(json.lifecycle).toEqual({ prevent_destroy: false });
    expect(messages(dvs, '@cdktf/warn').join()).toContain('removalPolicy');
  });

  test('an unresolved host id is not checked for duplicates', () => {
    const stack = newStack();
    const host = new TerraformVariable(stack, 'host', { type: 'string' });
    expect(() => new SecureDistributedSwitch(stack, 'Dvs', {
      ...PROPS, hosts: [{ hostSystemId: host.stringValue, devices: ['vmnic2'] }, { hostSystemId: host.stringValue, devices: ['vmnic3'] }],
    })).not.toThrow();
  });

  test('fromLookup gives a switch for port groups through data.vsphere_distributed_virtual_switch', () => {
    const stack = newStack();
    const dvs = SecureDistributedSwitch.fromLookup(stack, 'Dvs', { name: 'dvs-prod', datacenterId: 'datacenter-1' });
    new SecurePortGroup(stack, 'PortGroup', { name: 'pg-app-110', distributedSwitch: dvs, vlanId: 110 });
    const json = synthJson(stack);
    expect(Object.values(json.data.vsphere_distributed_virtual_switch)).toEqual([{ name: 'dvs-prod', datacenter_id: 'datacenter-1' }]);
    expect(only(json, 'vsphere_distributed_port_group').distributed_virtual_switch_uuid)
      .toMatch(/^\$\{data\.vsphere_distributed_virtual_switch\.Dvs_[0-9A-F]{8}\.id\}$/);
    expect(Node.of(dvs).defaultChild).toBeInstanceOf(DataVsphereDistributedVirtualSwitch);
  });

  test.each<[string, Partial<SecureDistributedSwitchProps>, RegExp]>([
    ['fails when the name is empty', { name: '' }, /^stack\/Dvs: name: must be 1-80 characters \(got ""\)\. Use a name such as "dvs-prod"\.$/],
    ['fails when the datacenter is missing', { datacenterId: '' }, /^stack\/Dvs: datacenterId: is required \(got ""\)/],
    ['fails with an unknown version', { version: '8.0.1' }, /^stack\/Dvs: version: is not a distributed switch version the provider accepts \(got "8\.0\.1"\)\. Use one of 6\.5\.0, .*8\.0\.3, 9\.0\.0\.$/],
    ['fails when the MTU is too large', { maxMtu: 9216 }, /maxMtu: must be a whole number from 1280 to 9000 \(got 9216\)/],
    ['fails when the uplink list is empty', { uplinks: [] }, /uplinks: must list 1-32 uplink names/],
    ['fails when an uplink is listed twice', { uplinks: ['uplink1', 'uplink1'] }, /uplinks\[1\]: is listed twice/],
    ['fails when an active uplink is not an uplink', { uplinks: ['uplink1'], activeUplinks: ['uplink9'] }, /activeUplinks\[0\]: is not one of uplinks \(got "uplink9"\)/],
    ['fails when an uplink is both active and standby', { activeUplinks: ['uplink1'], standbyUplinks: ['uplink1'] }, /standbyUplinks\[0\]: is also an active uplink/],
    ['fails when a host lists no NICs', { hosts: [{ hostSystemId: 'host-10', devices: [] }] }, /hosts\[0\]\.devices: must list the physical NICs for the uplinks/],
    ['fails when a host is listed twice', { hosts: [{ hostSystemId: 'host-10', devices: ['vmnic2'] }, { hostSystemId: 'host-10', devices: ['vmnic3'] }] }, /hosts\[1\]\.hostSystemId: is listed twice/],
    ['fails when a host has more NICs than uplinks', { uplinks: ['uplink1'], hosts: [{ hostSystemId: 'host-10', devices: ['vmnic2', 'vmnic3'] }] }, /hosts\[0\]\.devices: has more NICs than the switch has uplinks \(1\)/],
    ['fails with a NetFlow collector that is not approved (NET-NETFLOW)', { netflowCollectorIpAddress: '192.0.2.9', approvedNetflowCollectors: ['10.0.5.20'] },
      /^stack\/Dvs: netflowCollectorIpAddress: is not an approved NetFlow collector \(NET-NETFLOW, STIG VCSA-80-000271\) \(got "192\.0\.2\.9"\)\. Export only to one of \["10\.0\.5\.20"\]\.$/],
    ['fails with a NetFlow collector and no approved list', { netflowCollectorIpAddress: '10.0.5.20' }, /approvedNetflowCollectors: must list the authorised collectors when netflowCollectorIpAddress is set \(NET-NETFLOW/],
    ['fails with a NetFlow collector that is not an address', { netflowCollectorIpAddress: 'collector.corp', approvedNetflowCollectors: ['collector.corp'] }, /netflowCollectorIpAddress: is not an IPv4 or IPv6 address/],
    ['fails with a malformed IPv6 collector', { netflowCollectorIpAddress: ':::::', approvedNetflowCollectors: [':::::'] }, /netflowCollectorIpAddress: is not an IPv4 or IPv6 address \(got ":::::"\)/],
    ['fails with a collector port but no collector', { netflowCollectorPort: 2055 }, /netflowCollectorPort: needs netflowCollectorIpAddress/],
    ['fails with a collector port out of range', { netflowCollectorIpAddress: '10.0.5.20', approvedNetflowCollectors: ['10.0.5.20'], netflowCollectorPort: 70000 }, /netflowCollectorPort: must be a whole number from 1 to 65535/],
    ['fails with an unknown link discovery operation', { linkDiscoveryOperation: 'off' as LinkDiscoveryOperation }, /linkDiscoveryOperation: is not a known operation \(got "off"\)/],
  ])('%s', (_name, props, message) => {
    expect(() => build(props)).toThrow(message);
  });

  test('fails with an unresolved NetFlow collector, which cannot be checked against the approved list', () => {
    const stack = newStack();
    const collector = new TerraformVariable(stack, 'collector', { type: 'string' });
    expect(() => new SecureDistributedSwitch(stack, 'Dvs', { ...PROPS, netflowCollectorIpAddress: collector.stringValue, approvedNetflowCollectors: ['10.0.5.20'] }))
      .toThrow(/netflowCollectorIpAddress: must be a literal address so it can be checked against approvedNetflowCollectors \(NET-NETFLOW\)/);
  });

  test('fails when a looked-up switch has no name', () => {
    expect(() => SecureDistributedSwitch.fromLookup(newStack(), 'Dvs', { name: '', datacenterId: 'dc' })).toThrow(/^stack\/Dvs: name: is required/);
  });
});
