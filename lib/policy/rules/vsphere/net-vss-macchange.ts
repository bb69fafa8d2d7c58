import { Severity } from '../../rule';
import { booleanRule } from '../private/rule-kit';

/** NET-VSS-MACCHANGE: standard switches reject MAC changes (`allow_mac_changes = false`). */
export const netVssMacchange = booleanRule({
  ruleId: 'NET-VSS-MACCHANGE',
  title: 'Standard switches reject MAC changes',
  severity: Severity.HIGH,
  source: 'STIG ESXI-80-000217; SCG8 esxi-8.network-reject-mac-changes-standardswitch',
  resourceTypes: ['vsphere_host_virtual_switch'],
  attribute: 'allow_mac_changes',
  secure: false,
  unsetPasses: false,
  rationale: 'Unset fails: the standard switch default is Accept (provider default true).',
});
