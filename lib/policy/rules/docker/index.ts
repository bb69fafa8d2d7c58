import { IPolicyRule, Severity } from '../../rule';
import { UndecidableControl } from '../undecidable-control';
import { DockerAppArmorRule } from './apparmor';
import { DockerBindHostIpRule } from './bind-host-ip';
import { DockerCapabilitiesRule } from './caps-drop-all';
import { dockerCpuLimit } from './cpu-limit';
import { dockerDaemonTls } from './daemon-tls';
import { DockerGpuRule } from './gpu';
import { dockerHealthcheck } from './healthcheck';
import { dockerImagePinned } from './image-pinned';
import { dockerImageScanned } from './image-scanned';
import { dockerMemoryLimit } from './memory-limit';
import { dockerNetIcc } from './net-icc';
import { dockerNoCgroupParent } from './no-cgroup-parent';
import { dockerNoDefaultBridge } from './no-default-bridge';
import { dockerNoDockerSocket } from './no-docker-socket';
import { DockerHostDevicesRule } from './no-host-devices';
import { dockerNoHostIpc } from './no-host-ipc';
import { dockerNoHostNet } from './no-host-net';
import { dockerNoHostPid } from './no-host-pid';
import { dockerNoHostUserns } from './no-host-userns';
import { dockerNoNewPrivileges } from './no-new-privileges';
import { dockerNoPrivPorts } from './no-priv-ports';
import { dockerNoPrivileged } from './no-privileged';
import { DockerSensitiveMountsRule } from './no-sensitive-mounts';
import { dockerNoSharedPropagation } from './no-shared-propagation';
import { dockerNonrootUser } from './nonroot-user';
import { dockerOnlyNeededPorts } from './only-needed-ports';
import { dockerReadonlyRootfs } from './readonly-rootfs';
import { dockerRestartPolicy } from './restart-policy';
import { dockerSeccomp } from './seccomp';
import { DockerSeLinuxRule } from './selinux';
import { DockerSysctlsRule } from './sysctls';
import { DockerUlimitsRule } from './ulimits';
import { dockerWritableTmpfs } from './writable-tmpfs';

export * from './apparmor';
export * from './bind-host-ip';
export * from './caps-drop-all';
export * from './gpu';
export * from './no-host-devices';
export * from './no-sensitive-mounts';
export * from './selinux';
export * from './sysctls';
export * from './ulimits';

/**
 * The Docker pack with default site inputs, in baseline order: `docker_container`,
 * `docker_network` and the `docker` provider block (pseudo-type `provider.docker`).
 * Build your own list with configured rule classes to change a site input.
 */
export const DOCKER_RULES: IPolicyRule[] = [
  new DockerAppArmorRule(),
  new DockerSeLinuxRule(),
  new DockerCapabilitiesRule(),
  dockerNoPrivileged,
  new DockerSensitiveMountsRule(),
  dockerNoPrivPorts,
  dockerOnlyNeededPorts,
  dockerNoHostNet,
  dockerMemoryLimit,
  dockerCpuLimit,
  dockerReadonlyRootfs,
  dockerWritableTmpfs,
  new DockerBindHostIpRule(),
  dockerRestartPolicy,
  dockerNoHostPid,
  dockerNoHostIpc,
  new DockerHostDevicesRule(),
  new DockerUlimitsRule(),
  dockerNoSharedPropagation,
  dockerSeccomp,
  dockerNoCgroupParent,
  dockerNoNewPrivileges,
  dockerHealthcheck,
  dockerImagePinned,
  dockerImageScanned,
  dockerNoDefaultBridge,
  dockerNoHostUserns,
  dockerNoDockerSocket,
  dockerNonrootUser,
  dockerDaemonTls,
  dockerNetIcc,
  new DockerSysctlsRule(),
  new DockerGpuRule(),
];

/** Docker controls of the baseline that no resource attribute can decide, and how they are met. */
export const DOCKER_NOT_DECIDABLE: UndecidableControl[] = [
  { controlId: 'DOCKER-SWARM-OFF', severity: Severity.LOW, source: 'CIS-D 5.1', reason: 'Swarm mode is daemon state, not a resource attribute.', metBy: 'host configuration' },
  { controlId: 'DOCKER-NO-SSHD', severity: Severity.LOW, source: 'CIS-D 5.7', reason: 'Whether an image runs sshd is image content.', metBy: 'image review and scanning' },
  { controlId: 'DOCKER-EXEC', severity: Severity.LOW, source: 'CIS-D 5.23, 5.24', reason: '`docker exec --privileged` / `--user=root` are runtime operations, not configuration.', metBy: 'operational control' },
  { controlId: 'DOCKER-PIDS-LIMIT', severity: Severity.MEDIUM, source: 'CIS-D 5.29', reason: 'docker_container in provider 3.6.2 has no pids_limit.', metBy: 'a host-level PID cap (site input); DOCKER-ULIMITS allows an nproc ulimit' },
  { controlId: 'DOCKER-CONTENT-TRUST', severity: Severity.LOW, source: 'CIS-D 4.5', reason: 'Content trust is the client environment (DOCKER_CONTENT_TRUST).', metBy: 'the pipeline' },
  { controlId: 'DOCKER-NO-HOST-UTS', severity: Severity.LOW, source: 'CIS-D 5.21', reason: 'Provider 3.6.2 has no uts_mode: every container gets its own UTS namespace.', metBy: 'compliant by construction' },
];
