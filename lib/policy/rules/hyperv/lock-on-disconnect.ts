import { Severity } from '../../rule';
import { HYPERV_PROV, checkOnOff } from '../private/hyperv';
import { defineRule } from '../private/rule-kit';

/** HV-LOCK-ON-DISCONNECT: The VM console locks when its viewer disconnects. */
export const hvLockOnDisconnect = defineRule({
  ruleId: 'HV-LOCK-ON-DISCONNECT',
  title: 'The VM console locks when its viewer disconnects',
  severity: Severity.LOW,
  source: `MSDOC Set-VM -LockOnDisconnect; ${HYPERV_PROV}`,
  resourceTypes: ['hyperv_machine_instance'],
  rationale: 'lock_on_disconnect must be "On"; unset fails (default Off). Otherwise the next console viewer inherits the previous user\'s session (the Hyper-V counterpart of VM-CONSOLE-AUTOLOCK).',
}, (attributes, findings) => {
  checkOnOff(attributes, 'lock_on_disconnect', 'lock_on_disconnect', 'On', 'Off', findings, 'set lock_on_disconnect = "On"');
});
