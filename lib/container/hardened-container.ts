import { Container, ContainerConfig, ContainerDevices, ContainerHealthcheck, ContainerMounts, ContainerNetworksAdvanced, ContainerPorts } from '@cdktf/provider-docker/lib/container';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { ContainerSpec, EnvValue, EnvValueSource, ProbeType, Protocol } from '../core/container-spec';
import { Cpu, Size } from '../core/quantity';
import { ClashIndex, addClashCheck } from '../core/private/clash-index';
import { invalid, REDACTED, ValidationError, withScope } from '../core/private/errors';
import { guardSensitive } from '../core/private/secrets';
import { checkAbsolutePath, checkIntegerRange, isUnresolved, validateContainerSpec } from '../core/private/validation';
import { IContainerNetwork } from './container-network';
import { IContainerVolume } from './container-volume';
import { ImageScanGate } from './image-scan-gate';
import {
  ALLOWED_CAPABILITY_ADDS, DOCKER_MIN_MEMORY_MIB, goDuration, LINUX_CAPABILITIES, REPLACE_TRIGGER_LABEL, replaceTrigger, sensitiveHostPath, ULIMIT_NAMES,
  UNENFORCEABLE_CONTROLS,
} from './private/controls';
import { ITrustedImage } from './trusted-image';
import { addSynthNote } from '../core/private/notes';
import { checkConstruct } from '../core/private/shapes';
import { docker } from './private/providers';

/** Docker log drivers that keep logs on the host with rotation. */
export enum DockerLogDriver {
  /** `json-file` with `max-size` / `max-file` rotation. */
  JSON_FILE = 'json-file',
  /** `local` (compressed, rotated). */
  LOCAL = 'local',
}

/**
 * How Docker runs an HTTP or TCP health probe inside the container, and what each form needs
 * from the image.
 */
export enum DockerHealthCheckTool {
  /**
   * `wget -q -O /dev/null <url>` for HTTP (`--no-check-certificate` for HTTPS, as Kubernetes does not
   * verify probe certificates) and `nc -w 2 127.0.0.1 <port> </dev/null` under `sh` for TCP (BusyBox's nc has no `-z`;
   * found by the engines suite). Needs BusyBox or GNU wget, sh and nc
   * (Alpine, BusyBox); Debian-slim and distroless images have neither.
   */
  WGET = 'WGET',
  /**
   * `curl -fsS -o /dev/null <url>` for HTTP (`-k` for HTTPS); TCP uses bash (see `BASH`). Needs curl.
   */
  CURL = 'CURL',
  /**
   * bash's built-in `/dev/tcp`: TCP opens a connection; HTTP sends a GET and accepts a 2xx or 3xx
   * status. Needs only bash (Debian, Ubuntu, Debian-slim, UBI and most official images); HTTPS
   * probes are checked as TCP connections (bash cannot speak TLS).
   */
  BASH = 'BASH',
}

/** A container port published on the Docker host. */
export interface DockerPublishedPort {
  /** The container port; must be one of `spec.ports`. */
  readonly containerPort: number;
  /**
   * Host port, 1025-65535.
   * @default - Docker picks a free port >= 32768
   */
  readonly hostPort?: number;
  /**
   * Host address to bind to.
   * @default - the container's `defaultHostIp`
   */
  readonly hostIp?: string;
  /**
   * Protocol; must match the `spec.ports` entry.
   * @default - the protocol of the matching `spec.ports` entry
   */
  readonly protocol?: Protocol;
}

/** A named volume mounted into the container. */
export interface DockerVolumeMount {
  /** The volume. */
  readonly volume: IContainerVolume;
  /** Absolute path inside the container. */
  readonly containerPath: string;
  /**
   * Mount read-only.
   * @default false
   */
  readonly readOnly?: boolean;
}

/** A host directory bind-mounted into the container. */
export interface DockerBindMount {
  /**
   * Absolute host path. Never `/`, the Docker socket or a directory holding it (`/run`, `/var/run`, `/var`),
   * `/var/lib/docker`, or `/boot`, `/dev`, `/etc`, `/lib`, `/proc`, `/sys`, `/usr` and anything below them.
   */
  readonly hostPath: string;
  /** Absolute path inside the container. */
  readonly containerPath: string;
  /**
   * Mount read-only.
   * @default true
   */
  readonly readOnly?: boolean;
}

/** A host device exposed to the container (an allow-listed exception, e.g. one GPU node). */
export interface DockerDeviceMapping {
  /** Host device path, e.g. `/dev/nvidia0`. */
  readonly hostPath: string;
  /**
   * Path inside the container.
   * @default - the host path
   */
  readonly containerPath?: string;
  /**
   * cgroup permissions: `r`, `w` or `rw` (never `m`, mknod).
   * @default "rw"
   */
  readonly permissions?: string;
}

/** A resource limit (`ulimit`). */
export interface DockerUlimit {
  /** Name, e.g. `nofile` or `nproc`. */
  readonly name: string;
  /** Soft limit (at most `hard`). */
  readonly soft: number;
  /** Hard limit. */
  readonly hard: number;
}

/** Props of `HardenedContainer`. */
export interface HardenedContainerProps {
  /** What to run: name, command, env, ports, resources, health probe, user, writable paths. */
  readonly spec: ContainerSpec;
  /** The pulled image; must be the image of `spec.image`. */
  readonly image: ITrustedImage;
  /**
   * User-defined networks to attach to (never the default bridge, DOCKER-NO-DEFAULT-BRIDGE).
   * @default - no network at all (`network_mode = "none"`)
   */
  readonly networks?: IContainerNetwork[];
  /**
   * A scan gate for the same image. The container `depends_on` it, so it is created only after the
   * scan passed; and before Terraform destroys or replaces the container (e.g. for a new digest),
   * the gate's guard scans the image of the new configuration, so a failed scan leaves the running
   * container untouched.
   * @default - no gate (a warning says so, and the policy engine reports DOCKER-IMAGE-SCANNED)
   */
  readonly scanGate?: ImageScanGate;
  /**
   * Ports published on the host. Only ports declared in `spec.ports` (DOCKER-ONLY-NEEDED-PORTS).
   * @default - none
   */
  readonly publishedPorts?: DockerPublishedPort[];
  /**
   * Host address published ports bind to unless they name one (DOCKER-BIND-HOST-IP, CIS Docker 5.14).
   * @default "127.0.0.1"
   */
  readonly defaultHostIp?: string;
  /**
   * Allow binding published ports to all interfaces (`0.0.0.0` or `::`).
   * @default false
   */
  readonly allowAllInterfaces?: boolean;
  /**
   * Allow host ports 1-1024 (DOCKER-NO-PRIV-PORTS, CIS Docker 5.8).
   * @default false
   */
  readonly allowPrivilegedHostPorts?: boolean;
  /**
   * Mount the root filesystem read-only (DOCKER-READONLY-ROOTFS, CIS Docker 5.13).
   * @default true
   */
  readonly readOnlyRootFilesystem?: boolean;
  /**
   * Capabilities to add back after dropping ALL: a subset of Docker's default set without NET_RAW
   * (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP,
   * SETGID, SETPCAP, SETUID, SYS_CHROOT). For a non-root user they take effect only through file
   * capabilities in the image.
   * @default - none (DOCKER-CAPS-DROP-ALL, CIS Docker 5.4)
   */
  readonly addCapabilities?: string[];
  /**
   * Run privileged. Needs `allowUnsafePrivileged: true` as well; DOCKER-NO-PRIVILEGED (CIS Docker 5.5) reports it.
   * @default false
   */
  readonly privileged?: boolean;
  /**
   * The explicit opt-in that `privileged: true` requires.
   * @default false
   */
  readonly allowUnsafePrivileged?: boolean;
  /**
   * A custom seccomp profile (JSON text, e.g. `Fn.file('seccomp.json')`), sent as `seccomp=<json>`.
   * `unconfined` is rejected (DOCKER-SECCOMP, CIS Docker 5.22).
   * @default - Docker's default seccomp profile
   */
  readonly seccompProfileJson?: string;
  /**
   * An AppArmor profile name loaded on the host (`apparmor=<name>`); `unconfined` is rejected (DOCKER-APPARMOR, CIS Docker 5.2).
   * @default - Docker's default (`docker-default` on AppArmor hosts)
   */
  readonly appArmorProfile?: string;
  /**
   * SELinux type for the process (`label=type:<type>`, DOCKER-SELINUX, CIS Docker 5.3), on SELinux hosts.
   * @default - Docker's default labelling (`container_t`)
   */
  readonly selinuxType?: string;
  /**
   * Default memory limit when `spec.resources.memoryLimit` is unset.
   * @default Size.mebibytes(512)
   */
  readonly defaultMemoryLimit?: Size;
  /**
   * Default CPU limit when `spec.resources.cpuLimit` is unset.
   * @default Cpu.millicores(500)
   */
  readonly defaultCpuLimit?: Cpu;
  /**
   * Restart on failure at most this many times (1-5, DOCKER-RESTART-POLICY, CIS Docker 5.15).
   * @default 5
   */
  readonly restartMaxRetries?: number;
  /**
   * Log driver.
   * @default DockerLogDriver.JSON_FILE
   */
  readonly logDriver?: DockerLogDriver;
  /**
   * Size of one log file before rotation, in MiB (1-1024).
   * @default 10
   */
  readonly logMaxSizeMiB?: number;
  /**
   * Rotated log files kept (1-100).
   * @default 3
   */
  readonly logMaxFiles?: number;
  /**
   * Size cap of each tmpfs mounted for `spec.writablePaths`, in MiB (1-65536). tmpfs lives in
   * memory and counts against the container's memory limit, so all of them together must fit in it.
   * @default 64
   */
  readonly tmpfsSizeMiB?: number;
  /**
   * Ulimits (DOCKER-ULIMITS, CIS Docker 5.19). Names: core, cpu, data, fsize, locks, memlock,
   * msgqueue, nice, nofile, nproc, rss, rtprio, rttime, sigpending, stack.
   *
   * `nproc` is a per-user limit in Linux, not per container: all processes and threads of the
   * same uid on the host count against it, so containers sharing a uid share the budget.
   * @default - nofile 1024/4096 and nproc 512/512
   */
  readonly ulimits?: DockerUlimit[];
  /**
   * Named volumes to mount.
   * @default - none
   */
  readonly volumeMounts?: DockerVolumeMount[];
  /**
   * Host directories to bind-mount (read-only by default).
   * @default - none
   */
  readonly bindMounts?: DockerBindMount[];
  /**
   * Host devices to expose, each an allow-listed exception (DOCKER-NO-HOST-DEVICES, PT-DOCKER-GPU).
   * GPUs go here node by node; the provider's `gpus = "all"` is not offered.
   * @default - none
   */
  readonly devices?: DockerDeviceMapping[];
  /**
   * Health check command run by Docker inside the container (`["CMD", ...]` is added), e.g. a
   * binary the image ships (`["/app/healthcheck"]`). Overrides the command derived from
   * `spec.healthProbe`; needs nothing else from the image.
   * @default - derived from `spec.healthProbe` with `healthCheckTool`
   */
  readonly healthCheckCommand?: string[];
  /**
   * The tool inside the image that Docker uses to run an HTTP or TCP `spec.healthProbe` (Docker
   * runs health checks inside the container; it has no HTTP or TCP check of its own). Not used
   * for exec probes or with `healthCheckCommand`.
   * @default - from the image reference: `WGET` for Alpine and BusyBox images (repository or tag
   * names them), an error for distroless images (set `healthCheckCommand`), `BASH` otherwise
   */
  readonly healthCheckTool?: DockerHealthCheckTool;
  /**
   * Seconds Docker waits after SIGTERM before it kills the container when Terraform replaces or
   * destroys it (`destroy_grace_seconds`, 1-3600). Without it kreuzwerker/docker 3.6.2 stops the
   * container with a timeout of 0, i.e. kills it at once, with no graceful shutdown.
   * @default 10
   */
  readonly stopGracePeriodSeconds?: number;
  /**
   * Acknowledge that the Docker host caps PIDs per container (daemon `default-pids-limit` or a cgroup
   * policy), since this provider cannot set `--pids-limit` (DOCKER-PIDS-LIMIT, CIS Docker 5.29).
   * @default false (a warning says the control is not enforceable by this provider)
   */
  readonly hostEnforcesPidsLimit?: boolean;
}

/** A published host port with literal address and port, for the clash check. */
interface HostBinding {
  readonly prop: string;
  readonly ip: string;
  readonly port: number;
  readonly protocol: string;
}

const DEFAULT_UID = 10001;
const DEFAULT_ULIMITS: DockerUlimit[] = [{ name: 'nofile', soft: 1024, hard: 4096 }, { name: 'nproc', soft: 512, hard: 512 }];
const ALL_INTERFACES = new Set(['0.0.0.0', '::']);
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:]+$/;
/** CFS period the CPU limit is expressed in (Docker's default, 100 ms). */
const CPU_PERIOD_MICROS = 100000;
/** Docker rejects a CFS quota below 1 ms (moby: "CPU cfs quota can not be less than 1ms"). */
const MIN_CPU_QUOTA_MICROS = 1000;

/**
 * A `docker_container` from a `ContainerSpec`, with every CIS Docker Benchmark section 5 item the
 * provider can express turned on by default.
 *
 * Defaults (control id, CIS Docker item): read-only root fs (DOCKER-READONLY-ROOTFS, 5.13); user
 * `uid:gid`, non-root (DOCKER-NONROOT-USER, 4.1); `capabilities.drop = ["ALL"]` (5.4); not privileged
 * (5.5); `security_opts = ["no-new-privileges=true"]` (5.26) and Docker's default seccomp profile
 * (5.22); memory limit with `memory_swap = memory` (5.11); a CPU limit (`cpu_quota`/`cpu_period`) and `cpu_shares` (5.12); no host
 * network / PID / user namespace, `ipc_mode = "private"` (5.10, 5.16, 5.17, 5.31); no sensitive host
 * path or Docker socket (5.6, 5.32); ports only from `spec.ports`, bound to 127.0.0.1, no privileged
 * host ports (5.8, 5.9, 5.14); health check from the probe (5.27); `restart = "on-failure"`, 5 retries
 * (5.15); log rotation; tmpfs `noexec,nosuid,nodev,size=` for writable paths (5.13); `init = true`;
 * ulimits nofile/nproc (5.19); user-defined networks only (5.30).
 *
 * Not enforceable by this provider (kreuzwerker/docker 3.6.2), reported as annotations on every
 * container: DOCKER-PIDS-LIMIT (5.29, no `pids_limit` attribute; a warning unless
 * `hostEnforcesPidsLimit`), DOCKER-CONTENT-TRUST (4.5), DOCKER-SWARM-OFF (5.1), DOCKER-NO-SSHD (5.7),
 * DOCKER-EXEC (5.23/5.24). DOCKER-NO-HOST-UTS (5.21) holds by construction (no `uts_mode`).
 *
 * @see https://registry.terraform.io/providers/kreuzwerker/docker/3.6.2/docs/resources/container
 */
export class HardenedContainer extends Construct {
  /** The underlying `docker_container`. */
  public readonly resource: Container;
  /** Container name. */
  public readonly containerName: string;
  /** `uid:gid` the process runs as. */
  public readonly user: string;
  /** Whether the root filesystem is read-only. */
  public readonly readOnlyRootFilesystem: boolean;
  /** Whether the container is privileged. */
  public readonly privileged: boolean;
  /** Memory limit (and memory + swap) in MiB. */
  public readonly memoryMiB: number;
  /**
   * The CPU limit in cores, as Docker's `--cpus` would take it (e.g. `"0.5"`). It is rendered as
   * `cpu_period` / `cpu_quota`, not as the provider's `cpus` attribute, which crashes
   * kreuzwerker/docker 3.6.2 on apply (kreuzwerker/terraform-provider-docker#759).
   */
  public readonly cpus: string;
  /** Docker `cpu_period` (CFS period, microseconds). */
  public readonly cpuPeriodMicros: number;
  /** Docker `cpu_quota` (CFS quota per period, microseconds): the CPU limit. */
  public readonly cpuQuotaMicros: number;
  /** Docker `cpu_shares`. */
  public readonly cpuShares: number;
  /** Capabilities added back. */
  public readonly addCapabilities: string[];
  /** Host address published ports bind to by default. */
  public readonly defaultHostIp: string;
  /**
   * The scan gate of the image (its scanner, threshold and reference), for reviews.
   * @default - no gate
   */
  public readonly scanGate?: ImageScanGate;
  private readonly literalName?: string;
  private readonly hostBindings: HostBinding[];
  private readonly attachedNetworks: IContainerNetwork[];

  constructor(scope: Construct, id: string, props: HardenedContainerProps) {
    checkConstruct(scope, id, 'HardenedContainer', [props]);
    super(scope, id);
    const spec = props.spec;
    validateContainerSpec(this, 'spec', spec);
    const warn = (message: string) => Annotations.of(this).addWarning(message);

    // image
    if (props.image === undefined || props.image === null || props.image.imageReference === undefined) {
      throw invalid(this, 'image', 'is required', props.image, 'Pass a TrustedImage for spec.image.');
    }
    if (props.image.imageReference.reference !== spec.image.reference) {
      throw invalid(this, 'image', `pulls ${props.image.imageReference.reference}, not spec.image`, spec.image.reference,
        'Pass the TrustedImage built from the same ImageReference as spec.image.');
    }
    if (props.scanGate !== undefined) {
      if (!(props.scanGate instanceof ImageScanGate)) {
        throw invalid(this, 'scanGate', 'must be an ImageScanGate', props.scanGate, 'Pass the ImageScanGate of this image.');
      }
      if (props.scanGate.imageReference !== spec.image.reference) {
        throw invalid(this, 'scanGate', `scans ${props.scanGate.imageReference}, not this container's image`, spec.image.reference,
          'Use the ImageScanGate built for the same TrustedImage.');
      }
    } else {
      warn(`No 'scanGate': image ${spec.image.reference} is deployed without a vulnerability scan. Add an ImageScanGate.`);
    }

    // privileged and capabilities
    this.privileged = props.privileged ?? false;
    if (this.privileged) {
      if (props.allowUnsafePrivileged !== true) {
        throw invalid(this, 'privileged', 'is true without the explicit opt-in allowUnsafePrivileged: true', true,
          'Drop privileged and add the few allow-listed capabilities you need; if you really must, also set allowUnsafePrivileged: true.');
      }
      warn("'privileged' is true: the container has full access to the host. DOCKER-NO-PRIVILEGED (CIS Docker 5.5) reports it.");
    }
    const caps = (props.addCapabilities ?? []).map((c, i) => {
      if (typeof c !== 'string') throw invalid(this, `addCapabilities[${i}]`, 'is not a string', c, 'Use names like "NET_BIND_SERVICE".');
      const name = c.toUpperCase().replace(/^CAP_/, '');
      if (!LINUX_CAPABILITIES.has(name)) {
        throw invalid(this, `addCapabilities[${i}]`, 'is not a Linux capability', c, 'Use a name from capabilities(7) without "CAP_", e.g. "NET_BIND_SERVICE".');
      }
      if (name === 'NET_RAW') {
        throw invalid(this, `addCapabilities[${i}]`, 'is never allowed (raw sockets enable spoofing on the bridge; DOCKER-CAPS-DROP-ALL)', c, 'Remove NET_RAW.');
      }
      if (!ALLOWED_CAPABILITY_ADDS.has(name)) {
        throw invalid(this, `addCapabilities[${i}]`, 'is not in the allow-list (Docker\'s default set without NET_RAW; DOCKER-CAPS-DROP-ALL)', c,
          `Use only ${[...ALLOWED_CAPABILITY_ADDS].join(', ')}.`);
      }
      return name;
    });
    if (new Set(caps).size !== caps.length) {
      throw invalid(this, 'addCapabilities', 'lists a capability twice', props.addCapabilities, 'List each capability once.');
    }
    this.addCapabilities = caps;

    // security options
    // "=" is the separator Docker documents; ":" still works but the daemon logs it as deprecated
    // ("will be completely unsupported") on every container create (moby parseSecurityOpt).
    const securityOpts = ['no-new-privileges=true'];
    if (props.seccompProfileJson !== undefined) {
      const profile = props.seccompProfileJson;
      if (!isUnresolved(profile)) {
        if (typeof profile !== 'string' || /^\s*unconfined\s*$/i.test(profile)) {
          throw invalid(this, 'seccompProfileJson', 'turns seccomp off (DOCKER-SECCOMP, CIS Docker 5.22)', profile, 'Omit it for Docker\'s default profile, or give a JSON profile.');
        }
        try {
          const parsed = JSON.parse(profile);
          if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
        } catch {
          throw invalid(this, 'seccompProfileJson', 'is not a JSON object', profile, 'Give the profile\'s JSON text, e.g. Fn.file("seccomp.json").');
        }
      }
      securityOpts.push(`seccomp=${profile}`);
    }
    if (props.appArmorProfile !== undefined) {
      if (!isUnresolved(props.appArmorProfile) && (typeof props.appArmorProfile !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(props.appArmorProfile)
        || props.appArmorProfile.toLowerCase() === 'unconfined')) {
        throw invalid(this, 'appArmorProfile', props.appArmorProfile === 'unconfined' ? 'turns AppArmor off (DOCKER-APPARMOR, CIS Docker 5.2)' : 'is not a profile name',
          props.appArmorProfile, 'Use a profile loaded on the host, e.g. "docker-default".');
      }
      securityOpts.push(`apparmor=${props.appArmorProfile}`);
    }

    if (props.selinuxType !== undefined) {
      if (!isUnresolved(props.selinuxType) && (typeof props.selinuxType !== 'string' || !/^[a-z][a-z0-9_]*_t$/.test(props.selinuxType))) {
        throw invalid(this, 'selinuxType', 'is not an SELinux type (DOCKER-SELINUX, CIS Docker 5.3)', props.selinuxType,
          'Use a type ending in "_t", e.g. "container_t"; labelling can never be disabled.');
      }
      securityOpts.push(`label=type:${props.selinuxType}`);
    }

    // user
    this.user = `${spec.user ?? DEFAULT_UID}:${spec.group ?? spec.user ?? DEFAULT_UID}`;

    // resources
    const memory = withScope(this, spec.resources?.memoryLimit ? 'spec.resources.memoryLimit' : 'defaultMemoryLimit',
      () => (spec.resources?.memoryLimit ?? props.defaultMemoryLimit ?? Size.mebibytes(512)).toDockerMemoryMb());
    if (memory < DOCKER_MIN_MEMORY_MIB) {
      throw invalid(this, spec.resources?.memoryLimit ? 'spec.resources.memoryLimit' : 'defaultMemoryLimit', `is below Docker's minimum of ${DOCKER_MIN_MEMORY_MIB} MiB`,
        `${memory}Mi`, 'Give at least Size.mebibytes(6); most processes need far more.');
    }
    this.memoryMiB = memory;
    const cpuLimit = spec.resources?.cpuLimit ?? props.defaultCpuLimit ?? Cpu.millicores(500);
    const cpuQuota = cpuLimit.toDockerCpuQuota(CPU_PERIOD_MICROS);
    if (cpuQuota < MIN_CPU_QUOTA_MICROS) {
      throw invalid(this, spec.resources?.cpuLimit ? 'spec.resources.cpuLimit' : 'defaultCpuLimit', 'is below Docker\'s smallest CPU limit of 10 millicores (a 1 ms CFS quota)',
        cpuLimit.toKubernetesQuantity(), 'Give at least Cpu.millicores(10).');
    }
    this.cpus = cpuLimit.toDockerCpus();
    this.cpuPeriodMicros = CPU_PERIOD_MICROS;
    this.cpuQuotaMicros = cpuQuota;
    this.cpuShares = (spec.resources?.cpuRequest ?? cpuLimit).toDockerCpuShares();
    if (this.cpuShares === 1024) {
      warn('cpu_shares is 1024 (a CPU request of exactly 1 core), Docker\'s default weight: docker-bench 5.11 and DOCKER-CPU-LIMIT (CIS Docker 5.12) '
        + 'read it as "no CPU priority set". The CPU limit still applies through cpu_quota; give a request other than 1 core to set a priority.');
    }

    // root filesystem and writable paths
    this.readOnlyRootFilesystem = props.readOnlyRootFilesystem ?? true;
    if (!this.readOnlyRootFilesystem) {
      warn("'readOnlyRootFilesystem' is false: the process can change its own binaries. DOCKER-READONLY-ROOTFS (CIS Docker 5.13) reports it.");
    }
    const tmpfsSize = props.tmpfsSizeMiB ?? 64;
    checkIntegerRange(this, 'tmpfsSizeMiB', tmpfsSize, 1, 65536);
    const tmpfs: { [path: string]: string } = {};
    for (const path of spec.writablePaths ?? []) tmpfs[path] = `rw,noexec,nosuid,nodev,size=${tmpfsSize}m`;
    // tmpfs pages are charged to the container's memory cgroup: scratch space larger than the
    // memory limit would let a full /tmp OOM-kill the process (the Kubernetes constructs check the same).
    const tmpfsTotal = tmpfsSize * Object.keys(tmpfs).length;
    if (!isUnresolved(tmpfsSize) && tmpfsTotal > memory) {
      throw invalid(this, 'tmpfsSizeMiB', `times the ${Object.keys(tmpfs).length} writable path(s) (${tmpfsTotal} MiB) exceeds the memory limit (${memory} MiB), which tmpfs counts against`,
        tmpfsSize, 'Lower tmpfsSizeMiB or raise the memory limit (spec.resources.memoryLimit or defaultMemoryLimit).');
    }

    const stopGrace = props.stopGracePeriodSeconds ?? 10;
    checkIntegerRange(this, 'stopGracePeriodSeconds', stopGrace, 1, 3600, 'Give the process 1-3600 seconds to shut down, e.g. 10 (Docker\'s default).');

    // restart and logging
    const retries = props.restartMaxRetries ?? 5;
    checkIntegerRange(this, 'restartMaxRetries', retries, 1, 5, 'Restart on failure 1-5 times (CIS Docker 5.15).');
    const logDriver = props.logDriver ?? DockerLogDriver.JSON_FILE;
    if (!Object.values(DockerLogDriver).includes(logDriver)) {
      throw invalid(this, 'logDriver', 'is not a rotating local log driver', logDriver, 'Use DockerLogDriver.JSON_FILE or DockerLogDriver.LOCAL.');
    }
    const logMaxSize = props.logMaxSizeMiB ?? 10;
    checkIntegerRange(this, 'logMaxSizeMiB', logMaxSize, 1, 1024);
    const logMaxFiles = props.logMaxFiles ?? 3;
    checkIntegerRange(this, 'logMaxFiles', logMaxFiles, 1, 100);

    // ulimits
    const ulimits = props.ulimits ?? DEFAULT_ULIMITS;
    const ulimitNames = new Set<string>();
    ulimits.forEach((u, i) => {
      if (!ULIMIT_NAMES.has(u.name)) {
        throw invalid(this, `ulimits[${i}].name`, 'is not an allow-listed ulimit', u.name, `Use one of ${[...ULIMIT_NAMES].join(', ')}.`);
      }
      if (ulimitNames.has(u.name)) throw invalid(this, `ulimits[${i}].name`, 'is set twice', u.name, 'Set each ulimit once.');
      ulimitNames.add(u.name);
      checkIntegerRange(this, `ulimits[${i}].soft`, u.soft, 0, 2147483647);
      checkIntegerRange(this, `ulimits[${i}].hard`, u.hard, 0, 2147483647);
      if (u.soft > u.hard) throw invalid(this, `ulimits[${i}].soft`, `exceeds hard (${u.hard})`, u.soft, 'Keep soft at or below hard.');
    });

    // networks and ports
    const networks = props.networks ?? [];
    networks.forEach((n, i) => checkNetwork(this, `networks[${i}]`, n, networks.slice(0, i)));
    this.defaultHostIp = props.defaultHostIp ?? '127.0.0.1';
    const ports = this.renderPorts(props, networks);

    // mounts and devices
    const mounts: ContainerMounts[] = [];
    const targets = new Set<string>(Object.keys(tmpfs));
    const addTarget = (prop: string, path: string) => {
      checkAbsolutePath(this, prop, path);
      if (targets.has(path)) throw invalid(this, prop, 'is mounted twice (also a writable path or another mount)', path, 'Mount each container path once.');
      targets.add(path);
    };
    (props.volumeMounts ?? []).forEach((m, i) => {
      addTarget(`volumeMounts[${i}].containerPath`, m.containerPath);
      // By ID where known (docker_volume.id is the name, so the mount reads back the same): a replaced volume replaces this container first.
      mounts.push({ type: 'volume', source: m.volume.volumeId ?? m.volume.volumeName, target: m.containerPath, readOnly: m.readOnly ?? false });
    });
    (props.bindMounts ?? []).forEach((m, i) => {
      const prop = `bindMounts[${i}].hostPath`;
      if (typeof m.hostPath !== 'string' || !m.hostPath.startsWith('/')) {
        throw invalid(this, prop, 'must be an absolute host path', m.hostPath, 'Start the path with "/", e.g. "/srv/app/config".');
      }
      const problem = sensitiveHostPath(m.hostPath);
      if (problem) throw invalid(this, prop, problem, m.hostPath, 'Mount an application directory such as /srv/<app> instead, or use a ContainerVolume.');
      checkAbsolutePath(this, prop, m.hostPath);
      addTarget(`bindMounts[${i}].containerPath`, m.containerPath);
      const readOnly = m.readOnly ?? true;
      if (!readOnly) warn(`bindMounts[${i}] (${m.hostPath}) is writable: the container can change host files.`);
      mounts.push({ type: 'bind', source: m.hostPath, target: m.containerPath, readOnly, bindOptions: { propagation: 'rprivate' } });
    });
    const devices: ContainerDevices[] = (props.devices ?? []).map((d, i) => {
      const prop = `devices[${i}]`;
      if (typeof d.hostPath !== 'string' || !/^\/dev\/[A-Za-z0-9_./-]+$/.test(d.hostPath) || d.hostPath.includes('..')) {
        throw invalid(this, `${prop}.hostPath`, 'is not a device node under /dev', d.hostPath, 'Name one device node, e.g. "/dev/nvidia0".');
      }
      const permissions = d.permissions ?? 'rw';
      if (!['r', 'w', 'rw'].includes(permissions)) {
        throw invalid(this, `${prop}.permissions`, 'must be "r", "w" or "rw" (never "m", mknod)', permissions, 'Use the least permissions the device needs, e.g. "rw".');
      }
      if (d.containerPath !== undefined) checkAbsolutePath(this, `${prop}.containerPath`, d.containerPath);
      warn(`devices[${i}] exposes host device ${d.hostPath}: DOCKER-NO-HOST-DEVICES (CIS Docker 5.18) / PT-DOCKER-GPU report it; suppress it with a reason if approved.`);
      return { hostPath: d.hostPath, containerPath: d.containerPath ?? d.hostPath, permissions };
    });

    // environment
    const env = Object.entries(spec.env ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([name, value]) => {
      if (!(value instanceof EnvValue)) {
        throw invalid(this, `spec.env.${name}`, 'must be an EnvValue', REDACTED, 'Use EnvValue.fromString(...) or EnvValue.fromSensitiveValue(...).');
      }
      if (value.source === EnvValueSource.KUBERNETES_SECRET) {
        throw invalid(this, `spec.env.${name}`, 'is a Kubernetes Secret reference, which Docker cannot read', `secret ${value.secretName}/${value.secretKey}`,
          'Use EnvValue.fromSensitiveValue(new TerraformVariable(this, "x", { sensitive: true }).stringValue) for Docker.');
      }
      if (value.source === EnvValueSource.SENSITIVE) return `${name}=${guardSensitive(this, `spec.env.${name}`, value.value!)}`;
      return `${name}=${value.value}`;
    });

    // health check
    const healthcheck = this.renderHealthcheck(props);

    // controls the provider cannot express
    if (props.hostEnforcesPidsLimit === true) {
      addSynthNote(this, 'DOCKER-PIDS-LIMIT', 'DOCKER-PIDS-LIMIT (CIS Docker 5.29): not enforceable by this provider (no pids_limit in docker_container 3.6.2); hostEnforcesPidsLimit says the host caps PIDs.');
    } else {
      warn('DOCKER-PIDS-LIMIT (CIS Docker 5.29): not enforceable by this provider (no pids_limit in docker_container 3.6.2). Cap PIDs on the host (daemon default-pids-limit) and set hostEnforcesPidsLimit: true.');
    }
    for (const control of UNENFORCEABLE_CONTROLS) {
      addSynthNote(this, control.controlId, `${control.controlId} (CIS Docker ${control.cis}): not enforceable by this provider; ${control.text}.`);
    }

    const config: ContainerConfig = {
      name: spec.name,
      image: props.image.imageId,
      entrypoint: spec.command,
      command: spec.args,
      env: env.length > 0 ? env : undefined,
      user: this.user,
      readOnly: this.readOnlyRootFilesystem,
      privileged: this.privileged,
      capabilities: { drop: ['ALL'], add: caps.length > 0 ? caps : undefined },
      securityOpts,
      memory,
      memorySwap: memory,
      cpuPeriod: this.cpuPeriodMicros,
      cpuQuota: this.cpuQuotaMicros,
      cpuShares: this.cpuShares,
      ipcMode: 'private',
      networkMode: networks.length === 0 ? 'none' : undefined,
      networksAdvanced: networks.length > 0 ? renderNetworks(networks) : undefined,
      ports: ports.length > 0 ? ports : undefined,
      publishAllPorts: false,
      destroyGraceSeconds: stopGrace,
      restart: 'on-failure',
      maxRetryCount: retries,
      logDriver,
      logOpts: { 'max-size': `${logMaxSize}m`, 'max-file': String(logMaxFiles) },
      tmpfs: Object.keys(tmpfs).length > 0 ? tmpfs : undefined,
      init: true,
      ulimit: ulimits.map((u) => ({ name: u.name, soft: u.soft, hard: u.hard })),
      mounts: mounts.length > 0 ? mounts : undefined,
      devices: devices.length > 0 ? devices : undefined,
      healthcheck,
      labels: [{ label: REPLACE_TRIGGER_LABEL, value: replaceTrigger({ cpuPeriod: this.cpuPeriodMicros, cpuQuota: this.cpuQuotaMicros, tmpfs, healthcheck, init: true }) }],
      dependsOn: props.scanGate ? [props.scanGate.resource] : undefined,
    };
    this.resource = new docker.Container(this, 'Resource', config);
    this.scanGate = props.scanGate;
    props.scanGate?._guard(this.resource);
    this.attachedNetworks = [...networks];
    this.containerName = this.resource.name;
    this.literalName = isUnresolved(spec.name) ? undefined : spec.name;
    this.hostBindings = ports
      .map((p, i) => ({ prop: `publishedPorts[${i}].hostPort`, ip: p.ip!, port: p.external, protocol: p.protocol! }))
      .filter((b): b is HostBinding => b.port !== undefined && !isUnresolved(b.port) && !isUnresolved(b.ip));
    // Clashes between containers on the same Docker host are only known once every container exists,
    // so they are checked at synth: Docker would refuse the second container at apply.
    addClashCheck(this, (index) => this.firstClash(index));
  }

  /** The user-defined networks the container is attached to, in order. */
  public get networks(): IContainerNetwork[] {
    return [...this.attachedNetworks];
  }

  /**
   * Attaches the container to one more user-defined network (e.g. a network shared with one peer,
   * created after the container). A container that had no network leaves `network_mode = "none"`.
   *
   * @param network a ContainerNetwork (never a built-in network, DOCKER-NO-DEFAULT-BRIDGE)
   */
  public addNetwork(network: IContainerNetwork): void {
    checkNetwork(this, 'network', network, this.attachedNetworks);
    this.attachedNetworks.push(network);
    this.resource.resetNetworkMode();
    this.resource.putNetworksAdvanced(renderNetworks(this.attachedNetworks));
  }

  /**
   * The first name or host-port clash with a container created earlier in the stack for the same Docker
   * provider (earliest other container first; its name before its ports), then records this container's claims.
   */
  private firstClash(index: ClashIndex): ValidationError | undefined {
    const provider = this.resource.provider;
    let first: { order: number; rank: number; error: () => ValidationError } | undefined;
    const consider = (other: HardenedContainer, rank: number, error: () => ValidationError) => {
      const order = index.orderOf(other);
      if (!first || order < first.order || (order === first.order && rank < first.rank)) first = { order, rank, error };
    };
    const names = this.literalName === undefined ? undefined : index.claims<HardenedContainer>('docker-container-name', provider, this.literalName);
    const other = names?.[0];
    if (other) {
      consider(other, 0, () => invalid(this, 'spec.name', `is also the name of ${other.node.path} on the same Docker host, which Docker refuses at apply`, this.literalName,
        'Give every container on one Docker host its own spec.name.'));
    }
    const published = this.hostBindings.map((b) => index.claims<{ container: HardenedContainer; binding: HostBinding }>('docker-host-port', provider, `${b.port}/${b.protocol}`));
    this.hostBindings.forEach((mine, k) => {
      const clash = published[k].find(({ binding: b }) => b.ip === mine.ip || ALL_INTERFACES.has(b.ip) || ALL_INTERFACES.has(mine.ip));
      if (!clash) return;
      consider(clash.container, k + 1, () => invalid(this, mine.prop,
        `is already published on ${clash.binding.ip}/${clash.binding.protocol} by ${clash.container.node.path}, so Docker would fail with "port is already allocated" at apply`,
        mine.port, 'Publish each host port once per host address and protocol.'));
    });
    names?.push(this);
    this.hostBindings.forEach((binding, k) => published[k].push({ container: this, binding }));
    return first?.error();
  }

  private renderPorts(props: HardenedContainerProps, networks: IContainerNetwork[]): ContainerPorts[] {
    const published = props.publishedPorts ?? [];
    if (published.length === 0) return [];
    const hostIpProblem = (ip: string) => typeof ip !== 'string' || (!IPV4.test(ip) && !(ip.includes(':') && IPV6.test(ip.replace(/^\[|\]$/g, ''))));
    if (!isUnresolved(this.defaultHostIp) && hostIpProblem(this.defaultHostIp)) {
      throw invalid(this, 'defaultHostIp', 'is not an IP address', this.defaultHostIp, 'Use the host interface address to publish on, e.g. "127.0.0.1" or "10.0.0.5".');
    }
    if (networks.length === 0 || networks.every((n) => n.internal === true)) {
      throw invalid(this, 'publishedPorts', networks.length === 0 ? 'needs a network, but the container has none' : 'cannot be reached: every network is internal',
        published.map((p) => p.containerPort), 'Attach the container to a non-internal ContainerNetwork, or do not publish ports.');
    }
    const seen = new Set<string>();
    return published.map((p, i) => {
      const prop = `publishedPorts[${i}]`;
      const declared = (props.spec.ports ?? []).find((sp) => sp.containerPort === p.containerPort && (p.protocol === undefined || (sp.protocol ?? Protocol.TCP) === p.protocol));
      if (!declared) {
        throw invalid(this, `${prop}.containerPort`, 'is not declared in spec.ports (DOCKER-ONLY-NEEDED-PORTS, CIS Docker 5.9)', p.containerPort,
          'Publish only ports the spec declares, with the same protocol.');
      }
      const protocol = declared.protocol ?? Protocol.TCP;
      if (protocol === Protocol.SCTP) {
        throw invalid(this, `${prop}.protocol`, 'is SCTP, which this Docker provider does not publish', protocol, 'Publish a TCP or UDP port.');
      }
      if (p.hostPort !== undefined) {
        checkIntegerRange(this, `${prop}.hostPort`, p.hostPort, 1, 65535, 'Use a host port from 1025 to 65535, or omit it to let Docker pick one.');
        if (!isUnresolved(p.hostPort) && p.hostPort <= 1024) {
          if (props.allowPrivilegedHostPorts !== true) {
            throw invalid(this, `${prop}.hostPort`, 'is a privileged port (1-1024; DOCKER-NO-PRIV-PORTS, CIS Docker 5.8)', p.hostPort,
              'Use a port above 1024 (e.g. 8443 behind a load balancer), or set allowPrivilegedHostPorts: true.');
          }
          Annotations.of(this).addWarning(`${prop}.hostPort ${p.hostPort} is a privileged port: DOCKER-NO-PRIV-PORTS (CIS Docker 5.8) reports it.`);
        }
      }
      // Docker's API takes a bare IPv6 address ("::1"); the bracketed CLI spelling ("[::1]") is not an IP there.
      const given = p.hostIp ?? this.defaultHostIp;
      const ip = isUnresolved(given) || typeof given !== 'string' ? given : given.replace(/^\[(.*)\]$/, '$1');
      if (!isUnresolved(ip)) {
        if (hostIpProblem(ip)) throw invalid(this, `${prop}.hostIp`, 'is not an IP address', ip, 'Use a host interface address, e.g. "10.0.0.5".');
        if (ALL_INTERFACES.has(ip)) {
          if (props.allowAllInterfaces !== true) {
            throw invalid(this, `${prop}.hostIp`, 'binds every host interface (DOCKER-BIND-HOST-IP, CIS Docker 5.14)', ip,
              'Bind to one interface, e.g. "10.0.0.5", or set allowAllInterfaces: true.');
          }
          Annotations.of(this).addWarning(`${prop} binds ${ip} (all interfaces): DOCKER-BIND-HOST-IP (CIS Docker 5.14) reports it.`);
        }
      }
      const key = `${ip}/${p.hostPort ?? `auto:${p.containerPort}`}/${protocol}`;
      if (p.hostPort !== undefined && seen.has(key)) {
        throw invalid(this, `${prop}.hostPort`, `is published twice on ${ip}/${protocol.toLowerCase()}`, p.hostPort, 'Publish each host port once per address and protocol.');
      }
      seen.add(key);
      return { internal: p.containerPort, external: p.hostPort, ip, protocol: protocol.toLowerCase() };
    });
  }

  /** The tool a probe needs, from what the image reference says about the image. */
  private defaultHealthCheckTool(props: HardenedContainerProps): DockerHealthCheckTool {
    const ref = props.spec.image.reference.toLowerCase();
    if (/distroless|(^|\/)static(:|@|$)/.test(ref)) {
      throw invalid(this, 'spec.healthProbe', `is an ${props.spec.healthProbe!.probeType} probe, but ${props.spec.image.reference} looks distroless: it has no shell, wget or curl to run it`,
        props.spec.image.reference, 'Set healthCheckCommand to a health check binary the image ships (e.g. ["/app/healthcheck"]), or healthCheckTool if the image has one.');
    }
    return /alpine|busybox/.test(ref) ? DockerHealthCheckTool.WGET : DockerHealthCheckTool.BASH;
  }

  private renderHealthcheck(props: HardenedContainerProps): ContainerHealthcheck | undefined {
    const probe = props.spec.healthProbe;
    let command = props.healthCheckCommand;
    if (command !== undefined && (!Array.isArray(command) || command.length === 0 || command.some((c) => typeof c !== 'string' || c.length === 0))) {
      throw invalid(this, 'healthCheckCommand', 'must be a non-empty list of non-empty strings', command, 'Use e.g. ["/app/healthcheck"].');
    }
    if (props.healthCheckTool !== undefined && !Object.values(DockerHealthCheckTool).includes(props.healthCheckTool)) {
      throw invalid(this, 'healthCheckTool', 'is not a known tool', props.healthCheckTool, 'Use DockerHealthCheckTool.WGET, CURL or BASH.');
    }
    if (command === undefined && probe !== undefined) {
      if (probe.probeType === ProbeType.EXEC) {
        command = probe.command;
      } else {
        const tool = props.healthCheckTool ?? this.defaultHealthCheckTool(props);
        command = dockerProbeCommand(probe.probeType, tool, probe.port!, probe.path ?? '/', probe.https);
        addSynthNote(this, 'DOCKER-HEALTHCHECK', `Docker runs health checks inside the container: the ${probe.probeType} probe becomes \`${command.join(' ')}\` `
          + `(healthCheckTool ${tool}${props.healthCheckTool === undefined ? ', chosen from the image reference' : ''}), so the image must contain ${command[0]}.`);
      }
    }
    if (command === undefined) {
      Annotations.of(this).addWarning('No health check (spec.healthProbe / healthCheckCommand): DOCKER-HEALTHCHECK (CIS Docker 5.27) reports it.');
      return undefined;
    }
    return {
      test: ['CMD', ...command],
      interval: goDuration(probe?.periodSeconds ?? 10),
      timeout: goDuration(probe?.timeoutSeconds ?? 3),
      retries: probe?.failureThreshold ?? 3,
      startPeriod: goDuration(probe?.initialDelaySeconds ?? 0),
    };
  }
}

/** The Docker health check command of an HTTP or TCP probe with `tool` (see `DockerHealthCheckTool`). */
export function dockerProbeCommand(type: ProbeType, tool: DockerHealthCheckTool, port: number, path: string, https: boolean): string[] {
  const bashTcp = `exec 3<>/dev/tcp/127.0.0.1/${port}`;
  if (type === ProbeType.TCP || (tool === DockerHealthCheckTool.BASH && https)) {
    return tool === DockerHealthCheckTool.WGET ? ['sh', '-c', `nc -w 2 127.0.0.1 ${port} </dev/null`] : ['bash', '-c', bashTcp];
  }
  const url = `${https ? 'https' : 'http'}://127.0.0.1:${port}${path}`;
  // printf format, single-quoted shell word, Terraform string: "%", "'" and "$" are URL-encoded.
  const request = path.replace(/%/g, '%%25').replace(/'/g, '%%27').replace(/\$/g, '%%24');
  switch (tool) {
    case DockerHealthCheckTool.WGET:
      return https ? ['wget', '-q', '--no-check-certificate', '-O', '/dev/null', url] : ['wget', '-q', '-O', '/dev/null', url];
    case DockerHealthCheckTool.CURL:
      return https ? ['curl', '-fsSk', '-o', '/dev/null', url] : ['curl', '-fsS', '-o', '/dev/null', url];
    default:
      // A GET over bash's /dev/tcp; healthy on a 2xx or 3xx status line. No "${": Terraform would interpolate it.
      return ['bash', '-c', `${bashTcp} && printf 'GET ${request} HTTP/1.0\\r\\nHost: 127.0.0.1\\r\\n\\r\\n' >&3 && read -r _ code _ <&3 && [[ $code == [23]?? ]]`];
  }
}

/** Throws unless `n` is a user-defined network not already in `attached`. */
function checkNetwork(scope: Construct, prop: string, n: IContainerNetwork, attached: IContainerNetwork[]): void {
  if (n === undefined || n === null || typeof n.networkName !== 'string') {
    throw invalid(scope, prop, 'is not a container network', n, 'Pass ContainerNetwork instances.');
  }
  if (attached.some((other) => other === n || other.networkName === n.networkName)) {
    throw invalid(scope, prop, 'is listed twice', n.networkName, 'Attach to each network once.');
  }
  if (!isUnresolved(n.networkName) && ['bridge', 'default', 'host', 'none'].includes(n.networkName)) {
    throw invalid(scope, prop, 'is a built-in Docker network (DOCKER-NO-DEFAULT-BRIDGE, DOCKER-NO-HOST-NET)', n.networkName, 'Attach to a ContainerNetwork (user-defined bridge).');
  }
}

/** `networks_advanced`: by ID where known, so a replaced network replaces this container too (the provider does not read networks_advanced back). */
function renderNetworks(networks: IContainerNetwork[]): ContainerNetworksAdvanced[] {
  return networks.map((n) => ({ name: n.networkId ?? n.networkName }));
}
