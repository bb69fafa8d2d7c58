import { Testing } from 'cdktf';
import {
  Cpu, Errors, HardenedDeployment, HardenedStatefulSet, HybridArchitecture, Hypervisor, IsolationLevel, PlacementTarget, PolicyChecks, Protocol, SecureVirtualMachine,
  Severity, Size,
} from '../../lib';
import { DB_VM, FakeHypervFactory, newArchitecture, newStack, resourceAt, service, synth, vsphereFactory } from './fixtures';

const netpol = (json: any, workload: string, kind = 'Deployment') => resourceAt(json, 'kubernetes_network_policy_v1', `Shop/${workload}/${kind}/NetworkPolicy`).spec;

describe('HybridArchitecture: placement and tiers', () => {
  test('places by the advice and builds each tier with the domain constructs', () => {
    const stack = newStack();
    const arch = newArchitecture(stack);
    const web = arch.addContainerWorkload('Web', { spec: service('web', 8080), replicas: 3 });
    const db = arch.addContainerWorkload('Db', { spec: service('pg', 5432), replicas: 1, volumeClaims: [{ name: 'data', mountPath: '/data', storage: Size.gibibytes(10) }] });
    const edge = arch.addContainerWorkload('Edge', { spec: service('edge', 8080), requirements: { edge: true } });
    const vm = arch.addVmWorkload('Legacy', { spec: DB_VM, requirements: { fullOperatingSystem: true }, vlanId: 110, ipv4Address: '10.0.110.5' });
    expect(web.placement.target).toBe(PlacementTarget.KUBERNETES);
    expect(web.kubernetesWorkload).toBeInstanceOf(HardenedDeployment);
    expect(db.kubernetesWorkload).toBeInstanceOf(HardenedStatefulSet);
    expect(edge.placement.target).toBe(PlacementTarget.DOCKER);
    expect(edge.container?.containerName).toBeDefined();
    expect(vm.virtualMachine).toBeInstanceOf(SecureVirtualMachine);
    expect(vm.placement).toMatchObject({ target: PlacementTarget.VIRTUAL_MACHINE, hypervisor: Hypervisor.VSPHERE, isolation: IsolationLevel.HYPERVISOR });
    const json = synth(stack);
    // Kubernetes objects carry the declared name: the name peers call.
    expect(resourceAt(json, 'kubernetes_service_v1', 'Shop/Web/Deployment/Service').metadata.name).toBe('web');
    expect(resourceAt(json, 'kubernetes_namespace_v1', 'Shop/KubernetesTier/Namespace').metadata.name).toBe('shop');
    // The VM is on the VLAN segment the architecture created, with its address.
    const pg = resourceAt(json, 'vsphere_distributed_port_group', 'Shop/VmTier/Segment110');
    expect(pg).toMatchObject({ name: 'pg-shop-110', vlan_id: 110, allow_promiscuous: false, distributed_virtual_switch_uuid: 'dvs-uuid-1' });
    const machine = resourceAt(json, 'vsphere_virtual_machine', 'Shop/Legacy/VirtualMachine');
    expect(machine.network_interface[0].network_id).toMatch(/^\$\{vsphere_distributed_port_group\.Shop_VmTier_Segment110_[0-9A-F]{8}\.id\}$/);
    expect(machine.lifecycle.prevent_destroy).toBe(true);
    // A Docker workload without flows or published ports has no network at all.
    expect(resourceAt(json, 'docker_container', 'Shop/Edge/Container').network_mode).toBe('none');
  });

  test('untrusted code runs under a sandboxed RuntimeClass, shared GPUs from the device plugin', () => {
    const stack = newStack();
    const arch = newArchitecture(stack);
    const untrusted = arch.addContainerWorkload('Preview', { spec: service('preview', 8080), requirements: { untrustedCode: true } });
    const gpu = arch.addContainerWorkload('Embed', { spec: service('embed', 8080), requirements: { gpus: 1 } });
    expect(untrusted.placement).toMatchObject({ sandboxed: true, isolation: IsolationLevel.SANDBOXED_KERNEL });
    const json = synth(stack);
    expect(resourceAt(json, 'kubernetes_runtime_class_v1', 'Shop/KubernetesTier/SandboxRuntimeClass')).toMatchObject({ handler: 'runsc', metadata: { name: 'gvisor' } });
    expect(resourceAt(json, 'kubernetes_deployment_v1', 'Shop/Preview/Deployment').spec.template.spec.runtime_class_name)
      .toMatch(/^\$\{kubernetes_runtime_class_v1\..*\.metadata\[0\]\.name\}$/);
    expect(resourceAt(json, 'kubernetes_deployment_v1', 'Shop/Embed/Deployment').spec.template.spec.container[0].resources.limits['nvidia.com/gpu']).toBe('1');
    expect(gpu.kubernetesWorkload?.gpus).toBe(1);
  });

  test('an explicit placement overrides the advice; both are recorded and the disagreement is stated', () => {
    const stack = newStack();
    const arch = newArchitecture(stack);
    const w = arch.addContainerWorkload('Tool', {
      spec: service('tool', 8080), requirements: { edge: true }, placement: PlacementTarget.KUBERNETES, placementReason: 'the edge site now runs k3s; CHG-77',
    });
    expect(w.advisedPlacement).toMatchObject({ target: PlacementTarget.DOCKER, ruleIds: ['PLACE-EDGE'] });
    expect(w.placement).toMatchObject({ target: PlacementTarget.KUBERNETES, ruleIds: ['EXPLICIT'] });
    expect(w.placementOverridden).toBe(true);
    const review = JSON.parse(arch.renderReview().json);
    expect(review.workloads[0].override).toEqual({ explicit: true, disagrees: true, reason: 'the edge site now runs k3s; CHG-77' });
    expect(review.workloads[0].advice.target).toBe('DOCKER');
    expect(arch.renderReview().markdown).toContain('- **Override:** the advisor said Docker (PLACE-EDGE: runs at the edge: Docker, lightweight on one host); placed on Kubernetes instead. Reason given: the edge site now runs k3s; CHG-77.');
  });

  test('an explicit placement equal to the advice is not an override', () => {
    const arch = newArchitecture(newStack());
    const w = arch.addContainerWorkload('Web', { spec: service('web', 8080), placement: PlacementTarget.KUBERNETES });
    expect(w.placementOverridden).toBe(false);
    expect(w.placement.ruleIds).toEqual(['PLACE-DEFAULT']);
  });

  test('the VM extension point: a Hyper-V factory builds Windows-ecosystem VMs and their segments', () => {
    const stack = newStack();
    const hyperv = new FakeHypervFactory();
    const arch = newArchitecture(stack, { virtualMachineFactories: [vsphereFactory(stack), hyperv] });
    const ad = arch.addVmWorkload('Directory', { spec: { name: 'dc-01', cpus: 2, memoryMiB: 4096 }, requirements: { windows: true, windowsEcosystem: true }, vlanId: 30 });
    expect(ad.placement).toMatchObject({ hypervisor: Hypervisor.HYPERV, ruleIds: ['PLACE-WINDOWS', 'PLACE-HYPERV'] });
    expect(hyperv.requests[0].spec.networks).toEqual([{ networkId: 'vswitch-30', ipv4Address: undefined, ipv4PrefixLength: undefined }]);
    expect(arch.capacityPlan.tiers.map((t) => t.tier)).toEqual(['hyperv']);
  });

  test('a hypervisor given explicitly overrides the advice (with a reason)', () => {
    const stack = newStack();
    const arch = newArchitecture(stack, { virtualMachineFactories: [vsphereFactory(stack), new FakeHypervFactory()] });
    const w = arch.addVmWorkload('Build', { spec: DB_VM, requirements: { customKernel: true }, hypervisor: Hypervisor.HYPERV, placementReason: 'build farm runs on Hyper-V hosts' });
    expect(w.placementOverridden).toBe(true);
    expect(w.advisedPlacement.hypervisor).toBe(Hypervisor.VSPHERE);
    expect(w.placement.hypervisor).toBe(Hypervisor.HYPERV);
  });

  describe('fails', () => {
    test('fails when a container workload needs a VM', () => {
      const arch = newArchitecture(newStack());
      const attempt = () => arch.addContainerWorkload('Win', { spec: service('win', 80), requirements: { windows: true } });
      expect(attempt).toThrow(/test\/Shop\/Win: requirements: need a VM \(PLACE-WINDOWS, PLACE-VSPHERE: runs Windows/);
      try { attempt(); } catch (e) { expect(Errors.isValidationError(e)).toBe(true); }
    });

    test('fails when an override has no reason', () => {
      const arch = newArchitecture(newStack());
      expect(() => arch.addContainerWorkload('T', { spec: service('t', 80), requirements: { edge: true }, placement: PlacementTarget.KUBERNETES }))
        .toThrow(/placementReason: must explain in at least 10 characters/);
    });

    test('fails when a container workload is placed on a VM explicitly', () => {
      const arch = newArchitecture(newStack());
      expect(() => arch.addContainerWorkload('T', { spec: service('t', 80), placement: PlacementTarget.VIRTUAL_MACHINE })).toThrow(/'?placement'?: must be KUBERNETES or DOCKER/);
    });

    test('fails when the hypervisor has no factory', () => {
      const arch = newArchitecture(newStack());
      expect(() => arch.addVmWorkload('Lab', { spec: DB_VM, requirements: { customKernel: true, lab: true } }))
        .toThrow(/hypervisor: has no factory: the VM is placed on VIRTUALBOX, but virtualMachineFactories has VSPHERE/);
    });

    test('fails on Kubernetes options for a Docker workload and Docker options for a Kubernetes one', () => {
      const arch = newArchitecture(newStack());
      expect(() => arch.addContainerWorkload('E', { spec: service('e', 80), requirements: { edge: true }, schedule: '0 * * * *' })).toThrow(/schedule: is a Kubernetes option/);
      expect(() => arch.addContainerWorkload('F', { spec: service('f', 80), replicas: 3, placement: PlacementTarget.DOCKER, placementReason: 'one box at the branch office' }))
        .toThrow(/replicas: is a Kubernetes option, but the workload is placed on Docker/);
      expect(() => arch.addContainerWorkload('K', { spec: service('k', 80), publishedPorts: [{ containerPort: 80, hostPort: 8080 }] })).toThrow(/publishedPorts: is a Docker option/);
    });

    test('fails on two workloads with one name, and on a second architecture in the stack', () => {
      const stack = newStack();
      const arch = newArchitecture(stack);
      arch.addContainerWorkload('A', { spec: service('web', 80) });
      expect(() => arch.addContainerWorkload('B', { spec: service('web', 80) })).toThrow(/spec.name: is also the name of workload test\/Shop\/A/);
      expect(() => new HybridArchitecture(stack, 'Other')).toThrow(/already has a HybridArchitecture \(test\/Shop\)/);
    });

    test('fails on spec.networks together with vlanId', () => {
      const arch = newArchitecture(newStack());
      expect(() => arch.addVmWorkload('V', { spec: { ...DB_VM, networks: [{ networkId: 'pg-1' }] }, vlanId: 10 })).toThrow(/spec.networks: cannot be combined with vlanId/);
    });
  });
});

describe('HybridArchitecture.connect: every side enforced where the platform can, the rest listed', () => {
  test('Kubernetes → Kubernetes: egress on the caller, ingress on the callee, both with pod and namespace selectors', () => {
    const stack = newStack();
    const arch = newArchitecture(stack);
    const web = arch.addContainerWorkload('Web', { spec: service('web', 8080) });
    const api = arch.addContainerWorkload('Api', { spec: service('api', 9000) });
    arch.connect(web, api, 9000);
    const json = synth(stack);
    const nsSelector = { match_labels: { 'kubernetes.io/metadata.name': expect.stringMatching(/^\$\{kubernetes_namespace_v1\.Shop_KubernetesTier_Namespace_[0-9A-F]{8}\.metadata\[0\]\.name\}$/) } };
    expect(netpol(json, 'Web').egress).toEqual([{ to: [{ namespace_selector: nsSelector, pod_selector: { match_labels: { 'app.kubernetes.io/name': 'api' } } }], ports: [{ port: '9000', protocol: 'TCP' }] }]);
    expect(netpol(json, 'Api').ingress).toEqual([{ from: [{ namespace_selector: nsSelector, pod_selector: { match_labels: { 'app.kubernetes.io/name': 'web' } } }], ports: [{ port: '9000', protocol: 'TCP' }] }]);
    expect(arch.flows[0]).toMatchObject({ from: 'web', to: 'api', port: 9000, protocol: Protocol.TCP, address: 'api.shop.svc:9000' });
    expect(arch.flows[0].sides.map((s) => s.enforced)).toEqual([true, true]);
    expect(arch.unenforceableSides).toEqual([]);
  });

  test('Kubernetes ↔ VM: the Kubernetes side names the VM address; the VM side is its VLAN segment and is listed as not enforceable', () => {
    const stack = newStack();
    const arch = newArchitecture(stack);
    const api = arch.addContainerWorkload('Api', { spec: service('api', 9000) });
    const db = arch.addVmWorkload('Db', { spec: DB_VM, requirements: { machineSnapshots: true }, vlanId: 110, ipv4Address: '10.0.110.11' });
    arch.connect(api, db, 5432);
    arch.connect(db, api, 9000); // e.g. a database webhook back into the API
    const json = synth(stack);
    expect(netpol(json, 'Api').egress).toEqual([{ to: [{ ip_block: { cidr: '10.0.110.11/32' } }], ports: [{ port: '5432', protocol: 'TCP' }] }]);
    expect(netpol(json, 'Api').ingress).toEqual([{ from: [{ ip_block: { cidr: '10.0.110.11/32' } }], ports: [{ port: '9000', protocol: 'TCP' }] }]);
    expect(arch.unenforceableSides).toEqual([
      'api → db-01 5432/TCP: ingress of db-01 (vSphere): vSphere segments by VLAN only (pg-shop-110, VLAN 110): the hypervisor cannot filter by port or source; '
        + 'allow only 5432/TCP from api in the guest firewall or a distributed firewall such as NSX',
      'db-01 → api 9000/TCP: egress of db-01 (vSphere): vSphere segments by VLAN only (pg-shop-110, VLAN 110): the VM\'s outbound traffic is not filtered by port or destination '
        + '(use the guest firewall or a distributed firewall such as NSX)',
    ]);
  });

  test('Docker → Docker: an internal network with exactly the two containers; the open ports between them are listed', () => {
    const stack = newStack();
    const arch = newArchitecture(stack);
    const proxy = arch.addContainerWorkload('Proxy', { spec: service('proxy', 8080), requirements: { edge: true }, publishedPorts: [{ containerPort: 8080, hostPort: 8443 }] });
    const app = arch.addContainerWorkload('App', { spec: service('app', 9000), requirements: { edge: true } });
    arch.addContainerWorkload('Other', { spec: service('other', 7000), requirements: { edge: true } });
    arch.connect(proxy, app, 9000);
    const json = synth(stack);
    const pair = resourceAt(json, 'docker_network', 'Shop/DockerTier/ProxyToApp');
    expect(pair).toMatchObject({ name: 'proxy-app', internal: true, options: { 'com.docker.network.bridge.enable_icc': 'true' } });
    const ref = (key: string) => `\${docker_network.${key}.id}`;
    const keyOf = (name: string) => Object.entries<any>(json.resource.docker_network).find(([, n]) => n.name === name)![0];
    const pairRef = ref(keyOf('proxy-app'));
    expect(resourceAt(json, 'docker_container', 'Shop/Proxy/Container').networks_advanced.map((n: any) => n.name)).toEqual([ref(keyOf('edge-front')), pairRef]);
    const appContainer = resourceAt(json, 'docker_container', 'Shop/App/Container');
    expect(appContainer.networks_advanced).toEqual([{ name: pairRef }]);
    expect(appContainer.network_mode).toBeUndefined();
    expect(resourceAt(json, 'docker_container', 'Shop/Other/Container').network_mode).toBe('none');
    expect(arch.flows[0].address).toBe('app:9000');
    expect(arch.unenforceableSides).toEqual([expect.stringMatching(/^proxy → app 9000\/TCP: port on proxy-app \(Docker\): inter-container traffic is on, so every port between the two is open/)]);
  });

  test('Docker → Kubernetes: the callee admits the Docker host address; Docker cannot restrict egress (listed)', () => {
    const stack = newStack();
    const arch = newArchitecture(stack);
    const proxy = arch.addContainerWorkload('Proxy', { spec: service('proxy', 8080), requirements: { edge: true } });
    const web = arch.addContainerWorkload('Web', { spec: service('web', 8080) });
    arch.connect(proxy, web, 8080);
    const json = synth(stack);
    expect(netpol(json, 'Web').ingress).toEqual([{ from: [{ ip_block: { cidr: '10.0.50.10/32' } }], ports: [{ port: '8080', protocol: 'TCP' }] }]);
    const front = Object.entries<any>(json.resource.docker_network).find(([, n]) => n.name === 'edge-front')![0];
    expect(resourceAt(json, 'docker_container', 'Shop/Proxy/Container').networks_advanced).toEqual([{ name: `\${docker_network.${front}.id}` }]);
    expect(arch.flows[0].sides.map((s) => [s.side, s.enforced])).toEqual([['egress of proxy (Docker)', false], ['ingress of web (Kubernetes)', true]]);
  });

  test('Kubernetes → Docker: egress to the Docker host on the published host port; the Docker side cannot filter sources (listed)', () => {
    const stack = newStack();
    const arch = newArchitecture(stack);
    const api = arch.addContainerWorkload('Api', { spec: service('api', 9000) });
    const cache = arch.addContainerWorkload('Cache', { spec: service('cache', 6379), requirements: { singleHost: true }, publishedPorts: [{ containerPort: 6379, hostPort: 16379, hostIp: '10.0.50.10' }] });
    arch.connect(api, cache, 6379);
    const json = synth(stack);
    expect(netpol(json, 'Api').egress).toEqual([{ to: [{ ip_block: { cidr: '10.0.50.10/32' } }], ports: [{ port: '16379', protocol: 'TCP' }] }]);
    expect(arch.flows[0].address).toBe('10.0.50.10:16379 (published → 6379)');
    expect(arch.flows[0].sides.map((s) => s.enforced)).toEqual([true, false]);
  });

  test('VM → VM on one segment: both sides listed as not enforceable', () => {
    const arch = newArchitecture(newStack());
    const a = arch.addVmWorkload('A', { spec: { ...DB_VM, name: 'app-01' }, vlanId: 110 });
    const b = arch.addVmWorkload('B', { spec: DB_VM, vlanId: 110 });
    arch.connect(a, b, 5432);
    expect(arch.flows[0].sides.map((s) => s.enforced)).toEqual([false, false]);
    expect(arch.unenforceableSides[1]).toContain('the two VMs share the segment, so every port between them is open at layer 2');
  });

  describe('fails', () => {
    test('fails on a port the callee does not declare', () => {
      const arch = newArchitecture(newStack());
      const web = arch.addContainerWorkload('Web', { spec: service('web', 8080) });
      const api = arch.addContainerWorkload('Api', { spec: service('api', 9000) });
      expect(() => arch.connect(web, api, 9001)).toThrow(/port: is not a port workload "api" declares \(declared: 9000\) \(got 9001\)/);
    });

    test('fails on a Kubernetes ↔ VM flow without the VM address', () => {
      const arch = newArchitecture(newStack());
      const api = arch.addContainerWorkload('Api', { spec: service('api', 9000) });
      const db = arch.addVmWorkload('Db', { spec: DB_VM, vlanId: 110 });
      expect(() => arch.connect(api, db, 5432)).toThrow(/db-01.ipv4Address: is needed for the flow with api/);
    });

    test('fails on a Docker ↔ Kubernetes flow without docker.hostCidr', () => {
      const stack = newStack();
      const arch = newArchitecture(stack, { docker: {} });
      const proxy = arch.addContainerWorkload('Proxy', { spec: service('proxy', 8080), requirements: { edge: true } });
      const web = arch.addContainerWorkload('Web', { spec: service('web', 8080) });
      expect(() => arch.connect(proxy, web, 8080)).toThrow(/docker.hostCidr: is needed for the flow proxy → web/);
    });

    test('fails on a flow into Docker from another tier without a published host port', () => {
      const arch = newArchitecture(newStack());
      const api = arch.addContainerWorkload('Api', { spec: service('api', 9000) });
      const cache = arch.addContainerWorkload('Cache', { spec: service('cache', 6379), requirements: { singleHost: true } });
      expect(() => arch.connect(api, cache, 6379)).toThrow(/is not published on the Docker host by "cache" with a fixed hostPort/);
    });

    test('fails on a duplicate flow and on a flow to itself', () => {
      const arch = newArchitecture(newStack());
      const web = arch.addContainerWorkload('Web', { spec: service('web', 8080) });
      const api = arch.addContainerWorkload('Api', { spec: service('api', 9000) });
      arch.connect(web, api, 9000);
      expect(() => arch.connect(web, api, 9000)).toThrow(/is already connected \(web → api 9000\/TCP\)/);
      expect(() => arch.connect(web, web, 8080)).toThrow(/to: is the calling workload itself/);
    });
  });
});

describe('capacity plan', () => {
  test('the reference numbers: container requests/limits from the constructs, VM memory with the overhead model', () => {
    const stack = newStack();
    const arch = newArchitecture(stack, { capacity: { kubernetesNodes: { cpuCores: 8, memoryGiB: 32 }, vsphereHosts: { cpuCores: 16, memoryGiB: 128, diskGiB: 1000 } } });
    arch.addContainerWorkload('Api', { spec: { ...service('api', 9000), resources: { cpuRequest: Cpu.millicores(250), cpuLimit: Cpu.cores(1), memoryRequest: Size.mebibytes(256), memoryLimit: Size.mebibytes(512) } }, replicas: 4 });
    arch.addVmWorkload('Db', { spec: DB_VM, vsphere: { memoryReservationMiB: 4096 }, vlanId: 110 });
    const plan = arch.capacityPlan;
    // api: 4 × (250m / 1000m, 256 / 512 MiB) + 4 × 16 MiB runtime
    expect(plan.tiers[0]).toMatchObject({ tier: 'kubernetes', instances: 4, cpuRequestMillicores: 1000, cpuLimitMillicores: 4000, memoryRequestMiB: 1088, memoryLimitMiB: 2112,
      capacityCpuMillicores: 8000, capacityMemoryMiB: 32768, cpuOvercommit: 0.5, memoryOvercommit: 0.06 });
    // db: 4 vCPU (not reserved), 8192 MiB + 128 MiB hypervisor, 4096 MiB reserved, 240 GiB disk; guest OS 512 MiB + 100m + 8 GiB
    expect(plan.tiers[1]).toMatchObject({ tier: 'vsphere', cpuRequestMillicores: 0, cpuLimitMillicores: 4000, memoryRequestMiB: 4224, memoryLimitMiB: 8320,
      memoryReservationMiB: 4096, diskGiB: 240, overheadMemoryMiB: 640, overheadCpuMillicores: 100 });
    // per host: api limited by CPU limit 8000 × 4 / 1000 = 32; db by CPU limit 16000 × 4 / 4000 = 16
    expect(plan.workloads.map((w) => [w.workloadName, w.instancesPerHost])).toEqual([['api', 32], ['db-01', 16]]);
    expect(plan.total).toMatchObject({ cpuLimitMillicores: 8000, memoryLimitMiB: 10432, capacityCpuMillicores: 24000 });
  });

  test('fails when limits over-commit a tier beyond the configured ratio, naming the tier and the numbers', () => {
    const arch = newArchitecture(newStack(), { capacity: { vsphereHosts: { cpuCores: 4, memoryGiB: 64 }, maxCpuOvercommit: 1.5 } });
    arch.addVmWorkload('A', { spec: { ...DB_VM, name: 'a' } });
    let error: unknown;
    try { arch.addVmWorkload('B', { spec: { ...DB_VM, name: 'b' } }); } catch (e) { error = e; }
    expect(Errors.isValidationError(error)).toBe(true);
    expect((error as Error).message).toBe('test/Shop: capacity.vsphereHosts: tier vsphere: CPU limits of 8000m over-commit the 4000m of 1 host(s) × 4 cores, 64 GiB 2:1, '
      + 'above maxCpuOvercommit 1.5:1 (got {"cpuCores":4,"memoryGiB":64}). Add hosts, lower CPU limits or vCPUs, or raise capacity.maxCpuOvercommit if the workloads are known to idle.');
    expect(arch.workloads).toHaveLength(1); // the rejected workload is not counted
  });

  test('the default memory ceiling is 1.5:1; raising maxCpuOvercommit lets the same VMs fit', () => {
    const arch = newArchitecture(newStack(), { capacity: { vsphereHosts: { cpuCores: 4, memoryGiB: 64 }, maxCpuOvercommit: 2 } });
    arch.addVmWorkload('A', { spec: { ...DB_VM, name: 'a' } });
    arch.addVmWorkload('B', { spec: { ...DB_VM, name: 'b' } });
    expect(arch.capacityPlan).toMatchObject({ maxCpuOvercommit: 2, maxMemoryOvercommit: 1.5 });
    const other = newArchitecture(newStack(), { capacity: { vsphereHosts: { cpuCores: 4, memoryGiB: 64 } } });
    other.addVmWorkload('A', { spec: { ...DB_VM, name: 'a' } });
    // 8192 + 128 + 100000 + 128 = 108448 MiB of limits on 65536 MiB: 1.65:1
    expect(() => other.addVmWorkload('C', { spec: { ...DB_VM, name: 'c', cpus: 1, memoryMiB: 100000 } }))
      .toThrow(/tier vsphere: memory limits of 108448 MiB over-commit the 65536 MiB of 1 host\(s\) × 4 cores, 64 GiB 1.65:1, above maxMemoryOvercommit 1.5:1/);
  });

  test('fails when requests or reservations exceed the physical capacity', () => {
    const arch = newArchitecture(newStack(), { capacity: { kubernetesNodes: { cpuCores: 1, memoryGiB: 4 } } });
    expect(() => arch.addContainerWorkload('Api', { spec: { ...service('api', 9000), resources: { cpuRequest: Cpu.millicores(600) } }, replicas: 2 }))
      .toThrow(/tier kubernetes: CPU requests of 1200m exceed the 1000m of 1 host\(s\) × 1 cores, 4 GiB/);
  });

  test('fails on a bad declared capacity or ratio', () => {
    expect(() => newArchitecture(newStack(), { capacity: { dockerHosts: { cpuCores: 0, memoryGiB: 8 } } })).toThrow(/capacity.dockerHosts.cpuCores: must be a number above 0/);
    expect(() => newArchitecture(newStack(), { capacity: { maxMemoryOvercommit: 0.5 } })).toThrow(/capacity.maxMemoryOvercommit: must be a ratio from 1 to 100/);
  });

  test('nothing declared: totals without checks', () => {
    const arch = newArchitecture(newStack());
    arch.addContainerWorkload('Web', { spec: service('web', 8080) });
    expect(arch.capacityPlan.tiers[0].capacityCpuMillicores).toBeUndefined();
    expect(arch.capacityPlan.workloads[0].instancesPerHost).toBeUndefined();
  });
});

test('the architecture adds PolicyChecks to its stack, or uses those already there', () => {
  const stack = newStack();
  expect(PolicyChecks.of(stack)).toBeUndefined();
  const arch = newArchitecture(stack);
  expect(PolicyChecks.of(stack)).toBe(arch.policyChecks);
  const other = newStack();
  const existing = PolicyChecks.applyTo(other, { failOn: Severity.MEDIUM });
  expect(newArchitecture(other).policyChecks).toBe(existing);
  expect(Testing.synth(stack)).toBeTruthy();
});
