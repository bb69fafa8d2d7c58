// Every pod template the library emits, for every workload kind, checked control by control
// against security-baseline.md section 1 (K8S-*), PSS "restricted", and the third-party checks
// that apply to Terraform (Checkov CKV_K8S_*, kube-score default checks).
import { TerraformStack } from 'cdktf';
import { ContainerSpec, HardenedCronJob, HardenedDaemonSet, HardenedDeployment, HardenedJob, HardenedNamespace, HardenedStatefulSet, HealthProbe, Size } from '../../lib';
import { apiSpec, pinned, podTemplateOf, resourceOf, sameCheck, setup, synth } from './helpers';

type Kind = 'kubernetes_deployment_v1' | 'kubernetes_stateful_set_v1' | 'kubernetes_cron_job_v1' | 'kubernetes_job_v1' | 'kubernetes_daemon_set_v1';

const sidecar: ContainerSpec = { name: 'proxy', image: pinned, ports: [{ name: 'proxy', containerPort: 15001 }], writablePaths: ['/var/run/proxy'] };
const init: ContainerSpec = { name: 'migrate', image: pinned, args: ['migrate'] };

const builders: Record<Kind, (stack: TerraformStack, ns: HardenedNamespace) => void> = {
  kubernetes_deployment_v1: (s, ns) => new HardenedDeployment(s, 'Workload', { namespace: ns, spec: apiSpec(), sidecars: [sidecar], initContainers: [init] }),
  kubernetes_stateful_set_v1: (s, ns) => new HardenedStatefulSet(s, 'Workload', {
    namespace: ns, spec: apiSpec(), sidecars: [sidecar], initContainers: [init],
    volumeClaims: [{ name: 'data', mountPath: '/data', storage: Size.gibibytes(1) }],
  }),
  kubernetes_cron_job_v1: (s, ns) => new HardenedCronJob(s, 'Workload', {
    namespace: ns, schedule: '0 3 * * *',
    spec: apiSpec({ ports: undefined, healthProbe: HealthProbe.exec({ command: ['/app/ready'], liveness: HealthProbe.exec({ command: ['/app/alive'] }) }) }),
    sidecars: [{ ...sidecar, ports: undefined }], initContainers: [init],
  }),
  kubernetes_job_v1: (s, ns) => new HardenedJob(s, 'Workload', {
    namespace: ns,
    spec: apiSpec({ ports: undefined, healthProbe: HealthProbe.exec({ command: ['/app/ready'], liveness: HealthProbe.exec({ command: ['/app/alive'] }) }) }),
    sidecars: [{ ...sidecar, ports: undefined }], initContainers: [init],
  }),
  kubernetes_daemon_set_v1: (s, ns) => new HardenedDaemonSet(s, 'Workload', { namespace: ns, spec: apiSpec(), sidecars: [sidecar], initContainers: [init] }),
};

describe.each(Object.keys(builders) as Kind[])('pod template of %s', (kind) => {
  let resource: any;
  let pod: any;
  let containers: any[];
  beforeAll(() => {
    const { stack, namespace } = setup();
    builders[kind](stack, namespace);
    resource = resourceOf(synth(stack), kind, 'Workload');
    pod = podTemplateOf(kind, resource);
    containers = [...pod.spec.container, ...(pod.spec.init_container ?? [])];
  });

  test('renders the main container, the sidecar and the init container', () => {
    expect(pod.spec.container.map((c: any) => c.name)).toEqual(['api', 'proxy']);
    expect(pod.spec.init_container.map((c: any) => c.name)).toEqual(['migrate']);
  });

  test('K8S-NS-DEDICATED (CKV_K8S_21): the workload lives in the library-created namespace', () => {
    expect(resource.metadata.namespace).toMatch(/^\$\{kubernetes_namespace_v1\.Shop_[0-9A-F]+\.metadata\[0\]\.name\}$/);
  });

  test('K8S-HOST-NAMESPACES (CKV_K8S_17/18/19): host_network, host_pid, host_ipc explicitly false', () => {
    expect([pod.spec.host_network, pod.spec.host_pid, pod.spec.host_ipc]).toEqual([false, false, false]);
  });

  test('K8S-NO-SHARED-PROCNS: share_process_namespace false', () => {
    expect(pod.spec.share_process_namespace).toBe(false);
  });

  test('K8S-RUNASNONROOT, K8S-RUNASUSER-NONZERO, K8S-NONROOT-GROUP, K8S-SECCOMP at pod level (CKV_K8S_29/31/40)', () => {
    expect(pod.spec.security_context).toEqual({
      run_as_non_root: true, run_as_user: '10001', run_as_group: '10001', fs_group: '10001', seccomp_profile: { type: 'RuntimeDefault' },
    });
  });

  test('K8S-SA-TOKEN, K8S-DEDICATED-SA (CKV_K8S_38): no token, a dedicated ServiceAccount', () => {
    expect(pod.spec.automount_service_account_token).toBe(false);
    expect(pod.spec.service_account_name).toMatch(/^\$\{kubernetes_service_account_v1\.Workload_ServiceAccount_[0-9A-F]+\.metadata\[0\]\.name\}$/);
  });

  test('K8S-NO-PRIVILEGED, K8S-NO-PRIV-ESC, K8S-READONLY-ROOTFS, K8S-CAPS-DROP-ALL on every container (CKV_K8S_16/20/22/28/37, kube-score security context)', () => {
    for (const c of containers) {
      expect(c.security_context).toEqual({
        allow_privilege_escalation: false,
        privileged: false,
        read_only_root_filesystem: true,
        run_as_non_root: true,
        run_as_user: '10001',
        run_as_group: '10001',
        capabilities: { drop: ['ALL'] },
        seccomp_profile: { type: 'RuntimeDefault' },
      });
    }
  });

  test('K8S-APPARMOR: runtime/default annotation for every container', () => {
    expect(pod.metadata.annotations).toEqual({
      'container.apparmor.security.beta.kubernetes.io/api': 'runtime/default',
      'container.apparmor.security.beta.kubernetes.io/proxy': 'runtime/default',
      'container.apparmor.security.beta.kubernetes.io/migrate': 'runtime/default',
    });
  });

  test('K8S-RESOURCES (CKV_K8S_10-13, kube-score container-resources and ephemeral storage): requests and limits on every container', () => {
    for (const c of containers) {
      expect(c.resources).toEqual({
        requests: { 'cpu': '100m', 'memory': '128Mi', 'ephemeral-storage': '128Mi' },
        limits: { 'cpu': '500m', 'memory': '256Mi', 'ephemeral-storage': '512Mi' },
      });
    }
  });

  test('K8S-IMAGE-DIGEST (CKV_K8S_14/15/43, kube-score image tag and pull policy): digest-pinned images pulled Always', () => {
    for (const c of containers) {
      expect(c.image).toMatch(/@sha256:[0-9a-f]{64}$/);
      expect(c.image_pull_policy).toBe('Always');
    }
  });

  test('K8S-NO-HOSTPORT, K8S-NO-HOSTPATH, K8S-VOLUME-TYPES, K8S-MOUNT-PROPAGATION: no host ports, only size-capped emptyDir volumes', () => {
    for (const c of containers) {
      for (const p of c.port ?? []) expect(p.host_port).toBeUndefined();
      for (const m of c.volume_mount ?? []) expect(m.mount_propagation).toBeUndefined();
    }
    for (const v of pod.spec.volume) {
      expect(Object.keys(v).sort()).toEqual(['empty_dir', 'name']);
    }
  });

  test('K8S-WRITABLE-SCRATCH: each writable path is a size-capped emptyDir mounted into its container', () => {
    expect(pod.spec.volume).toEqual([
      { name: 'api-scratch-0', empty_dir: { size_limit: '64Mi' } },
      { name: 'proxy-scratch-0', empty_dir: { size_limit: '64Mi' } },
    ]);
    expect(pod.spec.container[0].volume_mount[0]).toEqual({ name: 'api-scratch-0', mount_path: '/tmp', read_only: false });
    expect(pod.spec.container[1].volume_mount).toEqual([{ name: 'proxy-scratch-0', mount_path: '/var/run/proxy', read_only: false }]);
  });

  test('K8S-SELINUX, K8S-SYSCTLS, K8S-WIN-HOSTPROCESS, K8S-PROBE-HOST: nothing that could loosen them is rendered', () => {
    expect(pod.spec.security_context.se_linux_options).toBeUndefined();
    expect(pod.spec.security_context.sysctl).toBeUndefined();
    expect(pod.spec.security_context.windows_options).toBeUndefined();
    for (const c of containers) {
      expect(c.security_context.se_linux_options).toBeUndefined();
      for (const probe of [c.liveness_probe, c.readiness_probe, c.startup_probe]) expect(probe?.http_get?.host).toBeUndefined();
    }
  });

  test('probes (CKV_K8S_8/9, kube-score "Pod Probes Identical"): liveness and readiness make different checks; init containers have none', () => {
    const main = pod.spec.container[0];
    expect(main.liveness_probe).toBeDefined();
    expect(main.readiness_probe).toBeDefined();
    expect(sameCheck(main.liveness_probe, main.readiness_probe)).toBe(false);
    expect(pod.spec.init_container[0].liveness_probe).toBeUndefined();
  });

  test('no GPU, no node selector, no toleration, no RuntimeClass by default', () => {
    expect(pod.spec.node_selector).toBeUndefined();
    expect(pod.spec.toleration).toBeUndefined();
    expect(pod.spec.runtime_class_name).toBeUndefined();
  });
});
