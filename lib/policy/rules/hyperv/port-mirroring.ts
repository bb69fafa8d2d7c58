import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { HYPERV_PROV, eachAdaptor } from '../private/hyperv';
import { defineRule } from '../private/rule-kit';

/** HV-PORT-MIRRORING: Network adaptors do not mirror traffic. */
export const hvPortMirroring = defineRule({
  ruleId: 'HV-PORT-MIRRORING',
  title: 'Network adaptors do not mirror traffic',
  severity: Severity.MEDIUM,
  source: `MSDOC Hyper-V virtual switch (port mirroring); ${HYPERV_PROV}`,
  resourceTypes: ['hyperv_machine_instance'],
  rationale: 'Every network_adaptors[].port_mirroring must be "None" (unset means None). Source copies the adaptor\'s traffic to Destination adaptors on the switch; an approved monitoring appliance is an exception to suppress.',
}, (attributes, findings) => {
  eachAdaptor(attributes, findings, (a, p) => {
    const value = a.port_mirroring;
    if (isUnresolved(value)) return findings.unknown(`${p}.port_mirroring`, value);
    if (value !== undefined && value !== null && String(value).toLowerCase() !== 'none') findings.fail(`${p}.port_mirroring`, value, 'set port_mirroring = "None"');
  });
});
