// The rule objects of the pack, loaded on first use by PolicyPacks (see packs.ts): `require('cdktf-hybrid')`
// does not read them (cold require, issue #17).
import { IPolicyRule } from '../../rule';
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
