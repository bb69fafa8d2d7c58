import { Severity } from '../../rule';
import { extraConfigRule } from '../private/vsphere';

/** VM-SETINFO-SIZE: guest-to-VMX informational messages are capped (`extra_config["tools.setInfo.sizeLimit"] = "1048576"`). */
export const vmSetinfoSize = extraConfigRule({
  ruleId: 'VM-SETINFO-SIZE',
  title: 'Guest-to-VMX informational messages are capped',
  severity: Severity.LOW,
  source: 'STIG VMCH-80-000196; SCG8 vm-8.limit-setinfo-size',
  key: 'tools.setInfo.sizeLimit',
  value: '1048576',
  note: 'The STIG spelling tools.setinfo.sizeLimit matches too (keys are case-insensitive).',
});
