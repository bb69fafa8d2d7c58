import {
  DeploymentV1SpecTemplate,
  DeploymentV1SpecTemplateSpecAffinity,
  DeploymentV1SpecTemplateSpecContainer,
  DeploymentV1SpecTemplateSpecContainerLivenessProbe,
  DeploymentV1SpecTemplateSpecContainerVolumeMount,
  DeploymentV1SpecTemplateSpecToleration,
  DeploymentV1SpecTemplateSpecTopologySpreadConstraint,
  DeploymentV1SpecTemplateSpecVolume,
} from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { ContainerSpec, EnvValueSource, HealthProbe, ProbeType, Protocol } from '../../core/container-spec';
import { SECRET_ENV_DESIGN_REASON, secretsAsFiles } from '../../policy/rules/kubernetes/secrets-as-files';
import { Policy } from '../../policy/suppressions';
import type { HardenedWorkload } from '../hardened-workload';
import { secretKeyFor } from './labels';
import { resolveResources } from './resources';

/** The annotation key PSA and the kubelet read for a container's AppArmor profile (K8S-APPARMOR). */
export const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
export const HOSTNAME_TOPOLOGY_KEY = 'kubernetes.io/hostname';
export const ZONE_TOPOLOGY_KEY = 'topology.kubernetes.io/zone';

/** What differs between the kinds; everything else comes from the workload's resolved fields. */
export interface PodTemplateOptions {
  /** `Always` for Deployments/StatefulSets, `OnFailure`/`Never` for jobs. */
  readonly restartPolicy: string;
  /** Replicas the template is rendered for: more than one turns on spreading and anti-affinity. */
  readonly replicas: number;
  /** Also spread across zones. */
  readonly spreadAcrossZones: boolean;
  /** Extra mounts for the main container (StatefulSet volume claims). */
  readonly extraVolumeMounts?: DeploymentV1SpecTemplateSpecContainerVolumeMount[];
  /** Node selector of the kind (DaemonSet), merged with the GPU node selector. */
  readonly nodeSelector?: { [key: string]: string };
  /** Tolerations of the kind (DaemonSet), added to the GPU toleration. */
  readonly tolerations?: DeploymentV1SpecTemplateSpecToleration[];
}

interface ProbeTimingsResolved {
  readonly initialDelaySeconds: number;
  readonly periodSeconds: number;
  readonly timeoutSeconds: number;
  readonly failureThreshold: number;
}

function renderProbe(probe: HealthProbe, t: ProbeTimingsResolved): DeploymentV1SpecTemplateSpecContainerLivenessProbe {
  const timings = { ...t, successThreshold: 1 };
  switch (probe.probeType) {
    case ProbeType.HTTP:
      return { ...timings, httpGet: { path: probe.path, port: String(probe.port), scheme: probe.https ? 'HTTPS' : 'HTTP' } };
    case ProbeType.TCP:
      return { ...timings, tcpSocket: [{ port: String(probe.port) }] };
    default:
      return { ...timings, exec: { command: [...(probe.command ?? [])] } };
  }
}

/**
 * Liveness and readiness from one health probe, deliberately not identical (kube-score
 * pod-probes-identical): readiness checks twice as often and gives up after at most 2
 * failures, so a struggling pod leaves the Service quickly; liveness keeps the spec's timings
 * and always tolerates at least one more failure than readiness before it restarts the container.
 */
export function probesFor(probe: HealthProbe): { liveness: ProbeTimingsResolved; readiness: ProbeTimingsResolved } {
  const readinessPeriod = Math.max(1, Math.ceil(probe.periodSeconds / 2));
  const readinessFailure = Math.max(1, Math.min(probe.failureThreshold, 2));
  return {
    readiness: {
      initialDelaySeconds: probe.initialDelaySeconds,
      periodSeconds: readinessPeriod,
      timeoutSeconds: Math.min(probe.timeoutSeconds, readinessPeriod),
      failureThreshold: readinessFailure,
    },
    liveness: {
      initialDelaySeconds: probe.initialDelaySeconds,
      periodSeconds: probe.periodSeconds,
      timeoutSeconds: probe.timeoutSeconds,
      failureThreshold: Math.max(probe.failureThreshold, readinessFailure + 1),
    },
  };
}

/**
 * The liveness check of a container: the probe's own `liveness`, or one derived so that it never
 * makes the same check as readiness (kube-score "Pod Probes Identical"): an HTTP readiness probe
 * gets a TCP check on its port (the process is up, even when it is too busy to be ready); an exec
 * probe a TCP check on the container's first TCP port. A TCP probe gets none: kube-score and the
 * Kubernetes docs prefer no liveness probe to one that repeats readiness.
 */
export function livenessCheckFor(spec: ContainerSpec): HealthProbe | undefined {
  const probe = spec.healthProbe;
  if (probe === undefined) return undefined;
  if (probe.liveness !== undefined) return probe.liveness;
  const timings = { initialDelaySeconds: probe.initialDelaySeconds, periodSeconds: probe.periodSeconds, timeoutSeconds: probe.timeoutSeconds, failureThreshold: probe.failureThreshold };
  switch (probe.probeType) {
    case ProbeType.HTTP:
      return HealthProbe.tcp({ ...timings, port: probe.port! });
    case ProbeType.EXEC: {
      const port = (spec.ports ?? []).find((p) => (p.protocol ?? Protocol.TCP) === Protocol.TCP);
      return port === undefined ? undefined : HealthProbe.tcp({ ...timings, port: port.containerPort });
    }
    default:
      return undefined;
  }
}

function nodeSelector(w: HardenedWorkload, options: PodTemplateOptions): { [key: string]: string } | undefined {
  const merged = { ...(options.nodeSelector ?? {}), ...(w.gpus > 0 ? w.gpuNodeSelector : {}) };
  return Object.keys(merged).length > 0 ? merged : undefined;
}

function tolerations(w: HardenedWorkload, options: PodTemplateOptions): DeploymentV1SpecTemplateSpecToleration[] | undefined {
  const all = [...(options.tolerations ?? []), ...(w.gpus > 0 ? [{ key: w.gpuResourceName, operator: 'Exists', effect: 'NoSchedule' }] : [])];
  return all.length > 0 ? all : undefined;
}

function fileVolumeName(index: number): string {
  return `files-${index}`;
}

function scratchVolumeName(containerName: string, index: number): string {
  return `${containerName.slice(0, 50).replace(/-+$/, '')}-scratch-${index}`;
}

/**
 * Renders the pod template for every workload kind: one place for the security contexts,
 * resources, probes, scratch volumes, env/secret wiring, GPU scheduling and spreading.
 */
export function renderPodTemplate(w: HardenedWorkload, options: PodTemplateOptions): DeploymentV1SpecTemplate {
  const volumes: DeploymentV1SpecTemplateSpecVolume[] = [];
  const annotations: { [key: string]: string } = {};

  const container = (spec: ContainerSpec, prop: string, role: 'main' | 'sidecar' | 'init'): DeploymentV1SpecTemplateSpecContainer => {
    if (w.appArmorRuntimeDefault) annotations[`${APPARMOR_ANNOTATION_PREFIX}${spec.name}`] = 'runtime/default';
    const r = resolveResources(w, `${prop}.resources`, spec.resources, w.containerDefaults);
    const requests: { [key: string]: string } = {
      'cpu': r.cpuRequest!.toKubernetesQuantity(),
      'memory': r.memoryRequest!.toKubernetesQuantity(),
      'ephemeral-storage': r.ephemeralStorageRequest!.toKubernetesQuantity(),
    };
    const limits: { [key: string]: string } = {
      'cpu': r.cpuLimit!.toKubernetesQuantity(),
      'memory': r.memoryLimit!.toKubernetesQuantity(),
      'ephemeral-storage': r.ephemeralStorageLimit!.toKubernetesQuantity(),
    };
    if (role === 'main' && w.gpus > 0) {
      requests[w.gpuResourceName] = String(w.gpus);
      limits[w.gpuResourceName] = String(w.gpus);
    }

    const mounts: DeploymentV1SpecTemplateSpecContainerVolumeMount[] = [];
    (spec.writablePaths ?? []).forEach((path, i) => {
      const volumeName = scratchVolumeName(spec.name, i);
      volumes.push({
        name: volumeName,
        emptyDir: { sizeLimit: w.writableSizeLimit.toKubernetesQuantity(), medium: w.writableMemoryBacked ? 'Memory' : undefined },
      });
      mounts.push({ name: volumeName, mountPath: path, readOnly: false });
    });
    if (role === 'main') mounts.push(...(options.extraVolumeMounts ?? []));
    w.files.forEach((f, i) => {
      if ((f.containerName ?? w.spec.name) === spec.name) mounts.push({ name: fileVolumeName(i), mountPath: f.mountPath, readOnly: true });
    });

    const entries = Object.entries(spec.env ?? {});
    if (entries.some(([, value]) => value.source === EnvValueSource.SENSITIVE || value.source === EnvValueSource.KUBERNETES_SECRET)) {
      // the reasoned default: secrets as env vars through secret_key_ref, recorded so every report shows it as accepted
      Policy.suppress(w, `${secretsAsFiles.ruleId}[${role === 'init' ? 'init_container' : 'container'}=${spec.name}]`, SECRET_ENV_DESIGN_REASON);
    }
    const env = entries.map(([name, value]) => {
      switch (value.source) {
        case EnvValueSource.SENSITIVE:
          return { name, valueFrom: { secretKeyRef: { name: w.envSecretResource!.metadata.name, key: secretKeyFor(spec.name, name), optional: false } } };
        case EnvValueSource.KUBERNETES_SECRET:
          return { name, valueFrom: { secretKeyRef: { name: value.secretName, key: value.secretKey, optional: false } } };
        default:
          return { name, value: value.value };
      }
    });

    const probes: Partial<DeploymentV1SpecTemplateSpecContainer> = {};
    if (spec.healthProbe && role !== 'init') {
      const { liveness, readiness } = probesFor(spec.healthProbe);
      const livenessCheck = livenessCheckFor(spec);
      Object.assign(probes, {
        livenessProbe: livenessCheck === undefined ? undefined
          : renderProbe(livenessCheck, livenessCheck === spec.healthProbe.liveness ? livenessCheck : liveness),
        readinessProbe: renderProbe(spec.healthProbe, readiness),
      });
    }
    if (role === 'main' && w.startupProbe) {
      Object.assign(probes, { startupProbe: renderProbe(w.startupProbe, w.startupProbe) });
    }

    const user = spec.user ?? w.runAsUser;
    const group = spec.group ?? w.runAsGroup;
    return {
      name: spec.name,
      image: spec.image.reference,
      imagePullPolicy: 'Always',
      command: spec.command ? [...spec.command] : undefined,
      args: spec.args ? [...spec.args] : undefined,
      env: env.length > 0 ? env : undefined,
      port: (spec.ports ?? []).map((p) => ({ name: p.name, containerPort: p.containerPort, protocol: p.protocol ?? Protocol.TCP })),
      resources: { requests, limits },
      securityContext: {
        allowPrivilegeEscalation: false,
        privileged: false,
        readOnlyRootFilesystem: w.readOnlyRootFilesystem,
        runAsNonRoot: true,
        runAsUser: String(user),
        runAsGroup: String(group),
        capabilities: { drop: ['ALL'], add: w.addNetBindService ? ['NET_BIND_SERVICE'] : undefined },
        seccompProfile: { type: 'RuntimeDefault' },
      },
      volumeMount: mounts.length > 0 ? mounts : undefined,
      ...probes,
    };
  };

  // ConfigMaps world-readable, Secrets readable by owner and the pod's fsGroup only (defaultMode is octal text).
  w.files.forEach((f, i) => volumes.push(f.configMap !== undefined
    ? { name: fileVolumeName(i), configMap: { name: f.configMap.configMapName, defaultMode: '0444' } }
    : { name: fileVolumeName(i), secret: { secretName: f.secretName, defaultMode: '0440' } }));
  const containers = [container(w.spec, 'spec', 'main'), ...w.sidecars.map((c, i) => container(c, `sidecars[${i}]`, 'sidecar'))];
  const initContainers = w.initContainers.map((c, i) => container(c, `initContainers[${i}]`, 'init'));

  let affinity: DeploymentV1SpecTemplateSpecAffinity | undefined;
  let topologySpreadConstraint: DeploymentV1SpecTemplateSpecTopologySpreadConstraint[] | undefined;
  if (options.replicas > 1) {
    const keys = options.spreadAcrossZones ? [HOSTNAME_TOPOLOGY_KEY, ZONE_TOPOLOGY_KEY] : [HOSTNAME_TOPOLOGY_KEY];
    affinity = {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: keys.map((topologyKey) => ({
          weight: 100,
          podAffinityTerm: { topologyKey, labelSelector: [{ matchLabels: { ...w.selectorLabels } }] },
        })),
      },
    };
    topologySpreadConstraint = keys.map((topologyKey) => ({
      maxSkew: 1,
      topologyKey,
      whenUnsatisfiable: topologyKey === ZONE_TOPOLOGY_KEY ? 'DoNotSchedule' : 'ScheduleAnyway',
      labelSelector: [{ matchLabels: { ...w.selectorLabels } }],
    }));
  }

  return {
    metadata: {
      labels: { ...w.podLabels },
      annotations: Object.keys(annotations).length > 0 ? annotations : undefined,
    },
    spec: {
      serviceAccountName: w.serviceAccountName,
      automountServiceAccountToken: w.automountServiceAccountToken,
      hostNetwork: false,
      hostPid: false,
      hostIpc: false,
      shareProcessNamespace: false,
      enableServiceLinks: false,
      restartPolicy: options.restartPolicy,
      runtimeClassName: w.runtimeClassName,
      securityContext: {
        runAsNonRoot: true,
        runAsUser: String(w.runAsUser),
        runAsGroup: String(w.runAsGroup),
        fsGroup: String(w.fsGroup),
        seccompProfile: { type: 'RuntimeDefault' },
      },
      container: containers,
      initContainer: initContainers.length > 0 ? initContainers : undefined,
      volume: volumes.length > 0 ? volumes : undefined,
      nodeSelector: nodeSelector(w, options),
      toleration: tolerations(w, options),
      affinity,
      topologySpreadConstraint,
    },
  };
}
