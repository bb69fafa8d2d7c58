import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { asNumber, defineRule } from '../private/rule-kit';

/** NET-VSS-NO-VGT: no guest VLAN tagging on standard port groups. */
export const netVssNoVgt = defineRule({
  ruleId: 'NET-VSS-NO-VGT',
  title: 'Standard port groups do not pass VLAN tags to guests (VLAN 4095)',
  severity: Severity.MEDIUM,
  source: 'STIG ESXI-80-000220; SCG8 esxi-8.network-vgt',
  resourceTypes: ['vsphere_host_port_group'],
  rationale: 'vlan_id 4095 hands every VLAN to the guest (virtual guest tagging); an authorised trunk is an exception to suppress. NET-DVPG-NATIVE-VLAN and NET-DVPG-RESERVED-VLAN also check these port groups.',
}, (attributes, findings) => {
  const value = attributes.vlan_id;
  if (isUnresolved(value)) findings.unknown('vlan_id', value);
  else if (asNumber(value) === 4095) findings.fail('vlan_id', value, 'set vlan_id to the port group\'s single VLAN');
});
