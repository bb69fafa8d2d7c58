import { blocksOf, isUnresolved } from '../../private/attributes';
import { RuleResult, Severity } from '../../rule';
import { asNumber, defineRule, requireSet } from '../private/rule-kit';
import { DEFAULT_MEMORY_MB } from '../private/vsphere';

const BANDWIDTH = ['bandwidth_limit', 'bandwidth_reservation', 'bandwidth_share_level', 'bandwidth_share_count'];

/** PT-SRIOV: SR-IOV NICs are placed explicitly and fully backed by memory. */
export const ptSriov = defineRule({
  ruleId: 'PT-SRIOV',
  title: 'SR-IOV NICs are placed explicitly and fully backed by memory',
  severity: Severity.MEDIUM,
  source: 'PROV SR-IOV section',
  resourceTypes: ['vsphere_virtual_machine'],
  rationale: 'Applies to VMs with a network_interface of adapter_type "sriov": each needs physical_function and no bandwidth_* settings; the VM needs host_system_id, '
    + 'memory_reservation = memory, and its SR-IOV NICs declared after all others.',
}, (attributes, findings) => {
  if (typeof attributes.network_interface === 'string' && isUnresolved(attributes.network_interface)) return findings.unknown('network_interface', attributes.network_interface);
  const nics = blocksOf(attributes, 'network_interface');
  const isSriov = nics.map((nic) => String((nic.value as Record<string, any>)?.adapter_type ?? '').toLowerCase() === 'sriov');
  // an adapter type only known at apply may be sriov: whether the rule applies, and the order, are unknown
  const unresolvedTypes = nics.filter((nic) => isUnresolved((nic.value as Record<string, any>).adapter_type));
  for (const nic of unresolvedTypes) findings.unknown(`${nic.path}.adapter_type`, (nic.value as Record<string, any>).adapter_type);
  if (!isSriov.includes(true)) return unresolvedTypes.length > 0 ? findings.result() : RuleResult.notApplicable();
  nics.forEach((nic, i) => {
    const n = nic.value as Record<string, any>;
    if (!isSriov[i]) {
      if (isSriov.slice(0, i).includes(true)) findings.fail(`${nic.path}.adapter_type`, n.adapter_type, 'declare SR-IOV network interfaces after all other interfaces', `nic=${i}`);
      return;
    }
    requireSet(findings, `${nic.path}.physical_function`, n.physical_function, 'set physical_function to the PCI address of the physical function', `nic=${i}`);
    for (const key of BANDWIDTH) {
      if (n[key] !== undefined && n[key] !== null) findings.fail(`${nic.path}.${key}`, n[key], `remove ${key} (not supported on SR-IOV interfaces)`, `nic=${i}`);
    }
  });
  requireSet(findings, 'host_system_id', attributes.host_system_id, 'set host_system_id to the host that owns the physical function');
  const memory = attributes.memory ?? DEFAULT_MEMORY_MB;
  const reservation = attributes.memory_reservation;
  if (isUnresolved(memory) && String(memory) === String(reservation)) return;
  if (isUnresolved(memory) || isUnresolved(reservation)) findings.unknown('memory_reservation', [reservation, memory]);
  else if (asNumber(reservation) !== asNumber(memory)) findings.fail('memory_reservation', reservation, `set memory_reservation = memory (${memory})`);
});
