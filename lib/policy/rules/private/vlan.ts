// VLAN helpers of the NET-DVPG-* VLAN rules.
import { blocksOf, isUnresolved } from '../../private/attributes';
import { PolicyVlanRange } from '../vsphere/vlan-range';
import { asNumber, Findings } from './rule-kit';

/** A VLAN range found on a port group, with its attribute path. */
export interface FoundVlanRange {
  readonly min: number;
  readonly max: number;
  readonly path: string;
  readonly raw: unknown;
}

/** The literal `vlan_range[]` blocks; unresolved bounds are recorded as unknown. */
export function vlanRanges(attributes: Record<string, any>, findings: Findings): FoundVlanRange[] {
  if (typeof attributes.vlan_range === 'string' && isUnresolved(attributes.vlan_range)) {
    findings.unknown('vlan_range', attributes.vlan_range);
    return [];
  }
  const ranges: FoundVlanRange[] = [];
  for (const block of blocksOf(attributes, 'vlan_range')) {
    const r = block.value as Record<string, any>;
    if (typeof r !== 'object' || r === null) continue;
    if (isUnresolved(r.min_vlan) || isUnresolved(r.max_vlan)) {
      findings.unknown(block.path, r);
      continue;
    }
    const min = asNumber(r.min_vlan);
    const max = asNumber(r.max_vlan);
    if (min === undefined || max === undefined) continue;
    ranges.push({ min, max, path: block.path, raw: r });
  }
  return ranges;
}

/** Whether two inclusive ranges overlap. */
export function overlaps(a: { min: number; max: number }, b: { min: number; max: number }): boolean {
  return a.min <= b.max && b.min <= a.max;
}

/** `1001-1024` or `4094`. */
export function formatRange(r: PolicyVlanRange): string {
  return r.minVlan === r.maxVlan ? `${r.minVlan}` : `${r.minVlan}-${r.maxVlan}`;
}
