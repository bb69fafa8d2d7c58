import { blocksOf, isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { asNumber, defineRule } from '../private/rule-kit';

/** DOCKER-NO-PRIV-PORTS: no privileged host ports (1-1024) mapped. */
export const dockerNoPrivPorts = defineRule({
  ruleId: 'DOCKER-NO-PRIV-PORTS',
  title: 'No privileged host port (1-1024) is mapped',
  severity: Severity.MEDIUM,
  source: 'CIS-D 5.8',
  resourceTypes: ['docker_container'],
  rationale: 'Unset external lets Docker pick an ephemeral port (>= 32768); explicit host ports must be above 1024, as docker-bench flags 1-1024.',
}, (attributes, findings) => {
  if (typeof attributes.ports === 'string' && isUnresolved(attributes.ports)) findings.unknown('ports', attributes.ports);
  for (const port of blocksOf(attributes, 'ports')) {
    const external = (port.value as Record<string, any>)?.external;
    if (external === undefined || external === null) continue;
    if (isUnresolved(external)) {
      findings.unknown(`${port.path}.external`, external);
      continue;
    }
    const n = asNumber(external);
    if (n !== undefined && n >= 1 && n <= 1024) {
      findings.fail(`${port.path}.external`, external, 'map the port to a host port above 1024 (or leave external unset) and put a proxy in front', `port=${n}`);
    }
  }
});
