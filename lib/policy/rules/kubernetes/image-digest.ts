import { Severity } from '../../rule';
import { at, pathOf, podRule } from './private/pod';

const DIGEST = /@sha256:[0-9a-f]{64}$/;

/** K8S-IMAGE-DIGEST: images are pinned by digest. */
export const imageDigest = podRule({
  ruleId: 'K8S-IMAGE-DIGEST',
  title: 'Container images are pinned by sha256 digest',
  severity: Severity.MEDIUM,
  source: 'NSA §Building secure container images (deploy what was scanned); CIS-D 5.28 by analogy',
  rationale: 'A tag can be moved to another image after it was scanned; a digest cannot. The image must end in '
    + '@sha256:<64 hex>. An image built from an expression (e.g. a registry digest attribute) is UNKNOWN. '
    + 'Also checks kubernetes_manifest pods.',
  manifest: true,
  check: (pod, findings) => {
    for (const container of pod.containers) {
      const found = at(pod, container, 'image')[0];
      if (found && findings.unresolved(found.value, found.path)) continue;
      if (!found || typeof found.value !== 'string' || !DIGEST.test(found.value)) {
        findings.fail(found?.path ?? pathOf(pod, container.path, 'image'), found?.value, 'reference the image by digest, e.g. "registry/app@sha256:<digest>"', container.detail);
      }
    }
  },
});
