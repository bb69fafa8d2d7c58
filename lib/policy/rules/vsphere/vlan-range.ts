/** An inclusive VLAN id range. */
export interface PolicyVlanRange {
  /** First VLAN id of the range. */
  readonly minVlan: number;
  /** Last VLAN id of the range (inclusive). */
  readonly maxVlan: number;
}
