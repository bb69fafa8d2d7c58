import { hostModeRule } from './host-mode';

/** DOCKER-NO-HOST-IPC: the container does not share the host IPC namespace. */
export const dockerNoHostIpc = hostModeRule('DOCKER-NO-HOST-IPC', 'CIS-D 5.17', 'ipc_mode', 'IPC', '"private" (or "none")');
