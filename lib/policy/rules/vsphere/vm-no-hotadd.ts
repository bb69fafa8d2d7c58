import { Severity } from '../../rule';
import { defineRule } from '../private/rule-kit';
import { checkBoolean } from '../private/rule-kit';
import { HOT_PLUG_ATTRIBUTES } from '../private/vsphere';

/** VM-NO-HOTADD: sizing fixed at deploy. */
export const vmNoHotadd = defineRule({
  ruleId: 'VM-NO-HOTADD',
  title: 'CPU and memory hot-plug are off',
  severity: Severity.LOW,
  source: 'VSDOC vSphere 8 Resource Management (CPU hot add turns off vNUMA)',
  resourceTypes: ['vsphere_virtual_machine'],
  rationale: 'cpu_hot_add_enabled, cpu_hot_remove_enabled and memory_hot_add_enabled must be false; unset passes (provider default false).',
}, (attributes, findings) => {
  for (const attribute of HOT_PLUG_ATTRIBUTES) checkBoolean(attributes, findings, attribute, false, true);
});
