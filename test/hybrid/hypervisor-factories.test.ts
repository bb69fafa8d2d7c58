import { Testing } from 'cdktf';
import { Errors, HypervSecureVm, HypervVirtualMachineFactory, Hypervisor, VirtualBoxVirtualMachineFactory, VirtualBoxVm } from '../../lib';
import { newArchitecture, newStack, resourceAt, service, vsphereFactory } from './fixtures';

describe('the Hyper-V and VirtualBox factories plug into the VM extension point', () => {
  test('Windows-ecosystem VMs go to Hyper-V: HypervSecureVm on the switch with the segment\'s access VLAN; Kubernetes peers use the address', () => {
    const stack = newStack();
    const arch = newArchitecture(stack, {
      virtualMachineFactories: [vsphereFactory(stack), new HypervVirtualMachineFactory({ storagePath: 'D:\\Hyper-V', switchName: 'corp-switch' })],
    });
    const dc = arch.addVmWorkload('Directory', {
      spec: { name: 'dc-01', cpus: 2, memoryMiB: 4096 }, requirements: { windows: true, windowsEcosystem: true }, vlanId: 30, ipv4Address: '10.0.30.5',
    });
    const api = arch.addContainerWorkload('Api', { spec: service('api', 8080) });
    arch.connect(api, dc, 389);
    expect(dc.placement.hypervisor).toBe(Hypervisor.HYPERV);
    expect(dc.virtualMachine).toBeInstanceOf(HypervSecureVm);
    const json = JSON.parse(Testing.synth(stack));
    const vm = resourceAt(json, 'hyperv_machine_instance', 'Shop/Directory/VirtualMachine');
    expect(vm.network_adaptors).toEqual([expect.objectContaining({ switch_name: 'corp-switch', vlan_access: true, vlan_id: 30 })]);
    expect(resourceAt(json, 'kubernetes_network_policy_v1', 'Shop/Api/Deployment/NetworkPolicy').spec.egress)
      .toEqual([{ to: [{ ip_block: { cidr: '10.0.30.5/32' } }], ports: [{ port: '389', protocol: 'TCP' }] }]);
    expect(JSON.parse(arch.renderReview().json).infrastructure.vmSegments).toEqual([
      { name: 'pg-shop-30', vlanId: 30, hypervisor: 'HYPERV', enforcement: 'Hyper-V switch corp-switch, access VLAN 30 on the adaptor (MAC spoofing off, DHCP and router guards on)' },
    ]);
  });

  test('lab VMs go to VirtualBox on the host-only network', () => {
    const stack = newStack();
    const arch = newArchitecture(stack, {
      virtualMachineFactories: [new VirtualBoxVirtualMachineFactory({ image: 'https://boxes.example/ubuntu-22.04.box', hostInterface: 'vboxnet1' })],
    });
    const lab = arch.addVmWorkload('KernelLab', { spec: { name: 'kernel-lab', cpus: 2, memoryMiB: 2048 }, requirements: { customKernel: true, lab: true }, vlanId: 10 });
    expect(lab.placement).toMatchObject({ hypervisor: Hypervisor.VIRTUALBOX, ruleIds: ['PLACE-KERNEL', 'PLACE-VIRTUALBOX'] });
    expect(lab.virtualMachine).toBeInstanceOf(VirtualBoxVm);
    const vm = resourceAt(JSON.parse(Testing.synth(stack)), 'virtualbox_vm', 'Shop/KernelLab/VirtualMachine');
    expect(vm.network_adapter).toEqual([expect.objectContaining({ type: 'hostonly', host_interface: 'vboxnet1' })]);
    expect(arch.capacityPlan.tiers.map((t) => t.tier)).toEqual(['virtualbox']);
  });

  test('fails without the required factory props', () => {
    let error: unknown;
    try { new HypervVirtualMachineFactory({ storagePath: '', switchName: 'x' }); } catch (e) { error = e; }
    expect(Errors.isValidationError(error)).toBe(true);
    expect(() => new VirtualBoxVirtualMachineFactory({ image: 'x.box', hostInterface: '' })).toThrow(/VirtualBoxVirtualMachineFactory: hostInterface: is required/);
  });
});
