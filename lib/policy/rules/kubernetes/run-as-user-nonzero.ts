import { Severity } from '../../rule';
import { Found } from '../../private/attributes';
import { at, specOf, podRule } from './private/pod';

/** K8S-RUNASUSER-NONZERO: UID 0 is forbidden. */
export const runAsUserNonZero = podRule({
  ruleId: 'K8S-RUNASUSER-NONZERO',
  title: 'run_as_user is never 0',
  severity: Severity.MEDIUM,
  source: 'PSS restricted runAsUser (>= v1.23)',
  rationale: 'UID 0 is root, whatever run_as_non_root says. Unset passes; pod and container levels are checked '
    + '(strings, as the provider renders them, and numbers). Also checks kubernetes_manifest pods.',
  manifest: true,
  check: (pod, findings) => {
    const targets: Array<[Found, string]> = [[specOf(pod), 'pod'], ...pod.containers.map((c): [Found, string] => [c, c.detail])];
    for (const [base, detail] of targets) {
      for (const found of at(pod, base, 'security_context.run_as_user')) {
        if (findings.unresolved(found.value, found.path)) continue;
        if (found.value !== null && String(found.value).trim() === '0') findings.fail(found.path, found.value, 'set run_as_user to a non-zero UID, e.g. "10001"', detail);
      }
    }
  },
});
