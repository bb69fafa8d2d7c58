import { hostModeRule } from './host-mode';

/** DOCKER-NO-HOST-PID: the container does not share the host PID namespace. */
export const dockerNoHostPid = hostModeRule('DOCKER-NO-HOST-PID', 'CIS-D 5.16', 'pid_mode', 'PID', 'unset (a private PID namespace)');
