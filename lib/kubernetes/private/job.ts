import { Construct } from 'constructs';
import { invalid } from '../../core/private/errors';
import { checkIntegerRange } from '../../core/private/validation';

/** What a Job and a CronJob's job template share. */
export interface JobRunProps {
  readonly activeDeadlineSeconds?: number;
  readonly backoffLimit?: number;
  readonly ttlSecondsAfterFinished?: number;
  readonly restartPolicy?: string;
}

const RESTART_POLICIES = ['OnFailure', 'Never'];

/** Validates the run settings of a job: deadline, retries, TTL and restart policy. */
export function validateJobRun(scope: Construct, p: JobRunProps): void {
  if (p.restartPolicy !== undefined && !RESTART_POLICIES.includes(p.restartPolicy)) {
    throw invalid(scope, 'restartPolicy', 'is not OnFailure or Never (jobs cannot restart Always)', p.restartPolicy, 'Use JobRestartPolicy.ON_FAILURE or JobRestartPolicy.NEVER.');
  }
  checkIntegerRange(scope, 'activeDeadlineSeconds', p.activeDeadlineSeconds ?? 3600, 1, 604800);
  checkIntegerRange(scope, 'backoffLimit', p.backoffLimit ?? 3, 0, 100);
  if (p.ttlSecondsAfterFinished !== undefined) checkIntegerRange(scope, 'ttlSecondsAfterFinished', p.ttlSecondsAfterFinished, 0, 2592000);
}
