// The reference platform's capacity plan, checked against numbers worked out by hand from the example.
import { synthReferencePlatform } from '../helpers/reference-platform';

describe('reference platform capacity plan (numbers worked out by hand)', () => {
  const plan = synthReferencePlatform().stack.architecture.capacityPlan;
  const tier = (name: string) => plan.tiers.find((t) => t.tier === name)!;

  test('Kubernetes: namespace defaults (100m/500m, 128/256 MiB per container) × replicas, plus 16 MiB runtime per pod', () => {
    // shop-api 3 pods, shop-web 6 (autoscaling maximum), shop-report 1 → 10 pods
    // CPU: 10 × 100m = 1000m requested, 10 × 500m = 5000m limit
    // memory: 10 × 128 + 10 × 16 = 1440 MiB requested, 10 × 256 + 10 × 16 = 2720 MiB limit
    expect(tier('kubernetes')).toMatchObject({ workloads: 3, instances: 10, cpuRequestMillicores: 1000, cpuLimitMillicores: 5000, memoryRequestMiB: 1440, memoryLimitMiB: 2720,
      capacityCpuMillicores: 48000, capacityMemoryMiB: 196608, cpuOvercommit: 0.1, memoryOvercommit: 0.01 });
  });

  test('Docker: the containers\' limits (proxy 500m / 128 MiB, orders 250m–1 CPU / 512 MiB) plus 16 MiB runtime each', () => {
    expect(tier('docker')).toMatchObject({ instances: 2, cpuRequestMillicores: 750, cpuLimitMillicores: 1500, memoryRequestMiB: 672, memoryLimitMiB: 672 });
  });

  test('vSphere: vCPUs against the over-commit ceiling, configured memory + 128 MiB hypervisor overhead, the GPU VM fully reserved', () => {
    // db-01, db-02: 8 vCPU, 16384 MiB, disks 40 + 500; llm-inference-01: 16 vCPU, 131072 MiB reserved (passthrough), disks 100 + 1000
    expect(tier('vsphere')).toMatchObject({
      instances: 3, cpuRequestMillicores: 0, cpuLimitMillicores: 32000,
      memoryRequestMiB: 128 + 128 + 131072 + 128, memoryLimitMiB: 2 * (16384 + 128) + 131072 + 128, memoryReservationMiB: 131072,
      diskGiB: 2 * 540 + 1100, overheadMemoryMiB: 3 * (512 + 128), overheadCpuMillicores: 300,
      capacityCpuMillicores: 96000, cpuOvercommit: 0.33,
    });
  });

  test('density: per host, 128 API pods but 16 database VMs and 3 GPU VMs', () => {
    const perHost = Object.fromEntries(plan.workloads.map((w) => [w.workloadName, w.instancesPerHost]));
    // shop-api pod: CPU limit 16 cores × 4 / 500m = 128; db VM: 32 cores × 4 / 8 vCPU = 16; GPU VM: 512 GiB / 131200 MiB requested = 3
    expect(perHost).toMatchObject({ 'shop-api': 128, 'db-01': 16, 'llm-inference-01': 3, 'edge-proxy': 8 });
  });
});
