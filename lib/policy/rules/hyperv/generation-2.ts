import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { HYPERV_PROV } from '../private/hyperv';
import { asNumber, defineRule } from '../private/rule-kit';

/** HV-GENERATION-2: Generation 2 (UEFI) VMs. */
export const hvGeneration2 = defineRule({
  ruleId: 'HV-GENERATION-2',
  title: 'Generation 2 (UEFI) VMs',
  severity: Severity.MEDIUM,
  source: `MSDOC Plan for Hyper-V security in Windows Server (use generation 2 VMs); ${HYPERV_PROV}`,
  resourceTypes: ['hyperv_machine_instance'],
  rationale: 'generation unset means 2 (the provider default). Generation 1 is BIOS: no Secure Boot, and legacy emulated devices. ForceNew: changing it replaces the VM.',
}, (attributes, findings) => {
  const generation = attributes.generation;
  if (isUnresolved(generation)) return findings.unknown('generation', generation);
  if (generation !== undefined && generation !== null && asNumber(generation) !== 2) findings.fail('generation', generation, 'set generation = 2 (UEFI); install the guest as a UEFI guest');
});
