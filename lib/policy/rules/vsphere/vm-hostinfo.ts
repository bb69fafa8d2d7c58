import { Severity } from '../../rule';
import { extraConfigRule } from '../private/vsphere';

/** VM-HOSTINFO: the guest cannot read host information (`extra_config["tools.guestlib.enableHostInfo"] = "FALSE"`). */
export const vmHostinfo = extraConfigRule({
  ruleId: 'VM-HOSTINFO',
  title: 'The guest cannot read host information',
  severity: Severity.MEDIUM,
  source: 'STIG VMCH-80-000198; SCG8 vm-8.restrict-host-info',
  key: 'tools.guestlib.enableHostInfo',
  value: 'FALSE',
});
