import { findAll, isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { defineRule } from '../private/rule-kit';

/** VM-NO-CDROM: no CD/DVD drive in steady state. */
export const vmNoCdrom = defineRule({
  ruleId: 'VM-NO-CDROM',
  title: 'No CD/DVD drive is attached in steady state',
  severity: Severity.LOW,
  source: 'STIG VMCH-80-000210; SCG8 vm-8.remove-unnecessary-devices',
  resourceTypes: ['vsphere_virtual_machine'],
  rationale: 'Any cdrom block fails; a build-time ISO attachment is an exception to suppress with a reason.',
}, (attributes, findings) => {
  if (typeof attributes.cdrom === 'string' && isUnresolved(attributes.cdrom)) return findings.unknown('cdrom', attributes.cdrom);
  for (const cdrom of findAll(attributes, 'cdrom')) findings.fail(cdrom.path, cdrom.value, 'remove the cdrom block once the guest is installed');
});
