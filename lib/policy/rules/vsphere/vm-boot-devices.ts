import { Severity } from '../../rule';
import { extraConfigRule } from '../private/vsphere';

/** VM-BOOT-DEVICES: the VM boots only from its virtual hard disk (`extra_config["bios.bootDeviceClasses"] = "allow:hd"`). */
export const vmBootDevices = extraConfigRule({
  ruleId: 'VM-BOOT-DEVICES',
  title: 'The VM boots only from its virtual hard disk',
  severity: Severity.MEDIUM,
  source: 'SCG8 vm-8.efi-boot-types; SCG9 vm-9.efi-boot-types',
  key: 'bios.bootDeviceClasses',
  value: 'allow:hd',
  note: 'Only the build VM of an ISO/PXE install may omit it (suppress with that reason).',
});
