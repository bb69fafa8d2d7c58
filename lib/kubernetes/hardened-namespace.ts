import { LimitRangeV1 } from '@cdktf/provider-kubernetes/lib/limit-range-v1';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { ResourceQuotaV1 } from '@cdktf/provider-kubernetes/lib/resource-quota-v1';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { ContainerResources } from '../core/container-spec';
import { Naming } from '../core/naming';
import { RemovalPolicies, RemovalPolicy } from '../core/removal-policy';
import { Cpu, Size } from '../core/quantity';
import { invalid } from '../core/private/errors';
import { checkDnsLabel, checkIntegerRange, isUnresolved } from '../core/private/validation';
import { checkLabels, MANAGED_BY_LABELS, NAMESPACE_NAME_LABEL } from './private/labels';
import { LIBRARY_CONTAINER_DEFAULTS, resolveResources } from './private/resources';
import { checkConstruct } from '../core/private/shapes';
import { k8s } from './private/providers';

/**
 * A Kubernetes namespace that workloads can be placed in.
 *
 * `HardenedNamespace` implements it; implement it yourself only for a namespace that is
 * managed elsewhere and already enforces the same controls.
 */
export interface IKubernetesNamespace {
  /** The namespace name (a reference to the namespace resource when the library created it). */
  readonly namespaceName: string;
  /**
   * Container requests and limits applied when a container spec leaves them out. The same
   * values as the namespace LimitRange defaults, so what the library renders matches what
   * admission would fill in.
   */
  readonly containerDefaults: ContainerResources;
  /**
   * The largest limits one container may ask for (the LimitRange `max`: `cpuLimit`,
   * `memoryLimit`, `ephemeralStorageLimit`). Workloads check their containers against them at
   * construction, because admission would reject the pods at apply time.
   * @default - no maxima known (nothing is checked)
   */
  readonly containerMaxima?: ContainerResources;
}

/** Props of a `HardenedNamespace`. */
export interface HardenedNamespaceProps {
  /**
   * Namespace name: a DNS-1123 label, not a system namespace.
   * @default - a unique name derived from the construct path
   */
  readonly namespaceName?: string;
  /**
   * Pod Security Admission policy version pinned in the `enforce-version`, `audit-version`
   * and `warn-version` labels (K8S-PSA-LABELS). Use the cluster's minor version, e.g. `v1.33`;
   * `latest` is rejected because it changes the policy under you on upgrade.
   * @default 'v1.29'
   */
  readonly podSecurityVersion?: string;
  /**
   * Extra labels on the namespace.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Container defaults written into the LimitRange (`default` and `defaultRequest`) and used by
   * the workload constructs for containers whose spec leaves a value out.
   * @default - requests cpu 100m, memory 128Mi, ephemeral storage 128Mi; limits cpu 500m, memory 256Mi, ephemeral storage 512Mi
   */
  readonly containerDefaults?: ContainerResources;
  /**
   * Largest CPU limit one container may ask for (LimitRange `max`).
   * @default Cpu.cores(4)
   */
  readonly containerMaxCpu?: Cpu;
  /**
   * Largest memory limit one container may ask for (LimitRange `max`).
   * @default Size.gibibytes(8)
   */
  readonly containerMaxMemory?: Size;
  /**
   * Largest ephemeral-storage limit one container may ask for (LimitRange `max`).
   * @default Size.gibibytes(8)
   */
  readonly containerMaxEphemeralStorage?: Size;
  /**
   * ResourceQuota: total CPU requests in the namespace.
   * @default Cpu.cores(8)
   */
  readonly quotaCpuRequests?: Cpu;
  /**
   * ResourceQuota: total CPU limits in the namespace.
   * @default Cpu.cores(16)
   */
  readonly quotaCpuLimits?: Cpu;
  /**
   * ResourceQuota: total memory requests in the namespace.
   * @default Size.gibibytes(16)
   */
  readonly quotaMemoryRequests?: Size;
  /**
   * ResourceQuota: total memory limits in the namespace.
   * @default Size.gibibytes(32)
   */
  readonly quotaMemoryLimits?: Size;
  /**
   * ResourceQuota: total ephemeral-storage limits in the namespace.
   * @default Size.gibibytes(64)
   */
  readonly quotaEphemeralStorageLimits?: Size;
  /**
   * ResourceQuota: number of pods.
   * @default 50
   */
  readonly quotaPods?: number;
  /**
   * ResourceQuota: number of Services.
   * @default 20
   */
  readonly quotaServices?: number;
  /**
   * ResourceQuota: number of PersistentVolumeClaims.
   * @default 20
   */
  readonly quotaPersistentVolumeClaims?: number;
  /**
   * Add the DNS egress allowance (UDP and TCP port 53 to kube-dns in `kube-system`) on top of
   * the default deny. Without it no pod in the namespace can resolve names.
   * @default true
   */
  readonly allowDnsEgress?: boolean;
  /**
   * Namespace of the cluster DNS pods.
   * @default 'kube-system'
   */
  readonly dnsNamespace?: string;
  /**
   * Labels that select the cluster DNS pods.
   * @default { 'k8s-app': 'kube-dns' }
   */
  readonly dnsPodLabels?: { [key: string]: string };
  /**
   * What happens to the namespace on destroy. Deleting a namespace deletes every object in it,
   * including the PersistentVolumeClaims a StatefulSet retains, so a namespace that holds the
   * claims of a protected `HardenedStatefulSet` is protected too (`lifecycle.prevent_destroy`).
   * `DESTROY` opts out (with a warning when it holds retained claims).
   * @default - RETAIN when a protected HardenedStatefulSet runs in it, otherwise not protected
   */
  readonly removalPolicy?: RemovalPolicy;
}

const SYSTEM_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);
const PSA_VERSION = /^v1\.([0-9]{1,2})$/;
const PSA_PREFIX = 'pod-security.kubernetes.io';

/**
 * A namespace that enforces Pod Security "restricted", caps resources and denies all traffic
 * by default.
 *
 * Creates a `kubernetes_namespace_v1` with the Pod Security Admission labels (enforce, audit
 * and warn = `restricted`, version pinned; K8S-PSA-LABELS), a `kubernetes_resource_quota_v1`
 * (K8S-RESOURCEQUOTA), a `kubernetes_limit_range_v1` with container defaults and maxima for
 * cpu, memory and ephemeral storage (K8S-LIMITRANGE), a default-deny
 * `kubernetes_network_policy_v1` for ingress and egress (K8S-NETPOL-DEFAULT-DENY) and, as a
 * separate policy, a DNS egress allowance to kube-dns on port 53 UDP and TCP.
 *
 * @see https://kubernetes.io/docs/concepts/security/pod-security-admission/
 */
export class HardenedNamespace extends Construct implements IKubernetesNamespace {
  /** Escape hatch: the `kubernetes_namespace_v1`. */
  public readonly resource: NamespaceV1;
  /** Escape hatch: the `kubernetes_resource_quota_v1`. */
  public readonly resourceQuotaResource: ResourceQuotaV1;
  /** Escape hatch: the `kubernetes_limit_range_v1`. */
  public readonly limitRangeResource: LimitRangeV1;
  /** Escape hatch: the default-deny `kubernetes_network_policy_v1`. */
  public readonly defaultDenyNetworkPolicyResource: NetworkPolicyV1;
  /**
   * Escape hatch: the DNS egress `kubernetes_network_policy_v1`.
   * @default - none when `allowDnsEgress` is false
   */
  public readonly dnsEgressNetworkPolicyResource?: NetworkPolicyV1;
  /** The namespace name, as a reference to the namespace resource (so dependents wait for it). */
  public readonly namespaceName: string;
  /** The namespace name as given or generated (a plain string). */
  public readonly name: string;
  /** The pinned Pod Security Admission version. */
  public readonly podSecurityVersion: string;
  /** Container defaults (LimitRange `default` / `defaultRequest`), all six values set. */
  public readonly containerDefaults: ContainerResources;
  /** Whether DNS egress to kube-dns is allowed. */
  public readonly allowDnsEgress: boolean;
  /**
   * The LimitRange `max` per container (`cpuLimit`, `memoryLimit`, `ephemeralStorageLimit`).
   * @default - always set by this construct
   */
  public readonly containerMaxima?: ContainerResources;

  private readonly explicitRemovalPolicy?: RemovalPolicy;
  private holdsRetainedClaims = false;

  constructor(scope: Construct, id: string, props: HardenedNamespaceProps = {}) {
    checkConstruct(scope, id, 'HardenedNamespace', [props]);
    super(scope, id);

    // 1. validate
    const name = props.namespaceName ?? Naming.uniqueDnsLabel(this);
    checkDnsLabel(this, 'namespaceName', name);
    if (!isUnresolved(name) && SYSTEM_NAMESPACES.has(name)) {
      throw invalid(this, 'namespaceName', 'is a system namespace (K8S-NS-DEDICATED)', name,
        'Give the workloads a namespace of their own, e.g. "payments".');
    }
    const version = props.podSecurityVersion ?? 'v1.29';
    if (!isUnresolved(version)) {
      const match = PSA_VERSION.exec(version);
      if (!match || Number(match[1]) < 23) {
        throw invalid(this, 'podSecurityVersion', 'must pin a Kubernetes minor version from v1.23 on (K8S-PSA-LABELS); "latest" is not pinned', version,
          'Use the cluster\'s minor version, e.g. "v1.29".');
      }
    }
    checkLabels(this, 'labels', props.labels);
    const defaults = resolveResources(this, 'containerDefaults', props.containerDefaults, LIBRARY_CONTAINER_DEFAULTS);
    const maxCpu = props.containerMaxCpu ?? Cpu.cores(4);
    const maxMemory = props.containerMaxMemory ?? Size.gibibytes(8);
    const maxEphemeral = props.containerMaxEphemeralStorage ?? Size.gibibytes(8);
    if (!defaults.cpuLimit!.isAtMost(maxCpu)) {
      throw invalid(this, 'containerMaxCpu', `is below the default cpu limit (${defaults.cpuLimit})`, maxCpu.toString(), 'Raise containerMaxCpu or lower containerDefaults.cpuLimit.');
    }
    if (!defaults.memoryLimit!.isAtMost(maxMemory)) {
      throw invalid(this, 'containerMaxMemory', `is below the default memory limit (${defaults.memoryLimit})`, maxMemory.toString(), 'Raise containerMaxMemory or lower containerDefaults.memoryLimit.');
    }
    if (!defaults.ephemeralStorageLimit!.isAtMost(maxEphemeral)) {
      throw invalid(this, 'containerMaxEphemeralStorage', `is below the default ephemeral-storage limit (${defaults.ephemeralStorageLimit})`, maxEphemeral.toString(),
        'Raise containerMaxEphemeralStorage or lower containerDefaults.ephemeralStorageLimit.');
    }
    const quotaCpuRequests = props.quotaCpuRequests ?? Cpu.cores(8);
    const quotaCpuLimits = props.quotaCpuLimits ?? Cpu.cores(16);
    const quotaMemoryRequests = props.quotaMemoryRequests ?? Size.gibibytes(16);
    const quotaMemoryLimits = props.quotaMemoryLimits ?? Size.gibibytes(32);
    const quotaEphemeral = props.quotaEphemeralStorageLimits ?? Size.gibibytes(64);
    if (!quotaCpuRequests.isAtMost(quotaCpuLimits)) {
      throw invalid(this, 'quotaCpuLimits', `is below quotaCpuRequests (${quotaCpuRequests})`, quotaCpuLimits.toString(), 'Raise quotaCpuLimits to at least quotaCpuRequests.');
    }
    if (!quotaMemoryRequests.isAtMost(quotaMemoryLimits)) {
      throw invalid(this, 'quotaMemoryLimits', `is below quotaMemoryRequests (${quotaMemoryRequests})`, quotaMemoryLimits.toString(), 'Raise quotaMemoryLimits to at least quotaMemoryRequests.');
    }
    const quotaPods = props.quotaPods ?? 50;
    const quotaServices = props.quotaServices ?? 20;
    const quotaClaims = props.quotaPersistentVolumeClaims ?? 20;
    checkIntegerRange(this, 'quotaPods', quotaPods, 1, 100000);
    checkIntegerRange(this, 'quotaServices', quotaServices, 0, 100000);
    checkIntegerRange(this, 'quotaPersistentVolumeClaims', quotaClaims, 0, 100000);
    const dnsNamespace = props.dnsNamespace ?? 'kube-system';
    checkDnsLabel(this, 'dnsNamespace', dnsNamespace);
    const dnsPodLabels = props.dnsPodLabels ?? { 'k8s-app': 'kube-dns' };
    checkLabels(this, 'dnsPodLabels', dnsPodLabels);
    if (Object.keys(dnsPodLabels).length === 0) {
      throw invalid(this, 'dnsPodLabels', 'is empty, which would allow DNS egress to every pod in the DNS namespace', dnsPodLabels,
        'Give the labels of the DNS pods, e.g. { "k8s-app": "kube-dns" }.');
    }

    // 2. resolve
    this.name = name;
    this.podSecurityVersion = version;
    this.containerDefaults = defaults;
    this.containerMaxima = { cpuLimit: maxCpu, memoryLimit: maxMemory, ephemeralStorageLimit: maxEphemeral };
    this.allowDnsEgress = props.allowDnsEgress ?? true;
    if (!this.allowDnsEgress) {
      Annotations.of(this).addInfo('allowDnsEgress is false: pods in this namespace cannot resolve names unless a workload allows DNS egress itself (K8S-NETPOL-DEFAULT-DENY).');
    }

    // 3. create
    const labels: { [key: string]: string } = { ...(props.labels ?? {}), ...MANAGED_BY_LABELS };
    for (const mode of ['enforce', 'audit', 'warn']) {
      labels[`${PSA_PREFIX}/${mode}`] = 'restricted';
      labels[`${PSA_PREFIX}/${mode}-version`] = version;
    }
    this.resource = new k8s.NamespaceV1(this, 'Resource', { metadata: { name, labels } });
    if (props.removalPolicy !== undefined && !Object.values(RemovalPolicy).includes(props.removalPolicy)) {
      throw invalid(this, 'removalPolicy', 'is not a known removal policy', props.removalPolicy, 'Use RemovalPolicy.RETAIN or RemovalPolicy.DESTROY.');
    }
    this.explicitRemovalPolicy = props.removalPolicy;
    if (props.removalPolicy === RemovalPolicy.RETAIN) RemovalPolicies.apply(this.resource, RemovalPolicy.RETAIN);
    this.namespaceName = this.resource.metadata.name;

    this.resourceQuotaResource = new k8s.ResourceQuotaV1(this, 'ResourceQuota', {
      metadata: { name: 'quota', namespace: this.namespaceName, labels: { ...MANAGED_BY_LABELS } },
      spec: {
        hard: {
          'requests.cpu': quotaCpuRequests.toKubernetesQuantity(),
          'limits.cpu': quotaCpuLimits.toKubernetesQuantity(),
          'requests.memory': quotaMemoryRequests.toKubernetesQuantity(),
          'limits.memory': quotaMemoryLimits.toKubernetesQuantity(),
          'limits.ephemeral-storage': quotaEphemeral.toKubernetesQuantity(),
          'pods': String(quotaPods),
          'services': String(quotaServices),
          'persistentvolumeclaims': String(quotaClaims),
        },
      },
    });

    this.limitRangeResource = new k8s.LimitRangeV1(this, 'LimitRange', {
      metadata: { name: 'container-defaults', namespace: this.namespaceName, labels: { ...MANAGED_BY_LABELS } },
      spec: {
        limit: [{
          type: 'Container',
          default: {
            'cpu': defaults.cpuLimit!.toKubernetesQuantity(),
            'memory': defaults.memoryLimit!.toKubernetesQuantity(),
            'ephemeral-storage': defaults.ephemeralStorageLimit!.toKubernetesQuantity(),
          },
          defaultRequest: {
            'cpu': defaults.cpuRequest!.toKubernetesQuantity(),
            'memory': defaults.memoryRequest!.toKubernetesQuantity(),
            'ephemeral-storage': defaults.ephemeralStorageRequest!.toKubernetesQuantity(),
          },
          max: {
            'cpu': maxCpu.toKubernetesQuantity(),
            'memory': maxMemory.toKubernetesQuantity(),
            'ephemeral-storage': maxEphemeral.toKubernetesQuantity(),
          },
        }],
      },
    });

    this.defaultDenyNetworkPolicyResource = new k8s.NetworkPolicyV1(this, 'DefaultDenyNetworkPolicy', {
      metadata: { name: 'default-deny-all', namespace: this.namespaceName, labels: { ...MANAGED_BY_LABELS } },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });

    if (this.allowDnsEgress) {
      this.dnsEgressNetworkPolicyResource = new k8s.NetworkPolicyV1(this, 'DnsEgressNetworkPolicy', {
        metadata: { name: 'allow-dns-egress', namespace: this.namespaceName, labels: { ...MANAGED_BY_LABELS } },
        spec: {
          podSelector: {},
          policyTypes: ['Egress'],
          egress: [{
            to: [{
              namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: dnsNamespace } },
              podSelector: { matchLabels: { ...dnsPodLabels } },
            }],
            ports: [{ port: '53', protocol: 'UDP' }, { port: '53', protocol: 'TCP' }],
          }],
        },
      });
    }
  }

  /**
   * @internal Called by a protected HardenedStatefulSet: deleting the namespace would delete its
   * retained claims, so the namespace is protected unless it explicitly opted out.
   */
  public _holdRetainedClaims(statefulSet: Construct): void {
    if (this.holdsRetainedClaims) return;
    this.holdsRetainedClaims = true;
    if (this.explicitRemovalPolicy === RemovalPolicy.DESTROY) {
      Annotations.of(this).addWarning(`removalPolicy is DESTROY, but ${statefulSet.node.path} retains its volume claims here: `
        + 'terraform destroy of the namespace deletes them (data loss).');
      return;
    }
    RemovalPolicies.apply(this.resource, RemovalPolicy.RETAIN);
  }
}
