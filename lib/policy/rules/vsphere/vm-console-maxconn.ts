import { Severity } from '../../rule';
import { extraConfigRule } from '../private/vsphere';

/** VM-CONSOLE-MAXCONN: one console connection at a time (`extra_config["RemoteDisplay.maxConnections"] = "1"`). */
export const vmConsoleMaxconn = extraConfigRule({
  ruleId: 'VM-CONSOLE-MAXCONN',
  title: 'One console connection at a time',
  severity: Severity.MEDIUM,
  source: 'STIG VMCH-80-000195; SCG8 vm-8.limit-console-connections',
  key: 'RemoteDisplay.maxConnections',
  value: '1',
  note: 'Raise it only where VMware Cloud Director needs it, and suppress with that reason.',
});
