import { Severity } from '../../rule';
import { extraConfigRule } from '../private/vsphere';

/** VM-LOG-ROTATE-SIZE: vM log size is bounded (`extra_config["log.rotateSize"] = "2048000"`). */
export const vmLogRotateSize = extraConfigRule({
  ruleId: 'VM-LOG-ROTATE-SIZE',
  title: 'VM log size is bounded',
  severity: Severity.MEDIUM,
  source: 'STIG VMCH-80-000205; SCG8 vm-8.log-rotation-size',
  key: 'log.rotateSize',
  value: '2048000',
});
