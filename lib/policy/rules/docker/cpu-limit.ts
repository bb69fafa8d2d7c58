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
  rationale: 'Passes with cpus > 0, or cpu_shares > 0 and not the default 1024 (what docker-bench checks).',
}, (attributes, findings) => {
  const cpus = attributes.cpus;
  const shares = attributes.cpu_shares;
  const cpusValue = asNumber(cpus);
  const sharesValue = asNumber(shares);
  if ((cpusValue ?? 0) > 0 || ((sharesValue ?? 0) > 0 && sharesValue !== 1024)) return;
  if (isUnresolved(cpus) || isUnresolved(shares)) {
    findings.unknown(isUnresolved(cpus) ? 'cpus' : 'cpu_shares', isUnresolved(cpus) ? cpus : shares);
    return;
  }
  findings.fail(cpus !== undefined || shares === undefined ? 'cpus' : 'cpu_shares', cpus ?? shares, 'set cpus (e.g. "1.0") or cpu_shares (> 0, not 1024)');
});
