import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { HybridArchitecture, Policy, PlacementTarget } from '../../lib';
import { runExample } from '../helpers/run-example';
import { DB_VM, newArchitecture, newStack, service } from './fixtures';

/** A small estate: two Kubernetes services, an edge container, a database VM, one override and one suppression. */
function estate(reverse = false): HybridArchitecture {
  const stack = newStack();
  const arch = newArchitecture(stack, { capacity: { kubernetesNodes: { cpuCores: 8, memoryGiB: 32, hostCount: 2 }, vsphereHosts: { cpuCores: 16, memoryGiB: 128 } } });
  const add = [
    () => arch.addContainerWorkload('Web', { spec: service('web', 8080), replicas: 2 }),
    () => arch.addContainerWorkload('Api', { spec: service('api', 9000), requirements: { edge: true }, placement: PlacementTarget.KUBERNETES, placementReason: 'the edge site runs k3s now' }),
    () => arch.addContainerWorkload('Proxy', { spec: { ...service('proxy', 8443), healthProbe: undefined }, requirements: { edge: true }, publishedPorts: [{ containerPort: 8443, hostPort: 18443 }] }),
    () => arch.addVmWorkload('Db', { spec: DB_VM, requirements: { machineSnapshots: true }, vlanId: 110, ipv4Address: '10.0.110.11' }),
  ];
  for (const f of reverse ? [...add].reverse() : add) f();
  const [web, api, proxy, db] = ['web', 'api', 'proxy', 'db-01'].map((n) => arch.workloads.find((w) => w.workloadName === n)!);
  arch.connect(web, api, 9000);
  arch.connect(api, db, 5432);
  arch.connect(proxy, web, 8080);
  Policy.suppress(proxy, 'DOCKER-HEALTHCHECK', 'the vendor proxy image has no health endpoint; monitored by the load balancer');
  Testing.synth(arch.node.scope as any);
  return arch;
}

describe('review report', () => {
  let arch: HybridArchitecture;
  let json: any;
  let markdown: string;
  beforeAll(() => {
    arch = estate();
    const review = arch.renderReview();
    json = JSON.parse(review.json);
    markdown = review.markdown;
  });

  test('review.md matches the reviewed snapshot', () => {
    expect(markdown).toMatchSnapshot();
  });

  test('review.json matches the reviewed snapshot', () => {
    expect(json).toMatchSnapshot();
  });

  test('workloads in stable order (tier, then name), each with placement, reasons, isolation, controls, findings and footprint', () => {
    expect(json.workloads.map((w: any) => [w.name, w.tier, w.kind, w.placement.isolation])).toEqual([
      ['api', 'kubernetes', 'Deployment', 'SHARED_KERNEL'], ['web', 'kubernetes', 'Deployment', 'SHARED_KERNEL'],
      ['proxy', 'docker', 'Container', 'SHARED_KERNEL'], ['db-01', 'vsphere', 'VirtualMachine', 'HYPERVISOR'],
    ]);
    const db = json.workloads[3];
    expect(db.placement.rules).toEqual(['PLACE-SNAPSHOTS', 'PLACE-VSPHERE']);
    expect(db.controls).toContain('VM-EFI-SECUREBOOT: EFI firmware with Secure Boot');
    expect(db.findings.map((f: any) => f.ruleId)).toContain('VM-ENCRYPTION');
    expect(db.footprint).toMatchObject({ cpuLimitMillicores: 4000, memoryLimitMiB: 8320, diskGiB: 240, instancesPerHost: 16 });
  });

  test('the override is recorded with the advice and the reason', () => {
    expect(json.workloads[0].override).toEqual({ explicit: true, disagrees: true, reason: 'the edge site runs k3s now' });
    expect(json.summary.overrides).toBe(1);
    expect(markdown).toContain('| api | Kubernetes | Deployment | SHARED_KERNEL | EXPLICIT | **no** (advice: Docker) | 2 |');
  });

  test('the suppression shows on its workload, with the finding it accepted', () => {
    const proxy = json.workloads[2];
    expect(proxy.suppressions).toEqual([{ ruleId: 'DOCKER-HEALTHCHECK', reason: 'the vendor proxy image has no health endpoint; monitored by the load balancer', scope: 'test/Shop/Proxy' }]);
    expect(proxy.findings).toContainEqual(expect.objectContaining({ ruleId: 'DOCKER-HEALTHCHECK', suppressed: true }));
  });

  test('flows and the sides no platform enforces', () => {
    expect(json.flows.map((f: any) => [f.from, f.to, f.port, f.sides.map((s: any) => s.enforced)])).toEqual([
      ['web', 'api', 9000, [true, true]], ['api', 'db-01', 5432, [true, false]], ['proxy', 'web', 8080, [false, true]],
    ]);
    expect(json.unenforceable.map((u: any) => `${u.flow}: ${u.side}`)).toEqual([
      'api → db-01 5432/TCP: ingress of db-01 (vSphere)', 'proxy → web 8080/TCP: egress of proxy (Docker)',
    ]);
    expect(markdown).toContain('## Not enforceable\n\n- **api → db-01 5432/TCP**, ingress of db-01 (vSphere): vSphere segments by VLAN only');
  });

  test('the capacity plan per tier and in total', () => {
    expect(json.capacity.tiers.map((t: any) => t.tier)).toEqual(['kubernetes', 'docker', 'vsphere']);
    expect(json.capacity.total.workloads).toBe(4);
    expect(markdown).toMatch(/\| vsphere \| 1 \| 1 \| 0 \/ 4 \| 128 MiB \/ 8320 MiB \| 0 MiB \| 240 GiB \| 100m CPU, 640 MiB \| 16 CPU, 128 GiB \| 0.25:1 \/ 0.06:1 \|/);
  });

  test('the diagram is in review.md as a mermaid block, and in review.json', () => {
    expect(markdown).toContain('```mermaid\nflowchart LR\n');
    expect(json.mermaid).toBe(arch.renderReview().mermaid);
    expect(json.mermaid).toContain('w_Web ==>|"9000/TCP · enforced"| w_Api');
    expect(json.mermaid).toContain('w_Api -.->|"5432/TCP · 1 side(s) not enforced"| w_Db');
  });

  test('deterministic: the same estate declared in another order gives the same report', () => {
    const again = estate(true).renderReview();
    expect(again.json).toBe(arch.renderReview().json);
    expect(again.markdown).toBe(markdown);
  });
});

describe('review files at synth', () => {
  const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'reference-platform', 'main.ts');
  const synthInto = (): string => path.join(runExample(EXAMPLE, 'review-'), 'stacks', 'reference-platform');

  test('review.md and review.json are written next to cdk.tf.json, byte-identical over two synth runs', () => {
    const first = synthInto();
    const second = synthInto();
    for (const file of ['review.md', 'review.json', 'cdk.tf.json']) {
      const a = fs.readFileSync(path.join(first, file));
      expect(a.length).toBeGreaterThan(1000);
      expect(a.equals(fs.readFileSync(path.join(second, file)))).toBe(true);
    }
    const review = JSON.parse(fs.readFileSync(path.join(first, 'review.json'), 'utf8'));
    expect(review.stack).toBe('reference-platform');
    expect(review.summary).toMatchObject({ workloads: 8, flows: 8, unsuppressedFailures: 0 });
  });
});

test('a synth that fails on a blocking finding still writes the review, which shows the finding', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-failing-'));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'failing');
  new DockerProvider(stack, 'docker', { host: 'unix:///var/run/docker.sock' });
  const arch = new HybridArchitecture(stack, 'Edge', { docker: { allowedRegistries: ['registry.example.internal'] } });
  const proxy = arch.addContainerWorkload('Proxy', { spec: service('proxy', 8080), requirements: { edge: true } });
  proxy.container!.resource.privileged = true; // escape hatch: DOCKER-NO-PRIVILEGED is HIGH and blocks synth
  expect(() => app.synth()).toThrow();
  const review = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'failing', 'review.json'), 'utf8'));
  expect(review.workloads[0].findings).toContainEqual(expect.objectContaining({ ruleId: 'DOCKER-NO-PRIVILEGED', severity: 'HIGH', suppressed: false }));
  expect(review.summary.unsuppressedFailures).toBe(1);
});
