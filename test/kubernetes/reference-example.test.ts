import { resourceAt, synthReferencePlatform } from '../helpers/reference-platform';
import { podTemplateOf, sameCheck } from './helpers';

describe('reference example: Kubernetes workloads (placed by the HybridArchitecture)', () => {
  let json: any;
  beforeAll(() => {
    json = synthReferencePlatform().json;
  });

  const policy = (workload: string, kind = 'Deployment') => resourceAt(json, 'kubernetes_network_policy_v1', `Shop/${workload}/${kind}/NetworkPolicy`).spec;
  const selects = (name: string) => (peer: any) => peer.pod_selector?.match_labels?.['app.kubernetes.io/name'] === name;

  test('a hardened namespace "shop" enforcing restricted', () => {
    const ns = resourceAt(json, 'kubernetes_namespace_v1', 'Shop/KubernetesTier/Namespace/Resource');
    expect(ns.metadata.name).toBe('shop');
    expect(ns.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  test('the Services carry the declared names', () => {
    const names = Object.values<any>(json.resource.kubernetes_service_v1).map((s) => s.metadata.name).sort();
    expect(names).toEqual(['shop-api', 'shop-web']);
  });

  test('web → api: egress on web and ingress on api, port 8080', () => {
    expect(policy('Web').egress.some((r: any) => r.to.some(selects('shop-api')) && r.ports[0].port === '8080')).toBe(true);
    expect(policy('Api').ingress.some((r: any) => r.from.some(selects('shop-web')) && r.ports[0].port === '8080')).toBe(true);
  });

  test('api → the database VMs and the inference VM: egress to their /32 addresses only', () => {
    const egress = policy('Api').egress.map((r: any) => [r.to[0].ip_block?.cidr, r.ports[0].port]);
    expect(egress).toEqual([['10.0.110.11/32', '5432'], ['10.0.110.12/32', '5432'], ['10.0.120.21/32', '8000']]);
  });

  test('the report job reaches only the primary database', () => {
    expect(policy('NightlyReport', 'CronJob').egress).toEqual([{ to: [{ ip_block: { cidr: '10.0.110.11/32' } }], ports: [{ port: '5432', protocol: 'TCP' }] }]);
  });

  test('web admits the ingress controller and the Docker edge host, nothing else from outside the namespace', () => {
    const ingress = policy('Web').ingress.map((r: any) => r.from[0]);
    expect(ingress).toEqual([
      { namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
      { ip_block: { cidr: '10.0.50.10/32' } },
    ]);
  });

  test('the database password never appears as a literal', () => {
    const secret = resourceAt(json, 'kubernetes_secret_v1', 'Shop/Api/Deployment/EnvSecret');
    expect(secret.data).toEqual({ 'shop-api.DB_PASSWORD': '${var.shop_db_password}' });
    expect(json.variable.shop_db_password.sensitive).toBe(true);
  });

  test('kube-score "Pod Probes Identical": no container has a liveness check equal to its readiness check', () => {
    let probed = 0;
    for (const type of ['kubernetes_deployment_v1', 'kubernetes_stateful_set_v1', 'kubernetes_cron_job_v1']) {
      for (const resource of Object.values<any>(json.resource[type] ?? {})) {
        for (const c of podTemplateOf(type, resource).spec.container) {
          if (c.liveness_probe && c.readiness_probe) {
            probed++;
            expect(sameCheck(c.liveness_probe, c.readiness_probe)).toBe(false);
          }
        }
      }
    }
    expect(probed).toBe(2); // shop-web and shop-api (the database is a VM pair now; the report job has no probe)
  });
});
