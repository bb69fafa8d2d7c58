import { invalid } from './private/errors';
import { checkArgs } from './private/shapes';

const PARSER = 'ImageReference.parse';
const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
// distribution/reference grammar (github.com/distribution/reference, regexp.go)
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const IPV6_HOST = /^\[[a-fA-F0-9:]+\]$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;
const MAX_NAME_LENGTH = 255;

/**
 * A parsed, normalised container image reference.
 *
 * Grammar: `[registry[:port]/]repository[:tag][@sha256:<64 hex>]`. Docker Hub references are
 * normalised the way Docker does it: registry `docker.io`, and single-name repositories get the
 * `library/` prefix (`nginx` → `docker.io/library/nginx`).
 *
 * An image is **pinned** when it carries a sha256 digest: the content cannot change under the
 * same reference (K8S-IMAGE-DIGEST, DOCKER-IMAGE-PINNED; CIS Docker 5.28).
 *
 * @example
 * const image = ImageReference.parse('ghcr.io/acme/api:1.4.2@sha256:' + 'a'.repeat(64));
 */
export class ImageReference {
  /**
   * Parses an image reference.
   *
   * Throws a validation error naming the bad part (registry, repository, tag or digest).
   *
   * @param reference e.g. `nginx:1.27`, `ghcr.io/acme/api@sha256:…`, `registry.local:5000/team/app:2.0@sha256:…`
   */
  public static parse(reference: string): ImageReference {
    checkArgs('ImageReference.parse', 'ImageReference.parse', [reference]);
    if (typeof reference !== 'string' || reference.length === 0) {
      throw invalid(PARSER, 'reference', 'is empty', reference, 'Give an image such as "ghcr.io/acme/api:1.2.3@sha256:<64 hex>".');
    }
    if (reference !== reference.trim() || /\s/.test(reference)) {
      throw invalid(PARSER, 'reference', 'contains white space', reference, 'Remove spaces, tabs and line breaks from the reference.');
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(reference)) {
      throw invalid(PARSER, 'reference', 'has a URL scheme; image references have none', reference,
        `Drop the scheme: "${reference.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')}".`);
    }

    let rest = reference;
    let digest: string | undefined;
    const at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.slice(at + 1);
      rest = rest.slice(0, at);
      if (!SHA256_DIGEST.test(digest)) {
        throw invalid(PARSER, 'digest', 'is not a sha256 digest', digest,
          'Use "@sha256:" followed by 64 lower-case hex characters, e.g. from `docker buildx imagetools inspect <image>`.');
      }
    }

    let tag: string | undefined;
    const lastSlash = rest.lastIndexOf('/');
    const lastColon = rest.lastIndexOf(':');
    if (lastColon > lastSlash) {
      tag = rest.slice(lastColon + 1);
      rest = rest.slice(0, lastColon);
      if (!TAG.test(tag)) {
        throw invalid(PARSER, 'tag', 'is not a valid tag', tag,
          'A tag is 1-128 characters of letters, digits, "_", "." and "-", and cannot start with "." or "-".');
      }
    }

    if (rest.length === 0) {
      throw invalid(PARSER, 'repository', 'is missing', reference, 'Name the repository before ":" or "@", e.g. "nginx:1.27".');
    }

    let registry = DOCKER_HUB;
    let repository = rest;
    const firstSlash = rest.indexOf('/');
    if (firstSlash >= 0) {
      const first = rest.slice(0, firstSlash);
      if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
        registry = ImageReference.parseRegistry(first);
        repository = rest.slice(firstSlash + 1);
      }
    }
    if (DOCKER_HUB_ALIASES.has(registry)) {
      registry = DOCKER_HUB;
      if (!repository.includes('/')) repository = `library/${repository}`;
    }

    const components = repository.split('/');
    for (const component of components) {
      if (!PATH_COMPONENT.test(component)) {
        throw invalid(PARSER, 'repository', `has an invalid path component "${component}"`, repository,
          'Repository components are lower-case letters and digits, separated by ".", "_", "__" or "-", and joined by "/".');
      }
    }
    const nameLength = registry.length + 1 + repository.length;
    if (nameLength > MAX_NAME_LENGTH) {
      throw invalid(PARSER, 'repository', `makes the name ${nameLength} characters long`, repository,
        `Keep registry and repository within ${MAX_NAME_LENGTH} characters.`);
    }
    return new ImageReference(registry, repository, tag, digest);
  }

  /** True when `reference` parses; never throws. */
  public static isValid(reference: string): boolean {
    try {
      ImageReference.parse(reference);
      return true;
    } catch {
      return false;
    }
  }

  private static parseRegistry(host: string): string {
    let name = host;
    const portMatch = /^(.*):([0-9]+)$/.exec(host);
    if (portMatch && !IPV6_HOST.test(host)) {
      name = portMatch[1];
      const port = Number(portMatch[2]);
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        throw invalid(PARSER, 'registry', 'has a port outside 1-65535', host, 'Use a registry port between 1 and 65535, e.g. "registry.local:5000".');
      }
    } else if (host.includes(':') && !IPV6_HOST.test(host)) {
      throw invalid(PARSER, 'registry', 'has a malformed port', host, 'Write the port as digits after one ":", e.g. "registry.local:5000".');
    }
    if (IPV6_HOST.test(name)) return host;
    if (name.length === 0 || !name.split('.').every((part) => DOMAIN_COMPONENT.test(part))) {
      throw invalid(PARSER, 'registry', 'is not a valid host name', host,
        'A registry host is dot-separated labels of letters, digits and "-", optionally with ":<port>".');
    }
    return host;
  }

  /** Registry host (with port, if any). Docker Hub is `docker.io`. */
  public readonly registry: string;
  /** Repository path inside the registry, e.g. `library/nginx` or `acme/api`. */
  public readonly repository: string;
  /**
   * Tag, if the reference has one.
   * @default - no tag
   */
  public readonly tag?: string;
  /**
   * Digest (`sha256:<64 hex>`), if the reference is pinned.
   * @default - not pinned
   */
  public readonly digest?: string;

  private constructor(registry: string, repository: string, tag: string | undefined, digest: string | undefined) {
    this.registry = registry;
    this.repository = repository;
    this.tag = tag;
    this.digest = digest;
  }

  /** True when the reference carries a sha256 digest, so its content cannot change. */
  public get isPinned(): boolean {
    return this.digest !== undefined;
  }

  /** True when the reference has neither a digest nor a tag other than `latest`: it floats. */
  public get isLatest(): boolean {
    return !this.isPinned && (this.tag === undefined || this.tag === 'latest');
  }

  /** `registry/repository`, without tag or digest. */
  public get name(): string {
    return `${this.registry}/${this.repository}`;
  }

  /**
   * The full normalised reference, as given to Docker and Kubernetes:
   * `registry/repository[:tag][@digest]`.
   */
  public get reference(): string {
    return `${this.name}${this.tag !== undefined ? `:${this.tag}` : ''}${this.digest !== undefined ? `@${this.digest}` : ''}`;
  }

  /** A copy pinned to `digest` (`sha256:<64 hex>`), keeping the tag for readability. */
  public withDigest(digest: string): ImageReference {
    if (!SHA256_DIGEST.test(digest)) {
      throw invalid('ImageReference.withDigest', 'digest', 'is not a sha256 digest', digest, 'Use "sha256:" followed by 64 lower-case hex characters.');
    }
    return new ImageReference(this.registry, this.repository, this.tag, digest);
  }

  /** The full reference. */
  public toString(): string {
    return this.reference;
  }
}
