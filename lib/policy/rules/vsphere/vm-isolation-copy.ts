import { Severity } from '../../rule';
import { extraConfigRule } from '../private/vsphere';

/** VM-ISOLATION-COPY: console copy is turned off (`extra_config["isolation.tools.copy.disable"] = "TRUE"`). */
export const vmIsolationCopy = extraConfigRule({
  ruleId: 'VM-ISOLATION-COPY',
  title: 'Console copy is turned off',
  severity: Severity.LOW,
  source: 'STIG VMCH-80-000189; SCG8 vm-8.deactivate-console-copy',
  key: 'isolation.tools.copy.disable',
  value: 'TRUE',
});
