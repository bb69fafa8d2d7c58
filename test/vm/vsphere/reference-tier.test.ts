import { Testing } from 'cdktf';
import { Policy } from '../../../lib';
import { addVsphereTier } from '../../../examples/reference-platform/vsphere-tier';
import { newStack, synthJson } from './helpers';

describe('reference platform vSphere tier', () => {
  test('a database pair kept apart and a GPU inference VM, all on the secure port group', () => {
    const stack = newStack();
    const tier = addVsphereTier(stack);
    const json = synthJson(stack);
    const vms = Object.values(json.resource.vsphere_virtual_machine) as any[];
    expect(vms.map((vm) => vm.name)).toEqual(['db-01', 'db-02', 'llm-inference-01']);
    expect(vms.every((vm) => vm.lifecycle.prevent_destroy === true && vm.firmware === 'efi' && vm.efi_secure_boot_enabled === true)).toBe(true);
    expect(vms.every((vm) => vm.network_interface[0].network_id.startsWith('${vsphere_distributed_port_group.'))).toBe(true);
    const rule = Object.values(json.resource.vsphere_compute_cluster_vm_anti_affinity_rule)[0] as any;
    expect(rule.virtual_machine_ids).toHaveLength(2);
    const gpuVm = vms[2];
    expect(gpuVm).toMatchObject({ memory: 131072, memory_reservation: 131072, memory_reservation_locked_to_max: true });
    expect(gpuVm.extra_config['pciPassthru.64bitMMIOSizeGB']).toBe('256');
    expect(Policy.suppressionsFor(tier.inferenceVm.resource).map((s) => s.ruleId)).toEqual(['VM-NO-PASSTHROUGH', 'PT-APPROVED-DEVICE']);
    expect(Testing.synth(stack)).toBeTruthy();
  });
});
