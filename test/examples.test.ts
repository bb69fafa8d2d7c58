import * as fs from 'fs';
import * as path from 'path';
import { runExample } from './helpers/run-example';
import { loadSchema, stackProblems } from './vm/schema-helpers';

const EXAMPLES = path.join(__dirname, '..', 'examples');
const examples = fs.readdirSync(EXAMPLES).filter((name) => fs.existsSync(path.join(EXAMPLES, name, 'main.ts')));

/** Runs an example's main.ts the way `cdktf synth` does, into a fresh CDKTF_OUTDIR, and returns each stack's JSON. */
function synthExample(name: string): Record<string, any> {
  const outdir = runExample(path.join(EXAMPLES, name, 'main.ts'), `example-${name}-`);
  const stacksDir = path.join(outdir, 'stacks');
  const stacks: Record<string, any> = {};
  for (const stack of fs.readdirSync(stacksDir)) {
    stacks[stack] = JSON.parse(fs.readFileSync(path.join(stacksDir, stack, 'cdk.tf.json'), 'utf8'));
    const files = fs.readdirSync(path.join(stacksDir, stack));
    Object.defineProperty(stacks[stack], FILES, { value: files, enumerable: false });
    if (files.includes('review.json')) {
      Object.defineProperty(stacks[stack], REVIEW, { value: JSON.parse(fs.readFileSync(path.join(stacksDir, stack, 'review.json'), 'utf8')), enumerable: false });
    }
    if (files.includes('policy-report.json')) {
      Object.defineProperty(stacks[stack], POLICY, { value: JSON.parse(fs.readFileSync(path.join(stacksDir, stack, 'policy-report.json'), 'utf8')), enumerable: false });
    }
  }
  return stacks;
}

const FILES = Symbol('files');
const REVIEW = Symbol('review.json');
const POLICY = Symbol('policy-report.json');

test('the reference example is listed first in cdktf.json', () => {
  const config = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'cdktf.json'), 'utf8'));
  expect(config.app).toContain('examples/reference-platform/main.ts');
  expect(examples).toContain('reference-platform');
});

describe.each(examples)('example %s', (name) => {
  let stacks: Record<string, any>;
  beforeAll(() => {
    stacks = synthExample(name);
  });

  test('synthesizes at least one stack with a cdk.tf.json', () => {
    expect(Object.keys(stacks).length).toBeGreaterThan(0);
  });

  test('hyperv_* and virtualbox_* blocks use only the providers\' schema attribute names and value forms', () => {
    const schemas = [loadSchema('hyperv-1.2.1.json'), loadSchema('virtualbox.json')];
    for (const stack of Object.values(stacks)) expect(stackProblems(stack, schemas)).toEqual([]);
  });

  // Examples built on a HybridArchitecture (one per stack) write the architecture review at synth.
  const hybrid = fs.readFileSync(path.join(EXAMPLES, name, 'main.ts'), 'utf8').includes('HybridArchitecture')
    || name === 'reference-platform';
  if (hybrid) test('writes review.md and review.json next to every stack\'s cdk.tf.json', () => {
    for (const [name, stack] of Object.entries(stacks)) {
      expect({ name, files: stack[FILES].filter((f: string) => f.startsWith('review.')) }).toEqual({ name, files: ['review.json', 'review.md'] });
      expect(stack[REVIEW].stack).toBe(name);
      expect(stack[REVIEW].workloads.length).toBeGreaterThan(0);
    }
  });

  test('has no unsuppressed policy finding (other than those decided only at apply)', () => {
    for (const stack of Object.values(stacks)) {
      expect(stack[POLICY].findings.filter((f: any) => !f.suppressed && f.status !== 'UNKNOWN')).toEqual([]);
    }
  });

  test('configures credentials only from sensitive variables', () => {
    for (const stack of Object.values(stacks)) {
      for (const [providerName, configs] of Object.entries<any[]>(stack.provider ?? {})) {
        for (const config of configs) {
          for (const key of ['password', 'token', 'client_key', 'key_material', 'user']) {
            if (config[key] === undefined) continue;
            const match = /^\$\{var\.([a-z0-9_]+)\}$/.exec(config[key]);
            expect({ providerName, key, ref: match !== null }).toEqual({ providerName, key, ref: true });
            expect(stack.variable[match![1]].sensitive).toBe(true);
          }
        }
      }
    }
  });
});

test('the reference example lets terraform plan refuse a plain tcp:// Docker host (DOCKER-DAEMON-TLS)', () => {
  const stack = synthExample('reference-platform')['reference-platform'];
  expect(stack.provider.docker[0].host).toBe('${var.docker_host}');
  expect(stack.variable.docker_host.validation).toEqual([{
    condition: '${can(regex("^(unix|ssh)://", var.docker_host))}',
    error_message: expect.stringContaining('plain tcp://'),
  }]);
});

test('the Hyper-V lab: hardened generation 2 VMs with Secure Boot templates per guest, guarded adaptors, protected disks', () => {
  const stack = synthExample('hyperv-lab')['hyperv-lab'];
  const vms = Object.values<any>(stack.resource.hyperv_machine_instance);
  expect(vms.map((vm) => [vm.name, vm.generation, vm.vm_firmware[0].secure_boot_template])).toEqual([
    ['lab-dc01', 2, 'MicrosoftWindows'], ['lab-web01', 2, 'MicrosoftUEFICertificateAuthority'],
  ]);
  for (const vm of vms) {
    for (const nic of vm.network_adaptors) expect(nic).toMatchObject({ dhcp_guard: 'On', router_guard: 'On', mac_address_spoofing: 'Off' });
  }
  expect(vms[1].network_adaptors[0]).toMatchObject({ vlan_access: true, vlan_id: 120 });
  for (const vhd of Object.values<any>(stack.resource.hyperv_vhd)) expect(vhd.lifecycle).toEqual({ prevent_destroy: true });
  expect(Object.values<any>(stack.resource.hyperv_network_switch).map((s) => [s.switch_type, s.allow_management_os])).toEqual([['Private', false], ['External', false]]);
  expect(stack.terraform.required_providers.hyperv).toEqual({ source: 'taliesins/hyperv', version: '1.2.1' });
});

test('the VirtualBox lab: host-only and internal adapters, and the not-enforceable controls accepted with a reason, not dropped', () => {
  const stack = synthExample('virtualbox-lab')['virtualbox-lab'];
  for (const vm of Object.values<any>(stack.resource.virtualbox_vm)) {
    expect(vm.network_adapter.map((a: any) => a.type)).toEqual(['hostonly', 'internal']);
  }
  expect(stack['//']['cdktf-hybrid'].suppressions).toEqual([
    expect.objectContaining({ ruleId: 'VBOX-NOT-ENFORCEABLE', reason: expect.stringContaining('Developer lab') }),
    expect.objectContaining({ ruleId: 'VBOX-NOT-ENFORCEABLE', reason: expect.stringContaining('Developer lab') }),
  ]);
  expect(stack.terraform.required_providers.virtualbox).toEqual({ source: 'shekeriev/virtualbox', version: '0.0.4' });
});

describe('the examples place what their comments say', () => {
  const review = (example: string, stack: string) => synthExample(example)[stack][REVIEW];
  const placements = (r: any) => r.workloads.map((w: any) => [w.name, w.placement.target, w.placement.rules.join('+')]);

  test('kubernetes-only: scale-out, sandbox, GPU and default rows, all on Kubernetes', () => {
    expect(placements(review('kubernetes-only', 'kubernetes-only'))).toEqual([
      ['catalog', 'KUBERNETES', 'PLACE-SCALE-OUT'], ['cleanup', 'KUBERNETES', 'PLACE-DEFAULT'], ['doc-renderer', 'KUBERNETES', 'PLACE-SANDBOX'],
      ['embeddings', 'KUBERNETES', 'PLACE-GPU'], ['frontend', 'KUBERNETES', 'PLACE-SCALE-OUT'],
    ]);
  });

  test('docker-edge: everything on Docker, one internal network per flow', () => {
    const r = review('docker-edge', 'docker-edge');
    expect(placements(r).map((p: string[]) => p[1])).toEqual(['DOCKER', 'DOCKER', 'DOCKER']);
    expect(r.infrastructure.dockerNetworks).toEqual(['branch-front', 'gateway-sensor-api', 'sensor-api-telemetry-buffer']);
  });

  test('vsphere-gpu: passthrough and snapshot rows on vSphere, one VLAN segment', () => {
    const r = review('vsphere-gpu', 'vsphere-gpu');
    expect(placements(r)).toEqual([['datasets-01', 'VIRTUAL_MACHINE', 'PLACE-SNAPSHOTS+PLACE-VSPHERE'], ['train-01', 'VIRTUAL_MACHINE', 'PLACE-PASSTHROUGH+PLACE-VSPHERE']]);
    expect(r.infrastructure.vmSegments).toEqual([expect.objectContaining({ name: 'pg-ml-130', vlanId: 130 })]);
  });

  test('multi-stack: the workload stack reads the namespace through a cross-stack reference and allows egress to the infra VM', () => {
    const stacks = synthExample('multi-stack');
    const workloads = stacks.workloads;
    expect(Object.keys(workloads.data.terraform_remote_state)).toEqual(['cross-stack-reference-input-infra']);
    const deployment = Object.values<any>(workloads.resource.kubernetes_deployment_v1)[0];
    expect(deployment.metadata.namespace).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-infra\.outputs\./);
    expect(Object.keys(stacks.infra.output)).toHaveLength(1);
    const policy = Object.values<any>(workloads.resource.kubernetes_network_policy_v1)[0];
    expect(policy.spec.egress).toEqual([{ to: [{ ip_block: { cidr: '10.0.140.11/32' } }], ports: [{ port: '5432', protocol: 'TCP' }] }]);
    expect(workloads[REVIEW].flows[0]).toMatchObject({ from: 'orders-api', to: 'orders-db-01', port: 5432 });
    expect(workloads[REVIEW].mermaid).toContain('x_0[/"orders-db-01<br/>in another stack"/]');
  });
});
