// Raw provider L1 fixtures for the policy acceptance tests: every factory builds provider classes
// (deep imports), starting from a configuration that meets every rule, and lets a test loosen it.
// Configurations are plain camelCase objects so a test can change any field before the L1 is built.
import { Container } from '@cdktf/provider-docker/lib/container';
import { Network } from '@cdktf/provider-docker/lib/network';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { LimitRangeV1 } from '@cdktf/provider-kubernetes/lib/limit-range-v1';
import { ClusterRoleV1 } from '@cdktf/provider-kubernetes/lib/cluster-role-v1';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { PodSecurityPolicy } from '@cdktf/provider-kubernetes/lib/pod-security-policy';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { ResourceQuotaV1 } from '@cdktf/provider-kubernetes/lib/resource-quota-v1';
import { RoleBindingV1 } from '@cdktf/provider-kubernetes/lib/role-binding-v1';
import { RoleV1 } from '@cdktf/provider-kubernetes/lib/role-v1';
import { DataVsphereComputeCluster } from '@cdktf/provider-vsphere/lib/data-vsphere-compute-cluster';
import { DataVsphereDatacenter } from '@cdktf/provider-vsphere/lib/data-vsphere-datacenter';
import { DistributedPortGroup } from '@cdktf/provider-vsphere/lib/distributed-port-group';
import { DistributedVirtualSwitch } from '@cdktf/provider-vsphere/lib/distributed-virtual-switch';
import { DrsVmOverride } from '@cdktf/provider-vsphere/lib/drs-vm-override';
import { HaVmOverride } from '@cdktf/provider-vsphere/lib/ha-vm-override';
import { HostPortGroup } from '@cdktf/provider-vsphere/lib/host-port-group';
import { HostVirtualSwitch } from '@cdktf/provider-vsphere/lib/host-virtual-switch';
import { VsphereProvider } from '@cdktf/provider-vsphere/lib/provider';
import { VirtualMachine } from '@cdktf/provider-vsphere/lib/virtual-machine';
import { VirtualMachineSnapshot } from '@cdktf/provider-vsphere/lib/virtual-machine-snapshot';
import { App, TerraformProvider, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import {
  HypervMachineInstanceResource, HypervNetworkSwitchResource, HypervProvider, IPolicyRule, PolicyChecks, PolicyFinding, PolicyResource, VirtualBoxProvider,
  VirtualBoxVmResource,
} from '../../../lib';
import { readTerraformJson } from '../../../lib/policy/private/tf-json';
import { VM_HARDENING } from '../rules/helpers';

/** A camelCase provider configuration that tests may change before the L1 is built. */
export type Cfg = Record<string, any>;
/** Changes a configuration in place. */
export type Mutate = (cfg: Cfg) => void;

export const DIGEST = `sha256:${'a'.repeat(64)}`;

/** A stack with the three providers configured; Docker over SSH unless another host is given. */
export function newStack(app: App = Testing.app(), id = 'stack', dockerHost?: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  new KubernetesProvider(stack, 'kubernetes', { configPath: '~/.kube/config' });
  new VsphereProvider(stack, 'vsphere', { vsphereServer: 'vcenter.example.com', user: 'terraform', password: 'not-a-secret-test-value' });
  dockerProvider(stack, dockerHost);
  return stack;
}

// ---------------------------------------------------------------- Kubernetes

/** A container meeting every container-level control. */
export function k8sContainer(name: string): Cfg {
  return {
    name,
    image: `registry.example.com/${name}@${DIGEST}`,
    port: [{ containerPort: 8080, name: 'http' }],
    resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '250m', memory: '128Mi' } },
    securityContext: {
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: '10001',
      runAsGroup: '10001',
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    },
    volumeMount: [{ name: 'tmp', mountPath: '/tmp' }],
    livenessProbe: { httpGet: { path: '/healthz', port: '8080' } },
  };
}

/** The pod template (`metadata` and `spec`) meeting every pod-level control. */
export function k8sPodTemplate(): Cfg {
  return {
    metadata: {
      labels: { app: 'web' },
      annotations: { 'container.apparmor.security.beta.kubernetes.io/web': 'runtime/default' },
    },
    spec: {
      automountServiceAccountToken: false,
      hostNetwork: false,
      hostPid: false,
      hostIpc: false,
      shareProcessNamespace: false,
      serviceAccountName: 'web',
      securityContext: {
        runAsNonRoot: true,
        runAsUser: '10001',
        runAsGroup: '10001',
        fsGroup: '10001',
        supplementalGroups: [10001],
        seccompProfile: { type: 'RuntimeDefault' },
      },
      container: [k8sContainer('web')],
      volume: [{ name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } }],
    },
  };
}

/** A kubernetes_deployment_v1 in namespace `apps`; `mutate` gets the whole config (pod template at `spec.template`). */
export function k8sDeployment(scope: Construct, id: string, mutate: Mutate = () => undefined): DeploymentV1 {
  const cfg: Cfg = {
    metadata: { name: id.toLowerCase(), namespace: 'apps' },
    spec: { replicas: '2', selector: { matchLabels: { app: 'web' } }, template: k8sPodTemplate() },
  };
  mutate(cfg);
  return new DeploymentV1(scope, id, cfg as any);
}

/** Shorthand for the pod spec and the first container of a deployment config. */
export function pod(cfg: Cfg): Cfg {
  return cfg.spec.template.spec;
}
export function web(cfg: Cfg): Cfg {
  return cfg.spec.template.spec.container[0];
}

/** The PSA labels at restricted, version pinned. */
export function psaLabels(): Cfg {
  const labels: Cfg = {};
  for (const mode of ['enforce', 'warn', 'audit']) {
    labels[`pod-security.kubernetes.io/${mode}`] = 'restricted';
    labels[`pod-security.kubernetes.io/${mode}-version`] = 'v1.33';
  }
  return labels;
}

/** Which guard rails come with a namespace. */
export interface NamespaceParts {
  readonly denyAll?: boolean;
  readonly quota?: boolean;
  readonly limitRange?: boolean;
}

/** A kubernetes_namespace_v1 with PSA labels, and (by default) its deny-all policy, quota and limit range. */
export function k8sNamespace(scope: Construct, id: string, mutate: Mutate = () => undefined, parts: NamespaceParts = {}): NamespaceV1 {
  const cfg: Cfg = { metadata: { name: id.toLowerCase(), labels: psaLabels() } };
  mutate(cfg);
  const ns = new NamespaceV1(scope, id, cfg as any);
  const namespace = ns.metadata.name;
  if (parts.denyAll !== false) {
    new NetworkPolicyV1(scope, `${id}DenyAll`, {
      metadata: { name: 'deny-all', namespace },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });
  }
  if (parts.quota !== false) {
    new ResourceQuotaV1(scope, `${id}Quota`, {
      metadata: { name: 'quota', namespace },
      spec: { hard: { 'requests.cpu': '4', 'requests.memory': '8Gi', 'limits.cpu': '8', 'limits.memory': '16Gi', 'pods': '50' } },
    });
  }
  if (parts.limitRange !== false) {
    new LimitRangeV1(scope, `${id}Limits`, {
      metadata: { name: 'limits', namespace },
      spec: {
        limit: [{
          type: 'Container',
          default: { cpu: '500m', memory: '256Mi' },
          defaultRequest: { cpu: '250m', memory: '128Mi' },
          max: { cpu: '2', memory: '2Gi' },
        }],
      },
    });
  }
  return ns;
}

/** A kubernetes_role_v1 (or, with `cluster`, a kubernetes_cluster_role_v1) granting read access to pods and deployments. */
export function k8sRole(scope: Construct, id: string, mutate: Mutate = () => undefined, cluster = false): RoleV1 | ClusterRoleV1 {
  const cfg: Cfg = {
    metadata: cluster ? { name: id.toLowerCase() } : { name: id.toLowerCase(), namespace: 'apps' },
    rule: [
      { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'], verbs: ['get'] },
    ],
  };
  mutate(cfg);
  return cluster ? new ClusterRoleV1(scope, id, cfg as any) : new RoleV1(scope, id, cfg as any);
}

/** A kubernetes_role_binding_v1 of role `reader` to the dedicated service account `web`. */
export function k8sRoleBinding(scope: Construct, id: string, mutate: Mutate = () => undefined): RoleBindingV1 {
  const cfg: Cfg = {
    metadata: { name: id.toLowerCase(), namespace: 'apps' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' },
    subject: [{ kind: 'ServiceAccount', name: 'web', namespace: 'apps' }],
  };
  mutate(cfg);
  return new RoleBindingV1(scope, id, cfg as any);
}

/** A kubernetes_pod_security_policy (the API removed in Kubernetes v1.25), restrictive as PSPs go. */
export function k8sPodSecurityPolicy(scope: Construct, id: string): PodSecurityPolicy {
  return new PodSecurityPolicy(scope, id, {
    metadata: { name: id.toLowerCase() },
    spec: {
      privileged: false,
      allowPrivilegeEscalation: false,
      requiredDropCapabilities: ['ALL'],
      volumes: ['configMap', 'emptyDir', 'secret'],
      runAsUser: { rule: 'MustRunAsNonRoot' },
      seLinux: { rule: 'RunAsAny' },
      fsGroup: { rule: 'MustRunAs', range: [{ min: 1, max: 65535 }] },
      supplementalGroups: { rule: 'MustRunAs', range: [{ min: 1, max: 65535 }] },
    },
  });
}

/** A kubernetes_manifest Deployment (camelCase Kubernetes API); `mutate` gets the manifest's first container. */
export function k8sManifest(scope: Construct, id: string, mutate: Mutate = () => undefined): Manifest {
  const container: Cfg = {
    name: 'web',
    image: `registry.example.com/web@${DIGEST}`,
    resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '250m', memory: '128Mi' } },
    securityContext: {
      allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 10001,
      capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' }, procMount: 'Default',
    },
  };
  mutate(container);
  return new Manifest(scope, id, {
    manifest: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: id.toLowerCase(), namespace: 'apps' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            automountServiceAccountToken: false,
            serviceAccountName: 'web',
            securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
            containers: [container],
          },
        },
      },
    },
  });
}

// ---------------------------------------------------------------- Docker

/** The Docker provider; secure (SSH) unless a host is given. */
export function dockerProvider(scope: Construct, host = 'ssh://deploy@docker-host.example.com:22', extra: Cfg = {}): DockerProvider {
  return new DockerProvider(scope, 'docker', { host, ...extra });
}

/** A user-defined bridge network with inter-container traffic off. */
export function dockerNetwork(scope: Construct, id: string, mutate: Mutate = () => undefined): Network {
  const cfg: Cfg = { name: id.toLowerCase(), options: { 'com.docker.network.bridge.enable_icc': 'false' } };
  mutate(cfg);
  return new Network(scope, id, cfg as any);
}

/** A docker_container meeting every container rule, on its own network `<id>Net`. */
export function dockerContainer(scope: Construct, id: string, mutate: Mutate = () => undefined): Container {
  const net = dockerNetwork(scope, `${id}Net`);
  const cfg: Cfg = {
    name: id.toLowerCase(),
    image: `registry.example.com/web@${DIGEST}`,
    user: '10001:10001',
    readOnly: true,
    privileged: false,
    capabilities: { drop: ['ALL'] },
    securityOpts: ['no-new-privileges:true', 'apparmor=docker-default'],
    memory: 256,
    cpus: '0.5',
    restart: 'on-failure',
    maxRetryCount: 3,
    ipcMode: 'private',
    ports: [{ internal: 8080, external: 18080, ip: '127.0.0.1', protocol: 'tcp' }],
    networksAdvanced: [{ name: net.name }],
    tmpfs: { '/tmp': 'rw,noexec,nosuid,size=64m' },
    mounts: [{ type: 'volume', source: 'data', target: '/data' }],
    healthcheck: { test: ['CMD', '/healthz'], retries: 3, interval: '30s' },
  };
  mutate(cfg);
  return new Container(scope, id, cfg as any);
}

// ---------------------------------------------------------------- vSphere



export const ENCRYPTION_POLICY = 'aa6d5a82-1c88-45da-85d3-3d74b91a5bad';
export const GPU_DEVICE = '0000:3b:00.0';

/** The compute cluster of the vSphere fixtures (a data source, so DRS/HA rules know the VM is in a cluster). */
export function cluster(scope: Construct): DataVsphereComputeCluster {
  const existing = scope.node.tryFindChild('Cluster');
  if (existing) return existing as DataVsphereComputeCluster;
  const dc = new DataVsphereDatacenter(scope, 'Datacenter', { name: 'dc1' });
  return new DataVsphereComputeCluster(scope, 'Cluster', { name: 'prod', datacenterId: dc.id });
}

/** A vsphere_virtual_machine meeting every VM rule (EFI + Secure Boot, hardened extra_config, logging, encryption). */
export function vsphereVm(scope: Construct, id: string, mutate: Mutate = () => undefined): VirtualMachine {
  const cfg: Cfg = {
    name: id.toLowerCase(),
    resourcePoolId: cluster(scope).resourcePoolId,
    datastoreId: 'datastore-11',
    numCpus: 2,
    memory: 4096,
    guestId: 'ubuntu64Guest',
    firmware: 'efi',
    efiSecureBootEnabled: true,
    hardwareVersion: 20,
    enableLogging: true,
    storagePolicyId: ENCRYPTION_POLICY,
    networkInterface: [{ networkId: 'dvportgroup-21' }],
    disk: [{ label: 'disk0', size: 40, storagePolicyId: ENCRYPTION_POLICY }],
    clone: { templateUuid: '4217c1f7-5d5e-4a7e-9e5b-000000000001' },
    extraConfig: Object.fromEntries(Object.values(VM_HARDENING).map(([key, value]) => [key, value])),
  };
  mutate(cfg);
  return new VirtualMachine(scope, id, cfg as any);
}

/** A passthrough VM as the Passthrough profile renders it: pinned, fully reserved, EFI, 64-bit MMIO, with DRS and HA overrides. */
export function passthroughVm(scope: Construct, id: string, mutate: Mutate = () => undefined, overrides = true): VirtualMachine {
  const vm = vsphereVm(scope, id, (cfg) => {
    cfg.pciDeviceId = [GPU_DEVICE];
    cfg.hostSystemId = 'host-42';
    cfg.memory = 16384;
    cfg.memoryReservation = 16384;
    cfg.memoryReservationLockedToMax = true;
    cfg.extraConfig['pciPassthru.use64bitMMIO'] = 'TRUE';
    cfg.extraConfig['pciPassthru.64bitMMIOSizeGB'] = '256';
    mutate(cfg);
  });
  if (overrides) {
    new DrsVmOverride(scope, `${id}Drs`, { computeClusterId: cluster(scope).id, virtualMachineId: vm.id, drsEnabled: false });
    new HaVmOverride(scope, `${id}Ha`, { computeClusterId: cluster(scope).id, virtualMachineId: vm.id, haVmRestartPriority: 'disabled' });
  }
  return vm;
}

export function drsOverride(scope: Construct, id: string, vm: VirtualMachine, cfg: Cfg): DrsVmOverride {
  return new DrsVmOverride(scope, id, { computeClusterId: cluster(scope).id, virtualMachineId: vm.id, ...cfg });
}

export function haOverride(scope: Construct, id: string, vm: VirtualMachine, cfg: Cfg): HaVmOverride {
  return new HaVmOverride(scope, id, { computeClusterId: cluster(scope).id, virtualMachineId: vm.id, ...cfg });
}

export function vmSnapshot(scope: Construct, id: string, vm: VirtualMachine): VirtualMachineSnapshot {
  return new VirtualMachineSnapshot(scope, id, {
    virtualMachineUuid: vm.uuid, snapshotName: 'before-upgrade', description: 'before the upgrade', memory: false, quiesce: true,
  });
}

/** A distributed switch rejecting promiscuous/forged/MAC changes, discovery off, NIOC on. */
export function dvSwitch(scope: Construct, id: string, mutate: Mutate = () => undefined): DistributedVirtualSwitch {
  const cfg: Cfg = {
    name: id.toLowerCase(), datacenterId: 'datacenter-3', allowPromiscuous: false, allowForgedTransmits: false, allowMacChanges: false,
    linkDiscoveryOperation: 'none', networkResourceControlEnabled: true,
  };
  mutate(cfg);
  return new DistributedVirtualSwitch(scope, id, cfg as any);
}

/** A distributed port group on VLAN 100 with the security policy rejecting everything. */
export function dvPortGroup(scope: Construct, id: string, mutate: Mutate = () => undefined): DistributedPortGroup {
  const cfg: Cfg = {
    name: id.toLowerCase(), distributedVirtualSwitchUuid: 'dvs-50 2a 3b 4c', vlanId: 100,
    allowPromiscuous: false, allowForgedTransmits: false, allowMacChanges: false,
  };
  mutate(cfg);
  return new DistributedPortGroup(scope, id, cfg as any);
}

/** A standard switch rejecting promiscuous/forged/MAC changes. */
export function hostSwitch(scope: Construct, id: string, mutate: Mutate = () => undefined): HostVirtualSwitch {
  const cfg: Cfg = {
    name: id, hostSystemId: 'host-42', networkAdapters: ['vmnic1'], activeNics: ['vmnic1'],
    allowPromiscuous: false, allowForgedTransmits: false, allowMacChanges: false,
  };
  mutate(cfg);
  return new HostVirtualSwitch(scope, id, cfg as any);
}

/** A standard port group on VLAN 100 that inherits the switch security policy. */
export function hostPortGroup(scope: Construct, id: string, mutate: Mutate = () => undefined): HostPortGroup {
  const cfg: Cfg = { name: id.toLowerCase(), hostSystemId: 'host-42', virtualSwitchName: 'vSwitch1', vlanId: 100 };
  mutate(cfg);
  return new HostPortGroup(scope, id, cfg as any);
}

// ---------------------------------------------------------------- evaluation

/** The Terraform address the policy engine gives a resource or provider block. */
export function addressOf(element: TerraformResource | TerraformProvider): string {
  if (TerraformProvider.isTerraformProvider(element)) {
    return `provider.${element.terraformResourceType}${element.alias ? `.${element.alias}` : ''}`;
  }
  return `${(element as TerraformResource).terraformResourceType}.${element.friendlyUniqueId}`;
}

/** Synthesizes `stack` with PolicyChecks (no reports) and returns the findings; synth itself never throws here. */
export function synthFindings(stack: TerraformStack, rules?: IPolicyRule[]): { findings: PolicyFinding[]; json: any; checks: PolicyChecks } {
  const checks = PolicyChecks.applyTo(stack, { rules, writeReports: false });
  const json = JSON.parse(Testing.synth(stack));
  return { findings: checks.findings, json, checks };
}

// ---------------------------------------------------------------- Hyper-V and VirtualBox (hand-written L1s)

/** The Hyper-V provider block of a stack (WinRM over HTTPS, password from a variable), created on first use. */
export function hypervProvider(scope: Construct, mutate: Mutate = () => undefined): HypervProvider {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild('hyperv') as HypervProvider | undefined;
  if (existing) return existing;
  const cfg: Cfg = { host: 'hv01.example.com', port: 5986, https: true, insecure: false, user: '${var.hyperv_user}', password: '${var.hyperv_password}' };
  mutate(cfg);
  return new HypervProvider(stack, 'hyperv', cfg);
}

/** A hyperv_machine_instance meeting every HV-* rule: generation 2, Secure Boot, guarded adaptor on VLAN 120, minimal services. */
export function hypervVm(scope: Construct, id: string, mutate: Mutate = () => undefined): HypervMachineInstanceResource {
  hypervProvider(scope);
  const cfg: Cfg = {
    name: id.toLowerCase(),
    generation: 2,
    staticMemory: true,
    memoryStartupBytes: 4294967296,
    processorCount: 2,
    checkpointType: 'ProductionOnly',
    automaticStartAction: 'StartIfRunning',
    automaticStopAction: 'ShutDown',
    lockOnDisconnect: 'On',
    integrationServices: { 'Guest Service Interface': false, 'Heartbeat': true, 'Shutdown': true, 'VSS': true },
    vmProcessor: [{ exposeVirtualizationExtensions: false, enableHostResourceProtection: true }],
    vmFirmware: [{
      enableSecureBoot: 'On',
      secureBootTemplate: 'MicrosoftUEFICertificateAuthority',
      bootOrder: [{ bootType: 'HardDiskDrive', controllerNumber: 0, controllerLocation: 0 }],
    }],
    networkAdaptors: [{
      name: 'nic0', switchName: 'tenant-a', macAddressSpoofing: 'Off', dhcpGuard: 'On', routerGuard: 'On', portMirroring: 'None', vlanAccess: true, vlanId: 120, waitForIps: false,
    }],
    hardDiskDrives: [{ controllerType: 'Scsi', controllerNumber: 0, controllerLocation: 0, path: 'D:\\Hyper-V\\web01\\os.vhdx' }],
  };
  mutate(cfg);
  return new HypervMachineInstanceResource(scope, id, cfg as any);
}

/** A hyperv_network_switch: External, bound to a NIC, management OS off. */
export function hypervSwitch(scope: Construct, id: string, mutate: Mutate = () => undefined): HypervNetworkSwitchResource {
  hypervProvider(scope);
  const cfg: Cfg = { name: id.toLowerCase(), switchType: 'External', netAdapterNames: ['Ethernet 2'], allowManagementOs: false };
  mutate(cfg);
  return new HypervNetworkSwitchResource(scope, id, cfg as any);
}

/** A virtualbox_vm meeting every VBOX-* rule it can: host-only and internal adapters, boot from disk, https image, no ISOs. */
export function virtualboxVm(scope: Construct, id: string, mutate: Mutate = () => undefined): VirtualBoxVmResource {
  const stack = TerraformStack.of(scope);
  if (!stack.node.tryFindChild('virtualbox')) new VirtualBoxProvider(stack, 'virtualbox');
  const cfg: Cfg = {
    name: id.toLowerCase(),
    image: 'https://boxes.example.com/debian-12.box',
    cpus: 2,
    memory: '2.0 gib',
    bootOrder: ['disk', 'none', 'none', 'none'],
    networkAdapter: [{ type: 'hostonly', device: 'VirtIO', hostInterface: 'vboxnet1' }, { type: 'internal', device: 'VirtIO' }],
  };
  mutate(cfg);
  return new VirtualBoxVmResource(scope, id, cfg as any);
}

/** The synthesized stack as the CLI reads it: resources, and provider blocks as `provider.<name>`. */
export function parsed(json: any): { resources: PolicyResource[]; providers: PolicyResource[] } {
  const stack = readTerraformJson(json, 'stack');
  return { resources: stack.resources.map((r) => r.resource), providers: stack.providers.map((r) => r.resource) };
}

export { VM_HARDENING };
