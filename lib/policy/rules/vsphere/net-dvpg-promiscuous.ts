import { Severity } from '../../rule';
import { booleanRule } from '../private/rule-kit';

/** NET-DVPG-PROMISCUOUS: distributed port groups and switches reject promiscuous mode (`allow_promiscuous = false`). */
export const netDvpgPromiscuous = booleanRule({
  ruleId: 'NET-DVPG-PROMISCUOUS',
  title: 'Distributed port groups and switches reject promiscuous mode',
  severity: Severity.MEDIUM,
  source: 'STIG VCSA-80-000270; SCG8 vcenter-8.network-reject-promiscuous-mode-dvportgroup',
  resourceTypes: ['vsphere_distributed_port_group', 'vsphere_distributed_virtual_switch'],
  attribute: 'allow_promiscuous',
  secure: false,
  unsetPasses: false,
  rationale: 'Set explicitly on both the port group and the switch default; unset fails (the baseline wants it written on both).',
});
