// Rules that relate a namespace to other resources of the stack that live in it.
import { PolicyContext, PolicyResource } from '../../../rule';
import { findAll, getValue } from '../../../private/attributes';
import { isUnresolved, referencedAddresses } from '../../../private/attributes';
import { contextIndex, derivedIndex, resourcesOfTypes } from '../../../private/context-index';
import { isInNamespace, namespaceOf } from './pod';

/** Members of a namespace among the context's resources of the given types, and whether some membership is unknown. */
export function membersOf(namespace: PolicyResource, context: PolicyContext, types: string[]): { members: PolicyResource[]; unknown: boolean } {
  // candidates grouped once per context by the namespace they name: literal names, referenced addresses,
  // and those only known at apply; then each namespace looks up its own (a scan per namespace is quadratic)
  const buckets = derivedIndex(context, `members:${types.join(',')}`, () => {
    const byKey = new Map<string, PolicyResource[]>();
    const add = (key: string, r: PolicyResource) => {
      const bucket = byKey.get(key);
      if (bucket) bucket.push(r); else byKey.set(key, [r]);
    };
    const all = resourcesOfTypes(context, types);
    for (const candidate of all) {
      const value = namespaceOf(candidate)?.value ?? 'default';
      if (typeof value !== 'string') continue;
      add(`name:${value}`, candidate);
      for (const address of new Set(referencedAddresses(value))) add(`ref:${address}`, candidate);
      if (isUnresolved(value)) add('unresolved', candidate);
    }
    return { byKey, all };
  });
  const nsName = getValue(namespace.attributes, 'metadata.name');
  const position = contextIndex(context).position;
  const candidates = new Set<PolicyResource>([
    ...(typeof nsName === 'string' ? buckets.byKey.get(`name:${nsName}`) ?? [] : []),
    ...(buckets.byKey.get(`ref:${namespace.address}`) ?? []),
  ]);
  // the same decision as isInNamespace, on the candidates only; anything else is 'no', or 'unknown' when unresolved
  const members = [...candidates].filter((c) => isInNamespace(c, namespace) === 'yes').sort((a, b) => position.get(a)! - position.get(b)!);
  const undecided = isUnresolved(nsName) ? buckets.all : buckets.byKey.get('unresolved') ?? [];
  const unknown = undecided.some((c) => !candidates.has(c) && typeof (namespaceOf(c)?.value ?? 'default') === 'string' && isInNamespace(c, namespace) === 'unknown');
  return { members, unknown };
}

/**
 * What the members of a namespace (resources of `types` in it) cover together: the union of
 * `cover(member)`, the number of members, and whether a membership or a member is only known at apply.
 */
export function coveredInNamespace(namespace: PolicyResource, context: PolicyContext, types: string[],
  cover: (member: PolicyResource) => string[] | 'unknown'): { covered: string[]; members: number; unknown: boolean } {
  const { members, unknown } = membersOf(namespace, context, types);
  const covered: string[] = [];
  let unresolved = unknown;
  for (const member of members) {
    const items = cover(member);
    if (items === 'unknown') unresolved = true;
    else covered.push(...items);
  }
  return { covered, members: members.length, unknown: unresolved };
}

/** The namespace's name and the path to it, for violations on the namespace resource. */
export function namespaceName(namespace: PolicyResource): { value: unknown; path: string } {
  const found = findAll(namespace.attributes, 'metadata.name')[0];
  return found ?? { value: getValue(namespace.attributes, 'metadata.generate_name'), path: 'metadata.name' };
}
