import { Severity } from '../../rule';
import { securityOptions } from '../private/docker';
import { defineRule } from '../private/rule-kit';

/** DOCKER-SECCOMP: the default seccomp profile is not turned off. */
export const dockerSeccomp = defineRule({
  ruleId: 'DOCKER-SECCOMP',
  title: 'Seccomp filtering is not turned off',
  severity: Severity.HIGH,
  source: 'CIS-D 5.22',
  resourceTypes: ['docker_container'],
  rationale: 'seccomp=unconfined (or seccomp:unconfined) removes the syscall filter that blocks most kernel-escape primitives; unset keeps the daemon default profile.',
}, (attributes, findings) => {
  for (const option of securityOptions(attributes, findings)) {
    if (option.name === 'seccomp' && option.value === 'unconfined') findings.fail(option.path, option.raw, `remove "${option.raw}" (or point seccomp at a custom profile file)`);
  }
});
