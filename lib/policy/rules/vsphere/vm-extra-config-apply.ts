import { findAll, isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { defineRule, isFalse } from '../private/rule-kit';
import { extraConfigEntries } from '../private/vsphere';

/** VM-EXTRA-CONFIG-APPLY: hardening keys actually reach the running VM. */
export const vmExtraConfigApply = defineRule({
  ruleId: 'VM-EXTRA-CONFIG-APPLY',
  title: 'extra_config hardening takes effect on the running VM',
  severity: Severity.LOW,
  source: 'STIG fix text (settings apply after a cold start); PROV extra_config notes',
  resourceTypes: ['vsphere_virtual_machine'],
  rationale: 'extra_config_reboot_required = false leaves changed keys inactive until someone power-cycles the VM. With ovf_deploy the provider may ignore extra_config, '
    + 'so an OVF-deployed VM that relies on extra_config fails until it is audited after apply (suppress with the audit reference).',
}, (attributes, findings) => {
  const reboot = attributes.extra_config_reboot_required;
  if (isUnresolved(reboot)) findings.unknown('extra_config_reboot_required', reboot);
  else if (isFalse(reboot)) findings.fail('extra_config_reboot_required', reboot, 'remove extra_config_reboot_required (default true) so changed keys apply');
  const ovf = findAll(attributes, 'ovf_deploy')[0];
  const entries = extraConfigEntries(attributes);
  if (ovf && (entries === undefined || entries.length > 0)) {
    findings.fail(ovf.path, '(ovf_deploy block)', 'clone from a template instead, or audit the extra_config keys after apply and suppress with the audit reference');
  }
});
