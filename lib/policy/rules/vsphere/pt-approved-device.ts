import { checkArgs } from '../../../core/private/shapes';
import { RuleResult, Severity } from '../../rule';
import { ConfigurableRule, stringList } from '../private/rule-kit';

/** Site input of the PT-APPROVED-DEVICE rule. */
export interface ApprovedPciDeviceRuleOptions {
  /**
   * Approved passthrough devices: literal PCI ids (`0000:3b:00.0`), or the exact expression that
   * looks an approved device up, e.g. `${data.vsphere_host_pci_device.a100.id}`.
   * @default - none: every passthrough device needs a recorded approval (a suppression)
   */
  readonly approvedDeviceIds?: string[];
}

/**
 * PT-APPROVED-DEVICE: only approved devices are passed through.
 *
 * With no approved list configured every device fails, so each passthrough VM carries its
 * approval as a reasoned `Policy.suppress(vm, 'PT-APPROVED-DEVICE', reason)` next to its
 * VM-NO-PASSTHROUGH suppression; both show up in the review report.
 */
export class ApprovedPciDeviceRule extends ConfigurableRule {
  constructor(options: ApprovedPciDeviceRuleOptions = {}) {
    checkArgs('ApprovedPciDeviceRule', 'ApprovedPciDeviceRule', [options]);
    const approved = (options.approvedDeviceIds ?? []).map((id) => id.trim());
    super({
      ruleId: 'PT-APPROVED-DEVICE',
      title: 'Only approved PCI devices are passed through',
      severity: Severity.HIGH,
      source: 'STIG VMCH-80-000214; SCG8 vm-8.pci-passthrough',
      resourceTypes: ['vsphere_virtual_machine'],
      rationale: 'Every pci_device_id entry must be on the approved list (literal id, case-insensitive, or the exact lookup expression). '
        + 'With an empty list (the default) nothing is approved, so every passthrough device fails, whether its id is literal or a lookup: rules cannot see suppressions, '
        + 'and the approval must be a reviewed record. A passthrough VM therefore records Policy.suppress(vm, "PT-APPROVED-DEVICE", "<approval reference>") beside '
        + 'its VM-NO-PASSTHROUGH suppression, or the site configures approvedDeviceIds. A lookup expression not on a non-empty list is UNKNOWN.',
    }, (attributes, findings) => {
      const value = attributes.pci_device_id;
      const list = stringList(value);
      const fix = 'record the approval with Policy.suppress(vm, "PT-APPROVED-DEVICE", reason), or add the device to approvedDeviceIds';
      if (list.unresolved) {
        return approved.length === 0 ? findings.fail('pci_device_id', value, fix, 'no approved devices configured') : findings.unknown('pci_device_id', value);
      }
      if (list.items.length === 0) return RuleResult.notApplicable();
      for (const item of list.items) {
        const itemPath = Array.isArray(value) ? `pci_device_id[${item.index}]` : 'pci_device_id';
        if (approved.some((a) => a.toLowerCase() === item.value.trim().toLowerCase())) continue;
        if (item.unresolved && approved.length > 0) findings.unknown(itemPath, item.value);
        else findings.fail(itemPath, item.value, fix, `device=${item.value}`);
      }
    });
  }
}
