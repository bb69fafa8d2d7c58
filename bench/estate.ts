// Generated estates for the benchmark and the byte-identical output test: N workloads of one mix,
// built with the library's constructs. The same estate written as raw provider L1s is in raw-estate.ts.
//
// Mixes: hybrid = 60% Kubernetes Deployments over N/20 namespaces, 25% Docker containers with scan
// gates, 15% vSphere VMs; kubernetes, docker and vsphere = N workloads of that kind only.
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { VsphereProvider } from '@cdktf/provider-vsphere/lib/provider';
import { TerraformStack, TerraformVariable } from 'cdktf';
import type * as Lib from '../lib';

export type Mix = 'hybrid' | 'kubernetes' | 'docker' | 'vsphere';
export const MIXES: Mix[] = ['hybrid', 'kubernetes', 'docker', 'vsphere'];

/** How many workloads of each kind a mix of N has. */
export interface Counts {
  readonly deployments: number;
  readonly namespaces: number;
  readonly containers: number;
  readonly networks: number;
  readonly vms: number;
}

export function countsOf(mix: Mix, n: number): Counts {
  const deployments = mix === 'hybrid' ? Math.round(n * 0.6) : mix === 'kubernetes' ? n : 0;
  const containers = mix === 'hybrid' ? Math.round(n * 0.25) : mix === 'docker' ? n : 0;
  const vms = mix === 'hybrid' ? n - deployments - containers : mix === 'vsphere' ? n : 0;
  return {
    deployments,
    namespaces: deployments > 0 ? Math.max(1, Math.round(n / 20)) : 0,
    containers,
    networks: containers > 0 ? Math.max(1, Math.ceil(containers / 100)) : 0,
    vms,
  };
}

export const DIGEST = `sha256:${'a'.repeat(64)}`;
export const K8S_IMAGE = `registry.example.com/shop/api:1.4.2@${DIGEST}`;
export const DOCKER_IMAGE = `ghcr.io/acme/edge:2.0.1@${DIGEST}`;

/** The providers of a mix, the same for the library and the raw twin. */
export function addProviders(stack: TerraformStack, mix: Mix): void {
  const counts = countsOf(mix, 100);
  if (counts.deployments > 0) new KubernetesProvider(stack, 'kubernetes', { configPath: '~/.kube/config' });
  if (counts.containers > 0) new DockerProvider(stack, 'docker', { host: 'unix:///var/run/docker.sock' });
  if (counts.vms > 0) {
    const password = new TerraformVariable(stack, 'vsphere_password', { type: 'string', sensitive: true });
    new VsphereProvider(stack, 'vsphere', { user: 'terraform@vsphere.local', password: password.stringValue, vsphereServer: 'vcenter.example.com' });
  }
}

/** Builds the estate with the library's constructs. `lib` is the compiled library (lib/index.js) or its sources. */
export function buildLibrary(lib: typeof Lib, stack: TerraformStack, mix: Mix, n: number): void {
  addProviders(stack, mix);
  const counts = countsOf(mix, n);
  const namespaces: Lib.HardenedNamespace[] = [];
  for (let j = 0; j < counts.namespaces; j++) {
    namespaces.push(new lib.HardenedNamespace(stack, `ns${j}`, { namespaceName: `team-${j}` }));
  }
  const k8sImage = counts.deployments > 0 ? lib.ImageReference.parse(K8S_IMAGE) : undefined;
  for (let i = 0; i < counts.deployments; i++) {
    new lib.HardenedDeployment(stack, `d${i}`, {
      namespace: namespaces[i % namespaces.length],
      workloadName: `svc-${i}`,
      spec: {
        name: 'api', image: k8sImage!, ports: [{ name: 'http', containerPort: 8080 }], writablePaths: ['/tmp'],
        resources: { cpuRequest: lib.Cpu.millicores(250), cpuLimit: lib.Cpu.millicores(500), memoryRequest: lib.Size.mebibytes(256), memoryLimit: lib.Size.mebibytes(512) },
        healthProbe: lib.HealthProbe.http({ path: '/healthz', port: 8080 }),
      },
    });
  }
  const networks: Lib.ContainerNetwork[] = [];
  for (let j = 0; j < counts.networks; j++) {
    networks.push(new lib.ContainerNetwork(stack, `net${j}`, { networkName: `back-${j}`, internal: true }));
  }
  const dockerImage = counts.containers > 0 ? lib.ImageReference.parse(DOCKER_IMAGE) : undefined;
  for (let i = 0; i < counts.containers; i++) {
    const image = new lib.TrustedImage(stack, `img${i}`, { image: dockerImage!, allowedRegistries: ['ghcr.io'] });
    const scanGate = new lib.ImageScanGate(stack, `scan${i}`, { image });
    new lib.HardenedContainer(stack, `c${i}`, {
      image,
      scanGate,
      networks: [networks[Math.floor(i / 100)]],
      spec: {
        name: `edge-${i}`, image: dockerImage!, user: 10001, group: 10001, writablePaths: ['/tmp'],
        resources: { cpuLimit: lib.Cpu.millicores(500), memoryLimit: lib.Size.mebibytes(512) },
        healthProbe: lib.HealthProbe.exec({ command: ['/app/healthcheck'] }),
      },
    });
  }
  if (counts.vms > 0) {
    const template = new lib.VmTemplate(stack, 'tpl', {
      source: lib.TemplateSource.existingTemplate('golden'), datacenterName: 'dc', computeClusterName: 'cl', datastoreName: 'ds',
    });
    for (let i = 0; i < counts.vms; i++) {
      new lib.SecureVirtualMachine(stack, `vm${i}`, {
        template,
        spec: { name: `vm-${i}`, cpus: 4, coresPerSocket: 2, memoryMiB: 8192, disks: [{ label: 'disk0', sizeGiB: 40 }], networks: [{ networkId: 'net' }] },
      });
    }
  }
}
