// Shared firmware check of VM-EFI-SECUREBOOT and PT-EFI-FIRMWARE.
import { isUnresolved } from '../../private/attributes';
import { Findings, isTrue } from '../private/rule-kit';

/** Fails unless `firmware = "efi"` and `efi_secure_boot_enabled = true`. */
export function checkFirmware(attributes: Record<string, any>, findings: Findings): void {
  const firmware = attributes.firmware;
  if (isUnresolved(firmware)) findings.unknown('firmware', firmware);
  else if (String(firmware ?? 'bios').toLowerCase() !== 'efi') findings.fail('firmware', firmware, 'set firmware = "efi" (at creation; the guest must be an EFI install)');
  const secureBoot = attributes.efi_secure_boot_enabled;
  if (isUnresolved(secureBoot)) findings.unknown('efi_secure_boot_enabled', secureBoot);
  else if (!isTrue(secureBoot)) findings.fail('efi_secure_boot_enabled', secureBoot, 'set efi_secure_boot_enabled = true');
}
