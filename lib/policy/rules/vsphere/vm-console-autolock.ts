import { Severity } from '../../rule';
import { extraConfigRule } from '../private/vsphere';

/** VM-CONSOLE-AUTOLOCK: the guest locks when the last console connection closes (`extra_config["tools.guest.desktop.autolock"] = "TRUE"`). */
export const vmConsoleAutolock = extraConfigRule({
  ruleId: 'VM-CONSOLE-AUTOLOCK',
  title: 'The guest locks when the last console connection closes',
  severity: Severity.MEDIUM,
  source: 'STIG VMCH-80-000201; SCG8 vm-8.vmrc-lock',
  key: 'tools.guest.desktop.autolock',
  value: 'TRUE',
});
