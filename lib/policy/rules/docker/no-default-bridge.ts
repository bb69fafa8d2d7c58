import { blocksOf, findAll, isAttributeReference, isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { defineRule, isUnset } from '../private/rule-kit';

/** DOCKER-NO-DEFAULT-BRIDGE: the default docker0 bridge is not used. */
export const dockerNoDefaultBridge = defineRule({
  ruleId: 'DOCKER-NO-DEFAULT-BRIDGE',
  title: 'Container is not attached to the default docker0 bridge',
  severity: Severity.LOW,
  source: 'CIS-D 5.30',
  resourceTypes: ['docker_container'],
  rationale: 'network_mode "bridge"/"default", or no network_mode and no networks_advanced, lands on docker0 where every container can reach every other. '
    + 'networks_advanced (the provider then leaves the default bridge) passes unless it names "bridge"; "none" and "container:<id>" pass.',
}, (attributes, findings) => {
  const mode = attributes.network_mode;
  const networks = blocksOf(attributes, 'networks_advanced');
  if (isUnresolved(mode)) return findings.unknown('network_mode', mode);
  const modeText = isUnset(mode) ? undefined : String(mode).trim().toLowerCase();
  if (modeText === 'bridge' || modeText === 'default') {
    findings.fail('network_mode', mode, 'remove network_mode and attach a user-defined docker_network through networks_advanced');
  } else if (modeText === undefined && networks.length === 0) {
    findings.fail('networks_advanced', undefined, 'attach a user-defined docker_network through networks_advanced');
  }
  for (const name of findAll(attributes, 'networks_advanced.name')) {
    // a reference to a docker_network is a user-defined network; a variable may say "bridge"
    if (isAttributeReference(name.value)) continue;
    if (isUnresolved(name.value)) {
      findings.unknown(name.path, name.value);
      continue;
    }
    if (String(name.value).toLowerCase() === 'bridge') findings.fail(name.path, name.value, 'attach a user-defined docker_network instead of "bridge"');
  }
});
