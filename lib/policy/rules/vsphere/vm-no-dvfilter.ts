import { isUnresolved } from '../../private/attributes';
import { IPolicyRule, PolicyContext, PolicyResource, RuleResult, Severity } from '../../rule';
import { mapPath, runCheck } from '../private/rule-kit';
import { extraConfigEntries } from '../private/vsphere';

const FILTER_KEY = /^ethernet\d+\.filter\d+\.name$/i;

/** Site input of the VM-NO-DVFILTER rule. */
export interface VmDvFilterRuleOptions {
  /**
   * dvFilter names (the values of `ethernet<n>.filter<m>.name`) of approved security appliances.
   * @default - none
   */
  readonly allowedFilterNames?: string[];
}

/**
 * VM-NO-DVFILTER: no dvFilter network API attachment unless a security appliance needs it.
 */
export class VmDvFilterRule implements IPolicyRule {
  /** The control id. */
  public readonly ruleId: string = 'VM-NO-DVFILTER';
  /** What the rule requires. */
  public readonly title: string = 'No dvFilter network API attachment unless approved';
  /** Low. */
  public readonly severity: Severity = Severity.LOW;
  /** STIG / SCG item. */
  public readonly source: string = 'STIG VMCH-80-000200; SCG8 vm-8.dvfilter';
  /** `vsphere_virtual_machine`. */
  public readonly resourceTypes: string[] = ['vsphere_virtual_machine'];
  /** Findings may be suppressed with a reason. */
  public readonly suppressible?: boolean = true;
  /** How the rule decides. */
  public readonly rationale: string;
  private readonly allowed: string[];

  constructor(options: VmDvFilterRuleOptions = {}) {
    this.allowed = (options.allowedFilterNames ?? []).map((n) => n.trim().toLowerCase());
    this.rationale = 'Every extra_config key matching ethernet<n>.filter<m>.name fails unless its value is an approved filter name (allowedFilterNames, default none).';
  }

  /** Checks one resource. */
  public evaluate(resource: PolicyResource, context: PolicyContext): RuleResult {
    return runCheck(this.resourceTypes, resource, context, (attributes, findings) => {
      const entries = extraConfigEntries(attributes);
      if (entries === undefined) return findings.unknown('extra_config', attributes.extra_config);
      for (const [key, value] of entries) {
        if (!FILTER_KEY.test(key)) continue;
        if (isUnresolved(value)) findings.unknown(mapPath('extra_config', key), value);
        else if (!this.allowed.includes(String(value).trim().toLowerCase())) {
          findings.fail(mapPath('extra_config', key), value, `remove extra_config["${key}"], or approve the filter (allowedFilterNames)`, `key=${key}`);
        }
      }
    });
  }
}
