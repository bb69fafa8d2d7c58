import { Severity } from '../../rule';
import { defineRule } from '../private/rule-kit';
import { checkFirmware } from './firmware';

/** VM-EFI-SECUREBOOT: UEFI firmware with Secure Boot. */
export const vmEfiSecureboot = defineRule({
  ruleId: 'VM-EFI-SECUREBOOT',
  title: 'UEFI firmware with Secure Boot',
  severity: Severity.HIGH,
  source: 'SCG9 vm-9.secure-boot',
  resourceTypes: ['vsphere_virtual_machine'],
  rationale: 'firmware must be "efi" (provider default "bios") and efi_secure_boot_enabled true (default false). Set at creation: changing firmware later breaks installed guests.',
}, (attributes, findings) => checkFirmware(attributes, findings));
