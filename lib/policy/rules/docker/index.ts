import { IPolicyRule } from '../../rule';

/** The Docker baseline rules (security-baseline.md), in id order. Filled by the Docker rules work. */
export const DOCKER_RULES: IPolicyRule[] = [];
