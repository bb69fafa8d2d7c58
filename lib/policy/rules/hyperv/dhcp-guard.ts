import { Severity } from '../../rule';
import { HYPERV_PROV, checkOnOff, eachAdaptor } from '../private/hyperv';
import { defineRule } from '../private/rule-kit';

/** HV-DHCP-GUARD: Network adaptors drop DHCP server offers from the guest (DHCP guard). */
export const hvDhcpGuard = defineRule({
  ruleId: 'HV-DHCP-GUARD',
  title: 'Network adaptors drop DHCP server offers from the guest (DHCP guard)',
  severity: Severity.MEDIUM,
  source: `MSDOC Hyper-V virtual switch security features (DHCP guard); ${HYPERV_PROV}`,
  resourceTypes: ['hyperv_machine_instance'],
  rationale: 'Every network_adaptors[].dhcp_guard must be "On"; unset fails (the provider default is Off). A rogue DHCP server in a guest can redirect every other VM on the switch.',
}, (attributes, findings) => {
  eachAdaptor(attributes, findings, (a, p) => checkOnOff(a, 'dhcp_guard', `${p}.dhcp_guard`, 'On', 'Off', findings, 'set dhcp_guard = "On"'));
});
