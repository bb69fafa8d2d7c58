import { Severity } from '../../rule';
import { booleanRule } from '../private/rule-kit';

/** DOCKER-READONLY-ROOTFS: the root filesystem is read-only. */
export const dockerReadonlyRootfs = booleanRule({
  ruleId: 'DOCKER-READONLY-ROOTFS',
  title: 'Container root filesystem is read-only',
  severity: Severity.MEDIUM,
  source: 'CIS-D 5.13',
  resourceTypes: ['docker_container'],
  attribute: 'read_only',
  secure: true,
  unsetPasses: false,
  fix: 'set read_only = true and mount size-capped tmpfs where the process writes',
  rationale: 'The provider default is read_only = false, so unset fails; writable paths come from size-capped tmpfs (DOCKER-WRITABLE-TMPFS).',
});
