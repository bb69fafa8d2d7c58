import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { HYPERV_PROV } from '../private/hyperv';
import { defineRule, isFalse } from '../private/rule-kit';

/** HV-SWITCH-ISOLATION: External switches keep the host management OS off the VM network. */
export const hvSwitchIsolation = defineRule({
  ruleId: 'HV-SWITCH-ISOLATION',
  title: 'External switches keep the host management OS off the VM network',
  severity: Severity.MEDIUM,
  source: `MSDOC Plan for Hyper-V networking in Windows Server (management OS on a dedicated network); ${HYPERV_PROV}`,
  resourceTypes: ['hyperv_network_switch'],
  rationale: 'On External switches allow_management_os must be false; unset fails (the provider default is true). Private switches need false and Internal switches true by the provider\'s own rules, so they pass.',
}, (attributes, findings) => {
  const type = attributes.switch_type;
  if (isUnresolved(type)) return findings.unknown('switch_type', type);
  if (String(type ?? 'Internal').toLowerCase() !== 'external') return;
  const value = attributes.allow_management_os;
  if (isUnresolved(value)) return findings.unknown('allow_management_os', value);
  if (!isFalse(value)) findings.fail('allow_management_os', value, 'set allow_management_os = false and give the host its own NIC');
});
