import { Severity } from '../../rule';
import { adaptorSwitchRule, HYPERV_PROV } from '../private/hyperv';

/** HV-MAC-SPOOFING: Network adaptors do not allow MAC address spoofing. */
export const hvMacSpoofing = adaptorSwitchRule({
  ruleId: 'HV-MAC-SPOOFING',
  title: 'Network adaptors do not allow MAC address spoofing',
  severity: Severity.MEDIUM,
  source: `MSDOC Hyper-V virtual switch security features (MAC address spoofing); ${HYPERV_PROV}`,
  rationale: 'Every network_adaptors[].mac_address_spoofing must be "Off" (unset means Off, the provider default). On lets a guest send as another machine; needed only for nested virtualization or guest load balancing, as a suppressed exception.',
  attribute: 'mac_address_spoofing',
  secure: 'Off',
  providerDefault: 'Off',
});
