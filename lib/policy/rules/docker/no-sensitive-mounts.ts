import { checkArgs } from '../../../core/private/shapes';
import { Severity } from '../../rule';
import { hostMounts, isUnder, normalizeHostPath } from '../private/docker';
import { ConfigurableRule, isTrue } from '../private/rule-kit';

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
export class DockerSensitiveMountsRule extends ConfigurableRule {
  constructor(options: DockerSensitiveMountsRuleOptions = {}) {
    checkArgs('DockerSensitiveMountsRule', 'DockerSensitiveMountsRule', [options]);
    const allowed = (options.allowedReadOnlyPaths ?? []).map(normalizeHostPath);
    super({
      ruleId: 'DOCKER-NO-SENSITIVE-MOUNTS',
      title: 'Host system directories are not mounted',
      severity: Severity.HIGH,
      source: 'CIS-D 5.6',
      resourceTypes: ['docker_container'],
      rationale: `Bind mounts (mounts[] type "bind") and volumes[].host_path must not be ${SENSITIVE_HOST_DIRECTORIES.join(', ')}; `
        + 'paths below them pass only when allow-listed (allowedReadOnlyPaths) and mounted read_only = true. Paths are normalised (trailing slashes, "..").',
    }, (attributes, findings) => {
      for (const mount of hostMounts(attributes, findings)) {
        const parent = SENSITIVE_HOST_DIRECTORIES.filter((d) => d !== '/' && isUnder(mount.normalized, d))[0];
        if (mount.normalized === '/' || SENSITIVE_HOST_DIRECTORIES.includes(mount.normalized)) {
          findings.fail(mount.path, mount.source, `do not mount the host directory ${mount.normalized}; mount only the specific files the container needs, read-only`, `path=${mount.normalized}`);
        } else if (parent) {
          const allowListed = allowed.some((a) => isUnder(mount.normalized, a));
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
