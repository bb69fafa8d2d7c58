import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { StatefulSetV1 } from '@cdktf/provider-kubernetes/lib/stateful-set-v1';
import { Testing } from 'cdktf';
import { Node } from 'constructs';
import { HardenedNamespace, HardenedStatefulSet, HealthProbe, PersistentVolumeAccessMode, RemovalPolicy, Size } from '../../lib';
import { apiSpec, resourceOf, setup, synth } from './helpers';

const dbSpec = apiSpec({ name: 'db', ports: [{ name: 'pg', containerPort: 5432 }], healthProbe: HealthProbe.tcp({ port: 5432 }), writablePaths: ['/var/run/postgresql'] });
const claims = [{ name: 'data', mountPath: '/var/lib/postgresql/data', storage: Size.gibibytes(20), storageClassName: 'fast-ssd' }];

function statefulSet(props: Partial<ConstructorParameters<typeof HardenedStatefulSet>[2]> = {}) {
  const { stack, namespace } = setup();
  const workload = new HardenedStatefulSet(stack, 'Db', { namespace, workloadName: 'db', spec: dbSpec, volumeClaims: claims, ...props });
  const json = synth(stack);
  return { workload, json, resource: resourceOf(json, 'kubernetes_stateful_set_v1', 'Db') };
}

describe('HardenedStatefulSet', () => {
  test('default output (snapshot)', () => {
    expect(Testing.synthScope((s) => {
      const namespace = new HardenedNamespace(s, 'Shop', { namespaceName: 'shop' });
      new HardenedStatefulSet(s, 'Db', { namespace, spec: dbSpec, volumeClaims: claims });
    })).toMatchSnapshot();
  });

  test('escape hatches: defaultChild is the stateful set; the headless Service is public', () => {
    const { workload } = statefulSet();
    expect(Node.of(workload).defaultChild).toBe(workload.resource);
    expect(workload.resource).toBeInstanceOf(StatefulSetV1);
    expect(workload.headlessServiceResource).toBeInstanceOf(ServiceV1);
    expect(workload.serviceResource).toBeInstanceOf(ServiceV1);
  });

  test('protected from destroy by default (RemovalPolicy.RETAIN), claims retained on delete and scale-down', () => {
    const { resource, workload } = statefulSet();
    expect(workload.removalPolicy).toBe(RemovalPolicy.RETAIN);
    expect(resource.lifecycle).toEqual({ prevent_destroy: true });
    expect(resource.spec.persistent_volume_claim_retention_policy).toEqual([{ when_deleted: 'Retain', when_scaled: 'Retain' }]);
  });

  test('opt-out: removalPolicy DESTROY allows destroy, deletes claims with the set, and warns', () => {
    const { resource, workload } = statefulSet({ removalPolicy: RemovalPolicy.DESTROY });
    expect(resource.lifecycle).toEqual({ prevent_destroy: false });
    expect(resource.spec.persistent_volume_claim_retention_policy).toEqual([{ when_deleted: 'Delete', when_scaled: 'Retain' }]);
    expect(Node.of(workload).metadata.map((m) => String(m.data)).join('\n')).toMatch(/removalPolicy is DESTROY/);
  });

  test('volume claim templates with size, class and access mode, mounted into the main container', () => {
    const { resource } = statefulSet();
    expect(resource.spec.volume_claim_template).toEqual([{
      metadata: { name: 'data', labels: { 'app.kubernetes.io/managed-by': 'cdktf-hybrid', 'app.kubernetes.io/name': 'db' } },
      spec: { access_modes: ['ReadWriteOnce'], storage_class_name: 'fast-ssd', resources: { requests: { storage: '20Gi' } } },
    }]);
    expect(resource.spec.template.spec.container[0].volume_mount).toEqual([
      { name: 'db-scratch-0', mount_path: '/var/run/postgresql', read_only: false },
      { name: 'data', mount_path: '/var/lib/postgresql/data', read_only: false },
    ]);
  });

  test('access mode option', () => {
    const { resource } = statefulSet({ volumeClaims: [{ ...claims[0], accessMode: PersistentVolumeAccessMode.READ_WRITE_ONCE_POD }] });
    expect(resource.spec.volume_claim_template[0].spec.access_modes).toEqual(['ReadWriteOncePod']);
  });

  test('a governing headless Service (kube-score statefulset-has-servicename)', () => {
    const { resource, json } = statefulSet();
    const headless = resourceOf(json, 'kubernetes_service_v1', 'Db_HeadlessService');
    expect(headless.metadata.name).toBe('db-headless');
    expect(headless.spec).toEqual({
      cluster_ip: 'None', publish_not_ready_addresses: false, selector: { 'app.kubernetes.io/name': 'db' },
      port: [{ name: 'pg', port: 5432, target_port: 'pg', protocol: 'TCP' }],
    });
    expect(resource.spec.service_name).toMatch(/^\$\{kubernetes_service_v1\.Db_HeadlessService_[0-9A-F]+\.metadata\[0\]\.name\}$/);
  });

  test('one replica by default: no spreading, no PodDisruptionBudget; three replicas get both', () => {
    const one = statefulSet();
    expect(one.resource.spec.replicas).toBe('1');
    expect(one.workload.podDisruptionBudgetResource).toBeUndefined();
    const three = statefulSet({ replicas: 3 });
    expect(three.resource.spec.template.spec.affinity.pod_anti_affinity).toBeDefined();
    expect(three.resource.spec.template.spec.topology_spread_constraint).toHaveLength(1);
    expect(resourceOf(three.json, 'kubernetes_pod_disruption_budget_v1', 'Db').spec.max_unavailable).toBe('1');
  });

  test('autoscaling targets the StatefulSet', () => {
    const { json, resource } = statefulSet({ autoscaling: { minReplicas: 3, maxReplicas: 5 } });
    expect(resource.spec.replicas).toBeUndefined();
    expect(resourceOf(json, 'kubernetes_horizontal_pod_autoscaler_v2', 'Db').spec.scale_target_ref.kind).toBe('StatefulSet');
  });
});
