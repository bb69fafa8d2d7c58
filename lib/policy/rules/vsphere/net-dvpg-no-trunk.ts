import { IPolicyRule, PolicyContext, PolicyResource, RuleResult, Severity } from '../../rule';
import { runCheck } from '../private/rule-kit';
import { formatRange, vlanRanges } from '../private/vlan';
import { PolicyVlanRange } from './vlan-range';

/** Site input of the NET-DVPG-NO-TRUNK rule. */
export interface VlanTrunkRuleOptions {
  /**
   * Authorised trunk ranges; a port group's `vlan_range` must lie inside one of them.
   * @default - no trunking is authorised
   */
  readonly allowedVlanRanges?: PolicyVlanRange[];
}

/**
 * NET-DVPG-NO-TRUNK: no VLAN trunking (guest tagging) unless authorised, and then the narrowest range.
 */
export class VlanTrunkRule implements IPolicyRule {
  /** The control id. */
  public readonly ruleId: string = 'NET-DVPG-NO-TRUNK';
  /** What the rule requires. */
  public readonly title: string = 'Distributed port groups do not trunk VLANs unless authorised';
  /** Medium. */
  public readonly severity: Severity = Severity.MEDIUM;
  /** STIG / SCG item. */
  public readonly source: string = 'STIG VCSA-80-000273; SCG8 vcenter-8.network-vgt';
  /** `vsphere_distributed_port_group`. */
  public readonly resourceTypes: string[] = ['vsphere_distributed_port_group'];
  /** Findings may be suppressed with a reason. */
  public readonly suppressible?: boolean = true;
  /** How the rule decides. */
  public readonly rationale: string;
  private readonly allowed: PolicyVlanRange[];

  constructor(options: VlanTrunkRuleOptions = {}) {
    this.allowed = options.allowedVlanRanges ?? [];
    this.rationale = 'Every vlan_range block fails unless it lies inside an authorised range (allowedVlanRanges'
      + `${this.allowed.length ? `: ${this.allowed.map(formatRange).join(', ')}` : ', none configured'}).`;
  }

  /** Checks one resource. */
  public evaluate(resource: PolicyResource, context: PolicyContext): RuleResult {
    return runCheck(this.resourceTypes, resource, context, (attributes, findings) => {
      for (const range of vlanRanges(attributes, findings)) {
        if (!this.allowed.some((a) => a.minVlan <= range.min && range.max <= a.maxVlan)) {
          findings.fail(range.path, range.raw, this.allowed.length
            ? `narrow the range into an authorised trunk (${this.allowed.map(formatRange).join(', ')}) or use a single vlan_id`
            : 'remove vlan_range and set a single vlan_id', `range=${range.min}-${range.max}`);
        }
      }
    });
  }
}
