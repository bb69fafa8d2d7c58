import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { HYPERV_PROV } from '../private/hyperv';
import { defineRule, isFalse, isTrue } from '../private/rule-kit';

/** HV-PROVIDER-TLS: The Hyper-V provider talks WinRM over HTTPS with certificate checks. */
export const hvProviderTls = defineRule({
  ruleId: 'HV-PROVIDER-TLS',
  title: 'The Hyper-V provider talks WinRM over HTTPS with certificate checks',
  severity: Severity.HIGH,
  source: `MSDOC Installation and configuration for Windows Remote Management (HTTPS listener); ${HYPERV_PROV}`,
  resourceTypes: ['provider.hyperv'],
  rationale: 'Evaluated on provider blocks (pseudo-resource type "provider.hyperv"). https unset means true (the provider default), insecure unset means false. Plain HTTP WinRM or skipped certificate checks hand the Hyper-V host\'s administrator credentials to the network.',
}, (attributes, findings) => {
  const https = attributes.https;
  if (isUnresolved(https)) findings.unknown('https', https);
  else if (isFalse(https)) findings.fail('https', https, 'set https = true (WinRM over HTTPS, port 5986)');
  const insecure = attributes.insecure;
  if (isUnresolved(insecure)) findings.unknown('insecure', insecure);
  else if (isTrue(insecure)) findings.fail('insecure', insecure, 'set insecure = false and give cacert_path (or tls_server_name) instead');
});
