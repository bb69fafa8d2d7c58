import { invalid } from '../core/private/errors';
import { checkStruct } from '../core/private/shapes';
import { Hypervisor } from '../vm/virtual-machine';

/** Where a workload runs. */
export enum PlacementTarget {
  /** A virtual machine (vSphere, Hyper-V or VirtualBox). */
  VIRTUAL_MACHINE = 'VIRTUAL_MACHINE',
  /** A Kubernetes workload (Deployment, StatefulSet or CronJob). */
  KUBERNETES = 'KUBERNETES',
  /** A container on a single Docker host. */
  DOCKER = 'DOCKER',
}

/** How strongly a workload is isolated from its neighbours on the same hardware. */
export enum IsolationLevel {
  /** Its own kernel behind a hypervisor: the strongest boundary (a VM). */
  HYPERVISOR = 'HYPERVISOR',
  /** A container in a sandboxed runtime (gVisor's user-space kernel or a Kata micro-VM) instead of the shared node kernel. */
  SANDBOXED_KERNEL = 'SANDBOXED_KERNEL',
  /** A container on the host's shared kernel, confined by namespaces, cgroups, seccomp and dropped capabilities. */
  SHARED_KERNEL = 'SHARED_KERNEL',
}

/**
 * What a workload needs, in the terms of the placement decision table. Every field is optional;
 * a workload that declares nothing goes to Kubernetes (row PLACE-DEFAULT).
 */
export interface WorkloadRequirements {
  /**
   * Needs a complete operating system (its own init, services, packages), not one process.
   * @default false
   */
  readonly fullOperatingSystem?: boolean;
  /**
   * Runs on Windows.
   * @default false
   */
  readonly windows?: boolean;
  /**
   * Needs its own kernel, kernel version or kernel modules.
   * @default false
   */
  readonly customKernel?: boolean;
  /**
   * Needs snapshots or backup of the whole machine (for recovery or cloning).
   * @default false
   */
  readonly machineSnapshots?: boolean;
  /**
   * Needs a whole physical device passed through (a GPU or NIC by VFIO/IOMMU, DirectPath I/O).
   * @default false
   */
  readonly devicePassthrough?: boolean;
  /**
   * Needs hypervisor-grade isolation between tenants (a tenant must not share a kernel with another).
   * @default false
   */
  readonly tenantIsolation?: boolean;
  /**
   * Integrates with the Windows ecosystem (Active Directory, PowerShell, Windows Server tooling): a VM
   * then goes to Hyper-V.
   * @default false
   */
  readonly windowsEcosystem?: boolean;
  /**
   * Part of a developer or test lab: a VM then goes to VirtualBox, a container to Docker.
   * @default false
   */
  readonly lab?: boolean;
  /**
   * Runs untrusted or multi-tenant code that still wants orchestration: Kubernetes with a sandboxed
   * RuntimeClass (gVisor or Kata).
   * @default false
   */
  readonly untrustedCode?: boolean;
  /**
   * GPUs shared through the Kubernetes device plugin (not a whole device passed through).
   * @default 0
   */
  readonly gpus?: number;
  /**
   * Number of identical instances; more than one is a scaled, self-healing service.
   * @default 1
   */
  readonly replicas?: number;
  /**
   * A stateless service that should be scaled out and healed by an orchestrator.
   * @default false
   */
  readonly scaleOut?: boolean;
  /**
   * Runs on one host only (no cluster available or wanted).
   * @default false
   */
  readonly singleHost?: boolean;
  /**
   * Runs at the edge (a branch, a factory floor, a point of presence).
   * @default false
   */
  readonly edge?: boolean;
  /**
   * Start-up time matters (a tool started on demand, a short-lived job on one host).
   * @default false
   */
  readonly startupSensitive?: boolean;
}

/** One row of the placement decision table. */
export interface PlacementRule {
  /** Stable id of the row, e.g. `PLACE-FULL-OS`. */
  readonly ruleId: string;
  /** The requirement that triggers the row, as the `WorkloadRequirements` field (or `-` for the default). */
  readonly requirement: string;
  /** Where the row sends the workload. */
  readonly target: PlacementTarget;
  /**
   * The hypervisor the row picks (hypervisor rows only).
   * @default - not a hypervisor row
   */
  readonly hypervisor?: Hypervisor;
  /** Isolation of the placement. */
  readonly isolation: IsolationLevel;
  /** The reason recorded when the row matches (from the domain text). */
  readonly reason: string;
}

/** A placement: where a workload runs, how it is isolated, and why. */
export interface Placement {
  /** Where the workload runs. */
  readonly target: PlacementTarget;
  /**
   * The hypervisor, for a VM.
   * @default - not a VM
   */
  readonly hypervisor?: Hypervisor;
  /** Isolation level. */
  readonly isolation: IsolationLevel;
  /** Whether the Kubernetes pods run under a sandboxed RuntimeClass. */
  readonly sandboxed: boolean;
  /** Whether GPUs are requested from the Kubernetes device plugin. */
  readonly gpuScheduling: boolean;
  /** Ids of the decision-table rows that decided, in table order. */
  readonly ruleIds: string[];
  /** Why, one sentence per deciding row. */
  readonly reasons: string[];
  /** Rows that also matched but were outranked by an earlier row, with the row that won. */
  readonly outranked: string[];
}

const T = PlacementTarget;
const I = IsolationLevel;

/** The decision table, in precedence order: the first matching row of each group decides. */
const TABLE: PlacementRule[] = [
  { ruleId: 'PLACE-FULL-OS', requirement: 'fullOperatingSystem', target: T.VIRTUAL_MACHINE, isolation: I.HYPERVISOR,
    reason: 'needs a full operating system: containers cannot run a full OS, a VM emulates a whole computer' },
  { ruleId: 'PLACE-WINDOWS', requirement: 'windows', target: T.VIRTUAL_MACHINE, isolation: I.HYPERVISOR,
    reason: 'runs Windows: containers share the Linux host kernel, a VM brings its own OS' },
  { ruleId: 'PLACE-KERNEL', requirement: 'customKernel', target: T.VIRTUAL_MACHINE, isolation: I.HYPERVISOR,
    reason: 'needs its own kernel or kernel modules: containers share the host kernel' },
  { ruleId: 'PLACE-SNAPSHOTS', requirement: 'machineSnapshots', target: T.VIRTUAL_MACHINE, isolation: I.HYPERVISOR,
    reason: 'needs snapshots of the whole machine for backup, recovery and cloning, which VMs support' },
  { ruleId: 'PLACE-PASSTHROUGH', requirement: 'devicePassthrough', target: T.VIRTUAL_MACHINE, isolation: I.HYPERVISOR,
    reason: 'needs a whole device passed through (VFIO/IOMMU): containers do not interact with hardware directly' },
  { ruleId: 'PLACE-TENANT-ISOLATION', requirement: 'tenantIsolation', target: T.VIRTUAL_MACHINE, isolation: I.HYPERVISOR,
    reason: 'needs hypervisor-grade isolation between tenants: a compromised kernel or runtime must not reach another tenant' },
  { ruleId: 'PLACE-HYPERV', requirement: 'windowsEcosystem', target: T.VIRTUAL_MACHINE, hypervisor: Hypervisor.HYPERV, isolation: I.HYPERVISOR,
    reason: 'integrates with the Windows ecosystem (Active Directory, PowerShell): Hyper-V' },
  { ruleId: 'PLACE-VIRTUALBOX', requirement: 'lab', target: T.VIRTUAL_MACHINE, hypervisor: Hypervisor.VIRTUALBOX, isolation: I.HYPERVISOR,
    reason: 'is a developer or test lab machine: VirtualBox, quick to set up and tear down' },
  { ruleId: 'PLACE-VSPHERE', requirement: '-', target: T.VIRTUAL_MACHINE, hypervisor: Hypervisor.VSPHERE, isolation: I.HYPERVISOR,
    reason: 'enterprise VM: vSphere, with resource management, high availability and advanced networking' },
  { ruleId: 'PLACE-SANDBOX', requirement: 'untrustedCode', target: T.KUBERNETES, isolation: I.SANDBOXED_KERNEL,
    reason: 'runs untrusted or multi-tenant code that still wants orchestration: Kubernetes with a sandboxed RuntimeClass' },
  { ruleId: 'PLACE-GPU', requirement: 'gpus', target: T.KUBERNETES, isolation: I.SHARED_KERNEL,
    reason: 'shares GPUs through the device plugin: Kubernetes schedules them as extended resources' },
  { ruleId: 'PLACE-SCALE-OUT', requirement: 'scaleOut, replicas', target: T.KUBERNETES, isolation: I.SHARED_KERNEL,
    reason: 'is a scaled, self-healing service: Kubernetes replaces, restarts and replicates it' },
  { ruleId: 'PLACE-SINGLE-HOST', requirement: 'singleHost', target: T.DOCKER, isolation: I.SHARED_KERNEL,
    reason: 'runs on a single host: Docker, without a cluster to operate' },
  { ruleId: 'PLACE-EDGE', requirement: 'edge', target: T.DOCKER, isolation: I.SHARED_KERNEL,
    reason: 'runs at the edge: Docker, lightweight on one host' },
  { ruleId: 'PLACE-LAB', requirement: 'lab', target: T.DOCKER, isolation: I.SHARED_KERNEL,
    reason: 'is part of a lab stack: Docker, quick to start and throw away' },
  { ruleId: 'PLACE-STARTUP', requirement: 'startupSensitive', target: T.DOCKER, isolation: I.SHARED_KERNEL,
    reason: 'is start-up sensitive: a container on Docker starts in seconds' },
  { ruleId: 'PLACE-DEFAULT', requirement: '-', target: T.KUBERNETES, isolation: I.SHARED_KERNEL,
    reason: 'declares no special need: Kubernetes by default, which restarts and reschedules it' },
];

const VM_ROWS = ['PLACE-FULL-OS', 'PLACE-WINDOWS', 'PLACE-KERNEL', 'PLACE-SNAPSHOTS', 'PLACE-PASSTHROUGH', 'PLACE-TENANT-ISOLATION'];
const CONTAINER_ROWS = ['PLACE-SANDBOX', 'PLACE-GPU', 'PLACE-SCALE-OUT', 'PLACE-SINGLE-HOST', 'PLACE-EDGE', 'PLACE-LAB', 'PLACE-STARTUP'];

const BOOLEAN_FIELDS: Array<keyof WorkloadRequirements> = [
  'fullOperatingSystem', 'windows', 'customKernel', 'machineSnapshots', 'devicePassthrough', 'tenantIsolation', 'windowsEcosystem',
  'lab', 'untrustedCode', 'scaleOut', 'singleHost', 'edge', 'startupSensitive',
];

function row(ruleId: string): PlacementRule {
  return TABLE.find((r) => r.ruleId === ruleId)!;
}

/**
 * Decides where a workload runs from its declared requirements, following the domain text: a VM for
 * a full OS, Windows, its own kernel, whole-machine snapshots, device passthrough or tenant isolation;
 * Kubernetes with a sandboxed RuntimeClass for untrusted code; Kubernetes for shared GPUs and scaled,
 * self-healing services; Docker for a single host, the edge, a lab or start-up-sensitive tools.
 *
 * Pure and deterministic: the same requirements always give the same placement, with the ids of the
 * rows that decided and their reasons. The table is `PlacementAdvisor.decisionTable()`; the README
 * prints it.
 */
export class PlacementAdvisor {
  /** The decision table, in precedence order. */
  public static decisionTable(): PlacementRule[] {
    return TABLE.map((r) => ({ ...r }));
  }

  /**
   * The placement for `requirements`.
   *
   * Throws a ValidationError for contradictions: a VirtualBox lab VM with device passthrough
   * (VirtualBox has no PCI passthrough), both `windowsEcosystem` and `lab` on a VM, a negative or
   * fractional GPU or replica count.
   *
   * @param requirements what the workload needs
   */
  public static advise(requirements: WorkloadRequirements = {}): Placement {
    const where = 'PlacementAdvisor.advise';
    const r = requirements ?? {};
    for (const field of BOOLEAN_FIELDS) {
      if (r[field] !== undefined && typeof r[field] !== 'boolean') {
        throw invalid(where, `requirements.${field}`, 'must be true or false', r[field], `Set ${field}: true, or leave it out.`);
      }
    }
    const gpus = r.gpus ?? 0;
    const replicas = r.replicas ?? 1;
    if (!Number.isInteger(gpus) || gpus < 0 || gpus > 64) {
      throw invalid(where, 'requirements.gpus', 'must be a whole number from 0 to 64', r.gpus, 'Give the number of device-plugin GPUs, e.g. 1.');
    }
    if (!Number.isInteger(replicas) || replicas < 1 || replicas > 1000) {
      throw invalid(where, 'requirements.replicas', 'must be a whole number from 1 to 1000', r.replicas, 'Give the number of instances, e.g. 3.');
    }
    // the rest of the declared shape (an object; null, a string or an array is not one), after the specific messages above
    if (requirements !== undefined) checkStruct(where, 'requirements', requirements, 'WorkloadRequirements', 'PlacementAdvisor.advise');
    const matches = (id: string): boolean => {
      switch (id) {
        case 'PLACE-FULL-OS': return r.fullOperatingSystem === true;
        case 'PLACE-WINDOWS': return r.windows === true;
        case 'PLACE-KERNEL': return r.customKernel === true;
        case 'PLACE-SNAPSHOTS': return r.machineSnapshots === true;
        case 'PLACE-PASSTHROUGH': return r.devicePassthrough === true;
        case 'PLACE-TENANT-ISOLATION': return r.tenantIsolation === true;
        case 'PLACE-SANDBOX': return r.untrustedCode === true;
        case 'PLACE-GPU': return gpus > 0;
        case 'PLACE-SCALE-OUT': return r.scaleOut === true || replicas > 1;
        case 'PLACE-SINGLE-HOST': return r.singleHost === true;
        case 'PLACE-EDGE': return r.edge === true;
        case 'PLACE-LAB': return r.lab === true;
        case 'PLACE-STARTUP': return r.startupSensitive === true;
        default: return false;
      }
    };

    const vmRows = VM_ROWS.filter(matches).map(row);
    if (vmRows.length > 0) {
      if (r.windowsEcosystem === true && r.lab === true) {
        throw invalid(where, 'requirements.lab', 'contradicts windowsEcosystem for a VM (Hyper-V or VirtualBox?)', true,
          'Drop lab for a Hyper-V VM integrated with the Windows ecosystem, or drop windowsEcosystem for a VirtualBox lab VM.');
      }
      if (r.lab === true && r.devicePassthrough === true) {
        throw invalid(where, 'requirements.devicePassthrough', 'is not available on a VirtualBox lab VM (VirtualBox has no PCI passthrough)', true,
          'Drop lab to place the VM on vSphere, or drop devicePassthrough.');
      }
      const hv = row(r.windowsEcosystem === true ? 'PLACE-HYPERV' : r.lab === true ? 'PLACE-VIRTUALBOX' : 'PLACE-VSPHERE');
      const decided = [...vmRows, hv];
      const outranked = CONTAINER_ROWS.filter(matches).filter((id) => !(id === 'PLACE-LAB' && hv.ruleId === 'PLACE-VIRTUALBOX'))
        .map((id) => `${id} (${row(id).target}) outranked by ${vmRows[0].ruleId}`);
      return {
        target: T.VIRTUAL_MACHINE,
        hypervisor: hv.hypervisor,
        isolation: I.HYPERVISOR,
        sandboxed: false,
        gpuScheduling: false,
        ruleIds: decided.map((d) => d.ruleId),
        reasons: decided.map((d) => d.reason),
        outranked,
      };
    }
    if (r.windowsEcosystem === true) {
      // Only meaningful for a VM: say so rather than dropping it silently.
      return PlacementAdvisor.containerPlacement(matches, ['PLACE-HYPERV (VIRTUAL_MACHINE) not applied: windowsEcosystem only picks the hypervisor of a VM']);
    }
    return PlacementAdvisor.containerPlacement(matches, []);
  }

  private static containerPlacement(matches: (id: string) => boolean, notes: string[]): Placement {
    const matched = CONTAINER_ROWS.filter(matches).map(row);
    const first = matched[0] ?? row('PLACE-DEFAULT');
    // Rows of the same target all count as reasons (e.g. sandbox and GPU); rows of another target were outranked.
    const decided = matched.filter((m) => m.target === first.target);
    const chosen = decided.length > 0 ? decided : [first];
    const outranked = matched.filter((m) => m.target !== first.target).map((m) => `${m.ruleId} (${m.target}) outranked by ${first.ruleId}`);
    return {
      target: first.target,
      isolation: chosen.some((c) => c.ruleId === 'PLACE-SANDBOX') ? I.SANDBOXED_KERNEL : I.SHARED_KERNEL,
      sandboxed: chosen.some((c) => c.ruleId === 'PLACE-SANDBOX'),
      gpuScheduling: chosen.some((c) => c.ruleId === 'PLACE-GPU'),
      ruleIds: chosen.map((c) => c.ruleId),
      reasons: chosen.map((c) => c.reason),
      outranked: [...outranked, ...notes],
    };
  }

  private constructor() {}
}
