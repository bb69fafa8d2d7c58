import { Severity } from '../../rule';
import { requireSet } from '../private/rule-kit';
import { passthroughRule } from '../private/vsphere';

/** PT-HOST-PINNED: a passthrough VM is placed on the host that owns the device. */
export const ptHostPinned = passthroughRule({
  ruleId: 'PT-HOST-PINNED',
  title: 'Passthrough VMs are pinned to the host that owns the device',
  severity: Severity.MEDIUM,
  source: 'PROV (pci_device_id requires host_system_id)',
  rationale: 'host_system_id must be set (a literal or a lookup) whenever pci_device_id is set; the device exists on one host only.',
}, (attributes, findings) => {
  requireSet(findings, 'host_system_id', attributes.host_system_id, 'set host_system_id to the host that owns the PCI device');
});
