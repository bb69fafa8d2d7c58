import { Severity } from '../../rule';
import { HYPERV_PROV, checkOnOff, eachAdaptor } from '../private/hyperv';
import { defineRule } from '../private/rule-kit';

/** HV-MAC-SPOOFING: Network adaptors do not allow MAC address spoofing. */
export const hvMacSpoofing = defineRule({
  ruleId: 'HV-MAC-SPOOFING',
  title: 'Network adaptors do not allow MAC address spoofing',
  severity: Severity.MEDIUM,
  source: `MSDOC Hyper-V virtual switch security features (MAC address spoofing); ${HYPERV_PROV}`,
  resourceTypes: ['hyperv_machine_instance'],
  rationale: 'Every network_adaptors[].mac_address_spoofing must be "Off" (unset means Off, the provider default). On lets a guest send as another machine; needed only for nested virtualization or guest load balancing, as a suppressed exception.',
}, (attributes, findings) => {
  eachAdaptor(attributes, findings, (a, p) => checkOnOff(a, 'mac_address_spoofing', `${p}.mac_address_spoofing`, 'Off', 'Off', findings, 'set mac_address_spoofing = "Off"'));
});
