import { Severity } from '../../rule';
import { Found, isUnresolved } from '../../private/attributes';
import { Pod, at, volumeDetail, podRule } from './private/pod';
import { isTrue } from '../private/rule-kit';

/** Extended resource names of GPUs served by device plugins: `nvidia.com/gpu`, `amd.com/gpu`, `gpu.intel.com/i915`. */
function isGpuResource(name: string): boolean {
  return /(^|[./])gpu(\/|$)/.test(name) || name.startsWith('gpu.intel.com/');
}

/** Device nodes of GPUs. */
const GPU_DEVICE_PATH = /^\/dev(\/?$|\/(nvidia|dri|kfd))/;

function resourceMaps(pod: Pod, container: Found, kind: string): Found[] {
  return at(pod, container, `resources.${kind}`).filter((m) => typeof m.value === 'object' && m.value !== null);
}

/** Resource maps (or the resources block) of a container that are only known at apply: they may hold a GPU. */
function opaqueResources(pod: Pod, container: Found): Found[] {
  return [...at(pod, container, 'resources'), ...at(pod, container, 'resources.limits'), ...at(pod, container, 'resources.requests')]
    .filter((m) => m.value !== null && m.value !== undefined && typeof m.value !== 'object');
}

function requestsGpu(pod: Pod): boolean {
  return pod.containers.some((c) => ['limits', 'requests'].some((kind) =>
    resourceMaps(pod, c, kind).some((m) => Object.keys(m.value as object).some(isGpuResource))));
}

function hostPathOf(pod: Pod, volume: Found): Found | undefined {
  const hostPath = at(pod, volume, 'host_path')[0];
  return hostPath ? at(pod, hostPath, 'path')[0] : undefined;
}

function mountsGpuDevice(pod: Pod): boolean {
  return pod.volumes.some((v) => {
    const path = hostPathOf(pod, v)?.value;
    return typeof path === 'string' && GPU_DEVICE_PATH.test(path);
  });
}

/** PT-K8S-GPU: GPU pods stay restricted; GPUs come from the device plugin, not privileged mode or /dev hostPath. */
export const gpuDevicePlugin = podRule({
  ruleId: 'PT-K8S-GPU',
  title: 'GPU pods get GPUs from the device plugin, not privileged mode or /dev hostPath',
  severity: Severity.HIGH,
  source: 'PSS baseline privileged, hostPathVolumes',
  rationale: 'Applies to pods that request a GPU extended resource (nvidia.com/gpu, amd.com/gpu, ...) or mount a GPU '
    + 'device node (/dev, /dev/nvidia*, /dev/dri, /dev/kfd) through hostPath; other pods are not applicable. '
    + 'GPU limits must be positive whole numbers (requests alone do not schedule a device), no container of a GPU '
    + 'pod may be privileged, and GPU device nodes must not come in through hostPath. Also checks kubernetes_manifest pods.',
  manifest: true,
  applies: (pod) => requestsGpu(pod) || mountsGpuDevice(pod) || pod.containers.some((c) => opaqueResources(pod, c).length > 0),
  check: (pod, findings) => {
    for (const container of pod.containers) {
      for (const opaque of opaqueResources(pod, container)) findings.unknown(opaque.path, opaque.value);
      const limits = resourceMaps(pod, container, 'limits');
      const limitKeys = limits.flatMap((m) => Object.keys(m.value as object));
      for (const map of limits) {
        for (const [key, value] of Object.entries(map.value as Record<string, unknown>)) {
          if (!isGpuResource(key)) continue;
          const path = `${map.path}["${key}"]`;
          if (findings.unresolved(value, path)) continue;
          if (!/^[1-9][0-9]*$/.test(String(value))) findings.fail(path, value, `set resources.limits["${key}"] to a positive whole number of GPUs`, container.detail);
        }
      }
      for (const map of resourceMaps(pod, container, 'requests')) {
        for (const key of Object.keys(map.value as object)) {
          if (isGpuResource(key) && !limitKeys.includes(key)) {
            findings.fail(`${map.path}["${key}"]`, (map.value as Record<string, unknown>)[key], `set resources.limits["${key}"] (extended resources are requested through limits)`, container.detail);
          }
        }
      }
      for (const found of at(pod, container, 'security_context.privileged')) {
        if (findings.unresolved(found.value, found.path)) continue;
        if (isTrue(found.value)) findings.fail(found.path, found.value, 'remove privileged; request the GPU through resources.limits["nvidia.com/gpu"]', container.detail);
      }
    }
    for (const volume of pod.volumes) {
      const path = hostPathOf(pod, volume);
      if (!path) continue;
      if (isUnresolved(path.value)) findings.unknown(path.path);
      else if (typeof path.value === 'string' && GPU_DEVICE_PATH.test(path.value)) {
        findings.fail(path.path, path.value, 'remove the hostPath volume; the GPU device plugin mounts the device nodes', volumeDetail(volume));
      }
    }
  },
});
