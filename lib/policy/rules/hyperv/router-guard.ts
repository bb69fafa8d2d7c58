import { Severity } from '../../rule';
import { HYPERV_PROV, checkOnOff, eachAdaptor } from '../private/hyperv';
import { defineRule } from '../private/rule-kit';

/** HV-ROUTER-GUARD: Network adaptors drop router advertisements and redirects from the guest (router guard). */
export const hvRouterGuard = defineRule({
  ruleId: 'HV-ROUTER-GUARD',
  title: 'Network adaptors drop router advertisements and redirects from the guest (router guard)',
  severity: Severity.MEDIUM,
  source: `MSDOC Hyper-V virtual switch security features (router guard); ${HYPERV_PROV}`,
  resourceTypes: ['hyperv_machine_instance'],
  rationale: 'Every network_adaptors[].router_guard must be "On"; unset fails (the provider default is Off). A guest sending router advertisements can become every neighbour\'s gateway.',
}, (attributes, findings) => {
  eachAdaptor(attributes, findings, (a, p) => checkOnOff(a, 'router_guard', `${p}.router_guard`, 'On', 'Off', findings, 'set router_guard = "On"'));
});
