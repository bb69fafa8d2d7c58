import { Severity } from '../../rule';
import { booleanRule } from '../private/rule-kit';

/** NET-VSS-PROMISCUOUS: standard switches reject promiscuous mode (`allow_promiscuous = false`). */
export const netVssPromiscuous = booleanRule({
  ruleId: 'NET-VSS-PROMISCUOUS',
  title: 'Standard switches reject promiscuous mode',
  severity: Severity.MEDIUM,
  source: 'STIG ESXI-80-000218; SCG8 esxi-8.network-reject-promiscuous-mode-standardswitch',
  resourceTypes: ['vsphere_host_virtual_switch'],
  attribute: 'allow_promiscuous',
  secure: false,
  unsetPasses: true,
  rationale: 'Unset passes: the provider default is false.',
});
