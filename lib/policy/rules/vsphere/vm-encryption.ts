import { findAll, isUnresolved } from '../../private/attributes';
import { IPolicyRule, PolicyContext, PolicyResource, RuleResult, Severity } from '../../rule';
import { Findings, isUnset, runCheck } from '../private/rule-kit';

/** Site input of the VM-ENCRYPTION rule. */
export interface VmEncryptionRuleOptions {
  /**
   * Storage policy ids that encrypt: literal ids, or the exact expression that looks one up,
   * e.g. `${data.vsphere_storage_policy.encryption.id}`.
   * @default - any storage policy counts (the rule then checks that one is assigned)
   */
  readonly encryptionPolicyIds?: string[];
}

/**
 * VM-ENCRYPTION: VM home and every disk use an encryption storage policy.
 */
export class VmEncryptionRule implements IPolicyRule {
  /** The control id. */
  public readonly ruleId: string = 'VM-ENCRYPTION';
  /** What the rule requires. */
  public readonly title: string = 'VM home and disks use an encryption storage policy';
  /** Medium. */
  public readonly severity: Severity = Severity.MEDIUM;
  /** vSphere documentation. */
  public readonly source: string = 'VSDOC vSphere 8 Security, Virtual Machine Encryption';
  /** `vsphere_virtual_machine`. */
  public readonly resourceTypes: string[] = ['vsphere_virtual_machine'];
  /** Findings may be suppressed with a reason. */
  public readonly suppressible?: boolean = true;
  /** How the rule decides. */
  public readonly rationale: string;
  private readonly approved?: string[];

  constructor(options: VmEncryptionRuleOptions = {}) {
    this.approved = options.encryptionPolicyIds && options.encryptionPolicyIds.length > 0 ? options.encryptionPolicyIds.map((id) => id.trim()) : undefined;
    this.rationale = 'storage_policy_id and every disk[].storage_policy_id must be set. '
      + (this.approved
        ? 'Each must be one of the configured encryption policies (literal id or the exact lookup expression); another expression is UNKNOWN.'
        : 'Without a configured list (encryptionPolicyIds) synth cannot tell an encryption policy from another, so any assigned policy (a literal or a lookup) passes.');
  }

  /** Checks one resource. */
  public evaluate(resource: PolicyResource, context: PolicyContext): RuleResult {
    return runCheck(this.resourceTypes, resource, context, (attributes, findings) => {
      this.checkPolicy(findings, 'storage_policy_id', attributes.storage_policy_id);
      if (typeof attributes.disk === 'string' && isUnresolved(attributes.disk)) return findings.unknown('disk', attributes.disk);
      for (const disk of findAll(attributes, 'disk')) {
        this.checkPolicy(findings, `${disk.path}.storage_policy_id`, (disk.value as Record<string, any>)?.storage_policy_id);
      }
    });
  }

  private checkPolicy(findings: Findings, attributePath: string, value: unknown): void {
    const fix = 'assign an encryption storage policy, e.g. storage_policy_id = data.vsphere_storage_policy.<encryption>.id';
    if (isUnset(value)) return findings.fail(attributePath, value, fix);
    if (!this.approved) return;
    if (this.approved.some((id) => id.toLowerCase() === String(value).trim().toLowerCase())) return;
    if (isUnresolved(value)) return findings.unknown(attributePath, value);
    findings.fail(attributePath, value, `use one of the encryption policies: ${this.approved.join(', ')}`);
  }
}
