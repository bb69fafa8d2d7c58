import { PolicyResource, Severity } from '../../rule';
import { findAll, isUnresolved } from '../../private/attributes';
import { NAMESPACE_TYPES } from './private/pod';
import { coveredInNamespace, namespaceName } from './private/namespace';
import { defineRule } from '../private/rule-kit';

const LIMIT_RANGE_TYPES = ['kubernetes_limit_range_v1', 'kubernetes_limit_range'];
const REQUIRED = ['default.cpu', 'default.memory', 'default_request.cpu', 'default_request.memory', 'max.cpu', 'max.memory'];

/** The `<field>.<resource>` pairs that the Container limits of a limit range set, or 'unknown'. */
function coverage(limitRange: PolicyResource): { pairs: string[]; path: string } | 'unknown' {
  const limits = findAll(limitRange.attributes, 'spec.limit');
  if (limits.some((l) => isUnresolved(l.value))) return 'unknown';
  const pairs: string[] = [];
  let path = findAll(limitRange.attributes, 'spec')[0]?.path;
  path = path ? `${path}.limit` : 'spec.limit';
  for (const limit of limits) {
    const item = limit.value as Record<string, unknown>;
    if (isUnresolved(item.type)) return 'unknown';
    if (item.type !== 'Container') continue;
    path = limit.path;
    for (const field of ['default', 'default_request', 'max']) {
      const map = item[field];
      if (isUnresolved(map)) return 'unknown';
      if (map && typeof map === 'object') {
        for (const resource of ['cpu', 'memory']) if ((map as Record<string, unknown>)[resource] !== undefined) pairs.push(`${field}.${resource}`);
      }
    }
  }
  return { pairs, path };
}

/** K8S-LIMITRANGE: per-container defaults and maxima. */
export const limitRange = defineRule({
  ruleId: 'K8S-LIMITRANGE',
  title: 'Namespaces have a Container limit range with default, default_request and max for cpu and memory',
  severity: Severity.MEDIUM,
  source: 'NSA §Resource policies (Trivy 4.1)',
  rationale: 'A limit range gives pods without resources defaults (so they still fit the quota) and caps any one '
    + 'container. Evaluated on each namespace resource of the stack (the limit ranges in it, matched by literal '
    + 'name or reference, must together give a type "Container" limit with default, default_request and max for cpu '
    + 'and memory) and on each limit range resource itself (it must cover all six on its own).',
  resourceTypes: [...NAMESPACE_TYPES, ...LIMIT_RANGE_TYPES],
}, (_attributes, findings, resource, context) => {
  if (LIMIT_RANGE_TYPES.includes(resource.resourceType)) {
    const covered = coverage(resource);
    if (covered === 'unknown') return findings.unknown('spec.limit');
    for (const pair of REQUIRED.filter((p) => !covered.pairs.includes(p))) {
      const [field, name] = pair.split('.');
      findings.fail(`${covered.path}.${field}["${name}"]`, undefined, `set ${field}["${name}"] on a limit with type = "Container"`, `limit=${pair}`);
    }
    return;
  }
  const inNamespace = coveredInNamespace(resource, context, LIMIT_RANGE_TYPES, (member) => {
    const covered = coverage(member);
    return covered === 'unknown' ? covered : covered.pairs;
  });
  const absent = REQUIRED.filter((p) => !inNamespace.covered.includes(p));
  if (absent.length === 0) return;
  const name = namespaceName(resource);
  if (inNamespace.unknown) return findings.unknown(`${name.path} (limit ranges in this namespace)`);
  findings.fail(name.path, name.value, inNamespace.members === 0
    ? 'add a kubernetes_limit_range_v1 in this namespace with a type = "Container" limit setting default, default_request and max for cpu and memory'
    : `set ${absent.join(', ')} on the namespace's Container limit range`, `namespace=${String(name.value)}`);
});
