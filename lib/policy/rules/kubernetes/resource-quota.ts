import { PolicyResource, Severity } from '../../rule';
import { findAll, isUnresolved } from '../../private/attributes';
import { NAMESPACE_TYPES } from './private/pod';
import { coveredInNamespace, namespaceName } from './private/namespace';
import { defineRule } from '../private/rule-kit';

const QUOTA_TYPES = ['kubernetes_resource_quota_v1', 'kubernetes_resource_quota'];

/** Required `spec.hard` keys, each with the equivalent short key Kubernetes also accepts. */
const REQUIRED: Array<[string, string[]]> = [
  ['requests.cpu', ['requests.cpu', 'cpu']],
  ['requests.memory', ['requests.memory', 'memory']],
  ['limits.cpu', ['limits.cpu']],
  ['limits.memory', ['limits.memory']],
  ['pods', ['pods']],
];

/** The hard keys a quota sets, or 'unknown'. */
function hardKeys(quota: PolicyResource): { keys: string[]; path: string } | 'unknown' {
  const found = findAll(quota.attributes, 'spec.hard')[0];
  if (found && isUnresolved(found.value)) return 'unknown';
  const keys = found && typeof found.value === 'object' && found.value !== null ? Object.keys(found.value) : [];
  return { keys, path: found?.path ?? 'spec.hard' };
}

function missing(keys: string[]): string[] {
  return REQUIRED.filter(([, aliases]) => !aliases.some((a) => keys.includes(a))).map(([key]) => key);
}

/** K8S-RESOURCEQUOTA: namespace-wide caps on CPU, memory and pods. */
export const resourceQuota = defineRule({
  ruleId: 'K8S-RESOURCEQUOTA',
  title: 'Namespaces have a resource quota on CPU, memory and pods',
  severity: Severity.MEDIUM,
  source: 'NSA §Resource policies (Trivy 4.0)',
  rationale: 'Without a quota one namespace can consume the whole cluster. Evaluated twice: on each namespace '
    + 'resource of the stack, which fails unless the kubernetes_resource_quota_v1 resources of the stack in it '
    + '(matched by literal name or reference) together cap requests.cpu, requests.memory, limits.cpu, limits.memory '
    + 'and pods; and on each quota resource, which must set all five keys itself (so quotas for namespaces outside '
    + 'the stack are checked too). Values are site input and not judged.',
  resourceTypes: [...NAMESPACE_TYPES, ...QUOTA_TYPES],
}, (_attributes, findings, resource, context) => {
  if (QUOTA_TYPES.includes(resource.resourceType)) {
    const hard = hardKeys(resource);
    if (hard === 'unknown') return findings.unknown('spec.hard');
    for (const key of missing(hard.keys)) findings.fail(`${hard.path}["${key}"]`, undefined, `set spec.hard["${key}"]`, `key=${key}`);
    return;
  }
  const inNamespace = coveredInNamespace(resource, context, QUOTA_TYPES, (quota) => {
    const hard = hardKeys(quota);
    return hard === 'unknown' ? hard : hard.keys;
  });
  const absent = missing(inNamespace.covered);
  if (absent.length === 0) return;
  const name = namespaceName(resource);
  if (inNamespace.unknown) return findings.unknown(`${name.path} (resource quotas in this namespace)`);
  findings.fail(name.path, name.value, inNamespace.members === 0
    ? 'add a kubernetes_resource_quota_v1 in this namespace with spec.hard for requests.cpu, requests.memory, limits.cpu, limits.memory and pods'
    : `add ${absent.join(', ')} to spec.hard of the namespace's resource quota`, `namespace=${String(name.value)}`);
});
