import { Severity } from '../../rule';
import { Found } from '../../private/attributes';
import { at, specOf, podRule } from './private/pod';

/** K8S-NONROOT-GROUP: no root primary or supplementary group. */
export const nonRootGroup = podRule({
  ruleId: 'K8S-NONROOT-GROUP',
  title: 'No root (GID 0) primary, file-system or supplemental group',
  severity: Severity.LOW,
  source: 'NSA §Non-root containers (Trivy 1.6)',
  rationale: 'GID 0 gives group access to root-owned files. Pod run_as_group, fs_group and supplemental_groups and '
    + 'container run_as_group are checked; unset passes. Also checks kubernetes_manifest pods.',
  manifest: true,
  check: (pod, findings) => {
    const podTargets = ['security_context.run_as_group', 'security_context.fs_group', 'security_context.supplemental_groups'];
    const checks: Array<[Found, string, string]> = podTargets.map((p): [Found, string, string] => [specOf(pod), p, 'pod']);
    for (const c of pod.containers) checks.push([c, 'security_context.run_as_group', c.detail]);
    for (const [base, path, detail] of checks) {
      for (const found of at(pod, base, path)) {
        if (findings.unresolved(found.value, found.path)) continue;
        const values = Array.isArray(found.value) ? found.value : [found.value];
        if (values.some((v) => v !== null && String(v).trim() === '0')) {
          findings.fail(found.path, found.value, `set ${path.split('.').pop()} to a non-zero GID`, detail);
        }
      }
    }
  },
});
