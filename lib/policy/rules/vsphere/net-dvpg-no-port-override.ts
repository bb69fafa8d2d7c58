import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { defineRule, isTrue } from '../private/rule-kit';

const OVERRIDES = [
  'security_policy_override_allowed', 'vlan_override_allowed', 'shaping_override_allowed', 'uplink_teaming_override_allowed',
  'netflow_override_allowed', 'network_resource_pool_override_allowed', 'traffic_filter_override_allowed',
];

/** NET-DVPG-NO-PORT-OVERRIDE: port-level settings cannot override the port group. */
export const netDvpgNoPortOverride = defineRule({
  ruleId: 'NET-DVPG-NO-PORT-OVERRIDE',
  title: 'Ports cannot override the port group\'s policies',
  severity: Severity.MEDIUM,
  source: 'STIG VCSA-80-000301; SCG8 vcenter-8.network-restrict-port-level-overrides',
  resourceTypes: ['vsphere_distributed_port_group'],
  rationale: `${OVERRIDES.join(', ')} must not be true; unset passes (vCenter default false). block_override_allowed may stay true, as may port_config_reset_at_disconnect.`,
}, (attributes, findings) => {
  for (const attribute of OVERRIDES) {
    const value = attributes[attribute];
    if (isUnresolved(value)) findings.unknown(attribute, value);
    else if (isTrue(value)) findings.fail(attribute, value, `set ${attribute} = false`);
  }
});
