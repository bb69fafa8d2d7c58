import { createHash } from 'crypto';
import { IConstruct } from 'constructs';
import { checkArgs } from './private/shapes';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const HASH_LENGTH = 8;

/** Name rules of Kubernetes, Docker and vSphere objects, and deterministic names from construct paths. */
export class Naming {
  /** True for an RFC 1123 DNS label: 1-63 lower-case letters, digits or "-", starting and ending alphanumeric. */
  public static isDnsLabel(value: string): boolean {
    return typeof value === 'string' && value.length <= 63 && DNS_LABEL.test(value);
  }

  /** True for an RFC 1123 DNS subdomain: dot-separated DNS labels, at most 253 characters. */
  public static isDnsSubdomain(value: string): boolean {
    return typeof value === 'string' && value.length <= 253 && DNS_SUBDOMAIN.test(value)
      && value.split('.').every((label) => label.length <= 63);
  }

  /**
   * A deterministic DNS-1123 label for a construct, derived from its path below the stack:
   * the readable path, shortened to fit, plus an 8-character hash of the full path, so two
   * constructs never share a name and the name never changes while the path does not.
   *
   * @param scope the construct to name
   * @param maxLength at most this many characters (16-63)
   * @default maxLength 63
   */
  public static uniqueDnsLabel(scope: IConstruct, maxLength: number = 63): string {
    checkArgs('Naming.uniqueDnsLabel', 'Naming.uniqueDnsLabel', [scope, maxLength]);
    const limit = Math.max(16, Math.min(63, Math.floor(maxLength)));
    const parts = scope.node.scopes.slice(2).map((c) => c.node.id).filter((id) => id.length > 0 && id !== 'Default' && id !== 'Resource');
    const fullPath = scope.node.path;
    const hash = createHash('sha256').update(fullPath).digest('hex').slice(0, HASH_LENGTH);
    const readable = parts.join('-').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
    const room = limit - HASH_LENGTH - 1;
    const prefix = readable.slice(0, room).replace(/-+$/, '');
    return prefix.length > 0 ? `${prefix}-${hash}` : `x${hash}`;
  }

  private constructor() {}
}
