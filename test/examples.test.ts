import * as fs from 'fs';
import * as path from 'path';
import { loadSchema, stackProblems } from './vm/schema-helpers';
import { runExample } from './helpers/run-example';

const EXAMPLES = path.join(__dirname, '..', 'examples');
const examples = fs.readdirSync(EXAMPLES).filter((name) => fs.existsSync(path.join(EXAMPLES, name, 'main.ts')));

/** Runs an example's main.ts the way `cdktf synth` does, into a fresh CDKTF_OUTDIR, and returns each stack's JSON. */
function synthExample(name: string): Record<string, any> {
  const outdir = runExample(path.join(EXAMPLES, name, 'main.ts'), `example-${name}-`);
  const stacksDir = path.join(outdir, 'stacks');
  const stacks: Record<string, any> = {};
  for (const stack of fs.readdirSync(stacksDir)) {
    stacks[stack] = JSON.parse(fs.readFileSync(path.join(stacksDir, stack, 'cdk.tf.json'), 'utf8'));
  }
  return stacks;
}

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
