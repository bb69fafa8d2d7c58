import { IPolicyRule, PolicyContext, PolicyResource, RuleResult, Severity } from '../../rule';
import { hostMounts, isUnder, normalizeHostPath } from '../private/docker';
import { isTrue, runCheck } from '../private/rule-kit';

/** The host system directories of CIS-D 5.6 (docker-bench's list). */
export const SENSITIVE_HOST_DIRECTORIES: string[] = ['/', '/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr'];

/** Site input of the DOCKER-NO-SENSITIVE-MOUNTS rule. */
export interface DockerSensitiveMountsRuleOptions {
  /**
   * Host paths below a system directory that may be mounted, read-only only (e.g. `/etc/ssl/certs`).
   * The system directories themselves are never allowed.
   * @default - none
   */
  readonly allowedReadOnlyPaths?: string[];
}

/**
 * DOCKER-NO-SENSITIVE-MOUNTS: host system directories are not mounted.
 */
export class DockerSensitiveMountsRule implements IPolicyRule {
  /** The control id. */
  public readonly ruleId: string = 'DOCKER-NO-SENSITIVE-MOUNTS';
  /** What the rule requires. */
  public readonly title: string = 'Host system directories are not mounted';
  /** High. */
  public readonly severity: Severity = Severity.HIGH;
  /** CIS Docker Benchmark item. */
  public readonly source: string = 'CIS-D 5.6';
  /** `docker_container`. */
  public readonly resourceTypes: string[] = ['docker_container'];
  /** Findings may be suppressed with a reason. */
  public readonly suppressible?: boolean = true;
  /** How the rule decides. */
  public readonly rationale: string;
  private readonly allowed: string[];

  constructor(options: DockerSensitiveMountsRuleOptions = {}) {
    this.allowed = (options.allowedReadOnlyPaths ?? []).map(normalizeHostPath);
    this.rationale = `Bind mounts (mounts[] type "bind") and volumes[].host_path must not be ${SENSITIVE_HOST_DIRECTORIES.join(', ')}; `
      + 'paths below them pass only when allow-listed (allowedReadOnlyPaths) and mounted read_only = true. Paths are normalised (trailing slashes, "..").';
  }

  /** Checks one resource. */
  public evaluate(resource: PolicyResource, context: PolicyContext): RuleResult {
    return runCheck(this.resourceTypes, resource, context, (attributes, findings) => {
      for (const mount of hostMounts(attributes, findings)) {
        const parent = SENSITIVE_HOST_DIRECTORIES.filter((d) => d !== '/' && isUnder(mount.normalized, d))[0];
        if (mount.normalized === '/' || SENSITIVE_HOST_DIRECTORIES.includes(mount.normalized)) {
          findings.fail(mount.path, mount.source, `do not mount the host directory ${mount.normalized}; mount only the specific files the container needs, read-only`, `path=${mount.normalized}`);
        } else if (parent) {
          const allowListed = this.allowed.some((a) => isUnder(mount.normalized, a));
          if (!allowListed || !isTrue(mount.readOnly)) {
            findings.fail(mount.path, mount.source, allowListed
              ? 'set read_only = true on this mount'
              : `do not mount paths under ${parent}, or allow-list this path (allowedReadOnlyPaths) and mount it read-only`, `path=${mount.normalized}`);
          }
        }
      }
    });
  }
}
