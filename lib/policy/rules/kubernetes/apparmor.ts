import { Severity } from '../../rule';
import { isUnresolved } from '../../private/attributes';
import { joinPath, podRule } from './private/pod';

const PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** K8S-APPARMOR: AppArmor is the runtime default or a node-local profile, never unconfined. */
export const appArmor = podRule({
  ruleId: 'K8S-APPARMOR',
  title: 'AppArmor profile is runtime/default or localhost/<profile>, never unconfined',
  severity: Severity.MEDIUM,
  source: 'PSS baseline appArmorProfile; NSA (Trivy 1.9)',
  rationale: 'Provider 2.38 has no typed appArmorProfile field, so the pod annotation '
    + `${PREFIX}<container> is checked, as PSA does. Missing annotations pass (the runtime default applies); `
    + 'any value other than runtime/default or localhost/<profile> fails. Also checks kubernetes_manifest pods.',
  manifest: true,
  check: (pod, findings) => {
    const annotations = pod.metadata?.annotations;
    const base = joinPath(pod.metadataPath, 'annotations');
    if (pod.metadataUnresolved) {
      findings.unknown(pod.metadataPath);
      return;
    }
    if (isUnresolved(annotations)) {
      findings.unknown(base);
      return;
    }
    if (typeof annotations !== 'object' || annotations === null) return;
    for (const [key, value] of Object.entries(annotations as Record<string, unknown>)) {
      if (!key.startsWith(PREFIX)) continue;
      const path = `${base}["${key}"]`;
      if (findings.unresolved(value, path)) continue;
      if (value === '' || value === 'runtime/default' || (typeof value === 'string' && value.startsWith('localhost/') && value.length > 'localhost/'.length)) continue;
      findings.fail(path, value, 'set the annotation to "runtime/default" or "localhost/<profile>"', `container=${key.slice(PREFIX.length)}`);
    }
  },
});
