// The kinds added for issue 15: HardenedDaemonSet, HardenedJob, ConfigMap with file mounts,
// HardenedIngress and NodePort/LoadBalancer exposure. Each is policy-clean with its defaults.
import { Node } from 'constructs';
import { TerraformStack, Testing } from 'cdktf';
import {
  ConfigMap, FindingStatus, HardenedDaemonSet, HardenedDeployment, HardenedIngress, HardenedJob, HealthProbe, PolicyChecks, PolicyPacks,
  ServiceExposure,
} from '../../lib';
import { apiSpec, message, resourceOf, setup, synth } from './helpers';

/** Unsuppressed failures of the Kubernetes pack, as `RULE-ID address`. */
function failures(stack: TerraformStack): string[] {
  const checks = PolicyChecks.applyTo(stack, { rules: PolicyPacks.kubernetes(), writeReports: false });
  Testing.synth(stack);
  return checks.findings.filter((f) => f.status === FindingStatus.FAIL && !f.suppressed).map((f) => `${f.ruleId} ${f.resourceAddress}`);
}

function warnings(c: Node | any): string[] {
  return Node.of(c).metadata.filter((m) => /warn/i.test(m.type)).map((m) => String(m.data));
}

describe('HardenedDaemonSet', () => {
  test('defaults: one node at a time, min ready 10 s, no tolerations, no node selector; policy-clean', () => {
    const { stack, namespace } = setup();
    new HardenedDaemonSet(stack, 'Agent', { namespace, spec: apiSpec({ name: 'agent' }) });
    const ds = resourceOf(synth(stack), 'kubernetes_daemon_set_v1', 'Agent');
    expect(ds.metadata.name).toBe('agent');
    expect(ds.spec.strategy).toEqual({ type: 'RollingUpdate', rolling_update: { max_unavailable: '1' } });
    expect(ds.spec.min_ready_seconds).toBe(10);
    expect(ds.spec.template.spec.toleration).toBeUndefined();
    expect(ds.spec.template.spec.node_selector).toBeUndefined();
    expect(ds.spec.template.spec.host_network).toBe(false);
    expect(failures(stack)).toEqual([]);
  });

  test('tolerations name their taint; tolerateControlPlane adds the control-plane toleration and a warning', () => {
    const { stack, namespace } = setup();
    const ds = new HardenedDaemonSet(stack, 'Agent', {
      namespace, spec: apiSpec({ name: 'agent' }), nodeSelector: { pool: 'edge' }, tolerateControlPlane: true,
      tolerations: [{ key: 'dedicated', value: 'monitoring', effect: 'NoSchedule' }],
    });
    const pod = resourceOf(synth(stack), 'kubernetes_daemon_set_v1', 'Agent').spec.template.spec;
    expect(pod.node_selector).toEqual({ pool: 'edge' });
    expect(pod.toleration).toEqual([
      { key: 'dedicated', operator: 'Equal', value: 'monitoring', effect: 'NoSchedule' },
      { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    expect(warnings(ds)).toContainEqual(expect.stringMatching(/^tolerateControlPlane is true/));
    const other = setup();
    expect(message(() => new HardenedDaemonSet(other.stack, 'Agent', { namespace: other.namespace, spec: apiSpec(), tolerations: [{ key: '' }] })))
      .toMatch(/^stack\/Agent: tolerations\[0\]\.key: is required: a toleration without a key tolerates every taint/);
  });
});

describe('HardenedJob', () => {
  test('defaults: deadline, backoff, one completion, OnFailure, no TTL (Terraform owns the Job), apply does not wait; policy-clean', () => {
    const { stack, namespace } = setup();
    new HardenedJob(stack, 'Migrate', { namespace, spec: apiSpec({ name: 'migrate', ports: undefined, healthProbe: undefined, args: ['migrate'] }) });
    const job = resourceOf(synth(stack), 'kubernetes_job_v1', 'Migrate');
    expect(job.wait_for_completion).toBe(false);
    expect(job.spec).toMatchObject({ active_deadline_seconds: 3600, backoff_limit: 3, completions: 1, parallelism: 1 });
    expect(job.spec.ttl_seconds_after_finished).toBeUndefined();
    expect(job.spec.template.spec.restart_policy).toBe('OnFailure');
    expect(failures(stack)).toEqual([]);
  });

  test('parallelism above completions is rejected', () => {
    const { stack, namespace } = setup();
    expect(message(() => new HardenedJob(stack, 'Migrate', { namespace, spec: apiSpec(), completions: 2, parallelism: 3 })))
      .toMatch(/^stack\/Migrate: parallelism: .*\(got 3\)/);
  });
});

describe('ConfigMap and file mounts', () => {
  test('ConfigMaps (0444) and Secrets (0440) are mounted read-only; PSS restricted allows both; policy-clean', () => {
    const { stack, namespace } = setup();
    const config = new ConfigMap(stack, 'ApiConfig', { namespace, data: { 'app.yaml': 'level: info\n' } });
    new HardenedDeployment(stack, 'Api', {
      namespace, spec: apiSpec(),
      files: [{ mountPath: '/etc/api', configMap: config }, { mountPath: '/run/secrets/db', secretName: 'db-credentials' }],
    });
    const json = synth(stack);
    expect(resourceOf(json, 'kubernetes_config_map_v1', 'ApiConfig')).toMatchObject({ metadata: { name: 'apiconfig' }, data: { 'app.yaml': 'level: info\n' }, immutable: false });
    const pod = resourceOf(json, 'kubernetes_deployment_v1', 'Api').spec.template.spec;
    expect(pod.volume).toEqual(expect.arrayContaining([
      { name: 'files-0', config_map: { name: 'apiconfig', default_mode: '0444' } },
      { name: 'files-1', secret: { secret_name: 'db-credentials', default_mode: '0440' } },
    ]));
    expect(pod.container[0].volume_mount).toEqual(expect.arrayContaining([
      { name: 'files-0', mount_path: '/etc/api', read_only: true },
      { name: 'files-1', mount_path: '/run/secrets/db', read_only: true },
    ]));
    expect(failures(stack)).toEqual([]);
  });

  test('bad mounts fail with the prop and the fix', () => {
    const { stack, namespace } = setup();
    const config = new ConfigMap(stack, 'Cfg', { namespace, data: { a: 'b' } });
    const build = (files: any[]) => message(() => new HardenedDeployment(stack, `Api${Math.random().toString(36).slice(2, 8)}`, { namespace, spec: apiSpec(), workloadName: 'x', files }));
    expect(build([{ mountPath: '/etc/a' }])).toMatch(/files\[0\]: must give exactly one of configMap and secretName/);
    expect(build([{ mountPath: '/tmp', configMap: config }])).toMatch(/files\[0\]\.mountPath: is already mounted in container "api"/);
    expect(build([{ mountPath: '/etc/a', secretName: 's', containerName: 'nope' }])).toMatch(/files\[0\]\.containerName: is not a container of the pod \(got "nope"\)\. Use one of: api\./);
    const foreign = new ConfigMap(stack, 'Foreign', { namespace: { namespaceName: 'other' } as any, data: { a: 'b' } });
    expect(message(() => new HardenedDeployment(stack, 'Literal', { namespace: { namespaceName: 'shop' } as any, spec: apiSpec(), workloadName: 'y', files: [{ mountPath: '/etc/a', configMap: foreign }] })))
      .toMatch(/files\[0\]\.configMap: is in namespace "other", not the workload's \("shop"\)/);
    expect(message(() => new ConfigMap(stack, 'Bad', { namespace, data: { 'a/b': 'x' } }))).toMatch(/^stack\/Bad: data: has a key that is not a valid file name \(got "a\/b"\)/);
  });
});

describe('HardenedIngress and Service exposure', () => {
  test('TLS for every host, an explicit class, routes to the ClusterIP Service, and the controller namespace admitted; policy-clean', () => {
    const { stack, namespace } = setup();
    const web = new HardenedDeployment(stack, 'Web', { namespace, spec: apiSpec({ name: 'web' }) });
    const ingress = new HardenedIngress(stack, 'Front', {
      namespace, ingressClassName: 'nginx', tlsSecretName: 'shop-tls', controllerNamespace: 'ingress-nginx',
      routes: [{ host: 'shop.example.com', backend: web, port: 8080 }, { host: 'shop.example.com', path: '/static', backend: web, port: 8080 }],
    });
    const json = synth(stack);
    const spec = resourceOf(json, 'kubernetes_ingress_v1', 'Front').spec;
    expect(ingress.hosts).toEqual(['shop.example.com']);
    expect(spec.ingress_class_name).toBe('nginx');
    expect(spec.tls).toEqual([{ hosts: ['shop.example.com'], secret_name: 'shop-tls' }]);
    expect(spec.rule[0].http.path.map((p: any) => [p.path, p.path_type, p.backend.service.port.number])).toEqual([['/', 'Prefix', 8080], ['/static', 'Prefix', 8080]]);
    expect(spec.rule[0].http.path[0].backend.service.name).toMatch(/^\$\{kubernetes_service_v1\.Web_Service_[0-9A-F]+\.metadata\[0\]\.name\}$/);
    const policy = resourceOf(json, 'kubernetes_network_policy_v1', 'Web_NetworkPolicy').spec;
    expect(policy.ingress).toEqual([{ from: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ port: '8080', protocol: 'TCP' }] }]);
    expect(resourceOf(json, 'kubernetes_service_v1', 'Web_Service').spec.type).toBe('ClusterIP');
    expect(failures(stack)).toEqual([]);
  });

  test('an Ingress route to an undeclared port is rejected', () => {
    const { stack, namespace } = setup();
    const web = new HardenedDeployment(stack, 'Web', { namespace, spec: apiSpec({ name: 'web' }) });
    expect(message(() => new HardenedIngress(stack, 'Front', { namespace, ingressClassName: 'nginx', tlsSecretName: 'tls', routes: [{ host: 'shop.example.com', backend: web, port: 9090 }] })))
      .toMatch(/^stack\/Front: routes\[0\]\.port: is not a port workload "web" serves \(declared: 8080\)/);
  });

  test('NodePort and LoadBalancer Services are reported by K8S-SERVICE-EXPOSURE unless exposureReason says why', () => {
    const exposed = setup();
    new HardenedDeployment(exposed.stack, 'Web', { namespace: exposed.namespace, spec: apiSpec({ name: 'web' }), serviceExposure: ServiceExposure.NODE_PORT });
    expect(failures(exposed.stack)).toEqual([expect.stringMatching(/^K8S-SERVICE-EXPOSURE kubernetes_service_v1\.Web_Service_/)]);

    const intended = setup();
    new HardenedDeployment(intended.stack, 'Web', {
      namespace: intended.namespace, spec: apiSpec({ name: 'web' }), serviceExposure: ServiceExposure.LOAD_BALANCER,
      exposureReason: 'public shop front, ticket NET-42', loadBalancerSourceRanges: ['203.0.113.0/24'],
    });
    expect(failures(intended.stack)).toEqual([]);
    const service = resourceOf(synth(intended.stack), 'kubernetes_service_v1', 'Web_Service');
    expect(service.spec).toMatchObject({ type: 'LoadBalancer', load_balancer_source_ranges: ['203.0.113.0/24'] });

    const bad = setup();
    expect(message(() => new HardenedDeployment(bad.stack, 'Web', { namespace: bad.namespace, spec: apiSpec(), exposureReason: 'because we can' })))
      .toMatch(/^stack\/Web: exposureReason: is given for a ClusterIP Service, which is not exposed/);
  });

  test('a probe-less DaemonSet still warns (node agents need health checks too)', () => {
    const { stack, namespace } = setup();
    const ds = new HardenedDaemonSet(stack, 'Agent', { namespace, spec: apiSpec({ healthProbe: undefined }) });
    expect(warnings(ds)).toContainEqual(expect.stringMatching(/^spec\.healthProbe is not set/));
    void HealthProbe;
  });
});
