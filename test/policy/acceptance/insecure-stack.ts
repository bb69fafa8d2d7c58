// The insecure raw-L1 stack of the acceptance tests: provider classes only, every setting loosened.
import { Container } from '@cdktf/provider-docker/lib/container';
import { Network } from '@cdktf/provider-docker/lib/network';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { CronJobV1 } from '@cdktf/provider-kubernetes/lib/cron-job-v1';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { DistributedPortGroup } from '@cdktf/provider-vsphere/lib/distributed-port-group';
import { HostPortGroup } from '@cdktf/provider-vsphere/lib/host-port-group';
import { HostVirtualSwitch } from '@cdktf/provider-vsphere/lib/host-virtual-switch';
import { VsphereProvider } from '@cdktf/provider-vsphere/lib/provider';
import { VirtualMachine } from '@cdktf/provider-vsphere/lib/virtual-machine';
import { VirtualMachineSnapshot } from '@cdktf/provider-vsphere/lib/virtual-machine-snapshot';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

/** Builds the insecure stack `insecure` in `app`: Kubernetes, Docker and vSphere tiers of raw L1s. */
export function insecureStack(app: App, id = 'insecure'): TerraformStack {
  const stack = new TerraformStack(app, id);
  kubernetesTier(new Construct(stack, 'k8s'));
  dockerTier(new Construct(stack, 'docker'));
  vsphereTier(new Construct(stack, 'vsphere'));
  return stack;
}

function kubernetesTier(scope: Construct): void {
  new KubernetesProvider(scope, 'kubernetes', { configPath: '~/.kube/config' });
  // A namespace without PSA labels, quota or limit range, whose "deny-all" policy allows all ingress.
  const legacy = new NamespaceV1(scope, 'Legacy', { metadata: { name: 'legacy', labels: { team: 'ops' } } });
  new NetworkPolicyV1(scope, 'AllowAll', {
    metadata: { name: 'allow-all', namespace: legacy.metadata.name },
    spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{}] },
  });
  // Every pod-level and container-level escape hatch at once.
  new DeploymentV1(scope, 'NodeAgent', {
    metadata: { name: 'node-agent', namespace: 'kube-system' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: {
        metadata: { labels: { app: 'agent' }, annotations: { 'container.apparmor.security.beta.kubernetes.io/agent': 'unconfined' } },
        spec: {
          hostNetwork: true,
          hostPid: true,
          hostIpc: true,
          shareProcessNamespace: true,
          automountServiceAccountToken: true,
          serviceAccountName: 'default',
          securityContext: {
            runAsNonRoot: false,
            runAsUser: '0',
            runAsGroup: '0',
            seccompProfile: { type: 'Unconfined' },
            sysctl: [{ name: 'kernel.msgmax', value: '65536' }],
            seLinuxOptions: { type: 'spc_t', user: 'system_u' },
          },
          container: [{
            name: 'agent',
            image: 'example/agent:latest',
            port: [{ containerPort: 9100, hostPort: 9100 }],
            securityContext: {
              privileged: true,
              allowPrivilegeEscalation: true,
              readOnlyRootFilesystem: false,
              runAsUser: '0',
              capabilities: { add: ['SYS_ADMIN', 'NET_ADMIN'] },
            },
            volumeMount: [
              { name: 'docker-sock', mountPath: '/var/run/docker.sock' },
              { name: 'host-root', mountPath: '/host', mountPropagation: 'Bidirectional' },
            ],
          }],
          volume: [
            { name: 'docker-sock', hostPath: { path: '/var/run/docker.sock' } },
            { name: 'host-root', hostPath: { path: '/' } },
          ],
        },
      },
    },
  });
  // Another kind (pod template under spec.job_template.spec.template.spec): privileged, unpinned.
  new CronJobV1(scope, 'Backup', {
    metadata: { name: 'backup', namespace: legacy.metadata.name },
    spec: {
      schedule: '0 3 * * *',
      jobTemplate: {
        metadata: {},
        spec: {
          template: {
            metadata: {},
            spec: { container: [{ name: 'backup', image: 'example/backup:1.0', securityContext: { privileged: true } }] },
          },
        },
      },
    },
  });
}

function dockerTier(scope: Construct): void {
  // Plain TCP to the daemon: root on the host for anyone on the network.
  new DockerProvider(scope, 'docker', { host: 'tcp://10.0.0.5:2375' });
  new Network(scope, 'Flat', { name: 'flat' });
  new Container(scope, 'CiRunner', {
    name: 'ci-runner',
    image: 'example/ci-runner:latest',
    user: 'root',
    privileged: true,
    networkMode: 'host',
    pidMode: 'host',
    usernsMode: 'host',
    capabilities: { add: ['SYS_ADMIN'] },
    securityOpts: ['seccomp=unconfined', 'apparmor=unconfined'],
    ports: [{ internal: 80, external: 80, ip: '0.0.0.0' }],
    restart: 'always',
    volumes: [
      { hostPath: '/var/run/docker.sock', containerPath: '/var/run/docker.sock' },
      { hostPath: '/etc', containerPath: '/host-etc' },
    ],
    devices: [{ hostPath: '/dev/sda' }],
  });
}

function vsphereTier(scope: Construct): void {
  new VsphereProvider(scope, 'vsphere', { vsphereServer: 'vcenter.example.com', user: 'terraform', password: 'not-a-secret-test-value' });
  // A BIOS VM with console copy/paste on, logging off, a non-persistent disk and a CD-ROM.
  new VirtualMachine(scope, 'LegacyVm', {
    name: 'legacy-vm',
    resourcePoolId: 'resgroup-8',
    datastoreId: 'datastore-11',
    numCpus: 2,
    memory: 4096,
    guestId: 'ubuntu64Guest',
    firmware: 'bios',
    hardwareVersion: 13,
    enableLogging: false,
    cpuHotAddEnabled: true,
    networkInterface: [{ networkId: 'dvportgroup-21' }],
    disk: [{ label: 'disk0', size: 40 }, { label: 'scratch', size: 10, unitNumber: 1, diskMode: 'independent_nonpersistent' }],
    cdrom: [{ clientDevice: true }],
    extraConfig: { 'isolation.tools.copy.disable': 'FALSE', 'isolation.tools.paste.disable': 'FALSE' },
  });
  // A passthrough VM with no reservation, no host pinning, BIOS, no 64-bit MMIO; and a snapshot of it.
  const gpu = new VirtualMachine(scope, 'GpuVm', {
    name: 'gpu-vm',
    resourcePoolId: 'resgroup-8',
    datastoreId: 'datastore-11',
    numCpus: 8,
    memory: 65536,
    guestId: 'ubuntu64Guest',
    firmware: 'bios',
    hardwareVersion: 20,
    enableLogging: true,
    pciDeviceId: ['0000:3b:00.0'],
    networkInterface: [{ networkId: 'dvportgroup-21' }],
    disk: [{ label: 'disk0', size: 100 }],
  });
  new VirtualMachineSnapshot(scope, 'GpuSnapshot', {
    virtualMachineUuid: gpu.uuid, snapshotName: 'before-driver-update', description: 'before the driver update', memory: true, quiesce: false,
  });
  // Port groups that accept promiscuous mode, forged transmits and MAC changes, trunk every VLAN or sit on the native VLAN.
  new DistributedPortGroup(scope, 'SnifferPg', {
    name: 'sniffer', distributedVirtualSwitchUuid: 'dvs-50 2a 3b 4c',
    allowPromiscuous: true, allowForgedTransmits: true, allowMacChanges: true,
    vlanRange: [{ minVlan: 0, maxVlan: 4094 }],
  });
  new DistributedPortGroup(scope, 'NativePg', {
    name: 'native', distributedVirtualSwitchUuid: 'dvs-50 2a 3b 4c', vlanId: 1,
    allowPromiscuous: false, allowForgedTransmits: false, allowMacChanges: false,
  });
  new HostVirtualSwitch(scope, 'OpenSwitch', {
    name: 'vSwitch9', hostSystemId: 'host-42', networkAdapters: ['vmnic9'], activeNics: ['vmnic9'],
    allowPromiscuous: true, allowForgedTransmits: true, allowMacChanges: true,
  });
  new HostPortGroup(scope, 'TrunkPg', {
    name: 'trunk', hostSystemId: 'host-42', virtualSwitchName: 'vSwitch9', vlanId: 4095, allowPromiscuous: true,
  });
}
