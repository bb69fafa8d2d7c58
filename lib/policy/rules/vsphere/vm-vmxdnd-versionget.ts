import { Severity } from '../../rule';
import { extraConfigRule } from '../private/vsphere';

/** VM-VMXDND-VERSIONGET: the drag-and-drop version query is off (`extra_config["isolation.tools.vmxDnDVersionGet.disable"] = "TRUE"`). */
export const vmVmxdndVersionget = extraConfigRule({
  ruleId: 'VM-VMXDND-VERSIONGET',
  title: 'The drag-and-drop version query is off',
  severity: Severity.LOW,
  source: 'SCG8 VM parameters note',
  key: 'isolation.tools.vmxDnDVersionGet.disable',
  value: 'TRUE',
});
