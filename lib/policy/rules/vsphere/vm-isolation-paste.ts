import { Severity } from '../../rule';
import { extraConfigRule } from '../private/vsphere';

/** VM-ISOLATION-PASTE: console paste is turned off (`extra_config["isolation.tools.paste.disable"] = "TRUE"`). */
export const vmIsolationPaste = extraConfigRule({
  ruleId: 'VM-ISOLATION-PASTE',
  title: 'Console paste is turned off',
  severity: Severity.LOW,
  source: 'STIG VMCH-80-000192; SCG8 vm-8.deactivate-console-paste',
  key: 'isolation.tools.paste.disable',
  value: 'TRUE',
});
