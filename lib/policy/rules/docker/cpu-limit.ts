import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { asNumber, defineRule } from '../private/rule-kit';

/** DOCKER-CPU-LIMIT: CPU priority or limit is set. */
export const dockerCpuLimit = defineRule({
  ruleId: 'DOCKER-CPU-LIMIT',
  title: 'Container CPU is limited or prioritised',
  severity: Severity.MEDIUM,
  source: 'CIS-D 5.12',
  resourceTypes: ['docker_container'],
  rationale: 'Passes with a hard limit (cpu_quota > 0, or cpus > 0), or cpu_shares > 0 and not the default 1024 '
    + '(what docker-bench checks). The fix recommends cpu_period/cpu_quota: kreuzwerker/docker 3.6.2 panics on apply '
    + 'when cpus is set (provider issue #759).',
}, (attributes, findings) => {
  const limits: Array<[string, unknown]> = [['cpu_quota', attributes.cpu_quota], ['cpus', attributes.cpus]];
  const shares = attributes.cpu_shares;
  const sharesValue = asNumber(shares);
  if (limits.some(([, value]) => (asNumber(value) ?? 0) > 0) || ((sharesValue ?? 0) > 0 && sharesValue !== 1024)) return;
  const unresolved = [...limits, ['cpu_shares', shares] as [string, unknown]].find(([, value]) => isUnresolved(value));
  if (unresolved) {
    findings.unknown(unresolved[0], unresolved[1]);
    return;
  }
  const [path, found] = shares !== undefined ? ['cpu_shares', shares] : attributes.cpus !== undefined ? ['cpus', attributes.cpus] : ['cpu_quota', attributes.cpu_quota];
  findings.fail(path, found, 'set cpu_period = 100000 and cpu_quota (e.g. 100000 for one core), or cpu_shares (> 0, not 1024); avoid cpus, which crashes kreuzwerker/docker 3.6.2');
});
