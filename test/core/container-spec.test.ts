import { Testing, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ContainerSpec, Cpu, EnvValue, EnvValueSource, Errors, HealthProbe, ImageReference, ProbeType, Protocol, Size } from '../../lib';
import { validateContainerSpec } from '../../lib/core/private/validation';

const image = ImageReference.parse(`ghcr.io/acme/api:1.0@sha256:${'b'.repeat(64)}`);
const good: ContainerSpec = {
  name: 'api',
  image,
  ports: [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }],
  resources: { cpuRequest: Cpu.parse('250m'), cpuLimit: Cpu.parse('1'), memoryRequest: Size.parse('256Mi'), memoryLimit: Size.parse('512Mi') },
  env: { LOG_LEVEL: EnvValue.fromString('info'), 'app.mode': EnvValue.fromString('x') },
  healthProbe: HealthProbe.http({ path: '/healthz', port: 8080 }),
  user: 10001,
  group: 10001,
  writablePaths: ['/tmp', '/var/cache/app'],
};

function scope(): Construct {
  const stack = new TerraformStack(Testing.app(), 'stack');
  return new Construct(stack, 'Api');
}

function fails(spec: Partial<ContainerSpec> & Record<string, unknown>, prop: RegExp): void {
  const s = scope();
  let error: unknown;
  try {
    validateContainerSpec(s, 'spec', { ...good, ...spec } as ContainerSpec);
  } catch (e) {
    error = e;
  }
  expect(Errors.isValidationError(error)).toBe(true);
  const message = (error as Error).message;
  expect(message.startsWith('stack/Api: spec.')).toBe(true);
  expect(message).toMatch(prop);
  expect(message).toMatch(/ \(got .*\)\. \S/);
}

describe('ContainerSpec validation', () => {
  test('accepts a well-formed spec', () => {
    expect(() => validateContainerSpec(scope(), 'spec', good)).not.toThrow();
  });

  test('fails on a name that is not a DNS-1123 label', () => fails({ name: 'Web_API' }, /spec\.name: is not a DNS-1123 label \(got "Web_API"\)/));
  test('fails on a 64-character name', () => fails({ name: 'a'.repeat(64) }, /spec\.name: /));
  test('fails on an image given as a string', () => fails({ image: 'nginx' as unknown as ImageReference }, /spec\.image: must be an ImageReference/));
  test('fails on a port out of range', () => fails({ ports: [{ name: 'http', containerPort: 70000 }] }, /spec\.ports\[0\]\.containerPort: must be a whole number from 1 to 65535 \(got 70000\)/));
  test('fails on port 0', () => fails({ ports: [{ name: 'http', containerPort: 0 }] }, /spec\.ports\[0\]\.containerPort/));
  test('fails on duplicate port names', () => fails({ ports: [{ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 81 }] }, /spec\.ports\[1\]\.name: is used by another port/));
  test('fails on duplicate port numbers', () => fails({ ports: [{ name: 'a', containerPort: 80 }, { name: 'b', containerPort: 80 }] }, /spec\.ports\[1\]\.containerPort: is declared twice for TCP/));
  test('allows the same number for TCP and UDP', () => {
    expect(() => validateContainerSpec(scope(), 'spec', { ...good, ports: [{ name: 'dns', containerPort: 53 }, { name: 'dns-udp', containerPort: 53, protocol: Protocol.UDP }] })).not.toThrow();
  });
  test('fails on a port name longer than 15 characters', () => fails({ ports: [{ name: 'a-very-long-port-name', containerPort: 80 }] }, /spec\.ports\[0\]\.name: is not an IANA service name/));
  test('fails on a numeric port name', () => fails({ ports: [{ name: '8080', containerPort: 80 }] }, /spec\.ports\[0\]\.name/));
  test('fails when the memory limit is below the request', () => fails({ resources: { memoryRequest: Size.parse('1Gi'), memoryLimit: Size.parse('512Mi') } },
    /spec\.resources\.memoryLimit: is below memoryRequest \(1Gi\) \(got "512Mi"\)\. Raise memoryLimit/));
  test('fails when the cpu limit is below the request', () => fails({ resources: { cpuRequest: Cpu.parse('2'), cpuLimit: Cpu.parse('1') } }, /spec\.resources\.cpuLimit/));
  test('fails when ephemeral storage limit is below the request', () => fails({ resources: { ephemeralStorageRequest: Size.parse('2Gi'), ephemeralStorageLimit: Size.parse('1Gi') } }, /spec\.resources\.ephemeralStorageLimit/));
  test('fails on user 0 (root)', () => fails({ user: 0 }, /spec\.user: is 0 \(root\) \(got 0\)\. Run as a non-root uid/));
  test('fails on group 0 (root)', () => fails({ group: 0 }, /spec\.group: is 0 \(root\)/));
  test('fails on a negative user', () => fails({ user: -5 }, /spec\.user: must be a whole number/));
  test('fails on a relative writable path', () => fails({ writablePaths: ['tmp'] }, /spec\.writablePaths\[0\]: must be an absolute path \(got "tmp"\)/));
  test('fails on "/" as a writable path', () => fails({ writablePaths: ['/'] }, /spec\.writablePaths\[0\]: must be a normalised directory/));
  test('fails on a path with ".."', () => fails({ writablePaths: ['/var/../etc'] }, /spec\.writablePaths\[0\]/));
  test('fails on a duplicate writable path', () => fails({ writablePaths: ['/tmp', '/tmp'] }, /spec\.writablePaths\[1\]: is listed twice/));
  test('fails on an invalid env name', () => fails({ env: { '1BAD': EnvValue.fromString('x') } }, /spec\.env: has an invalid variable name \(got "1BAD"\)/));
  test('fails on a command that is not a list', () => fails({ command: 'run.sh' as unknown as string[] }, /spec\.command: must be a list of strings/));
});

describe('EnvValue', () => {
  test('plain, sensitive and secret-key values', () => {
    expect(EnvValue.fromString('x')).toMatchObject({ source: EnvValueSource.PLAIN, value: 'x', isSecret: false });
    expect(EnvValue.fromSensitiveValue('${var.pw}')).toMatchObject({ source: EnvValueSource.SENSITIVE, isSecret: true });
    expect(EnvValue.fromKubernetesSecret('db-creds', 'password')).toMatchObject({ source: EnvValueSource.KUBERNETES_SECRET, secretName: 'db-creds', secretKey: 'password' });
  });
  test('fails on a Secret name that is not a DNS subdomain', () => {
    expect(() => EnvValue.fromKubernetesSecret('DB', 'password')).toThrow(/^EnvValue.fromKubernetesSecret: secretName: /);
    expect(() => EnvValue.fromKubernetesSecret('db', 'pass word')).toThrow(/^EnvValue.fromKubernetesSecret: key: /);
  });
});

describe('HealthProbe', () => {
  test('defaults', () => {
    const probe = HealthProbe.tcp({ port: 5432 });
    expect(probe).toMatchObject({ probeType: ProbeType.TCP, port: 5432, initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3, https: false });
    expect(HealthProbe.exec({ command: ['/bin/check'] }).command).toEqual(['/bin/check']);
    expect(HealthProbe.http({ path: '/ready', port: 80, https: true }).https).toBe(true);
  });
  test.each([
    [() => HealthProbe.http({ path: 'healthz', port: 80 }), /^HealthProbe.http: path: /],
    [() => HealthProbe.http({ path: '/h', port: 0 }), /^HealthProbe.http: port: /],
    [() => HealthProbe.tcp({ port: 65536 }), /^HealthProbe.tcp: port: /],
    [() => HealthProbe.exec({ command: [] }), /^HealthProbe.exec: command: /],
    [() => HealthProbe.tcp({ port: 80, periodSeconds: 0 }), /^HealthProbe.tcp: periodSeconds: must be a whole number from 1 to 3600 \(got 0\)/],
    [() => HealthProbe.tcp({ port: 80, timeoutSeconds: 20, periodSeconds: 10 }), /^HealthProbe.tcp: timeoutSeconds: must not exceed periodSeconds \(10\) \(got 20\)/],
    [() => HealthProbe.tcp({ port: 80, failureThreshold: 0 }), /failureThreshold/],
    [() => HealthProbe.tcp({ port: 80, initialDelaySeconds: -1 }), /initialDelaySeconds/],
    [() => HealthProbe.tcp({ port: 80, initialDelaySeconds: 1.5 }), /initialDelaySeconds/],
  ])('fails on bad options (%#)', (fn, message) => {
    expect(fn).toThrow(message);
  });
});
