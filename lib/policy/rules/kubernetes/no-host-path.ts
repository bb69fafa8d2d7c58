import { Severity } from '../../rule';
import { at, volumeDetail, podRule } from './private/pod';

/** K8S-NO-HOSTPATH: no hostPath volumes. */
export const noHostPath = podRule({
  ruleId: 'K8S-NO-HOSTPATH',
  title: 'No hostPath volumes',
  severity: Severity.HIGH,
  source: 'PSS baseline hostPathVolumes',
  rationale: 'A hostPath volume exposes the node file system (container runtime socket, kubelet credentials, /dev) to the pod. '
    + 'Any host_path block fails, whatever its path. Also checks kubernetes_manifest pods.',
  manifest: true,
  check: (pod, findings) => {
    for (const volume of pod.volumes) {
      for (const found of at(pod, volume, 'host_path')) {
        const path = typeof found.value === 'object' && found.value !== null ? (found.value as Record<string, unknown>).path : found.value;
        findings.fail(found.path, path ?? found.value, 'replace the host_path volume with a persistent_volume_claim, config_map, secret or empty_dir volume', volumeDetail(volume));
      }
    }
  },
});
