import { Severity } from '../../rule';
import { at, pathOf, volumeDetail, podRule } from './private/pod';

/** K8S-WRITABLE-SCRATCH: writable paths come only from size-capped emptyDir volumes. */
export const writableScratch = podRule({
  ruleId: 'K8S-WRITABLE-SCRATCH',
  title: 'empty_dir volumes have a size_limit',
  severity: Severity.LOW,
  source: 'NSA §Immutable container file systems (writes only to a few mounted dirs)',
  rationale: 'An uncapped empty_dir lets one pod fill the node\'s disk (or memory, for medium "Memory"). Every empty_dir '
    + 'must set size_limit. Which directories are writable is a design choice and is not decided here; the choice of '
    + 'medium is advice, not checked. Also checks kubernetes_manifest pods.',
  manifest: true,
  check: (pod, findings) => {
    for (const volume of pod.volumes) {
      for (const emptyDir of at(pod, volume, 'empty_dir')) {
        if (typeof emptyDir.value !== 'object' || emptyDir.value === null) {
          if (emptyDir.value !== null && emptyDir.value !== undefined) findings.unknown(emptyDir.path, emptyDir.value);
          continue;
        }
        const limit = at(pod, emptyDir, 'size_limit')[0];
        if (limit && findings.unresolved(limit.value, limit.path)) continue;
        if (!limit || limit.value === '' || limit.value === null) {
          findings.fail(limit?.path ?? pathOf(pod, emptyDir.path, 'size_limit'), limit?.value, 'set empty_dir.size_limit, e.g. "64Mi"', volumeDetail(volume));
        }
      }
    }
  },
});
