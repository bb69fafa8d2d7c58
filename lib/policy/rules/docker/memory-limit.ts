import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { asNumber, defineRule } from '../private/rule-kit';

/** DOCKER-MEMORY-LIMIT: memory is limited. */
export const dockerMemoryLimit = defineRule({
  ruleId: 'DOCKER-MEMORY-LIMIT',
  title: 'Container memory is limited',
  severity: Severity.MEDIUM,
  source: 'CIS-D 5.11',
  resourceTypes: ['docker_container'],
  rationale: 'Without memory (MB) > 0 one container can exhaust the host and trigger the OOM killer on its neighbours.',
}, (attributes, findings) => {
  const value = attributes.memory;
  if (isUnresolved(value)) findings.unknown('memory', value);
  else if (!((asNumber(value) ?? 0) > 0)) findings.fail('memory', value, 'set memory to the container\'s limit in MB (> 0)');
});
