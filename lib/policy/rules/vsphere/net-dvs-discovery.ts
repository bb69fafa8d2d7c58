import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { defineRule } from '../private/rule-kit';

/** NET-DVS-DISCOVERY: CDP/LLDP off unless used on purpose. */
export const netDvsDiscovery = defineRule({
  ruleId: 'NET-DVS-DISCOVERY',
  title: 'Link discovery (CDP/LLDP) is off',
  severity: Severity.LOW,
  source: 'STIG VCSA-80-000299; SCG8 vcenter-8.network-restrict-discovery-protocol',
  resourceTypes: ['vsphere_distributed_virtual_switch'],
  rationale: 'link_discovery_operation must be "none"; unset fails because the vSphere default is "listen". A switch that needs discovery is an exception to suppress.',
}, (attributes, findings) => {
  const value = attributes.link_discovery_operation;
  if (isUnresolved(value)) findings.unknown('link_discovery_operation', value);
  else if (String(value ?? '').toLowerCase() !== 'none') findings.fail('link_discovery_operation', value, 'set link_discovery_operation = "none"');
});
