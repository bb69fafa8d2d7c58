import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { HYPERV_PROV } from '../private/hyperv';
import { defineRule } from '../private/rule-kit';

/** HV-CHECKPOINT-TYPE: Checkpoints never save guest memory (ProductionOnly or Disabled). */
export const hvCheckpointType = defineRule({
  ruleId: 'HV-CHECKPOINT-TYPE',
  title: 'Checkpoints never save guest memory (ProductionOnly or Disabled)',
  severity: Severity.LOW,
  source: `MSDOC Choose between standard or production checkpoints in Hyper-V; ${HYPERV_PROV}`,
  resourceTypes: ['hyperv_machine_instance'],
  rationale: 'checkpoint_type must be ProductionOnly or Disabled. Standard checkpoints, and Production ones when they fall back to Standard (the provider default is Production), write guest memory, secrets included, to the host disk.',
}, (attributes, findings) => {
  const value = attributes.checkpoint_type;
  if (isUnresolved(value)) return findings.unknown('checkpoint_type', value);
  if (!['productiononly', 'disabled'].includes(String(value ?? 'Production').toLowerCase())) {
    findings.fail('checkpoint_type', value, 'set checkpoint_type = "ProductionOnly" (or "Disabled" for immutable servers)');
  }
});
