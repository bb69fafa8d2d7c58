import { Severity } from '../../rule';
import { extraConfigRule } from '../private/vsphere';

/** VM-LOG-KEEPOLD: the number of old VM logs is bounded (`extra_config["log.keepOld"] = "10"`). */
export const vmLogKeepold = extraConfigRule({
  ruleId: 'VM-LOG-KEEPOLD',
  title: 'The number of old VM logs is bounded',
  severity: Severity.MEDIUM,
  source: 'STIG VMCH-80-000206; SCG8 vm-8.log-retention',
  key: 'log.keepOld',
  value: '10',
});
