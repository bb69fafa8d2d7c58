import { Severity } from '../../rule';
import { adaptorSwitchRule, HYPERV_PROV } from '../private/hyperv';

/** HV-ROUTER-GUARD: Network adaptors drop router advertisements and redirects from the guest (router guard). */
export const hvRouterGuard = adaptorSwitchRule({
  ruleId: 'HV-ROUTER-GUARD',
  title: 'Network adaptors drop router advertisements and redirects from the guest (router guard)',
  severity: Severity.MEDIUM,
  source: `MSDOC Hyper-V virtual switch security features (router guard); ${HYPERV_PROV}`,
  rationale: 'Every network_adaptors[].router_guard must be "On"; unset fails (the provider default is Off). A guest sending router advertisements can become every neighbour\'s gateway.',
  attribute: 'router_guard',
  secure: 'On',
  providerDefault: 'Off',
});
