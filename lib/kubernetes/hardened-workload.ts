import { NetworkPolicyV1, NetworkPolicyV1SpecEgress, NetworkPolicyV1SpecIngress } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import { Annotations, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { ContainerResources, ContainerSpec, EnvValueSource, HealthProbe, Protocol } from '../core/container-spec';
import { Naming } from '../core/naming';
import { Cpu, Size } from '../core/quantity';
import { ClashIndex, addClashCheck } from '../core/private/clash-index';
import { invalid, ValidationError } from '../core/private/errors';
import { checkSensitiveToken, guardSensitive } from '../core/private/secrets';
import { checkArgs } from '../core/private/shapes';
import { checkAbsolutePath, checkDnsLabel, checkDnsSubdomain, checkIntegerRange, isUnresolved, validateContainerSpec } from '../core/private/validation';
import { FileMount } from './config-map';
import { Policy } from '../policy/suppressions';
import { IKubernetesNamespace } from './hardened-namespace';
import { checkLabels, MANAGED_BY_LABELS, NAME_LABEL, NAMESPACE_NAME_LABEL, secretKeyFor } from './private/labels';
import { resolveResources } from './private/resources';
import { IRuntimeClass } from './sandbox-runtime-class';
import { k8s } from './private/providers';

/** How a workload's Service is reachable. */
export enum ServiceExposure {
  /** Inside the cluster only (reach it from outside through an Ingress). */
  CLUSTER_IP = 'ClusterIP',
  /** On a port of every node; K8S-SERVICE-EXPOSURE reports it unless `exposureReason` is given. */
  NODE_PORT = 'NodePort',
  /** On an external load balancer address; K8S-SERVICE-EXPOSURE reports it unless `exposureReason` is given. */
  LOAD_BALANCER = 'LoadBalancer',
}

/** Props shared by every hardened workload (Deployment, StatefulSet, CronJob). */
export interface HardenedWorkloadProps {
  /** The namespace to run in, usually a `HardenedNamespace` (K8S-NS-DEDICATED). */
  readonly namespace: IKubernetesNamespace;
  /** The main container. */
  readonly spec: ContainerSpec;
  /**
   * Init containers, run to completion in order before the main container starts. They get
   * the same security context, resources and scratch volumes as the main container.
   * @default - none
   */
  readonly initContainers?: ContainerSpec[];
  /**
   * Sidecar containers that run next to the main container, with the same hardening.
   * @default - none
   */
  readonly sidecars?: ContainerSpec[];
  /**
   * Name of the workload and its objects (ServiceAccount, Service, NetworkPolicy, ...): a
   * DNS-1123 label of at most 52 characters. Other pods reach the Service as
   * `http://<workloadName>:<port>` (and the Docker backend names its container `spec.name`),
   * so by default both backends use the same name.
   * @default - `spec.name`, plus a hash suffix when `uniqueNameSuffix` is true
   */
  readonly workloadName?: string;
  /**
   * Append an 8-character hash of the construct path to the default name (`api-8ac10ade`), e.g. to
   * run the same spec several times in one namespace. Ignored when `workloadName` is given.
   *
   * Switching this on or off renames the Kubernetes objects: Terraform replaces them once (the
   * Terraform addresses stay the same).
   * @default false
   */
  readonly uniqueNameSuffix?: boolean;
  /**
   * Type of the workload's Service (when ports are declared). `NODE_PORT` and `LOAD_BALANCER`
   * expose the pods outside the cluster: the policy rule K8S-SERVICE-EXPOSURE reports them unless
   * `exposureReason` says why. Prefer `CLUSTER_IP` behind a `HardenedIngress` with TLS.
   * @default ServiceExposure.CLUSTER_IP
   */
  readonly serviceExposure?: ServiceExposure;
  /**
   * Why the Service is exposed outside the cluster (with `NODE_PORT` or `LOAD_BALANCER`), recorded as a
   * reviewed suppression of K8S-SERVICE-EXPOSURE on the Service, e.g. "UDP syslog from the plant network, ticket NET-42".
   * @default - none: exposure is reported
   */
  readonly exposureReason?: string;
  /**
   * Source ranges allowed to reach a `LOAD_BALANCER` Service (CIDRs).
   * @default - every address the load balancer accepts
   */
  readonly loadBalancerSourceRanges?: string[];
  /**
   * Extra labels on the pods and objects. The selector label `app.kubernetes.io/name` is set by the library.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Run under an existing ServiceAccount instead of a dedicated one (K8S-DEDICATED-SA).
   * `default` is rejected.
   * @default - a dedicated ServiceAccount named after the workload
   */
  readonly serviceAccountName?: string;
  /**
   * Mount the ServiceAccount API token into the pods (K8S-SA-TOKEN). Only for workloads that call the Kubernetes API.
   * @default false
   */
  readonly automountServiceAccountToken?: boolean;
  /**
   * Mount the containers' root filesystem read-only (K8S-READONLY-ROOTFS). Give writable
   * directories as `spec.writablePaths` instead of turning this off.
   * @default true
   */
  readonly readOnlyRootFilesystem?: boolean;
  /**
   * Name the runtime's default AppArmor profile for every container (the annotation
   * `container.apparmor.security.beta.kubernetes.io/<container> = runtime/default`, K8S-APPARMOR).
   *
   * Turn it off only on clusters whose nodes run without AppArmor (SELinux distributions such
   * as RHEL, RHCOS or Bottlerocket): the kubelet refuses to start a pod that names any AppArmor
   * profile on such a node ("Cannot enforce AppArmor: AppArmor is not enabled on the host"), so
   * the rollout would never finish. Without the annotation, nodes that do have AppArmor still
   * apply the runtime's default profile, and PSA restricted still passes.
   * @default true
   */
  readonly appArmorRuntimeDefault?: boolean;
  /**
   * Accept an image that is pinned by tag only, not by digest (K8S-IMAGE-DIGEST). `latest`
   * or untagged images are rejected even then.
   * @default false
   */
  readonly allowTagOnlyImage?: boolean;
  /**
   * Add the NET_BIND_SERVICE capability back (after dropping ALL), for a process that binds a
   * port below 1024 as non-root (K8S-CAPS-DROP-ALL allows exactly this one).
   * @default false
   */
  readonly addNetBindService?: boolean;
  /**
   * Group that owns mounted volumes (`fs_group`). Must not be 0.
   * @default - the container group (`spec.group`, or 10001)
   */
  readonly fsGroup?: number;
  /**
   * Size cap of each writable-path emptyDir (K8S-WRITABLE-SCRATCH).
   * @default Size.mebibytes(64)
   */
  readonly writableSizeLimit?: Size;
  /**
   * Back the writable-path emptyDirs with memory (tmpfs, `medium = "Memory"`). Their usage then counts against the memory limit.
   * @default false
   */
  readonly writableMemoryBacked?: boolean;
  /**
   * ConfigMaps and Secrets mounted as read-only files (`configMap` and `secret` volumes, allowed
   * under Pod Security "restricted"), e.g. a TLS key or a config file, so secrets need not be
   * environment variables.
   * @default - none
   */
  readonly files?: FileMount[];
  /**
   * A startup probe for the main container, for slow starters: liveness and readiness checks
   * begin only after it succeeds.
   * @default - no startup probe
   */
  readonly startupProbe?: HealthProbe;
  /**
   * Run the pods under a sandboxed RuntimeClass (gVisor `runsc` or Kata), for untrusted code
   * (K8S-RUNTIMECLASS). Create it once per cluster with `SandboxRuntimeClass`.
   * @default - the cluster's default runtime
   */
  readonly sandbox?: IRuntimeClass;
  /**
   * GPUs for the main container, requested from the device plugin as an extended resource
   * (PT-K8S-GPU): never privileged mode or /dev hostPath. 0 means no GPU.
   * @default 0
   */
  readonly gpus?: number;
  /**
   * Extended resource name of the GPU device plugin.
   * @default 'nvidia.com/gpu'
   */
  readonly gpuResourceName?: string;
  /**
   * Node selector for GPU pods (only used when `gpus` > 0). A toleration for the taint
   * `<gpuResourceName>:NoSchedule` is added as well.
   * @default { 'nvidia.com/gpu.present': 'true' } (the label NVIDIA GPU feature discovery sets)
   */
  readonly gpuNodeSelector?: { [key: string]: string };
}

/** Default non-root uid/gid: above 10000, so it cannot collide with host accounts (kube-score, Checkov CKV_K8S_40). */
const DEFAULT_ID = 10001;
const MAX_NAME = 52;
const MAX_GPUS = 64;
const EXTENDED_RESOURCE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[a-z0-9]([-a-z0-9._]*[a-z0-9])?$/;
const IPV4_CIDR = /^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\/(3[0-2]|[12]?[0-9])$/;
const IPV6_CIDR = /^[0-9a-fA-F:]+:[0-9a-fA-F:]*\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;

/** One ingress or egress rule of a workload's NetworkPolicy, kept so the policy can be re-rendered. */
interface TrafficRule {
  readonly peer: { [key: string]: unknown };
  readonly port: number;
  readonly protocol: Protocol;
}

/**
 * What every hardened workload has in common: a dedicated ServiceAccount without API token,
 * a ClusterIP Service when ports are declared, a Secret for sensitive environment values, and
 * its own NetworkPolicy that admits only the peers declared with `allowFrom` / `allowTo`
 * on top of the namespace's default deny.
 *
 * The pod template itself (security contexts, probes, resources, scratch volumes, spreading)
 * is rendered by one shared builder for all kinds.
 */
export abstract class HardenedWorkload extends Construct {
  /** The primary L1 (deployment, stateful set or cron job). */
  public abstract readonly resource: TerraformResource;
  /** Escape hatch: the dedicated `kubernetes_service_account_v1`. @default - none when `serviceAccountName` is given */
  public readonly serviceAccountResource?: ServiceAccountV1;
  /** Escape hatch: the `kubernetes_secret_v1` holding sensitive environment values. @default - none when no env value is sensitive */
  public readonly envSecretResource?: SecretV1;
  /** Escape hatch: the ClusterIP `kubernetes_service_v1`. @default - none when no port is declared */
  public readonly serviceResource?: ServiceV1;
  /** Escape hatch: the workload's own `kubernetes_network_policy_v1` (ingress and egress allow-list). */
  public readonly networkPolicyResource: NetworkPolicyV1;

  /** Name of the workload and its objects. */
  public readonly workloadName: string;
  /** Namespace the workload runs in. */
  public readonly namespaceName: string;
  /** Labels that select this workload's pods. */
  public readonly selectorLabels: { [key: string]: string };
  /** All labels on the pods. */
  public readonly podLabels: { [key: string]: string };
  /** The main container. */
  public readonly spec: ContainerSpec;
  /** Init containers. */
  public readonly initContainers: ContainerSpec[];
  /** Sidecar containers. */
  public readonly sidecars: ContainerSpec[];
  /** The ServiceAccount the pods run under. */
  public readonly serviceAccountName: string;
  /** Whether the API token is mounted. */
  public readonly automountServiceAccountToken: boolean;
  /** Whether root filesystems are read-only. */
  public readonly readOnlyRootFilesystem: boolean;
  /** Whether every container names the runtime's default AppArmor profile. */
  public readonly appArmorRuntimeDefault: boolean;
  /** Whether NET_BIND_SERVICE is added back. */
  public readonly addNetBindService: boolean;
  /** Pod uid. */
  public readonly runAsUser: number;
  /** Pod gid. */
  public readonly runAsGroup: number;
  /** Volume group. */
  public readonly fsGroup: number;
  /** Size cap of each writable-path emptyDir. */
  public readonly writableSizeLimit: Size;
  /** Whether writable-path emptyDirs are memory-backed. */
  public readonly writableMemoryBacked: boolean;
  /** Startup probe of the main container. @default - none */
  public readonly startupProbe?: HealthProbe;
  /** RuntimeClass of the pods. @default - the cluster default */
  public readonly runtimeClassName?: string;
  /** GPUs of the main container. */
  public readonly gpus: number;
  /** Extended resource name for GPUs. */
  public readonly gpuResourceName: string;
  /** Node selector of GPU pods. */
  public readonly gpuNodeSelector: { [key: string]: string };
  /** Fallback requests and limits (from the namespace). */
  public readonly containerDefaults: ContainerResources;
  /** ConfigMaps and Secrets mounted as read-only files. */
  public readonly files: FileMount[];

  private readonly ingressRules: TrafficRule[] = [];
  private readonly egressRules: TrafficRule[] = [];

  protected constructor(scope: Construct, id: string, props: HardenedWorkloadProps) {
    super(scope, id);

    // 1. validate
    if (!props || !props.namespace || typeof props.namespace.namespaceName !== 'string') {
      throw invalid(this, 'namespace', 'is required', props?.namespace, 'Pass a HardenedNamespace (K8S-NS-DEDICATED).');
    }
    checkDnsLabel(this, 'namespace.namespaceName', props.namespace.namespaceName);
    if (['default', 'kube-system', 'kube-public', 'kube-node-lease'].includes(props.namespace.namespaceName)) {
      throw invalid(this, 'namespace.namespaceName', 'is a system namespace (K8S-NS-DEDICATED)', props.namespace.namespaceName,
        'Run workloads in a namespace of their own, e.g. a HardenedNamespace.');
    }
    const name = props.workloadName ?? defaultWorkloadName(this, props);
    checkDnsLabel(this, props.workloadName === undefined ? 'spec.name' : 'workloadName', name);
    if (!isUnresolved(name) && name.length > MAX_NAME) {
      throw invalid(this, 'workloadName', `is longer than ${MAX_NAME} characters`, name, 'Shorten it: CronJob and Service names derived from it must stay within 63 characters.');
    }
    checkLabels(this, 'labels', props.labels);
    const all: Array<[string, ContainerSpec]> = [['spec', props.spec]];
    (props.sidecars ?? []).forEach((c, i) => all.push([`sidecars[${i}]`, c]));
    (props.initContainers ?? []).forEach((c, i) => all.push([`initContainers[${i}]`, c]));
    const containerNames = new Set<string>();
    const portNames = new Set<string>();
    const allowTagOnly = props.allowTagOnlyImage ?? false;
    for (const [prop, c] of all) {
      validateContainerSpec(this, prop, c);
      if (containerNames.has(c.name)) {
        throw invalid(this, `${prop}.name`, 'is used by another container of the pod', c.name, 'Give every container, sidecar and init container a unique name.');
      }
      containerNames.add(c.name);
      if (prop.startsWith('initContainers') && (c.ports ?? []).length > 0) {
        throw invalid(this, `${prop}.ports`, 'are declared on an init container, which never serves traffic', c.ports!.map((p) => p.name), 'Declare ports on the main container or a sidecar.');
      }
      for (const port of c.ports ?? []) {
        if (portNames.has(port.name)) {
          throw invalid(this, `${prop}.ports`, 'reuses a port name of another container in the pod', port.name, 'Port names must be unique across the pod (the Service refers to them).');
        }
        portNames.add(port.name);
      }
      if (c.image.isLatest) {
        throw invalid(this, `${prop}.image`, 'floats (no digest, and no tag or "latest"; K8S-IMAGE-DIGEST)', c.image.reference,
          'Pin the image by digest: ImageReference.parse("repo:tag@sha256:<64 hex>").');
      }
      if (!c.image.isPinned && !allowTagOnly) {
        throw invalid(this, `${prop}.image`, 'is not pinned by digest (K8S-IMAGE-DIGEST)', c.image.reference,
          'Append "@sha256:<digest>" (e.g. from `crane digest`), or set allowTagOnlyImage: true and accept the policy finding.');
      }
      for (const [envName, value] of Object.entries(c.env ?? {})) {
        if (value.source === EnvValueSource.SENSITIVE) checkSensitiveToken(this, `${prop}.env.${envName}`, value.value);
      }
    }
    checkProbePort(this, 'spec.healthProbe', props.spec.healthProbe, props.spec);
    checkProbePort(this, 'spec.healthProbe.liveness', props.spec.healthProbe?.liveness, props.spec);
    (props.sidecars ?? []).forEach((c, i) => {
      checkProbePort(this, `sidecars[${i}].healthProbe`, c.healthProbe, c);
      checkProbePort(this, `sidecars[${i}].healthProbe.liveness`, c.healthProbe?.liveness, c);
    });
    checkProbePort(this, 'startupProbe', props.startupProbe, props.spec);
    if (props.startupProbe !== undefined && !(props.startupProbe instanceof HealthProbe)) {
      throw invalid(this, 'startupProbe', 'must be a HealthProbe', props.startupProbe, 'Use HealthProbe.http({...}), .tcp({...}) or .exec({...}).');
    }
    if (props.serviceAccountName !== undefined) {
      checkDnsSubdomain(this, 'serviceAccountName', props.serviceAccountName);
      if (props.serviceAccountName === 'default') {
        throw invalid(this, 'serviceAccountName', 'is the namespace default ServiceAccount (K8S-DEDICATED-SA)', props.serviceAccountName,
          'Leave serviceAccountName unset to get a dedicated ServiceAccount, or name one created for this workload.');
      }
    }
    const runAsUser = props.spec.user ?? DEFAULT_ID;
    const runAsGroup = props.spec.group ?? DEFAULT_ID;
    const fsGroup = props.fsGroup ?? runAsGroup;
    checkIntegerRange(this, 'fsGroup', fsGroup, 1, 2147483647, 'Use a non-root group id, e.g. 10001 (K8S-NONROOT-GROUP).');
    const writableSizeLimit = props.writableSizeLimit ?? Size.mebibytes(64);
    if (!(writableSizeLimit instanceof Size)) {
      throw invalid(this, 'writableSizeLimit', 'must be a Size', writableSizeLimit, 'Use e.g. Size.mebibytes(64).');
    }
    const writableMemoryBacked = props.writableMemoryBacked ?? false;
    const containerDefaults = resolveResources(this, 'namespace.containerDefaults', props.namespace.containerDefaults);
    const maxima = props.namespace.containerMaxima ?? {};
    for (const [prop, c] of all) {
      const r = resolveResources(this, `${prop}.resources`, c.resources, containerDefaults);
      // The namespace LimitRange rejects a pod whose container limit exceeds `max`: the rollout would hang at apply.
      const over: Array<[string, Cpu | Size, Cpu | Size | undefined]> = [
        ['cpuLimit', r.cpuLimit!, maxima.cpuLimit],
        ['memoryLimit', r.memoryLimit!, maxima.memoryLimit],
        ['ephemeralStorageLimit', r.ephemeralStorageLimit!, maxima.ephemeralStorageLimit],
      ];
      for (const [what, value, max] of over) {
        if (max !== undefined && !(value as Cpu & Size).isAtMost(max as Cpu & Size)) {
          throw invalid(this, `${prop}.resources.${what}`, `exceeds the namespace LimitRange max (${max}), so admission would reject the pods`, value.toString(),
            `Lower ${prop}.resources.${what} to at most ${max}, or raise the namespace's containerMax${what === 'cpuLimit' ? 'Cpu' : what === 'memoryLimit' ? 'Memory' : 'EphemeralStorage'}.`);
        }
      }
      const paths = c.writablePaths ?? [];
      if (paths.length === 0) continue;
      // Scratch space counts against the container's ephemeral-storage limit (memory limit when memory-backed).
      const cap = writableMemoryBacked ? r.memoryLimit! : r.ephemeralStorageLimit!;
      const total = writableSizeLimit.inBytes * paths.length;
      if (total > cap.inBytes) {
        throw invalid(this, 'writableSizeLimit', `times the ${paths.length} writable path(s) of ${prop} (${Size.bytes(total)}) exceeds its ${writableMemoryBacked ? 'memory' : 'ephemeral-storage'} limit (${cap})`,
          writableSizeLimit.toString(), `Lower writableSizeLimit or raise ${prop}.resources.${writableMemoryBacked ? 'memoryLimit' : 'ephemeralStorageLimit'}.`);
      }
    }
    const gpus = props.gpus ?? 0;
    checkIntegerRange(this, 'gpus', gpus, 0, MAX_GPUS, `Request a whole number of GPUs from 0 to ${MAX_GPUS}.`);
    const gpuResourceName = props.gpuResourceName ?? 'nvidia.com/gpu';
    if (!EXTENDED_RESOURCE.test(gpuResourceName) || gpuResourceName.startsWith('kubernetes.io/')) {
      throw invalid(this, 'gpuResourceName', 'is not a domain-prefixed extended resource name', gpuResourceName,
        'Use the device plugin\'s resource name, e.g. "nvidia.com/gpu" or "amd.com/gpu".');
    }
    const gpuNodeSelector = props.gpuNodeSelector ?? { 'nvidia.com/gpu.present': 'true' };
    checkLabels(this, 'gpuNodeSelector', gpuNodeSelector);
    checkFileMounts(this, props, all);
    checkExposure(this, props);
    this.validateKindProps(props);

    // 2. resolve
    this.workloadName = name;
    this.namespaceName = props.namespace.namespaceName;
    this.selectorLabels = { [NAME_LABEL]: name };
    this.podLabels = { ...(props.labels ?? {}), ...MANAGED_BY_LABELS, ...this.selectorLabels };
    this.spec = props.spec;
    this.initContainers = [...(props.initContainers ?? [])];
    this.sidecars = [...(props.sidecars ?? [])];
    this.automountServiceAccountToken = props.automountServiceAccountToken ?? false;
    this.readOnlyRootFilesystem = props.readOnlyRootFilesystem ?? true;
    this.appArmorRuntimeDefault = props.appArmorRuntimeDefault ?? true;
    this.addNetBindService = props.addNetBindService ?? false;
    this.runAsUser = runAsUser;
    this.runAsGroup = runAsGroup;
    this.fsGroup = fsGroup;
    this.writableSizeLimit = writableSizeLimit;
    this.writableMemoryBacked = writableMemoryBacked;
    this.startupProbe = props.startupProbe;
    this.runtimeClassName = props.sandbox?.runtimeClassName;
    this.gpus = gpus;
    this.gpuResourceName = gpuResourceName;
    this.gpuNodeSelector = { ...gpuNodeSelector };
    this.containerDefaults = containerDefaults;
    this.files = [...(props.files ?? [])];

    const warn = (message: string) => Annotations.of(this).addWarning(message);
    if (this.automountServiceAccountToken) warn('automountServiceAccountToken is true: the pods get a Kubernetes API token (K8S-SA-TOKEN).');
    if (!this.appArmorRuntimeDefault) {
      Annotations.of(this).addInfo('appArmorRuntimeDefault is false: the pods name no AppArmor profile, so nodes with AppArmor apply the runtime default and nodes without it admit the pods (K8S-APPARMOR).');
    }
    if (!this.readOnlyRootFilesystem) warn('readOnlyRootFilesystem is false: containers can write to their root filesystem (K8S-READONLY-ROOTFS).');
    if (allowTagOnly && all.some(([, c]) => !c.image.isPinned)) {
      warn(`allowTagOnlyImage is true and ${all.filter(([, c]) => !c.image.isPinned).map(([p]) => `${p}.image`).join(', ')} is pinned by tag only: its content can change under the same name (K8S-IMAGE-DIGEST).`);
    }
    if (!isUnresolved(runAsUser) && runAsUser < 10000) warn(`spec.user is ${runAsUser}, below 10000: it may collide with a host account (kube-score container-security-context-user-group-id, Checkov CKV_K8S_40).`);
    if (!isUnresolved(runAsGroup) && runAsGroup < 10000) warn(`spec.group is ${runAsGroup}, below 10000 (kube-score container-security-context-user-group-id).`);
    if (props.serviceAccountName !== undefined) {
      Annotations.of(this).addInfo(`serviceAccountName "${props.serviceAccountName}" is given: make sure it is dedicated to this workload (K8S-DEDICATED-SA).`);
    }
    if (gpus > 0) {
      Annotations.of(this).addInfo(`${gpus} GPU(s) requested as ${gpuResourceName} from the device plugin; the pod stays restricted (PT-K8S-GPU).`);
    }

    // 3. create what every kind has
    const metadata = { name, namespace: this.namespaceName, labels: { ...(props.labels ?? {}), ...MANAGED_BY_LABELS, ...this.selectorLabels } };
    if (props.serviceAccountName === undefined) {
      this.serviceAccountResource = new k8s.ServiceAccountV1(this, 'ServiceAccount', {
        metadata: { ...metadata },
        automountServiceAccountToken: this.automountServiceAccountToken,
      });
      this.serviceAccountName = this.serviceAccountResource.metadata.name;
    } else {
      this.serviceAccountName = props.serviceAccountName;
    }

    const secretData: { [key: string]: string } = {};
    for (const [prop, c] of all) {
      for (const [envName, value] of Object.entries(c.env ?? {})) {
        if (value.source === EnvValueSource.SENSITIVE) {
          secretData[HardenedWorkload.secretKeyFor(c.name, envName)] = guardSensitive(this, `${prop}.env.${envName}`, value.value!);
        }
      }
    }
    if (Object.keys(secretData).length > 0) {
      this.envSecretResource = new k8s.SecretV1(this, 'EnvSecret', {
        metadata: { ...metadata, name: `${name}-env` },
        type: 'Opaque',
        data: secretData,
      });
    }

    const ports = [...(props.spec.ports ?? []), ...(props.sidecars ?? []).flatMap((c) => c.ports ?? [])];
    const exposure = props.serviceExposure ?? ServiceExposure.CLUSTER_IP;
    if (ports.length > 0) {
      this.serviceResource = new k8s.ServiceV1(this, 'Service', {
        metadata: { ...metadata },
        spec: {
          type: exposure,
          selector: { ...this.selectorLabels },
          port: ports.map((p) => ({ name: p.name, port: p.containerPort, targetPort: p.name, protocol: p.protocol ?? Protocol.TCP })),
          loadBalancerSourceRanges: props.loadBalancerSourceRanges ? [...props.loadBalancerSourceRanges] : undefined,
        },
      });
      if (exposure !== ServiceExposure.CLUSTER_IP && props.exposureReason !== undefined) {
        Policy.suppress(this.serviceResource, 'K8S-SERVICE-EXPOSURE', props.exposureReason);
      }
    }

    this.networkPolicyResource = new k8s.NetworkPolicyV1(this, 'NetworkPolicy', {
      metadata: { ...metadata },
      spec: this.renderNetworkPolicySpec(),
    });
    // Two workloads of one name in one namespace would create the same ServiceAccount, Service and
    // NetworkPolicy; the second create fails with "already exists" at apply. Known only once both exist.
    addClashCheck(this, (index) => this.nameClash(index));
  }

  private nameClash(index: ClashIndex): ValidationError | undefined {
    if (isUnresolved(this.workloadName)) return undefined;
    const earlier = index.claims<HardenedWorkload>('kubernetes-workload', this.networkPolicyResource.provider, `${this.namespaceName}\u0000${this.workloadName}`);
    const clash = earlier[0];
    earlier.push(this);
    return clash ? invalid(this, 'workloadName', `is also used by ${clash.node.path} in the same namespace, so their ServiceAccount, Service and NetworkPolicy would collide at apply`,
      this.workloadName, 'Give every workload in a namespace its own workloadName.') : undefined;
  }

  /**
   * Admits traffic from another workload's pods to `port` of this workload; the other
   * workload also gets the matching egress rule, so both sides of the connection are allowed.
   *
   * @param peer the calling workload
   * @param port a container port this workload declares
   */
  public allowFrom(peer: HardenedWorkload, port: number): void {
    const protocol = this.protocolOf('port', port);
    this.addIngress({ peer: peerSelector(peer), port, protocol });
    peer.addEgress({ peer: peerSelector(this), port, protocol });
  }

  /**
   * Allows traffic from this workload to `port` of another workload; that workload admits
   * it with the matching ingress rule. The same as `peer.allowFrom(this, port)`.
   *
   * @param peer the called workload
   * @param port a container port the called workload declares
   */
  public allowTo(peer: HardenedWorkload, port: number): void {
    peer.allowFrom(this, port);
  }

  /**
   * Admits traffic from every pod of a namespace to `port` (e.g. an ingress controller's namespace).
   *
   * @param namespaceName the calling namespace's name
   * @param port a container port this workload declares
   */
  public allowFromNamespace(namespaceName: string, port: number): void {
    checkDnsLabel(this, 'namespaceName', namespaceName);
    this.addIngress({ peer: namespacePeer(namespaceName), port, protocol: this.protocolOf('port', port) });
  }

  /**
   * Admits traffic from an IP range to `port` (e.g. a load balancer subnet).
   *
   * @param cidr an IPv4 or IPv6 CIDR, e.g. `10.0.0.0/16`
   * @param port a container port this workload declares
   */
  public allowFromCidr(cidr: string, port: number): void {
    checkCidr(this, 'cidr', cidr);
    this.addIngress({ peer: { ipBlock: { cidr } }, port, protocol: this.protocolOf('port', port) });
  }

  /**
   * Allows egress to every pod of a namespace on `port`.
   *
   * @param namespaceName the called namespace's name
   * @param port the destination port (1-65535)
   * @param protocol the protocol; default TCP
   */
  public allowToNamespace(namespaceName: string, port: number, protocol?: Protocol): void {
    checkDnsLabel(this, 'namespaceName', namespaceName);
    this.addEgress({ peer: namespacePeer(namespaceName), port: checkedPort(this, port), protocol: checkedProtocol(this, protocol) });
  }

  /**
   * Allows egress to an IP range on `port` (e.g. a database outside the cluster).
   *
   * @param cidr an IPv4 or IPv6 CIDR, e.g. `10.20.0.0/24`
   * @param port the destination port (1-65535)
   * @param protocol the protocol; default TCP
   */
  public allowToCidr(cidr: string, port: number, protocol?: Protocol): void {
    checkCidr(this, 'cidr', cidr);
    this.addEgress({ peer: { ipBlock: { cidr } }, port: checkedPort(this, port), protocol: checkedProtocol(this, protocol) });
  }

  /** The Secret key that holds a sensitive env value: `<container>.<VARIABLE>`. */
  public static secretKeyFor(containerName: string, envName: string): string {
    checkArgs('HardenedWorkload.secretKeyFor', 'HardenedWorkload.secretKeyFor', [containerName, envName]);
    return secretKeyFor(containerName, envName);
  }

  /** Validates the props only one kind has. Called before anything is created. */
  protected abstract validateKindProps(props: HardenedWorkloadProps): void;

  private protocolOf(prop: string, port: number): Protocol {
    if (isUnresolved(port)) return Protocol.TCP;
    const match = [this.spec, ...this.sidecars].flatMap((c) => c.ports ?? []).find((p) => p.containerPort === port);
    if (!match) {
      const declared = [this.spec, ...this.sidecars].flatMap((c) => c.ports ?? []).map((p) => p.containerPort);
      throw invalid(this, prop, `is not a port workload "${this.workloadName}" declares (declared: ${declared.length > 0 ? declared.join(', ') : 'none'})`, port,
        'Declare the port in spec.ports of the called workload, or pass one of the declared ports.');
    }
    return match.protocol ?? Protocol.TCP;
  }

  private addIngress(rule: TrafficRule): void {
    this.ingressRules.push(rule);
    this.networkPolicyResource.putSpec(this.renderNetworkPolicySpec());
  }

  private addEgress(rule: TrafficRule): void {
    this.egressRules.push(rule);
    this.networkPolicyResource.putSpec(this.renderNetworkPolicySpec());
  }

  private renderNetworkPolicySpec() {
    const ingress: NetworkPolicyV1SpecIngress[] = this.ingressRules.map((r) => ({
      from: [r.peer],
      ports: [{ port: String(r.port), protocol: r.protocol }],
    }));
    const egress: NetworkPolicyV1SpecEgress[] = this.egressRules.map((r) => ({
      to: [r.peer],
      ports: [{ port: String(r.port), protocol: r.protocol }],
    }));
    return {
      podSelector: { matchLabels: { ...this.selectorLabels } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: ingress.length > 0 ? ingress : undefined,
      egress: egress.length > 0 ? egress : undefined,
    };
  }
}

/**
 * The plain default name: the main container's name, so `http://<spec.name>` resolves and the Docker
 * backend (which names its container `spec.name`) behaves the same. A hash suffix only on request.
 */
function defaultWorkloadName(scope: Construct, props: HardenedWorkloadProps): string {
  if (props.uniqueNameSuffix === true) return Naming.uniqueDnsLabel(scope, MAX_NAME);
  const name = props.spec?.name;
  if (typeof name === 'string' && !isUnresolved(name) && name.length > MAX_NAME) {
    throw invalid(scope, 'spec.name', `is longer than ${MAX_NAME} characters, so it cannot name the workload's objects`, name,
      'Set workloadName to a shorter DNS-1123 label, or shorten spec.name.');
  }
  return name;
}

function checkExposure(scope: Construct, props: HardenedWorkloadProps): void {
  const exposure = props.serviceExposure ?? ServiceExposure.CLUSTER_IP;
  if (!Object.values(ServiceExposure).includes(exposure)) {
    throw invalid(scope, 'serviceExposure', 'is not a known Service type', exposure, 'Use ServiceExposure.CLUSTER_IP, NODE_PORT or LOAD_BALANCER.');
  }
  const ports = [props.spec, ...(props.sidecars ?? [])].flatMap((c) => c?.ports ?? []);
  if (exposure !== ServiceExposure.CLUSTER_IP && ports.length === 0) {
    throw invalid(scope, 'serviceExposure', 'is set, but no container declares a port, so there is no Service to expose', exposure, 'Declare the port in spec.ports, or remove serviceExposure.');
  }
  if (props.exposureReason !== undefined && (exposure === ServiceExposure.CLUSTER_IP || typeof props.exposureReason !== 'string' || props.exposureReason.trim().length < 10)) {
    throw invalid(scope, 'exposureReason', exposure === ServiceExposure.CLUSTER_IP ? 'is given for a ClusterIP Service, which is not exposed' : 'must say why in at least 10 characters',
      props.exposureReason, 'Give the reason and reference of the exposure with NODE_PORT or LOAD_BALANCER, e.g. "syslog from the plant network, ticket NET-42".');
  }
  if (props.loadBalancerSourceRanges !== undefined) {
    if (exposure !== ServiceExposure.LOAD_BALANCER) {
      throw invalid(scope, 'loadBalancerSourceRanges', 'only applies to a LoadBalancer Service', props.loadBalancerSourceRanges, 'Set serviceExposure: ServiceExposure.LOAD_BALANCER, or remove it.');
    }
    props.loadBalancerSourceRanges.forEach((cidr, i) => checkCidr(scope, `loadBalancerSourceRanges[${i}]`, cidr));
  }
}

function checkFileMounts(scope: Construct, props: HardenedWorkloadProps, all: Array<[string, ContainerSpec]>): void {
  const taken = new Map<string, Set<string>>();
  for (const [, c] of all) taken.set(c.name, new Set(c.writablePaths ?? []));
  (props.files ?? []).forEach((f, i) => {
    const prop = `files[${i}]`;
    if (typeof f !== 'object' || f === null) throw invalid(scope, prop, 'must be a FileMount', f, 'Pass { mountPath, configMap } or { mountPath, secretName }.');
    if ((f.configMap === undefined) === (f.secretName === undefined)) {
      throw invalid(scope, prop, 'must give exactly one of configMap and secretName', Object.keys(f).join(', '), 'Mount one ConfigMap or one Secret per entry.');
    }
    checkAbsolutePath(scope, `${prop}.mountPath`, f.mountPath);
    if (f.secretName !== undefined) checkDnsSubdomain(scope, `${prop}.secretName`, f.secretName);
    if (f.configMap !== undefined) {
      if (typeof f.configMap.configMapName !== 'string') throw invalid(scope, `${prop}.configMap`, 'must be a ConfigMap', f.configMap, 'Pass a ConfigMap construct.');
      const ns = f.configMap.namespaceName;
      if (!isUnresolved(ns) && !isUnresolved(props.namespace.namespaceName) && ns !== props.namespace.namespaceName) {
        throw invalid(scope, `${prop}.configMap`, `is in namespace "${ns}", not the workload's ("${props.namespace.namespaceName}"); pods mount only ConfigMaps of their own namespace`,
          f.configMap.configMapName, 'Create the ConfigMap in the workload\'s namespace.');
      }
    }
    const target = f.containerName ?? props.spec.name;
    const paths = taken.get(target);
    if (paths === undefined) {
      throw invalid(scope, `${prop}.containerName`, 'is not a container of the pod', target, `Use one of: ${[...taken.keys()].join(', ')}.`);
    }
    if (paths.has(f.mountPath)) {
      throw invalid(scope, `${prop}.mountPath`, `is already mounted in container "${target}" (a writable path or another file mount)`, f.mountPath, 'Mount each directory once.');
    }
    paths.add(f.mountPath);
  });
}

function peerSelector(w: HardenedWorkload): { [key: string]: unknown } {
  return {
    namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: w.namespaceName } },
    podSelector: { matchLabels: { ...w.selectorLabels } },
  };
}

function namespacePeer(namespaceName: string): { [key: string]: unknown } {
  return { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: namespaceName } } };
}

function checkCidr(scope: Construct, prop: string, cidr: string): void {
  if (isUnresolved(cidr)) return;
  if (typeof cidr !== 'string' || !(IPV4_CIDR.test(cidr) || IPV6_CIDR.test(cidr))) {
    throw invalid(scope, prop, 'is not an IPv4 or IPv6 CIDR', cidr, 'Write the range with a prefix length, e.g. "10.0.0.0/16".');
  }
  if (cidr.endsWith('/0')) {
    Annotations.of(scope).addWarning(`${cidr} allows every address; prefer the narrowest range (K8S-NETPOL-DEFAULT-DENY).`);
  }
}

function checkedPort(scope: Construct, port: number): number {
  checkIntegerRange(scope, 'port', port, 1, 65535, 'Use a port from 1 to 65535.');
  return port;
}

function checkedProtocol(scope: Construct, protocol: Protocol | undefined): Protocol {
  const p = protocol ?? Protocol.TCP;
  if (!Object.values(Protocol).includes(p)) {
    throw invalid(scope, 'protocol', 'is not a known protocol', p, 'Use Protocol.TCP, Protocol.UDP or Protocol.SCTP.');
  }
  return p;
}

function checkProbePort(scope: Construct, prop: string, probe: HealthProbe | undefined, spec: ContainerSpec): void {
  if (probe === undefined || probe.port === undefined || isUnresolved(probe.port)) return;
  const declared = (spec.ports ?? []).map((p) => p.containerPort);
  if (!declared.includes(probe.port)) {
    throw invalid(scope, `${prop}.port`, `is not a port the container declares (declared: ${declared.length > 0 ? declared.join(', ') : 'none'})`, probe.port,
      'Probe a port listed in the container\'s ports, or declare it there.');
  }
}

/** Horizontal pod autoscaling (HorizontalPodAutoscaler v2). */
export interface AutoscalingOptions {
  /**
   * Fewest replicas (kube-score horizontalpodautoscaler-replicas wants at least 2).
   * @default 2
   */
  readonly minReplicas?: number;
  /** Most replicas. */
  readonly maxReplicas: number;
  /**
   * Target average CPU utilisation, in percent of the CPU request (1-100).
   * @default 70
   */
  readonly cpuUtilizationPercent?: number;
  /**
   * Target average memory utilisation, in percent of the memory request (1-100).
   * @default - memory is not a scaling metric
   */
  readonly memoryUtilizationPercent?: number;
}

/** Props of workloads that run a number of identical pods (Deployment, StatefulSet). */
export interface ReplicatedWorkloadProps extends HardenedWorkloadProps {
  /**
   * Number of pods (1-1000). More than one adds topology spread constraints, pod
   * anti-affinity across nodes and a PodDisruptionBudget. Ignored when `autoscaling` is set.
   * @default - 2 for a Deployment, 1 for a StatefulSet
   */
  readonly replicas?: number;
  /**
   * Scale with a HorizontalPodAutoscaler v2; `replicas` is then left unset on the workload
   * (kube-score deployment-targeted-by-hpa-does-not-have-replicas-configured).
   * @default - no autoscaling
   */
  readonly autoscaling?: AutoscalingOptions;
  /**
   * Also spread the pods across zones (`topology.kubernetes.io/zone`), with a hard
   * (DoNotSchedule) spread constraint and a preferred zone anti-affinity.
   * @default false
   */
  readonly spreadAcrossZones?: boolean;
}
