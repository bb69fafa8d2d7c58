import { Token } from 'cdktf';
import { ContainerSpec, Protocol } from '../container-spec';
import { ImageReference } from '../image-reference';
import { Naming } from '../naming';
import { Cpu, Size } from '../quantity';
import { ErrorScope, invalid } from './errors';

/** True when the value is a token that resolves only at apply; such values are not validated. */
export function isUnresolved(value: unknown): boolean {
  return (typeof value === 'string' || typeof value === 'number' || Array.isArray(value)) && Token.isUnresolved(value);
}

/** Throws unless `value` is a DNS-1123 label (Kubernetes object names, container names). */
export function checkDnsLabel(scope: ErrorScope, prop: string, value: string): void {
  if (isUnresolved(value)) return;
  if (!Naming.isDnsLabel(value)) {
    throw invalid(scope, prop, 'is not a DNS-1123 label', value,
      'Use 1-63 lower-case letters, digits and "-", starting and ending with a letter or digit, e.g. "web-api".');
  }
}

/** Throws unless `value` is a DNS-1123 subdomain. */
export function checkDnsSubdomain(scope: ErrorScope, prop: string, value: string): void {
  if (isUnresolved(value)) return;
  if (!Naming.isDnsSubdomain(value)) {
    throw invalid(scope, prop, 'is not a DNS-1123 subdomain', value,
      'Use dot-separated lower-case labels of letters, digits and "-", at most 253 characters, e.g. "app.example.com".');
  }
}

/** Throws unless `value` is a whole number in `[min, max]`. */
export function checkIntegerRange(scope: ErrorScope, prop: string, value: number, min: number, max: number, fix?: string): void {
  if (isUnresolved(value)) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(scope, prop, `must be a whole number from ${min} to ${max}`, value, fix ?? `Set ${prop} within ${min}-${max}.`);
  }
}

/** Throws unless `value` is a port number, 1-65535. */
export function checkPort(scope: ErrorScope, prop: string, value: number): void {
  checkIntegerRange(scope, prop, value, 1, 65535, 'Use a port from 1 to 65535.');
}

/** Throws unless `value` is an absolute, normalised directory path other than `/`. */
export function checkAbsolutePath(scope: ErrorScope, prop: string, value: string): void {
  if (isUnresolved(value)) return;
  if (typeof value !== 'string' || !value.startsWith('/')) {
    throw invalid(scope, prop, 'must be an absolute path', value, 'Start the path with "/", e.g. "/tmp".');
  }
  const segments = value.split('/').slice(1);
  if (value === '/' || segments.some((s) => s === '' || s === '.' || s === '..') || /[\s:,]/.test(value)) {
    throw invalid(scope, prop, 'must be a normalised directory below "/" (no "//", ".", "..", trailing "/", spaces, ":" or ",")', value,
      'Write the path plainly, e.g. "/var/cache/app".');
  }
}

const PORT_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const MAX_ID = 2147483647;

function checkPair<T extends Cpu | Size>(scope: ErrorScope, prop: string, request: T | undefined, limit: T | undefined, what: string): void {
  if (request === undefined || limit === undefined) return;
  if (!(request as Cpu & Size).isAtMost(limit as Cpu & Size)) {
    throw invalid(scope, `${prop}.${what}Limit`, `is below ${what}Request (${request.toString()})`, limit.toString(),
      `Raise ${what}Limit to at least ${request.toString()} or lower ${what}Request.`);
  }
}

/**
 * Validates a `ContainerSpec` the same way for every construct that accepts one.
 * `prop` is the prop name the spec came in (e.g. `spec` or `containers[1]`).
 */
export function validateContainerSpec(scope: ErrorScope, prop: string, spec: ContainerSpec): void {
  if (spec === undefined || spec === null || typeof spec !== 'object') {
    throw invalid(scope, prop, 'is required', spec, 'Pass a ContainerSpec with at least a name and an image.');
  }
  checkDnsLabel(scope, `${prop}.name`, spec.name);
  if (!(spec.image instanceof ImageReference)) {
    throw invalid(scope, `${prop}.image`, 'must be an ImageReference', spec.image, 'Use ImageReference.parse("registry/repo:tag@sha256:<digest>").');
  }
  for (const key of ['command', 'args'] as const) {
    const list = spec[key];
    if (list !== undefined && (!Array.isArray(list) || list.some((item) => typeof item !== 'string'))) {
      throw invalid(scope, `${prop}.${key}`, 'must be a list of strings', list, `Give ${key} as an array, e.g. ["--port", "8080"].`);
    }
  }
  for (const name of Object.keys(spec.env ?? {})) {
    if (!ENV_NAME.test(name)) {
      throw invalid(scope, `${prop}.env`, 'has an invalid variable name', name, 'Names are letters, digits, "_", "-" and ".", not starting with a digit.');
    }
  }

  const names = new Set<string>();
  const numbers = new Set<string>();
  (spec.ports ?? []).forEach((port, i) => {
    const p = `${prop}.ports[${i}]`;
    if (!PORT_NAME.test(port.name ?? '') || port.name.length > 15 || !/[a-z]/.test(port.name) || port.name.includes('--')) {
      throw invalid(scope, `${p}.name`, 'is not an IANA service name', port.name,
        'Use 1-15 lower-case letters, digits and single "-", with at least one letter, e.g. "http".');
    }
    checkPort(scope, `${p}.containerPort`, port.containerPort);
    const protocol = port.protocol ?? Protocol.TCP;
    if (!Object.values(Protocol).includes(protocol)) {
      throw invalid(scope, `${p}.protocol`, 'is not a known protocol', protocol, 'Use Protocol.TCP, Protocol.UDP or Protocol.SCTP.');
    }
    if (names.has(port.name)) {
      throw invalid(scope, `${p}.name`, 'is used by another port', port.name, 'Give every port a unique name.');
    }
    const key = `${port.containerPort}/${protocol}`;
    if (numbers.has(key)) {
      throw invalid(scope, `${p}.containerPort`, `is declared twice for ${protocol}`, port.containerPort, 'Declare each port and protocol once.');
    }
    names.add(port.name);
    numbers.add(key);
  });

  const r = spec.resources;
  if (r) {
    checkPair(scope, `${prop}.resources`, r.cpuRequest, r.cpuLimit, 'cpu');
    checkPair(scope, `${prop}.resources`, r.memoryRequest, r.memoryLimit, 'memory');
    checkPair(scope, `${prop}.resources`, r.ephemeralStorageRequest, r.ephemeralStorageLimit, 'ephemeralStorage');
  }

  for (const key of ['user', 'group'] as const) {
    const id = spec[key];
    if (id !== undefined && !isUnresolved(id) && (!Number.isInteger(id) || id < 1 || id > MAX_ID)) {
      throw invalid(scope, `${prop}.${key}`, id === 0 ? 'is 0 (root)' : 'must be a whole number from 1 to 2147483647', id,
        `Run as a non-root ${key === 'user' ? 'uid' : 'gid'}, e.g. 10001.`);
    }
  }

  const seen = new Set<string>();
  (spec.writablePaths ?? []).forEach((path, i) => {
    checkAbsolutePath(scope, `${prop}.writablePaths[${i}]`, path);
    if (seen.has(path)) {
      throw invalid(scope, `${prop}.writablePaths[${i}]`, 'is listed twice', path, 'List each writable path once.');
    }
    seen.add(path);
  });
}
