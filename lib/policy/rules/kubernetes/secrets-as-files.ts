import { Severity } from '../../rule';
import { at, podRule } from './private/pod';

/**
 * The reason the library's own workloads record when they pass a secret as an environment variable
 * (`EnvValue.fromSensitiveValue`, `EnvValue.fromKubernetesSecret`): the reasoned default, kept visible in every report.
 */
export const SECRET_ENV_DESIGN_REASON = 'cdktf-hybrid design: ContainerSpec delivers secrets as environment variables read from a Kubernetes Secret '
  + 'through secret_key_ref, so the value never appears in cdk.tf.json or the pod spec; mount the Secret as a volume if the application can read files';

/** K8S-SECRETS-AS-FILES: secrets reach containers as mounted files, not as environment variables. */
export const secretsAsFiles = podRule({
  ruleId: 'K8S-SECRETS-AS-FILES',
  title: 'Secrets reach containers as mounted files, not environment variables',
  severity: Severity.LOW,
  source: 'CIS Kubernetes Benchmark 5.4.1 (Checkov CKV_K8S_35)',
  rationale: 'An environment variable is inherited by every child process and often ends up in crash dumps, debug '
    + 'endpoints and logs; a file from a secret volume is read only when needed and is updated in place when the Secret '
    + 'changes. Fails each env[].value_from.secret_key_ref and each env_from[].secret_ref (an empty value_from or env_from '
    + 'block passes). The library\'s own workloads pass secret env values this way by design: they record a reasoned '
    + 'Policy.suppress per container, so the finding is reported as accepted with that reason, never hidden. '
    + 'Also checks kubernetes_manifest pods.',
  manifest: true,
  check: (pod, findings) => {
    for (const container of pod.containers) {
      for (const ref of at(pod, container, 'env.value_from.secret_key_ref')) {
        if (findings.unresolved(ref.value, ref.path)) continue;
        findings.fail(ref.path, ref.value, 'mount the Secret as a volume (secret { secret_name = ... }) and read the file, or suppress with the reason the application needs an environment variable', container.detail);
      }
      for (const ref of at(pod, container, 'env_from.secret_ref')) {
        if (findings.unresolved(ref.value, ref.path)) continue;
        findings.fail(ref.path, ref.value, 'mount the Secret as a volume instead of importing all of its keys as environment variables', container.detail);
      }
      for (const list of [...at(pod, container, 'env'), ...at(pod, container, 'env_from')]) {
        findings.unresolved(list.value, list.path);
      }
    }
  },
});
