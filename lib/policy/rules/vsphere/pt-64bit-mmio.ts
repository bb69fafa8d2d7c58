import { Severity } from '../../rule';
import { checkExtraConfig, passthroughRule } from '../private/vsphere';

const KEY = 'pciPassthru.use64bitMMIO';

/** PT-64BIT-MMIO: 64-bit MMIO on for passthrough VMs. */
export const pt64bitMmio = passthroughRule({
  ruleId: 'PT-64BIT-MMIO',
  title: 'Passthrough VMs turn on 64-bit MMIO',
  severity: Severity.HIGH,
  source: 'VMware apps blog (V100 passthrough, 2018); Broadcom KB 323402',
  rationale: `Device BAR sizes are not visible at synth, so every passthrough VM must set extra_config["${KEY}"] = "TRUE" (harmless for small devices, required above 16 GB).`,
}, (attributes, findings) => checkExtraConfig(attributes, findings, KEY, 'TRUE'));
