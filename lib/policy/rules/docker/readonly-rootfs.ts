import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { defineRule, isTrue } from '../private/rule-kit';

/** DOCKER-READONLY-ROOTFS: the root filesystem is read-only. */
export const dockerReadonlyRootfs = defineRule({
  ruleId: 'DOCKER-READONLY-ROOTFS',
  title: 'Container root filesystem is read-only',
  severity: Severity.MEDIUM,
  source: 'CIS-D 5.13',
  resourceTypes: ['docker_container'],
  rationale: 'The provider default is read_only = false, so unset fails; writable paths come from size-capped tmpfs (DOCKER-WRITABLE-TMPFS).',
}, (attributes, findings) => {
  const value = attributes.read_only;
  if (isUnresolved(value)) findings.unknown('read_only', value);
  else if (!isTrue(value)) findings.fail('read_only', value, 'set read_only = true and mount size-capped tmpfs where the process writes');
});
