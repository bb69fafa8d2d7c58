import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { HYPERV_PROV, eachAdaptor } from '../private/hyperv';
import { asNumber, defineRule, isTrue } from '../private/rule-kit';

/** HV-VLAN-ACCESS: VLAN settings take effect: access mode with an id from 1 to 4094. */
export const hvVlanAccess = defineRule({
  ruleId: 'HV-VLAN-ACCESS',
  title: 'VLAN settings take effect: access mode with an id from 1 to 4094',
  severity: Severity.MEDIUM,
  source: `MSDOC Hyper-V virtual switch (VLAN); ${HYPERV_PROV}`,
  resourceTypes: ['hyperv_machine_instance'],
  rationale: 'The provider applies a VLAN only when vlan_access is true and vlan_id non-zero, and offers no trunk mode. A vlan_id without vlan_access (or the reverse) looks tagged but leaves the adaptor untagged on the native network; an id outside 1-4094 is rejected by Hyper-V. Untagged adaptors (neither set) pass.',
}, (attributes, findings) => {
  eachAdaptor(attributes, findings, (a, p) => {
    const access = a.vlan_access;
    const id = a.vlan_id;
    if (isUnresolved(access) || isUnresolved(id)) return findings.unknown(`${p}.vlan_id`, id);
    const n = asNumber(id) ?? 0;
    if (n !== 0 && !isTrue(access)) findings.fail(`${p}.vlan_access`, access, `set vlan_access = true, or the adaptor stays untagged instead of VLAN ${n}`);
    else if (isTrue(access) && (n < 1 || n > 4094 || !Number.isInteger(n))) findings.fail(`${p}.vlan_id`, id, 'set vlan_id to the access VLAN, 1-4094');
  });
});
