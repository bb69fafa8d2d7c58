import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { HYPERV_PROV } from '../private/hyperv';
import { defineRule, isTrue } from '../private/rule-kit';

const PATH = 'integration_services["Guest Service Interface"]';

/** HV-GUEST-SERVICE-INTERFACE: The Guest Service Interface integration service is off. */
export const hvGuestServiceInterface = defineRule({
  ruleId: 'HV-GUEST-SERVICE-INTERFACE',
  title: 'The Guest Service Interface integration service is off',
  severity: Severity.MEDIUM,
  source: `MSDOC Hyper-V Integration Services (Guest Service Interface); ${HYPERV_PROV}`,
  resourceTypes: ['hyperv_machine_instance'],
  rationale: 'integration_services["Guest Service Interface"] must be false or unset (not tracked, Hyper-V default off). It lets the host copy files into the running guest (Copy-VMFile) without guest credentials.',
}, (attributes, findings) => {
  const services = attributes.integration_services;
  if (isUnresolved(services)) return findings.unknown('integration_services', services);
  const value = services && typeof services === 'object' ? services['Guest Service Interface'] : undefined;
  if (isUnresolved(value)) return findings.unknown(PATH, value);
  if (isTrue(value)) findings.fail(PATH, value, 'set integration_services["Guest Service Interface"] = false');
});
