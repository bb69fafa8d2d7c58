import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { defineRule } from '../private/rule-kit';
import { VIRTUALBOX_PROV } from './unenforceable';

/** VBOX-BOOT-DEVICES: Lab VMs boot from disk only. */
export const vboxBootDevices = defineRule({
  ruleId: 'VBOX-BOOT-DEVICES',
  title: 'Lab VMs boot from disk only',
  severity: Severity.MEDIUM,
  source: `${VIRTUALBOX_PROV}; SCG9 vm-9.efi-boot-types (by analogy)`,
  resourceTypes: ['virtualbox_vm'],
  rationale: 'boot_order unset means ["disk","none","none","none"] and passes. Otherwise the first entry must be disk and none may be net, dvd or floppy (no PXE or media fallback).',
}, (attributes, findings) => {
  const order = attributes.boot_order;
  if (isUnresolved(order)) return findings.unknown('boot_order', order);
  if (order === undefined || order === null) return;
  const list = Array.isArray(order) ? order : [order];
  list.forEach((device, i) => {
    const d = String(device).toLowerCase();
    if (i === 0 ? d !== 'disk' : !['none', 'disk'].includes(d)) findings.fail(`boot_order[${i}]`, device, 'set boot_order = ["disk", "none", "none", "none"]');
  });
});
