import { Cpu, Size } from './quantity';
import { ImageReference } from './image-reference';
import { invalid } from './private/errors';
import { checkArgs } from './private/shapes';

/** Transport protocol of a container port. Values are the strings Kubernetes and Docker expect. */
export enum Protocol {
  /** TCP */
  TCP = 'TCP',
  /** UDP */
  UDP = 'UDP',
  /** SCTP (Kubernetes only) */
  SCTP = 'SCTP',
}

/** A port the container listens on. */
export interface PortSpec {
  /**
   * Port name: an IANA service name (1-15 lower-case letters, digits and "-", at least one
   * letter). Services, probes and network policies refer to the port by this name.
   */
  readonly name: string;
  /** Port number inside the container, 1-65535. */
  readonly containerPort: number;
  /**
   * Protocol.
   * @default Protocol.TCP
   */
  readonly protocol?: Protocol;
}

/** Where an environment variable's value comes from. */
export enum EnvValueSource {
  /** A literal, non-secret value. */
  PLAIN = 'PLAIN',
  /** A sensitive value, usually a `TerraformVariable` with `sensitive: true`. */
  SENSITIVE = 'SENSITIVE',
  /** A key of an existing Kubernetes Secret. */
  KUBERNETES_SECRET = 'KUBERNETES_SECRET',
}

/**
 * The value of an environment variable: a plain value or a secret reference.
 *
 * Secrets never appear as literals in synthesized Terraform: a `sensitive` value is rendered
 * as a Terraform variable reference, and Kubernetes workloads read it from a Secret.
 */
export class EnvValue {
  /** A plain, non-secret value. */
  public static fromString(value: string): EnvValue {
    checkArgs('EnvValue.fromString', 'EnvValue.fromString', [value]);
    return new EnvValue(EnvValueSource.PLAIN, value, undefined, undefined);
  }

  /**
   * A secret value, e.g. `new TerraformVariable(this, 'db_password', { sensitive: true }).stringValue`.
   *
   * Docker receives it as an environment entry (Terraform keeps it out of plan output); the
   * Kubernetes constructs store it in a Secret and reference it with `secretKeyRef`.
   */
  public static fromSensitiveValue(value: string): EnvValue {
    checkArgs('EnvValue.fromSensitiveValue', 'EnvValue.fromSensitiveValue', [value]);
    return new EnvValue(EnvValueSource.SENSITIVE, value, undefined, undefined);
  }

  /** A key of an existing Kubernetes Secret (Kubernetes only; the Docker constructs reject it). */
  public static fromKubernetesSecret(secretName: string, key: string): EnvValue {
    checkArgs('EnvValue.fromKubernetesSecret', 'EnvValue.fromKubernetesSecret', [secretName, key]);
    if (typeof secretName !== 'string' || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(secretName) || secretName.length > 253) {
      throw invalid('EnvValue.fromKubernetesSecret', 'secretName', 'is not a DNS-1123 subdomain', secretName, 'Use the name of the Secret, e.g. "db-credentials".');
    }
    if (typeof key !== 'string' || !/^[-._a-zA-Z0-9]+$/.test(key) || key.length > 253) {
      throw invalid('EnvValue.fromKubernetesSecret', 'key', 'is not a valid Secret key', key, 'Keys are letters, digits, "-", "_" and ".".');
    }
    return new EnvValue(EnvValueSource.KUBERNETES_SECRET, undefined, secretName, key);
  }

  /** Where the value comes from. */
  public readonly source: EnvValueSource;
  /**
   * The value (plain or sensitive).
   * @default - none for a Kubernetes Secret reference
   */
  public readonly value?: string;
  /**
   * Name of the Kubernetes Secret.
   * @default - not a Secret reference
   */
  public readonly secretName?: string;
  /**
   * Key inside the Kubernetes Secret.
   * @default - not a Secret reference
   */
  public readonly secretKey?: string;

  private constructor(source: EnvValueSource, value: string | undefined, secretName: string | undefined, secretKey: string | undefined) {
    this.source = source;
    this.value = value;
    this.secretName = secretName;
    this.secretKey = secretKey;
  }

  /** True for values that must not be shown in plain text (sensitive values and Secret references). */
  public get isSecret(): boolean {
    return this.source !== EnvValueSource.PLAIN;
  }
}

/** CPU, memory and ephemeral storage a container asks for (requests) and may use at most (limits). */
export interface ContainerResources {
  /**
   * CPU reserved for scheduling.
   * @default - the platform default (Kubernetes: the namespace LimitRange; Docker: none)
   */
  readonly cpuRequest?: Cpu;
  /**
   * CPU ceiling.
   * @default - the construct's default limit
   */
  readonly cpuLimit?: Cpu;
  /**
   * Memory reserved for scheduling.
   * @default - the platform default
   */
  readonly memoryRequest?: Size;
  /**
   * Memory ceiling; the process is killed above it.
   * @default - the construct's default limit
   */
  readonly memoryLimit?: Size;
  /**
   * Ephemeral storage reserved (Kubernetes only).
   * @default - the platform default
   */
  readonly ephemeralStorageRequest?: Size;
  /**
   * Ephemeral storage ceiling (Kubernetes only).
   * @default - the construct's default limit
   */
  readonly ephemeralStorageLimit?: Size;
}

/** The kind of check a health probe makes. */
export enum ProbeType {
  /** HTTP GET; healthy on a 2xx or 3xx status. */
  HTTP = 'HTTP',
  /** A TCP connection can be opened. */
  TCP = 'TCP',
  /** A command inside the container exits 0. */
  EXEC = 'EXEC',
}

/** How often and how patiently a probe checks. */
export interface ProbeTimings {
  /**
   * Seconds to wait after the container starts before the first check (0-3600).
   * @default 0
   */
  readonly initialDelaySeconds?: number;
  /**
   * Seconds between checks (1-3600).
   * @default 10
   */
  readonly periodSeconds?: number;
  /**
   * Seconds before a check counts as failed (1-3600, at most `periodSeconds`).
   * @default 3
   */
  readonly timeoutSeconds?: number;
  /**
   * Consecutive failures before the container counts as unhealthy (1-100).
   * @default 3
   */
  readonly failureThreshold?: number;
}

/** What every probe form accepts besides its check: timings and a separate liveness check. */
export interface ProbeOptions extends ProbeTimings {
  /**
   * A different check for liveness (Kubernetes restarts the container when it fails), e.g.
   * `HealthProbe.http({ path: '/livez', port: 8080 })` next to a readiness path `/ready`.
   * It must not make the same check as this probe (kube-score "Pod Probes Identical": a
   * liveness check that fails with readiness under load restarts healthy pods and cascades).
   * The Docker backend runs only this probe, never the liveness check.
   * @default - derived: an HTTP probe gets a TCP liveness check on its port; an exec probe a TCP
   * check on the container's first TCP port (none without one); a TCP probe no liveness check
   */
  readonly liveness?: HealthProbe;
}

/** Options for an HTTP probe. */
export interface HttpProbeOptions extends ProbeOptions {
  /** Absolute path to GET, e.g. `/healthz`. */
  readonly path: string;
  /** Container port number to probe (1-65535). */
  readonly port: number;
  /**
   * Use HTTPS.
   * @default false
   */
  readonly https?: boolean;
}

/** Options for a TCP probe. */
export interface TcpProbeOptions extends ProbeOptions {
  /** Container port number to connect to (1-65535). */
  readonly port: number;
}

/** Options for an exec probe. */
export interface ExecProbeOptions extends ProbeOptions {
  /** Command and arguments run inside the container (no shell unless you call one). */
  readonly command: string[];
}

const TIMING_RANGES: Array<[keyof ProbeTimings, number, number, number]> = [
  ['initialDelaySeconds', 0, 3600, 0],
  ['periodSeconds', 1, 3600, 10],
  ['timeoutSeconds', 1, 3600, 3],
  ['failureThreshold', 1, 100, 3],
];

/**
 * A health check for a containerized process, rendered as Kubernetes liveness/readiness
 * probes and as a Docker `healthcheck`.
 */
export class HealthProbe {
  /** Checks an HTTP endpoint. */
  public static http(options: HttpProbeOptions): HealthProbe {
    checkArgs('HealthProbe.http', 'HealthProbe.http', [options]);
    const where = 'HealthProbe.http';
    if (typeof options.path !== 'string' || !options.path.startsWith('/') || /\s/.test(options.path)) {
      throw invalid(where, 'path', 'must be an absolute URL path without spaces', options.path, 'Use e.g. "/healthz".');
    }
    checkPort(where, 'port', options.port);
    return new HealthProbe(ProbeType.HTTP, options, options.path, options.port, undefined, options.https ?? false);
  }

  /** Checks that a TCP port accepts connections. */
  public static tcp(options: TcpProbeOptions): HealthProbe {
    checkArgs('HealthProbe.tcp', 'HealthProbe.tcp', [options]);
    checkPort('HealthProbe.tcp', 'port', options.port);
    return new HealthProbe(ProbeType.TCP, options, undefined, options.port, undefined, false);
  }

  /** Runs a command inside the container. */
  public static exec(options: ExecProbeOptions): HealthProbe {
    checkArgs('HealthProbe.exec', 'HealthProbe.exec', [options]);
    if (!Array.isArray(options.command) || options.command.length === 0 || options.command.some((c) => typeof c !== 'string' || c.length === 0)) {
      throw invalid('HealthProbe.exec', 'command', 'must be a non-empty list of non-empty strings', options.command, 'Use e.g. ["/app/healthcheck", "--quiet"].');
    }
    return new HealthProbe(ProbeType.EXEC, options, undefined, undefined, [...options.command], false);
  }

  /** What the probe checks. */
  public readonly probeType: ProbeType;
  /**
   * HTTP path.
   * @default - not an HTTP probe
   */
  public readonly path?: string;
  /**
   * Port number.
   * @default - an exec probe
   */
  public readonly port?: number;
  /**
   * Command for an exec probe.
   * @default - not an exec probe
   */
  public readonly command?: string[];
  /** Whether an HTTP probe uses HTTPS. */
  public readonly https: boolean;
  /**
   * The separate liveness check given with `liveness`.
   * @default - derived by the Kubernetes constructs (see `ProbeOptions.liveness`)
   */
  public readonly liveness?: HealthProbe;
  /** Seconds before the first check. */
  public readonly initialDelaySeconds: number;
  /** Seconds between checks. */
  public readonly periodSeconds: number;
  /** Seconds before a check fails. */
  public readonly timeoutSeconds: number;
  /** Failures before unhealthy. */
  public readonly failureThreshold: number;

  private constructor(probeType: ProbeType, timings: ProbeOptions, path: string | undefined, port: number | undefined, command: string[] | undefined, https: boolean) {
    const where = `HealthProbe.${probeType.toLowerCase()}`;
    const resolved: Record<string, number> = {};
    for (const [key, min, max, fallback] of TIMING_RANGES) {
      const value = timings[key] ?? fallback;
      if (!Number.isInteger(value) || value < min || value > max) {
        throw invalid(where, key, `must be a whole number from ${min} to ${max}`, value, `Set ${key} within ${min}-${max}.`);
      }
      resolved[key] = value;
    }
    if (resolved.timeoutSeconds > resolved.periodSeconds) {
      throw invalid(where, 'timeoutSeconds', `must not exceed periodSeconds (${resolved.periodSeconds})`, resolved.timeoutSeconds,
        'Lower timeoutSeconds or raise periodSeconds, so checks do not overlap.');
    }
    this.probeType = probeType;
    this.path = path;
    this.port = port;
    this.command = command;
    this.https = https;
    this.initialDelaySeconds = resolved.initialDelaySeconds;
    this.periodSeconds = resolved.periodSeconds;
    this.timeoutSeconds = resolved.timeoutSeconds;
    this.failureThreshold = resolved.failureThreshold;
    const liveness = timings.liveness;
    if (liveness !== undefined) {
      if (!(liveness instanceof HealthProbe)) {
        throw invalid(where, 'liveness', 'must be a HealthProbe', liveness, 'Use HealthProbe.http({...}), .tcp({...}) or .exec({...}).');
      }
      if (liveness.liveness !== undefined) {
        throw invalid(where, 'liveness.liveness', 'is set: a liveness check has no liveness check of its own', liveness.liveness.probeType, 'Remove the inner liveness.');
      }
      if (this.sameCheckAs(liveness)) {
        throw invalid(where, 'liveness', 'makes the same check as the probe itself (kube-score "Pod Probes Identical")', describeCheck(liveness),
          'Check something else for liveness (another path, or HealthProbe.tcp on the port), or leave liveness unset to get a derived one.');
      }
      this.liveness = liveness;
    }
  }

  /** True when both probes make the same check in kube-score's sense (same handler and target; timings do not count). */
  public sameCheckAs(other: HealthProbe): boolean {
    if (other.probeType !== this.probeType) return false;
    switch (this.probeType) {
      case ProbeType.HTTP: return other.path === this.path && other.port === this.port;
      case ProbeType.TCP: return other.port === this.port;
      default: return JSON.stringify(other.command) === JSON.stringify(this.command);
    }
  }
}

function describeCheck(p: HealthProbe): string {
  switch (p.probeType) {
    case ProbeType.HTTP: return `HTTP ${p.path} on ${p.port}`;
    case ProbeType.TCP: return `TCP ${p.port}`;
    default: return `exec ${(p.command ?? []).join(' ')}`;
  }
}

function checkPort(where: string, prop: string, port: number): void {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw invalid(where, prop, 'must be a whole number from 1 to 65535', port, 'Use the port the process listens on, e.g. 8080.');
  }
}

/**
 * One description of a containerized process, accepted by both the Docker and the Kubernetes
 * constructs, so the hybrid layer can place the same workload on either.
 */
export interface ContainerSpec {
  /** Container name: a DNS-1123 label (lower-case letters, digits and "-", at most 63 characters). */
  readonly name: string;
  /** The image to run. Pin it by digest (`ImageReference.parse('repo@sha256:…')`). */
  readonly image: ImageReference;
  /**
   * Entrypoint override (Docker `entrypoint`, Kubernetes `command`).
   * @default - the image's entrypoint
   */
  readonly command?: string[];
  /**
   * Arguments (Docker `command`, Kubernetes `args`).
   * @default - the image's default arguments
   */
  readonly args?: string[];
  /**
   * Environment variables by name.
   * @default - none
   */
  readonly env?: { [name: string]: EnvValue };
  /**
   * Ports the process listens on.
   * @default - none
   */
  readonly ports?: PortSpec[];
  /**
   * Resource requests and limits.
   * @default - the construct's defaults
   */
  readonly resources?: ContainerResources;
  /**
   * Health check.
   * @default - no health check (the policy engine reports it)
   */
  readonly healthProbe?: HealthProbe;
  /**
   * Numeric user id the process runs as. Must not be 0 (root).
   * @default - the construct's default non-root uid
   */
  readonly user?: number;
  /**
   * Numeric group id the process runs as. Must not be 0 (root).
   * @default - the construct's default non-root gid
   */
  readonly group?: number;
  /**
   * Absolute directories the process may write to. They are mounted as size-capped scratch
   * space (Docker tmpfs, Kubernetes emptyDir) so the root filesystem stays read-only.
   * @default - none
   */
  readonly writablePaths?: string[];
}
