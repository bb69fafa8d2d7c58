import { createHash } from 'crypto';

// Constants of the Docker controls (security-baseline.md section 2) shared by the container constructs.

/** Every Linux capability name (capabilities(7)), without the CAP_ prefix. */
export const LINUX_CAPABILITIES = new Set([
  'AUDIT_CONTROL', 'AUDIT_READ', 'AUDIT_WRITE', 'BLOCK_SUSPEND', 'BPF', 'CHECKPOINT_RESTORE', 'CHOWN',
  'DAC_OVERRIDE', 'DAC_READ_SEARCH', 'FOWNER', 'FSETID', 'IPC_LOCK', 'IPC_OWNER', 'KILL', 'LEASE',
  'LINUX_IMMUTABLE', 'MAC_ADMIN', 'MAC_OVERRIDE', 'MKNOD', 'NET_ADMIN', 'NET_BIND_SERVICE', 'NET_BROADCAST',
  'NET_RAW', 'PERFMON', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_ADMIN', 'SYS_BOOT', 'SYS_CHROOT',
  'SYS_MODULE', 'SYS_NICE', 'SYS_PACCT', 'SYS_PTRACE', 'SYS_RAWIO', 'SYS_RESOURCE', 'SYS_TIME',
  'SYS_TTY_CONFIG', 'SYSLOG', 'WAKE_ALARM',
]);

/**
 * Capabilities a container may add back after dropping ALL (DOCKER-CAPS-DROP-ALL): Docker's
 * default set (moby `oci/caps/defaults.go`) without NET_RAW, which is never allowed.
 */
export const ALLOWED_CAPABILITY_ADDS = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE',
  'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

/** Host directories never mounted, nor anything below them (DOCKER-NO-SENSITIVE-MOUNTS, CIS Docker 5.6). */
export const SENSITIVE_HOST_PATHS = ['/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr'];

/** Directories that contain the Docker socket (`/var/run` is a link to `/run`). */
const DOCKER_SOCKET_DIRS = ['/var', '/run', '/var/run', '/run/docker', '/var/run/docker'];
/** Docker's data root: images, containers and volumes of every tenant. */
const DOCKER_DATA_ROOT = '/var/lib/docker';

/** True when `path` is `/`, a sensitive host directory or below one, or a Docker socket. */
export function sensitiveHostPath(path: string): string | undefined {
  const normalised = path.replace(/\/+$/, '') || '/';
  if (normalised === '/') return 'is the host root "/" (DOCKER-NO-SENSITIVE-MOUNTS, CIS Docker 5.6)';
  if (/docker\.sock$/.test(normalised) || normalised.includes('docker.sock')) {
    return 'is the Docker socket, which gives root on the host (DOCKER-NO-DOCKER-SOCKET, CIS Docker 5.32)';
  }
  if (DOCKER_SOCKET_DIRS.includes(normalised) || normalised === DOCKER_DATA_ROOT || normalised.startsWith(`${DOCKER_DATA_ROOT}/`)) {
    return 'holds the Docker socket or Docker\'s data root (DOCKER-NO-DOCKER-SOCKET, CIS Docker 5.32)';
  }
  for (const dir of SENSITIVE_HOST_PATHS) {
    if (normalised === dir || normalised.startsWith(`${dir}/`)) {
      return `is ${normalised === dir ? 'the' : 'below the'} sensitive host directory ${dir} (DOCKER-NO-SENSITIVE-MOUNTS, CIS Docker 5.6)`;
    }
  }
  return undefined;
}

/** Ulimit names Docker accepts (`docker run --ulimit`), allow-listed for DOCKER-ULIMITS. */
export const ULIMIT_NAMES = new Set([
  'core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio',
  'rttime', 'sigpending', 'stack',
]);

/** Docker's smallest memory limit: 6 MiB (moby `daemon/daemon_unix.go`, linuxMinMemory). */
export const DOCKER_MIN_MEMORY_MIB = 6;

/** Quotes one argument for a POSIX shell. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, '\'\\\'\'')}'`;
}

/** Controls of CIS Docker section 5 (and 4.x) that `docker_container` 3.6.2 cannot express. */
export interface UnenforceableControl {
  readonly controlId: string;
  readonly cis: string;
  readonly text: string;
}

export const UNENFORCEABLE_CONTROLS: UnenforceableControl[] = [
  { controlId: 'DOCKER-SWARM-OFF', cis: '5.1', text: 'swarm mode is daemon state; disable it on the host' },
  { controlId: 'DOCKER-NO-SSHD', cis: '5.7', text: 'an SSH daemon inside the image is image content; review or scan the image' },
  { controlId: 'DOCKER-EXEC', cis: '5.23/5.24', text: '`docker exec --privileged` / `--user=root` are runtime operations; restrict access to the Docker daemon' },
  { controlId: 'DOCKER-CONTENT-TRUST', cis: '4.5', text: 'image signature verification (DOCKER_CONTENT_TRUST) is a client setting; verify signatures in the pipeline' },
];

/**
 * Label whose value changes whenever a setting changes that kreuzwerker/docker 3.6.2 can neither
 * update in place nor replaces the container for (`cpu_period`, `cpu_quota`, `tmpfs`,
 * `healthcheck`, `init`). `labels` is ForceNew and never read back, so the container is replaced
 * (the new setting takes effect) instead of Terraform recording a change Docker never got.
 */
export const REPLACE_TRIGGER_LABEL = 'cdktf-hybrid.replace-trigger';

/**
 * A duration as Go's `time.Duration.String()` prints it (`"10s"`, `"1m30s"`, `"1h0m0s"`): the
 * provider reads health check timings back in that form, so any other spelling of the same
 * duration (e.g. `"90s"`) would show as a change on every plan.
 */
export function goDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const sec = seconds % 60;
  if (h > 0) return `${h}h${m}m${sec}s`;
  if (m > 0) return `${m}m${sec}s`;
  return `${sec}s`;
}

/** A short, stable digest of the settings the provider cannot update in place (see REPLACE_TRIGGER_LABEL). */
export function replaceTrigger(settings: { [key: string]: unknown }): string {
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 16);
}
