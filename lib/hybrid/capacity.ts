import { invalid } from '../core/private/errors';
import { TIER_ORDER } from './private/order';

/** The hosts a tier runs on, all alike. */
export interface HostCapacity {
  /** Physical CPU cores per host (not hyper-threads). */
  readonly cpuCores: number;
  /** Memory per host in GiB. */
  readonly memoryGiB: number;
  /**
   * Number of hosts in the tier.
   * @default 1
   */
  readonly hostCount?: number;
  /**
   * Storage for the tier per host in GiB (VM disks, persistent volume claims).
   * @default - storage is not checked
   */
  readonly diskGiB?: number;
}

/**
 * The per-instance overhead model: what running a workload costs beyond what the application uses.
 *
 * A VM carries a whole guest OS (kernel, init, agents) inside its configured size, and the hypervisor
 * needs memory for each VM outside it (VMX process, page tables, video memory). A container shares
 * the host kernel; it costs a runtime shim and its cgroup accounting. The defaults are planning
 * assumptions, not measurements: set them from your own hosts.
 */
export interface GuestOsOverhead {
  /**
   * Memory an idle Linux guest OS uses inside the VM, in MiB.
   * @default 512
   */
  readonly linuxMemoryMiB?: number;
  /**
   * Memory an idle Windows guest OS uses inside the VM, in MiB.
   * @default 2048
   */
  readonly windowsMemoryMiB?: number;
  /**
   * CPU an idle Linux guest OS uses (agents, timers, updates), in millicores.
   * @default 100
   */
  readonly linuxCpuMillicores?: number;
  /**
   * CPU an idle Windows guest OS uses, in millicores.
   * @default 250
   */
  readonly windowsCpuMillicores?: number;
  /**
   * Disk a Linux guest OS takes, in GiB.
   * @default 8
   */
  readonly linuxDiskGiB?: number;
  /**
   * Disk a Windows guest OS takes, in GiB.
   * @default 32
   */
  readonly windowsDiskGiB?: number;
  /**
   * Memory the hypervisor needs per VM outside the guest, in MiB.
   * @default 128
   */
  readonly hypervisorMemoryMiB?: number;
  /**
   * Memory the container runtime needs per container instance (shim, cgroup accounting), in MiB.
   * @default 16
   */
  readonly containerMemoryMiB?: number;
}

/** Capacity declared for the tiers, and how far limits may over-commit it. */
export interface CapacityOptions {
  /**
   * The Kubernetes worker nodes the workloads run on.
   * @default - not declared (the plan shows totals, nothing is checked)
   */
  readonly kubernetesNodes?: HostCapacity;
  /**
   * The Docker host.
   * @default - not declared
   */
  readonly dockerHosts?: HostCapacity;
  /**
   * The ESXi hosts of the vSphere cluster.
   * @default - not declared
   */
  readonly vsphereHosts?: HostCapacity;
  /**
   * The Hyper-V hosts.
   * @default - not declared
   */
  readonly hypervHosts?: HostCapacity;
  /**
   * The VirtualBox hosts.
   * @default - not declared
   */
  readonly virtualboxHosts?: HostCapacity;
  /**
   * Largest allowed ratio of CPU limits (VM vCPUs) to physical cores in a tier.
   * @default 4
   */
  readonly maxCpuOvercommit?: number;
  /**
   * Largest allowed ratio of memory limits (VM memory plus overhead) to physical memory in a tier.
   * @default 1.5
   */
  readonly maxMemoryOvercommit?: number;
  /**
   * The overhead model.
   * @default - the defaults of `GuestOsOverhead`
   */
  readonly guestOsOverhead?: GuestOsOverhead;
}

/** Resource amounts of a workload (all its instances) or of a tier (all its workloads). */
export interface ResourceAmounts {
  /** The tier (`kubernetes`, `docker`, `vsphere`, `hyperv`, `virtualbox`; `total` for all tiers). */
  readonly tier: string;
  /** Instances: Kubernetes replicas (the autoscaling maximum), 1 for a container, job or VM. */
  readonly instances: number;
  /** CPU requested, millicores (VMs: 0, since vCPUs are not reserved: they count against the CPU over-commit ceiling). */
  readonly cpuRequestMillicores: number;
  /** CPU limit (VMs: vCPUs), millicores. */
  readonly cpuLimitMillicores: number;
  /** Memory requested, MiB (VMs: reservation plus hypervisor overhead; containers: request plus runtime overhead). */
  readonly memoryRequestMiB: number;
  /** Memory limit, MiB (VMs: configured memory plus hypervisor overhead; containers: limit plus runtime overhead). */
  readonly memoryLimitMiB: number;
  /** Memory guaranteed by VM reservations, MiB (0 for containers). */
  readonly memoryReservationMiB: number;
  /** Disk, GiB (VM disks, persistent volume claims). */
  readonly diskGiB: number;
  /** Of the CPU, what guest operating systems use rather than the applications, millicores. */
  readonly overheadCpuMillicores: number;
  /** Of the memory, what guest operating systems, the hypervisor or the runtime use rather than the applications, MiB. */
  readonly overheadMemoryMiB: number;
}

/** The resources one workload takes, all instances together. */
export interface WorkloadFootprint extends ResourceAmounts {
  /** The workload's name. */
  readonly workloadName: string;
  /** Of the disk, what the guest OS takes, GiB. */
  readonly overheadDiskGiB: number;
  /**
   * How many instances of this workload fit on one host of its tier (within the over-commit ratios).
   * @default - the tier's capacity is not declared
   */
  readonly instancesPerHost?: number;
}

/** The totals of one tier against its declared capacity. */
export interface TierCapacity extends ResourceAmounts {
  /** Workloads in the tier. */
  readonly workloads: number;
  /**
   * Physical CPU of the tier (cores × hosts), millicores.
   * @default - not declared
   */
  readonly capacityCpuMillicores?: number;
  /**
   * Physical memory of the tier, MiB.
   * @default - not declared
   */
  readonly capacityMemoryMiB?: number;
  /**
   * Storage of the tier, GiB.
   * @default - not declared
   */
  readonly capacityDiskGiB?: number;
  /**
   * CPU limits ÷ physical CPU, two decimals.
   * @default - not declared
   */
  readonly cpuOvercommit?: number;
  /**
   * Memory limits ÷ physical memory, two decimals.
   * @default - not declared
   */
  readonly memoryOvercommit?: number;
}

/** The capacity plan of a hybrid architecture. */
export interface CapacityPlan {
  /** Per workload, in review order. */
  readonly workloads: WorkloadFootprint[];
  /** Per tier that has workloads, in the order kubernetes, docker, vsphere, hyperv, virtualbox. */
  readonly tiers: TierCapacity[];
  /** All tiers together. */
  readonly total: TierCapacity;
  /** The over-commit ceiling for CPU. */
  readonly maxCpuOvercommit: number;
  /** The over-commit ceiling for memory. */
  readonly maxMemoryOvercommit: number;
  /** The overhead model used, every value resolved. */
  readonly guestOsOverhead: GuestOsOverhead;
}

/** The overhead model with every default filled in. */
export function resolveOverhead(scope: string, given: GuestOsOverhead | undefined): Required<GuestOsOverhead> {
  const g = given ?? {};
  const resolved: Required<GuestOsOverhead> = {
    linuxMemoryMiB: g.linuxMemoryMiB ?? 512,
    windowsMemoryMiB: g.windowsMemoryMiB ?? 2048,
    linuxCpuMillicores: g.linuxCpuMillicores ?? 100,
    windowsCpuMillicores: g.windowsCpuMillicores ?? 250,
    linuxDiskGiB: g.linuxDiskGiB ?? 8,
    windowsDiskGiB: g.windowsDiskGiB ?? 32,
    hypervisorMemoryMiB: g.hypervisorMemoryMiB ?? 128,
    containerMemoryMiB: g.containerMemoryMiB ?? 16,
  };
  for (const [key, value] of Object.entries(resolved)) {
    if (!Number.isInteger(value) || value < 0 || value > 1048576) {
      throw invalid(scope, `capacity.guestOsOverhead.${key}`, 'must be a whole number from 0 to 1048576', value, 'Give the overhead in the unit of its name.');
    }
  }
  return resolved;
}

/** The declared capacity of a tier, checked. */
export function checkHostCapacity(scope: string, prop: string, host: HostCapacity | undefined): HostCapacity | undefined {
  if (host === undefined) return undefined;
  const fields: Array<[keyof HostCapacity, number | undefined]> = [
    ['cpuCores', host.cpuCores], ['memoryGiB', host.memoryGiB], ['hostCount', host.hostCount ?? 1], ['diskGiB', host.diskGiB],
  ];
  for (const [key, value] of fields) {
    if (value === undefined && key === 'diskGiB') continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || (key === 'hostCount' && !Number.isInteger(value))) {
      throw invalid(scope, `${prop}.${key}`, key === 'hostCount' ? 'must be a whole number above 0' : 'must be a number above 0', value,
        `Declare the ${key === 'hostCount' ? 'number of hosts' : key} of the tier's hosts, e.g. ${key === 'memoryGiB' ? 256 : key === 'diskGiB' ? 4096 : key === 'hostCount' ? 3 : 32}.`);
    }
  }
  return host;
}


function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function sum(items: WorkloadFootprint[], tier: string): TierCapacity {
  const add = (f: (w: WorkloadFootprint) => number) => items.reduce((total, w) => total + f(w), 0);
  return {
    tier,
    workloads: items.length,
    instances: add((w) => w.instances),
    cpuRequestMillicores: add((w) => w.cpuRequestMillicores),
    cpuLimitMillicores: add((w) => w.cpuLimitMillicores),
    memoryRequestMiB: add((w) => w.memoryRequestMiB),
    memoryLimitMiB: add((w) => w.memoryLimitMiB),
    memoryReservationMiB: add((w) => w.memoryReservationMiB),
    diskGiB: add((w) => w.diskGiB),
    overheadMemoryMiB: add((w) => w.overheadMemoryMiB),
    overheadCpuMillicores: add((w) => w.overheadCpuMillicores),
  };
}

/** Hosts of a tier by name. */
export function hostsOf(options: CapacityOptions, tier: string): HostCapacity | undefined {
  switch (tier) {
    case 'kubernetes': return options.kubernetesNodes;
    case 'docker': return options.dockerHosts;
    case 'vsphere': return options.vsphereHosts;
    case 'hyperv': return options.hypervHosts;
    case 'virtualbox': return options.virtualboxHosts;
    default: return undefined;
  }
}

/**
 * The plan for `footprints` (without `instancesPerHost`, which is filled in here), checked against
 * the declared capacity: requests and reservations must fit the physical hosts (1:1), limits must
 * fit within the over-commit ratios, disk within the declared storage. Throws a ValidationError
 * naming the tier and the numbers.
 */
export function planCapacity(scope: string, footprints: WorkloadFootprint[], options: CapacityOptions, overhead: Required<GuestOsOverhead>): CapacityPlan {
  const maxCpu = options.maxCpuOvercommit ?? 4;
  const maxMemory = options.maxMemoryOvercommit ?? 1.5;
  for (const [prop, value] of [['capacity.maxCpuOvercommit', maxCpu], ['capacity.maxMemoryOvercommit', maxMemory]] as Array<[string, number]>) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 1 || value > 100) {
      throw invalid(scope, prop, 'must be a ratio from 1 to 100', value, 'Use e.g. 4 for CPU and 1.5 for memory; 1 means no over-commit.');
    }
  }
  const tiers: TierCapacity[] = [];
  const workloads: WorkloadFootprint[] = footprints.map((w) => {
    const host = hostsOf(options, w.tier);
    if (host === undefined || w.instances === 0) return w;
    const cpuPerHost = host.cpuCores * 1000;
    const memoryPerHost = host.memoryGiB * 1024;
    const per = (total: number) => total / w.instances;
    const fits = [
      per(w.cpuRequestMillicores) > 0 ? cpuPerHost / per(w.cpuRequestMillicores) : Infinity,
      per(w.cpuLimitMillicores) > 0 ? (cpuPerHost * maxCpu) / per(w.cpuLimitMillicores) : Infinity,
      per(w.memoryRequestMiB) > 0 ? memoryPerHost / per(w.memoryRequestMiB) : Infinity,
      per(w.memoryLimitMiB) > 0 ? (memoryPerHost * maxMemory) / per(w.memoryLimitMiB) : Infinity,
    ];
    const instancesPerHost = Math.floor(Math.min(...fits) + 1e-9);
    return { ...w, instancesPerHost: Number.isFinite(instancesPerHost) ? instancesPerHost : undefined };
  });
  for (const tier of TIER_ORDER) {
    const items = workloads.filter((w) => w.tier === tier);
    if (items.length === 0) continue;
    const totals = sum(items, tier);
    const host = hostsOf(options, tier);
    if (host === undefined) {
      tiers.push(totals);
      continue;
    }
    const count = host.hostCount ?? 1;
    const capacityCpu = host.cpuCores * 1000 * count;
    const capacityMemory = host.memoryGiB * 1024 * count;
    const capacityDisk = host.diskGiB === undefined ? undefined : host.diskGiB * count;
    const tierCapacity: TierCapacity = {
      ...totals,
      capacityCpuMillicores: capacityCpu,
      capacityMemoryMiB: capacityMemory,
      capacityDiskGiB: capacityDisk,
      cpuOvercommit: round2(totals.cpuLimitMillicores / capacityCpu),
      memoryOvercommit: round2(totals.memoryLimitMiB / capacityMemory),
    };
    const prop = `capacity.${{ kubernetes: 'kubernetesNodes', docker: 'dockerHosts', vsphere: 'vsphereHosts', hyperv: 'hypervHosts', virtualbox: 'virtualboxHosts' }[tier]}`;
    const hosts = `${count} host(s) × ${host.cpuCores} cores, ${host.memoryGiB} GiB`;
    if (totals.cpuRequestMillicores > capacityCpu) {
      throw invalid(scope, prop, `tier ${tier}: CPU requests of ${totals.cpuRequestMillicores}m exceed the ${capacityCpu}m of ${hosts}`, host,
        'Requests must fit the physical cores: add hosts, declare larger ones, or lower the requests (replicas, vCPUs).');
    }
    if (totals.memoryRequestMiB > capacityMemory) {
      throw invalid(scope, prop, `tier ${tier}: memory requests and reservations of ${totals.memoryRequestMiB} MiB exceed the ${capacityMemory} MiB of ${hosts}`, host,
        'Requests and VM reservations must fit the physical memory: add hosts, declare larger ones, or lower the requests.');
    }
    if (totals.cpuLimitMillicores > capacityCpu * maxCpu) {
      throw invalid(scope, prop, `tier ${tier}: CPU limits of ${totals.cpuLimitMillicores}m over-commit the ${capacityCpu}m of ${hosts} `
        + `${tierCapacity.cpuOvercommit}:1, above maxCpuOvercommit ${maxCpu}:1`, host,
        'Add hosts, lower CPU limits or vCPUs, or raise capacity.maxCpuOvercommit if the workloads are known to idle.');
    }
    if (totals.memoryLimitMiB > capacityMemory * maxMemory) {
      throw invalid(scope, prop, `tier ${tier}: memory limits of ${totals.memoryLimitMiB} MiB over-commit the ${capacityMemory} MiB of ${hosts} `
        + `${tierCapacity.memoryOvercommit}:1, above maxMemoryOvercommit ${maxMemory}:1`, host,
        'Add hosts, lower memory limits or VM memory, or raise capacity.maxMemoryOvercommit.');
    }
    if (capacityDisk !== undefined && totals.diskGiB > capacityDisk) {
      throw invalid(scope, prop, `tier ${tier}: disks of ${totals.diskGiB} GiB exceed the ${capacityDisk} GiB of storage declared`, host,
        'Add storage (diskGiB), or shrink the disks and volume claims.');
    }
    tiers.push(tierCapacity);
  }
  const total = sum(workloads, 'total');
  // Total capacity only when every tier with workloads declared its hosts: a partial sum would understate the ratios' meaning.
  const declared = tiers.filter((t) => t.capacityCpuMillicores !== undefined);
  const totalCapacity = declared.length === 0 || declared.length !== tiers.length ? {} : {
    capacityCpuMillicores: declared.reduce((s, t) => s + t.capacityCpuMillicores!, 0),
    capacityMemoryMiB: declared.reduce((s, t) => s + t.capacityMemoryMiB!, 0),
  };
  return {
    workloads,
    tiers,
    total: { ...total, ...totalCapacity },
    maxCpuOvercommit: maxCpu,
    maxMemoryOvercommit: maxMemory,
    guestOsOverhead: { ...overhead },
  };
}
