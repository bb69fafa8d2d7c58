import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { HYPERV_PROV } from '../private/hyperv';
import { defineRule } from '../private/rule-kit';

/** HV-PROVIDER-CREDENTIALS: The Hyper-V provider password is not a literal in the configuration. */
export const hvProviderCredentials = defineRule({
  ruleId: 'HV-PROVIDER-CREDENTIALS',
  title: 'The Hyper-V provider password is not a literal in the configuration',
  severity: Severity.HIGH,
  source: `${HYPERV_PROV} (password is not marked sensitive); design.md real artifacts`,
  resourceTypes: ['provider.hyperv'],
  rationale: 'password must come from a (sensitive) Terraform variable or the HYPERV_PASSWORD environment variable: an expression or unset passes, any literal fails. The provider does not mark password sensitive, so a literal lands in cdk.tf.json and in plan output.',
}, (attributes, findings) => {
  const password = attributes.password;
  if (password === undefined || password === null || isUnresolved(password)) return;
  findings.fail('password', '<redacted>', 'pass a sensitive TerraformVariable (password: variable.stringValue) or set HYPERV_PASSWORD in the environment');
});
