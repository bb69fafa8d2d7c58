import { CronJobV1, CronJobV1SpecJobTemplateSpecTemplate } from '@cdktf/provider-kubernetes/lib/cron-job-v1';
import { Construct } from 'constructs';
import { invalid } from '../core/private/errors';
import { checkIntegerRange, isUnresolved } from '../core/private/validation';
import { HardenedWorkload, HardenedWorkloadProps } from './hardened-workload';
import { MANAGED_BY_LABELS } from './private/labels';
import { validateJobRun } from './private/job';
import { renderPodTemplate } from './private/pod-template';
import { checkConstruct } from '../core/private/shapes';
import { k8s } from './private/providers';

/** What a CronJob does when a run is due while the previous one still runs. */
export enum ConcurrencyPolicy {
  /** Start the new run anyway. */
  ALLOW = 'Allow',
  /** Skip the new run. */
  FORBID = 'Forbid',
  /** Stop the running job and start the new one. */
  REPLACE = 'Replace',
}

/** Restart policy of a job's pods. */
export enum JobRestartPolicy {
  /** Restart failed containers in the same pod. */
  ON_FAILURE = 'OnFailure',
  /** Never restart; a failed pod counts against the backoff limit and a new pod is created. */
  NEVER = 'Never',
}

/** Props of a `HardenedCronJob`. */
export interface HardenedCronJobProps extends HardenedWorkloadProps {
  /** Cron schedule: five fields (`"0 3 * * *"`) or a macro such as `@hourly`. */
  readonly schedule: string;
  /**
   * IANA time zone of the schedule, e.g. `Europe/Berlin`.
   * @default - the kube-controller-manager's time zone
   */
  readonly timeZone?: string;
  /**
   * What to do when a run is due while the previous one still runs.
   * @default ConcurrencyPolicy.FORBID
   */
  readonly concurrencyPolicy?: ConcurrencyPolicy;
  /**
   * Finished successful jobs to keep (0-100).
   * @default 3
   */
  readonly successfulJobsHistoryLimit?: number;
  /**
   * Failed jobs to keep (0-100).
   * @default 1
   */
  readonly failedJobsHistoryLimit?: number;
  /**
   * Seconds after the scheduled time within which a missed run may still start (kube-score cronjob-has-deadline).
   * @default 300
   */
  readonly startingDeadlineSeconds?: number;
  /**
   * Seconds a job may run before it is stopped (1-604800).
   * @default 3600
   */
  readonly activeDeadlineSeconds?: number;
  /**
   * Retries before a job counts as failed (0-100).
   * @default 3
   */
  readonly backoffLimit?: number;
  /**
   * Seconds a finished job is kept before it is deleted (0-2592000).
   * @default 86400
   */
  readonly ttlSecondsAfterFinished?: number;
  /**
   * Restart policy of the job's pods (kube-score cronjob-restartpolicy).
   * @default JobRestartPolicy.ON_FAILURE
   */
  readonly restartPolicy?: JobRestartPolicy;
}

const MACRO = /^@(yearly|annually|monthly|weekly|daily|midnight|hourly)$/;
const FIELD = /^(\*|\?|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/[0-9]+)?(,(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/[0-9]+)?)*$/;
const TIME_ZONE = /^[A-Za-z]+(\/[A-Za-z0-9_+-]+)*$|^UTC$|^Etc\/[A-Za-z0-9+-]+$/;
let zones: Set<string> | undefined;

/**
 * True for a name of the IANA time zone database the runtime ships (`Intl.supportedValuesOf`), or
 * one of its links the runtime resolves (`Etc/UTC`, `US/Eastern`): "Mars/Olympus" has the right shape but is no zone.
 */
function isKnownTimeZone(name: string): boolean {
  if (typeof name !== 'string' || !TIME_ZONE.test(name)) return false;
  zones ??= new Set((Intl as unknown as { supportedValuesOf(key: string): string[] }).supportedValuesOf('timeZone'));
  if (zones.has(name)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * A scheduled job (`kubernetes_cron_job_v1`) whose pods meet Pod Security "restricted".
 *
 * Runs with `Forbid` concurrency, bounded history, a starting deadline, an active deadline,
 * a backoff limit and a TTL for finished jobs by default. Also creates the dedicated
 * ServiceAccount, the NetworkPolicy and, when needed, the env Secret and Service.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/
 */
export class HardenedCronJob extends HardenedWorkload {
  /** Escape hatch: the `kubernetes_cron_job_v1`. */
  public readonly resource: CronJobV1;
  /** The schedule. */
  public readonly schedule: string;
  /** The concurrency policy. */
  public readonly concurrencyPolicy: ConcurrencyPolicy;
  /** The restart policy of the pods. */
  public readonly restartPolicy: JobRestartPolicy;

  constructor(scope: Construct, id: string, props: HardenedCronJobProps) {
    checkConstruct(scope, id, 'HardenedCronJob', [props]);
    super(scope, id, props);
    this.schedule = props.schedule;
    this.concurrencyPolicy = props.concurrencyPolicy ?? ConcurrencyPolicy.FORBID;
    this.restartPolicy = props.restartPolicy ?? JobRestartPolicy.ON_FAILURE;
    const labels = { ...MANAGED_BY_LABELS, ...this.selectorLabels };

    const template = renderPodTemplate(this, {
      restartPolicy: this.restartPolicy,
      replicas: 1,
      spreadAcrossZones: false,
    }) as unknown as CronJobV1SpecJobTemplateSpecTemplate;

    this.resource = new k8s.CronJobV1(this, 'Resource', {
      metadata: { name: this.workloadName, namespace: this.namespaceName, labels },
      spec: {
        schedule: props.schedule,
        timezone: props.timeZone,
        concurrencyPolicy: this.concurrencyPolicy,
        successfulJobsHistoryLimit: props.successfulJobsHistoryLimit ?? 3,
        failedJobsHistoryLimit: props.failedJobsHistoryLimit ?? 1,
        startingDeadlineSeconds: props.startingDeadlineSeconds ?? 300,
        jobTemplate: {
          metadata: { labels },
          spec: {
            activeDeadlineSeconds: props.activeDeadlineSeconds ?? 3600,
            backoffLimit: props.backoffLimit ?? 3,
            ttlSecondsAfterFinished: String(props.ttlSecondsAfterFinished ?? 86400),
            template,
          },
        },
      },
    });
  }

  protected validateKindProps(props: HardenedWorkloadProps): void {
    const p = props as HardenedCronJobProps;
    const schedule = p.schedule;
    if (!isUnresolved(schedule)) {
      const fields = typeof schedule === 'string' ? schedule.trim().split(/\s+/) : [];
      const ok = typeof schedule === 'string' && (MACRO.test(schedule) || (fields.length === 5 && fields.every((f) => FIELD.test(f))));
      if (!ok || /TZ=/.test(String(schedule))) {
        throw invalid(this, 'schedule', 'is not a five-field cron expression or macro', schedule,
          'Use e.g. "0 3 * * *", "*/15 * * * *" or "@hourly"; set the time zone with timeZone, not "TZ=" in the schedule.');
      }
    }
    if (p.timeZone !== undefined && !isUnresolved(p.timeZone) && !isKnownTimeZone(p.timeZone)) {
      throw invalid(this, 'timeZone', 'is not an IANA time zone name known to the time zone database', p.timeZone, 'Use e.g. "Europe/Berlin" or "UTC".');
    }
    if (p.concurrencyPolicy !== undefined && !Object.values(ConcurrencyPolicy).includes(p.concurrencyPolicy)) {
      throw invalid(this, 'concurrencyPolicy', 'is not a known policy', p.concurrencyPolicy, 'Use a ConcurrencyPolicy value.');
    }
    validateJobRun(this, { ...p, ttlSecondsAfterFinished: p.ttlSecondsAfterFinished ?? 86400 });
    checkIntegerRange(this, 'successfulJobsHistoryLimit', p.successfulJobsHistoryLimit ?? 3, 0, 100);
    checkIntegerRange(this, 'failedJobsHistoryLimit', p.failedJobsHistoryLimit ?? 1, 0, 100);
    checkIntegerRange(this, 'startingDeadlineSeconds', p.startingDeadlineSeconds ?? 300, 10, 86400,
      'Use 10-86400 seconds; below 10 the controller may skip runs.');
  }
}
