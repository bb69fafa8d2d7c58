import { findAll, isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { defineRule } from '../private/rule-kit';

/** DOCKER-NO-SHARED-PROPAGATION: mount propagation is not shared. */
export const dockerNoSharedPropagation = defineRule({
  ruleId: 'DOCKER-NO-SHARED-PROPAGATION',
  title: 'Bind mounts do not use shared propagation',
  severity: Severity.MEDIUM,
  source: 'CIS-D 5.20',
  resourceTypes: ['docker_container'],
  rationale: 'Shared propagation lets mounts made inside the container appear on the host; unset means rprivate.',
}, (attributes, findings) => {
  for (const found of findAll(attributes, 'mounts.bind_options.propagation')) {
    if (isUnresolved(found.value)) findings.unknown(found.path, found.value);
    else if (['shared', 'rshared'].includes(String(found.value).trim().toLowerCase())) {
      findings.fail(found.path, found.value, 'remove propagation (rprivate) or use "private"/"slave"');
    }
  }
});
