import { Severity } from '../../rule';
import { securityOptions } from '../private/docker';
import { defineRule } from '../private/rule-kit';

/** DOCKER-NO-NEW-PRIVILEGES: processes cannot gain privileges (no_new_privs). */
export const dockerNoNewPrivileges = defineRule({
  ruleId: 'DOCKER-NO-NEW-PRIVILEGES',
  title: 'Processes cannot gain new privileges',
  severity: Severity.HIGH,
  source: 'CIS-D 5.26',
  resourceTypes: ['docker_container'],
  rationale: 'security_opts must contain no-new-privileges ("=true", the deprecated ":true" or the bare flag, as Docker accepts); setuid binaries then cannot raise privileges. ":false" or a missing entry fails.',
}, (attributes, findings) => {
  const options = securityOptions(attributes, findings).filter((o) => o.name === 'no-new-privileges');
  const on = options.some((o) => o.value === '' || o.value === 'true');
  for (const option of options) {
    if (option.value === 'false') findings.fail(option.path, option.raw, 'use "no-new-privileges=true" (the ":" form is deprecated in Docker)');
  }
  if (!on && options.length === 0 && findings.unknowns.length === 0) {
    findings.fail('security_opts', attributes.security_opts, 'add "no-new-privileges=true" to security_opts');
  }
});
