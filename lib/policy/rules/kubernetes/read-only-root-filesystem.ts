import { Severity } from '../../rule';
import { at, pathOf, podRule } from './private/pod';
import { isTrue } from '../private/rule-kit';

/** K8S-READONLY-ROOTFS: root filesystem read-only. */
export const readOnlyRootFilesystem = podRule({
  ruleId: 'K8S-READONLY-ROOTFS',
  title: 'Containers have a read-only root file system',
  severity: Severity.MEDIUM,
  source: 'NSA §Immutable container file systems (KS C-0017; Trivy 1.1)',
  rationale: 'A writable root file system lets an attacker drop tools and persist changes. '
    + 'read_only_root_filesystem must be true on every container and init container; unset fails. '
    + 'Writable paths come from size-capped empty_dir volumes (K8S-WRITABLE-SCRATCH). Also checks kubernetes_manifest pods.',
  manifest: true,
  requires: ['security_context.read_only_root_filesystem'],
  check: (pod, findings) => {
    for (const container of pod.containers) {
      const found = at(pod, container, 'security_context.read_only_root_filesystem');
      if (found.length === 0) {
        findings.fail(pathOf(pod, container.path, 'security_context.read_only_root_filesystem'), undefined, 'set security_context.read_only_root_filesystem = true', container.detail);
      }
      for (const f of found) {
        if (findings.unresolved(f.value, f.path)) continue;
        if (!isTrue(f.value)) findings.fail(f.path, f.value, 'set security_context.read_only_root_filesystem = true', container.detail);
      }
    }
  },
});
