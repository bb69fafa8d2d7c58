import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { HYPERV_PROV, singleBlock } from '../private/hyperv';
import { defineRule, isTrue } from '../private/rule-kit';

const PATH = 'vm_processor[0].enable_host_resource_protection';

/** HV-HOST-RESOURCE-PROTECTION: Host resource protection on. */
export const hvHostResourceProtection = defineRule({
  ruleId: 'HV-HOST-RESOURCE-PROTECTION',
  title: 'Host resource protection on',
  severity: Severity.LOW,
  source: `MSDOC Set-VMProcessor -EnableHostResourceProtection; ${HYPERV_PROV}`,
  resourceTypes: ['hyperv_machine_instance'],
  rationale: 'vm_processor[0].enable_host_resource_protection must be true; unset fails (default false). The host then throttles a guest that floods VMbus or intercepts, so one VM cannot starve the others.',
}, (attributes, findings) => {
  const processor = singleBlock(attributes, 'vm_processor') ?? {};
  const value = processor.enable_host_resource_protection;
  if (isUnresolved(value)) return findings.unknown(PATH, value);
  if (!isTrue(value)) findings.fail(PATH, value, 'set vm_processor { enable_host_resource_protection = true }');
});
