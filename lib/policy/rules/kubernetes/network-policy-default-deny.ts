import { PolicyResource, Severity } from '../../rule';
import { findAll, isUnresolved } from '../../private/attributes';
import { MANIFEST_TYPE, NAMESPACE_TYPES } from './private/pod';
import { membersOf, namespaceName } from './private/namespace';
import { defineRule } from '../private/rule-kit';

const NETWORK_POLICY_TYPES = ['kubernetes_network_policy_v1', 'kubernetes_network_policy'];

/** 'yes' when the network policy selects every pod, covers both directions and allows nothing. */
function isDenyAll(policy: PolicyResource): 'yes' | 'no' | 'unknown' {
  const manifest = policy.resourceType === MANIFEST_TYPE;
  if (manifest) {
    const kind = findAll(policy.attributes, 'manifest.kind')[0]?.value;
    if (isUnresolved(kind) || isUnresolved(policy.attributes.manifest)) return 'unknown';
    if (kind !== 'NetworkPolicy') return 'no';
  }
  const attrs = manifest ? policy.attributes.manifest : policy.attributes;
  const key = (snake: string): string => manifest ? snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()) : snake;
  const selectors = findAll(attrs, `spec.${key('pod_selector')}`);
  if (selectors.some((s) => isUnresolved(s.value))) return 'unknown';
  for (const selector of selectors) {
    const labels = findAll(selector.value, key('match_labels'))[0]?.value;
    if (isUnresolved(labels)) return 'unknown';
    if (labels && typeof labels === 'object' && Object.keys(labels).length > 0) return 'no';
    if (findAll(selector.value, key('match_expressions')).length > 0) return 'no';
  }
  const types = findAll(attrs, `spec.${key('policy_types')}`)[0]?.value;
  if (isUnresolved(types)) return 'unknown';
  if (!Array.isArray(types) || !types.includes('Ingress') || !types.includes('Egress')) return 'no';
  for (const direction of ['ingress', 'egress']) {
    const rules = findAll(attrs, `spec.${direction}`);
    if (rules.some((r) => isUnresolved(r.value))) return 'unknown';
    if (rules.length > 0) return 'no';
  }
  return 'yes';
}

/** K8S-NETPOL-DEFAULT-DENY: each namespace denies all ingress and egress by default. */
export const networkPolicyDefaultDeny = defineRule({
  ruleId: 'K8S-NETPOL-DEFAULT-DENY',
  title: 'Every namespace has a default deny-all network policy',
  severity: Severity.HIGH,
  source: 'NSA §Network policies (KS C-0030; Trivy 2.0)',
  rationale: 'Without a default deny, every pod can reach every other pod and any address, so one compromised pod '
    + 'reaches the whole cluster. Evaluated on each namespace resource of the stack: it passes when a '
    + 'kubernetes_network_policy_v1 of the same stack lives in it (by literal name or by a reference to the '
    + 'namespace resource) with an empty pod_selector, policy_types ["Ingress","Egress"] and no ingress or egress '
    + 'rules (a kubernetes_manifest NetworkPolicy counts as well). Allow policies are separate resources and do not '
    + 'count. Namespaces that exist outside the stack cannot be checked.',
  resourceTypes: NAMESPACE_TYPES,
}, (_attributes, findings, resource, context) => {
  const { members, unknown } = membersOf(resource, context, [...NETWORK_POLICY_TYPES, MANIFEST_TYPE]);
  const verdicts = members.map(isDenyAll);
  if (verdicts.includes('yes')) return;
  const name = namespaceName(resource);
  if (unknown || verdicts.includes('unknown')) {
    findings.unknown(`${name.path} (network policies in this namespace)`);
    return;
  }
  findings.fail(name.path, name.value, 'add a kubernetes_network_policy_v1 in this namespace with pod_selector {}, '
    + 'policy_types = ["Ingress", "Egress"] and no ingress/egress rules; add allow policies separately', `namespace=${String(name.value)}`);
});
