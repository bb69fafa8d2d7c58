import { Severity } from '../../rule';
import { booleanRule } from '../private/rule-kit';

/** VM-LOGGING: VM logging is on. */
export const vmLogging = booleanRule({
  ruleId: 'VM-LOGGING',
  title: 'VM logging is on',
  severity: Severity.MEDIUM,
  source: 'STIG VMCH-80-000207; SCG8 vm-8.log-enable',
  resourceTypes: ['vsphere_virtual_machine'],
  attribute: 'enable_logging',
  secure: true,
  unsetPasses: false,
  rationale: 'The provider default is enable_logging = false, so unset fails.',
});
