import { Severity } from '../../rule';
import { passthroughRule } from '../private/vsphere';
import { checkFirmware } from './firmware';

/** PT-EFI-FIRMWARE: EFI firmware (with Secure Boot) for passthrough VMs. */
export const ptEfiFirmware = passthroughRule({
  ruleId: 'PT-EFI-FIRMWARE',
  title: 'Passthrough VMs use EFI firmware with Secure Boot',
  severity: Severity.HIGH,
  source: 'VMware apps blog (V100 passthrough, 2018); Broadcom KB 323402; SCG9 vm-9.secure-boot',
  rationale: 'firmware = "efi" (large-BAR devices need an EFI guest) and efi_secure_boot_enabled = true; an unsigned guest driver is a documented exception to suppress.',
}, (attributes, findings) => checkFirmware(attributes, findings));
