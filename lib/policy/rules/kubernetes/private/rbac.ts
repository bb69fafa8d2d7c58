// Locating RBAC objects (roles, cluster roles, their bindings) in typed resources and in `kubernetes_manifest`.
import { PolicyResource } from '../../../rule';
import { Found, findAll, getValue, isUnresolved } from '../../../private/attributes';
import { MANIFEST_TYPE } from './pod';

/** Typed role and cluster role resource types. */
export const ROLE_TYPES = ['kubernetes_role_v1', 'kubernetes_role', 'kubernetes_cluster_role_v1', 'kubernetes_cluster_role'];

/** Typed role binding and cluster role binding resource types. */
export const BINDING_TYPES = ['kubernetes_role_binding_v1', 'kubernetes_role_binding', 'kubernetes_cluster_role_binding_v1', 'kubernetes_cluster_role_binding'];

/** The field names of one RBAC object kind: snake_case in typed resources, the API's camelCase in a manifest. */
export interface RbacFields {
  /** The list of rules (roles) or subjects (bindings), e.g. `rule` or `manifest.rules`. */
  readonly list: string;
  /** Field name for a snake_case name, e.g. `api_groups` → `apiGroups` in a manifest. */
  key(snakeName: string): string;
}

const TYPED = (list: string): RbacFields => ({ list, key: (name) => name });
const CAMEL = (list: string): RbacFields => ({
  list,
  key: (name) => name === 'non_resource_urls' ? 'nonResourceURLs' : name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()),
});

/**
 * Where the rules (`kind` Role/ClusterRole) or subjects (RoleBinding/ClusterRoleBinding) of a resource are:
 * undefined when the resource is not of that kind, 'unresolved' when a manifest's kind is only known at apply.
 */
export function rbacFields(resource: PolicyResource, typedTypes: string[], manifestKinds: string[], typedList: string, manifestList: string): RbacFields | 'unresolved' | undefined {
  if (typedTypes.includes(resource.resourceType)) return TYPED(typedList);
  if (resource.resourceType !== MANIFEST_TYPE) return undefined;
  const manifest = resource.attributes.manifest;
  const kind = getValue(resource.attributes, 'manifest.kind');
  if (isUnresolved(manifest) || isUnresolved(kind)) return 'unresolved';
  return typeof kind === 'string' && manifestKinds.includes(kind) ? CAMEL(manifestList) : undefined;
}

/** The entries of a list of blocks (rules or subjects), each with its path. */
export function blocks(attributes: Record<string, any>, list: string): Found[] {
  return findAll(attributes, list);
}
