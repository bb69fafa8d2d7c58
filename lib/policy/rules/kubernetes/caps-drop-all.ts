import { Severity } from '../../rule';
import { at, pathOf, podRule } from './private/pod';

/** K8S-CAPS-DROP-ALL: drop every capability; only NET_BIND_SERVICE may be added back. */
export const capsDropAll = podRule({
  ruleId: 'K8S-CAPS-DROP-ALL',
  title: 'Containers drop ALL capabilities and add back at most NET_BIND_SERVICE',
  severity: Severity.MEDIUM,
  source: 'PSS restricted capabilities_restricted (>= v1.22); NSA (KS C-0046)',
  rationale: 'The runtime default set still includes capabilities most services never need (CHOWN, SETUID, NET_RAW on '
    + 'some runtimes). capabilities.drop must contain "ALL" (missing fails) and capabilities.add may only hold '
    + 'NET_BIND_SERVICE. Also checks kubernetes_manifest pods.',
  manifest: true,
  requires: ['security_context.capabilities.drop'],
  check: (pod, findings) => {
    for (const container of pod.containers) {
      const drops = at(pod, container, 'security_context.capabilities.drop');
      if (drops.length === 0) {
        findings.fail(pathOf(pod, container.path, 'security_context.capabilities.drop'), undefined, 'set security_context.capabilities.drop = ["ALL"]', container.detail);
      }
      for (const found of drops) {
        if (findings.unresolved(found.value, found.path)) continue;
        const dropped = Array.isArray(found.value) ? found.value : [found.value];
        if (!dropped.includes('ALL')) findings.fail(found.path, found.value, 'set security_context.capabilities.drop = ["ALL"]', container.detail);
      }
      for (const found of at(pod, container, 'security_context.capabilities.add')) {
        if (findings.unresolved(found.value, found.path)) continue;
        const added = Array.isArray(found.value) ? found.value : [found.value];
        const extra = added.filter((cap) => cap !== 'NET_BIND_SERVICE');
        if (extra.length > 0) findings.fail(found.path, extra, `remove ${extra.join(', ')} from capabilities.add (only NET_BIND_SERVICE may be added)`, container.detail);
      }
    }
  },
});
