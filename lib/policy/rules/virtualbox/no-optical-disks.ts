import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { defineRule } from '../private/rule-kit';
import { VIRTUALBOX_PROV } from './unenforceable';

/** VBOX-NO-OPTICAL-DISKS: No optical disks attached in steady state. */
export const vboxNoOpticalDisks = defineRule({
  ruleId: 'VBOX-NO-OPTICAL-DISKS',
  title: 'No optical disks attached in steady state',
  severity: Severity.LOW,
  source: `${VIRTUALBOX_PROV}; STIG VMCH-80-000210 (by analogy)`,
  resourceTypes: ['virtualbox_vm'],
  rationale: 'optical_disks must be empty or unset: each ISO is copied into the VM folder and attached as a DVD the guest can read. Build-time media is an exception to suppress and remove.',
}, (attributes, findings) => {
  const disks = attributes.optical_disks;
  if (isUnresolved(disks)) return findings.unknown('optical_disks', disks);
  if (Array.isArray(disks) && disks.length > 0) findings.fail('optical_disks', disks, 'remove optical_disks after the build');
});
