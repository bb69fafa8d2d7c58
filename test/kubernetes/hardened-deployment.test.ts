import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { HorizontalPodAutoscalerV2 } from '@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { PodDisruptionBudgetV1 } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import { RuntimeClassV1 } from '@cdktf/provider-kubernetes/lib/runtime-class-v1';
import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import { TerraformVariable, Testing } from 'cdktf';
import { IConstruct, Node } from 'constructs';
import { Cpu, EnvValue, HardenedDeployment, HardenedNamespace, HealthProbe, Protocol, SandboxRuntime, SandboxRuntimeClass, Size } from '../../lib';
import { apiSpec, message, resourceOf, setup, synth, tagOnly } from './helpers';

function warnings(c: IConstruct): string[] {
  return Node.of(c).metadata.filter((m) => /warn/i.test(m.type)).map((m) => String(m.data));
}

function deployment(props: Partial<ConstructorParameters<typeof HardenedDeployment>[2]> = {}) {
  const { stack, namespace } = setup();
  const workload = new HardenedDeployment(stack, 'Api', { namespace, spec: apiSpec(), ...props });
  const json = synth(stack);
  const resource = resourceOf(json, 'kubernetes_deployment_v1', 'Api');
  return { stack, namespace, workload, json, resource, pod: resource.spec.template.spec, main: resource.spec.template.spec.container[0] };
}

describe('HardenedDeployment', () => {
  test('default output (snapshot)', () => {
    expect(Testing.synthScope((s) => {
      const namespace = new HardenedNamespace(s, 'Shop', { namespaceName: 'shop' });
      new HardenedDeployment(s, 'Api', { namespace, spec: apiSpec() });
    })).toMatchSnapshot();
  });

  test('escape hatches: defaultChild is the deployment; every L1 is a public property', () => {
    const { workload } = deployment();
    expect(Node.of(workload).defaultChild).toBe(workload.resource);
    expect(workload.resource).toBeInstanceOf(DeploymentV1);
    expect(workload.serviceAccountResource).toBeInstanceOf(ServiceAccountV1);
    expect(workload.serviceResource).toBeInstanceOf(ServiceV1);
    expect(workload.networkPolicyResource).toBeInstanceOf(NetworkPolicyV1);
    expect(workload.podDisruptionBudgetResource).toBeInstanceOf(PodDisruptionBudgetV1);
    expect(workload.horizontalPodAutoscalerResource).toBeUndefined();
    expect(workload.envSecretResource).toBeUndefined();
  });

  test('stable construct ids (Terraform addresses)', () => {
    const { json } = deployment();
    const ids = Object.values(json.resource as Record<string, Record<string, unknown>>).flatMap((r) => Object.keys(r)).filter((id) => id.startsWith('Api'));
    expect(ids.map((id) => id.replace(/_[0-9A-F]{8}$/, '')).sort()).toEqual(
      ['Api', 'Api_NetworkPolicy', 'Api_PodDisruptionBudget', 'Api_Service', 'Api_ServiceAccount']);
  });

  test('replicas default to 2 (kube-score deployment-replicas), rolling update strategy', () => {
    const { resource, workload } = deployment();
    expect(workload.replicas).toBe(2);
    expect(resource.spec.replicas).toBe('2');
    expect(resource.spec.strategy).toEqual({ type: 'RollingUpdate', rolling_update: { max_surge: '25%', max_unavailable: '0' } });
    expect(resource.spec.progress_deadline_seconds).toBe(600);
    // kube-score deployment-pod-selector-labels-match-template-metadata-labels
    expect(resource.spec.selector.match_labels).toEqual({ 'app.kubernetes.io/name': workload.workloadName });
    expect(resource.spec.template.metadata.labels).toMatchObject(resource.spec.selector.match_labels);
  });

  test('replicas > 1: topology spread and anti-affinity across nodes, plus a PodDisruptionBudget', () => {
    const { pod, json, workload } = deployment();
    const selector = [{ match_labels: { 'app.kubernetes.io/name': workload.workloadName } }];
    expect(pod.topology_spread_constraint).toEqual([{ max_skew: 1, topology_key: 'kubernetes.io/hostname', when_unsatisfiable: 'ScheduleAnyway', label_selector: selector }]);
    expect(pod.affinity.pod_anti_affinity.preferred_during_scheduling_ignored_during_execution).toEqual([
      { weight: 100, pod_affinity_term: { topology_key: 'kubernetes.io/hostname', label_selector: selector } },
    ]);
    const pdb = resourceOf(json, 'kubernetes_pod_disruption_budget_v1', 'Api');
    expect(pdb.spec).toEqual({ max_unavailable: '1', selector: { match_labels: { 'app.kubernetes.io/name': workload.workloadName } } });
  });

  test('spreadAcrossZones adds the zone key', () => {
    const { pod } = deployment({ spreadAcrossZones: true });
    expect(pod.topology_spread_constraint.map((t: any) => [t.topology_key, t.when_unsatisfiable])).toEqual([
      ['kubernetes.io/hostname', 'ScheduleAnyway'], ['topology.kubernetes.io/zone', 'DoNotSchedule']]);
    expect(pod.affinity.pod_anti_affinity.preferred_during_scheduling_ignored_during_execution.map((t: any) => t.pod_affinity_term.topology_key))
      .toEqual(['kubernetes.io/hostname', 'topology.kubernetes.io/zone']);
  });

  test('a single replica: no spreading, no PodDisruptionBudget', () => {
    const { pod, workload } = deployment({ replicas: 1 });
    expect(pod.topology_spread_constraint).toBeUndefined();
    expect(pod.affinity).toBeUndefined();
    expect(workload.podDisruptionBudgetResource).toBeUndefined();
  });

  test('autoscaling: an HPA v2 on cpu (and memory); replicas left unset and ignored', () => {
    const { resource, json, workload } = deployment({ autoscaling: { maxReplicas: 6, memoryUtilizationPercent: 80 } });
    expect(resource.spec.replicas).toBeUndefined();
    expect(resource.lifecycle).toEqual({ ignore_changes: ['spec[0].replicas'] });
    expect(workload.horizontalPodAutoscalerResource).toBeInstanceOf(HorizontalPodAutoscalerV2);
    const hpa = resourceOf(json, 'kubernetes_horizontal_pod_autoscaler_v2', 'Api');
    expect(hpa.spec).toEqual({
      min_replicas: 2,
      max_replicas: 6,
      scale_target_ref: { api_version: 'apps/v1', kind: 'Deployment', name: expect.stringMatching(/^\$\{kubernetes_deployment_v1\.Api_[0-9A-F]+\.metadata\[0\]\.name\}$/) },
      metric: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', average_utilization: 70 } } },
        { type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', average_utilization: 80 } } },
      ],
    });
    expect(workload.podDisruptionBudgetResource).toBeDefined();
  });

  test('ClusterIP Service for the declared ports, targeting them by name', () => {
    const { json, workload } = deployment();
    const service = resourceOf(json, 'kubernetes_service_v1', 'Api');
    expect(service.spec).toEqual({ type: 'ClusterIP', selector: { 'app.kubernetes.io/name': workload.workloadName }, port: [{ name: 'http', port: 8080, target_port: 'http', protocol: 'TCP' }] });
  });

  test('no Service when no port is declared', () => {
    const { workload } = deployment({ spec: apiSpec({ ports: undefined, healthProbe: undefined }) });
    expect(workload.serviceResource).toBeUndefined();
  });

  test('K8S-SA-TOKEN: the dedicated ServiceAccount has automount off', () => {
    const { json } = deployment();
    expect(resourceOf(json, 'kubernetes_service_account_v1', 'Api').automount_service_account_token).toBe(false);
  });

  test('opt-out: automountServiceAccountToken true warns with K8S-SA-TOKEN', () => {
    const { pod, json, workload } = deployment({ automountServiceAccountToken: true });
    expect(pod.automount_service_account_token).toBe(true);
    expect(resourceOf(json, 'kubernetes_service_account_v1', 'Api').automount_service_account_token).toBe(true);
    expect(warnings(workload).join('\n')).toMatch(/automountServiceAccountToken.*K8S-SA-TOKEN/);
  });

  test('opt-out: serviceAccountName uses an existing account, no ServiceAccount is created', () => {
    const { pod, workload } = deployment({ serviceAccountName: 'api-reader' });
    expect(pod.service_account_name).toBe('api-reader');
    expect(workload.serviceAccountResource).toBeUndefined();
  });

  test('opt-out: appArmorRuntimeDefault false names no AppArmor profile (nodes without AppArmor would reject the pods), with an info', () => {
    // kubelet pkg/security/apparmor: any non-unconfined profile makes AppArmor "required"; a host without it fails the pod.
    const { resource, workload, pod, main } = deployment({ appArmorRuntimeDefault: false });
    expect(resource.spec.template.metadata.annotations).toBeUndefined();
    expect(workload.appArmorRuntimeDefault).toBe(false);
    expect(Node.of(workload).metadata.some((m) => /info/i.test(m.type) && String(m.data).includes('appArmorRuntimeDefault is false'))).toBe(true);
    // Still PSA restricted: seccomp RuntimeDefault and the container context are untouched.
    expect(pod.security_context.seccomp_profile).toEqual({ type: 'RuntimeDefault' });
    expect(main.security_context.allow_privilege_escalation).toBe(false);
    expect(deployment().resource.spec.template.metadata.annotations).toEqual({ 'container.apparmor.security.beta.kubernetes.io/api': 'runtime/default' });
  });

  test('opt-out: readOnlyRootFilesystem false warns with K8S-READONLY-ROOTFS', () => {
    const { main, workload } = deployment({ readOnlyRootFilesystem: false });
    expect(main.security_context.read_only_root_filesystem).toBe(false);
    expect(warnings(workload).join('\n')).toMatch(/readOnlyRootFilesystem.*K8S-READONLY-ROOTFS/);
  });

  test('opt-out: allowTagOnlyImage accepts a tag-only image and warns with K8S-IMAGE-DIGEST', () => {
    const { main, workload } = deployment({ allowTagOnlyImage: true, spec: apiSpec({ image: tagOnly }) });
    expect(main.image).toBe('ghcr.io/acme/api:1.4.2');
    expect(main.image_pull_policy).toBe('Always');
    expect(warnings(workload).join('\n')).toMatch(/allowTagOnlyImage.*spec\.image.*K8S-IMAGE-DIGEST/);
  });

  test('K8S-CAPS-DROP-ALL: addNetBindService adds exactly NET_BIND_SERVICE back', () => {
    const { main } = deployment({ addNetBindService: true });
    expect(main.security_context.capabilities).toEqual({ drop: ['ALL'], add: ['NET_BIND_SERVICE'] });
  });

  test('uid/gid from the spec, fsGroup prop; a uid below 10000 warns (kube-score, CKV_K8S_40)', () => {
    const { pod, main, workload } = deployment({ spec: apiSpec({ user: 2000, group: 20001 }), fsGroup: 30001 });
    expect(pod.security_context).toMatchObject({ run_as_user: '2000', run_as_group: '20001', fs_group: '30001' });
    expect(main.security_context).toMatchObject({ run_as_user: '2000', run_as_group: '20001' });
    expect(warnings(workload).join('\n')).toMatch(/spec\.user is 2000, below 10000/);
  });

  test('resources: spec values win, missing sides come from the namespace defaults without breaking limit >= request', () => {
    const { main } = deployment({ spec: apiSpec({ resources: { cpuRequest: Cpu.cores(1), memoryLimit: Size.mebibytes(64) } }) });
    expect(main.resources).toEqual({
      requests: { 'cpu': '1', 'memory': '64Mi', 'ephemeral-storage': '128Mi' },
      limits: { 'cpu': '1', 'memory': '64Mi', 'ephemeral-storage': '512Mi' },
    });
  });

  test('resources: defaults come from the namespace containerDefaults', () => {
    const { stack } = setup();
    const namespace = new HardenedNamespace(stack, 'Big', { namespaceName: 'big', containerDefaults: { cpuRequest: Cpu.millicores(250), cpuLimit: Cpu.cores(2) } });
    new HardenedDeployment(stack, 'Api', { namespace, spec: apiSpec() });
    const main = resourceOf(synth(stack), 'kubernetes_deployment_v1', 'Api').spec.template.spec.container[0];
    expect([main.resources.requests.cpu, main.resources.limits.cpu]).toEqual(['250m', '2']);
  });

  test('probes: an HTTP readiness probe gets a TCP liveness check on its port (kube-score "Pod Probes Identical"); readiness checks twice as often and gives up sooner', () => {
    const { main } = deployment({ spec: apiSpec({ healthProbe: HealthProbe.http({ path: '/healthz', port: 8080, periodSeconds: 20, failureThreshold: 5, initialDelaySeconds: 5 }) }) });
    expect(main.liveness_probe).toEqual({ tcp_socket: [{ port: '8080' }], initial_delay_seconds: 5, period_seconds: 20, timeout_seconds: 3, failure_threshold: 5, success_threshold: 1 });
    expect(main.readiness_probe).toEqual({ http_get: { path: '/healthz', port: '8080', scheme: 'HTTP' }, initial_delay_seconds: 5, period_seconds: 10, timeout_seconds: 3, failure_threshold: 2, success_threshold: 1 });
  });

  test('probes: liveness keeps tolerating one more failure than readiness with the tightest timings', () => {
    const { main } = deployment({ spec: apiSpec({ healthProbe: HealthProbe.http({ path: '/ready', port: 8080, periodSeconds: 1, timeoutSeconds: 1, failureThreshold: 1 }) }) });
    expect(main.readiness_probe.failure_threshold).toBe(1);
    expect(main.liveness_probe.failure_threshold).toBe(2);
    expect(main.liveness_probe.tcp_socket).toEqual([{ port: '8080' }]);
  });

  test('probes: an explicit liveness check is rendered as given', () => {
    const probe = HealthProbe.http({ path: '/ready', port: 8080, liveness: HealthProbe.http({ path: '/livez', port: 8080, periodSeconds: 30 }) });
    const { main } = deployment({ spec: apiSpec({ healthProbe: probe }) });
    expect(main.liveness_probe).toEqual({ http_get: { path: '/livez', port: '8080', scheme: 'HTTP' }, initial_delay_seconds: 0, period_seconds: 30, timeout_seconds: 3, failure_threshold: 3, success_threshold: 1 });
    expect(main.readiness_probe.http_get.path).toBe('/ready');
  });

  test('probes: a TCP readiness probe gets no liveness probe rather than an identical one; an exec probe gets a TCP check on the first port', () => {
    expect(deployment({ spec: apiSpec({ healthProbe: HealthProbe.tcp({ port: 8080 }) }) }).main.liveness_probe).toBeUndefined();
    const exec = deployment({ spec: apiSpec({ healthProbe: HealthProbe.exec({ command: ['/app/check'] }) }) }).main;
    expect(exec.liveness_probe.tcp_socket).toEqual([{ port: '8080' }]);
    expect(exec.readiness_probe.exec).toEqual({ command: ['/app/check'] });
  });

  test('probes: a liveness check identical to readiness, or on an undeclared port, is rejected', () => {
    expect(message(() => HealthProbe.http({ path: '/healthz', port: 8080, liveness: HealthProbe.http({ path: '/healthz', port: 8080, periodSeconds: 30 }) })))
      .toMatch(/^HealthProbe\.http: liveness: makes the same check as the probe itself \(kube-score "Pod Probes Identical"\) \(got "?HTTP \/healthz on 8080"?\)/);
    const { stack, namespace } = setup();
    expect(message(() => new HardenedDeployment(stack, 'Api', { namespace, spec: apiSpec({ healthProbe: HealthProbe.http({ path: '/r', port: 8080, liveness: HealthProbe.tcp({ port: 9090 }) }) }) })))
      .toMatch(/stack\/Api: spec\.healthProbe\.liveness\.port: is not a port the container declares/);
  });

  test('startupProbe option renders a startup probe on the main container', () => {
    const { main } = deployment({ startupProbe: HealthProbe.exec({ command: ['/app/started'], periodSeconds: 5, failureThreshold: 60 }) });
    expect(main.startup_probe).toEqual({ exec: { command: ['/app/started'] }, initial_delay_seconds: 0, period_seconds: 5, timeout_seconds: 3, failure_threshold: 60, success_threshold: 1 });
  });

  test('writableMemoryBacked and writableSizeLimit shape the scratch emptyDirs (K8S-WRITABLE-SCRATCH)', () => {
    const { pod } = deployment({ writableMemoryBacked: true, writableSizeLimit: Size.mebibytes(32) });
    expect(pod.volume).toEqual([{ name: 'api-scratch-0', empty_dir: { medium: 'Memory', size_limit: '32Mi' } }]);
  });

  test('SENSITIVE env values go into a Secret and are read with secretKeyRef; KUBERNETES_SECRET is referenced directly', () => {
    const { stack, namespace } = setup();
    const password = new TerraformVariable(stack, 'db_password', { type: 'string', sensitive: true });
    const w = new HardenedDeployment(stack, 'Api', {
      namespace,
      spec: apiSpec({ env: { LOG_LEVEL: EnvValue.fromString('info'), DB_PASSWORD: EnvValue.fromSensitiveValue(password.stringValue), API_KEY: EnvValue.fromKubernetesSecret('api-keys', 'primary') } }),
    });
    const json = synth(stack);
    expect(w.envSecretResource).toBeInstanceOf(SecretV1);
    const secret = resourceOf(json, 'kubernetes_secret_v1', 'Api');
    expect(secret.data).toEqual({ 'api.DB_PASSWORD': '${var.db_password}' });
    expect(secret.type).toBe('Opaque');
    const env = resourceOf(json, 'kubernetes_deployment_v1', 'Api').spec.template.spec.container[0].env;
    expect(env).toEqual([
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'DB_PASSWORD', value_from: { secret_key_ref: { name: expect.stringMatching(/^\$\{kubernetes_secret_v1\.Api_EnvSecret_[0-9A-F]+\.metadata\[0\]\.name\}$/), key: 'api.DB_PASSWORD', optional: false } } },
      { name: 'API_KEY', value_from: { secret_key_ref: { name: 'api-keys', key: 'primary', optional: false } } },
    ]);
    expect(JSON.stringify(json)).not.toMatch(/"value":\s*"\$\{var\.db_password\}"/);
  });

  test('PT-K8S-GPU: gpus requests the extended resource with node selector and toleration, and stays restricted', () => {
    const { pod, main } = deployment({ gpus: 2 });
    expect(main.resources.limits['nvidia.com/gpu']).toBe('2');
    expect(main.resources.requests['nvidia.com/gpu']).toBe('2');
    expect(pod.node_selector).toEqual({ 'nvidia.com/gpu.present': 'true' });
    expect(pod.toleration).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(main.security_context.privileged).toBe(false);
    expect(pod.volume.every((v: any) => v.host_path === undefined)).toBe(true);
  });

  test('PT-K8S-GPU: gpuResourceName and gpuNodeSelector are configurable', () => {
    const { pod, main } = deployment({ gpus: 1, gpuResourceName: 'amd.com/gpu', gpuNodeSelector: { 'amd.com/gpu.present': 'true' } });
    expect(main.resources.limits['amd.com/gpu']).toBe('1');
    expect(pod.node_selector).toEqual({ 'amd.com/gpu.present': 'true' });
    expect(pod.toleration[0].key).toBe('amd.com/gpu');
  });

  test('K8S-RUNTIMECLASS: sandbox runs the pods under the gVisor RuntimeClass', () => {
    const { stack, namespace } = setup();
    const gvisor = new SandboxRuntimeClass(stack, 'Gvisor');
    new HardenedDeployment(stack, 'Untrusted', { namespace, spec: apiSpec(), sandbox: gvisor });
    new HardenedDeployment(stack, 'Kata', { namespace, spec: apiSpec(), sandbox: SandboxRuntimeClass.fromRuntimeClassName('kata-qemu') });
    const json = synth(stack);
    expect(resourceOf(json, 'kubernetes_runtime_class_v1', 'Gvisor')).toEqual({ handler: 'runsc', metadata: { name: 'gvisor', labels: { 'app.kubernetes.io/managed-by': 'cdktf-hybrid' } } });
    expect(resourceOf(json, 'kubernetes_deployment_v1', 'Untrusted').spec.template.spec.runtime_class_name)
      .toMatch(/^\$\{kubernetes_runtime_class_v1\.Gvisor_[0-9A-F]+\.metadata\[0\]\.name\}$/);
    expect(resourceOf(json, 'kubernetes_deployment_v1', 'Kata').spec.template.spec.runtime_class_name).toBe('kata-qemu');
  });

  test('SandboxRuntimeClass for Kata', () => {
    const { stack } = setup();
    const kata = new SandboxRuntimeClass(stack, 'Kata', { runtime: SandboxRuntime.KATA });
    expect(kata.resource).toBeInstanceOf(RuntimeClassV1);
    expect(Node.of(kata).defaultChild).toBe(kata.resource);
    expect(resourceOf(synth(stack), 'kubernetes_runtime_class_v1', 'Kata')).toMatchObject({ handler: 'kata', metadata: { name: 'kata' } });
  });

  test('fails on a SandboxRuntimeClass handler that is not a DNS label', () => {
    const { stack } = setup();
    expect(() => new SandboxRuntimeClass(stack, 'Bad', { handler: 'Kata_QEMU' })).toThrow(/^stack\/Bad: handler: is not a DNS-1123 label \(got "Kata_QEMU"\)/);
  });
});

describe('network policy between workloads', () => {
  function pair() {
    const { stack, namespace } = setup();
    const web = new HardenedDeployment(stack, 'Web', { namespace, workloadName: 'web', spec: apiSpec({ name: 'web' }) });
    const api = new HardenedDeployment(stack, 'Api', { namespace, workloadName: 'api', spec: apiSpec({ ports: [{ name: 'http', containerPort: 8080 }, { name: 'dns', containerPort: 5353, protocol: Protocol.UDP }] }) });
    return { stack, namespace, web, api };
  }
  const nsRef = expect.stringMatching(/^\$\{kubernetes_namespace_v1\.Shop_[0-9A-F]+\.metadata\[0\]\.name\}$/);

  test('by default a workload policy selects its pods, has both policy types and admits nothing (kube-score pod-networkpolicy)', () => {
    const { stack } = pair();
    const policy = resourceOf(synth(stack), 'kubernetes_network_policy_v1', 'Api');
    expect(policy.spec).toEqual({ pod_selector: { match_labels: { 'app.kubernetes.io/name': 'api' } }, policy_types: ['Ingress', 'Egress'] });
  });

  test('allowFrom: ingress on the callee and egress on the caller (both sides get their rule)', () => {
    const { stack, web, api } = pair();
    api.allowFrom(web, 8080);
    const json = synth(stack);
    expect(resourceOf(json, 'kubernetes_network_policy_v1', 'Api').spec.ingress).toEqual([{
      from: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': nsRef } }, pod_selector: { match_labels: { 'app.kubernetes.io/name': 'web' } } }],
      ports: [{ port: '8080', protocol: 'TCP' }],
    }]);
    expect(resourceOf(json, 'kubernetes_network_policy_v1', 'Web').spec.egress).toEqual([{
      to: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': nsRef } }, pod_selector: { match_labels: { 'app.kubernetes.io/name': 'api' } } }],
      ports: [{ port: '8080', protocol: 'TCP' }],
    }]);
  });

  test('allowTo is the mirror of allowFrom and keeps the port protocol', () => {
    const { stack, web } = pair();
    const api = (stack.node.findChild('Api') as HardenedDeployment);
    web.allowTo(api, 5353);
    const json = synth(stack);
    expect(resourceOf(json, 'kubernetes_network_policy_v1', 'Api').spec.ingress[0].ports).toEqual([{ port: '5353', protocol: 'UDP' }]);
    expect(resourceOf(json, 'kubernetes_network_policy_v1', 'Web').spec.egress[0].ports).toEqual([{ port: '5353', protocol: 'UDP' }]);
  });

  test('allowFromNamespace, allowFromCidr, allowToCidr and allowToNamespace', () => {
    const { stack, api } = pair();
    api.allowFromNamespace('ingress-nginx', 8080);
    api.allowFromCidr('10.0.0.0/16', 8080);
    api.allowToCidr('10.20.0.0/24', 5432);
    api.allowToNamespace('monitoring', 4317, Protocol.TCP);
    const spec = resourceOf(synth(stack), 'kubernetes_network_policy_v1', 'Api').spec;
    expect(spec.ingress).toEqual([
      { from: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ port: '8080', protocol: 'TCP' }] },
      { from: [{ ip_block: { cidr: '10.0.0.0/16' } }], ports: [{ port: '8080', protocol: 'TCP' }] },
    ]);
    expect(spec.egress).toEqual([
      { to: [{ ip_block: { cidr: '10.20.0.0/24' } }], ports: [{ port: '5432', protocol: 'TCP' }] },
      { to: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ port: '4317', protocol: 'TCP' }] },
    ]);
  });

  test('the other namespace of a cross-namespace peer is selected by name', () => {
    const { stack, namespace, api } = pair();
    const other = new HardenedNamespace(stack, 'Ops', { namespaceName: 'ops' });
    const probe = new HardenedDeployment(stack, 'Prober', { namespace: other, workloadName: 'prober', spec: apiSpec({ name: 'prober' }) });
    api.allowFrom(probe, 8080);
    const json = synth(stack);
    const from = resourceOf(json, 'kubernetes_network_policy_v1', 'Api').spec.ingress[0].from[0];
    expect(from.namespace_selector.match_labels['kubernetes.io/metadata.name']).toMatch(/kubernetes_namespace_v1\.Ops_/);
    expect(resourceOf(json, 'kubernetes_network_policy_v1', 'Prober').metadata.namespace).toMatch(/kubernetes_namespace_v1\.Ops_/);
    expect(namespace.name).toBe('shop');
  });
});

test('a Deployment without a health probe warns (Checkov CKV_K8S_8/9, kube-score pod-probes)', () => {
  const { stack, namespace } = setup();
  const w = new HardenedDeployment(stack, 'Api', { namespace, spec: apiSpec({ healthProbe: undefined }) });
  expect(warnings(w).join('\n')).toMatch(/spec\.healthProbe is not set.*CKV_K8S_8/);
});
