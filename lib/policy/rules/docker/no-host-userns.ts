import { hostModeRule } from './host-mode';

/** DOCKER-NO-HOST-USERNS: the container does not share the host user namespace. */
export const dockerNoHostUserns = hostModeRule('DOCKER-NO-HOST-USERNS', 'CIS-D 5.31', 'userns_mode', 'user', 'unset (the daemon\'s user-namespace remapping applies)');
