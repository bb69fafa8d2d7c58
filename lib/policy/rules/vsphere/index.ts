import { IPolicyRule } from '../../rule';

/** The vSphere baseline rules (security-baseline.md), in id order. Filled by the vSphere rules work. */
export const VSPHERE_RULES: IPolicyRule[] = [];
