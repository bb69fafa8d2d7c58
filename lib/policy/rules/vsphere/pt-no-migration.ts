import { isUnresolved } from '../../private/attributes';
import { RuleResult, Severity } from '../../rule';
import { isFalse } from '../private/rule-kit';
import { passthroughRule } from '../private/vsphere';
import { inComputeCluster, overridesFor } from './cluster';

/** PT-NO-MIGRATION: DRS does not try to migrate a passthrough VM. */
export const ptNoMigration = passthroughRule({
  ruleId: 'PT-NO-MIGRATION',
  title: 'DRS does not try to migrate passthrough VMs',
  severity: Severity.LOW,
  source: 'VSDOC DirectPath I/O (no vMotion; DRS cannot move it)',
  rationale: 'A passthrough VM needs a vsphere_drs_vm_override (virtual_machine_id referring to it) with drs_enabled = false or drs_automation_level = "manual". '
    + 'Without an override the rule fails only when the VM\'s resource_pool_id is a compute cluster\'s pool (${[data.]vsphere_compute_cluster.<n>.resource_pool_id}); '
    + 'a standalone host, a literal pool id or a variable gives no cluster information, so it is NOT_APPLICABLE.',
}, (attributes, findings, resource, context) => {
  const overrides = overridesFor(resource, context, 'vsphere_drs_vm_override');
  if (overrides.length === 0) {
    if (!inComputeCluster(attributes)) return RuleResult.notApplicable();
    return findings.fail('resource_pool_id', attributes.resource_pool_id,
      `add a vsphere_drs_vm_override { virtual_machine_id = ${resource.address}.id, drs_enabled = false } for this VM's cluster`);
  }
  for (const override of overrides) {
    const enabled = override.attributes.drs_enabled;
    const level = override.attributes.drs_automation_level;
    if (isFalse(enabled) || (typeof level === 'string' && level.toLowerCase() === 'manual')) continue;
    if (isUnresolved(enabled) || isUnresolved(level)) findings.unknown(`${override.address}.drs_enabled`, enabled ?? level);
    else findings.fail(`${override.address}.drs_enabled`, enabled, 'set drs_enabled = false (or drs_automation_level = "manual") on the override', `override=${override.address}`);
  }
});
