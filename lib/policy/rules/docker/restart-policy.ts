import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { asNumber, defineRule } from '../private/rule-kit';

/** DOCKER-RESTART-POLICY: restart only on failure, at most 5 times. */
export const dockerRestartPolicy = defineRule({
  ruleId: 'DOCKER-RESTART-POLICY',
  title: 'Container restarts only on failure, at most 5 times',
  severity: Severity.LOW,
  source: 'CIS-D 5.15',
  resourceTypes: ['docker_container'],
  rationale: '"no" (provider default) passes; "on-failure" needs max_retry_count 1-5 (0 means unlimited); "always" and "unless-stopped" restart a crashing or compromised container forever.',
}, (attributes, findings) => {
  const restart = attributes.restart;
  if (isUnresolved(restart)) return findings.unknown('restart', restart);
  const policy = restart === undefined || restart === null || restart === '' ? 'no' : String(restart).trim().toLowerCase();
  if (policy === 'no') return;
  if (policy !== 'on-failure') {
    return findings.fail('restart', restart, 'set restart = "on-failure" with max_retry_count between 1 and 5 (or "no")');
  }
  const retries = attributes.max_retry_count;
  if (isUnresolved(retries)) return findings.unknown('max_retry_count', retries);
  const n = asNumber(retries);
  if (n === undefined || n < 1 || n > 5) findings.fail('max_retry_count', retries, 'set max_retry_count between 1 and 5');
});
