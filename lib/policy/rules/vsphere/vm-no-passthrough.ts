import { Severity } from '../../rule';
import { defineRule, stringList } from '../private/rule-kit';

/** VM-NO-PASSTHROUGH: no DirectPath I/O unless approved. */
export const vmNoPassthrough = defineRule({
  ruleId: 'VM-NO-PASSTHROUGH',
  title: 'No PCI device is passed through',
  severity: Severity.MEDIUM,
  source: 'STIG VMCH-80-000214; SCG8 vm-8.pci-passthrough',
  resourceTypes: ['vsphere_virtual_machine'],
  rationale: 'pci_device_id must be empty. The library\'s Passthrough profile is the only place that relaxes it, and it records a suppression with the approval as reason; the PT-* rules then check the passthrough VM.',
}, (attributes, findings) => {
  const list = stringList(attributes.pci_device_id);
  if (list.unresolved) return findings.unknown('pci_device_id', attributes.pci_device_id);
  for (const item of list.items) {
    findings.fail(Array.isArray(attributes.pci_device_id) ? `pci_device_id[${item.index}]` : 'pci_device_id', item.value,
      'remove pci_device_id, or use the Passthrough profile (which records the approval)');
  }
});
