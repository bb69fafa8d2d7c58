import { IPolicyRule } from '../../rule';

/** The Kubernetes baseline rules (security-baseline.md), in id order. Filled by the Kubernetes rules work. */
export const KUBERNETES_RULES: IPolicyRule[] = [];
