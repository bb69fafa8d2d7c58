import { HardenedCronJob } from '../../kubernetes/hardened-cron-job';
import { HardenedDeployment } from '../../kubernetes/hardened-deployment';
import { HardenedStatefulSet } from '../../kubernetes/hardened-stateful-set';
import { resolveResources } from '../../kubernetes/private/resources';
import { GuestOsFamily } from '../../vm/vm-spec';
import type { HybridWorkloadConstruct } from '../architecture';
import { GuestOsOverhead, WorkloadFootprint } from '../capacity';

const GIB = 1024 * 1024 * 1024;

/**
 * What one workload takes, from the construct that runs it (its resolved values, not recomputed
 * defaults): Kubernetes pods × replicas (the autoscaling maximum), a Docker container's limits, a
 * VM's vCPUs, memory, reservation and disks, each with the overhead model's share.
 */
export function footprintOf(w: HybridWorkloadConstruct, overhead: Required<GuestOsOverhead>): WorkloadFootprint {
  const base = { workloadName: w.workloadName, tier: w.tier };
  const k = w.kubernetesWorkload;
  if (k !== undefined) {
    const containers = [k.spec, ...k.sidecars];
    const resolved = containers.map((c) => resolveResources(k, 'spec.resources', c.resources, k.containerDefaults));
    const perPod = {
      cpuRequest: resolved.reduce((s, r) => s + r.cpuRequest!.inMillicores, 0),
      cpuLimit: resolved.reduce((s, r) => s + r.cpuLimit!.inMillicores, 0),
      memoryRequest: resolved.reduce((s, r) => s + Math.ceil(r.memoryRequest!.inMebibytes), 0),
      memoryLimit: resolved.reduce((s, r) => s + Math.ceil(r.memoryLimit!.inMebibytes), 0),
    };
    let instances = 1;
    let diskGiB = 0;
    if (k instanceof HardenedDeployment || k instanceof HardenedStatefulSet) {
      instances = k.autoscaling ? k.autoscaling.maxReplicas : (k.replicas ?? 1);
    }
    if (k instanceof HardenedStatefulSet) {
      const claims = w.containerOptions?.volumeClaims ?? [];
      diskGiB = instances * claims.reduce((s, c) => s + Math.ceil(c.storage.inBytes / GIB), 0);
    }
    if (k instanceof HardenedCronJob) instances = 1;
    const runtime = overhead.containerMemoryMiB * instances;
    return {
      ...base,
      instances,
      cpuRequestMillicores: perPod.cpuRequest * instances,
      cpuLimitMillicores: perPod.cpuLimit * instances,
      memoryRequestMiB: perPod.memoryRequest * instances + runtime,
      memoryLimitMiB: perPod.memoryLimit * instances + runtime,
      memoryReservationMiB: 0,
      diskGiB,
      overheadCpuMillicores: 0,
      overheadMemoryMiB: runtime,
      overheadDiskGiB: 0,
    };
  }
  const c = w.container;
  if (c !== undefined) {
    const cpuLimit = Math.round((c.cpuQuotaMicros / c.cpuPeriodMicros) * 1000);
    const r = w.containerOptions?.spec.resources;
    const memoryRequest = r?.memoryRequest !== undefined ? Math.ceil(r.memoryRequest.inMebibytes) : c.memoryMiB;
    return {
      ...base,
      instances: 1,
      cpuRequestMillicores: r?.cpuRequest?.inMillicores ?? cpuLimit,
      cpuLimitMillicores: cpuLimit,
      memoryRequestMiB: memoryRequest + overhead.containerMemoryMiB,
      memoryLimitMiB: c.memoryMiB + overhead.containerMemoryMiB,
      memoryReservationMiB: 0,
      diskGiB: 0,
      overheadCpuMillicores: 0,
      overheadMemoryMiB: overhead.containerMemoryMiB,
      overheadDiskGiB: 0,
    };
  }
  const vm = w.virtualMachine!;
  const spec = vm.spec;
  const windows = spec.guestOsFamily === GuestOsFamily.WINDOWS;
  const reservation = numberOr((vm as unknown as { memoryReservationMiB?: unknown }).memoryReservationMiB, 0);
  const guestMemory = windows ? overhead.windowsMemoryMiB : overhead.linuxMemoryMiB;
  return {
    ...base,
    instances: 1,
    // vCPUs are not reserved per VM: they count against the CPU over-commit ceiling (vCPU:core ratio), not 1:1.
    cpuRequestMillicores: 0,
    cpuLimitMillicores: spec.cpus * 1000,
    memoryRequestMiB: reservation + overhead.hypervisorMemoryMiB,
    memoryLimitMiB: spec.memoryMiB + overhead.hypervisorMemoryMiB,
    memoryReservationMiB: reservation,
    diskGiB: (spec.disks ?? []).reduce((s, d) => s + d.sizeGiB, 0),
    overheadCpuMillicores: windows ? overhead.windowsCpuMillicores : overhead.linuxCpuMillicores,
    overheadMemoryMiB: Math.min(guestMemory, spec.memoryMiB) + overhead.hypervisorMemoryMiB,
    overheadDiskGiB: windows ? overhead.windowsDiskGiB : overhead.linuxDiskGiB,
  };
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
