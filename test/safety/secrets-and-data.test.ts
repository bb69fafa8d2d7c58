// Issue 14: secrets never reach cdk.tf.json as literals, however they are wrapped; stateful things
// are protected from destroy as the README promises; synth-time clash errors are ValidationErrors.
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { DataVsphereHost } from '@cdktf/provider-vsphere/lib/data-vsphere-host';
import { App, Fn, Lazy, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  EnvValue, Errors, GuestCustomization, GuestOsFamily, HardenedContainer, HardenedDeployment, HardenedStatefulSet, RegistryCredentials,
  RemovalPolicy, SecureHostVirtualSwitch, SecureVirtualMachine,
} from '../../lib';
import { describeValue } from '../../lib/core/private/errors';
import { isPureReference } from '../../lib/core/private/secrets';
import { fixture } from '../container/fixtures';
import { apiSpec, setup } from '../kubernetes/helpers';
import { goldenTemplate, newStack as vmStack, SPEC } from '../vm/vsphere/helpers';

const SECRET = 'hunter2';
/** Every way of wrapping a literal in a token that the issue found leaking. */
const WRAPPED: Array<[string, () => string]> = [
  ['Fn.sensitive', () => Fn.sensitive(SECRET)],
  ['Lazy.stringValue', () => Lazy.stringValue({ produce: () => SECRET })],
  ['Fn.join', () => Fn.join('', ['hun', 'ter2'])],
  ['Fn.lower', () => Fn.lower('HUNTER2')],
  ['a reference with a literal suffix', () => `${Fn.lower('X')}${SECRET}`],
];

/** Synthesizes the whole app (validations on); returns the thrown error, or the JSON text of every stack. */
function synthOutcome(stack: TerraformStack, validations = true): { error?: unknown; json?: string } {
  try {
    return { json: Testing.synth(stack, validations) };
  } catch (error) {
    return { error };
  }
}

function expectRejected(stack: TerraformStack, prop: RegExp): void {
  for (const validations of [true, false]) {
    const { error, json } = synthOutcome(stack, validations);
    expect(json ?? '').not.toContain('hunter2');
    expect(json ?? '').not.toContain('HUNTER2');
    expect(Errors.isValidationError(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toMatch(prop);
    expect(message).toMatch(/is a sensitive value that resolves to a literal, which would be written into cdk\.tf\.json \(got <redacted>\)\. Pass a reference/);
    expect(message).not.toContain(SECRET);
  }
}

describe('a sensitive value must resolve to a reference', () => {
  test.each(WRAPPED)('HardenedContainer env: %s is rejected', (_name, value) => {
    const fx = fixture();
    new HardenedContainer(fx.stack, 'Web', {
      image: fx.image, networks: [fx.network], spec: { ...fx.spec, env: { DB_PASSWORD: EnvValue.fromSensitiveValue(value()) } },
    });
    expectRejected(fx.stack, /stack\/Web: spec\.env\.DB_PASSWORD: /);
  });

  test.each(WRAPPED)('HardenedDeployment env (sidecar too): %s is rejected', (_name, value) => {
    const { stack, namespace } = setup();
    new HardenedDeployment(stack, 'Api', {
      namespace, spec: apiSpec(), sidecars: [apiSpec({ name: 'proxy', ports: [], healthProbe: undefined, env: { TOKEN: EnvValue.fromSensitiveValue(value()) } })],
    });
    expectRejected(stack, /stack\/Api: sidecars\[0\]\.env\.TOKEN: /);
  });

  test.each(WRAPPED)('GuestCustomization.windows adminPassword: %s is rejected', (_name, value) => {
    const stack = vmStack();
    new SecureVirtualMachine(stack, 'Vm', {
      template: goldenTemplate(stack), spec: { ...SPEC, guestOsFamily: GuestOsFamily.WINDOWS },
      customization: GuestCustomization.windows({ computerName: 'APP01', adminPassword: value() }),
    });
    expectRejected(stack, /stack\/Vm: customization\.adminPassword: /);
  });

  test.each(WRAPPED)('RegistryCredentials.fromSensitiveValues password: %s is rejected', (_name, value) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const user = new TerraformVariable(stack, 'user', { type: 'string', sensitive: true });
    RegistryCredentials.fromSensitiveValues('ghcr.io', user.stringValue, value()).addTo(new DockerProvider(stack, 'docker', {}));
    expectRejected(stack, /stack\/docker: registryAuth\.password: /);
  });

  test('references are accepted, also through sensitive() and other functions over references only', () => {
    const fx = fixture();
    new DockerProvider(fx.stack, 'docker', { host: 'unix:///var/run/docker.sock' });
    const password = new TerraformVariable(fx.stack, 'db_password', { type: 'string', sensitive: true });
    new HardenedContainer(fx.stack, 'Web', {
      image: fx.image, networks: [fx.network],
      spec: { ...fx.spec, env: { A: EnvValue.fromSensitiveValue(password.stringValue), B: EnvValue.fromSensitiveValue(Fn.sensitive(password.stringValue)) } },
    });
    const json = JSON.parse(Testing.synth(fx.stack, true));
    const env: string[] = Object.values<any>(json.resource.docker_container)[0].env;
    expect(env).toEqual(['A=${var.db_password}', 'B=${sensitive(var.db_password)}']);
  });

  test('isPureReference: references pass, any literal fails', () => {
    for (const ok of ['${var.x}', '${data.vault_generic_secret.db.data}', '${sensitive(var.x)}', '${local.x}', '${random_password.db.result}',
      '${var.list[0]}', '${nonsensitive(sensitive(var.x))}']) {
      expect(isPureReference(ok)).toBe(true);
    }
    for (const bad of ['hunter2', '${"hunter2"}', '${sensitive("x")}', '${var.x}x', 'x${var.x}', '${1234}', '${var.x + 1}', '${timestamp()}',
      '${<<EOT\nx\nEOT}', '${var.a}${var.b}', 1234, undefined]) {
      expect(isPureReference(bad)).toBe(false);
    }
  });
});

describe('stateful things are protected from destroy (README: "Nothing is lost")', () => {
  test('every VM disk keeps its VMDK when removed from spec.disks (keep_on_remove), unless DESTROY', () => {
    const disks = [{ label: 'disk0', sizeGiB: 40 }, { label: 'data', sizeGiB: 100 }];
    const build = (removalPolicy?: RemovalPolicy) => {
      const stack = vmStack();
      new SecureVirtualMachine(stack, 'Vm', { template: goldenTemplate(stack), spec: { ...SPEC, disks }, removalPolicy });
      return Object.values<any>(JSON.parse(Testing.synth(stack)).resource.vsphere_virtual_machine)[0];
    };
    const kept = build();
    expect(kept.disk.map((d: any) => d.keep_on_remove)).toEqual([true, true]);
    expect(kept.lifecycle.prevent_destroy).toBe(true);
    expect(build(RemovalPolicy.DESTROY).disk.map((d: any) => d.keep_on_remove)).toEqual([undefined, undefined]);
  });

  test('SecureHostVirtualSwitch has prevent_destroy by default; DESTROY opts out with a warning', () => {
    const build = (removalPolicy?: RemovalPolicy) => {
      const stack = vmStack();
      const host = new DataVsphereHost(stack, 'Host', { name: 'esx-01', datacenterId: 'dc' });
      const vswitch = new SecureHostVirtualSwitch(stack, 'VSwitch', { name: 'vSwitch1', hostSystemId: host.id, networkAdapters: ['vmnic4'], removalPolicy });
      return { vswitch, json: Object.values<any>(JSON.parse(Testing.synth(stack)).resource.vsphere_host_virtual_switch)[0] };
    };
    expect(build().json.lifecycle).toEqual({ prevent_destroy: true });
    const destroy = build(RemovalPolicy.DESTROY);
    expect(destroy.json.lifecycle).toEqual({ prevent_destroy: false });
    expect(destroy.vswitch.node.metadata.map((m) => String(m.data))).toEqual(expect.arrayContaining([expect.stringMatching(/removalPolicy is DESTROY/)]));
  });

  test('a namespace holding a protected StatefulSet\'s claims is protected too', () => {
    const { stack, namespace } = setup();
    new HardenedStatefulSet(stack, 'Db', { namespace, spec: apiSpec({ name: 'db' }) });
    const json = JSON.parse(Testing.synth(stack));
    expect(Object.values<any>(json.resource.kubernetes_namespace_v1)[0].lifecycle).toEqual({ prevent_destroy: true });
  });

  test('a namespace without a protected StatefulSet is not protected; an explicit DESTROY with retained claims warns', () => {
    const plain = setup();
    new HardenedDeployment(plain.stack, 'Api', { namespace: plain.namespace, spec: apiSpec() });
    new HardenedStatefulSet(plain.stack, 'Cache', { namespace: plain.namespace, spec: apiSpec({ name: 'cache' }), removalPolicy: RemovalPolicy.DESTROY });
    expect(Object.values<any>(JSON.parse(Testing.synth(plain.stack)).resource.kubernetes_namespace_v1)[0].lifecycle).toBeUndefined();

    const { stack } = setup();
    const { HardenedNamespace } = jest.requireActual('../../lib');
    const ns = new HardenedNamespace(stack, 'Scratch', { namespaceName: 'scratch', removalPolicy: RemovalPolicy.DESTROY });
    new HardenedStatefulSet(stack, 'Db', { namespace: ns, spec: apiSpec({ name: 'db' }) });
    const resource = JSON.parse(Testing.synth(stack)).resource.kubernetes_namespace_v1;
    expect(Object.entries<any>(resource).find(([id]) => id.startsWith('Scratch'))![1].lifecycle).toBeUndefined();
    expect(ns.node.metadata.map((m: any) => String(m.data))).toEqual(expect.arrayContaining([expect.stringMatching(/retains its volume claims here/)]));
  });
});

describe('synth-time errors are ValidationErrors', () => {
  test('duplicate container names throw the ValidationError itself', () => {
    const fx = fixture();
    new HardenedContainer(fx.stack, 'A', { image: fx.image, networks: [fx.network], spec: fx.spec });
    new HardenedContainer(fx.stack, 'B', { image: fx.image, networks: [fx.network], spec: fx.spec });
    const { error } = synthOutcome(fx.stack);
    expect(Errors.isValidationError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^stack\/B: spec\.name: is also the name of stack\/A on the same Docker host/);
  });

  test('duplicate workload names throw the ValidationError itself, from app.synth()', () => {
    const app = new App({ outdir: Testing.app().outdir });
    const stack = new TerraformStack(app, 'stack');
    const { KubernetesProvider } = jest.requireActual('@cdktf/provider-kubernetes/lib/provider');
    new KubernetesProvider(stack, 'kubernetes', {});
    const { HardenedNamespace } = jest.requireActual('../../lib');
    const namespace = new HardenedNamespace(stack, 'Shop', { namespaceName: 'shop' });
    new HardenedDeployment(stack, 'A', { namespace, workloadName: 'api', spec: apiSpec() });
    new HardenedDeployment(stack, 'B', { namespace, workloadName: 'api', spec: apiSpec() });
    let error: unknown;
    try {
      app.synth();
    } catch (e) {
      error = e;
    }
    expect(Errors.isValidationError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^stack\/B: workloadName: is also used by stack\/A/);
  });

  test('the error formatter never throws and bounds what it shows', () => {
    const nullProto = Object.create(null);
    nullProto.big = BigInt(2) ** BigInt(70);
    expect(describeValue(nullProto)).toBe('{"big":"1180591620717411303424n"}');
    expect(describeValue(BigInt(5))).toBe('5n');
    const cyclic: any = {};
    cyclic.self = cyclic;
    expect(describeValue(cyclic)).toBe('[object Object]');
    const hostile = new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); } });
    expect(typeof describeValue(hostile)).toBe('string');
    expect(describeValue('9-'.repeat(1_000_000)).length).toBeLessThanOrEqual(120);
    const { invalid } = jest.requireActual('../../lib/core/private/errors');
    const e = invalid('x'.repeat(2_000_000), 'p'.repeat(10_000), 'bad '.repeat(100_000), 'v'.repeat(2_000_000), 'fix '.repeat(100_000));
    expect(e.message.length).toBeLessThan(2000);
  });
});

describe('smaller defects of issue 14', () => {
  const { Cpu, ImageReference, TrustedImage, HardenedCronJob } = jest.requireActual('../../lib');
  const errorOf = (f: () => unknown): any => {
    try {
      f();
    } catch (e) {
      return e;
    }
    throw new Error('did not throw');
  };

  test('Cpu.cores below one millicore is rejected, not rounded to 0', () => {
    const e = errorOf(() => Cpu.cores(1e-10));
    expect(Errors.isValidationError(e)).toBe(true);
    expect(e.message).toMatch(/^Cpu\.cores: value: must be a positive number of cores/);
  });

  test('an image reference with a URL scheme says so', () => {
    expect(errorOf(() => ImageReference.parse('https://ghcr.io/acme/api:1')).message)
      .toBe('ImageReference.parse: reference: has a URL scheme; image references have none (got "https://ghcr.io/acme/api:1"). Drop the scheme: "ghcr.io/acme/api:1".');
  });

  test('hub.docker.com in allowedRegistries points at docker.io', () => {
    const fx = fixture();
    const e = errorOf(() => new TrustedImage(fx.stack, 'Hub', { image: ImageReference.parse(`nginx:1.27@sha256:${'a'.repeat(64)}`), allowedRegistries: ['hub.docker.com'] }));
    expect(e.message).toMatch(/allowedRegistries\[0\]: is the Docker Hub website, not its registry .* allow "docker\.io"/);
  });

  test('a cron time zone must exist in the runtime\'s IANA database, not only look like one', () => {
    const { stack, namespace } = setup();
    const build = (timeZone: string, id: string) => new HardenedCronJob(stack, id, { namespace, spec: apiSpec({ name: id.toLowerCase(), ports: [], healthProbe: undefined }), schedule: '0 3 * * *', timeZone });
    expect(errorOf(() => build('Mars/Olympus_Mons', 'Mars')).message).toMatch(/timeZone: is not an IANA time zone name known to the time zone database \(got "Mars\/Olympus_Mons"\)/);
    expect(() => build('Europe/Berlin', 'Berlin')).not.toThrow();
    expect(() => build('Etc/UTC', 'Utc')).not.toThrow();
  });

  test('JavaScript callers: wrong shapes are ValidationErrors naming the prop and the expected type', () => {
    const { stack, namespace } = setup();
    const cases: Array<[() => unknown, RegExp]> = [
      [() => new HardenedDeployment(stack, 'A', { namespace, spec: { ...apiSpec(), ports: 'http' } } as any), /^stack\/A: spec\.ports: must be a list of PortSpec objects \(got "http"\)/],
      [() => new HardenedDeployment(stack, 'B', { namespace, spec: { ...apiSpec(), resources: { cpuLimit: '500m' } } } as any), /^stack\/B: spec\.resources\.cpuLimit: must be a Cpu \(got "500m"\)/],
      [() => new HardenedDeployment(stack, 'C', { namespace: null, spec: apiSpec() } as any), /^stack\/C: namespace: is null; it must be an IKubernetesNamespace/],
      [() => new HardenedDeployment(stack, 'D', { namespace, spec: { ...apiSpec(), healthProbe: '/healthz' } } as any), /^stack\/D: spec\.healthProbe: must be a HealthProbe/],
      [() => new (HardenedContainer as any)(stack, 'E'), /^stack\/E: props: is required/],
      [() => new HardenedDeployment(stack, 'F', { namespace, spec: apiSpec(), replicas: NaN } as any), /^stack\/F: replicas: must be a finite number \(got "NaN"\)/],
      [() => new HardenedDeployment(stack, 'G', { namespace, spec: { ...apiSpec(), name: 'x'.repeat(70_000) } } as any), /^stack\/G: spec\.name: is longer than 4096 characters \(70000\)/],
      [() => new HardenedDeployment(stack, 'H', { namespace, spec: { ...apiSpec(), command: ['${TfToken[TOKEN.99999]}'] } } as any), /^stack\/H: spec\.command\[0\]: looks like a cdktf token but is not one/],
    ];
    for (const [build, message] of cases) {
      const e = errorOf(build);
      expect(Errors.isValidationError(e)).toBe(true);
      expect(e.message).toMatch(message);
      expect(e.message.length).toBeLessThan(1500);
    }
  });
});
