import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { mapPath } from '../private/rule-kit';
import { extraConfig, passthroughRule, sameConfigValue } from '../private/vsphere';

const KEY = 'pciPassthru.use64bitMMIO';

/** PT-64BIT-MMIO: 64-bit MMIO on for passthrough VMs. */
export const pt64bitMmio = passthroughRule({
  ruleId: 'PT-64BIT-MMIO',
  title: 'Passthrough VMs turn on 64-bit MMIO',
  severity: Severity.HIGH,
  source: 'VMware apps blog (V100 passthrough, 2018); Broadcom KB 323402',
  rationale: `Device BAR sizes are not visible at synth, so every passthrough VM must set extra_config["${KEY}"] = "TRUE" (harmless for small devices, required above 16 GB).`,
}, (attributes, findings) => {
  const lookup = extraConfig(attributes, KEY);
  const fix = `set extra_config["${KEY}"] = "TRUE"`;
  if (lookup.state === 'unresolved') return findings.unknown('extra_config', attributes.extra_config);
  if (lookup.state === 'missing') return findings.fail(mapPath('extra_config', KEY), undefined, fix);
  if (isUnresolved(lookup.value)) return findings.unknown(lookup.path, lookup.value);
  if (!sameConfigValue(lookup.value, 'TRUE')) findings.fail(lookup.path, lookup.value, fix);
});
