import { Severity } from '../../rule';
import { booleanRule } from '../private/rule-kit';

/** NET-DVPG-RESET-DISCONNECT: port configuration resets when a VM disconnects (`port_config_reset_at_disconnect = true`). */
export const netDvpgResetDisconnect = booleanRule({
  ruleId: 'NET-DVPG-RESET-DISCONNECT',
  title: 'Port configuration resets when a VM disconnects',
  severity: Severity.MEDIUM,
  source: 'STIG VCSA-80-000302; SCG8 vcenter-8.network-reset-port',
  resourceTypes: ['vsphere_distributed_port_group'],
  attribute: 'port_config_reset_at_disconnect',
  secure: true,
  unsetPasses: true,
  rationale: 'Unset passes: vCenter creates port groups with reset-at-disconnect on; false fails.',
});
