import { Severity } from '../../rule';
import { booleanRule } from '../private/rule-kit';

/** DOCKER-NO-PRIVILEGED: no privileged containers. */
export const dockerNoPrivileged = booleanRule({
  ruleId: 'DOCKER-NO-PRIVILEGED',
  title: 'Container is not privileged',
  severity: Severity.HIGH,
  source: 'CIS-D 5.5',
  resourceTypes: ['docker_container'],
  attribute: 'privileged',
  secure: false,
  unsetPasses: true,
  fix: 'set privileged = false and add only the capabilities the process needs',
  rationale: 'A privileged container gets every capability and every host device; unset means false (provider default).',
});
