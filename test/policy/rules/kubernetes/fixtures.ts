// Plain attribute fixtures shaped like what cdktf synthesizes for the Kubernetes provider.
import { ComplianceStatus, IPolicyRule, PolicyContext, PolicyResource, RuleResult } from '../../../../lib/policy';

export const DIGEST = `sha256:${'a'.repeat(64)}`;

/** A container that meets every container-level control. */
export function secureContainer(name: string): Record<string, any> {
  return {
    name,
    image: `registry.example.com/${name}@${DIGEST}`,
    port: [{ container_port: 8080, name: 'http' }],
    resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '250m', memory: '128Mi' } },
    security_context: {
      allow_privilege_escalation: false,
      privileged: false,
      read_only_root_filesystem: true,
      run_as_non_root: true,
      run_as_user: '10001',
      run_as_group: '10001',
      capabilities: { drop: ['ALL'] },
      seccomp_profile: { type: 'RuntimeDefault' },
    },
    volume_mount: [{ name: 'tmp', mount_path: '/tmp' }],
    liveness_probe: { http_get: { path: '/healthz', port: '8080' } },
  };
}

/** A pod spec that meets every pod-level control. */
export function securePodSpec(): Record<string, any> {
  return {
    automount_service_account_token: false,
    host_network: false,
    host_pid: false,
    host_ipc: false,
    share_process_namespace: false,
    service_account_name: 'web',
    security_context: {
      run_as_non_root: true,
      run_as_user: '10001',
      run_as_group: '10001',
      fs_group: '10001',
      supplemental_groups: [10001],
      seccomp_profile: { type: 'RuntimeDefault' },
      sysctl: [{ name: 'net.ipv4.tcp_syncookies', value: '1' }],
    },
    container: [secureContainer('web')],
    init_container: [secureContainer('setup')],
    volume: [
      { name: 'tmp', empty_dir: { medium: 'Memory', size_limit: '64Mi' } },
      { name: 'config', config_map: { name: 'web' } },
    ],
  };
}

/** Pod template metadata with the AppArmor annotation. */
export function securePodMetadata(): Record<string, any> {
  return {
    labels: { app: 'web' },
    annotations: { 'container.apparmor.security.beta.kubernetes.io/web': 'runtime/default' },
  };
}

export type Mutator = (pod: Record<string, any>, podMetadata: Record<string, any>) => void;

/** A kubernetes_deployment_v1 with the secure pod, after `mutate`. */
export function deployment(mutate: Mutator = () => undefined, namespace: unknown = 'apps'): PolicyResource {
  const spec = securePodSpec();
  const metadata = securePodMetadata();
  mutate(spec, metadata);
  return {
    resourceType: 'kubernetes_deployment_v1',
    address: 'kubernetes_deployment_v1.web',
    attributes: {
      metadata: { name: 'web', namespace },
      spec: { replicas: '2', selector: { match_labels: { app: 'web' } }, template: { metadata, spec } },
    },
  };
}

/** The same deployment with every block list-wrapped, as raw overrides and hand-written JSON render them. */
export function listWrapped(resource: PolicyResource): PolicyResource {
  const wrap = (value: any, key?: string): any => {
    if (Array.isArray(value)) return value.map((v) => wrap(v));
    if (value && typeof value === 'object') {
      const out: Record<string, any> = {};
      for (const [k, v] of Object.entries(value)) {
        const plainMap = ['labels', 'annotations', 'limits', 'requests', 'match_labels', 'hard', 'default', 'default_request', 'max'].includes(k);
        out[k] = plainMap ? v : wrap(v, k);
      }
      return key === undefined ? out : [out];
    }
    return value;
  };
  return { ...resource, attributes: wrap(resource.attributes) };
}

/** Another workload kind with the same secure pod. */
export function workload(resourceType: string, mutate: Mutator = () => undefined): PolicyResource {
  const spec = securePodSpec();
  const metadata = securePodMetadata();
  mutate(spec, metadata);
  const address = `${resourceType}.web`;
  const top = { name: 'web', namespace: 'apps' };
  if (resourceType === 'kubernetes_pod_v1' || resourceType === 'kubernetes_pod') {
    return { resourceType, address, attributes: { metadata: { ...top, ...metadata }, spec } };
  }
  if (resourceType === 'kubernetes_cron_job_v1' || resourceType === 'kubernetes_cron_job') {
    return { resourceType, address, attributes: { metadata: top, spec: { schedule: '0 * * * *', job_template: { metadata: {}, spec: { template: { metadata, spec } } } } } };
  }
  return { resourceType, address, attributes: { metadata: top, spec: { template: { metadata, spec } } } };
}

/** A secure pod as a kubernetes_manifest Deployment (camelCase), after `mutate`. */
export function manifest(mutate: (pod: Record<string, any>) => void = () => undefined, kind = 'Deployment'): PolicyResource {
  const container = (name: string): Record<string, any> => ({
    name,
    image: `registry.example.com/${name}@${DIGEST}`,
    resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '250m', memory: '128Mi' } },
    securityContext: {
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: 10001,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
      procMount: 'Default',
    },
  });
  const pod: Record<string, any> = {
    automountServiceAccountToken: false,
    serviceAccountName: 'web',
    hostNetwork: false,
    securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [container('web')],
    initContainers: [container('setup')],
    volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
  };
  mutate(pod);
  const metadata = { name: 'web', namespace: 'apps' };
  const template = { metadata: { labels: { app: 'web' } }, spec: pod };
  const body = kind === 'Pod'
    ? { apiVersion: 'v1', kind, metadata, spec: pod }
    : kind === 'CronJob'
      ? { apiVersion: 'batch/v1', kind, metadata, spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template } } } }
      : { apiVersion: 'apps/v1', kind, metadata, spec: { template } };
  return { resourceType: 'kubernetes_manifest', address: 'kubernetes_manifest.web', attributes: { manifest: body } };
}

/** A namespace with the PSA labels. */
export function namespace(name = 'apps', labels?: Record<string, string>): PolicyResource {
  return {
    resourceType: 'kubernetes_namespace_v1',
    address: `kubernetes_namespace_v1.${name.replace(/-/g, '_')}`,
    attributes: {
      metadata: {
        name,
        labels: labels ?? {
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/enforce-version': 'v1.29',
          'pod-security.kubernetes.io/warn': 'restricted',
          'pod-security.kubernetes.io/warn-version': 'v1.29',
          'pod-security.kubernetes.io/audit': 'restricted',
          'pod-security.kubernetes.io/audit-version': 'v1.29',
        },
      },
    },
  };
}

/** The deny-all network policy of a namespace (namespace given literally or as a reference). */
export function denyAll(namespaceValue: string, spec?: Record<string, any>): PolicyResource {
  return {
    resourceType: 'kubernetes_network_policy_v1',
    address: 'kubernetes_network_policy_v1.deny_all',
    attributes: {
      metadata: { name: 'deny-all', namespace: namespaceValue },
      spec: spec ?? { pod_selector: {}, policy_types: ['Ingress', 'Egress'] },
    },
  };
}

/** A complete resource quota. */
export function quota(namespaceValue: string, hard?: Record<string, string>): PolicyResource {
  return {
    resourceType: 'kubernetes_resource_quota_v1',
    address: 'kubernetes_resource_quota_v1.quota',
    attributes: {
      metadata: { name: 'quota', namespace: namespaceValue },
      spec: { hard: hard ?? { 'requests.cpu': '4', 'requests.memory': '8Gi', 'limits.cpu': '8', 'limits.memory': '16Gi', 'pods': '50' } },
    },
  };
}

/** A complete Container limit range. */
export function limits(namespaceValue: string, limit?: Array<Record<string, any>>): PolicyResource {
  return {
    resourceType: 'kubernetes_limit_range_v1',
    address: 'kubernetes_limit_range_v1.limits',
    attributes: {
      metadata: { name: 'limits', namespace: namespaceValue },
      spec: {
        limit: limit ?? [{
          type: 'Container',
          default: { cpu: '500m', memory: '256Mi' },
          default_request: { cpu: '250m', memory: '128Mi' },
          max: { cpu: '2', memory: '2Gi' },
        }],
      },
    },
  };
}

/** A secure stack: the namespace `apps` with deny-all, quota and limit range (namespace referenced), and the deployment. */
export function secureStack(): PolicyContext {
  const ns = namespace('apps');
  const ref = '${kubernetes_namespace_v1.apps.metadata[0].name}';
  return { resources: [ns, denyAll(ref), quota(ref), limits('apps'), deployment()] };
}

export const EMPTY: PolicyContext = { resources: [] };

/** A resource of another provider. */
export const FOREIGN: PolicyResource = {
  resourceType: 'docker_container',
  address: 'docker_container.web',
  attributes: { name: 'web', image: 'nginx', privileged: true },
};

/** Evaluates with the context (default: the resource alone). */
export function evaluate(rule: IPolicyRule, resource: PolicyResource, context?: PolicyContext): RuleResult {
  return rule.evaluate(resource, context ?? { resources: [resource] });
}

export { ComplianceStatus };
