// Lookups over a stack's resources that rules make for every resource (the namespace a workload lives
// in, the members of a namespace, the resource an expression refers to), answered from an index built
// once per context instead of a scan per resource: the CLI checks 100k resources in linear time.
import { PolicyContext, PolicyResource } from '../rule';

interface Index {
  readonly length: number;
  readonly byAddress: Map<string, PolicyResource>;
  readonly byType: Map<string, PolicyResource[]>;
  readonly position: Map<PolicyResource, number>;
  /** Derived indexes (built on first use), by a caller-chosen key. */
  readonly derived: Map<string, unknown>;
}

const indexes = new WeakMap<PolicyResource[], Index>();

/** The index of a context's resources; rebuilt when resources were added. */
export function contextIndex(context: PolicyContext): Index {
  const resources = context?.resources ?? [];
  const cached = indexes.get(resources);
  if (cached && cached.length === resources.length) return cached;
  const index: Index = { length: resources.length, byAddress: new Map(), byType: new Map(), position: new Map(), derived: new Map() };
  resources.forEach((r, i) => {
    if (!r) return;
    if (!index.byAddress.has(r.address)) index.byAddress.set(r.address, r);
    let list = index.byType.get(r.resourceType);
    if (!list) index.byType.set(r.resourceType, (list = []));
    list.push(r);
    index.position.set(r, i);
  });
  indexes.set(resources, index);
  return index;
}

/** The resources of the given types, in stack order. */
export function resourcesOfTypes(context: PolicyContext, types: string[]): PolicyResource[] {
  const index = contextIndex(context);
  if (types.length === 1) return index.byType.get(types[0]) ?? [];
  return types.flatMap((t) => index.byType.get(t) ?? []).sort((a, b) => index.position.get(a)! - index.position.get(b)!);
}

/** A derived index, built once per context under `key`. */
export function derivedIndex<T>(context: PolicyContext, key: string, build: () => T): T {
  const index = contextIndex(context);
  if (!index.derived.has(key)) index.derived.set(key, build());
  return index.derived.get(key) as T;
}
