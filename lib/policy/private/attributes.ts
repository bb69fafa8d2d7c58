import { PolicyContext, PolicyResource } from '../rule';
import { contextIndex } from './context-index';

// Helpers for reading rendered Terraform attributes in policy rules.
// Nested blocks appear either as an object (cdktf's rendering of max-1 blocks) or as a list of
// objects (repeatable blocks, raw overrides, hand-written JSON); every helper accepts both.

/** True for a value that is only known at apply: a Terraform expression or an unresolved cdktf token. */
export function isUnresolved(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('${') || value.includes('TfToken[');
  if (Array.isArray(value)) return value.some(isUnresolved);
  return false;
}

/**
 * Where the readers below report a block they could not look into: an expression only known at apply
 * (`"${var.x}"` where a block or list of blocks belongs) or a malformed value (a number, a string).
 * A built-in rule's check runs with a sink installed (`withBlockSink`), so such a block makes its
 * verdict UNKNOWN instead of a silent pass: nothing inside the block was seen.
 */
let blockSink: ((path: string, value: unknown) => void) | undefined;

/** Runs `body` with `report` receiving every block that could not be looked into. */
export function withBlockSink<T>(report: (path: string, value: unknown) => void, body: () => T): T {
  const previous = blockSink;
  blockSink = report;
  try {
    return body();
  } finally {
    blockSink = previous;
  }
}

function opaqueBlock(path: string, value: unknown): void {
  blockSink?.(path || '<root>', value);
}

/** What a cached read computed, with the blocks it reported to the sink (replayed on every later hit). */
interface CachedRead {
  readonly value: unknown;
  readonly reports: Array<[string, unknown]>;
}

/** Reads shared by the rules that look at one resource, for the time of one `withReadCache` call. */
let readCache: WeakMap<object, Map<string, CachedRead>> | undefined;

/**
 * Runs `body` (every rule over one resource) with a cache for `cachedRead`: a derived view of the
 * resource, such as its pod templates, is worked out once for all the rules instead of once per rule.
 */
export function withReadCache<T>(body: () => T): T {
  const previous = readCache;
  readCache = new WeakMap();
  try {
    return body();
  } finally {
    readCache = previous;
  }
}

/**
 * `compute()`, cached under (`subject`, `key`) inside `withReadCache`. The blocks it could not look into
 * are reported to the current rule's sink on every call, cached or not, so each rule's verdict is the same
 * as without the cache.
 */
export function cachedRead<T>(subject: object, key: string, compute: () => T): T {
  if (!readCache) return compute();
  let bySubject = readCache.get(subject);
  if (!bySubject) readCache.set(subject, (bySubject = new Map()));
  const hit = bySubject.get(key);
  if (hit) {
    for (const [path, value] of hit.reports) blockSink?.(path, value);
    return hit.value as T;
  }
  const reports: Array<[string, unknown]> = [];
  const outer = blockSink;
  const value = withBlockSink((path, found) => {
    reports.push([path, found]);
    outer?.(path, found);
  }, compute);
  bySubject.set(key, { value, reports });
  return value;
}

/**
 * The blocks of a top-level repeatable attribute (`ports`, `mounts`, `disk`, ...) with their paths.
 * An element that is not a block (an expression, a malformed value) is reported as one the check
 * could not look into, so it never passes silently.
 */
export function blocksOf(attributes: Record<string, any>, key: string): Found[] {
  const value = attributes[key];
  if (value === undefined || value === null) return [];
  const list: Found[] = Array.isArray(value) ? value.map((v, i) => ({ value: v, path: `${key}[${i}]` })) : [{ value, path: key }];
  return list.filter((f) => {
    const ok = typeof f.value === 'object' && f.value !== null && !Array.isArray(f.value);
    if (!ok && f.value !== null && f.value !== undefined) opaqueBlock(f.path, f.value);
    return ok;
  });
}

const NOT_RESOURCES = new Set(['var', 'local', 'module', 'each', 'count', 'path', 'terraform', 'self']);

/**
 * True for an expression that is exactly one attribute of a managed resource or data source
 * (`${docker_network.front.id}`, `${data.vsphere_host.esx.id}`): such an id or name exists once the
 * object does, so it is never empty. A variable, a local or a function over them may be anything.
 */
export function isAttributeReference(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = /^\$\{((?:data\.)?([A-Za-z_][\w-]*)\.[A-Za-z_][\w-]*(?:\[\d+\])?\.[A-Za-z_][\w-]*(?:\[\d+\]|\.[A-Za-z_][\w-]*)*)\}$/.exec(value);
  if (!m) return false;
  const head = m[1].startsWith('data.') ? 'data' : m[2];
  return !NOT_RESOURCES.has(head);
}

/** A list of the objects a block holds, whatever its rendering (object, list, missing). */
export function asBlocks(value: unknown, path = ''): Array<Record<string, any>> {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item, i): item is Record<string, any> => {
    const ok = typeof item === 'object' && item !== null && !Array.isArray(item);
    if (!ok && item !== undefined && item !== null) opaqueBlock(Array.isArray(value) ? `${path}[${i}]` : path, item);
    return ok;
  });
}

/** One element found by `findAll`, with its concrete path (`spec[0].template[0].spec[0].container[1]`). */
export interface Found {
  readonly value: unknown;
  readonly path: string;
}

/**
 * Every value at a dotted path, flattening blocks on the way: `findAll(attrs, 'spec.template.spec.container')`
 * returns each container with its concrete path. Missing steps give no results.
 */
export function findAll(root: unknown, path: string): Found[] {
  let current: Found[] = [{ value: root, path: '' }];
  for (const key of path.split('.')) {
    const next: Found[] = [];
    for (const item of current) {
      const blocks = Array.isArray(item.value) ? item.value.map((v, i) => ({ value: v, path: `${item.path}[${i}]` })) : [item];
      for (const block of blocks) {
        if (typeof block.value !== 'object' || block.value === null || Array.isArray(block.value)) {
          if (block.value !== null && block.value !== undefined) opaqueBlock(block.path, block.value);
          continue;
        }
        const child = (block.value as Record<string, unknown>)[key];
        if (child === undefined) continue;
        next.push({ value: child, path: block.path ? `${block.path}.${key}` : key });
      }
    }
    current = next;
  }
  // expand a final list of blocks into its elements; keep lists of scalars whole
  return current.flatMap((item) => Array.isArray(item.value) && item.value.every((v) => typeof v === 'object' && v !== null)
    ? item.value.map((v, i) => ({ value: v, path: `${item.path}[${i}]` }))
    : [item]);
}

/** The first value at a dotted path, or undefined. */
export function getValue(root: unknown, path: string): unknown {
  return findAll(root, path)[0]?.value;
}

/**
 * The resource addresses (`<type>.<name>`) an expression refers to:
 * `${kubernetes_namespace_v1.apps.metadata[0].name}` → `['kubernetes_namespace_v1.apps']`.
 */
export function referencedAddresses(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  const found = new Set<string>();
  for (const match of value.matchAll(/\$\{([^}]*)\}/g)) {
    for (const ref of match[1].matchAll(/(?:^|[^.\w])([a-z][a-z0-9_]*)\.([a-zA-Z_][\w-]*)/g)) {
      if (!['var', 'local', 'data', 'module', 'each', 'count', 'path', 'terraform', 'self'].includes(ref[1])) found.add(`${ref[1]}.${ref[2]}`);
    }
  }
  return [...found];
}

/**
 * The resources of the stack, of one of `resourceTypes`, that an expression refers to, in the
 * order the expression names them: `${kubernetes_namespace_v1.apps.metadata[0].name}` → that namespace.
 */
export function referencedResources(value: unknown, context: PolicyContext, resourceTypes: string[]): PolicyResource[] {
  return referencedAddresses(value)
    .map((address) => contextIndex(context).byAddress.get(address))
    .filter((r) => r !== undefined && resourceTypes.includes(r.resourceType))
    .filter((r): r is PolicyResource => r !== undefined);
}
