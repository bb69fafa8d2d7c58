// Acceptance: every library construct with its defaults gives zero unsuppressed FAIL/ERROR findings
// under PolicyPacks.all(); one insecure escape hatch (an override on `resource` or a loosening prop)
// gives exactly the expected finding (rule id and attribute path) and nothing else new.
import { DataVsphereStoragePolicy } from '@cdktf/provider-vsphere/lib/data-vsphere-storage-policy';
import { TerraformStack } from 'cdktf';
import {
  ContainerNetwork, ContainerVolume, Cpu, FindingStatus, HaRestartPriority, HardenedContainer, HardenedCronJob, HardenedDeployment, HardenedNamespace,
  HardenedStatefulSet, HealthProbe, HostPciDevice, ImageReference, ImageScanGate, PolicyFinding, SandboxRuntimeClass, SecurePortGroup,
  SecureVirtualMachine, Size, TemplateSource, TrustedImage, VmAntiAffinityRule, VmHaOverride, VmResourcePool, VmSnapshot, VmTemplate,
} from '../../../lib';
import { newStack, synthFindings } from './fixtures';

const digest = (c: string) => `sha256:${c.repeat(64)}`;

// ---------------------------------------------------------------- builders (defaults only; site inputs given)

interface KubernetesParts {
  namespace?: { podSecurityVersion?: string };
  deployment?: Record<string, unknown>;
  cronJob?: Record<string, unknown>;
}

function kubernetesDomain(stack: TerraformStack, parts: KubernetesParts = {}) {
  const namespace = new HardenedNamespace(stack, 'Apps', { namespaceName: 'apps', podSecurityVersion: 'v1.33', ...parts.namespace });
  const sandbox = new SandboxRuntimeClass(stack, 'Gvisor', { runtimeClassName: 'gvisor', handler: 'runsc' });
  const image = (name: string, c: string) => ImageReference.parse(`registry.example.com/${name}:1.0@${digest(c)}`);
  const web = new HardenedDeployment(stack, 'Web', {
    namespace,
    workloadName: 'web',
    replicas: 2,
    spec: {
      name: 'web',
      image: image('web', '1'),
      ports: [{ name: 'http', containerPort: 8080 }],
      healthProbe: HealthProbe.http({ path: '/healthz', port: 8080 }),
      writablePaths: ['/tmp'],
    },
    ...parts.deployment,
  });
  const db = new HardenedStatefulSet(stack, 'Db', {
    namespace,
    workloadName: 'db',
    spec: {
      name: 'db',
      image: image('db', '2'),
      ports: [{ name: 'pg', containerPort: 5432 }],
      resources: { cpuRequest: Cpu.millicores(500), cpuLimit: Cpu.cores(1), memoryRequest: Size.mebibytes(512), memoryLimit: Size.gibibytes(1) },
      healthProbe: HealthProbe.exec({ command: ['pg_isready'] }),
    },
    volumeClaims: [{ name: 'data', mountPath: '/var/lib/postgresql/data', storage: Size.gibibytes(10) }],
  });
  const job = new HardenedCronJob(stack, 'Report', {
    namespace,
    workloadName: 'report',
    schedule: '0 3 * * *',
    sandbox,
    spec: { name: 'report', image: image('report', '3') },
    ...parts.cronJob,
  });
  web.allowTo(db, 5432);
  return { namespace, web, db, job };
}

interface DockerParts {
  network?: Record<string, unknown>;
  container?: Record<string, unknown>;
}

function dockerDomain(stack: TerraformStack, parts: DockerParts = {}) {
  const ref = ImageReference.parse(`registry.example.com/app:2.0@${digest('4')}`);
  const image = new TrustedImage(stack, 'AppImage', { image: ref, allowedRegistries: ['registry.example.com'] });
  const scan = new ImageScanGate(stack, 'AppScan', { image });
  const network = new ContainerNetwork(stack, 'Back', { networkName: 'back', ...parts.network });
  const volume = new ContainerVolume(stack, 'Data', { volumeName: 'data' });
  const container = new HardenedContainer(stack, 'App', {
    spec: {
      name: 'app',
      image: ref,
      ports: [{ name: 'http', containerPort: 9000 }],
      resources: { cpuLimit: Cpu.cores(1), memoryLimit: Size.mebibytes(256) },
      healthProbe: HealthProbe.exec({ command: ['/app', 'healthcheck'] }),
      user: 10001,
      group: 10001,
      writablePaths: ['/tmp'],
    },
    image,
    scanGate: scan,
    networks: [network],
    volumeMounts: [{ volume, containerPath: '/var/lib/app' }],
    publishedPorts: [{ containerPort: 9000, hostPort: 19000 }],
    defaultHostIp: '127.0.0.1',
    ...parts.container,
  });
  return { image, scan, network, volume, container };
}

interface VsphereParts {
  vm?: Record<string, unknown>;
  portGroup?: Record<string, unknown>;
}

function vsphereDomain(stack: TerraformStack, parts: VsphereParts = {}) {
  const template = new VmTemplate(stack, 'Golden', {
    source: TemplateSource.existingTemplate('ubuntu-22.04-golden'),
    datacenterName: 'dc-01',
    computeClusterName: 'cluster-01',
    datastoreName: 'vsan-01',
  });
  const encryption = new DataVsphereStoragePolicy(stack, 'Encryption', { name: 'VM Encryption Policy' });
  const portGroup = new SecurePortGroup(stack, 'AppPg', {
    name: 'pg-app-110', distributedVirtualSwitchUuid: 'dvs-uuid', vlanId: 110, nativeVlanId: 1, ...parts.portGroup,
  });
  const pool = new VmResourcePool(stack, 'Pool', { name: 'app', parentResourcePoolId: template.resourcePoolId });
  const spec = (name: string) => ({
    name, cpus: 2, memoryMiB: 4096, disks: [{ label: 'disk0', sizeGiB: 40 }], networks: [{ networkId: portGroup.portGroupId }],
  });
  const vms = [1, 2].map((n) => new SecureVirtualMachine(stack, `App${n}`, {
    spec: spec(`app-0${n}`), template, resourcePool: pool, storagePolicyId: encryption.id, ...(n === 1 ? parts.vm : {}),
  }));
  new VmAntiAffinityRule(stack, 'AppAntiAffinity', { virtualMachines: vms, ruleName: 'app-separate-hosts' });
  new VmHaOverride(stack, 'App1Ha', { virtualMachine: vms[0], restartPriority: HaRestartPriority.HIGH });
  const snapshot = new VmSnapshot(stack, 'App2PreUpgrade', { virtualMachine: vms[1], snapshotName: 'pre-upgrade' });
  const gpu = new HostPciDevice(stack, 'Gpu', {
    datacenterId: template.datacenterId, hostName: 'esx-gpu-01.example.com', vendorId: '10de', classId: '0302', nameRegex: 'H100', deviceMemoryGB: 80,
  });
  const inference = new SecureVirtualMachine(stack, 'Inference', {
    spec: { ...spec('inference-01'), cpus: 16, memoryMiB: 65536 },
    template,
    storagePolicyId: encryption.id,
    passthrough: { devices: [gpu], approvalReason: 'inference needs a whole GPU; approved in CHG-2041' },
  });
  return { portGroup, pool, vms, snapshot, inference };
}

// ---------------------------------------------------------------- helpers

const open = (findings: PolicyFinding[]) => findings.filter((f) => !f.suppressed && f.status !== FindingStatus.UNKNOWN);
const key = (f: PolicyFinding) => `${f.ruleId} ${f.resourceAddress} ${f.attributePath ?? ''} ${f.status} suppressed=${f.suppressed}`;

function findingsOf(build: (stack: TerraformStack) => void): PolicyFinding[] {
  const stack = newStack();
  build(stack);
  return synthFindings(stack).findings;
}

/** The findings that `loosen` adds to (and removes from) the domain built with defaults. */
function delta(build: (stack: TerraformStack) => void, loosened: (stack: TerraformStack) => void) {
  const before = new Set(findingsOf(build).map(key));
  const afterFindings = findingsOf(loosened);
  const after = new Set(afterFindings.map(key));
  return {
    added: afterFindings.filter((f) => !before.has(key(f))),
    removed: [...before].filter((k) => !after.has(k)),
  };
}

// ---------------------------------------------------------------- defaults

describe('library constructs with defaults', () => {
  test.each([
    ['Kubernetes: HardenedNamespace, HardenedDeployment/StatefulSet/CronJob, SandboxRuntimeClass', kubernetesDomain, [
      'kubernetes_namespace_v1', 'kubernetes_network_policy_v1', 'kubernetes_resource_quota_v1', 'kubernetes_limit_range_v1', 'kubernetes_deployment_v1',
      'kubernetes_stateful_set_v1', 'kubernetes_cron_job_v1', 'kubernetes_service_account_v1', 'kubernetes_runtime_class_v1',
    ]],
    ['Docker: TrustedImage, ImageScanGate, ContainerNetwork, ContainerVolume, HardenedContainer', dockerDomain, [
      'docker_image', 'docker_network', 'docker_volume', 'docker_container',
    ]],
    ['vSphere: SecureVirtualMachine (incl. passthrough), VmSnapshot, SecurePortGroup, VmResourcePool, anti-affinity, HA override', vsphereDomain, [
      'vsphere_virtual_machine', 'vsphere_virtual_machine_snapshot', 'vsphere_distributed_port_group', 'vsphere_resource_pool',
      'vsphere_compute_cluster_vm_anti_affinity_rule', 'vsphere_ha_vm_override', 'vsphere_drs_vm_override',
    ]],
  ] as Array<[string, (s: TerraformStack) => unknown, string[]]>)('%s: zero unsuppressed FAIL/ERROR findings under PolicyPacks.all()', (_, build, types) => {
    const stack = newStack();
    build(stack);
    const { findings, json } = synthFindings(stack);
    expect(Object.keys(json.resource)).toEqual(expect.arrayContaining(types)); // the constructs' resources were synthesized and checked
    expect(open(findings).map(key)).toEqual([]);
  });

  test('all three domains in one stack: still zero; the passthrough approval shows up as suppressed findings with its reason', () => {
    const findings = findingsOf((s) => { kubernetesDomain(s); dockerDomain(s); vsphereDomain(s); });
    expect(open(findings).map(key)).toEqual([]);
    const suppressed = findings.filter((f) => f.suppressed);
    expect([...new Set(suppressed.map((f) => f.baseRuleId))].sort()).toEqual(['PT-APPROVED-DEVICE', 'VM-NO-PASSTHROUGH']);
    for (const f of suppressed) expect(f.suppressionReason).toBe('inference needs a whole GPU; approved in CHG-2041');
  });
});

// ---------------------------------------------------------------- one escape hatch → exactly one finding

interface Loosening {
  readonly name: string;
  readonly build: (stack: TerraformStack) => void;
  readonly loosen: (stack: TerraformStack) => void;
  /** [rule id with detail, attribute path] of each new finding (one escape hatch may touch several attributes or resources). */
  readonly expected: Array<[string, string]>;
}

const K8S: Loosening[] = [
  {
    name: 'Deployment resource.addOverride host_network',
    build: (s) => { kubernetesDomain(s); },
    loosen: (s) => { kubernetesDomain(s).web.resource.addOverride('spec.template.spec.host_network', true); },
    expected: [['K8S-HOST-NAMESPACES[field=host_network]', 'spec.template.spec.host_network']],
  },
  {
    name: 'Deployment prop automountServiceAccountToken: true',
    build: (s) => { kubernetesDomain(s); },
    loosen: (s) => { kubernetesDomain(s, { deployment: { automountServiceAccountToken: true } }); },
    // the prop also turns the token on for the workload's own service account
    expected: [['K8S-SA-TOKEN', 'automount_service_account_token'], ['K8S-SA-TOKEN[pod]', 'spec.template.spec.automount_service_account_token']],
  },
  {
    name: 'CronJob prop readOnlyRootFilesystem: false',
    build: (s) => { kubernetesDomain(s); },
    loosen: (s) => { kubernetesDomain(s, { cronJob: { readOnlyRootFilesystem: false } }); },
    expected: [['K8S-READONLY-ROOTFS[container=report]', 'spec.job_template.spec.template.spec.container[0].security_context.read_only_root_filesystem']],
  },
  {
    name: 'Namespace resource.addOverride of the PSA enforce label',
    build: (s) => { kubernetesDomain(s); },
    loosen: (s) => {
      const ns = kubernetesDomain(s).namespace.resource;
      ns.addOverride('metadata.labels', { 'pod-security.kubernetes.io/enforce': 'privileged' });
    },
    expected: [['K8S-PSA-LABELS[mode=enforce]', 'metadata.labels["pod-security.kubernetes.io/enforce"]']],
  },
];

const DOCKER: Loosening[] = [
  {
    name: 'HardenedContainer resource.addOverride privileged',
    build: (s) => { dockerDomain(s); },
    loosen: (s) => { dockerDomain(s).container.resource.addOverride('privileged', true); },
    expected: [['DOCKER-NO-PRIVILEGED', 'privileged']],
  },
  {
    name: 'HardenedContainer resource.addOverride user root',
    build: (s) => { dockerDomain(s); },
    loosen: (s) => { dockerDomain(s).container.resource.addOverride('user', 'root'); },
    expected: [['DOCKER-NONROOT-USER', 'user']],
  },
  {
    name: 'HardenedContainer resource.addOverride pid_mode host',
    build: (s) => { dockerDomain(s); },
    loosen: (s) => { dockerDomain(s).container.resource.addOverride('pid_mode', 'host'); },
    expected: [['DOCKER-NO-HOST-PID', 'pid_mode']],
  },
  {
    name: 'ContainerNetwork prop interContainerCommunication: true',
    build: (s) => { dockerDomain(s); },
    loosen: (s) => { dockerDomain(s, { network: { interContainerCommunication: true } }); },
    expected: [['DOCKER-NET-ICC', 'options["com.docker.network.bridge.enable_icc"]']],
  },
  {
    name: 'HardenedContainer prop readOnlyRootFilesystem: false',
    build: (s) => { dockerDomain(s); },
    loosen: (s) => { dockerDomain(s, { container: { readOnlyRootFilesystem: false } }); },
    expected: [['DOCKER-READONLY-ROOTFS', 'read_only']],
  },
];

const VSPHERE: Loosening[] = [
  {
    name: 'SecureVirtualMachine resource.addOverride of console copy in extra_config',
    build: (s) => { vsphereDomain(s); },
    loosen: (s) => { vsphereDomain(s).vms[0].resource.addOverride('extra_config', { 'isolation.tools.copy.disable': 'FALSE' }); },
    expected: [['VM-ISOLATION-COPY', 'extra_config["isolation.tools.copy.disable"]']],
  },
  {
    name: 'SecureVirtualMachine prop enableLogging: false',
    build: (s) => { vsphereDomain(s); },
    loosen: (s) => { vsphereDomain(s, { vm: { enableLogging: false } }); },
    expected: [['VM-LOGGING', 'enable_logging']],
  },
  {
    name: 'SecureVirtualMachine prop allowHotAdd: true',
    build: (s) => { vsphereDomain(s); },
    loosen: (s) => { vsphereDomain(s, { vm: { allowHotAdd: true } }); },
    // one prop, the three hot-plug attributes
    expected: [['VM-NO-HOTADD', 'cpu_hot_add_enabled'], ['VM-NO-HOTADD', 'cpu_hot_remove_enabled'], ['VM-NO-HOTADD', 'memory_hot_add_enabled']],
  },
  {
    name: 'SecurePortGroup resource.addOverride allow_promiscuous',
    build: (s) => { vsphereDomain(s); },
    loosen: (s) => { vsphereDomain(s).portGroup.resource.addOverride('allow_promiscuous', true); },
    expected: [['NET-DVPG-PROMISCUOUS', 'allow_promiscuous']],
  },
  {
    name: 'VmSnapshot resource.addOverride to target the passthrough VM',
    build: (s) => { vsphereDomain(s); },
    loosen: (s) => {
      const d = vsphereDomain(s);
      d.snapshot.resource.addOverride('virtual_machine_uuid', d.inference.resource.uuid);
    },
    expected: [['PT-NO-SNAPSHOT[vm=vsphere_virtual_machine.Inference_B3CD4D8F]', 'virtual_machine_uuid']],
  },
];

describe.each([['Kubernetes', K8S], ['Docker', DOCKER], ['vSphere', VSPHERE]] as Array<[string, Loosening[]]>)('%s escape hatches', (_, cases) => {
  test.each(cases.map((c) => [c.name, c] as [string, Loosening]))('%s: exactly the expected finding(s), nothing else new', (__, c) => {
    const { added, removed } = delta(c.build, c.loosen);
    expect(added.map((f) => [f.ruleId, f.attributePath, f.status, f.suppressed])).toEqual(c.expected.map((e) => [...e, FindingStatus.FAIL, false]));
    expect(removed).toEqual([]);
  });
});
