import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { defineRule, isTrue } from '../private/rule-kit';

/** DOCKER-ONLY-NEEDED-PORTS: publish only the declared ports. */
export const dockerOnlyNeededPorts = defineRule({
  ruleId: 'DOCKER-ONLY-NEEDED-PORTS',
  title: 'Only explicitly declared ports are published',
  severity: Severity.MEDIUM,
  source: 'CIS-D 5.9',
  resourceTypes: ['docker_container'],
  rationale: 'publish_all_ports publishes every EXPOSEd port of the image on all host interfaces; explicit ports[] are reviewed one by one.',
}, (attributes, findings) => {
  const value = attributes.publish_all_ports;
  if (isUnresolved(value)) findings.unknown('publish_all_ports', value);
  else if (isTrue(value)) findings.fail('publish_all_ports', value, 'set publish_all_ports = false and list the needed ports[]');
});
