import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ContainerNetwork } from '../container/container-network';
import { DockerHealthCheckTool, DockerPublishedPort, DockerVolumeMount, HardenedContainer } from '../container/hardened-container';
import { ImageScanGate, ImageScanner, ScanSeverity } from '../container/image-scan-gate';
import { TrustedImage } from '../container/trusted-image';
import { ContainerSpec, HealthProbe, Protocol } from '../core/container-spec';
import { Naming } from '../core/naming';
import { RemovalPolicy } from '../core/removal-policy';
import { invalid } from '../core/private/errors';
import { checkConstruct, checkStruct, MAX_TEXT_LENGTH } from '../core/private/shapes';
import { WritingSynthesizer } from '../core/private/synthesizer';
import { checkIntegerRange, isUnresolved, validateContainerSpec } from '../core/private/validation';
import { HardenedCronJob } from '../kubernetes/hardened-cron-job';
import { HardenedDeployment } from '../kubernetes/hardened-deployment';
import { HardenedNamespace, IKubernetesNamespace } from '../kubernetes/hardened-namespace';
import { HardenedStatefulSet, VolumeClaimOptions } from '../kubernetes/hardened-stateful-set';
import { AutoscalingOptions, HardenedWorkload } from '../kubernetes/hardened-workload';
import { IRuntimeClass, SandboxRuntime, SandboxRuntimeClass } from '../kubernetes/sandbox-runtime-class';
import { PolicyChecks, PolicyChecksOptions } from '../policy/checks';
import { Hypervisor, IVirtualMachine } from '../vm/virtual-machine';
import { GuestOsFamily, VmSpec } from '../vm/vm-spec';
import { CapacityOptions, CapacityPlan, checkHostCapacity, planCapacity, resolveOverhead, WorkloadFootprint } from './capacity';
import { IsolationLevel, Placement, PlacementAdvisor, PlacementTarget, WorkloadRequirements } from './placement';
import { display } from './private/display';
import { footprintOf } from './private/footprint';
import { reviewOrder } from './private/order';
import { renderReview, writeReview } from './private/review';
import { IVirtualMachineFactory, IVmNetworkSegment, VsphereVmOptions } from './vm-factory';

/** Options of the Kubernetes tier. */
export interface KubernetesTierOptions {
  /**
   * The namespace the Kubernetes workloads run in.
   * @default - a HardenedNamespace named `namespaceName`, created with the first Kubernetes workload
   */
  readonly namespace?: IKubernetesNamespace;
  /**
   * Name of the namespace the architecture creates.
   * @default - the architecture's id in lower case (when that is a DNS label)
   */
  readonly namespaceName?: string;
  /**
   * Pod Security Admission version of the namespace the architecture creates.
   * @default 'v1.29'
   */
  readonly podSecurityVersion?: string;
  /**
   * RuntimeClass for sandboxed (untrusted) workloads.
   * @default - a SandboxRuntimeClass of `sandboxRuntime`, created with the first sandboxed workload
   */
  readonly sandbox?: IRuntimeClass;
  /**
   * Sandbox runtime of the RuntimeClass the architecture creates.
   * @default SandboxRuntime.GVISOR
   */
  readonly sandboxRuntime?: SandboxRuntime;
}

/** Options of the Docker tier. */
export interface DockerTierOptions {
  /**
   * Registries Docker workload images may come from (each image is pulled by a TrustedImage).
   * @default - the registry of each workload's own image
   */
  readonly allowedRegistries?: string[];
  /**
   * Prefix of the routed Docker network the architecture creates (`<prefix>-front`); the internal
   * network of each Docker → Docker flow is named `<from>-<to>`.
   * @default 'edge'
   */
  readonly networkPrefix?: string;
  /**
   * The Docker host's address range as other tiers see it (e.g. `10.0.50.10/32`). Needed for flows
   * between Docker and Kubernetes: the Kubernetes network policy admits or allows exactly this range.
   * @default - flows between Docker and Kubernetes are rejected
   */
  readonly hostCidr?: string;
  /**
   * Scanner of the scan gate every Docker workload's image passes before its container starts.
   * @default ImageScanner.grype()
   */
  readonly scanner?: ImageScanner;
  /**
   * Severity at which the scan gate fails.
   * @default ScanSeverity.HIGH
   */
  readonly failOnSeverity?: ScanSeverity;
  /**
   * The Docker host caps PIDs per container (DOCKER-PIDS-LIMIT); passed to every container.
   * @default false
   */
  readonly hostEnforcesPidsLimit?: boolean;
}

/** Props of `HybridArchitecture`. */
export interface HybridArchitectureProps {
  /**
   * The Kubernetes tier.
   * @default - defaults of `KubernetesTierOptions`
   */
  readonly kubernetes?: KubernetesTierOptions;
  /**
   * The Docker tier.
   * @default - defaults of `DockerTierOptions`
   */
  readonly docker?: DockerTierOptions;
  /**
   * One factory per hypervisor VM workloads may be placed on (e.g. `new VsphereVirtualMachineFactory({...})`).
   * @default - none (VM workloads are rejected)
   */
  readonly virtualMachineFactories?: IVirtualMachineFactory[];
  /**
   * Declared host capacity and over-commit ceilings.
   * @default - nothing declared: the plan shows totals, nothing is checked
   */
  readonly capacity?: CapacityOptions;
  /**
   * Options of the PolicyChecks the architecture adds to its stack when the stack has none yet.
   * @default - PolicyChecks defaults
   */
  readonly policyChecks?: PolicyChecksOptions;
  /**
   * Write `review.md` and `review.json` next to the stack's cdk.tf.json at synth.
   * @default true
   */
  readonly writeReview?: boolean;
}

/** Options common to every workload. */
export interface WorkloadOptions {
  /**
   * What the workload needs; the PlacementAdvisor decides from it.
   * @default - no special need
   */
  readonly requirements?: WorkloadRequirements;
  /**
   * Why an explicit placement (or hypervisor) overrides the advice; recorded in the review.
   * @default - none
   */
  readonly placementReason?: string;
  /**
   * What happens to stateful parts (VM disks, StatefulSet claims) on destroy.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** A containerized workload, placed on Kubernetes or Docker. */
export interface ContainerWorkloadOptions extends WorkloadOptions {
  /** What to run. Its `name` is the workload name peers call (Kubernetes Service, Docker container). */
  readonly spec: ContainerSpec;
  /**
   * Explicit placement: `KUBERNETES` or `DOCKER`. The review records the advice too, and says when they disagree.
   * @default - the advice
   */
  readonly placement?: PlacementTarget;
  /**
   * Replicas on Kubernetes (more than one also tells the advisor the service scales out).
   * @default - 2 for a Deployment, 1 for a StatefulSet
   */
  readonly replicas?: number;
  /**
   * Horizontal autoscaling on Kubernetes.
   * @default - none
   */
  readonly autoscaling?: AutoscalingOptions;
  /**
   * Spread Kubernetes pods across zones too.
   * @default false
   */
  readonly spreadAcrossZones?: boolean;
  /**
   * Per-pod volumes: the workload becomes a StatefulSet.
   * @default - none (a Deployment)
   */
  readonly volumeClaims?: VolumeClaimOptions[];
  /**
   * A cron schedule: the workload becomes a CronJob (Kubernetes only).
   * @default - none
   */
  readonly schedule?: string;
  /**
   * Time zone of `schedule`.
   * @default - the controller's (UTC)
   */
  readonly timeZone?: string;
  /**
   * Startup probe on Kubernetes.
   * @default - none
   */
  readonly startupProbe?: HealthProbe;
  /**
   * Back writable paths with memory on Kubernetes.
   * @default false
   */
  readonly writableMemoryBacked?: boolean;
  /**
   * Ports published on the Docker host (Docker only). Flows from other tiers into a Docker workload
   * go to its published host port.
   * @default - none
   */
  readonly publishedPorts?: DockerPublishedPort[];
  /**
   * Host address published ports bind to (Docker only).
   * @default "127.0.0.1"
   */
  readonly defaultHostIp?: string;
  /**
   * Named volumes (Docker only).
   * @default - none
   */
  readonly volumeMounts?: DockerVolumeMount[];
  /**
   * The tool the Docker health check runs for an HTTP or TCP probe (Docker only): say what the image ships.
   * @default - HardenedContainer's default, chosen from the image reference
   */
  readonly healthCheckTool?: DockerHealthCheckTool;
}

/** A VM workload. */
export interface VmWorkloadOptions extends WorkloadOptions {
  /** The VM. Leave `networks` out to attach it to the segment of `vlanId`. */
  readonly spec: VmSpec;
  /**
   * Explicit hypervisor (overrides the advice; the review records both).
   * @default - the advice (vSphere unless Windows-ecosystem or lab requirements say otherwise)
   */
  readonly hypervisor?: Hypervisor;
  /**
   * VLAN of the VM's segment: the architecture creates one segment (vSphere: a SecurePortGroup) per VLAN.
   * @default - none (then `spec.networks` must be given, and segmentation is yours)
   */
  readonly vlanId?: number;
  /**
   * Static IPv4 address on the segment; flows with Kubernetes peers use it (`<address>/32`).
   * @default - DHCP (flows with Kubernetes peers are rejected)
   */
  readonly ipv4Address?: string;
  /**
   * Prefix length of `ipv4Address`.
   * @default 24
   */
  readonly ipv4PrefixLength?: number;
  /**
   * vSphere-only settings (passthrough, customisation, vTPM, ...).
   * @default - the factory's defaults
   */
  readonly vsphere?: VsphereVmOptions;
}

/** Options of a flow. */
export interface ConnectOptions {
  /**
   * Protocol, for a flow to a VM (container targets take it from their declared port).
   * @default Protocol.TCP
   */
  readonly protocol?: Protocol;
  /**
   * What the flow is for, shown in the review.
   * @default - none
   */
  readonly description?: string;
}

/** A workload of a hybrid architecture, with its placement and the construct that runs it. */
export interface IHybridWorkload extends IConstruct {
  /** The workload name: the container's `spec.name` (the Kubernetes Service / Docker container name) or the VM name. */
  readonly workloadName: string;
  /** Where the workload runs (the override when one was given). */
  readonly placement: Placement;
  /** What the PlacementAdvisor advised. */
  readonly advisedPlacement: Placement;
  /** Whether an explicit placement or hypervisor differs from the advice. */
  readonly placementOverridden: boolean;
  /**
   * The Kubernetes workload.
   * @default - not on Kubernetes
   */
  readonly kubernetesWorkload?: HardenedWorkload;
  /**
   * The Docker container.
   * @default - not on Docker
   */
  readonly container?: HardenedContainer;
  /**
   * The VM.
   * @default - not a VM
   */
  readonly virtualMachine?: IVirtualMachine;
}

/** One side of a flow and whether the platform enforces it. */
export interface FlowSide {
  /** Which side, e.g. `egress of shop-web (Kubernetes)`. */
  readonly side: string;
  /** Whether a rule on that platform allows exactly this flow (and so denies others). */
  readonly enforced: boolean;
  /** The rule, or why the platform cannot express one and what to do instead. */
  readonly detail: string;
}

/** An allowed flow between two workloads. */
export interface NetworkFlow {
  /** Calling workload. */
  readonly from: string;
  /** Called workload. */
  readonly to: string;
  /** Destination port as the callee declares it. */
  readonly port: number;
  /** Protocol. */
  readonly protocol: Protocol;
  /** What the caller connects to (service name, container name, address). */
  readonly address: string;
  /** Every side of the flow, enforced or not. */
  readonly sides: FlowSide[];
  /**
   * What the flow is for.
   * @default - none
   */
  readonly description?: string;
}

/** The review documents of an architecture. */
export interface HybridReview {
  /** `review.md`: placements, controls, findings, capacity and the Mermaid topology. */
  readonly markdown: string;
  /** `review.json`: the same data. */
  readonly json: string;
  /** The Mermaid topology diagram alone (the `flowchart` source). */
  readonly mermaid: string;
}

const BRAND = Symbol.for('cdktf-hybrid.HybridArchitecture');
const TIER_OF_HYPERVISOR: Record<string, string> = { VSPHERE: 'vsphere', HYPERV: 'hyperv', VIRTUALBOX: 'virtualbox' };

/** @internal */
export interface VmSegmentRecord {
  readonly segment: IVmNetworkSegment;
  readonly hypervisor: Hypervisor;
}

/**
 * One workload of a `HybridArchitecture`.
 *
 * @internal
 */
export class HybridWorkloadConstruct extends Construct implements IHybridWorkload {
  public readonly workloadName: string;
  public readonly placement: Placement;
  public readonly advisedPlacement: Placement;
  public readonly placementOverridden: boolean;
  public kubernetesWorkload?: HardenedWorkload;
  public container?: HardenedContainer;
  public virtualMachine?: IVirtualMachine;
  /** The architecture that owns it. */
  public readonly architecture: HybridArchitecture;
  public readonly placementReason?: string;
  public readonly containerOptions?: ContainerWorkloadOptions;
  public readonly vmOptions?: VmWorkloadOptions;
  public vmSegment?: VmSegmentRecord;
  public footprint?: WorkloadFootprint;

  constructor(scope: HybridArchitecture, id: string, name: string, advised: Placement, chosen: Placement, overridden: boolean,
    placementReason: string | undefined, containerOptions: ContainerWorkloadOptions | undefined, vmOptions: VmWorkloadOptions | undefined) {
    super(scope, id);
    this.architecture = scope;
    this.workloadName = name;
    this.advisedPlacement = advised;
    this.placement = chosen;
    this.placementOverridden = overridden;
    this.placementReason = placementReason;
    this.containerOptions = containerOptions;
    this.vmOptions = vmOptions;
  }

  /** The tier name used in the capacity plan and the review. */
  public get tier(): string {
    if (this.placement.target === PlacementTarget.KUBERNETES) return 'kubernetes';
    if (this.placement.target === PlacementTarget.DOCKER) return 'docker';
    return TIER_OF_HYPERVISOR[this.placement.hypervisor ?? Hypervisor.VSPHERE];
  }
}

/**
 * A hybrid estate in one stack: workloads placed on VMs, Kubernetes or Docker by the
 * `PlacementAdvisor` (or explicitly), built with the library's secure constructs, with the network
 * between them segmented flow by flow, a capacity plan, and a review report.
 *
 * - `addContainerWorkload` places a `ContainerSpec` on Kubernetes (HardenedDeployment, StatefulSet or
 *   CronJob in a HardenedNamespace, sandboxed or with GPUs as advised) or Docker (TrustedImage,
 *   ImageScanGate, HardenedContainer).
 * - `addVmWorkload` places a `VmSpec` on the advised hypervisor through its `IVirtualMachineFactory`,
 *   on a segment per VLAN.
 * - `connect(from, to, port)` allows one flow and enforces it on every side the platforms can:
 *   Kubernetes network policies on both sides (pod selectors, or the peer's address for another
 *   tier), a Docker internal network shared by exactly the two containers, the VM's VLAN segment.
 *   Every side that cannot be enforced is listed in the review; nothing is opened silently.
 * - The capacity plan sums requests, limits, reservations, disk and overhead per tier and in total,
 *   and fails with a ValidationError when a tier over-commits its declared hosts.
 * - At synth, `review.md` and `review.json` are written next to the stack's cdk.tf.json.
 *
 * One architecture per stack. It adds `PolicyChecks` to the stack when the stack has none.
 */
export class HybridArchitecture extends Construct {
  /** True when `x` is a HybridArchitecture. */
  public static isHybridArchitecture(x: any): x is HybridArchitecture {
    return typeof x === 'object' && x !== null && x[BRAND] === true;
  }

  /** The policy checks of the stack (added by the architecture or found there). */
  public readonly policyChecks: PolicyChecks;
  /** Whether the review is written at synth. */
  public readonly writeReview: boolean;

  private readonly props: HybridArchitectureProps;
  private readonly records: HybridWorkloadConstruct[] = [];
  private readonly flowRecords: NetworkFlow[] = [];
  private readonly overhead: ReturnType<typeof resolveOverhead>;
  private readonly factories = new Map<Hypervisor, IVirtualMachineFactory>();
  private readonly segments = new Map<string, VmSegmentRecord>();
  private readonly dockerNetworks = new Map<string, ContainerNetwork>();
  private readonly dockerNetworkNames = new Map<string, string>();
  private kubernetesTier?: Construct;
  private dockerTier?: Construct;
  private vmTier?: Construct;
  private namespace?: IKubernetesNamespace;
  private sandbox?: IRuntimeClass;

  constructor(scope: Construct, id: string, props: HybridArchitectureProps = {}) {
    checkConstruct(scope, id, 'HybridArchitecture', [props]);
    super(scope, id);
    Object.defineProperty(this, BRAND, { value: true });
    const stack = TerraformStack.of(this);
    const existing = stack.node.findAll().find((c) => c !== this && HybridArchitecture.isHybridArchitecture(c));
    if (existing !== undefined) {
      throw invalid(this, 'scope', `is in a stack that already has a HybridArchitecture (${existing.node.path})`, stack.node.path,
        'Use one HybridArchitecture per stack (its review is written once per stack); put other estates in their own stacks.');
    }
    this.props = props;
    this.overhead = resolveOverhead(this.node.path, props.capacity?.guestOsOverhead);
    const capacity = props.capacity ?? {};
    for (const key of ['kubernetesNodes', 'dockerHosts', 'vsphereHosts', 'hypervHosts', 'virtualboxHosts'] as const) {
      checkHostCapacity(this.node.path, `capacity.${key}`, capacity[key]);
    }
    planCapacity(this.node.path, [], capacity, this.overhead); // checks the ratios
    (props.virtualMachineFactories ?? []).forEach((f, i) => {
      if (f === undefined || f === null || typeof f.createVirtualMachine !== 'function' || !Object.values(Hypervisor).includes(f.hypervisor)) {
        throw invalid(this, `virtualMachineFactories[${i}]`, 'is not a VM factory', f, 'Pass e.g. new VsphereVirtualMachineFactory({ template }).');
      }
      if (this.factories.has(f.hypervisor)) {
        throw invalid(this, `virtualMachineFactories[${i}]`, `is a second factory for ${f.hypervisor}`, f.hypervisor, 'Give one factory per hypervisor.');
      }
      this.factories.set(f.hypervisor, f);
    });
    if (props.docker?.hostCidr !== undefined) checkCidr(this, 'docker.hostCidr', props.docker.hostCidr);
    if (props.docker?.networkPrefix !== undefined && !Naming.isDnsLabel(`${props.docker.networkPrefix}-front`)) {
      throw invalid(this, 'docker.networkPrefix', 'does not make DNS-1123 network names', props.docker.networkPrefix, 'Use lower-case letters, digits and "-", e.g. "edge".');
    }
    this.policyChecks = PolicyChecks.of(stack) ?? PolicyChecks.applyTo(stack, props.policyChecks);
    this.writeReview = props.writeReview ?? true;
    if (this.writeReview) {
      // Written even when synth fails on a blocking finding: the review is what explains it.
      stack.synthesizer = new WritingSynthesizer(stack.synthesizer, stack, (out) => writeReview(this, out.directory));
    }
  }

  /** The workloads, in the order they were added. */
  public get workloads(): IHybridWorkload[] {
    return [...this.records];
  }

  /** The flows, in the order they were declared. */
  public get flows(): NetworkFlow[] {
    return this.flowRecords.map((f) => ({ ...f, sides: f.sides.map((s) => ({ ...s })) }));
  }

  /** Every flow side that no platform rule enforces, as `from → to port/protocol: side: detail`. */
  public get unenforceableSides(): string[] {
    return this.flowRecords.flatMap((f) => f.sides.filter((s) => !s.enforced)
      .map((s) => `${f.from} → ${f.to} ${f.port}/${f.protocol}: ${s.side}: ${s.detail}`));
  }

  /** The capacity plan of the workloads so far (checked against the declared capacity). */
  public get capacityPlan(): CapacityPlan {
    return this.plan(this.records);
  }

  /**
   * Adds a containerized workload: placed on Kubernetes or Docker as advised (or as `placement` says).
   *
   * @param id construct id of the workload
   * @param options what to run and what it needs
   */
  public addContainerWorkload(id: string, options: ContainerWorkloadOptions): IHybridWorkload {
    const where = `${this.node.path}/${typeof id === 'string' ? id : '<id>'}`;
    checkMethodId(where, 'HybridArchitecture.addContainerWorkload', id);
    checkStruct(where, 'options', options, 'ContainerWorkloadOptions', 'HybridArchitecture.addContainerWorkload', false);
    validateContainerSpec(where, 'spec', options.spec);
    const requirements = withShape(options.requirements, options.replicas, options.autoscaling);
    const advised = adviseAt(where, requirements);
    let chosen = advised;
    let overridden = false;
    if (options.placement !== undefined) {
      if (options.placement !== PlacementTarget.KUBERNETES && options.placement !== PlacementTarget.DOCKER) {
        throw invalid(where, 'placement', 'must be KUBERNETES or DOCKER for a container workload', options.placement,
          'Describe a VM with addVmWorkload and a VmSpec; a ContainerSpec runs on Kubernetes or Docker.');
      }
      overridden = options.placement !== advised.target;
      if (overridden) chosen = explicitPlacement(options.placement, advised, requirements);
    } else if (advised.target === PlacementTarget.VIRTUAL_MACHINE) {
      throw invalid(where, 'requirements', `need a VM (${advised.ruleIds.join(', ')}: ${advised.reasons[0]})`, advised.ruleIds,
        'Describe the workload as a VmSpec with addVmWorkload, or set placement to KUBERNETES or DOCKER with a placementReason.');
    }
    if (overridden) checkReason(where, options.placementReason);
    if (chosen.target === PlacementTarget.DOCKER) {
      for (const key of ['replicas', 'autoscaling', 'volumeClaims', 'schedule', 'timeZone', 'startupProbe', 'spreadAcrossZones'] as const) {
        if (options[key] !== undefined && !(key === 'replicas' && options.replicas === 1)) {
          throw invalid(where, key, 'is a Kubernetes option, but the workload is placed on Docker', key === 'replicas' ? options.replicas : '<set>',
            `Drop ${key}, or place the workload on Kubernetes (placement: PlacementTarget.KUBERNETES).`);
        }
      }
    } else {
      for (const key of ['publishedPorts', 'defaultHostIp', 'volumeMounts', 'healthCheckTool'] as const) {
        if (options[key] !== undefined) {
          throw invalid(where, key, 'is a Docker option, but the workload is placed on Kubernetes', '<set>',
            `Drop ${key} (expose the workload with connect() or its Service), or place it on Docker (placement: PlacementTarget.DOCKER).`);
        }
      }
    }
    this.checkUniqueName(where, options.spec.name);
    const workload = new HybridWorkloadConstruct(this, id, options.spec.name, advised, chosen, overridden, options.placementReason, options, undefined);
    if (chosen.target === PlacementTarget.KUBERNETES) {
      workload.kubernetesWorkload = this.buildKubernetes(workload, options, chosen, requirements.gpus ?? 0);
    } else {
      workload.container = this.buildDocker(workload, options);
    }
    return this.admit(workload);
  }

  /**
   * Adds a VM workload, built by the factory of the advised hypervisor (or `hypervisor`).
   *
   * @param id construct id of the workload
   * @param options the VM and what it needs
   */
  public addVmWorkload(id: string, options: VmWorkloadOptions): IHybridWorkload {
    const where = `${this.node.path}/${typeof id === 'string' ? id : '<id>'}`;
    checkMethodId(where, 'HybridArchitecture.addVmWorkload', id);
    checkStruct(where, 'options', options, 'VmWorkloadOptions', 'HybridArchitecture.addVmWorkload', false);
    const requirements: WorkloadRequirements = {
      ...(options.requirements ?? {}),
      windows: options.requirements?.windows ?? (options.spec.guestOsFamily === GuestOsFamily.WINDOWS ? true : undefined),
    };
    const advised = adviseAt(where, requirements);
    const advisedHypervisor = advised.hypervisor ?? hypervisorFor(requirements);
    const hypervisor = options.hypervisor ?? advisedHypervisor;
    if (!Object.values(Hypervisor).includes(hypervisor)) {
      throw invalid(where, 'hypervisor', 'is not a known hypervisor', hypervisor, 'Use Hypervisor.VSPHERE, HYPERV or VIRTUALBOX.');
    }
    const overridden = advised.target !== PlacementTarget.VIRTUAL_MACHINE || hypervisor !== advisedHypervisor;
    const chosen: Placement = {
      target: PlacementTarget.VIRTUAL_MACHINE,
      hypervisor,
      isolation: IsolationLevel.HYPERVISOR,
      sandboxed: false,
      gpuScheduling: false,
      ruleIds: advised.target === PlacementTarget.VIRTUAL_MACHINE && hypervisor === advisedHypervisor ? advised.ruleIds : ['EXPLICIT'],
      reasons: advised.target === PlacementTarget.VIRTUAL_MACHINE && hypervisor === advisedHypervisor ? advised.reasons
        : [`declared as a VM on ${hypervisor}${options.placementReason ? `: ${options.placementReason}` : ''}`],
      outranked: advised.outranked,
    };
    if (options.hypervisor !== undefined && hypervisor !== advisedHypervisor) checkReason(where, options.placementReason);
    const factory = this.factories.get(hypervisor);
    if (factory === undefined) {
      throw invalid(where, 'hypervisor', `has no factory: the VM is placed on ${hypervisor}, but virtualMachineFactories has ${[...this.factories.keys()].join(', ') || 'none'}`,
        hypervisor, hypervisor === Hypervisor.VSPHERE
          ? 'Pass virtualMachineFactories: [new VsphereVirtualMachineFactory({ template, distributedSwitch })].'
          : `Pass an IVirtualMachineFactory for ${hypervisor}, or set hypervisor to one you have a factory for.`);
    }
    if (options.vlanId !== undefined) {
      checkIntegerRange(where, 'vlanId', options.vlanId, 1, 4094, 'Use a VLAN id from 1 to 4094.');
      if (options.spec.networks !== undefined) {
        throw invalid(where, 'spec.networks', 'cannot be combined with vlanId', options.spec.networks.length,
          'Drop spec.networks to attach the VM to the segment of vlanId, or drop vlanId and manage its networks yourself.');
      }
    }
    if (options.ipv4Address !== undefined) {
      if (!isUnresolved(options.ipv4Address) && !IPV4.test(options.ipv4Address)) {
        throw invalid(where, 'ipv4Address', 'is not an IPv4 address', options.ipv4Address, 'Give the VM\'s static address, e.g. "10.0.110.11".');
      }
      if (options.vlanId === undefined) {
        throw invalid(where, 'ipv4Address', 'needs vlanId (the address is set on the segment\'s adapter)', options.ipv4Address,
          'Give vlanId as well, or set the address in spec.networks yourself.');
      }
    }
    if (options.ipv4PrefixLength !== undefined) checkIntegerRange(where, 'ipv4PrefixLength', options.ipv4PrefixLength, 1, 32);
    this.checkUniqueName(where, options.spec.name);
    const workload = new HybridWorkloadConstruct(this, id, options.spec.name, advised, chosen, overridden, options.placementReason, undefined, options);
    let spec = options.spec;
    if (options.vlanId !== undefined) {
      workload.vmSegment = this.segmentFor(factory, hypervisor, options.vlanId);
      spec = {
        ...spec,
        networks: [{
          networkId: workload.vmSegment.segment.networkId,
          ipv4Address: options.ipv4Address,
          ipv4PrefixLength: options.ipv4Address !== undefined ? (options.ipv4PrefixLength ?? 24) : undefined,
        }],
      };
    }
    workload.virtualMachine = factory.createVirtualMachine(workload, 'VirtualMachine', {
      spec, removalPolicy: options.removalPolicy, vsphere: options.vsphere, vlanId: options.vlanId,
    });
    return this.admit(workload);
  }

  /**
   * Allows `from` to reach `to` on `port`, and enforces it on every side the platforms can.
   *
   * Kubernetes → Kubernetes: egress on the caller and ingress on the callee (pod and namespace
   * selectors). Kubernetes ↔ VM: the Kubernetes side allows the VM's address (`<ipv4Address>/32`);
   * the VM side is its VLAN segment, which filters no ports (stated in the review). Kubernetes ↔
   * Docker: the Kubernetes side allows `docker.hostCidr`; the Docker side publishes the port on one
   * host address but cannot filter sources (stated). Docker → Docker: an internal network shared by
   * exactly the two containers (inter-container traffic on, so every port between them is open:
   * stated). Every side that is not enforced is listed in `unenforceableSides` and the review.
   *
   * @param from the calling workload
   * @param to the called workload
   * @param port the port `to` listens on (a declared container port, or any port of a VM)
   * @param options protocol (VM targets) and description
   */
  public connect(from: IHybridWorkload, to: IHybridWorkload, port: number, options: ConnectOptions = {}): void {
    const where = `${this.node.path}.connect`;
    if (!(from instanceof HybridWorkloadConstruct)) throw invalid(where, 'from', 'is not a workload of a HybridArchitecture', from?.node?.path, 'Pass what addContainerWorkload or addVmWorkload returned.');
    if (!(to instanceof HybridWorkloadConstruct)) throw invalid(where, 'to', 'is not a workload of a HybridArchitecture', to?.node?.path, 'Pass what addContainerWorkload or addVmWorkload returned.');
    if (from.architecture !== this && to.architecture !== this) {
      throw invalid(where, 'from', 'and to both belong to another HybridArchitecture', from.node.path, 'Call connect on the architecture of one of the two workloads.');
    }
    if (from === to) throw invalid(where, 'to', 'is the calling workload itself', to.workloadName, 'Connect two different workloads.');
    if (options !== undefined) checkStruct(where, 'options', options, 'ConnectOptions', 'HybridArchitecture.connect');
    checkIntegerRange(where, 'port', port, 1, 65535, 'Use the port the called workload listens on.');
    const protocol = this.protocolFor(where, to, port, options.protocol);
    const label = `${from.workloadName} → ${to.workloadName} ${port}/${protocol}`;
    if (this.flowRecords.some((f) => f.from === from.workloadName && f.to === to.workloadName && f.port === port && f.protocol === protocol)) {
      throw invalid(where, 'port', `is already connected (${label})`, port, 'Declare each flow once.');
    }
    const flow = this.enforce(where, from, to, port, protocol);
    this.flowRecords.push({ ...flow, from: from.workloadName, to: to.workloadName, port, protocol, description: options.description });
  }

  /** Renders the review (Markdown with a Mermaid topology, JSON) from the current state: call it after synth to include policy findings. */
  public renderReview(): HybridReview {
    return renderReview(this, TerraformStack.of(this), this.records, this.flowRecords, this.capacityPlan);
  }

  /** @internal */
  public _namespaceDisplayName(): string {
    const ns = this.namespace;
    if (ns === undefined) return '-';
    return ns instanceof HardenedNamespace ? ns.name : display(this, ns.namespaceName);
  }

  /** @internal */
  public _segments(): VmSegmentRecord[] {
    return [...this.segments.values()];
  }

  /** @internal */
  public _dockerNetworks(): Array<[ContainerNetwork, string]> {
    return [...this.dockerNetworks.entries()].map(([id, network]) => [network, this.dockerNetworkNames.get(id)!]);
  }

  /** @internal */
  public _dockerNetworkNames(): string[] {
    return [...this.dockerNetworkNames.values()];
  }

  private admit(workload: HybridWorkloadConstruct): IHybridWorkload {
    workload.footprint = footprintOf(workload, this.overhead);
    try {
      this.plan([...this.records, workload]); // throws on over-commit, before the workload counts
    } catch (e) {
      this.node.tryRemoveChild(workload.node.id);
      throw e;
    }
    this.records.push(workload);
    return workload;
  }

  private plan(records: HybridWorkloadConstruct[]): CapacityPlan {
    const ordered = [...records].sort(reviewOrder);
    return planCapacity(this.node.path, ordered.map((r) => r.footprint!), this.props.capacity ?? {}, this.overhead);
  }

  private checkUniqueName(where: string, name: string): void {
    const clash = this.records.find((r) => r.workloadName === name);
    if (clash !== undefined) {
      throw invalid(where, 'spec.name', `is also the name of workload ${clash.node.path}`, name, 'Give every workload of the architecture its own name: peers call it by that name.');
    }
  }

  private tier(kind: 'KubernetesTier' | 'DockerTier' | 'VmTier'): Construct {
    if (kind === 'KubernetesTier') return (this.kubernetesTier ??= new Construct(this, kind));
    if (kind === 'DockerTier') return (this.dockerTier ??= new Construct(this, kind));
    return (this.vmTier ??= new Construct(this, kind));
  }

  private kubernetesNamespace(): IKubernetesNamespace {
    if (this.namespace === undefined) {
      const k = this.props.kubernetes ?? {};
      const own = this.node.id.toLowerCase();
      this.namespace = k.namespace ?? new HardenedNamespace(this.tier('KubernetesTier'), 'Namespace', {
        namespaceName: k.namespaceName ?? (Naming.isDnsLabel(own) ? own : undefined),
        podSecurityVersion: k.podSecurityVersion,
      });
    }
    return this.namespace;
  }

  private sandboxClass(): IRuntimeClass {
    this.sandbox ??= this.props.kubernetes?.sandbox
      ?? new SandboxRuntimeClass(this.tier('KubernetesTier'), 'SandboxRuntimeClass', { runtime: this.props.kubernetes?.sandboxRuntime });
    return this.sandbox;
  }

  private buildKubernetes(workload: HybridWorkloadConstruct, o: ContainerWorkloadOptions, placement: Placement, gpus: number): HardenedWorkload {
    const common = {
      namespace: this.kubernetesNamespace(),
      spec: o.spec,
      workloadName: o.spec.name,
      sandbox: placement.sandboxed ? this.sandboxClass() : undefined,
      gpus: placement.gpuScheduling ? gpus : undefined,
      startupProbe: o.startupProbe,
      writableMemoryBacked: o.writableMemoryBacked,
    };
    if (o.schedule !== undefined) {
      for (const key of ['replicas', 'autoscaling', 'volumeClaims', 'spreadAcrossZones'] as const) {
        if (o[key] !== undefined) {
          throw invalid(workload, key, 'does not apply to a scheduled job (schedule is set)', '<set>', `Drop ${key}, or drop schedule for a long-running workload.`);
        }
      }
      return new HardenedCronJob(workload, 'CronJob', { ...common, schedule: o.schedule, timeZone: o.timeZone });
    }
    const replicated = { ...common, replicas: o.replicas, autoscaling: o.autoscaling, spreadAcrossZones: o.spreadAcrossZones };
    if (o.volumeClaims !== undefined && o.volumeClaims.length > 0) {
      return new HardenedStatefulSet(workload, 'StatefulSet', { ...replicated, volumeClaims: o.volumeClaims, removalPolicy: o.removalPolicy });
    }
    return new HardenedDeployment(workload, 'Deployment', replicated);
  }

  private buildDocker(workload: HybridWorkloadConstruct, o: ContainerWorkloadOptions): HardenedContainer {
    const d = this.props.docker ?? {};
    const image = new TrustedImage(workload, 'Image', { image: o.spec.image, allowedRegistries: d.allowedRegistries ?? [o.spec.image.registry] });
    const scanGate = new ImageScanGate(workload, 'ScanGate', { image, scanner: d.scanner, failOnSeverity: d.failOnSeverity });
    const published = (o.publishedPorts ?? []).length > 0;
    return new HardenedContainer(workload, 'Container', {
      spec: o.spec,
      image,
      scanGate,
      networks: published ? [this.frontNetwork()] : undefined,
      publishedPorts: o.publishedPorts,
      defaultHostIp: o.defaultHostIp,
      volumeMounts: o.volumeMounts,
      healthCheckTool: o.healthCheckTool,
      hostEnforcesPidsLimit: d.hostEnforcesPidsLimit,
    });
  }

  private networkPrefix(): string {
    return this.props.docker?.networkPrefix ?? 'edge';
  }

  /** The tier's one routed network: published ports and egress to other tiers (inter-container traffic off). */
  private frontNetwork(): ContainerNetwork {
    return this.dockerNetwork('Front', `${this.networkPrefix()}-front`, false);
  }

  private dockerNetwork(id: string, name: string, internal: boolean): ContainerNetwork {
    let network = this.dockerNetworks.get(id);
    if (network === undefined) {
      network = new ContainerNetwork(this.tier('DockerTier'), id, { networkName: name, internal, interContainerCommunication: internal });
      this.dockerNetworks.set(id, network);
      this.dockerNetworkNames.set(id, name);
    }
    return network;
  }

  private segmentFor(factory: IVirtualMachineFactory, hypervisor: Hypervisor, vlanId: number): VmSegmentRecord {
    const key = `${hypervisor}:${vlanId}`;
    let record = this.segments.get(key);
    if (record === undefined) {
      const name = `pg-${this.node.id.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}-${vlanId}`;
      const id = `${hypervisor === Hypervisor.VSPHERE ? '' : hypervisor.toLowerCase()}Segment${vlanId}`;
      record = { hypervisor, segment: factory.createNetworkSegment(this.tier('VmTier'), id.charAt(0).toUpperCase() + id.slice(1), {
        segmentName: name, vlanId, description: `${this.node.id}: VM segment, VLAN ${vlanId}`,
      }) };
      this.segments.set(key, record);
    }
    return record;
  }

  private protocolFor(where: string, to: HybridWorkloadConstruct, port: number, given: Protocol | undefined): Protocol {
    if (to.containerOptions !== undefined) {
      const declared = (to.containerOptions.spec.ports ?? []);
      const match = declared.find((p) => p.containerPort === port);
      if (match === undefined) {
        throw invalid(where, 'port', `is not a port workload "${to.workloadName}" declares (declared: ${declared.map((p) => p.containerPort).join(', ') || 'none'})`, port,
          'Declare the port in the called workload\'s spec.ports, or connect to a declared one.');
      }
      const protocol = match.protocol ?? Protocol.TCP;
      if (given !== undefined && given !== protocol) {
        throw invalid(where, 'options.protocol', `differs from the declared protocol of port ${port} (${protocol})`, given, 'Leave protocol out for container targets.');
      }
      return protocol;
    }
    const protocol = given ?? Protocol.TCP;
    if (!Object.values(Protocol).includes(protocol)) {
      throw invalid(where, 'options.protocol', 'is not a known protocol', protocol, 'Use Protocol.TCP, UDP or SCTP.');
    }
    return protocol;
  }

  private enforce(where: string, from: HybridWorkloadConstruct, to: HybridWorkloadConstruct, port: number, protocol: Protocol): { address: string; sides: FlowSide[] } {
    const sides: FlowSide[] = [];
    const k8sFrom = from.kubernetesWorkload;
    const k8sTo = to.kubernetesWorkload;
    const hostCidr = this.props.docker?.hostCidr;
    const namespaceOf = (w: HybridWorkloadConstruct) => w.architecture._namespaceDisplayName();
    const callerLabel = (w: HybridWorkloadConstruct, dir: string) => `${dir} of ${w.workloadName} (${platformName(w)})`;

    // --- the callee's address and the port the caller actually reaches
    let address: string;
    let reachedPort = port;
    if (k8sTo !== undefined) {
      address = `${k8sTo.workloadName}.${namespaceOf(to)}.svc:${port}`;
      if (from.kubernetesWorkload === undefined) address += ' (ClusterIP: reach it through the cluster\'s ingress or a LoadBalancer with externalTrafficPolicy Local, so the source address is kept)';
    } else if (to.container !== undefined) {
      const publishedPort = (to.containerOptions!.publishedPorts ?? []).find((p) => p.containerPort === port);
      if (from.container !== undefined) {
        address = `${to.workloadName}:${port}`;
      } else {
        if (publishedPort === undefined || publishedPort.hostPort === undefined) {
          throw invalid(where, 'port', `is not published on the Docker host by "${to.workloadName}" with a fixed hostPort, so another tier cannot reach it`, port,
            `Add publishedPorts: [{ containerPort: ${port}, hostPort: <port> }] to the Docker workload.`);
        }
        reachedPort = publishedPort.hostPort;
        address = `${display(this, publishedPort.hostIp ?? to.container.defaultHostIp)}:${reachedPort} (published → ${port})`;
      }
    } else {
      const ip = to.vmOptions?.ipv4Address;
      address = ip !== undefined ? `${display(this, ip)}:${port}` : `${to.workloadName}:${port} (DHCP)`;
    }

    // --- caller side
    if (k8sFrom !== undefined) {
      if (k8sTo !== undefined) {
        k8sTo.allowFrom(k8sFrom, port);
        sides.push({ side: callerLabel(from, 'egress'), enforced: true, detail: `NetworkPolicy ${k8sFrom.workloadName} allows egress to pods of ${k8sTo.workloadName} in namespace ${namespaceOf(to)} on ${port}/${protocol}` });
      } else if (to.container !== undefined) {
        const cidr = this.requireHostCidr(where, from, to, hostCidr);
        k8sFrom.allowToCidr(cidr, reachedPort, protocol);
        sides.push({ side: callerLabel(from, 'egress'), enforced: true, detail: `NetworkPolicy ${k8sFrom.workloadName} allows egress to the Docker host ${cidr} on ${reachedPort}/${protocol}` });
      } else {
        const cidr = this.vmCidr(where, from, to);
        k8sFrom.allowToCidr(cidr, port, protocol);
        sides.push({ side: callerLabel(from, 'egress'), enforced: true, detail: `NetworkPolicy ${k8sFrom.workloadName} allows egress to ${cidr} on ${port}/${protocol}` });
      }
    } else if (from.container !== undefined) {
      if (to.container !== undefined) {
        const network = this.dockerNetwork(`${from.node.id}To${to.node.id}`, `${from.workloadName}-${to.workloadName}`.slice(0, 63).replace(/-+$/, ''), true);
        if (!from.container.networks.includes(network)) from.container.addNetwork(network);
        if (!to.container.networks.includes(network)) to.container.addNetwork(network);
        const networkName = this.dockerNetworkNames.get(`${from.node.id}To${to.node.id}`)!;
        sides.push({ side: `network of ${from.workloadName} and ${to.workloadName} (Docker)`, enforced: true,
          detail: `internal network ${networkName} with exactly these two containers: no route off the host, no other container reaches either of them through it` });
        sides.push({ side: `port on ${networkName} (Docker)`, enforced: false,
          detail: `inter-container traffic is on, so every port between the two is open, not only ${port}/${protocol}: a bridge network filters no ports (listen only on ${port} inside ${to.workloadName}, or use the host firewall)` });
      } else {
        const front = this.frontNetwork();
        if (!from.container.networks.includes(front)) from.container.addNetwork(front);
        sides.push({ side: callerLabel(from, 'egress'), enforced: false,
          detail: `Docker cannot restrict egress by destination: ${from.workloadName} reaches ${address} through the routed network ${this.dockerNetworkNames.get('Front')}, and so every address its host routes to (restrict it with the host firewall)` });
      }
    } else {
      sides.push({ side: callerLabel(from, 'egress'), enforced: false,
        detail: `${platformName(from)} segments by VLAN only (${segmentText(from)}): the VM's outbound traffic is not filtered by port or destination (use the guest firewall or a distributed firewall such as NSX)` });
    }

    // --- callee side
    if (k8sTo !== undefined) {
      if (k8sFrom !== undefined) {
        sides.push({ side: callerLabel(to, 'ingress'), enforced: true, detail: `NetworkPolicy ${k8sTo.workloadName} admits pods of ${k8sFrom.workloadName} in namespace ${namespaceOf(from)} on ${port}/${protocol}` });
      } else if (from.container !== undefined) {
        const cidr = this.requireHostCidr(where, from, to, hostCidr);
        k8sTo.allowFromCidr(cidr, port);
        sides.push({ side: callerLabel(to, 'ingress'), enforced: true, detail: `NetworkPolicy ${k8sTo.workloadName} admits the Docker host ${cidr} on ${port}/${protocol}` });
      } else {
        const cidr = this.vmCidr(where, to, from);
        k8sTo.allowFromCidr(cidr, port);
        sides.push({ side: callerLabel(to, 'ingress'), enforced: true, detail: `NetworkPolicy ${k8sTo.workloadName} admits ${cidr} on ${port}/${protocol}` });
      }
    } else if (to.container !== undefined) {
      if (from.container === undefined) {
        sides.push({ side: callerLabel(to, 'ingress'), enforced: false,
          detail: `published on the Docker host as ${address}; Docker cannot restrict which sources reach a published port (allow only ${from.workloadName}'s addresses in the host firewall)` });
      }
    } else {
      const sameSegment = from.vmSegment !== undefined && to.vmSegment !== undefined && from.vmSegment === to.vmSegment;
      sides.push({ side: callerLabel(to, 'ingress'), enforced: false,
        detail: `${platformName(to)} segments by VLAN only (${segmentText(to)}): ${sameSegment ? 'the two VMs share the segment, so every port between them is open at layer 2'
          : 'the hypervisor cannot filter by port or source'}; allow only ${port}/${protocol} from ${from.workloadName} in the guest firewall or a distributed firewall such as NSX` });
    }
    return { address, sides };
  }

  private requireHostCidr(where: string, from: HybridWorkloadConstruct, to: HybridWorkloadConstruct, hostCidr: string | undefined): string {
    if (hostCidr === undefined) {
      throw invalid(where, 'docker.hostCidr', `is needed for the flow ${from.workloadName} → ${to.workloadName}: the Kubernetes network policy must name the Docker host's address`,
        undefined, 'Set docker.hostCidr on the HybridArchitecture, e.g. "10.0.50.10/32".');
    }
    return hostCidr;
  }

  /** The /32 of a VM peer, for a Kubernetes rule. */
  private vmCidr(where: string, kubernetesSide: HybridWorkloadConstruct, vm: HybridWorkloadConstruct): string {
    const ip = vm.vmOptions?.ipv4Address;
    if (ip === undefined) {
      throw invalid(where, `${vm.workloadName}.ipv4Address`, `is needed for the flow with ${kubernetesSide.workloadName}: the Kubernetes network policy must name the VM's address`,
        undefined, 'Give the VM workload a static ipv4Address (with vlanId) in addVmWorkload.');
    }
    return `${ip}/32`;
  }
}

/** The construct id an instance method is given: a non-empty string (the constructs library would throw a plain Error). */
function checkMethodId(where: string, member: string, id: unknown): void {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_TEXT_LENGTH) {
    throw invalid(where, 'id', `must be a non-empty string of at most ${MAX_TEXT_LENGTH} characters`, id, `Give the workload a short construct id, e.g. "Web". See ${member} in API.md.`);
  }
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV4_CIDR = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)$/;

function checkCidr(scope: IConstruct, prop: string, cidr: string): void {
  if (isUnresolved(cidr)) return;
  if (typeof cidr !== 'string' || !IPV4_CIDR.test(cidr)) {
    throw invalid(scope, prop, 'is not an IPv4 CIDR', cidr, 'Give the range with a prefix length, e.g. "10.0.50.10/32".');
  }
  if (cidr.endsWith('/0')) {
    throw invalid(scope, prop, 'allows every address', cidr, 'Give the Docker host\'s own address range, e.g. "10.0.50.10/32".');
  }
}

function checkReason(where: string, reason: string | undefined): void {
  if (typeof reason !== 'string' || reason.trim().length < 10) {
    throw invalid(where, 'placementReason', 'must explain in at least 10 characters why the explicit placement overrides the advice', reason,
      'Say why, e.g. "edge box has no cluster; change CHG-1234".');
  }
}

function adviseAt(where: string, requirements: WorkloadRequirements): Placement {
  try {
    return PlacementAdvisor.advise(requirements);
  } catch (e) {
    const err = e as { prop?: string; problem?: string; got?: string; fix?: string };
    if (err.prop === undefined) throw e;
    throw invalid(where, err.prop, err.problem!, err.got, err.fix!);
  }
}

/** Requirements completed from the workload's shape: replicas and autoscaling mean scale-out. */
function withShape(requirements: WorkloadRequirements | undefined, replicas: number | undefined, autoscaling: AutoscalingOptions | undefined): WorkloadRequirements {
  const r = requirements ?? {};
  return {
    ...r,
    replicas: r.replicas ?? (typeof replicas === 'number' && Number.isInteger(replicas) && replicas >= 1 ? replicas : undefined),
    scaleOut: r.scaleOut ?? (autoscaling !== undefined ? true : undefined),
  };
}

function hypervisorFor(r: WorkloadRequirements): Hypervisor {
  return r.windowsEcosystem === true ? Hypervisor.HYPERV : r.lab === true ? Hypervisor.VIRTUALBOX : Hypervisor.VSPHERE;
}

/** The placement of an explicit container target that differs from the advice. */
function explicitPlacement(target: PlacementTarget, advised: Placement, r: WorkloadRequirements): Placement {
  const kubernetes = target === PlacementTarget.KUBERNETES;
  const sandboxed = kubernetes && r.untrustedCode === true;
  const gpus = kubernetes && (r.gpus ?? 0) > 0;
  return {
    target,
    isolation: sandboxed ? IsolationLevel.SANDBOXED_KERNEL : IsolationLevel.SHARED_KERNEL,
    sandboxed,
    gpuScheduling: gpus,
    ruleIds: ['EXPLICIT'],
    reasons: [`placed on ${target} explicitly`],
    outranked: advised.outranked,
  };
}

function platformName(w: HybridWorkloadConstruct): string {
  if (w.kubernetesWorkload !== undefined) return 'Kubernetes';
  if (w.container !== undefined) return 'Docker';
  return { VSPHERE: 'vSphere', HYPERV: 'Hyper-V', VIRTUALBOX: 'VirtualBox' }[w.placement.hypervisor ?? Hypervisor.VSPHERE];
}

function segmentText(w: HybridWorkloadConstruct): string {
  return w.vmSegment ? `${w.vmSegment.segment.segmentName}, VLAN ${w.vmSegment.segment.vlanId}` : 'networks given in spec.networks';
}
