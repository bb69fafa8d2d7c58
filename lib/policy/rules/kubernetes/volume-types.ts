import { Severity } from '../../rule';
import { isUnresolved } from '../../private/attributes';
import { joinPath, volumeDetail, podRule } from './private/pod';

/** The volume types PSS restricted allows (typed schema names). */
export const ALLOWED_VOLUME_TYPES = ['config_map', 'csi', 'downward_api', 'empty_dir', 'ephemeral', 'persistent_volume_claim', 'projected', 'secret'];

/** K8S-VOLUME-TYPES: inline volumes limited to an allow-list. */
export const volumeTypes = podRule({
  ruleId: 'K8S-VOLUME-TYPES',
  title: 'Inline volumes use only the restricted allow-list of types',
  severity: Severity.MEDIUM,
  source: 'PSS restricted restrictedVolumes',
  rationale: 'Volume types outside the allow-list reach node or network storage directly (host_path, nfs, iscsi, ...). '
    + 'Every key of a volume block other than name must be an allowed type; unknown keys fail too. '
    + 'Also checks kubernetes_manifest pods.',
  manifest: true,
  check: (pod, findings) => {
    const allowed = ALLOWED_VOLUME_TYPES.map((t) => pod.dialect.key(t));
    for (const volume of pod.volumes) {
      for (const [key, value] of Object.entries(volume.value as Record<string, unknown>)) {
        if (key === 'name' || value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
        if (allowed.includes(key)) continue;
        const path = joinPath(volume.path, key);
        if (key === 'dynamic' || isUnresolved(key)) {
          findings.unknown(path);
          continue;
        }
        findings.fail(path, key, `replace the ${key} volume with one of ${allowed.join(', ')}`, volumeDetail(volume));
      }
    }
  },
});
