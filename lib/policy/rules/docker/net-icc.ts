import { isUnresolved } from '../../private/attributes';
import { RuleResult, Severity } from '../../rule';
import { defineRule, isFalse, isTrue, isUnset, mapPath, stringMap } from '../private/rule-kit';

const ICC = 'com.docker.network.bridge.enable_icc';

/** DOCKER-NET-ICC: containers on a user-defined bridge cannot talk to each other unless meant to. */
export const dockerNetIcc = defineRule({
  ruleId: 'DOCKER-NET-ICC',
  title: 'User-defined bridge networks restrict inter-container traffic',
  severity: Severity.LOW,
  source: 'CIS-D 2.2 (applied to user-defined bridges)',
  resourceTypes: ['docker_network'],
  rationale: 'A bridge network (driver unset or "bridge") passes with internal = true or options["com.docker.network.bridge.enable_icc"] = "false". '
    + 'Other drivers are NOT_APPLICABLE unless internal is set. A network where containers must talk to each other is an exception to suppress with a reason.',
}, (attributes, findings) => {
  if (isUnresolved(attributes.internal)) return findings.unknown('internal', attributes.internal);
  if (isTrue(attributes.internal)) return;
  if (isUnresolved(attributes.driver)) return findings.unknown('driver', attributes.driver);
  if (!isUnset(attributes.driver) && String(attributes.driver).toLowerCase() !== 'bridge') return RuleResult.notApplicable();
  const options = stringMap(attributes.options);
  if (options.unresolved) return findings.unknown('options', attributes.options);
  const icc = options.entries.find(([k]) => k.toLowerCase() === ICC);
  if (icc && isUnresolved(icc[1])) return findings.unknown(mapPath('options', icc[0]), icc[1]);
  if (icc && isFalse(icc[1])) return;
  findings.fail(mapPath('options', icc?.[0] ?? ICC), icc?.[1], `set options["${ICC}"] = "false", or internal = true for a back-end-only network`);
});

