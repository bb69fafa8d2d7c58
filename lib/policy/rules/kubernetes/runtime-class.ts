import { Severity } from '../../rule';
import { isUnresolved } from '../../private/attributes';
import { Pod, at, joinPath, pathOf, specOf, podRule } from './private/pod';

/** Pod label that marks a workload as untrusted, so that it must run under a sandboxed RuntimeClass. */
export const UNTRUSTED_LABEL = 'cdktf-hybrid.io/untrusted';

function isUntrusted(pod: Pod): boolean {
  if (pod.metadataUnresolved) return true;
  const labels = pod.metadata?.labels;
  if (isUnresolved(labels)) return true;
  if (typeof labels !== 'object' || labels === null) return false;
  const value = (labels as Record<string, unknown>)[UNTRUSTED_LABEL];
  return value === 'true' || value === true || isUnresolved(value);
}

/** K8S-RUNTIMECLASS: untrusted workloads go to a sandboxed runtime. */
export const runtimeClass = podRule({
  ruleId: 'K8S-RUNTIMECLASS',
  title: 'Untrusted workloads run under a sandbox RuntimeClass',
  severity: Severity.LOW,
  source: 'NSA §Hardening container engines (RuntimeClass)',
  rationale: 'Which workloads are untrusted is site input, so the rule applies only to pods whose template carries '
    + `the label ${UNTRUSTED_LABEL} = "true"; every other pod is not applicable. Such a pod must set `
    + 'runtime_class_name (e.g. a gVisor or Kata class). Also checks kubernetes_manifest pods.',
  manifest: true,
  applies: isUntrusted,
  check: (pod, findings) => {
    if (pod.metadataUnresolved) return findings.unknown(pod.metadataPath);
    const labels = pod.metadata?.labels;
    if (isUnresolved(labels)) return findings.unknown(joinPath(pod.metadataPath, 'labels'));
    const label = (labels as Record<string, unknown>)[UNTRUSTED_LABEL];
    if (findings.unresolved(label, `${joinPath(pod.metadataPath, 'labels')}["${UNTRUSTED_LABEL}"]`)) return;
    const found = at(pod, specOf(pod), 'runtime_class_name')[0];
    if (found && findings.unresolved(found.value, found.path)) return;
    if (!found || typeof found.value !== 'string' || found.value === '') {
      findings.fail(found?.path ?? pathOf(pod, pod.specPath, 'runtime_class_name'), found?.value,
        'set runtime_class_name to the sandbox RuntimeClass of the cluster (e.g. "gvisor")', 'pod');
    }
  },
});
