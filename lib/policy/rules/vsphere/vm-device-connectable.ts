import { Severity } from '../../rule';
import { extraConfigRule } from '../private/vsphere';

/** VM-DEVICE-CONNECTABLE: guest users cannot connect, disconnect or modify devices (`extra_config["isolation.device.connectable.disable"] = "TRUE"`). */
export const vmDeviceConnectable = extraConfigRule({
  ruleId: 'VM-DEVICE-CONNECTABLE',
  title: 'Guest users cannot connect, disconnect or modify devices',
  severity: Severity.MEDIUM,
  source: 'STIG VMCH-80-000197; SCG8 vm-8.isolation-device-connectable-deactivate',
  key: 'isolation.device.connectable.disable',
  value: 'TRUE',
});
