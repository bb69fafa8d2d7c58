import { CronJobV1 } from '@cdktf/provider-kubernetes/lib/cron-job-v1';
import { Testing } from 'cdktf';
import { Node } from 'constructs';
import { ConcurrencyPolicy, HardenedCronJob, HardenedNamespace, JobRestartPolicy } from '../../lib';
import { apiSpec, resourceOf, setup, synth } from './helpers';

const jobSpec = apiSpec({ name: 'report', ports: undefined, healthProbe: undefined, args: ['--nightly'] });

function cronJob(props: Partial<ConstructorParameters<typeof HardenedCronJob>[2]> = {}) {
  const { stack, namespace } = setup();
  const workload = new HardenedCronJob(stack, 'Report', { namespace, workloadName: 'report', schedule: '0 3 * * *', spec: jobSpec, ...props });
  const json = synth(stack);
  return { workload, json, resource: resourceOf(json, 'kubernetes_cron_job_v1', 'Report') };
}

describe('HardenedCronJob', () => {
  test('default output (snapshot)', () => {
    expect(Testing.synthScope((s) => {
      const namespace = new HardenedNamespace(s, 'Shop', { namespaceName: 'shop' });
      new HardenedCronJob(s, 'Report', { namespace, schedule: '0 3 * * *', spec: jobSpec });
    })).toMatchSnapshot();
  });

  test('escape hatch: defaultChild is the cron job', () => {
    const { workload } = cronJob();
    expect(Node.of(workload).defaultChild).toBe(workload.resource);
    expect(workload.resource).toBeInstanceOf(CronJobV1);
    expect(workload.serviceResource).toBeUndefined();
  });

  test('defaults: Forbid, bounded history, starting deadline (kube-score cronjob-has-deadline), active deadline, backoff, TTL, OnFailure', () => {
    const { resource } = cronJob();
    expect(resource.spec).toMatchObject({
      schedule: '0 3 * * *', concurrency_policy: 'Forbid', successful_jobs_history_limit: 3, failed_jobs_history_limit: 1, starting_deadline_seconds: 300,
    });
    expect(resource.spec.job_template.spec).toMatchObject({ active_deadline_seconds: 3600, backoff_limit: 3, ttl_seconds_after_finished: '86400' });
    expect(resource.spec.job_template.spec.template.spec.restart_policy).toBe('OnFailure');
  });

  test('options: concurrency, history, deadlines, time zone, restart policy Never', () => {
    const { resource } = cronJob({
      schedule: '@hourly', timeZone: 'Europe/Berlin', concurrencyPolicy: ConcurrencyPolicy.REPLACE, successfulJobsHistoryLimit: 1, failedJobsHistoryLimit: 5,
      startingDeadlineSeconds: 60, activeDeadlineSeconds: 600, backoffLimit: 0, ttlSecondsAfterFinished: 0, restartPolicy: JobRestartPolicy.NEVER,
    });
    expect(resource.spec).toMatchObject({ schedule: '@hourly', timezone: 'Europe/Berlin', concurrency_policy: 'Replace', successful_jobs_history_limit: 1, failed_jobs_history_limit: 5, starting_deadline_seconds: 60 });
    expect(resource.spec.job_template.spec).toMatchObject({ active_deadline_seconds: 600, backoff_limit: 0, ttl_seconds_after_finished: '0' });
    expect(resource.spec.job_template.spec.template.spec.restart_policy).toBe('Never');
  });

  test('no spreading or PDB for jobs; no probes without a health probe', () => {
    const { resource } = cronJob();
    const pod = resource.spec.job_template.spec.template.spec;
    expect(pod.affinity).toBeUndefined();
    expect(pod.container[0].liveness_probe).toBeUndefined();
    expect(pod.container[0].args).toEqual(['--nightly']);
  });
});
