import { HorizontalPodAutoscalerV2 } from '@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2';
import { PodDisruptionBudgetV1 } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { StatefulSetV1, StatefulSetV1SpecTemplate } from '@cdktf/provider-kubernetes/lib/stateful-set-v1';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { Protocol } from '../core/container-spec';
import { Size } from '../core/quantity';
import { RemovalPolicies, RemovalPolicy } from '../core/removal-policy';
import { invalid } from '../core/private/errors';
import { checkAbsolutePath, checkDnsLabel, checkDnsSubdomain } from '../core/private/validation';
import { HardenedNamespace } from './hardened-namespace';
import { AutoscalingOptions, HardenedWorkload, HardenedWorkloadProps, ReplicatedWorkloadProps } from './hardened-workload';
import { MANAGED_BY_LABELS } from './private/labels';
import { renderPodTemplate } from './private/pod-template';
import { createAutoscaler, createPodDisruptionBudget, validateReplication, warnIfNoHealthProbe } from './private/scaling';
import { checkConstruct } from '../core/private/shapes';
import { k8s } from './private/providers';

/** Access mode of a persistent volume claim. */
export enum PersistentVolumeAccessMode {
  /** Mounted read-write by one node. */
  READ_WRITE_ONCE = 'ReadWriteOnce',
  /** Mounted read-write by one pod (CSI only, Kubernetes 1.29+). */
  READ_WRITE_ONCE_POD = 'ReadWriteOncePod',
  /** Mounted read-only by many nodes. */
  READ_ONLY_MANY = 'ReadOnlyMany',
  /** Mounted read-write by many nodes. */
  READ_WRITE_MANY = 'ReadWriteMany',
}

/** A per-pod persistent volume, from a StatefulSet volume claim template. */
export interface VolumeClaimOptions {
  /** Claim name (a DNS-1123 label); each pod's claim is `<name>-<workload>-<ordinal>`. */
  readonly name: string;
  /** Absolute path where the main container mounts it. */
  readonly mountPath: string;
  /** Requested size. */
  readonly storage: Size;
  /**
   * StorageClass to provision from.
   * @default - the cluster's default StorageClass
   */
  readonly storageClassName?: string;
  /**
   * Access mode.
   * @default PersistentVolumeAccessMode.READ_WRITE_ONCE
   */
  readonly accessMode?: PersistentVolumeAccessMode;
}

/** Props of a `HardenedStatefulSet`. */
export interface HardenedStatefulSetProps extends ReplicatedWorkloadProps {
  /**
   * Per-pod persistent volumes.
   * @default - none
   */
  readonly volumeClaims?: VolumeClaimOptions[];
  /**
   * What happens to the StatefulSet and its claims on destroy or scale-down. `RETAIN` sets
   * `prevent_destroy` and the claim retention policy `Retain`/`Retain`; `DESTROY` allows
   * Terraform to destroy it and lets Kubernetes delete the claims with the StatefulSet.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A stateful workload (`kubernetes_stateful_set_v1`) with stable identities and per-pod
 * volumes, whose pods meet Pod Security "restricted".
 *
 * Creates a governing headless Service, and everything a `HardenedDeployment` creates. The
 * StatefulSet is protected from destroy (`prevent_destroy`) and its claims are retained
 * unless `removalPolicy` is `DESTROY`.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/
 */
export class HardenedStatefulSet extends HardenedWorkload {
  /** Escape hatch: the `kubernetes_stateful_set_v1`. */
  public readonly resource: StatefulSetV1;
  /** Escape hatch: the governing headless `kubernetes_service_v1`. */
  public readonly headlessServiceResource: ServiceV1;
  /** Escape hatch: the `kubernetes_pod_disruption_budget_v1`. @default - none with a single replica */
  public readonly podDisruptionBudgetResource?: PodDisruptionBudgetV1;
  /** Escape hatch: the `kubernetes_horizontal_pod_autoscaler_v2`. @default - none without autoscaling */
  public readonly horizontalPodAutoscalerResource?: HorizontalPodAutoscalerV2;
  /** Fixed replica count. @default - unset when autoscaling */
  public readonly replicas?: number;
  /** Autoscaling settings. @default - none */
  public readonly autoscaling?: AutoscalingOptions;
  /** Whether pods are spread across zones too. */
  public readonly spreadAcrossZones: boolean;
  /** The removal policy of the StatefulSet and its claims. */
  public readonly removalPolicy: RemovalPolicy;

  constructor(scope: Construct, id: string, props: HardenedStatefulSetProps) {
    checkConstruct(scope, id, 'HardenedStatefulSet', [props]);
    super(scope, id, props);
    this.autoscaling = props.autoscaling;
    this.replicas = props.autoscaling ? undefined : (props.replicas ?? 1);
    this.spreadAcrossZones = props.spreadAcrossZones ?? false;
    this.removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const scheduled = this.autoscaling ? (this.autoscaling.minReplicas ?? 2) : this.replicas!;
    const claims = props.volumeClaims ?? [];
    const labels = { ...MANAGED_BY_LABELS, ...this.selectorLabels };

    const ports = [...(this.spec.ports ?? []), ...this.sidecars.flatMap((c) => c.ports ?? [])];
    this.headlessServiceResource = new k8s.ServiceV1(this, 'HeadlessService', {
      metadata: { name: `${this.workloadName}-headless`, namespace: this.namespaceName, labels },
      spec: {
        clusterIp: 'None',
        selector: { ...this.selectorLabels },
        publishNotReadyAddresses: false,
        port: ports.length > 0
          ? ports.map((p) => ({ name: p.name, port: p.containerPort, targetPort: p.name, protocol: p.protocol ?? Protocol.TCP }))
          : undefined,
      },
    });

    const template = renderPodTemplate(this, {
      restartPolicy: 'Always',
      replicas: Math.max(scheduled, this.autoscaling?.maxReplicas ?? 0),
      spreadAcrossZones: this.spreadAcrossZones,
      extraVolumeMounts: claims.map((c) => ({ name: c.name, mountPath: c.mountPath, readOnly: c.accessMode === PersistentVolumeAccessMode.READ_ONLY_MANY })),
    }) as unknown as StatefulSetV1SpecTemplate;

    const retain = this.removalPolicy === RemovalPolicy.RETAIN;
    // Deleting the namespace deletes the retained claims too: protect it as well.
    if (retain && props.namespace instanceof HardenedNamespace) props.namespace._holdRetainedClaims(this);
    this.resource = new k8s.StatefulSetV1(this, 'Resource', {
      metadata: { name: this.workloadName, namespace: this.namespaceName, labels },
      spec: {
        replicas: this.replicas === undefined ? undefined : String(this.replicas),
        revisionHistoryLimit: 5,
        serviceName: this.headlessServiceResource.metadata.name,
        podManagementPolicy: 'OrderedReady',
        selector: { matchLabels: { ...this.selectorLabels } },
        updateStrategy: [{ type: 'RollingUpdate' }],
        persistentVolumeClaimRetentionPolicy: [{ whenDeleted: retain ? 'Retain' : 'Delete', whenScaled: 'Retain' }],
        template,
        volumeClaimTemplate: claims.length > 0 ? claims.map((c) => ({
          metadata: { name: c.name, labels },
          spec: {
            accessModes: [c.accessMode ?? PersistentVolumeAccessMode.READ_WRITE_ONCE],
            storageClassName: c.storageClassName,
            resources: { requests: { storage: c.storage.toKubernetesQuantity() } },
          },
        })) : undefined,
      },
    });
    warnIfNoHealthProbe(this);
    RemovalPolicies.apply(this.resource, this.removalPolicy);
    if (!retain) {
      Annotations.of(this).addWarning('removalPolicy is DESTROY: Terraform may destroy the StatefulSet and Kubernetes deletes its volume claims with it (data loss).');
    }
    if (this.autoscaling) {
      this.resource.lifecycle = { ...(this.resource.lifecycle ?? {}), ignoreChanges: ['spec[0].replicas'] };
      this.horizontalPodAutoscalerResource = createAutoscaler(this, 'StatefulSet', this.resource.metadata.name, this.autoscaling);
    }
    if (scheduled > 1 || this.autoscaling) {
      this.podDisruptionBudgetResource = createPodDisruptionBudget(this);
    }
  }

  protected validateKindProps(props: HardenedWorkloadProps): void {
    const p = props as HardenedStatefulSetProps;
    validateReplication(this, p);
    const names = new Set<string>();
    const mountPaths = new Set<string>(p.spec.writablePaths ?? []);
    (p.volumeClaims ?? []).forEach((c, i) => {
      const prop = `volumeClaims[${i}]`;
      checkDnsLabel(this, `${prop}.name`, c.name);
      if (names.has(c.name)) throw invalid(this, `${prop}.name`, 'is used by another volume claim', c.name, 'Give every volume claim a unique name.');
      names.add(c.name);
      checkAbsolutePath(this, `${prop}.mountPath`, c.mountPath);
      if (mountPaths.has(c.mountPath)) {
        throw invalid(this, `${prop}.mountPath`, 'is already mounted (another claim or a writable path)', c.mountPath, 'Mount each path once.');
      }
      mountPaths.add(c.mountPath);
      if (!(c.storage instanceof Size)) throw invalid(this, `${prop}.storage`, 'must be a Size', c.storage, 'Use e.g. Size.gibibytes(10).');
      if (c.storageClassName !== undefined) checkDnsSubdomain(this, `${prop}.storageClassName`, c.storageClassName);
      if (c.accessMode !== undefined && !Object.values(PersistentVolumeAccessMode).includes(c.accessMode)) {
        throw invalid(this, `${prop}.accessMode`, 'is not a known access mode', c.accessMode, 'Use a PersistentVolumeAccessMode value.');
      }
    });
    if (p.removalPolicy !== undefined && !Object.values(RemovalPolicy).includes(p.removalPolicy)) {
      throw invalid(this, 'removalPolicy', 'is not a known removal policy', p.removalPolicy, 'Use RemovalPolicy.RETAIN or RemovalPolicy.DESTROY.');
    }
  }
}
