import { HorizontalPodAutoscalerV2 } from '@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2';
import { PodDisruptionBudgetV1 } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { invalid } from '../../core/private/errors';
import { checkIntegerRange } from '../../core/private/validation';
import type { AutoscalingOptions, HardenedWorkload, ReplicatedWorkloadProps } from '../hardened-workload';
import { MANAGED_BY_LABELS } from './labels';
import { k8s } from './providers';

export const MAX_REPLICAS = 1000;

/** Validates `replicas` and `autoscaling`; returns nothing, throws the library error. */
export function validateReplication(scope: Construct, props: ReplicatedWorkloadProps): void {
  if (props.replicas !== undefined) {
    checkIntegerRange(scope, 'replicas', props.replicas, 1, MAX_REPLICAS, `Run 1 to ${MAX_REPLICAS} replicas (use autoscaling for more).`);
  }
  const a = props.autoscaling;
  if (a === undefined) return;
  if (props.replicas !== undefined) {
    throw invalid(scope, 'replicas', 'is set together with autoscaling; the HorizontalPodAutoscaler owns the replica count', props.replicas,
      'Remove replicas and set autoscaling.minReplicas instead.');
  }
  const min = a.minReplicas ?? 2;
  checkIntegerRange(scope, 'autoscaling.minReplicas', min, 1, MAX_REPLICAS);
  checkIntegerRange(scope, 'autoscaling.maxReplicas', a.maxReplicas, 1, MAX_REPLICAS);
  if (min > a.maxReplicas) {
    throw invalid(scope, 'autoscaling.minReplicas', `is above maxReplicas (${a.maxReplicas})`, min, 'Lower minReplicas or raise maxReplicas.');
  }
  checkIntegerRange(scope, 'autoscaling.cpuUtilizationPercent', a.cpuUtilizationPercent ?? 70, 1, 100, 'Use a percentage of the request from 1 to 100, e.g. 70.');
  if (a.memoryUtilizationPercent !== undefined) {
    checkIntegerRange(scope, 'autoscaling.memoryUtilizationPercent', a.memoryUtilizationPercent, 1, 100, 'Use a percentage of the request from 1 to 100, e.g. 80.');
  }
}

/** A PodDisruptionBudget that lets at most one pod be evicted at a time. */
export function createPodDisruptionBudget(w: HardenedWorkload): PodDisruptionBudgetV1 {
  return new k8s.PodDisruptionBudgetV1(w, 'PodDisruptionBudget', {
    metadata: { name: w.workloadName, namespace: w.namespaceName, labels: { ...MANAGED_BY_LABELS, ...w.selectorLabels } },
    spec: { maxUnavailable: '1', selector: { matchLabels: { ...w.selectorLabels } } },
  });
}

/** A HorizontalPodAutoscaler v2 on cpu (and optionally memory) utilisation. */
export function createAutoscaler(w: HardenedWorkload, kind: string, targetName: string, a: AutoscalingOptions): HorizontalPodAutoscalerV2 {
  const metric = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: a.cpuUtilizationPercent ?? 70 } } }];
  if (a.memoryUtilizationPercent !== undefined) {
    metric.push({ type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: a.memoryUtilizationPercent } } });
  }
  return new k8s.HorizontalPodAutoscalerV2(w, 'HorizontalPodAutoscaler', {
    metadata: { name: w.workloadName, namespace: w.namespaceName, labels: { ...MANAGED_BY_LABELS, ...w.selectorLabels } },
    spec: {
      minReplicas: a.minReplicas ?? 2,
      maxReplicas: a.maxReplicas,
      scaleTargetRef: { apiVersion: 'apps/v1', kind, name: targetName },
      metric,
    },
  });
}

/** Warns when a long-running workload has no health probe (Checkov CKV_K8S_8/9, kube-score pod-probes). */
export function warnIfNoHealthProbe(w: HardenedWorkload): void {
  if (w.spec.healthProbe === undefined) {
    Annotations.of(w).addWarning('spec.healthProbe is not set: the pods get no liveness or readiness probe, so Services route to pods that are not ready and hung processes are never restarted (Checkov CKV_K8S_8/CKV_K8S_9, kube-score pod-probes).');
  }
}
