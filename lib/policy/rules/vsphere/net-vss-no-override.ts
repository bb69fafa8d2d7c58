import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { defineRule, isFalse } from '../private/rule-kit';

/** NET-VSS-NO-OVERRIDE: standard port groups inherit the switch security policy. */
export const netVssNoOverride = defineRule({
  ruleId: 'NET-VSS-NO-OVERRIDE',
  title: 'Standard port groups inherit the switch security policy',
  severity: Severity.MEDIUM,
  source: 'STIG ESXI-80-000216/217 check text',
  resourceTypes: ['vsphere_host_port_group'],
  rationale: 'Any allow_promiscuous, allow_forged_transmits or allow_mac_changes on a vsphere_host_port_group is an override of the switch policy and a STIG finding, even when false; set the policy on vsphere_host_virtual_switch.',
}, (attributes, findings) => {
  for (const attribute of ['allow_promiscuous', 'allow_forged_transmits', 'allow_mac_changes']) {
    const value = attributes[attribute];
    if (value === undefined || value === null) continue;
    if (isUnresolved(value)) findings.unknown(attribute, value);
    else findings.fail(attribute, value, isFalse(value)
      ? `remove ${attribute} (an override, even to false); set it to false on the vsphere_host_virtual_switch`
      : `remove ${attribute} = true and set ${attribute} = false on the vsphere_host_virtual_switch`);
  }
});
