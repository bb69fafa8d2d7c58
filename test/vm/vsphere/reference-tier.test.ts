import { Policy, SecureVirtualMachine } from '../../../lib';
import { synthReferencePlatform } from '../../helpers/reference-platform';

describe('reference platform VM workloads (placed by the HybridArchitecture)', () => {
  test('a database pair kept apart on VLAN 110 and a GPU inference VM on VLAN 120, all on secure port groups', () => {
    const { stack, json } = synthReferencePlatform();
    const vms = Object.values(json.resource.vsphere_virtual_machine) as any[];
    expect(vms.map((vm) => vm.name)).toEqual(['db-01', 'db-02', 'llm-inference-01']);
    expect(vms.every((vm) => vm.lifecycle.prevent_destroy === true && vm.firmware === 'efi' && vm.efi_secure_boot_enabled === true)).toBe(true);
    const groups = Object.entries<any>(json.resource.vsphere_distributed_port_group);
    expect(groups.map(([, g]) => [g.name, g.vlan_id])).toEqual([['pg-shop-110', 110], ['pg-shop-120', 120]]);
    const networkOf = (vm: any) => vm.network_interface[0].network_id;
    expect(vms.map(networkOf)).toEqual([
      `\${vsphere_distributed_port_group.${groups[0][0]}.id}`, `\${vsphere_distributed_port_group.${groups[0][0]}.id}`, `\${vsphere_distributed_port_group.${groups[1][0]}.id}`,
    ]);
    expect(groups.every(([, g]) => g.allow_promiscuous === false && g.allow_forged_transmits === false && g.allow_mac_changes === false)).toBe(true);
    const rule = Object.values(json.resource.vsphere_compute_cluster_vm_anti_affinity_rule)[0] as any;
    expect(rule.virtual_machine_ids).toHaveLength(2);
    const gpuVm = vms[2];
    expect(gpuVm).toMatchObject({ memory: 131072, memory_reservation: 131072, memory_reservation_locked_to_max: true });
    expect(gpuVm.extra_config['pciPassthru.64bitMMIOSizeGB']).toBe('256');
    const inference = stack.virtualMachines.inference.virtualMachine as SecureVirtualMachine;
    expect(Policy.suppressionsFor(inference.resource).map((s) => s.ruleId)).toEqual(['VM-NO-PASSTHROUGH', 'PT-APPROVED-DEVICE']);
    expect(vms[0].clone.customize.network_interface).toEqual([{ ipv4_address: '10.0.110.11', ipv4_netmask: 24 }]);
  });
});
