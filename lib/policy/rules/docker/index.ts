import { Severity } from '../../rule';
import { UndecidableControl } from '../undecidable-control';

export * from './apparmor';
export * from './bind-host-ip';
export * from './caps-drop-all';
export * from './gpu';
export * from './no-host-devices';
export * from './no-sensitive-mounts';
export * from './selinux';
export * from './sysctls';
export * from './ulimits';

/** Docker controls of the baseline that no resource attribute can decide, and how they are met. */
export const DOCKER_NOT_DECIDABLE: UndecidableControl[] = [
  { controlId: 'DOCKER-SWARM-OFF', severity: Severity.LOW, source: 'CIS-D 5.1', reason: 'Swarm mode is daemon state, not a resource attribute.', metBy: 'host configuration' },
  { controlId: 'DOCKER-NO-SSHD', severity: Severity.LOW, source: 'CIS-D 5.7', reason: 'Whether an image runs sshd is image content.', metBy: 'image review and scanning' },
  { controlId: 'DOCKER-EXEC', severity: Severity.LOW, source: 'CIS-D 5.23, 5.24', reason: '`docker exec --privileged` / `--user=root` are runtime operations, not configuration.', metBy: 'operational control' },
  { controlId: 'DOCKER-PIDS-LIMIT', severity: Severity.MEDIUM, source: 'CIS-D 5.29', reason: 'docker_container in provider 3.6.2 has no pids_limit.', metBy: 'a host-level PID cap (site input); DOCKER-ULIMITS allows an nproc ulimit' },
  { controlId: 'DOCKER-CONTENT-TRUST', severity: Severity.LOW, source: 'CIS-D 4.5', reason: 'Content trust is the client environment (DOCKER_CONTENT_TRUST).', metBy: 'the pipeline' },
  { controlId: 'DOCKER-NO-HOST-UTS', severity: Severity.LOW, source: 'CIS-D 5.21', reason: 'Provider 3.6.2 has no uts_mode: every container gets its own UTS namespace.', metBy: 'compliant by construction' },
];
