import { PolicyContext, PolicyResource } from '../rule';

// Helpers for reading rendered Terraform attributes in policy rules.
// Nested blocks appear either as an object (cdktf's rendering of max-1 blocks) or as a list of
// objects (repeatable blocks, raw overrides, hand-written JSON); every helper accepts both.

/** True for a value that is only known at apply: a Terraform expression or an unresolved cdktf token. */
export function isUnresolved(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('${') || value.includes('TfToken[');
  if (Array.isArray(value)) return value.some(isUnresolved);
  return false;
}

/** A list of the objects a block holds, whatever its rendering (object, list, missing). */
export function asBlocks(value: unknown): Array<Record<string, any>> {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is Record<string, any> => typeof item === 'object' && item !== null && !Array.isArray(item));
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
        if (typeof block.value !== 'object' || block.value === null || Array.isArray(block.value)) continue;
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
    .map((address) => context.resources.find((r) => r.address === address && resourceTypes.includes(r.resourceType)))
    .filter((r): r is PolicyResource => r !== undefined);
}
