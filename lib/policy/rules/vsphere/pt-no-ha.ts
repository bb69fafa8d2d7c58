import { isUnresolved } from '../../private/attributes';
import { RuleResult, Severity } from '../../rule';
import { passthroughRule } from '../private/vsphere';
import { inComputeCluster, overridesFor } from './cluster';

/** PT-NO-HA: HA does not restart a passthrough VM on another host. */
export const ptNoHa = passthroughRule({
  ruleId: 'PT-NO-HA',
  title: 'HA does not restart passthrough VMs on another host',
  severity: Severity.LOW,
  source: 'VSDOC DirectPath I/O (HA and FT unavailable)',
  rationale: 'A passthrough VM needs a vsphere_ha_vm_override (virtual_machine_id referring to it) with ha_vm_restart_priority = "disabled". '
    + 'Without an override the rule fails only when the VM\'s resource_pool_id is a compute cluster\'s pool; otherwise there is no cluster information and it is NOT_APPLICABLE.',
}, (attributes, findings, resource, context) => {
  const overrides = overridesFor(resource, context, 'vsphere_ha_vm_override');
  if (overrides.length === 0) {
    if (!inComputeCluster(attributes)) return RuleResult.notApplicable();
    return findings.fail('resource_pool_id', attributes.resource_pool_id,
      `add a vsphere_ha_vm_override { virtual_machine_id = ${resource.address}.id, ha_vm_restart_priority = "disabled" } for this VM's cluster`);
  }
  for (const override of overrides) {
    const priority = override.attributes.ha_vm_restart_priority;
    if (typeof priority === 'string' && priority.toLowerCase() === 'disabled') continue;
    if (isUnresolved(priority)) findings.unknown(`${override.address}.ha_vm_restart_priority`, priority);
    else findings.fail(`${override.address}.ha_vm_restart_priority`, priority, 'set ha_vm_restart_priority = "disabled" on the override', `override=${override.address}`);
  }
});
