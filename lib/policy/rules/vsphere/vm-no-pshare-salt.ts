import { Severity } from '../../rule';
import { defineRule } from '../private/rule-kit';
import { extraConfig } from '../private/vsphere';

/** VM-NO-PSHARE-SALT: no per-VM page-sharing salt. */
export const vmNoPshareSalt = defineRule({
  ruleId: 'VM-NO-PSHARE-SALT',
  title: 'No per-VM page-sharing salt is set',
  severity: Severity.LOW,
  source: 'STIG VMCH-80-000199; SCG8 vm-8.transparentpagesharing-inter-vm-enabled',
  resourceTypes: ['vsphere_virtual_machine'],
  rationale: 'A sched.mem.pshare.salt key (any value, key case-insensitive) lets VMs with the same salt share pages, a side channel between them.',
}, (attributes, findings) => {
  const lookup = extraConfig(attributes, 'sched.mem.pshare.salt');
  if (lookup.state === 'unresolved') findings.unknown('extra_config', attributes.extra_config);
  else if (lookup.state === 'found') findings.fail(lookup.path, lookup.value, `remove extra_config["${lookup.key}"]`);
});
