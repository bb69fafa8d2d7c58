// The public API under fuzz: every construct and value type, each with near-valid props built in a
// fresh stack. The harness mutates one field at a time (or replaces everything) and checks the invariant.
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { VsphereProvider } from '@cdktf/provider-vsphere/lib/provider';
import { Fn, Lazy, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  ApprovedPciDeviceRule, ConfigMap, DockerAppArmorRule, DockerBindHostIpRule, DockerCapabilitiesRule, DockerGpuRule, DockerHostDevicesRule,
  DockerSeLinuxRule, DockerSensitiveMountsRule, DockerSysctlsRule, DockerUlimitsRule, ContainerNetwork, ContainerVolume, Cpu, DockerHealthCheckTool, EnvValue, Firmware, HaRestartPriority, GuestCustomization, GuestOsFamily,
  HardenedContainer, HardenedCronJob, HardenedDaemonSet, HardenedDeployment, HardenedIngress, HardenedJob, HardenedNamespace, HardenedStatefulSet,
  HardenedWorkload, HealthProbe, HostPciDevice, HybridArchitecture, Hypervisor, HypervAutomaticStartAction, HypervCheckpointType, HypervNetworkSwitch,
  HypervProvider, HypervSecureBootTemplate, HypervSecureVm, HypervSwitchType, HypervVhd, HypervVhdType, HypervVirtualMachineFactory, IHybridWorkload,
  ImageReference, ImageScanGate, ImageScanner, IngressPathType, JobRestartPolicy, MmioSizeRule, Naming, NativeVlanRule, NetFlowRule, PlacementAdvisor, PlacementTarget, Policy, PolicyChecks, Protocol,
  RegistryCredentials, RemovalPolicy, ReservedVlanRule, SandboxRuntime, SandboxRuntimeClass, ScanSeverity, SecureDistributedSwitch, SecureHostPortGroup,
  SecureHostVirtualSwitch, SecurePortGroup, SecureVirtualMachine, Size, TemplateSource, TrustedImage, VirtualBoxNetworkType, VirtualBoxProvider,
  VirtualBoxVirtualMachineFactory, VirtualBoxVm, VlanTrunkRule, VmAntiAffinityRule, VmDvFilterRule, VmEncryptionRule, VmHardwareVersionRule, VmVtpmRule, VmHaOverride, VmResourcePool, VmSnapshot, VmTemplate, VsphereVirtualMachineFactory,
} from '../../lib';

/** Written into every sensitive value the fuzz wraps; it must never appear in cdk.tf.json or an error. */
export const SENTINEL = 'S3CR3T-SENTINEL-7f3a';
export const DIGEST = `sha256:${'b'.repeat(64)}`;

/** What every entry may use: a stack with the Docker, Kubernetes, vSphere, Hyper-V and VirtualBox providers, a namespace, an image, a network and a VM template. */
export interface Env {
  readonly stack: TerraformStack;
  readonly password: string;
  lazy<T>(make: () => T): T;
}

export interface Entry {
  readonly name: string;
  /** Near-valid props (or arguments) for this entry, built against the environment. */
  props(env: Env): any;
  /**
   * Uses the public API with the (mutated) props; `id` differs for duplicates. May return further
   * output (a rendered review) that must not hold a literal secret either.
   */
  build(env: Env, props: any, id: string): void | string;
  /** Props paths where a sensitive value sits, for the secret-wrapping mutation (an EnvValue there becomes `EnvValue.fromSensitiveValue`). */
  readonly secretPaths?: string[][];
  /** Puts the wrapped secret where a path cannot (inside a value type such as GuestCustomization). */
  withSecret?(props: any, secret: string): any;
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
  // the hand-written providers of lib/vm/hyperv and lib/vm/virtualbox
  new HypervProvider(stack, 'hyperv', { host: 'hv01.example.com', port: 5986, https: true, insecure: false, user: 'lab', password });
  new VirtualBoxProvider(stack, 'virtualbox');
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

// ---------------------------------------------------------------- the newer Kubernetes kinds

const deployment = (env: Env) => env.lazy(() => new HardenedDeployment(env.stack, 'FzWeb', { namespace: namespace(env), spec: k8sSpec(env, 'web') }));

ENTRIES.push(
  {
    name: 'HardenedDaemonSet',
    props: (env) => ({
      namespace: namespace(env), spec: k8sSpec(env, 'agent'), nodeSelector: { pool: 'edge' }, tolerateControlPlane: true,
      tolerations: [{ key: 'dedicated', value: 'monitoring', effect: 'NoSchedule' }], maxUnavailable: 1, minReadySeconds: 10,
    }),
    build: (env, props, id) => { new HardenedDaemonSet(env.stack, id, props); },
    secretPaths: SECRET_ENV,
  },
  {
    name: 'HardenedJob',
    props: (env) => ({
      namespace: namespace(env), spec: { ...k8sSpec(env, 'migrate'), ports: undefined, healthProbe: undefined, args: ['migrate'] },
      activeDeadlineSeconds: 600, backoffLimit: 2, completions: 2, parallelism: 1, ttlSecondsAfterFinished: 3600,
      restartPolicy: JobRestartPolicy.NEVER, waitForCompletion: false,
    }),
    build: (env, props, id) => { new HardenedJob(env.stack, id, props); },
    secretPaths: SECRET_ENV,
  },
  {
    name: 'HardenedIngress',
    props: (env) => ({
      namespace: namespace(env), ingressClassName: 'nginx', tlsSecretName: 'shop-tls', controllerNamespace: 'ingress-nginx',
      annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '8m' },
      routes: [
        { host: 'shop.example.com', backend: deployment(env), port: 8080 },
        { host: 'shop.example.com', path: '/static', pathType: IngressPathType.PREFIX, backend: deployment(env), port: 8080 },
      ],
    }),
    build: (env, props, id) => { new HardenedIngress(env.stack, id, props); },
  },
  {
    name: 'ConfigMap',
    props: (env) => ({ namespace: namespace(env), data: { 'app.yaml': 'level: info\n', 'feature.flags': 'a=1' }, configMapName: 'api-config', immutable: true, labels: { team: 'a' } }),
    build: (env, props, id) => {
      const config = new ConfigMap(env.stack, id, props);
      // mounted into a workload: the map's name and namespace flow into the pod
      new HardenedDeployment(env.stack, `${id}User`, { namespace: namespace(env), spec: k8sSpec(env, `${id.toLowerCase()}-user`), files: [{ mountPath: '/etc/api', configMap: config }] });
    },
  },
);

// ---------------------------------------------------------------- Hyper-V and VirtualBox

const LINUX_VM = { name: 'lab-web01', cpus: 2, memoryMiB: 2048, disks: [{ label: 'os', sizeGiB: 30 }, { label: 'data', sizeGiB: 10, thinProvisioned: false }], networks: [{ networkId: 'lab-backend' }] };

ENTRIES.push(
  {
    name: 'HypervSecureVm',
    props: () => ({
      spec: { ...LINUX_VM, guestOsFamily: GuestOsFamily.LINUX, firmware: Firmware.EFI }, storagePath: 'D:\\Hyper-V',
      bootDiskSource: 'https://images.example.com/ubuntu-24.04.vhdx', secureBootTemplate: HypervSecureBootTemplate.MICROSOFT_UEFI_CA,
      dynamicMemory: { minimumMiB: 1024, maximumMiB: 4096 }, checkpointType: HypervCheckpointType.PRODUCTION_ONLY, vlanId: 120,
      integrationServices: { 'Guest Service Interface': false }, automaticStartAction: HypervAutomaticStartAction.START_IF_RUNNING,
      automaticStartDelaySeconds: 30, notes: 'web tier', removalPolicy: RemovalPolicy.RETAIN,
    }),
    build: (env, props, id) => { new HypervSecureVm(env.stack, id, props); },
  },
  {
    name: 'HypervNetworkSwitch',
    props: () => ({ switchName: 'lab-frontend', switchType: HypervSwitchType.EXTERNAL, netAdapterNames: ['Ethernet 2'], allowManagementOs: false, notes: 'front end' }),
    build: (env, props, id) => { new HypervNetworkSwitch(env.stack, id, props); },
  },
  {
    name: 'HypervVhd',
    props: () => ({ path: 'D:\\Hyper-V\\web01\\data.vhdx', sizeGiB: 40, vhdType: HypervVhdType.FIXED, removalPolicy: RemovalPolicy.RETAIN }),
    build: (env, props, id) => { new HypervVhd(env.stack, id, props); },
  },
  {
    name: 'VirtualBoxVm',
    props: () => ({ spec: { ...LINUX_VM, networks: [{ networkId: 'vboxnet1' }, { networkId: 'lab-internal' }] }, image: 'https://boxes.example.com/debian-12.box',
      networkTypes: [VirtualBoxNetworkType.HOST_ONLY, VirtualBoxNetworkType.INTERNAL] }),
    build: (env, props, id) => { new VirtualBoxVm(env.stack, id, props); },
  },
);

// ---------------------------------------------------------------- the hybrid layer

const vsphereFactory = (env: Env) => env.lazy(() => new VsphereVirtualMachineFactory({ template: template(env), distributedSwitch: dvs(env), nativeVlanId: 1, vtpm: true }));
const winCustomization = (adminPassword: string) => GuestCustomization.windows({ computerName: 'APP01', adminPassword });

/** Adds the workloads of `p` (`containers`, `vms`: id → options) and its `flows`; returns the review. */
function buildArchitecture(env: Env, p: any, id: string): string {
  const arch = new HybridArchitecture(env.stack, id, p?.architecture);
  const workloads = new Map<unknown, IHybridWorkload>();
  for (const [key, options] of Object.entries<any>(p?.containers ?? {})) workloads.set(key, arch.addContainerWorkload(key, options));
  for (const [key, options] of Object.entries<any>(p?.vms ?? {})) workloads.set(key, arch.addVmWorkload(key, options));
  for (const flow of Array.isArray(p?.flows) ? p.flows : []) arch.connect(workloads.get(flow?.from)!, workloads.get(flow?.to)!, flow?.port, flow?.options);
  const plan = arch.capacityPlan;
  const review = arch.renderReview();
  return [JSON.stringify(plan), review.markdown, review.json, review.mermaid, ...arch.unenforceableSides].join('\n');
}

ENTRIES.push(
  {
    name: 'HybridArchitecture',
    props: (env) => ({
      architecture: {
        kubernetes: { namespaceName: 'shop', podSecurityVersion: 'v1.29', sandboxRuntime: SandboxRuntime.GVISOR },
        docker: { allowedRegistries: ['ghcr.io'], networkPrefix: 'edge', hostCidr: '10.0.50.10/32', scanner: ImageScanner.grype(), failOnSeverity: ScanSeverity.HIGH },
        virtualMachineFactories: [vsphereFactory(env)],
        capacity: {
          kubernetesNodes: { cpuCores: 16, memoryGiB: 64, hostCount: 3 }, dockerHosts: { cpuCores: 8, memoryGiB: 32 },
          vsphereHosts: { cpuCores: 32, memoryGiB: 512, hostCount: 2, diskGiB: 4096 }, maxCpuOvercommit: 4, maxMemoryOvercommit: 1.5,
          guestOsOverhead: { linuxMemoryMiB: 512, windowsMemoryMiB: 2048, hypervisorMemoryMiB: 128, containerMemoryMiB: 16 },
        },
        policyChecks: { writeReports: false },
      },
      containers: {
        web: { spec: k8sSpec(env, 'web'), autoscaling: { minReplicas: 2, maxReplicas: 6, cpuUtilizationPercent: 70 }, spreadAcrossZones: true },
        sandbox: { spec: { ...k8sSpec(env, 'sandbox'), env: undefined }, requirements: { untrustedCode: true }, volumeClaims: [{ name: 'data', mountPath: '/var/lib/data', storage: Size.parse('1Gi') }] },
        report: { spec: { ...k8sSpec(env, 'report'), ports: undefined, healthProbe: undefined }, schedule: '0 3 * * *', timeZone: 'Europe/Berlin' },
        edge: {
          spec: { ...k8sSpec(env, 'edge'), healthProbe: HealthProbe.http({ path: '/healthz', port: 8080 }) }, requirements: { edge: true },
          publishedPorts: [{ containerPort: 8080, hostPort: 8443, hostIp: '10.0.50.10' }], healthCheckTool: DockerHealthCheckTool.WGET,
        },
        tool: { spec: { ...k8sSpec(env, 'tool'), env: undefined }, placement: PlacementTarget.DOCKER, placementReason: 'single edge box, no cluster there; CHG-1234' },
      },
      vms: {
        db: { spec: { name: 'db-01', cpus: 4, memoryMiB: 8192, disks: [{ label: 'disk0', sizeGiB: 40 }, { label: 'data', sizeGiB: 200 }] },
          requirements: { machineSnapshots: true }, vlanId: 110, ipv4Address: '10.0.110.11', ipv4PrefixLength: 24, removalPolicy: RemovalPolicy.RETAIN,
          vsphere: { memoryReservationMiB: 1024, folder: 'shop', guestId: 'ubuntu64Guest' } },
        app: { spec: { name: 'app-01', cpus: 2, memoryMiB: 4096, guestOsFamily: GuestOsFamily.WINDOWS }, vlanId: 110, ipv4Address: '10.0.110.12',
          vsphere: { customization: winCustomization(env.password) } },
      },
      flows: [
        { from: 'web', to: 'db', port: 5432, options: { description: 'web reads the database' } },
        { from: 'edge', to: 'web', port: 8080, options: { description: 'edge proxy forwards the shop' } },
        { from: 'web', to: 'edge', port: 8080 },
        { from: 'edge', to: 'tool', port: 8080 },
        { from: 'app', to: 'db', port: 5432, options: { protocol: Protocol.TCP } },
        { from: 'report', to: 'app', port: 443 },
      ],
    }),
    build: buildArchitecture,
    secretPaths: [['containers', 'web', 'spec', 'env', 'DB_PASSWORD'], ['containers', 'edge', 'spec', 'env', 'DB_PASSWORD']],
    withSecret: (props, secret) => ({ ...props, vms: { ...props.vms, app: { ...props.vms.app, vsphere: { customization: winCustomization(secret) } } } }),
  },
  {
    name: 'HybridArchitecture+HypervVirtualBox',
    props: (env) => ({
      architecture: {
        virtualMachineFactories: [
          vsphereFactory(env),
          new HypervVirtualMachineFactory({ storagePath: 'D:\\Hyper-V', switchName: 'corp-switch', bootDiskSource: 'D:\\Golden\\ws2022.vhdx' }),
          new VirtualBoxVirtualMachineFactory({ image: 'https://boxes.example.com/debian-12.box', hostInterface: 'vboxnet1' }),
        ],
        capacity: { hypervHosts: { cpuCores: 16, memoryGiB: 128 }, virtualboxHosts: { cpuCores: 8, memoryGiB: 32, diskGiB: 500 } },
        writeReview: false,
      },
      containers: { api: { spec: k8sSpec(env, 'api') } },
      vms: {
        dc: { spec: { name: 'dc-01', cpus: 2, memoryMiB: 4096, guestOsFamily: GuestOsFamily.WINDOWS }, requirements: { windowsEcosystem: true }, vlanId: 30, ipv4Address: '10.0.30.5' },
        lab: { spec: { name: 'kernel-lab', cpus: 2, memoryMiB: 2048 }, requirements: { customKernel: true, lab: true }, vlanId: 10, ipv4Address: '192.168.56.10' },
        legacy: { spec: { name: 'legacy-01', cpus: 1, memoryMiB: 1024, networks: [{ networkId: 'corp-switch' }] }, hypervisor: Hypervisor.HYPERV,
          placementReason: 'vendor supports this appliance on Hyper-V only' },
      },
      flows: [{ from: 'api', to: 'dc', port: 389 }, { from: 'lab', to: 'api', port: 8080 }, { from: 'dc', to: 'legacy', port: 445 }],
    }),
    build: buildArchitecture,
    secretPaths: [['containers', 'api', 'spec', 'env', 'DB_PASSWORD']],
  },
  {
    name: 'PlacementAdvisor',
    props: () => ({
      requirements: {
        fullOperatingSystem: false, windows: false, customKernel: false, machineSnapshots: false, devicePassthrough: false, tenantIsolation: false,
        windowsEcosystem: false, lab: false, untrustedCode: true, gpus: 1, replicas: 3, scaleOut: true, singleHost: false, edge: false, startupSensitive: false,
      },
    }),
    build: (_env, p) => JSON.stringify([PlacementAdvisor.advise(p?.requirements), PlacementAdvisor.decisionTable().length]),
  },
  {
    name: 'VsphereVirtualMachineFactory',
    props: (env) => ({
      factory: { template: template(env), distributedSwitch: dvs(env), nativeVlanId: 1, storagePolicyId: 'policy-1', folder: 'vms', vtpm: true },
      segment: { segmentName: 'pg-app-110', vlanId: 110, description: 'app segment' },
      request: { spec: { name: 'app-02', cpus: 2, memoryMiB: 4096, guestOsFamily: GuestOsFamily.WINDOWS, networks: [{ networkId: 'pg-1' }] }, removalPolicy: RemovalPolicy.RETAIN,
        vsphere: { vtpm: true, memoryReservationMiB: 512, customization: winCustomization(env.password) } },
    }),
    build: (env, p, id) => {
      const factory = new VsphereVirtualMachineFactory(p?.factory);
      const segment = factory.createNetworkSegment(env.stack, `${id}Segment`, p?.segment);
      factory.createVirtualMachine(env.stack, id, p?.request);
      return JSON.stringify(segment);
    },
    withSecret: (props, secret) => ({ ...props, request: { ...props.request, vsphere: { customization: winCustomization(secret) } } }),
  },
  {
    name: 'HypervVirtualMachineFactory',
    props: () => ({
      factory: { storagePath: 'D:\\Hyper-V', switchName: 'corp-switch', bootDiskSource: 'D:\\Golden\\ws2022.vhdx' },
      segment: { segmentName: 'pg-dc-30', vlanId: 30 },
      request: { spec: { name: 'dc-02', cpus: 2, memoryMiB: 4096, guestOsFamily: GuestOsFamily.WINDOWS, networks: [{ networkId: 'corp-switch', ipv4Address: '10.0.30.6' }] }, vlanId: 30 },
    }),
    build: (env, p, id) => {
      const factory = new HypervVirtualMachineFactory(p?.factory);
      const segment = factory.createNetworkSegment(env.stack, `${id}Segment`, p?.segment);
      factory.createVirtualMachine(env.stack, id, p?.request);
      return JSON.stringify(segment);
    },
  },
  {
    name: 'VirtualBoxVirtualMachineFactory',
    props: () => ({
      factory: { image: 'https://boxes.example.com/debian-12.box', hostInterface: 'vboxnet1' },
      segment: { segmentName: 'lab', vlanId: 10 },
      request: { spec: { name: 'lab-02', cpus: 2, memoryMiB: 2048, networks: [{ networkId: 'vboxnet1' }] } },
    }),
    build: (env, p, id) => {
      const factory = new VirtualBoxVirtualMachineFactory(p?.factory);
      const segment = factory.createNetworkSegment(env.stack, `${id}Segment`, p?.segment);
      factory.createVirtualMachine(env.stack, id, p?.request);
      return JSON.stringify(segment);
    },
  },
);

// ---------------------------------------------------------------- static factories and helpers not covered above

ENTRIES.push(
  {
    name: 'lookups (fromNetworkName, fromVolumeName, fromRuntimeClassName, fromLookup, fromName, fromVariables)',
    props: () => ({ network: 'front', internal: true, volume: 'data', runtimeClass: 'gvisor', dvs: { name: 'dvs-lab', datacenterId: 'dc-1' },
      vswitch: ['vSwitch0', 'host-1'], registry: { address: 'ghcr.io' } }),
    build: (env, p, id) => {
      ContainerNetwork.fromNetworkName(env.stack, `${id}Net`, p?.network, p?.internal);
      ContainerVolume.fromVolumeName(env.stack, `${id}Vol`, p?.volume);
      SandboxRuntimeClass.fromRuntimeClassName(p?.runtimeClass);
      SecureDistributedSwitch.fromLookup(env.stack, `${id}Dvs`, p?.dvs);
      SecureHostVirtualSwitch.fromName(env.stack, `${id}Vss`, p?.vswitch?.[0], p?.vswitch?.[1]);
      RegistryCredentials.fromVariables(env.stack, `${id.toLowerCase()}_creds`, p?.registry).addTo(env.stack.node.findChild('docker') as DockerProvider);
    },
  },
  {
    name: 'value factories (ImageScanner, Size, EnvValue, Naming, secretKeyFor)',
    props: (env) => ({
      grype: { executable: 'grype' }, anchore: { executable: 'anchorectl', policyCheck: true, environment: { ANCHORECTL_URL: env.password, ANCHORECTL_PASSWORD: env.password } },
      clair: { executable: 'clairctl' }, bytes: 1024, kibibytes: 4, sensitive: env.password, label: 'web-1', subdomain: 'api.shop', maxLength: 20,
      secretKey: ['api', 'DB_PASSWORD'], reference: 'ghcr.io/acme/api:1.0',
    }),
    build: (env, p, id) => {
      ImageScanner.grype(p?.grype);
      new ImageScanGate(env.stack, `${id}Gate`, { image: image(env), scanner: ImageScanner.anchore(p?.anchore) });
      ImageScanner.clair(p?.clair);
      Size.bytes(p?.bytes);
      Size.kibibytes(p?.kibibytes);
      const value = EnvValue.fromSensitiveValue(p?.sensitive);
      Naming.isDnsLabel(p?.label);
      Naming.isDnsSubdomain(p?.subdomain);
      ImageReference.isValid(p?.reference);
      const secretKey = HardenedWorkload.secretKeyFor(p?.secretKey?.[0], p?.secretKey?.[1]);
      const name = Naming.uniqueDnsLabel(new Construct(env.stack, id), p?.maxLength);
      // the sensitive value reaches output only through a construct that guards it
      new HardenedDeployment(env.stack, `${id}Workload`, { namespace: namespace(env), spec: { ...k8sSpec(env, `${id.toLowerCase()}-user`), env: { TOKEN: value } } });
      return `${secretKey} ${name}`;
    },
    secretPaths: [['sensitive'], ['anchore', 'environment', 'ANCHORECTL_PASSWORD']],
  },
);

// ---------------------------------------------------------------- vSphere policy rules with site options (the checks run at synth)

ENTRIES.push({
  name: 'vSphere policy rules with options',
  props: () => ({
    approvedPci: { approvedDeviceIds: ['10de:20b5'] }, mmio: { minimumSizeGB: 64 }, nativeVlan: { nativeVlanId: 1 }, netflow: { approvedCollectors: ['10.0.0.50'] },
    reserved: { reservedVlanRanges: [{ minVlan: 1001, maxVlan: 1024 }] }, trunk: { allowedVlanRanges: [{ minVlan: 100, maxVlan: 200 }] },
    dvfilter: { allowedFilterNames: ['nsx-filter'] }, encryption: { encryptionPolicyIds: ['policy-1'] }, hardware: { minimumVersion: 19 }, vtpm: { required: true },
  }),
  build: (env, p, id) => {
    // the rules judge a port group and a VM of the environment
    new SecurePortGroup(env.stack, `${id}Pg`, { name: `pg-${id.toLowerCase()}`, distributedSwitch: dvs(env), vlanId: 130 });
    vm(env);
    PolicyChecks.applyTo(env.stack, {
      writeReports: false,
      rules: [
        new ApprovedPciDeviceRule(p?.approvedPci), new MmioSizeRule(p?.mmio), new NativeVlanRule(p?.nativeVlan), new NetFlowRule(p?.netflow),
        new ReservedVlanRule(p?.reserved), new VlanTrunkRule(p?.trunk), new VmDvFilterRule(p?.dvfilter), new VmEncryptionRule(p?.encryption),
        new VmHardwareVersionRule(p?.hardware), new VmVtpmRule(p?.vtpm),
      ],
    });
  },
});

ENTRIES.push({
  name: 'Docker policy rules with options',
  props: () => ({
    apparmor: { requiredProfile: 'docker-default' }, bindHostIp: { allowedHostIps: ['127.0.0.1'] }, caps: { allowedAddCapabilities: ['NET_BIND_SERVICE'] },
    gpu: { allowedDevicePaths: ['/dev/nvidia0'] }, devices: { allowedDevicePaths: ['/dev/fuse'] }, selinux: { requiredType: 'container_t' },
    mounts: { allowedReadOnlyPaths: ['/etc/ssl/certs'] }, sysctls: { allowedSysctls: ['net.ipv4.ip_unprivileged_port_start'] }, ulimits: { allowedNames: ['nofile'] },
  }),
  build: (env, p, id) => {
    // the rules judge a hardened container of the environment
    new HardenedContainer(env.stack, `${id}Web`, { image: image(env), networks: [network(env)], spec: { ...k8sSpec(env, 'web'), image: image(env).imageReference, env: undefined } });
    PolicyChecks.applyTo(env.stack, {
      writeReports: false,
      rules: [
        new DockerAppArmorRule(p?.apparmor), new DockerBindHostIpRule(p?.bindHostIp), new DockerCapabilitiesRule(p?.caps), new DockerGpuRule(p?.gpu),
        new DockerHostDevicesRule(p?.devices), new DockerSeLinuxRule(p?.selinux), new DockerSensitiveMountsRule(p?.mounts), new DockerSysctlsRule(p?.sysctls),
        new DockerUlimitsRule(p?.ulimits),
      ],
    });
  },
});

/** Wraps a literal in the token forms that must never reach the output. */
export const SECRET_WRAPPERS: Array<(secret: string) => string> = [
  (s) => Fn.sensitive(s),
  (s) => Fn.join('', [s.slice(0, 4), s.slice(4)]),
  (s) => Fn.lower(s),
  (s) => Lazy.stringValue({ produce: () => s }),
  (s) => s,
];
