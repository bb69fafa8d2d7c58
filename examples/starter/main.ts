// Starter app: one hardened Kubernetes namespace with a web Deployment, one hardened Docker
// container and one hardened vSphere VM, with the policy checks on. Copy this folder to start a
// project (see README.md, "Start a new app"), then replace the images, names and site values.
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { DataVsphereStoragePolicy } from '@cdktf/provider-vsphere/lib/data-vsphere-storage-policy';
import { VsphereProvider } from '@cdktf/provider-vsphere/lib/provider';
import { App, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  ContainerNetwork, EnvValue, HardenedContainer, HardenedDeployment, HardenedNamespace, HealthProbe, ImageReference, ImageScanGate, PolicyChecks,
  SecurePortGroup, SecureVirtualMachine, TemplateSource, TrustedImage, VmTemplate,
} from 'cdktf-hybrid';

// Pin every image by digest (e.g. `crane digest <image>`); these digests are placeholders.
const WEB_IMAGE = `registry.example.com/starter/web:1.0.0@sha256:${'1'.repeat(64)}`;
const WORKER_IMAGE = `registry.example.com/starter/worker:1.0.0@sha256:${'2'.repeat(64)}`;

export class StarterStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    // Providers: configured only from Terraform variables; credentials are sensitive.
    new KubernetesProvider(this, 'kubernetes', {
      configPath: new TerraformVariable(this, 'kubeconfig_path', { type: 'string', default: '~/.kube/config' }).stringValue,
    });
    new DockerProvider(this, 'docker', {
      host: new TerraformVariable(this, 'docker_host', { type: 'string', default: 'unix:///var/run/docker.sock' }).stringValue,
    });
    new VsphereProvider(this, 'vsphere', {
      vsphereServer: new TerraformVariable(this, 'vsphere_server', { type: 'string' }).stringValue,
      user: new TerraformVariable(this, 'vsphere_user', { type: 'string', sensitive: true }).stringValue,
      password: new TerraformVariable(this, 'vsphere_password', { type: 'string', sensitive: true }).stringValue,
    });

    // Kubernetes: a namespace enforcing Pod Security "restricted" with default-deny network policies,
    // and a web Deployment in it. Its Service is reachable in the namespace as http://web:8080.
    const namespace = new HardenedNamespace(this, 'Apps', { namespaceName: 'starter' });
    const web = new HardenedDeployment(this, 'Web', {
      namespace,
      spec: {
        name: 'web',
        image: ImageReference.parse(WEB_IMAGE),
        ports: [{ name: 'http', containerPort: 8080 }],
        env: { LOG_LEVEL: EnvValue.fromString('info') },
        // Readiness checks /ready; liveness is derived (a TCP check on 8080), so the two never repeat each other.
        healthProbe: HealthProbe.http({ path: '/ready', port: 8080 }),
        writablePaths: ['/tmp'],
      },
    });
    web.allowFromNamespace('ingress-nginx', 8080);

    // Docker: a scanned, pinned image run as a hardened container on its own network.
    const workerImage = new TrustedImage(this, 'WorkerImage', { image: ImageReference.parse(WORKER_IMAGE), allowedRegistries: ['registry.example.com'] });
    const worker = new HardenedContainer(this, 'Worker', {
      spec: {
        name: 'worker',
        image: workerImage.imageReference,
        healthProbe: HealthProbe.exec({ command: ['/app/worker', 'healthcheck'] }),
        writablePaths: ['/tmp'],
      },
      image: workerImage,
      scanGate: new ImageScanGate(this, 'WorkerScan', { image: workerImage }),
      networks: [new ContainerNetwork(this, 'Jobs', { networkName: 'starter-jobs', internal: true })],
      hostEnforcesPidsLimit: true,
    });

    // vSphere: a VM cloned from a golden template, on a hardened port group, encrypted by storage policy.
    const template = new VmTemplate(this, 'Golden', {
      source: TemplateSource.existingTemplate('ubuntu-24.04-golden'),
      datacenterName: 'dc-01',
      computeClusterName: 'cluster-01',
      datastoreName: 'vsan-01',
    });
    const portGroup = new SecurePortGroup(this, 'AppNet', { name: 'pg-starter-120', distributedVirtualSwitchUuid: 'dvs-uuid-from-vcenter', vlanId: 120, nativeVlanId: 1 });
    const vm = new SecureVirtualMachine(this, 'Db', {
      spec: { name: 'starter-db-01', cpus: 2, memoryMiB: 4096, disks: [{ label: 'disk0', sizeGiB: 40 }], networks: [{ networkId: portGroup.portGroupId }] },
      template,
      storagePolicyId: new DataVsphereStoragePolicy(this, 'Encryption', { name: 'VM Encryption Policy' }).id,
    });

    new TerraformOutput(this, 'web_service', { value: web.workloadName, description: 'Service name of the web Deployment inside the namespace' });
    new TerraformOutput(this, 'worker_container', { value: worker.containerName });
    new TerraformOutput(this, 'vm_name', { value: vm.virtualMachineName });

    // Every resource is checked at synth: HIGH findings fail it; reports land beside cdk.tf.json.
    PolicyChecks.applyTo(this);
  }
}

const app = new App();
new StarterStack(app, 'starter');
app.synth();
