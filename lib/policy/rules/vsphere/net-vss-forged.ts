import { Severity } from '../../rule';
import { booleanRule } from '../private/rule-kit';

/** NET-VSS-FORGED: standard switches reject forged transmits (`allow_forged_transmits = false`). */
export const netVssForged = booleanRule({
  ruleId: 'NET-VSS-FORGED',
  title: 'Standard switches reject forged transmits',
  severity: Severity.MEDIUM,
  source: 'STIG ESXI-80-000216; SCG8 esxi-8.network-reject-forged-transmit-standardswitch',
  resourceTypes: ['vsphere_host_virtual_switch'],
  attribute: 'allow_forged_transmits',
  secure: false,
  unsetPasses: false,
  rationale: 'Unset fails: the standard switch default is Accept (provider default true).',
});
