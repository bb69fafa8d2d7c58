import { Severity } from '../../rule';
import { extraConfigRule } from '../private/vsphere';

/** VM-ISOLATION-DND: console drag-and-drop is turned off (`extra_config["isolation.tools.dnd.disable"] = "TRUE"`). */
export const vmIsolationDnd = extraConfigRule({
  ruleId: 'VM-ISOLATION-DND',
  title: 'Console drag-and-drop is turned off',
  severity: Severity.LOW,
  source: 'STIG VMCH-80-000191; SCG8 vm-8.isolation-tools-dnd-deactivate',
  key: 'isolation.tools.dnd.disable',
  value: 'TRUE',
});
