import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { HYPERV_PROV } from '../private/hyperv';
import { defineRule } from '../private/rule-kit';

/** HV-AUTO-STOP: A host shutdown shuts the guest down cleanly, without saving its memory. */
export const hvAutoStop = defineRule({
  ruleId: 'HV-AUTO-STOP',
  title: 'A host shutdown shuts the guest down cleanly, without saving its memory',
  severity: Severity.LOW,
  source: `MSDOC Set-VM -AutomaticStopAction; ${HYPERV_PROV}`,
  resourceTypes: ['hyperv_machine_instance'],
  rationale: 'automatic_stop_action must be ShutDown or TurnOff; unset fails (the provider default Save writes guest memory to the host disk when the host stops).',
}, (attributes, findings) => {
  const value = attributes.automatic_stop_action;
  if (isUnresolved(value)) return findings.unknown('automatic_stop_action', value);
  if (!['shutdown', 'turnoff'].includes(String(value ?? 'Save').toLowerCase())) findings.fail('automatic_stop_action', value, 'set automatic_stop_action = "ShutDown"');
});
