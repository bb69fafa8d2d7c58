// Two stacks joined by cdktf cross-stack references: `infra` owns the namespace and a database VM,
// `workloads` runs the API in that namespace and connects it to the database. cdktf turns the
// namespace reference into an output of `infra` and a remote-state lookup in `workloads`, and
// orders the deploy: `npx cdktf deploy '*'` in this directory applies infra first.
// Each stack has its own HybridArchitecture, so each gets review.md / review.json.
import { DataVsphereDistributedVirtualSwitch } from '@cdktf/provider-vsphere/lib/data-vsphere-distributed-virtual-switch';
import { DataVsphereStoragePolicy } from '@cdktf/provider-vsphere/lib/data-vsphere-storage-policy';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  HardenedNamespace, HealthProbe, HybridArchitecture, IHybridWorkload, ImageReference, TemplateSource, VmTemplate, VsphereVirtualMachineFactory,
} from '../../lib';
import { kubernetesProvider, vsphereProvider } from '../reference-platform/providers';

/** The shared platform: the namespace and the database VM. */
export class InfraStack extends TerraformStack {
  public readonly namespace: HardenedNamespace;
  public readonly database: IHybridWorkload;
  public readonly architecture: HybridArchitecture;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    kubernetesProvider(this);
    vsphereProvider(this);
    this.namespace = new HardenedNamespace(this, 'Orders', { namespaceName: 'orders', podSecurityVersion: 'v1.29' });
    const template = new VmTemplate(this, 'Golden', {
      source: TemplateSource.existingTemplate('ubuntu-22.04-cis-golden'), datacenterName: 'dc-01', computeClusterName: 'cluster-01', datastoreName: 'vsan-01',
    });
    const dvs = new DataVsphereDistributedVirtualSwitch(this, 'Dvs', { name: 'dvs-prod', datacenterId: template.datacenterId });
    const encryption = new DataVsphereStoragePolicy(this, 'EncryptionPolicy', { name: 'VM Encryption Policy' });
    this.architecture = new HybridArchitecture(this, 'Platform', {
      virtualMachineFactories: [new VsphereVirtualMachineFactory({ template, distributedVirtualSwitchUuid: dvs.id, nativeVlanId: 1, storagePolicyId: encryption.id })],
    });
    this.database = this.architecture.addVmWorkload('Database', {
      spec: { name: 'orders-db-01', cpus: 4, memoryMiB: 16384, disks: [{ label: 'disk0', sizeGiB: 40 }, { label: 'pgdata', sizeGiB: 200 }] },
      requirements: { machineSnapshots: true },
      vlanId: 140,
      ipv4Address: '10.0.140.11',
    });
  }
}

/** The application: an API in the infra stack's namespace, allowed to reach the database VM. */
export class WorkloadStack extends TerraformStack {
  public readonly architecture: HybridArchitecture;

  constructor(scope: Construct, id: string, infra: InfraStack) {
    super(scope, id);
    kubernetesProvider(this);
    this.architecture = new HybridArchitecture(this, 'Apps', { kubernetes: { namespace: infra.namespace } });
    const api = this.architecture.addContainerWorkload('Api', {
      spec: {
        name: 'orders-api',
        image: ImageReference.parse(`registry.example.internal/orders/api:3.1.0@sha256:${'7'.repeat(64)}`),
        ports: [{ name: 'http', containerPort: 8080 }],
        healthProbe: HealthProbe.http({ path: '/healthz', port: 8080 }),
        writablePaths: ['/tmp'],
      },
      replicas: 2,
    });
    // A flow to a workload of the other stack's architecture: the Kubernetes side is enforced here.
    this.architecture.connect(api, infra.database, 5432, { description: 'orders API reads and writes its database' });
  }
}

const app = new App();
const infra = new InfraStack(app, 'infra');
new WorkloadStack(app, 'workloads', infra);
app.synth();
