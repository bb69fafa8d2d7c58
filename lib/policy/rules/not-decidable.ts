import { DOCKER_NOT_DECIDABLE } from './docker';
import { UndecidableControl } from './undecidable-control';
import { VSPHERE_NOT_DECIDABLE } from './vsphere';

/**
 * Baseline controls (Docker and vSphere sections) that no synthesized attribute can decide, with
 * the reason and where they are met instead, so reports and the README can list them.
 */
export const NOT_DECIDABLE: UndecidableControl[] = [...DOCKER_NOT_DECIDABLE, ...VSPHERE_NOT_DECIDABLE];
