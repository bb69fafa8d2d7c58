import { TerraformStack, Testing } from 'cdktf';
import { Node } from 'constructs';
import * as fc from 'fast-check';
import {
  Errors, FindingStatus, GuestOsFamily, Hypervisor, Policy, PolicyChecks, PolicyPacks, RemovalPolicy, VIRTUALBOX_UNENFORCEABLE, VirtualBoxNetworkType,
  VirtualBoxProvider, VirtualBoxVm, VirtualBoxVmProps, VirtualBoxVmResource, VmSpec,
} from '../../../lib';
import { loadSchema, stackProblems } from '../schema-helpers';

const SCHEMA = loadSchema('virtualbox.json');
const SPEC: VmSpec = { name: 'lab01', cpus: 2, memoryMiB: 2048, networks: [{ networkId: 'vboxnet1' }] };
const PROPS: VirtualBoxVmProps = { spec: SPEC, image: 'https://boxes.example/debian-12.box' };

function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new VirtualBoxProvider(stack, 'virtualbox');
  return stack;
}

function build(props: Partial<VirtualBoxVmProps> = {}, spec: Partial<VmSpec> = {}) {
  const stack = newStack();
  const vm = new VirtualBoxVm(stack, 'Lab', { ...PROPS, ...props, spec: { ...SPEC, ...spec } });
  const json = JSON.parse(Testing.synth(stack));
  return { stack, vm, json, body: Object.values<any>(json.resource.virtualbox_vm)[0] };
}

function messages(vm: VirtualBoxVm, type: '@cdktf/warn' | '@cdktf/info'): string[] {
  return vm.node.metadata.filter((m) => m.type === type).map((m) => String(m.data));
}

describe('VirtualBoxVm', () => {
  test('snapshot of the default configuration', () => {
    expect(Testing.synthScope((scope) => { new VirtualBoxVm(scope, 'Lab', PROPS); })).toMatchSnapshot();
  });

  test('the emitted JSON uses only the schema\'s attribute names and value forms', () => {
    const { json, body } = build({ networkTypes: [VirtualBoxNetworkType.HOST_ONLY, VirtualBoxNetworkType.INTERNAL] },
      { networks: [{ networkId: 'vboxnet1' }, { networkId: 'ignored' }] });
    expect(stackProblems(json, [SCHEMA])).toEqual([]);
    expect(body).toEqual({
      name: 'lab01', image: 'https://boxes.example/debian-12.box', cpus: 2, memory: '2.0 gib', boot_order: ['disk', 'none', 'none', 'none'],
      network_adapter: [{ type: 'hostonly', device: 'VirtIO', host_interface: 'vboxnet1' }, { type: 'internal', device: 'VirtIO' }],
      lifecycle: { prevent_destroy: true },
    });
  });

  test('defaultChild is the virtualbox_vm; IVirtualMachine fields', () => {
    const { vm } = build();
    expect(Node.of(vm).defaultChild).toBe(vm.resource);
    expect(vm.resource).toBeInstanceOf(VirtualBoxVmResource);
    expect([vm.hypervisor, vm.virtualMachineName, vm.pciPassthroughEnabled]).toEqual([Hypervisor.VIRTUALBOX, 'lab01', false]);
  });

  test.each([
    [512, '512 mib'], [4, '4.0 mib'], [1024, '1.0 gib'], [1536, '1.5 gib'], [2048, '2.0 gib'], [9216, '9.0 gib'], [16384, '16 gib'], [10240, '10 gib'],
  ])('memory %d MiB is written as the provider reads it back: %s', (memoryMiB, memory) => {
    expect(build({}, { memoryMiB }).body.memory).toBe(memory);
  });

  test('every control VirtualBox cannot give is reported as not enforceable: one warning on the construct names them all', () => {
    const warnings = messages(build().vm, '@cdktf/warn').filter((w) => w.startsWith('Not enforceable on this hypervisor (VirtualBox)'));
    expect(warnings).toHaveLength(1);
    for (const control of VIRTUALBOX_UNENFORCEABLE) expect(warnings[0]).toContain(`${control.control} (`);
    expect(VIRTUALBOX_UNENFORCEABLE.map((c) => c.id)).toEqual(expect.arrayContaining(['UEFI-SECURE-BOOT', 'TPM', 'CHECKPOINTS', 'VLAN', 'DHCP-GUARD']));
  });

  test('... and by the policy engine: one VBOX-NOT-ENFORCEABLE finding per control, and nothing else with defaults', () => {
    const stack = newStack();
    new VirtualBoxVm(stack, 'Lab', PROPS);
    const checks = PolicyChecks.applyTo(stack, { rules: PolicyPacks.virtualbox(), writeReports: false });
    Testing.synth(stack);
    expect(checks.findings.map((f) => f.ruleId).sort()).toEqual(VIRTUALBOX_UNENFORCEABLE.map((c) => `VBOX-NOT-ENFORCEABLE[control=${c.id}]`).sort());
    for (const f of checks.findings) {
      expect(f.status).toBe(FindingStatus.FAIL);
      expect(f.message).toContain('not enforceable on this hypervisor');
    }
  });

  test('a lab may accept them with a written reason: the findings stay in the report, suppressed', () => {
    const stack = newStack();
    const vm = new VirtualBoxVm(stack, 'Lab', PROPS);
    Policy.suppress(vm, 'VBOX-NOT-ENFORCEABLE', 'Developer lab on a laptop; no production data');
    const checks = PolicyChecks.applyTo(stack, { rules: PolicyPacks.virtualbox(), writeReports: false });
    Testing.synth(stack);
    expect(checks.findings).toHaveLength(VIRTUALBOX_UNENFORCEABLE.length);
    expect(checks.findings.every((f) => f.suppressed && f.suppressionReason === 'Developer lab on a laptop; no production data')).toBe(true);
  });

  test('bridged adaptors are allowed but warned about (VBOX-NET-ISOLATED); NAT adaptors carry no host interface', () => {
    const { vm, body } = build({ networkTypes: [VirtualBoxNetworkType.BRIDGED, VirtualBoxNetworkType.NAT] }, { networks: [{ networkId: 'en0' }, { networkId: 'x' }] });
    expect(body.network_adapter).toEqual([{ type: 'bridged', device: 'VirtIO', host_interface: 'en0' }, { type: 'nat', device: 'VirtIO' }]);
    expect(messages(vm, '@cdktf/warn').join('\n')).toMatch(/VBOX-NET-ISOLATED/);
  });

  test('what the spec asks for but VirtualBox ignores is said, never dropped silently', () => {
    const { vm } = build({}, { guestOsFamily: GuestOsFamily.WINDOWS, disks: [{ label: 'os', sizeGiB: 80 }] });
    expect(messages(vm, '@cdktf/warn').join('\n')).toMatch(/Linux_64/);
    expect(messages(vm, '@cdktf/info').join('\n')).toMatch(/spec.disks is not applied/);
    expect(messages(vm, '@cdktf/warn').join('\n')).toMatch(/forces BIOS/);
  });

  test('removalPolicy DESTROY opts out of prevent_destroy', () => {
    expect(build({ removalPolicy: RemovalPolicy.DESTROY }).body.lifecycle).toEqual({ prevent_destroy: false });
  });

  test('property: every memory size a VmSpec allows is either written in the read-back form or rejected, never written in another form', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), (m4) => {
      const memoryMiB = m4 * 4;
      let body: any;
      try {
        body = build({}, { memoryMiB }).body;
      } catch (e) {
        expect(Errors.isValidationError(e)).toBe(true);
        expect((e as any).prop).toBe('spec.memoryMiB');
        return;
      }
      expect(body.memory).toMatch(/^(\d+(\.\d)?) (mib|gib)$/);
      const [n, unit] = body.memory.split(' ');
      expect(Number(n) * (unit === 'gib' ? 1024 : 1)).toBeCloseTo(memoryMiB, 6);
    }), { numRuns: 60 });
  });
});

describe('bad input is rejected with the foundation\'s error format', () => {
  const vm = (props: Partial<VirtualBoxVmProps>, spec: Partial<VmSpec> = {}) => () => new VirtualBoxVm(newStack(), 'Lab', { ...PROPS, ...props, spec: { ...SPEC, ...spec } });
  test.each([
    ['memory that does not round-trip (2.3 GiB)', vm({}, { memoryMiB: 2356 }), 'spec.memoryMiB', /reads back/],
    ['memory above 10 GiB, not whole GiB', vm({}, { memoryMiB: 10752 }), 'spec.memoryMiB', /whole GiB/],
    ['plain http image', vm({ image: 'http://boxes.example/debian.box' }), 'image', /http:\/\//],
    ['empty image', vm({ image: '' }), 'image', /required/],
    ['cloud-init user data', vm({}, { cloudInitUserData: '#cloud-config\n' }), 'spec.cloudInitUserData', /never reaches the guest/],
    ['static guest address', vm({}, { networks: [{ networkId: 'vboxnet1', ipv4Address: '192.168.56.10', ipv4PrefixLength: 24 }] }), 'spec.networks[0].ipv4Address', /cannot be set/],
    ['more network types than networks', vm({ networkTypes: [VirtualBoxNetworkType.NAT, VirtualBoxNetworkType.NAT] }), 'networkTypes', /more entries/],
    ['unknown network type', vm({ networkTypes: ['natnetwork' as VirtualBoxNetworkType] }), 'networkTypes[0]', /not a VirtualBox network type/],
    ['five adaptors', vm({}, { networks: [1, 2, 3, 4, 5].map((i) => ({ networkId: `vboxnet${i}` })) }), 'spec.networks', /more than 4/],
  ])('%s', (_name, fn, prop, problem) => {
    let error: any;
    try { fn(); } catch (e) { error = e; }
    expect(Errors.isValidationError(error)).toBe(true);
    expect([error.prop, error.path]).toEqual([prop, 'stack/Lab']);
    expect(error.problem).toMatch(problem);
    expect(error.message).toBe(`stack/Lab: ${error.prop}: ${error.problem} (got ${error.got}). ${error.fix}`);
  });
});
