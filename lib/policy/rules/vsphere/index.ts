import { Severity } from '../../rule';
import { UndecidableControl } from '../undecidable-control';

export * from './net-dvpg-native-vlan';
export * from './net-dvpg-no-trunk';
export * from './net-dvpg-reserved-vlan';
export * from './net-netflow';
export * from './pt-approved-device';
export * from './pt-mmio-size';
export * from './vm-encryption';
export * from './vm-hw-version';
export * from './vm-no-dvfilter';
export * from './vm-vtpm';
export * from './vlan-range';

/** vSphere controls of the baseline that no resource attribute can decide, and how they are met. */
export const VSPHERE_NOT_DECIDABLE: UndecidableControl[] = [
  { controlId: 'VM-VMOTION-ENCRYPT', severity: Severity.MEDIUM, source: 'STIG VMCH-80-000203; SCG8 vm-8.vmotion-encrypted', reason: 'vsphere_virtual_machine 2.15.0 has no migrate-encryption attribute.', metBy: 'VM-ENCRYPTION (encrypted VMs always use encrypted vMotion); otherwise an audit after apply' },
  { controlId: 'VM-FT-ENCRYPT', severity: Severity.MEDIUM, source: 'STIG VMCH-80-000204; SCG8 vm-8.ft-encrypted', reason: 'The provider has no Fault Tolerance attributes.', metBy: 'not applicable unless FT is used; audit' },
  { controlId: 'VM-NO-FLOPPY', severity: Severity.MEDIUM, source: 'STIG VMCH-80-000209; SCG8 vm-8.remove-unnecessary-devices', reason: 'The provider cannot add or remove floppy drives; a clone inherits the template\'s devices.', metBy: 'template/OVF hygiene plus a post-apply audit' },
  { controlId: 'VM-NO-PARALLEL', severity: Severity.MEDIUM, source: 'STIG VMCH-80-000211; SCG8 vm-8.remove-unnecessary-devices', reason: 'Parallel ports are not exposed by the provider.', metBy: 'template hygiene plus a post-apply audit' },
  { controlId: 'VM-NO-SERIAL', severity: Severity.MEDIUM, source: 'STIG VMCH-80-000212; SCG8 vm-8.remove-unnecessary-devices', reason: 'Serial ports are not exposed by the provider.', metBy: 'template hygiene plus a post-apply audit' },
  { controlId: 'VM-NO-USB', severity: Severity.MEDIUM, source: 'STIG VMCH-80-000213; SCG8 vm-8.remove-unnecessary-devices', reason: 'USB controllers and devices are not exposed by the provider.', metBy: 'template hygiene plus a post-apply audit' },
  { controlId: 'NET-DVS-HEALTHCHECK', severity: Severity.MEDIUM, source: 'STIG VCSA-80-000267', reason: 'vsphere_distributed_virtual_switch 2.15.0 has no health-check attributes.', metBy: 'vSphere default (off); audit' },
  { controlId: 'NET-DVS-PORT-MIRROR', severity: Severity.MEDIUM, source: 'STIG VCSA-80-000300; SCG8 vcenter-8.network-restrict-port-mirroring', reason: 'The provider has no port-mirroring resource.', metBy: 'compliant by construction for what Terraform creates; audit' },
  { controlId: 'NET-DVPG-MAC-LEARNING', severity: Severity.LOW, source: 'SCG8 vcenter-8.network-mac-learning', reason: 'MAC learning is not exposed by the provider.', metBy: 'vSphere default (off)' },
  { controlId: 'PT-VGPU', severity: Severity.MEDIUM, source: 'VSDOC vSphere Resource Management, shared PCI device / vGPU', reason: 'vsphere_virtual_machine 2.15.0 has no shared_pci_device_id; vGPUs attach only through Supervisor VM classes.', metBy: 'the Passthrough profile rejects vGPU requests; use a VM class' },
];
