import { Severity } from '../../rule';
import { extraConfigRule } from '../private/vsphere';

/** VM-ISOLATION-DISKSHRINK: the guest cannot shrink virtual disks (`extra_config["isolation.tools.diskShrink.disable"] = "TRUE"`). */
export const vmIsolationDiskshrink = extraConfigRule({
  ruleId: 'VM-ISOLATION-DISKSHRINK',
  title: 'The guest cannot shrink virtual disks',
  severity: Severity.MEDIUM,
  source: 'STIG VMCH-80-000193; SCG8 vm-8.deactivate-disk-shrinking-shrink',
  key: 'isolation.tools.diskShrink.disable',
  value: 'TRUE',
});
