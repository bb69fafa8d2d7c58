import { ErrorScope, invalid } from '../../../core/private/errors';
import { checkIntegerRange, isUnresolved } from '../../../core/private/validation';

/** The VLAN id that hands every VLAN to the guest on a standard port group (virtual guest tagging). */
export const GUEST_TAGGING_VLAN = 4095;

/** What a port group's VLAN id is checked against. */
export interface VlanCheckOptions {
  /** The upstream native VLAN (site input), if known. */
  readonly nativeVlanId?: number;
  /** VLAN ids the upstream switch reserves (site input). */
  readonly reservedVlanIds?: number[];
  /** Whether VLAN 4095 (guest tagging) is allowed: only on a standard port group with an explicit opt-in. */
  readonly allowGuestTagging?: boolean;
  /** The fix shown when the id is out of range. */
  readonly rangeFix: string;
}

/**
 * Checks a port group's VLAN id against NET-DVPG-NATIVE-VLAN, NET-DVPG-RESERVED-VLAN and the trunk
 * controls (NET-DVPG-NO-TRUNK / NET-VSS-NO-VGT). Shared by `SecurePortGroup` and `SecureHostPortGroup`.
 */
export function checkPortGroupVlan(scope: ErrorScope, prop: string, vlanId: number, options: VlanCheckOptions): void {
  if (isUnresolved(vlanId)) return;
  if (options.allowGuestTagging === true && vlanId === GUEST_TAGGING_VLAN) return;
  checkIntegerRange(scope, prop, vlanId, 0, 4094, options.rangeFix);
  if (vlanId === 0) {
    throw invalid(scope, prop, 'is 0 (untagged, lands on the native VLAN; NET-DVPG-NATIVE-VLAN)', 0, 'Use a tagged VLAN id from 1 to 4094.');
  }
  if (options.nativeVlanId !== undefined && vlanId === options.nativeVlanId) {
    throw invalid(scope, prop, `is the upstream native VLAN (${options.nativeVlanId}; NET-DVPG-NATIVE-VLAN)`, vlanId, 'Use a dedicated tagged VLAN.');
  }
  if ((options.reservedVlanIds ?? []).includes(vlanId)) {
    throw invalid(scope, prop, 'is reserved by the upstream switch (NET-DVPG-RESERVED-VLAN)', vlanId, 'Pick a VLAN id outside the reserved set.');
  }
}
