import { Severity } from '../../rule';
import { adaptorSwitchRule, HYPERV_PROV } from '../private/hyperv';

/** HV-DHCP-GUARD: Network adaptors drop DHCP server offers from the guest (DHCP guard). */
export const hvDhcpGuard = adaptorSwitchRule({
  ruleId: 'HV-DHCP-GUARD',
  title: 'Network adaptors drop DHCP server offers from the guest (DHCP guard)',
  severity: Severity.MEDIUM,
  source: `MSDOC Hyper-V virtual switch security features (DHCP guard); ${HYPERV_PROV}`,
  rationale: 'Every network_adaptors[].dhcp_guard must be "On"; unset fails (the provider default is Off). A rogue DHCP server in a guest can redirect every other VM on the switch.',
  attribute: 'dhcp_guard',
  secure: 'On',
  providerDefault: 'Off',
});
