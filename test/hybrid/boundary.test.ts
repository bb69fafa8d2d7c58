// The hybrid layer's public boundary: malformed props from JavaScript callers (or `as any`) are a
// ValidationError naming the path, the prop, the value and the fix, never a TypeError from deep inside.
// Each case below was a TypeError (or a silently accepted value) found by the fuzz campaign.
import { HybridArchitecture, HypervVirtualMachineFactory, PlacementAdvisor, VirtualBoxVirtualMachineFactory, VsphereVirtualMachineFactory } from '../../lib';
import { DB_VM, newArchitecture, newStack, service } from './fixtures';
import { rejection } from '../rejection';


describe('HybridArchitecture props are checked against their declared shape', () => {
  test('a tier\'s host capacity of null', () => {
    expect(rejection(() => new HybridArchitecture(newStack(), 'Shop', { capacity: { kubernetesNodes: null } } as any)))
      .toMatch(/^test\/Shop: capacity\.kubernetesNodes: is null; it must be a HostCapacity object \(got null\)\. /);
  });

  test('virtualMachineFactories given as a string', () => {
    expect(rejection(() => new HybridArchitecture(newStack(), 'Shop', { virtualMachineFactories: 'vsphere' } as any)))
      .toMatch(/^test\/Shop: virtualMachineFactories: must be a list of IVirtualMachineFactorys \(got "vsphere"\)\. /);
  });
});

describe('addContainerWorkload and addVmWorkload check their options', () => {
  test('spec.writablePaths that is not a list', () => {
    const arch = newArchitecture(newStack());
    expect(rejection(() => arch.addContainerWorkload('Web', { spec: { ...service('web', 8080), writablePaths: 5 as any } })))
      .toMatch(/^test\/Shop\/Web: spec\.writablePaths: must be a list of strings \(got 5\)\. /);
  });

  test('a CPU request given as a string instead of a Cpu', () => {
    const arch = newArchitecture(newStack());
    expect(rejection(() => arch.addContainerWorkload('Web', { spec: { ...service('web', 8080), resources: { cpuRequest: '250m' as any } } })))
      .toMatch(/^test\/Shop\/Web: spec\.resources\.cpuRequest: must be a Cpu \(got "250m"\)\. /);
  });

  test('a construct id that is not a string', () => {
    const arch = newArchitecture(newStack());
    expect(rejection(() => arch.addContainerWorkload(42 as any, { spec: service('web', 8080) })))
      .toMatch(/^test\/Shop\/<id>: id: must be a non-empty string of at most 4096 characters \(got 42\)\. /);
  });

  test('VM spec.networks that is not a list, on the Hyper-V factory', () => {
    const stack = newStack();
    const arch = newArchitecture(stack, { virtualMachineFactories: [new HypervVirtualMachineFactory({ storagePath: 'D:\\Hyper-V', switchName: 'corp' })] });
    expect(rejection(() => arch.addVmWorkload('Dc', { spec: { ...DB_VM, networks: false as any }, hypervisor: undefined, requirements: { windowsEcosystem: true } })))
      .toMatch(/^test\/Shop\/Dc: spec\.networks: must be a list of VmNetworkSpec objects \(got false\)\. /);
  });

  test('connect options of null', () => {
    const arch = newArchitecture(newStack());
    const web = arch.addContainerWorkload('Web', { spec: service('web', 8080) });
    const api = arch.addContainerWorkload('Api', { spec: service('api', 9000) });
    expect(rejection(() => arch.connect(web, api, 9000, null as any))).toMatch(/^test\/Shop\.connect: options: must be a ConnectOptions object \(got null\)\. /);
  });
});

describe('the VM factories check what they are asked to build', () => {
  test('createVirtualMachine without a request', () => {
    const stack = newStack();
    const factory = new VirtualBoxVirtualMachineFactory({ image: 'https://boxes.example/debian.box', hostInterface: 'vboxnet1' });
    expect(rejection(() => factory.createVirtualMachine(stack, 'Lab', undefined as any)))
      .toMatch(/^test\/Lab: request: is required \(a VirtualMachineRequest object\) \(got undefined\)\. /);
  });

  test('createVirtualMachine with spec.networks of null', () => {
    const stack = newStack();
    const factory = new HypervVirtualMachineFactory({ storagePath: 'D:\\Hyper-V', switchName: 'corp' });
    expect(rejection(() => factory.createVirtualMachine(stack, 'Dc', { spec: { ...DB_VM, networks: null as any } })))
      .toMatch(/^test\/Dc: request\.spec\.networks: is null; /);
  });

  test('a segment without a request, or with a VLAN id out of range (Hyper-V builds no resource that would check it)', () => {
    const stack = newStack();
    const factory = new HypervVirtualMachineFactory({ storagePath: 'D:\\Hyper-V', switchName: 'corp' });
    expect(rejection(() => factory.createNetworkSegment(stack, 'Seg', undefined as any))).toMatch(/^test\/Seg: request: is required/);
    expect(rejection(() => factory.createNetworkSegment(stack, 'Seg', { segmentName: 'pg-a', vlanId: 70000 })))
      .toMatch(/^test\/Seg: request\.vlanId: must be a whole number from 1 to 4094 \(got 70000\)\. /);
  });

  test('factory props of the wrong type', () => {
    expect(rejection(() => new HypervVirtualMachineFactory({ storagePath: 'D:\\Hyper-V', switchName: 'corp', bootDiskSource: 7 as any })))
      .toMatch(/^HypervVirtualMachineFactory: bootDiskSource: must be a string \(got 7\)\. /);
    expect(rejection(() => new VsphereVirtualMachineFactory({ template: 'golden' } as any)))
      .toMatch(/^VsphereVirtualMachineFactory: template: must be an IVmTemplate/);
  });
});

describe('PlacementAdvisor.advise', () => {
  test('requirements that are not an object', () => {
    expect(rejection(() => PlacementAdvisor.advise('windows' as any))).toMatch(/^PlacementAdvisor\.advise: requirements: must be a WorkloadRequirements object \(got "windows"\)\. /);
    expect(rejection(() => PlacementAdvisor.advise(null as any))).toMatch(/^PlacementAdvisor\.advise: requirements: must be a WorkloadRequirements object \(got null\)\. /);
  });
});
