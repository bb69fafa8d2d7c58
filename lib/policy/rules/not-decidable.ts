import { DOCKER_NOT_DECIDABLE } from './docker';
import { KUBERNETES_NOT_DECIDABLE } from './kubernetes/not-decidable';
import { UndecidableControl } from './undecidable-control';
import { VSPHERE_NOT_DECIDABLE } from './vsphere';

/**
 * Baseline controls (Kubernetes, Docker and vSphere sections) that no synthesized attribute can
 * decide, with the reason and where they are met instead, so reports, RULES.md and the README can
 * list them. Every control of the baseline is either a built-in rule or listed here.
 */
export const NOT_DECIDABLE: UndecidableControl[] = [...KUBERNETES_NOT_DECIDABLE, ...DOCKER_NOT_DECIDABLE, ...VSPHERE_NOT_DECIDABLE];
