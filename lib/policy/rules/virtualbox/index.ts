import { IPolicyRule } from '../../rule';
import { vboxBootDevices } from './boot-devices';
import { vboxImageHttps } from './image-https';
import { vboxNetIsolated } from './net-isolated';
import { vboxNoOpticalDisks } from './no-optical-disks';
import { vboxNotEnforceable } from './unenforceable';

export * from './unenforceable';

/**
 * The VirtualBox pack (shekeriev/virtualbox 0.0.4, terra-farm/virtualbox 0.2.2-alpha.1): the
 * isolation a lab VM can have, and VBOX-NOT-ENFORCEABLE for everything it cannot.
 */
export const VIRTUALBOX_RULES: IPolicyRule[] = [
  vboxNetIsolated,
  vboxBootDevices,
  vboxNoOpticalDisks,
  vboxImageHttps,
  vboxNotEnforceable,
];
