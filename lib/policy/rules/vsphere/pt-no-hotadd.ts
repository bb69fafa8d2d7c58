import { Severity } from '../../rule';
import { checkBoolean } from '../private/rule-kit';
import { HOT_PLUG_ATTRIBUTES, passthroughRule } from '../private/vsphere';

/** PT-NO-HOTADD: hot-plug off on passthrough VMs. */
export const ptNoHotadd = passthroughRule({
  ruleId: 'PT-NO-HOTADD',
  title: 'Passthrough VMs have hot-plug off',
  severity: Severity.MEDIUM,
  source: 'VSDOC DirectPath I/O (hot add/remove unavailable)',
  rationale: 'Hot add/remove is unavailable with DirectPath I/O; the three switches must be false or unset (provider default false).',
}, (attributes, findings) => {
  for (const attribute of HOT_PLUG_ATTRIBUTES) checkBoolean(attributes, findings, attribute, false, true);
});
