// Benchmark scenarios: each builds N equivalent workloads once with raw provider L1s and once
// with the library's constructs. The raw side sets the same security attributes by hand, so the
// difference is the constructs' own cost (validation, defaults, annotations).
import { Container } from '@cdktf/provider-docker/lib/container';
import { Image } from '@cdktf/provider-docker/lib/image';
import { Network } from '@cdktf/provider-docker/lib/network';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import { DataVsphereVirtualMachine } from '@cdktf/provider-vsphere/lib/data-vsphere-virtual-machine';
import { VirtualMachine } from '@cdktf/provider-vsphere/lib/virtual-machine';
import { TerraformStack } from 'cdktf';
import {
  ContainerNetwork, Cpu, HardenedContainer, HardenedDeployment, HardenedNamespace, HealthProbe, HypervMachineInstanceResource, HypervSecureVm, HypervVhdResource,
  ImageReference, SecureVirtualMachine, Size, TemplateSource, TrustedImage, VirtualBoxVm, VirtualBoxVmResource, VmTemplate,
} from '../lib';

export interface Scenario {
  readonly name: string;
  readonly raw: (stack: TerraformStack, n: number) => void;
  readonly library: (stack: TerraformStack, n: number) => void;
}

const IMAGE = `ghcr.io/acme/api:1.0.0@sha256:${'a'.repeat(64)}`;

const docker: Scenario = {
  name: 'docker container + image',
  raw: (stack, n) => {
    const network = new Network(stack, 'net', { name: 'back', internal: true, options: { 'com.docker.network.bridge.enable_icc': 'false' } });
    for (let i = 0; i < n; i++) {
      const image = new Image(stack, `img${i}`, { name: IMAGE });
      new Container(stack, `c${i}`, {
        name: `api-${i}`, image: image.imageId, user: '10001:10001', readOnly: true, privileged: false,
        capabilities: { drop: ['ALL'] }, securityOpts: ['no-new-privileges:true'], memory: 512, memorySwap: 512, cpus: '0.5', cpuShares: 512,
        ipcMode: 'private', restart: 'on-failure', maxRetryCount: 5, init: true, logDriver: 'json-file', logOpts: { 'max-size': '10m', 'max-file': '3' },
        tmpfs: { '/tmp': 'rw,noexec,nosuid,size=64m' }, networksAdvanced: [{ name: network.name }],
        healthcheck: { test: ['CMD', '/app/healthcheck'], interval: '10s', timeout: '3s', retries: 3 },
        ulimit: [{ name: 'nofile', soft: 1024, hard: 4096 }, { name: 'nproc', soft: 512, hard: 512 }],
      });
    }
  },
  library: (stack, n) => {
    const network = new ContainerNetwork(stack, 'net', { networkName: 'back', internal: true });
    const reference = ImageReference.parse(IMAGE);
    for (let i = 0; i < n; i++) {
      const image = new TrustedImage(stack, `img${i}`, { image: reference, allowedRegistries: ['ghcr.io'] });
      new HardenedContainer(stack, `c${i}`, {
        image,
        networks: [network],
        spec: {
          name: `api-${i}`, image: reference, user: 10001, group: 10001, writablePaths: ['/tmp'],
          resources: { cpuLimit: Cpu.millicores(500), memoryLimit: Size.mebibytes(512) },
          healthProbe: HealthProbe.exec({ command: ['/app/healthcheck'] }),
        },
      });
    }
  },
};

const vsphere: Scenario = {
  name: 'vsphere VM from template',
  raw: (stack, n) => {
    const template = new DataVsphereVirtualMachine(stack, 'tpl', { name: 'golden', datacenterId: 'dc' });
    for (let i = 0; i < n; i++) {
      new VirtualMachine(stack, `vm${i}`, {
        name: `vm-${i}`, resourcePoolId: 'pool', datastoreId: 'ds', numCpus: 4, numCoresPerSocket: 2, memory: 8192,
        guestId: template.guestId, firmware: 'efi', efiSecureBootEnabled: true, enableLogging: true,
        cpuHotAddEnabled: false, cpuHotRemoveEnabled: false, memoryHotAddEnabled: false, hardwareVersion: 20,
        extraConfig: {
          'isolation.tools.copy.disable': 'TRUE', 'isolation.tools.paste.disable': 'TRUE', 'isolation.tools.dnd.disable': 'TRUE',
          'isolation.tools.diskShrink.disable': 'TRUE', 'isolation.tools.diskWiper.disable': 'TRUE', 'RemoteDisplay.maxConnections': '1',
          'tools.setInfo.sizeLimit': '1048576', 'isolation.device.connectable.disable': 'TRUE', 'tools.guestlib.enableHostInfo': 'FALSE',
          'tools.guest.desktop.autolock': 'TRUE', 'mks.enable3d': 'FALSE', 'log.rotateSize': '2048000', 'log.keepOld': '10',
          'bios.bootDeviceClasses': 'allow:hd', 'isolation.tools.setGUIOptions.enable': 'FALSE', 'isolation.tools.vmxDnDVersionGet.disable': 'TRUE',
        },
        disk: [{ label: 'disk0', size: 40, diskMode: 'persistent' }],
        networkInterface: [{ networkId: 'net', adapterType: 'vmxnet3' }],
        clone: { templateUuid: template.uuid },
        lifecycle: { preventDestroy: true },
      });
    }
  },
  library: (stack, n) => {
    const template = new VmTemplate(stack, 'tpl', {
      source: TemplateSource.existingTemplate('golden'), datacenterName: 'dc', computeClusterName: 'cl', datastoreName: 'ds',
    });
    for (let i = 0; i < n; i++) {
      new SecureVirtualMachine(stack, `vm${i}`, {
        template,
        spec: { name: `vm-${i}`, cpus: 4, coresPerSocket: 2, memoryMiB: 8192, disks: [{ label: 'disk0', sizeGiB: 40 }], networks: [{ networkId: 'net' }] },
      });
    }
  },
};

// The raw side writes the pod template a careful engineer would: same security context, probes and
// resources; the library adds per-workload ServiceAccount, Service and NetworkPolicy as well.
const kubernetes: Scenario = {
  name: 'kubernetes deployment',
  raw: (stack, n) => {
    const namespace = new NamespaceV1(stack, 'ns', { metadata: { name: 'bench', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } });
    for (let i = 0; i < n; i++) {
      const account = new ServiceAccountV1(stack, `sa${i}`, { metadata: { name: `api-${i}`, namespace: namespace.metadata.name }, automountServiceAccountToken: false });
      new DeploymentV1(stack, `d${i}`, {
        metadata: { name: `api-${i}`, namespace: namespace.metadata.name },
        spec: {
          replicas: '1',
          selector: { matchLabels: { app: `api-${i}` } },
          template: {
            metadata: { labels: { app: `api-${i}` } },
            spec: {
              serviceAccountName: account.metadata.name, automountServiceAccountToken: false,
              securityContext: { runAsNonRoot: true, runAsUser: '10001', runAsGroup: '10001', fsGroup: '10001', seccompProfile: { type: 'RuntimeDefault' } },
              container: [{
                name: 'api', image: IMAGE, imagePullPolicy: 'Always',
                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, privileged: false, capabilities: { drop: ['ALL'] } },
                resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
                livenessProbe: { httpGet: { path: '/healthz', port: '8080' } },
                readinessProbe: { httpGet: { path: '/healthz', port: '8080' }, periodSeconds: 5 },
                volumeMount: [{ name: 'tmp', mountPath: '/tmp' }],
              }],
              volume: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
            },
          },
        },
      });
    }
  },
  library: (stack, n) => {
    const namespace = new HardenedNamespace(stack, 'ns', { namespaceName: 'bench' });
    const image = ImageReference.parse(IMAGE);
    for (let i = 0; i < n; i++) {
      new HardenedDeployment(stack, `d${i}`, {
        namespace,
        workloadName: `api-${i}`,
        spec: {
          name: 'api', image, ports: [{ name: 'http', containerPort: 8080 }], writablePaths: ['/tmp'],
          resources: { cpuRequest: Cpu.millicores(250), cpuLimit: Cpu.millicores(500), memoryRequest: Size.mebibytes(256), memoryLimit: Size.mebibytes(512) },
          healthProbe: HealthProbe.http({ path: '/healthz', port: 8080 }),
        },
      });
    }
  },
};

const GIB = 1024 * 1024 * 1024;

const hyperv: Scenario = {
  name: 'hyperv VM + disk',
  raw: (stack, n) => {
    for (let i = 0; i < n; i++) {
      const disk = new HypervVhdResource(stack, `disk${i}`, { path: `D:\\Hyper-V\\vm-${i}\\disk0.vhdx`, vhdType: 'Dynamic', size: 40 * GIB, lifecycle: { preventDestroy: true } });
      new HypervMachineInstanceResource(stack, `vm${i}`, {
        name: `vm-${i}`, path: 'D:\\Hyper-V', generation: 2, notes: 'Managed by cdktf-hybrid', processorCount: 2, staticMemory: true, memoryStartupBytes: 4 * GIB,
        checkpointType: 'ProductionOnly', automaticStartAction: 'StartIfRunning', automaticStopAction: 'ShutDown', automaticCriticalErrorAction: 'Pause',
        lockOnDisconnect: 'On', state: 'Running', lifecycle: { preventDestroy: true },
        integrationServices: { 'Guest Service Interface': false, 'Heartbeat': true, 'Key-Value Pair Exchange': false, 'Shutdown': true, 'Time Synchronization': true, 'VSS': true },
        vmProcessor: [{ exposeVirtualizationExtensions: false, enableHostResourceProtection: true }],
        vmFirmware: [{ enableSecureBoot: 'On', secureBootTemplate: 'MicrosoftUEFICertificateAuthority', pauseAfterBootFailure: 'Off',
          bootOrder: [{ bootType: 'HardDiskDrive', controllerNumber: 0, controllerLocation: 0 }] }],
        networkAdaptors: [{ name: 'nic0', switchName: 'tenant-a', macAddressSpoofing: 'Off', dhcpGuard: 'On', routerGuard: 'On', portMirroring: 'None', vlanAccess: true, vlanId: 120, waitForIps: false }],
        hardDiskDrives: [{ controllerType: 'Scsi', controllerNumber: 0, controllerLocation: 0, path: disk.path }],
      });
    }
  },
  library: (stack, n) => {
    for (let i = 0; i < n; i++) {
      new HypervSecureVm(stack, `vm${i}`, {
        spec: { name: `vm-${i}`, cpus: 2, memoryMiB: 4096, networks: [{ networkId: 'tenant-a' }] }, storagePath: 'D:\\Hyper-V', vlanId: 120,
      });
    }
  },
};

const virtualbox: Scenario = {
  name: 'virtualbox lab VM',
  raw: (stack, n) => {
    for (let i = 0; i < n; i++) {
      new VirtualBoxVmResource(stack, `vm${i}`, {
        name: `lab-${i}`, image: 'https://boxes.example/debian-12.box', cpus: 2, memory: '2.0 gib', bootOrder: ['disk', 'none', 'none', 'none'],
        networkAdapter: [{ type: 'hostonly', device: 'VirtIO', hostInterface: 'vboxnet1' }], lifecycle: { preventDestroy: true },
      });
    }
  },
  library: (stack, n) => {
    for (let i = 0; i < n; i++) {
      new VirtualBoxVm(stack, `vm${i}`, { spec: { name: `lab-${i}`, cpus: 2, memoryMiB: 2048, networks: [{ networkId: 'vboxnet1' }] }, image: 'https://boxes.example/debian-12.box' });
    }
  },
};

export const SCENARIOS: Scenario[] = [kubernetes, docker, vsphere, hyperv, virtualbox];
