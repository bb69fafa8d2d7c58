import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { HYPERV_PROV, checkOnOff, singleBlock } from '../private/hyperv';
import { asNumber, defineRule } from '../private/rule-kit';

const TEMPLATES = ['MicrosoftWindows', 'MicrosoftUEFICertificateAuthority', 'OpenSourceShieldedVM'];

/** HV-SECURE-BOOT: Secure Boot on, with a known template. */
export const hvSecureBoot = defineRule({
  ruleId: 'HV-SECURE-BOOT',
  title: 'Secure Boot on, with a known template',
  severity: Severity.HIGH,
  source: `MSDOC Plan for Hyper-V security in Windows Server (Secure Boot); ${HYPERV_PROV}`,
  resourceTypes: ['hyperv_machine_instance'],
  rationale: 'Generation 2 only (a generation 1 VM fails at generation). vm_firmware[0].enable_secure_boot unset means On (the provider applies it even without a vm_firmware block); "Off" fails. secure_boot_template, when set, must be MicrosoftWindows, MicrosoftUEFICertificateAuthority or OpenSourceShieldedVM (the provider does not validate it; the template must fit the guest, which only the construct knows).',
}, (attributes, findings) => {
  const generation = attributes.generation;
  if (isUnresolved(generation)) return findings.unknown('generation', generation);
  if (generation !== undefined && generation !== null && asNumber(generation) !== 2) {
    return findings.fail('generation', generation, 'Secure Boot needs generation = 2');
  }
  const firmware = singleBlock(attributes, 'vm_firmware') ?? {};
  checkOnOff(firmware, 'enable_secure_boot', 'vm_firmware[0].enable_secure_boot', 'On', 'On', findings, 'set enable_secure_boot = "On"');
  const template = firmware.secure_boot_template;
  if (isUnresolved(template)) return findings.unknown('vm_firmware[0].secure_boot_template', template);
  if (template !== undefined && template !== null && template !== '' && !TEMPLATES.includes(String(template))) {
    findings.fail('vm_firmware[0].secure_boot_template', template, `use ${TEMPLATES.join(', ')}`);
  }
});
