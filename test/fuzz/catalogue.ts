// The public API under fuzz: every construct and value type, each with near-valid props built in a
// fresh stack. The harness mutates one field at a time (or replaces everything) and checks the invariant.
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { VsphereProvider } from '@cdktf/provider-vsphere/lib/provider';
import { Fn, Lazy, TerraformStack, TerraformVariable } from 'cdktf';
import {
  ContainerNetwork, ContainerVolume, Cpu, EnvValue, Firmware, HaRestartPriority, GuestCustomization, GuestOsFamily, HardenedContainer, HardenedCronJob,
  HardenedDeployment, HardenedNamespace, HardenedStatefulSet, HealthProbe, HostPciDevice, ImageReference, ImageScanGate, ImageScanner,
  Policy, PolicyChecks, RegistryCredentials, SandboxRuntimeClass, SecureDistributedSwitch, SecureHostPortGroup, SecureHostVirtualSwitch,
  SecurePortGroup, SecureVirtualMachine, Size, TemplateSource, TrustedImage, VmAntiAffinityRule, VmHaOverride, VmResourcePool, VmSnapshot,
  VmTemplate,
} from '../../lib';

/** Written into every sensitive value the fuzz wraps; it must never appear in cdk.tf.json or an error. */
export const SENTINEL = 'S3CR3T-SENTINEL-7f3a';
export const DIGEST = `sha256:${'b'.repeat(64)}`;

/** What every entry may use: a stack with all three providers, a namespace, an image, a network and a VM template. */
export interface Env {
  readonly stack: TerraformStack;
  readonly password: string;
  lazy<T>(make: () => T): T;
}

export interface Entry {
  readonly name: string;
  /** Near-valid props (or arguments) for this entry, built against the environment. */
  props(env: Env): any;
  /** Uses the public API with the (mutated) props; `id` differs for duplicates. */
  build(env: Env, props: any, id: string): void;
  /** Props paths where a sensitive value sits, for the secret-wrapping mutation. */
  readonly secretPaths?: string[][];
}

const cache = new WeakMap<TerraformStack, Map<string, unknown>>();
function once<T>(stack: TerraformStack, key: string, make: () => T): T {
  let map = cache.get(stack);
  if (!map) cache.set(stack, (map = new Map()));
  if (!map.has(key)) map.set(key, make());
  return map.get(key) as T;
}

export function newEnv(stack: TerraformStack): Env {
  new DockerProvider(stack, 'docker', { host: 'unix:///var/run/docker.sock' });
  new KubernetesProvider(stack, 'kubernetes', { configPath: '~/.kube/config' });
  new VsphereProvider(stack, 'vsphere', { vsphereServer: 'vcenter.example', user: 'u', password: new TerraformVariable(stack, 'vpw', { sensitive: true }).stringValue });
  const password = new TerraformVariable(stack, 'pw', { type: 'string', sensitive: true }).stringValue;
  return { stack, password, lazy: <T>(make: () => T) => once(stack, make.toString(), make) };
}

const image = (env: Env) => env.lazy(() => new TrustedImage(env.stack, 'FzImage', {
  image: ImageReference.parse(`ghcr.io/acme/api:1.0.0@${DIGEST}`), allowedRegistries: ['ghcr.io'],
}));
const network = (env: Env) => env.lazy(() => new ContainerNetwork(env.stack, 'FzNet'));
const namespace = (env: Env) => env.lazy(() => new HardenedNamespace(env.stack, 'FzNs', { namespaceName: 'fuzz' }));
const template = (env: Env) => env.lazy(() => new VmTemplate(env.stack, 'FzTpl', {
  source: TemplateSource.existingTemplate('golden'), datacenterName: 'dc', computeClusterName: 'cl', datastoreName: 'ds',
}));
const vm = (env: Env) => env.lazy(() => new SecureVirtualMachine(env.stack, 'FzVm', {
  template: template(env), spec: { name: 'fz-vm', cpus: 2, memoryMiB: 4096, networks: [{ networkId: 'pg-1' }] },
}));
const dvs = (env: Env) => env.lazy(() => new SecureDistributedSwitch(env.stack, 'FzDvs', { name: 'dvs-fz', datacenterId: 'dc-1', uplinks: ['u1', 'u2'] }));
const vswitch = (env: Env) => env.lazy(() => new SecureHostVirtualSwitch(env.stack, 'FzVss', { name: 'vSwitch9', hostSystemId: 'host-1', networkAdapters: ['vmnic1'] }));

const k8sSpec = (env: Env, name = 'api') => ({
  name,
  image: ImageReference.parse(`ghcr.io/acme/${name}:1.0.0@${DIGEST}`),
  command: ['/app/run'],
  args: ['--port', '8080'],
  env: { MODE: EnvValue.fromString('prod'), DB_PASSWORD: EnvValue.fromSensitiveValue(env.password) },
  ports: [{ name: 'http', containerPort: 8080 }],
  resources: { cpuRequest: Cpu.parse('250m'), cpuLimit: Cpu.parse('500m'), memoryRequest: Size.parse('128Mi'), memoryLimit: Size.parse('256Mi') },
  healthProbe: HealthProbe.http({ path: '/healthz', port: 8080, periodSeconds: 10 }),
  user: 10001,
  group: 10001,
  writablePaths: ['/tmp'],
});

const SECRET_ENV = [['spec', 'env', 'DB_PASSWORD']];

export const ENTRIES: Entry[] = [
  {
    name: 'HardenedContainer',
    props: (env) => ({
      image: image(env), networks: [network(env)],
      spec: { ...k8sSpec(env), image: image(env).imageReference, healthProbe: HealthProbe.exec({ command: ['/app/health'] }) },
      publishedPorts: [{ containerPort: 8080, hostPort: 8443 }], addCapabilities: ['CHOWN'], ulimits: [{ name: 'nofile', soft: 1024, hard: 2048 }],
      restartMaxRetries: 3, stopGracePeriodSeconds: 10,
    }),
    build: (env, props, id) => { new HardenedContainer(env.stack, id, props); },
    secretPaths: SECRET_ENV,
  },
  {
    name: 'TrustedImage',
    props: () => ({ image: ImageReference.parse(`docker.io/library/nginx:1.27@${DIGEST}`), allowedRegistries: ['docker.io'], keepLocally: false }),
    build: (env, props, id) => { new TrustedImage(env.stack, id, props); },
  },
  { name: 'ContainerNetwork', props: () => ({ networkName: 'front', internal: false }), build: (env, props, id) => { new ContainerNetwork(env.stack, id, props); } },
  { name: 'ContainerVolume', props: () => ({ volumeName: 'data' }), build: (env, props, id) => { new ContainerVolume(env.stack, id, props); } },
  {
    name: 'ImageScanGate',
    props: (env) => ({ image: image(env), scanner: ImageScanner.trivy() }),
    build: (env, props, id) => { new ImageScanGate(env.stack, id, props); },
  },
  {
    name: 'RegistryCredentials',
    props: (env) => ({ address: 'ghcr.io', username: env.password, password: env.password }),
    build: (env, props) => { RegistryCredentials.fromSensitiveValues(props?.address, props?.username, props?.password).addTo(env.stack.node.findChild('docker') as DockerProvider); },
    secretPaths: [['password']],
  },
  {
    name: 'HardenedNamespace',
    props: () => ({ namespaceName: 'shop', podSecurityVersion: 'v1.29', labels: { team: 'a' }, quotaPods: 20, dnsPodLabels: { 'k8s-app': 'kube-dns' } }),
    build: (env, props, id) => { new HardenedNamespace(env.stack, id, props); },
  },
  {
    name: 'HardenedDeployment',
    props: (env) => ({ namespace: namespace(env), spec: k8sSpec(env), replicas: 2, sidecars: [{ ...k8sSpec(env, 'proxy'), ports: [{ name: 'admin', containerPort: 9090 }], healthProbe: undefined }] }),
    build: (env, props, id) => { new HardenedDeployment(env.stack, id, props); },
    secretPaths: SECRET_ENV,
  },
  {
    name: 'HardenedStatefulSet',
    props: (env) => ({ namespace: namespace(env), spec: k8sSpec(env, 'db'), volumeClaims: [{ name: 'data', mountPath: '/var/lib/data', storage: Size.parse('10Gi') }] }),
    build: (env, props, id) => { new HardenedStatefulSet(env.stack, id, props); },
    secretPaths: SECRET_ENV,
  },
  {
    name: 'HardenedCronJob',
    props: (env) => ({ namespace: namespace(env), spec: k8sSpec(env, 'job'), schedule: '0 3 * * *', timeZone: 'Europe/Berlin' }),
    build: (env, props, id) => { new HardenedCronJob(env.stack, id, props); },
    secretPaths: SECRET_ENV,
  },
  { name: 'SandboxRuntimeClass', props: () => ({}), build: (env, props, id) => { new SandboxRuntimeClass(env.stack, id, props); } },
  {
    name: 'VmTemplate',
    props: () => ({ source: TemplateSource.ovfUrl('https://images.example.com/ubuntu.ova', { libraryName: 'golden' }), datacenterName: 'dc', computeClusterName: 'cl', datastoreName: 'ds' }),
    build: (env, props, id) => { new VmTemplate(env.stack, id, props); },
  },
  {
    name: 'SecureVirtualMachine',
    props: (env) => ({
      template: template(env), vtpm: true, storagePolicyId: 'policy-1',
      spec: {
        name: 'win-01', cpus: 4, coresPerSocket: 2, memoryMiB: 8192, firmware: Firmware.EFI, guestOsFamily: GuestOsFamily.WINDOWS,
        disks: [{ label: 'disk0', sizeGiB: 60 }, { label: 'data', sizeGiB: 100, thinProvisioned: false }],
        networks: [{ networkId: 'pg-1', ipv4Address: '10.0.0.5', ipv4PrefixLength: 24 }],
      },
      customization: GuestCustomization.windows({ computerName: 'WIN01', adminPassword: env.password, ipv4Gateway: '10.0.0.1' }),
    }),
    build: (env, props, id) => { new SecureVirtualMachine(env.stack, id, props); },
  },
  {
    name: 'HostPciDevice',
    props: () => ({ datacenterId: 'dc-1', hostName: 'esx-gpu-01', vendorId: '10de', classId: '0302', deviceMemoryGB: 80 }),
    build: (env, props, id) => { new HostPciDevice(env.stack, id, props); },
  },
  { name: 'VmSnapshot', props: (env) => ({ virtualMachine: vm(env), snapshotName: 'pre-upgrade' }), build: (env, props, id) => { new VmSnapshot(env.stack, id, props); } },
  {
    name: 'VmAntiAffinityRule',
    props: (env) => ({ virtualMachines: [vm(env), env.lazy(() => new SecureVirtualMachine(env.stack, 'FzVm2', { template: template(env), spec: { name: 'fz-vm2', cpus: 2, memoryMiB: 4096 } }))], ruleName: 'keep-apart' }),
    build: (env, props, id) => { new VmAntiAffinityRule(env.stack, id, props); },
  },
  { name: 'VmHaOverride', props: (env) => ({ virtualMachine: vm(env), restartPriority: HaRestartPriority.HIGH }), build: (env, props, id) => { new VmHaOverride(env.stack, id, props); } },
  {
    name: 'VmResourcePool',
    props: () => ({ name: 'pool', parentResourcePoolId: 'rp-1', cpuReservationMhz: 1000, memoryReservationMiB: 1024, memoryLimitMiB: 2048 }),
    build: (env, props, id) => { new VmResourcePool(env.stack, id, props); },
  },
  {
    name: 'SecureDistributedSwitch',
    props: () => ({ name: 'dvs-a', datacenterId: 'dc-1', uplinks: ['uplink1', 'uplink2'], hosts: [{ hostSystemId: 'host-1', devices: ['vmnic2'] }], maxMtu: 9000 }),
    build: (env, props, id) => { new SecureDistributedSwitch(env.stack, id, props); },
  },
  {
    name: 'SecurePortGroup',
    props: (env) => ({ name: 'pg-a', distributedSwitch: dvs(env), vlanId: 110, nativeVlanId: 1, reservedVlanIds: [1001] }),
    build: (env, props, id) => { new SecurePortGroup(env.stack, id, props); },
  },
  {
    name: 'SecureHostVirtualSwitch',
    props: () => ({ name: 'vSwitch1', hostSystemId: 'host-1', networkAdapters: ['vmnic4', 'vmnic5'], standbyNics: ['vmnic5'], mtu: 1500 }),
    build: (env, props, id) => { new SecureHostVirtualSwitch(env.stack, id, props); },
  },
  {
    name: 'SecureHostPortGroup',
    props: (env) => ({ name: 'pg-b', virtualSwitch: vswitch(env), vlanId: 120, nativeVlanId: 1 }),
    build: (env, props, id) => { new SecureHostPortGroup(env.stack, id, props); },
  },
  {
    name: 'Policy.suppress+PolicyChecks',
    props: () => ({ ruleId: 'K8S-NO-PRIVILEGED', reason: 'reviewed in SEC-1234 by the platform team', options: { failOn: 'HIGH', writeReports: false } }),
    build: (env, props) => { Policy.suppress(env.stack, props?.ruleId, props?.reason); PolicyChecks.applyTo(env.stack, props?.options); },
  },
  // value types: the factory is the boundary
  { name: 'Cpu', props: () => ({ parse: '500m', cores: 0.25, millicores: 250 }), build: (_env, p) => { Cpu.parse(p?.parse); Cpu.cores(p?.cores); Cpu.millicores(p?.millicores); } },
  { name: 'Size', props: () => ({ parse: '512Mi', mebibytes: 64, gibibytes: 2 }), build: (_env, p) => { Size.parse(p?.parse); Size.mebibytes(p?.mebibytes); Size.gibibytes(p?.gibibytes); } },
  { name: 'ImageReference', props: () => ({ reference: `ghcr.io/acme/api:1.0@${DIGEST}` }), build: (_env, p) => { ImageReference.parse(p?.reference); } },
  {
    name: 'HealthProbe',
    props: () => ({ http: { path: '/healthz', port: 8080, https: true, timeoutSeconds: 2 }, tcp: { port: 5432 }, exec: { command: ['/bin/check'] } }),
    build: (_env, p) => { HealthProbe.http(p?.http); HealthProbe.tcp(p?.tcp); HealthProbe.exec(p?.exec); },
  },
  {
    name: 'EnvValue',
    props: () => ({ secretName: 'db-credentials', key: 'password', plain: 'x' }),
    build: (_env, p) => { EnvValue.fromKubernetesSecret(p?.secretName, p?.key); EnvValue.fromString(p?.plain); },
  },
  {
    name: 'TemplateSource',
    props: () => ({ url: 'https://images.example.com/a.ova', options: { libraryName: 'golden' }, item: ['golden', 'rhel9'], existing: 'tpl' }),
    build: (_env, p) => { TemplateSource.ovfUrl(p?.url, p?.options); TemplateSource.contentLibraryItem(p?.item?.[0], p?.item?.[1]); TemplateSource.existingTemplate(p?.existing); },
  },
  {
    name: 'GuestCustomization',
    props: () => ({ linux: { hostName: 'db-01', domain: 'corp.example', timeZone: 'Etc/UTC' } }),
    build: (env, p, id) => {
      new SecureVirtualMachine(env.stack, id, { template: template(env), spec: { name: 'gc-01', cpus: 2, memoryMiB: 4096 }, customization: GuestCustomization.linux(p?.linux) });
    },
  },
  { name: 'ImageScanner', props: () => ({ argv: ['clairctl', 'report', '{image}'] }), build: (_env, p) => { ImageScanner.custom(p?.argv); } },
];

/** Wraps a literal in the token forms that must never reach the output. */
export const SECRET_WRAPPERS: Array<(secret: string) => string> = [
  (s) => Fn.sensitive(s),
  (s) => Fn.join('', [s.slice(0, 4), s.slice(4)]),
  (s) => Fn.lower(s),
  (s) => Lazy.stringValue({ produce: () => s }),
  (s) => s,
];
