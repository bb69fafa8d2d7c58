import { synthReferencePlatform } from '../helpers/reference-platform';

describe('reference example: Docker edge workloads (placed by the HybridArchitecture)', () => {
  let out: any;
  beforeAll(() => {
    out = synthReferencePlatform().json;
  });

  test('proxy on the routed front network and a network shared only with the orders API; the API reaches the database through the front network', () => {
    const networks = out.resource.docker_network;
    const byName = (name: string) => Object.entries<any>(networks).find(([, n]) => n.name === name)!;
    const [frontId, front] = byName('edge-front');
    const [pairId, pair] = byName('edge-proxy-orders-api');
    expect(Object.keys(networks)).toHaveLength(2);
    expect([front.internal, front.options['com.docker.network.bridge.enable_icc']]).toEqual([false, 'false']);
    expect([pair.internal, pair.options['com.docker.network.bridge.enable_icc']]).toEqual([true, 'true']);
    const containers = Object.values<any>(out.resource.docker_container);
    const proxy = containers.find((c) => c.name === 'edge-proxy');
    const app = containers.find((c) => c.name === 'orders-api');
    expect(proxy.networks_advanced.map((n: any) => n.name)).toEqual([`\${docker_network.${frontId}.id}`, `\${docker_network.${pairId}.id}`]);
    expect(app.networks_advanced.map((n: any) => n.name)).toEqual([`\${docker_network.${pairId}.id}`, `\${docker_network.${frontId}.id}`]);
    expect(proxy.network_mode).toBeUndefined();
    expect(proxy.ports).toEqual([{ internal: 8080, external: 8443, ip: '${var.edge_bind_ip}', protocol: 'tcp' }]);
    expect(app.ports).toBeUndefined();
    // nginx on Alpine ships BusyBox wget, which the example declares (healthCheckTool WGET)
    expect(proxy.healthcheck.test).toEqual(['CMD', 'wget', '-q', '-O', '/dev/null', 'http://127.0.0.1:8080/healthz']);
  });

  test('each container depends on the scan gate of its own image', () => {
    for (const c of Object.values<any>(out.resource.docker_container)) {
      const imageAddress = /^\$\{(docker_image\.[^.]+)\.image_id\}$/.exec(c.image)![1];
      const imageName = out.resource.docker_image[imageAddress.split('.')[1]].name;
      expect(c.depends_on).toHaveLength(1);
      const gate = out.resource.terraform_data[c.depends_on[0].split('.')[1]];
      expect(gate.triggers_replace.image).toBe(imageName);
      expect(gate.provisioner[0]['local-exec'].command).toContain(imageName);
    }
  });

  test('secrets and registry credentials come from sensitive variables', () => {
    expect(out.provider.docker[0].registry_auth).toEqual([{ address: 'ghcr.io', username: '${var.ghcr_username}', password: '${var.ghcr_password}' }]);
    const app = Object.values<any>(out.resource.docker_container).find((c) => c.name === 'orders-api');
    expect(app.env).toContain('DB_PASSWORD=${var.orders_db_password}');
    for (const name of ['ghcr_username', 'ghcr_password', 'orders_db_password']) expect(out.variable[name].sensitive).toBe(true);
  });

  test('the app data volume is retained', () => {
    const volume = Object.values<any>(out.resource.docker_volume)[0];
    expect(volume).toMatchObject({ name: 'orders-data', lifecycle: { prevent_destroy: true } });
  });
});
