import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { defineRule, isUnset } from '../private/rule-kit';

/** DOCKER-NO-CGROUP-PARENT: default cgroup placement. */
export const dockerNoCgroupParent = defineRule({
  ruleId: 'DOCKER-NO-CGROUP-PARENT',
  title: 'Container uses the default cgroup parent',
  severity: Severity.LOW,
  source: 'CIS-D 5.25',
  resourceTypes: ['docker_container'],
  rationale: 'A custom cgroup_parent can place the container outside the limits the daemon applies.',
}, (attributes, findings) => {
  const value = attributes.cgroup_parent;
  if (isUnresolved(value)) findings.unknown('cgroup_parent', value);
  else if (!isUnset(value)) findings.fail('cgroup_parent', value, 'remove cgroup_parent');
});
