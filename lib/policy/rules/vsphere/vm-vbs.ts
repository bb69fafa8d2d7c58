import { findAll, isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { checkBoolean, defineRule, isTrue } from '../private/rule-kit';

/** VM-VBS: VBS for Windows guests; the VBS prerequisites stay off for other guests. */
export const vmVbs = defineRule({
  ruleId: 'VM-VBS',
  title: 'Windows guests use Virtualization-based Security; other guests leave it off',
  severity: Severity.LOW,
  source: 'VSDOC vSphere 8, Virtualization-based Security; PROV vbs_enabled',
  resourceTypes: ['vsphere_virtual_machine'],
  rationale: 'A guest_id starting with "windows" needs vbs_enabled, efi firmware, efi_secure_boot_enabled, vvtd_enabled and nested_hv_enabled (the provider requires all four with VBS). '
    + 'Other guests (unset guest_id is the provider default otherGuest64) must leave vbs_enabled, vvtd_enabled and nested_hv_enabled false. A clone with no guest_id takes the template\'s, so it is UNKNOWN.',
}, (attributes, findings) => {
  const guest = attributes.guest_id;
  if (isUnresolved(guest)) return findings.unknown('guest_id', guest);
  if ((guest === undefined || guest === null) && findAll(attributes, 'clone').length > 0) {
    return findings.unknownBecause('guest_id is unset on a clone: the guest type comes from the template');
  }
  const windows = typeof guest === 'string' && /^windows/i.test(guest);
  if (windows) {
    checkBoolean(attributes, findings, 'vbs_enabled', true, false);
    const firmware = attributes.firmware;
    if (isUnresolved(firmware)) findings.unknown('firmware', firmware);
    else if (String(firmware ?? 'bios').toLowerCase() !== 'efi') findings.fail('firmware', firmware, 'set firmware = "efi" (VBS needs EFI)');
    for (const attribute of ['efi_secure_boot_enabled', 'vvtd_enabled', 'nested_hv_enabled']) checkBoolean(attributes, findings, attribute, true, false);
    return;
  }
  for (const attribute of ['vbs_enabled', 'vvtd_enabled', 'nested_hv_enabled']) {
    const value = attributes[attribute];
    if (isUnresolved(value)) findings.unknown(attribute, value);
    else if (isTrue(value)) findings.fail(attribute, value, `set ${attribute} = false (guest ${guest ?? 'otherGuest64'} is not Windows)`);
  }
});
