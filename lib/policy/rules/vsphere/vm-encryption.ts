import { checkArgs } from '../../../core/private/shapes';
import { blocksOf, isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { ConfigurableRule, Findings, isUnset, requireSet } from '../private/rule-kit';

/** Site input of the VM-ENCRYPTION rule. */
export interface VmEncryptionRuleOptions {
  /**
   * Storage policy ids that encrypt: literal ids, or the exact expression that looks one up,
   * e.g. `${data.vsphere_storage_policy.encryption.id}`.
   * @default - any storage policy counts (the rule then checks that one is assigned)
   */
  readonly encryptionPolicyIds?: string[];
}

function checkPolicy(approved: string[] | undefined, findings: Findings, attributePath: string, value: unknown): void {
  const fix = 'assign an encryption storage policy, e.g. storage_policy_id = data.vsphere_storage_policy.<encryption>.id';
  if (isUnset(value)) return findings.fail(attributePath, value, fix);
  // without a list any assigned policy counts, but only a resource or data attribute is surely assigned:
  // a variable may be empty (no policy, no encryption)
  if (!approved) return requireSet(findings, attributePath, value, fix);
  if (approved.some((id) => id.toLowerCase() === String(value).trim().toLowerCase())) return;
  if (isUnresolved(value)) return findings.unknown(attributePath, value);
  findings.fail(attributePath, value, `use one of the encryption policies: ${approved.join(', ')}`);
}

/**
 * VM-ENCRYPTION: VM home and every disk use an encryption storage policy.
 */
export class VmEncryptionRule extends ConfigurableRule {
  constructor(options: VmEncryptionRuleOptions = {}) {
    checkArgs('VmEncryptionRule', 'VmEncryptionRule', [options]);
    const approved = options.encryptionPolicyIds && options.encryptionPolicyIds.length > 0 ? options.encryptionPolicyIds.map((id) => id.trim()) : undefined;
    super({
      ruleId: 'VM-ENCRYPTION',
      title: 'VM home and disks use an encryption storage policy',
      severity: Severity.MEDIUM,
      source: 'VSDOC vSphere 8 Security, Virtual Machine Encryption',
      resourceTypes: ['vsphere_virtual_machine'],
      rationale: 'storage_policy_id and every disk[].storage_policy_id must be set. '
        + (approved
          ? 'Each must be one of the configured encryption policies (literal id or the exact lookup expression); another expression is UNKNOWN.'
          : 'Without a configured list (encryptionPolicyIds) synth cannot tell an encryption policy from another, so any assigned policy (a literal, '
            + 'or a resource or data source attribute such as a lookup) passes; a variable may be empty, so it is UNKNOWN.'),
    }, (attributes, findings) => {
      checkPolicy(approved, findings, 'storage_policy_id', attributes.storage_policy_id);
      if (typeof attributes.disk === 'string' && isUnresolved(attributes.disk)) return findings.unknown('disk', attributes.disk);
      for (const disk of blocksOf(attributes, 'disk')) {
        checkPolicy(approved, findings, `${disk.path}.storage_policy_id`, (disk.value as Record<string, any>)?.storage_policy_id);
      }
    });
  }
}
