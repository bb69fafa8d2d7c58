import { asBlocks, isUnresolved } from '../../private/attributes';
import { RuleResult, Severity } from '../../rule';
import { HYPERV_PROV, singleBlock } from '../private/hyperv';
import { asNumber, defineRule } from '../private/rule-kit';

/** HV-BOOT-DEVICES: Generation 2 VMs boot only from their hard disk. */
export const hvBootDevices = defineRule({
  ruleId: 'HV-BOOT-DEVICES',
  title: 'Generation 2 VMs boot only from their hard disk',
  severity: Severity.MEDIUM,
  source: `SCG9 vm-9.efi-boot-types (by analogy); ${HYPERV_PROV}`,
  resourceTypes: ['hyperv_machine_instance'],
  rationale: 'On generation 2 VMs, vm_firmware[0].boot_order must be set and list only HardDiskDrive entries (no NetworkAdapter PXE or DvdDrive fallback once the OS is installed). Unset fails: Hyper-V\'s default order includes the network adaptor. Generation 1 VMs have no firmware boot order in this provider: not applicable.',
}, (attributes, findings) => {
  const generation = attributes.generation;
  if (isUnresolved(generation)) return findings.unknown('generation', generation);
  if (generation !== undefined && generation !== null && asNumber(generation) !== 2) return RuleResult.notApplicable();
  const firmware = singleBlock(attributes, 'vm_firmware') ?? {};
  if (isUnresolved(firmware.boot_order)) return findings.unknown('vm_firmware[0].boot_order', firmware.boot_order);
  const order = asBlocks(firmware.boot_order);
  if (order.length === 0) return findings.fail('vm_firmware[0].boot_order', undefined, 'set vm_firmware { boot_order { boot_type = "HardDiskDrive" ... } } with the OS disk only');
  order.forEach((entry, i) => {
    if (isUnresolved(entry.boot_type)) findings.unknown(`vm_firmware[0].boot_order[${i}].boot_type`, entry.boot_type);
    else if (String(entry.boot_type).toLowerCase() !== 'harddiskdrive') findings.fail(`vm_firmware[0].boot_order[${i}].boot_type`, entry.boot_type, 'boot only from HardDiskDrive entries');
  });
});
