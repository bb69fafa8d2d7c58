// The @cdktf/provider-kubernetes classes the library constructs, each loaded on first use: loading every
// resource module up front made require('cdktf-hybrid') several times slower than require('cdktf'), and an
// app that builds no such resource never needs them. Types are imported for the compiler only.
/* eslint-disable @typescript-eslint/no-require-imports */
import { lazily } from '../../core/private/lazily';
import type * as configMapV1Module from '@cdktf/provider-kubernetes/lib/config-map-v1';
import type * as cronJobV1Module from '@cdktf/provider-kubernetes/lib/cron-job-v1';
import type * as daemonSetV1Module from '@cdktf/provider-kubernetes/lib/daemon-set-v1';
import type * as deploymentV1Module from '@cdktf/provider-kubernetes/lib/deployment-v1';
import type * as horizontalPodAutoscalerV2Module from '@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2';
import type * as ingressV1Module from '@cdktf/provider-kubernetes/lib/ingress-v1';
import type * as jobV1Module from '@cdktf/provider-kubernetes/lib/job-v1';
import type * as limitRangeV1Module from '@cdktf/provider-kubernetes/lib/limit-range-v1';
import type * as namespaceV1Module from '@cdktf/provider-kubernetes/lib/namespace-v1';
import type * as networkPolicyV1Module from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import type * as podDisruptionBudgetV1Module from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import type * as resourceQuotaV1Module from '@cdktf/provider-kubernetes/lib/resource-quota-v1';
import type * as runtimeClassV1Module from '@cdktf/provider-kubernetes/lib/runtime-class-v1';
import type * as secretV1Module from '@cdktf/provider-kubernetes/lib/secret-v1';
import type * as serviceAccountV1Module from '@cdktf/provider-kubernetes/lib/service-account-v1';
import type * as serviceV1Module from '@cdktf/provider-kubernetes/lib/service-v1';
import type * as statefulSetV1Module from '@cdktf/provider-kubernetes/lib/stateful-set-v1';

/** Provider classes of @cdktf/provider-kubernetes, required when first read. */
export const k8s = lazily({
  ConfigMapV1: () => (require('@cdktf/provider-kubernetes/lib/config-map-v1') as typeof configMapV1Module).ConfigMapV1,
  CronJobV1: () => (require('@cdktf/provider-kubernetes/lib/cron-job-v1') as typeof cronJobV1Module).CronJobV1,
  DaemonSetV1: () => (require('@cdktf/provider-kubernetes/lib/daemon-set-v1') as typeof daemonSetV1Module).DaemonSetV1,
  DeploymentV1: () => (require('@cdktf/provider-kubernetes/lib/deployment-v1') as typeof deploymentV1Module).DeploymentV1,
  HorizontalPodAutoscalerV2: () => (require('@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2') as typeof horizontalPodAutoscalerV2Module).HorizontalPodAutoscalerV2,
  IngressV1: () => (require('@cdktf/provider-kubernetes/lib/ingress-v1') as typeof ingressV1Module).IngressV1,
  JobV1: () => (require('@cdktf/provider-kubernetes/lib/job-v1') as typeof jobV1Module).JobV1,
  LimitRangeV1: () => (require('@cdktf/provider-kubernetes/lib/limit-range-v1') as typeof limitRangeV1Module).LimitRangeV1,
  NamespaceV1: () => (require('@cdktf/provider-kubernetes/lib/namespace-v1') as typeof namespaceV1Module).NamespaceV1,
  NetworkPolicyV1: () => (require('@cdktf/provider-kubernetes/lib/network-policy-v1') as typeof networkPolicyV1Module).NetworkPolicyV1,
  PodDisruptionBudgetV1: () => (require('@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1') as typeof podDisruptionBudgetV1Module).PodDisruptionBudgetV1,
  ResourceQuotaV1: () => (require('@cdktf/provider-kubernetes/lib/resource-quota-v1') as typeof resourceQuotaV1Module).ResourceQuotaV1,
  RuntimeClassV1: () => (require('@cdktf/provider-kubernetes/lib/runtime-class-v1') as typeof runtimeClassV1Module).RuntimeClassV1,
  SecretV1: () => (require('@cdktf/provider-kubernetes/lib/secret-v1') as typeof secretV1Module).SecretV1,
  ServiceAccountV1: () => (require('@cdktf/provider-kubernetes/lib/service-account-v1') as typeof serviceAccountV1Module).ServiceAccountV1,
  ServiceV1: () => (require('@cdktf/provider-kubernetes/lib/service-v1') as typeof serviceV1Module).ServiceV1,
  StatefulSetV1: () => (require('@cdktf/provider-kubernetes/lib/stateful-set-v1') as typeof statefulSetV1Module).StatefulSetV1,
});
