import { Severity } from '../../rule';
import { booleanRule } from '../private/rule-kit';

/** NET-DVPG-MACCHANGE: distributed port groups and switches reject guest MAC changes (`allow_mac_changes = false`). */
export const netDvpgMacchange = booleanRule({
  ruleId: 'NET-DVPG-MACCHANGE',
  title: 'Distributed port groups and switches reject guest MAC changes',
  severity: Severity.MEDIUM,
  source: 'STIG VCSA-80-000269; SCG8 vcenter-8.network-reject-mac-changes-dvportgroup',
  resourceTypes: ['vsphere_distributed_port_group', 'vsphere_distributed_virtual_switch'],
  attribute: 'allow_mac_changes',
  secure: false,
  unsetPasses: false,
  rationale: 'Set explicitly on both the port group and the switch default; unset fails.',
});
