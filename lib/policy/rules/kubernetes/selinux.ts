import { Severity } from '../../rule';
import { Found } from '../../private/attributes';
import { Pod, at, psaMinor, specOf, podRule } from './private/pod';
import { Findings } from '../private/rule-kit';

const TYPES = ['', 'container_t', 'container_init_t', 'container_kvm_t'];

function checkOptions(pod: Pod, base: Found, detail: string, findings: Findings, minor: number): void {
  const allowed = minor >= 31 ? [...TYPES, 'container_engine_t'] : TYPES;
  for (const options of at(pod, base, 'security_context.se_linux_options')) {
    for (const found of at(pod, options, 'type')) {
      if (findings.unresolved(found.value, found.path)) continue;
      if (!allowed.includes(found.value as string)) {
        findings.fail(found.path, found.value, `use one of ${allowed.filter((t) => t).join(', ')} or leave type unset`, detail);
      }
    }
    for (const field of ['user', 'role']) {
      for (const found of at(pod, options, field)) {
        if (findings.unresolved(found.value, found.path)) continue;
        if (found.value !== '' && found.value !== null) findings.fail(found.path, found.value, `remove se_linux_options.${field}`, detail);
      }
    }
  }
}

/** K8S-SELINUX: only container SELinux types; no custom SELinux user or role. */
export const seLinux = podRule({
  ruleId: 'K8S-SELINUX',
  title: 'SELinux options use container types only, with no custom user or role',
  severity: Severity.MEDIUM,
  source: 'PSS baseline seLinuxOptions; NSA (Trivy 1.8)',
  rationale: 'A custom SELinux user, role or type can lift the container out of its confinement. Pod and container '
    + 'se_linux_options are checked. container_engine_t is allowed only when the namespace in the stack pins '
    + 'enforce-version v1.31 or later (default v1.29). Also checks kubernetes_manifest pods.',
  manifest: true,
  check: (pod, findings, resource, context) => {
    const minor = psaMinor(resource, context);
    checkOptions(pod, specOf(pod), 'pod', findings, minor);
    for (const container of pod.containers) checkOptions(pod, container, container.detail, findings, minor);
  },
});
