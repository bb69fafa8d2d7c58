import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { HorizontalPodAutoscalerV2 } from '@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2';
import { PodDisruptionBudgetV1 } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import { Construct } from 'constructs';
import { checkIntegerRange } from '../core/private/validation';
import { AutoscalingOptions, HardenedWorkload, HardenedWorkloadProps, ReplicatedWorkloadProps } from './hardened-workload';
import { MANAGED_BY_LABELS } from './private/labels';
import { renderPodTemplate } from './private/pod-template';
import { createAutoscaler, createPodDisruptionBudget, validateReplication, warnIfNoHealthProbe } from './private/scaling';
import { checkConstruct } from '../core/private/shapes';
import { k8s } from './private/providers';

/** Props of a `HardenedDeployment`. */
export interface HardenedDeploymentProps extends ReplicatedWorkloadProps {
  /**
   * Seconds a rollout may make no progress before it counts as failed (10-3600).
   * @default 600
   */
  readonly progressDeadlineSeconds?: number;
}

/**
 * A stateless workload (`kubernetes_deployment_v1`) whose pods meet Pod Security "restricted".
 *
 * Besides the Deployment it creates a dedicated ServiceAccount without API token, a
 * NetworkPolicy (allow-list via `allowFrom` / `allowTo`), a ClusterIP Service when ports are
 * declared, a Secret for sensitive env values, and with more than one replica a
 * PodDisruptionBudget; with `autoscaling` a HorizontalPodAutoscaler v2.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/
 */
export class HardenedDeployment extends HardenedWorkload {
  /** Escape hatch: the `kubernetes_deployment_v1`. */
  public readonly resource: DeploymentV1;
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

  constructor(scope: Construct, id: string, props: HardenedDeploymentProps) {
    checkConstruct(scope, id, 'HardenedDeployment', [props]);
    super(scope, id, props);
    this.autoscaling = props.autoscaling;
    this.replicas = props.autoscaling ? undefined : (props.replicas ?? 2);
    this.spreadAcrossZones = props.spreadAcrossZones ?? false;
    const scheduled = this.autoscaling ? (this.autoscaling.minReplicas ?? 2) : this.replicas!;

    this.resource = new k8s.DeploymentV1(this, 'Resource', {
      metadata: { name: this.workloadName, namespace: this.namespaceName, labels: { ...MANAGED_BY_LABELS, ...this.selectorLabels } },
      spec: {
        replicas: this.replicas === undefined ? undefined : String(this.replicas),
        revisionHistoryLimit: 5,
        progressDeadlineSeconds: props.progressDeadlineSeconds ?? 600,
        selector: { matchLabels: { ...this.selectorLabels } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '0' } },
        template: renderPodTemplate(this, {
          restartPolicy: 'Always',
          replicas: Math.max(scheduled, this.autoscaling?.maxReplicas ?? 0),
          spreadAcrossZones: this.spreadAcrossZones,
        }),
      },
    });
    warnIfNoHealthProbe(this);
    if (this.autoscaling) {
      // The HPA owns spec.replicas; keep Terraform from resetting it on the next apply.
      this.resource.lifecycle = { ...(this.resource.lifecycle ?? {}), ignoreChanges: ['spec[0].replicas'] };
      this.horizontalPodAutoscalerResource = createAutoscaler(this, 'Deployment', this.resource.metadata.name, this.autoscaling);
    }
    if (scheduled > 1 || this.autoscaling) {
      this.podDisruptionBudgetResource = createPodDisruptionBudget(this);
    }
  }

  protected validateKindProps(props: HardenedWorkloadProps): void {
    const p = props as HardenedDeploymentProps;
    validateReplication(this, p);
    checkIntegerRange(this, 'progressDeadlineSeconds', p.progressDeadlineSeconds ?? 600, 10, 3600);
  }
}
