import { Severity } from '../../rule';
import { booleanRule } from '../private/rule-kit';

/** DOCKER-ONLY-NEEDED-PORTS: publish only the declared ports. */
export const dockerOnlyNeededPorts = booleanRule({
  ruleId: 'DOCKER-ONLY-NEEDED-PORTS',
  title: 'Only explicitly declared ports are published',
  severity: Severity.MEDIUM,
  source: 'CIS-D 5.9',
  resourceTypes: ['docker_container'],
  attribute: 'publish_all_ports',
  secure: false,
  unsetPasses: true,
  fix: 'set publish_all_ports = false and list the needed ports[]',
  rationale: 'publish_all_ports publishes every EXPOSEd port of the image on all host interfaces; explicit ports[] are reviewed one by one.',
});
