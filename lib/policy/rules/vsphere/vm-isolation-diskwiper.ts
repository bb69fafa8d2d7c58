import { Severity } from '../../rule';
import { extraConfigRule } from '../private/vsphere';

/** VM-ISOLATION-DISKWIPER: the guest cannot wipe virtual disks (`extra_config["isolation.tools.diskWiper.disable"] = "TRUE"`). */
export const vmIsolationDiskwiper = extraConfigRule({
  ruleId: 'VM-ISOLATION-DISKWIPER',
  title: 'The guest cannot wipe virtual disks',
  severity: Severity.MEDIUM,
  source: 'STIG VMCH-80-000194; SCG8 vm-8.deactivate-disk-shrinking-wiper',
  key: 'isolation.tools.diskWiper.disable',
  value: 'TRUE',
});
