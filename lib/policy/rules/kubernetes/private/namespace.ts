// Rules that relate a namespace to other resources of the stack that live in it.
import { PolicyContext, PolicyResource } from '../../../rule';
import { findAll, getValue } from '../../../private/attributes';
import { isInNamespace } from './pod';

/** Members of a namespace among the context's resources of the given types, and whether some membership is unknown. */
export function membersOf(namespace: PolicyResource, context: PolicyContext, types: string[]): { members: PolicyResource[]; unknown: boolean } {
  const members: PolicyResource[] = [];
  let unknown = false;
  for (const candidate of context.resources) {
    if (!types.includes(candidate.resourceType)) continue;
    const membership = isInNamespace(candidate, namespace);
    if (membership === 'yes') members.push(candidate);
    else if (membership === 'unknown') unknown = true;
  }
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
