import { Testing } from 'cdktf';
import { HardenedCronJob, HardenedDeployment, HardenedStatefulSet } from '../../lib';
import { apiSpec, message, setup, synth } from './helpers';

/** Every `type.logicalId` address and the Kubernetes object name it carries. */
function addressesAndNames(uniqueNameSuffix: boolean): Record<string, string | undefined> {
  const { stack, namespace } = setup();
  const api = new HardenedDeployment(stack, 'Api', { namespace, spec: apiSpec(), uniqueNameSuffix });
  const db = new HardenedStatefulSet(stack, 'Db', { namespace, spec: apiSpec({ name: 'db', ports: [{ name: 'pg', containerPort: 5432 }], healthProbe: undefined }), uniqueNameSuffix });
  new HardenedCronJob(stack, 'Report', { namespace, schedule: '@daily', spec: apiSpec({ name: 'report', ports: [], healthProbe: undefined }), uniqueNameSuffix });
  api.allowTo(db, 5432);
  const json = synth(stack);
  const out: Record<string, string | undefined> = {};
  for (const [type, byId] of Object.entries<Record<string, any>>(json.resource)) {
    for (const [id, body] of Object.entries(byId)) out[`${type}.${id}`] = body.metadata?.name;
  }
  return out;
}

describe('plain Kubernetes names', () => {
  test('a workload is named after spec.name by default, and so are its ServiceAccount, Service and NetworkPolicy', () => {
    const { stack, namespace } = setup();
    const w = new HardenedDeployment(stack, 'Backend', { namespace, spec: apiSpec() });
    expect(w.workloadName).toBe('api');
    const json = synth(stack);
    for (const type of ['kubernetes_deployment_v1', 'kubernetes_service_v1', 'kubernetes_service_account_v1']) {
      const [body] = Object.values<any>(json.resource[type]);
      expect(body.metadata.name).toBe('api');
    }
    const policies = Object.entries<any>(json.resource.kubernetes_network_policy_v1).filter(([id]) => id.startsWith('Backend'));
    expect(policies.map(([, body]) => body.metadata.name)).toEqual(['api']);
    expect(Object.values<any>(json.resource.kubernetes_deployment_v1)[0].spec.selector.match_labels).toEqual({ 'app.kubernetes.io/name': 'api' });
  });

  test('uniqueNameSuffix appends the construct-path hash; an explicit workloadName wins over both', () => {
    const { stack, namespace } = setup();
    const suffixed = new HardenedDeployment(stack, 'Api', { namespace, spec: apiSpec(), uniqueNameSuffix: true });
    expect(suffixed.workloadName).toMatch(/^api-[0-9a-f]{8}$/);
    const named = new HardenedDeployment(stack, 'Named', { namespace, spec: apiSpec({ name: 'x' }), workloadName: 'shop-api', uniqueNameSuffix: true });
    expect(named.workloadName).toBe('shop-api');
  });

  test('Terraform addresses do not change with the naming mode; only the object names do', () => {
    const plain = addressesAndNames(false);
    const suffixed = addressesAndNames(true);
    expect(Object.keys(plain)).toEqual(Object.keys(suffixed));
    // The addresses come from construct ids (checked list: a rename must never move them).
    expect(Object.keys(plain).sort()).toEqual([
      'kubernetes_cron_job_v1.Report_C847FC22',
      'kubernetes_deployment_v1.Api_F70053CD',
      'kubernetes_limit_range_v1.Shop_LimitRange_985E431C',
      'kubernetes_namespace_v1.Shop_563325D0',
      'kubernetes_network_policy_v1.Api_NetworkPolicy_E8826A7D',
      'kubernetes_network_policy_v1.Db_NetworkPolicy_26DDE344',
      'kubernetes_network_policy_v1.Report_NetworkPolicy_14B8DA05',
      'kubernetes_network_policy_v1.Shop_DefaultDenyNetworkPolicy_E5F4DECC',
      'kubernetes_network_policy_v1.Shop_DnsEgressNetworkPolicy_15C782AB',
      'kubernetes_pod_disruption_budget_v1.Api_PodDisruptionBudget_C9A5D7BD',
      'kubernetes_resource_quota_v1.Shop_ResourceQuota_590EC0F1',
      'kubernetes_service_account_v1.Api_ServiceAccount_38CD1B15',
      'kubernetes_service_account_v1.Db_ServiceAccount_72BFFFB5',
      'kubernetes_service_account_v1.Report_ServiceAccount_92871EDE',
      'kubernetes_service_v1.Api_Service_89E3D990',
      'kubernetes_service_v1.Db_HeadlessService_D6A02EB2',
      'kubernetes_service_v1.Db_Service_CDCF57D0',
      'kubernetes_stateful_set_v1.Db_5D02A0A9',
    ]);
    expect(plain['kubernetes_deployment_v1.Api_F70053CD']).toBe('api');
    expect(suffixed['kubernetes_deployment_v1.Api_F70053CD']).toMatch(/^api-[0-9a-f]{8}$/);
    expect(plain['kubernetes_stateful_set_v1.Db_5D02A0A9']).toBe('db');
    expect(plain['kubernetes_cron_job_v1.Report_C847FC22']).toBe('report');
  });

  test('two workloads with the same spec.name in one namespace still fail at synth (clash detection)', () => {
    const { stack, namespace } = setup();
    new HardenedDeployment(stack, 'Api', { namespace, spec: apiSpec() });
    new HardenedDeployment(stack, 'Api2', { namespace, spec: apiSpec() });
    expect(() => Testing.synth(stack, true)).toThrow(/stack\/Api2: workloadName: is also used by stack\/Api in the same namespace/);
  });

  test('a spec.name longer than 52 characters needs an explicit workloadName', () => {
    const { stack, namespace } = setup();
    expect(message(() => new HardenedDeployment(stack, 'Api', { namespace, spec: apiSpec({ name: 'a'.repeat(60) }) })))
      .toMatch(/^stack\/Api: spec\.name: is longer than 52 characters.*Set workloadName/);
  });
});
