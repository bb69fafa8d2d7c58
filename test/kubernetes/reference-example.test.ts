import { addKubernetesTier } from '../../examples/reference-platform/kubernetes-tier';
import { podTemplateOf, resourceOf, sameCheck, setup, synth } from './helpers';

describe('reference example: Kubernetes tier', () => {
  let json: any;
  beforeAll(() => {
    const { stack } = setup();
    addKubernetesTier(stack);
    json = synth(stack);
  });

  const policy = (prefix: string) => resourceOf(json, 'kubernetes_network_policy_v1', `KubernetesTier_${prefix}_NetworkPolicy`).spec;
  const selects = (name: string) => (peer: any) => peer.pod_selector?.match_labels?.['app.kubernetes.io/name'] === name;

  test('a hardened namespace enforcing restricted', () => {
    const ns = resourceOf(json, 'kubernetes_namespace_v1', 'KubernetesTier_Shop');
    expect(ns.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  test('web → api: egress on web and ingress on api, port 8080', () => {
    expect(policy('Web').egress.some((r: any) => r.to.some(selects('shop-api')) && r.ports[0].port === '8080')).toBe(true);
    expect(policy('Api').ingress.some((r: any) => r.from.some(selects('shop-web')) && r.ports[0].port === '8080')).toBe(true);
  });

  test('api and report → database on 5432; nothing else reaches the database', () => {
    const ingress = policy('Database').ingress;
    expect(ingress.map((r: any) => r.from[0].pod_selector.match_labels['app.kubernetes.io/name']).sort()).toEqual(['shop-api', 'shop-report']);
    expect(policy('NightlyReport').egress[0].ports).toEqual([{ port: '5432', protocol: 'TCP' }]);
  });

  test('the database password never appears as a literal', () => {
    const secret = resourceOf(json, 'kubernetes_secret_v1', 'KubernetesTier_Database_EnvSecret');
    expect(secret.data).toEqual({ 'postgres.POSTGRES_PASSWORD': '${var.shop_db_password}' });
    expect(json.variable.shop_db_password.sensitive).toBe(true);
  });

  test('kube-score "Pod Probes Identical": no container has a liveness check equal to its readiness check', () => {
    let probed = 0;
    for (const type of ['kubernetes_deployment_v1', 'kubernetes_stateful_set_v1', 'kubernetes_cron_job_v1']) {
      for (const resource of Object.values<any>(json.resource[type])) {
        for (const c of podTemplateOf(type, resource).spec.container) {
          if (c.liveness_probe && c.readiness_probe) {
            probed++;
            expect(sameCheck(c.liveness_probe, c.readiness_probe)).toBe(false);
          }
        }
      }
    }
    expect(probed).toBeGreaterThanOrEqual(3);
  });
});
