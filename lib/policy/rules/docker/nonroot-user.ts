import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { defineRule, isUnset } from '../private/rule-kit';

function isRoot(part: string): boolean {
  return part === 'root' || /^0+$/.test(part);
}

/** DOCKER-NONROOT-USER: the container process runs as a non-root user and group. */
export const dockerNonrootUser = defineRule({
  ruleId: 'DOCKER-NONROOT-USER',
  title: 'Container runs as a non-root user and group',
  severity: Severity.HIGH,
  source: 'CIS-D 4.1',
  resourceTypes: ['docker_container'],
  rationale: 'user must be "<uid>:<gid>" with neither part root/0. Unset (the image may run as root) and a user without a group (the primary group may be 0) fail; names other than root are accepted.',
}, (attributes, findings) => {
  const user = attributes.user;
  if (isUnresolved(user)) return findings.unknown('user', user);
  if (isUnset(user)) return findings.fail('user', user, 'set user = "<uid>:<gid>" with non-zero ids, e.g. "10001:10001"');
  const [uid, gid] = String(user).trim().toLowerCase().split(':');
  if (isRoot(uid) || gid === undefined || gid === '' || isRoot(gid)) {
    findings.fail('user', user, 'set user = "<uid>:<gid>" with non-zero ids, e.g. "10001:10001"');
  }
});
