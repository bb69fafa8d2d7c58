import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { defineRule, isTrue } from '../private/rule-kit';

/** DOCKER-NO-PRIVILEGED: no privileged containers. */
export const dockerNoPrivileged = defineRule({
  ruleId: 'DOCKER-NO-PRIVILEGED',
  title: 'Container is not privileged',
  severity: Severity.HIGH,
  source: 'CIS-D 5.5',
  resourceTypes: ['docker_container'],
  rationale: 'A privileged container gets every capability and every host device; unset means false (provider default).',
}, (attributes, findings) => {
  const value = attributes.privileged;
  if (isUnresolved(value)) findings.unknown('privileged', value);
  else if (isTrue(value)) findings.fail('privileged', value, 'set privileged = false and add only the capabilities the process needs');
});
