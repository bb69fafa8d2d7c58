import { findAll, isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { asNumber, defineRule, stringList } from '../private/rule-kit';

/** DOCKER-HEALTHCHECK: health is checked at runtime. */
export const dockerHealthcheck = defineRule({
  ruleId: 'DOCKER-HEALTHCHECK',
  title: 'Container health is checked at runtime',
  severity: Severity.LOW,
  source: 'CIS-D 5.27 (4.6 for images)',
  resourceTypes: ['docker_container'],
  rationale: 'healthcheck.test must be set and not ["NONE"], and retries >= 1 (the provider default 0 never marks the container unhealthy). An image HEALTHCHECK is not visible at synth, so it does not count.',
}, (attributes, findings) => {
  if (typeof attributes.healthcheck === 'string' && isUnresolved(attributes.healthcheck)) return findings.unknown('healthcheck', attributes.healthcheck);
  const block = findAll(attributes, 'healthcheck')[0];
  if (!block || typeof block.value !== 'object' || block.value === null) {
    return findings.fail('healthcheck', undefined, 'add healthcheck { test = ["CMD", ...], retries = 3 }');
  }
  const check = block.value as Record<string, any>;
  const test = stringList(check.test);
  if (test.unresolved || test.items.some((i) => i.unresolved)) findings.unknown(`${block.path}.test`, check.test);
  else if (test.items.length === 0 || test.items[0].value.toUpperCase() === 'NONE') {
    findings.fail(`${block.path}.test`, check.test, 'set healthcheck.test to a real probe, e.g. ["CMD", "/healthz"]');
  }
  if (isUnresolved(check.retries)) findings.unknown(`${block.path}.retries`, check.retries);
  else if (!((asNumber(check.retries) ?? 0) >= 1)) findings.fail(`${block.path}.retries`, check.retries, 'set healthcheck.retries >= 1');
});
