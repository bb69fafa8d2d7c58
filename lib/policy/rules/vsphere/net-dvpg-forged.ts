import { Severity } from '../../rule';
import { booleanRule } from '../private/rule-kit';

/** NET-DVPG-FORGED: distributed port groups and switches reject forged transmits (`allow_forged_transmits = false`). */
export const netDvpgForged = booleanRule({
  ruleId: 'NET-DVPG-FORGED',
  title: 'Distributed port groups and switches reject forged transmits',
  severity: Severity.MEDIUM,
  source: 'STIG VCSA-80-000268; SCG8 vcenter-8.network-reject-forged-transmit-dvportgroup',
  resourceTypes: ['vsphere_distributed_port_group', 'vsphere_distributed_virtual_switch'],
  attribute: 'allow_forged_transmits',
  secure: false,
  unsetPasses: false,
  rationale: 'Set explicitly on both the port group and the switch default; unset fails.',
});
