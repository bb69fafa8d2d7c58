import { isUnresolved, referencedResources } from '../../private/attributes';
import { Severity } from '../../rule';
import { defineRule } from '../private/rule-kit';
import { passthroughState } from '../private/vsphere';

/** PT-NO-SNAPSHOT: no snapshots of passthrough VMs. */
export const ptNoSnapshot = defineRule({
  ruleId: 'PT-NO-SNAPSHOT',
  title: 'Passthrough VMs are not snapshotted',
  severity: Severity.MEDIUM,
  source: 'VSDOC DirectPath I/O (snapshots unavailable)',
  resourceTypes: ['vsphere_virtual_machine_snapshot'],
  rationale: 'A vsphere_virtual_machine_snapshot whose virtual_machine_uuid refers to a VM of the stack with pci_device_id fails. '
    + 'A snapshot of a VM outside the stack (a literal uuid, a data source or a variable) is UNKNOWN: its devices are not visible.',
}, (attributes, findings, _resource, context) => {
  const uuid = attributes.virtual_machine_uuid;
  const targets = referencedResources(uuid, context, ['vsphere_virtual_machine']);
  if (targets.length === 0) return findings.unknownBecause(`virtual_machine_uuid (${isUnresolved(uuid) ? uuid : JSON.stringify(uuid)}) does not refer to a VM of this stack`);
  for (const vm of targets) {
    const state = passthroughState(vm.attributes ?? {});
    if (state === 'unknown') findings.unknownBecause(`${vm.address}.pci_device_id is only known at apply`);
    else if (state === 'yes') findings.fail('virtual_machine_uuid', uuid, `remove the snapshot: ${vm.address} passes PCI devices through and cannot be snapshotted`, `vm=${vm.address}`);
  }
});
