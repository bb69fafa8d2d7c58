import { blocksOf, isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { defineRule } from '../private/rule-kit';

const ALLOWED = ['persistent', 'independent_persistent'];

/** VM-DISK-PERSISTENT: no independent non-persistent disks. */
export const vmDiskPersistent = defineRule({
  ruleId: 'VM-DISK-PERSISTENT',
  title: 'Disks are persistent',
  severity: Severity.MEDIUM,
  source: 'STIG VMCH-80-000208; SCG9 vm-9.persistent-disk',
  resourceTypes: ['vsphere_virtual_machine'],
  rationale: 'disk[].disk_mode must be unset ("persistent") or "persistent"/"independent_persistent"; non-persistent modes erase evidence at power-off.',
}, (attributes, findings) => {
  if (typeof attributes.disk === 'string' && isUnresolved(attributes.disk)) return findings.unknown('disk', attributes.disk);
  for (const disk of blocksOf(attributes, 'disk')) {
    const mode = (disk.value as Record<string, any>)?.disk_mode;
    if (mode === undefined || mode === null) continue;
    if (isUnresolved(mode)) findings.unknown(`${disk.path}.disk_mode`, mode);
    else if (!ALLOWED.includes(String(mode).toLowerCase())) {
      findings.fail(`${disk.path}.disk_mode`, mode, 'set disk_mode = "persistent"', `disk=${(disk.value as Record<string, any>).label ?? disk.path}`);
    }
  }
});
