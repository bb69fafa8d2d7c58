import { Testing } from 'cdktf';
import {
  FindingStatus, LinkDiscoveryOperation, NetFlowRule, PolicyChecks, PolicyPacks, SecureDistributedSwitch, SecureHostPortGroup, SecureHostVirtualSwitch,
  SecurePortGroup, SecureVirtualMachine,
} from '../../../lib';
import { goldenTemplate, newStack, SPEC } from './helpers';

const NETWORK_TYPES = ['vsphere_distributed_virtual_switch', 'vsphere_distributed_port_group', 'vsphere_host_virtual_switch', 'vsphere_host_port_group'];

/** The vSphere pack, with the site's approved NetFlow collector. */
function rules() {
  return [...PolicyPacks.vsphere().filter((r) => r.ruleId !== 'NET-NETFLOW'), new NetFlowRule({ approvedCollectors: ['10.0.5.20'] })];
}

describe('the network constructs and SR-IOV VMs against the vSphere policy pack', () => {
  test('defaults (with an approved NetFlow export) give no NET-* or PT-SRIOV finding', () => {
    const stack = newStack();
    const dvs = new SecureDistributedSwitch(stack, 'Dvs', {
      name: 'dvs-prod', datacenterId: 'datacenter-1', netflowCollectorIpAddress: '10.0.5.20', approvedNetflowCollectors: ['10.0.5.20'],
      hosts: [{ hostSystemId: 'host-10', devices: ['vmnic2'] }],
    });
    new SecurePortGroup(stack, 'PortGroup', { name: 'pg-app-110', distributedSwitch: dvs, vlanId: 110, netflowEnabled: true });
    const vswitch = new SecureHostVirtualSwitch(stack, 'VSwitch', { name: 'vSwitch1', hostSystemId: 'host-10', networkAdapters: ['vmnic3'] });
    new SecureHostPortGroup(stack, 'HostPortGroup', { name: 'pg-backup-120', virtualSwitch: vswitch, vlanId: 120 });
    new SecureVirtualMachine(stack, 'Vm', {
      spec: { ...SPEC, networks: [{ networkId: 'pg-sriov', sriovPhysicalFunction: '0000:3b:00.1' }, { networkId: 'pg-app' }] },
      template: goldenTemplate(stack), hostSystemId: 'host-10',
    });
    const checks = PolicyChecks.applyTo(stack, { rules: rules(), writeReports: false });
    Testing.synth(stack);
    const relevant = checks.findings.filter((f) => NETWORK_TYPES.includes(f.resourceType) || f.baseRuleId === 'PT-SRIOV');
    expect(relevant.map((f) => `${f.ruleId} ${f.status} ${f.resourceAddress}`)).toEqual([]);
    // the pack did run on this stack: the VM has no encryption storage policy
    expect(checks.findings.map((f) => f.baseRuleId)).toContain('VM-ENCRYPTION');
  });

  test('the opt-outs are the findings their warnings name', () => {
    const stack = newStack();
    new SecureDistributedSwitch(stack, 'Dvs', { name: 'dvs-prod', datacenterId: 'datacenter-1', linkDiscoveryOperation: LinkDiscoveryOperation.LISTEN, networkResourceControlEnabled: false });
    const vswitch = SecureHostVirtualSwitch.fromName(stack, 'VSwitch0', 'vSwitch0', 'host-10');
    new SecureHostPortGroup(stack, 'HostPortGroup', { name: 'pg-router-trunk', virtualSwitch: vswitch, vlanId: 4095, allowGuestVlanTagging: true });
    const checks = PolicyChecks.applyTo(stack, { rules: rules(), writeReports: false });
    Testing.synth(stack);
    const failed = checks.findings.filter((f) => f.status === FindingStatus.FAIL).map((f) => f.baseRuleId).sort();
    expect(failed).toEqual(['NET-DVS-DISCOVERY', 'NET-DVS-NIOC', 'NET-VSS-NO-VGT']);
  });
});
