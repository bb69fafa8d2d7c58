import { Severity } from '../../rule';
import { booleanRule } from '../private/rule-kit';

/** NET-DVS-NIOC: network I/O Control is on (`network_resource_control_enabled = true`). */
export const netDvsNioc = booleanRule({
  ruleId: 'NET-DVS-NIOC',
  title: 'Network I/O Control is on',
  severity: Severity.MEDIUM,
  source: 'STIG VCSA-80-000110',
  resourceTypes: ['vsphere_distributed_virtual_switch'],
  attribute: 'network_resource_control_enabled',
  secure: true,
  unsetPasses: false,
  rationale: 'Unset fails: the provider default is false.',
});
