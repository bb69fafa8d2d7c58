import { ComputeClusterVmAntiAffinityRule } from '@cdktf/provider-vsphere/lib/compute-cluster-vm-anti-affinity-rule';
import { HaVmOverride } from '@cdktf/provider-vsphere/lib/ha-vm-override';
import { VirtualMachineSnapshot } from '@cdktf/provider-vsphere/lib/virtual-machine-snapshot';
import { TerraformStack, Testing } from 'cdktf';
import { Node } from 'constructs';
import { HaRestartPriority, SecureVirtualMachine, VmAntiAffinityRule, VmHaOverride, VmSnapshot, VmSnapshotProps } from '../../../lib';
import { goldenTemplate, gpu, newStack, only, SPEC, synthJson } from './helpers';

function vms(stack: TerraformStack, count = 2, passthrough = false): SecureVirtualMachine[] {
  const template = goldenTemplate(stack);
  return Array.from({ length: count }, (_, i) => new SecureVirtualMachine(stack, `Vm${i}`, {
    spec: { ...SPEC, name: `vm-${i}` }, template,
    passthrough: passthrough ? { devices: [gpu(stack, `Gpu${i}`)], approvalReason: 'inference GPU, change CHG-1' } : undefined,
  }));
}

describe('VmSnapshot', () => {
  function build(props: Partial<VmSnapshotProps> = {}) {
    const stack = newStack();
    const [vm] = vms(stack, 1);
    const snapshot = new VmSnapshot(stack, 'Snapshot', { virtualMachine: vm, snapshotName: 'pre-upgrade', ...props });
    return { stack, vm, snapshot, json: only(synthJson(stack), 'vsphere_virtual_machine_snapshot') };
  }

  test('snapshot of the default configuration', () => {
    expect(Testing.synthScope((scope) => {
      const vm = new SecureVirtualMachine(scope, 'Vm', { spec: SPEC, template: goldenTemplate(scope) });
      new VmSnapshot(scope, 'Snapshot', { virtualMachine: vm, snapshotName: 'pre-upgrade' });
    })).toMatchSnapshot();
  });

  test('defaults: quiesced, no memory, consolidate, keep children, on the VM uuid', () => {
    const { json, snapshot } = build();
    expect(json).toEqual({
      snapshot_name: 'pre-upgrade', description: 'Managed by cdktf-hybrid', memory: false, quiesce: true, consolidate: true, remove_children: false,
      virtual_machine_uuid: expect.stringMatching(/^\$\{vsphere_virtual_machine\.Vm0_[0-9A-F]{8}\.uuid\}$/),
    });
    expect(Node.of(snapshot).defaultChild).toBe(snapshot.resource);
    expect(snapshot.resource).toBeInstanceOf(VirtualMachineSnapshot);
  });

  test('memory snapshots are not quiesced', () => {
    const { json, snapshot } = build({ memory: true, description: 'running state' });
    expect(json).toMatchObject({ memory: true, quiesce: false, description: 'running state' });
    expect(snapshot.quiesce).toBe(false);
  });

  test('fails on a passthrough VM (PT-NO-SNAPSHOT)', () => {
    const stack = newStack();
    const [vm] = vms(stack, 1, true);
    expect(() => new VmSnapshot(stack, 'Snapshot', { virtualMachine: vm, snapshotName: 'x' }))
      .toThrow(/^stack\/Snapshot: virtualMachine: uses PCI passthrough, which rules out snapshots \(PT-NO-SNAPSHOT\) \(got "stack\/Vm0"\)/);
  });

  test('fails with memory and quiesce together', () => {
    expect(() => build({ memory: true, quiesce: true })).toThrow(/quiesce: cannot be combined with memory/);
  });

  test('fails with an empty snapshot name', () => {
    expect(() => build({ snapshotName: '' })).toThrow(/snapshotName: must be 1-80 characters/);
  });
});

describe('VmAntiAffinityRule', () => {
  test('snapshot of the default configuration', () => {
    expect(Testing.synthScope((scope) => {
      const template = goldenTemplate(scope);
      const pair = [1, 2].map((n) => new SecureVirtualMachine(scope, `Db${n}`, { spec: { ...SPEC, name: `db-${n}` }, template }));
      new VmAntiAffinityRule(scope, 'DbPair', { virtualMachines: pair });
    })).toMatchSnapshot();
  });

  test('separates the VMs in their cluster; a preference unless mandatory', () => {
    const stack = newStack();
    const pair = vms(stack);
    const rule = new VmAntiAffinityRule(stack, 'DbPair', { virtualMachines: pair });
    const json = only(synthJson(stack), 'vsphere_compute_cluster_vm_anti_affinity_rule');
    expect(json).toEqual({
      name: 'DbPair', enabled: true, mandatory: false,
      compute_cluster_id: expect.stringMatching(/vsphere_compute_cluster\.Golden_ComputeCluster_[0-9A-F]{8}\.id/),
      virtual_machine_ids: [expect.stringMatching(/vsphere_virtual_machine\.Vm0_/), expect.stringMatching(/vsphere_virtual_machine\.Vm1_/)],
    });
    expect(Node.of(rule).defaultChild).toBe(rule.resource);
    expect(rule.resource).toBeInstanceOf(ComputeClusterVmAntiAffinityRule);
  });

  test('mandatory and a rule name can be set', () => {
    const stack = newStack();
    new VmAntiAffinityRule(stack, 'DbPair', { virtualMachines: vms(stack), mandatory: true, ruleName: 'db-apart', computeClusterId: 'domain-c1' });
    expect(only(synthJson(stack), 'vsphere_compute_cluster_vm_anti_affinity_rule')).toMatchObject({ mandatory: true, name: 'db-apart', compute_cluster_id: 'domain-c1' });
  });

  test('fails with fewer than two VMs', () => {
    const stack = newStack();
    expect(() => new VmAntiAffinityRule(stack, 'Rule', { virtualMachines: vms(stack, 1) })).toThrow(/virtualMachines: must list at least two VMs \(got 1\)/);
  });

  test('fails with a VM listed twice', () => {
    const stack = newStack();
    const [a] = vms(stack, 1);
    expect(() => new VmAntiAffinityRule(stack, 'Rule', { virtualMachines: [a, a] })).toThrow(/virtualMachines\[1\]: is listed twice/);
  });
});

describe('VmHaOverride', () => {
  test('sets the restart priority of a VM in its cluster', () => {
    const stack = newStack();
    const [vm] = vms(stack, 1);
    const override = new VmHaOverride(stack, 'Ha', { virtualMachine: vm, restartPriority: HaRestartPriority.HIGHEST });
    expect(only(synthJson(stack), 'vsphere_ha_vm_override')).toMatchObject({ ha_vm_restart_priority: 'highest', virtual_machine_id: expect.stringMatching(/vsphere_virtual_machine\.Vm0_/) });
    expect(override.resource).toBeInstanceOf(HaVmOverride);
    expect(Node.of(override).defaultChild).toBe(override.resource);
  });

  test('fails with an unknown priority', () => {
    const stack = newStack();
    const [vm] = vms(stack, 1);
    expect(() => new VmHaOverride(stack, 'Ha', { virtualMachine: vm, restartPriority: 'urgent' as HaRestartPriority })).toThrow(/restartPriority: is not an HA restart priority/);
  });

  test('fails with a restart priority on a passthrough VM (PT-NO-HA)', () => {
    const stack = newStack();
    const [vm] = vms(stack, 1, true);
    expect(() => new VmHaOverride(stack, 'Ha', { virtualMachine: vm, restartPriority: HaRestartPriority.HIGH })).toThrow(/restartPriority: must be DISABLED for a passthrough VM \(PT-NO-HA\)/);
  });
});
