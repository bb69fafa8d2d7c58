import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { HYPERV_PROV, singleBlock } from '../private/hyperv';
import { defineRule, isTrue } from '../private/rule-kit';

/** HV-NESTED-VIRT: No nested virtualization. */
export const hvNestedVirt = defineRule({
  ruleId: 'HV-NESTED-VIRT',
  title: 'No nested virtualization',
  severity: Severity.MEDIUM,
  source: `MSDOC Run Hyper-V in a virtual machine with nested virtualization (security considerations); ${HYPERV_PROV}`,
  resourceTypes: ['hyperv_machine_instance'],
  rationale: 'vm_processor[0].expose_virtualization_extensions must be false or unset (the default). A guest hypervisor widens the attack surface towards the host and rules out some protections (dynamic memory, runtime resize).',
}, (attributes, findings) => {
  const processor = singleBlock(attributes, 'vm_processor') ?? {};
  const value = processor.expose_virtualization_extensions;
  if (isUnresolved(value)) return findings.unknown('vm_processor[0].expose_virtualization_extensions', value);
  if (isTrue(value)) findings.fail('vm_processor[0].expose_virtualization_extensions', value, 'set expose_virtualization_extensions = false');
});
