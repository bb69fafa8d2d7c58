import { Severity } from '../../rule';
import { hostMounts } from '../private/docker';
import { defineRule } from '../private/rule-kit';

const SOCKET_PARENTS = ['/', '/var', '/run', '/var/run'];

/** DOCKER-NO-DOCKER-SOCKET: the Docker socket is never mounted (unsuppressible). */
export const dockerNoDockerSocket = defineRule({
  ruleId: 'DOCKER-NO-DOCKER-SOCKET',
  title: 'The Docker socket is never mounted into a container',
  severity: Severity.HIGH,
  source: 'CIS-D 5.32',
  resourceTypes: ['docker_container'],
  suppressible: false,
  rationale: 'Whoever reaches docker.sock is root on the host. Fails on any bind mount or volume whose host path contains "docker.sock", and on mounts of the directories that hold it (/, /var, /run, /var/run). No legitimate exception, so it cannot be suppressed.',
}, (attributes, findings) => {
  for (const mount of hostMounts(attributes, findings)) {
    if (mount.source.toLowerCase().includes('docker.sock')) {
      findings.fail(mount.path, mount.source, 'remove this mount; talk to the daemon through a narrowly scoped API proxy outside the container instead');
    } else if (SOCKET_PARENTS.includes(mount.normalized)) {
      findings.fail(mount.path, mount.source, `do not mount ${mount.normalized}: it exposes the Docker socket`, `path=${mount.normalized}`);
    }
  }
});
