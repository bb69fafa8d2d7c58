import { Severity } from '../../rule';
import { Found } from '../../private/attributes';
import { Pod, at, pathOf, specOf, podRule } from './private/pod';
import { Findings } from '../private/rule-kit';

const ALLOWED = ['RuntimeDefault', 'Localhost'];

/** Checks one seccomp_profile; returns 'ok', 'unset', 'unknown' or 'bad' (already reported). */
function checkProfile(pod: Pod, base: Found, detail: string, findings: Findings): 'ok' | 'unset' | 'unknown' | 'bad' {
  const type = at(pod, base, 'security_context.seccomp_profile.type')[0];
  if (!type) return 'unset';
  if (findings.unresolved(type.value, type.path)) return 'unknown';
  if (!ALLOWED.includes(type.value as string)) {
    findings.fail(type.path, type.value, 'set seccomp_profile.type = "RuntimeDefault" (or "Localhost" with localhost_profile)', detail);
    return 'bad';
  }
  if (type.value === 'Localhost') {
    const profile = at(pod, base, 'security_context.seccomp_profile.localhost_profile')[0];
    if (profile && findings.unresolved(profile.value, profile.path)) return 'unknown';
    if (!profile || typeof profile.value !== 'string' || profile.value === '') {
      findings.fail(profile?.path ?? pathOf(pod, base.path, 'security_context.seccomp_profile.localhost_profile'), profile?.value,
        'set seccomp_profile.localhost_profile to the node-local profile path', detail);
      return 'bad';
    }
  }
  return 'ok';
}

/** K8S-SECCOMP: seccomp RuntimeDefault or Localhost at pod level or on every container; never Unconfined. */
export const seccomp = podRule({
  ruleId: 'K8S-SECCOMP',
  title: 'Seccomp is RuntimeDefault or Localhost, at pod level or on every container',
  severity: Severity.MEDIUM,
  source: 'PSS baseline seccompProfile_baseline + restricted seccompProfile_restricted; NSA (Trivy 1.10)',
  rationale: 'Without a seccomp profile every syscall is reachable, widening the kernel attack surface. As in PSA, '
    + 'a container without its own profile relies on the pod-level one; Unconfined anywhere fails. '
    + 'Also checks kubernetes_manifest pods.',
  manifest: true,
  check: (pod, findings) => {
    const podState = checkProfile(pod, specOf(pod), 'pod', findings);
    for (const container of pod.containers) {
      const state = checkProfile(pod, container, container.detail, findings);
      if (state === 'unset' && podState === 'unset') {
        findings.fail(pathOf(pod, pod.specPath, 'security_context.seccomp_profile.type'), undefined,
          'set the pod-level security_context.seccomp_profile.type = "RuntimeDefault" (or one on every container)', container.detail);
      }
    }
  },
});
