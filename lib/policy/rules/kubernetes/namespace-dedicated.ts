import { RuleResult, Severity } from '../../rule';
import { getValue, isUnresolved, referencedResources } from '../../private/attributes';
import { MANIFEST_TYPE, NAMESPACE_TYPES, WORKLOAD_TYPES, namespaceOf } from './private/pod';
import { defineRule } from '../private/rule-kit';

/** Namespaces reserved for the cluster itself (and `default`, where everything lands unless told otherwise). */
export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** Typed namespaced resource types (besides the workloads). */
const NAMESPACED_TYPES = [
  ...WORKLOAD_TYPES,
  ...['service', 'config_map', 'secret', 'service_account', 'default_service_account', 'role', 'role_binding',
    'network_policy', 'persistent_volume_claim', 'ingress', 'resource_quota', 'limit_range', 'pod_disruption_budget',
    'endpoints'].flatMap((kind) => [`kubernetes_${kind}_v1`, `kubernetes_${kind}`]),
  'kubernetes_horizontal_pod_autoscaler', 'kubernetes_horizontal_pod_autoscaler_v1', 'kubernetes_horizontal_pod_autoscaler_v2',
  'kubernetes_horizontal_pod_autoscaler_v2beta2', 'kubernetes_endpoint_slice_v1', 'kubernetes_config_map_v1_data',
  'kubernetes_secret_v1_data', 'kubernetes_token_request_v1',
];

/** K8S-NS-DEDICATED: workloads live in a dedicated namespace, never a system one. */
export const namespaceDedicated = defineRule({
  ruleId: 'K8S-NS-DEDICATED',
  title: 'Namespaced resources live in a dedicated namespace, not default or kube-*',
  severity: Severity.MEDIUM,
  source: 'NSA §Network separation, namespaces (Trivy 1.12)',
  rationale: 'Resources in default or kube-* share RBAC, quotas and network policies with unrelated or system '
    + 'workloads. metadata.namespace of every namespaced resource must be set (unset means "default") and not a '
    + 'system namespace; a reference to a namespace resource of the stack is resolved through that resource\'s '
    + 'name. kubernetes_manifest objects are checked only when they set metadata.namespace (their kind may be '
    + 'cluster-scoped).',
  resourceTypes: [...NAMESPACED_TYPES, MANIFEST_TYPE],
}, (_attributes, findings, resource, context) => {
  const found = namespaceOf(resource);
  const fix = 'set metadata.namespace to a dedicated namespace created for the application';
  if (!found) {
    if (resource.resourceType === MANIFEST_TYPE) return RuleResult.notApplicable();
    findings.fail('metadata.namespace', undefined, `${fix} (unset means "default")`);
    return undefined;
  }
  let name = found.value;
  if (isUnresolved(name)) {
    const [ns] = referencedResources(name, context, NAMESPACE_TYPES);
    const nsName = ns ? getValue(ns.attributes, 'metadata.name') : undefined;
    if (typeof nsName !== 'string' || isUnresolved(nsName)) {
      findings.unknown(found.path);
      return undefined;
    }
    name = nsName;
  }
  if (name === '' || (typeof name === 'string' && SYSTEM_NAMESPACES.includes(name))) findings.fail(found.path, found.value, fix);
  return undefined;
});
