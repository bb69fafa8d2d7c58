import { JobV1, JobV1SpecTemplate } from '@cdktf/provider-kubernetes/lib/job-v1';
import { Construct } from 'constructs';
import { checkIntegerRange } from '../core/private/validation';
import { JobRestartPolicy } from './hardened-cron-job';
import { HardenedWorkload, HardenedWorkloadProps } from './hardened-workload';
import { validateJobRun } from './private/job';
import { MANAGED_BY_LABELS } from './private/labels';
import { renderPodTemplate } from './private/pod-template';
import { checkConstruct } from '../core/private/shapes';
import { k8s } from './private/providers';

/** Props of a `HardenedJob`. */
export interface HardenedJobProps extends HardenedWorkloadProps {
  /**
   * Seconds the job may run before it is stopped (1-604800).
   * @default 3600
   */
  readonly activeDeadlineSeconds?: number;
  /**
   * Retries before the job counts as failed (0-100).
   * @default 3
   */
  readonly backoffLimit?: number;
  /**
   * Successful pods the job needs (1-1000).
   * @default 1
   */
  readonly completions?: number;
  /**
   * Pods that run at the same time (1-1000, at most `completions`).
   * @default 1
   */
  readonly parallelism?: number;
  /**
   * Seconds after which Kubernetes deletes the finished job. Terraform then sees the Job gone and
   * creates it again at the next apply, so the job runs again: leave it unset for a run-once job.
   * @default - the finished job is kept (Terraform owns its lifecycle)
   */
  readonly ttlSecondsAfterFinished?: number;
  /**
   * Restart policy of the job's pods.
   * @default JobRestartPolicy.ON_FAILURE
   */
  readonly restartPolicy?: JobRestartPolicy;
  /**
   * Make `terraform apply` wait until the job has completed (and fail when it fails).
   * @default false
   */
  readonly waitForCompletion?: boolean;
}

/**
 * A run-to-completion job (`kubernetes_job_v1`), e.g. a migration, whose pods meet Pod Security
 * "restricted". Runs with an active deadline and a backoff limit by default. Also creates the
 * dedicated ServiceAccount, the NetworkPolicy and, when needed, the env Secret and Service.
 *
 * A change to the pod template replaces the Job (Kubernetes does not allow updating it), which runs it again.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/job/
 */
export class HardenedJob extends HardenedWorkload {
  /** Escape hatch: the `kubernetes_job_v1`. */
  public readonly resource: JobV1;
  /** The restart policy of the pods. */
  public readonly restartPolicy: JobRestartPolicy;

  constructor(scope: Construct, id: string, props: HardenedJobProps) {
    checkConstruct(scope, id, 'HardenedJob', [props]);
    super(scope, id, props);
    this.restartPolicy = props.restartPolicy ?? JobRestartPolicy.ON_FAILURE;
    const labels = { ...MANAGED_BY_LABELS, ...this.selectorLabels };
    const template = renderPodTemplate(this, { restartPolicy: this.restartPolicy, replicas: 1, spreadAcrossZones: false }) as unknown as JobV1SpecTemplate;
    this.resource = new k8s.JobV1(this, 'Resource', {
      metadata: { name: this.workloadName, namespace: this.namespaceName, labels },
      waitForCompletion: props.waitForCompletion ?? false,
      spec: {
        activeDeadlineSeconds: props.activeDeadlineSeconds ?? 3600,
        backoffLimit: props.backoffLimit ?? 3,
        completions: props.completions ?? 1,
        parallelism: props.parallelism ?? 1,
        ttlSecondsAfterFinished: props.ttlSecondsAfterFinished === undefined ? undefined : String(props.ttlSecondsAfterFinished),
        template,
      },
    });
  }

  protected validateKindProps(props: HardenedWorkloadProps): void {
    const p = props as HardenedJobProps;
    validateJobRun(this, p);
    const completions = p.completions ?? 1;
    checkIntegerRange(this, 'completions', completions, 1, 1000);
    checkIntegerRange(this, 'parallelism', p.parallelism ?? 1, 1, completions, 'Run at most as many pods at once as the job needs completions.');
  }
}
