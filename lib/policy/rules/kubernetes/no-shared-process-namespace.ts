import { Severity } from '../../rule';
import { at, specOf, podRule } from './private/pod';
import { isTrue } from '../private/rule-kit';

/** K8S-NO-SHARED-PROCNS: containers in a pod do not share one PID namespace. */
export const noSharedProcessNamespace = podRule({
  ruleId: 'K8S-NO-SHARED-PROCNS',
  title: 'Containers of a pod do not share a process namespace',
  severity: Severity.MEDIUM,
  source: 'NSA §Pod security (Trivy 1.3)',
  rationale: 'With a shared process namespace every container can signal and inspect the others\' processes and '
    + 'read their /proc (environment, secrets). Unset means false. Also checks kubernetes_manifest pods.',
  manifest: true,
  check: (pod, findings) => {
    for (const found of at(pod, specOf(pod), 'share_process_namespace')) {
      if (findings.unresolved(found.value, found.path)) continue;
      if (isTrue(found.value)) findings.fail(found.path, found.value, 'set share_process_namespace = false (or leave it unset)', 'pod');
    }
  },
});
