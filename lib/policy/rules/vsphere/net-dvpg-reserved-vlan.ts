import { isUnresolved } from '../../private/attributes';
import { IPolicyRule, PolicyContext, PolicyResource, RuleResult, Severity } from '../../rule';
import { asNumber, isUnset, runCheck } from '../private/rule-kit';
import { formatRange, overlaps, vlanRanges } from '../private/vlan';
import { PolicyVlanRange } from './vlan-range';

/** Site input of the NET-DVPG-RESERVED-VLAN rule. */
export interface ReservedVlanRuleOptions {
  /**
   * VLAN ids the upstream switches reserve, e.g. Catalyst `[{ minVlan: 1001, maxVlan: 1024 }, { minVlan: 4094, maxVlan: 4094 }]`.
   * @default - none (the rule is then not applicable; VLAN 4095 is NET-VSS-NO-VGT's business)
   */
  readonly reservedVlanRanges?: PolicyVlanRange[];
}

/**
 * NET-DVPG-RESERVED-VLAN: no VLAN ids that the upstream switch reserves.
 */
export class ReservedVlanRule implements IPolicyRule {
  /** The control id. */
  public readonly ruleId: string = 'NET-DVPG-RESERVED-VLAN';
  /** What the rule requires. */
  public readonly title: string = 'Port groups avoid the upstream switches\' reserved VLANs';
  /** Medium. */
  public readonly severity: Severity = Severity.MEDIUM;
  /** STIG item. */
  public readonly source: string = 'STIG VCSA-80-000274';
  /** Distributed and standard port groups. */
  public readonly resourceTypes: string[] = ['vsphere_distributed_port_group', 'vsphere_host_port_group'];
  /** Findings may be suppressed with a reason. */
  public readonly suppressible?: boolean = true;
  /** How the rule decides. */
  public readonly rationale: string;
  private readonly reserved: PolicyVlanRange[];

  constructor(options: ReservedVlanRuleOptions = {}) {
    this.reserved = options.reservedVlanRanges ?? [];
    this.rationale = 'vlan_id and every vlan_range must stay outside the reserved set, which depends on the upstream switch vendor (site input: reservedVlanRanges'
      + `${this.reserved.length ? `: ${this.reserved.map(formatRange).join(', ')}` : '; none configured, so the rule is NOT_APPLICABLE'}).`;
  }

  /** Checks one resource. */
  public evaluate(resource: PolicyResource, context: PolicyContext): RuleResult {
    return runCheck(this.resourceTypes, resource, context, (attributes, findings) => {
      if (this.reserved.length === 0) return RuleResult.notApplicable();
      const hit = (min: number, max: number) => this.reserved.filter((r) => overlaps({ min, max }, { min: r.minVlan, max: r.maxVlan }));
      const vlan = attributes.vlan_id;
      if (isUnresolved(vlan)) findings.unknown('vlan_id', vlan);
      else if (!isUnset(vlan)) {
        const n = asNumber(vlan);
        if (n !== undefined && hit(n, n).length > 0) findings.fail('vlan_id', vlan, `use a VLAN outside the reserved set (${this.reserved.map(formatRange).join(', ')})`);
      }
      const ranges = resource.resourceType === 'vsphere_distributed_port_group' ? vlanRanges(attributes, findings) : [];
      for (const range of ranges) {
        const clashes = hit(range.min, range.max);
        if (clashes.length > 0) findings.fail(range.path, range.raw, `exclude the reserved VLANs ${clashes.map(formatRange).join(', ')} from the range`, `range=${range.min}-${range.max}`);
      }
      return undefined;
    });
  }
}
