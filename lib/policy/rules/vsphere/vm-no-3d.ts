import { Severity } from '../../rule';
import { extraConfigRule } from '../private/vsphere';

/** VM-NO-3D: 3D graphics are off (`extra_config["mks.enable3d"] = "FALSE"`). */
export const vmNo3d = extraConfigRule({
  ruleId: 'VM-NO-3D',
  title: '3D graphics are off',
  severity: Severity.LOW,
  source: 'STIG VMCH-80-000202; SCG8 vm-8.deactivate-non-essential-3d-features',
  key: 'mks.enable3d',
  value: 'FALSE',
});
