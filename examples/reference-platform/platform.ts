// The reference platform: one stack, one HybridArchitecture. The PlacementAdvisor puts the
// scaled web front end and API on Kubernetes, the edge proxy and orders API on Docker, and the
// database pair (whole-machine snapshots) and the GPU inference VM (device passthrough) on vSphere.
// Flows are declared once with connect() and enforced on every side the platforms can enforce.
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { HybridArchitecture, ImageScanner } from '../../lib';
import { siteRegistries, siteScanner } from '../site-inputs';
import { addDockerWorkloads, DOCKER_REGISTRIES, DockerWorkloads } from './docker-tier';
import { addKubernetesWorkloads, KubernetesWorkloads } from './kubernetes-tier';
import { configureProviders } from './providers';
import { addVirtualMachines, VirtualMachineWorkloads, vsphereInventory } from './vsphere-tier';

export class ReferencePlatformStack extends TerraformStack {
  public readonly architecture: HybridArchitecture;
  public readonly kubernetes: KubernetesWorkloads;
  public readonly docker: DockerWorkloads;
  public readonly virtualMachines: VirtualMachineWorkloads;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    configureProviders(this);
    const inventory = vsphereInventory(this);
    // Adds the policy checks to the stack (every resource, raw L1s included) and writes the review at synth.
    const arch = new HybridArchitecture(this, 'Shop', {
      kubernetes: { namespaceName: 'shop', podSecurityVersion: 'v1.29' },
      // Site inputs (cdktf context `site`, see ../site-inputs.ts) replace the registries and the scanner.
      docker: { allowedRegistries: siteRegistries(this, DOCKER_REGISTRIES), scanner: siteScanner(this, ImageScanner.grype()), hostCidr: '10.0.50.10/32' },
      virtualMachineFactories: [inventory.factory],
      capacity: {
        kubernetesNodes: { cpuCores: 16, memoryGiB: 64, hostCount: 3 },
        dockerHosts: { cpuCores: 4, memoryGiB: 8 },
        vsphereHosts: { cpuCores: 32, memoryGiB: 512, hostCount: 3, diskGiB: 4096 },
      },
    });
    const k = addKubernetesWorkloads(this, arch);
    const d = addDockerWorkloads(this, arch);
    const v = addVirtualMachines(arch, inventory);

    // Flows: ingress → web → api → databases and inference; the report job reads the primary database;
    // the edge proxy forwards to the orders API (Docker) and to the shop web front end (Kubernetes),
    // and the orders API writes to the primary database.
    arch.connect(k.web, k.api, 8080, { description: 'shop front end calls the API' });
    for (const db of v.databases) arch.connect(k.api, db, 5432, { description: 'API reads and writes the database pair' });
    arch.connect(k.api, v.inference, 8000, { description: 'product recommendations' });
    arch.connect(k.report, v.databases[0], 5432, { description: 'nightly report reads the primary' });
    arch.connect(d.proxy, d.orders, 9000, { description: 'edge proxy forwards /orders' });
    arch.connect(d.proxy, k.web, 8080, { description: 'edge proxy forwards the shop' });
    arch.connect(d.orders, v.databases[0], 5432, { description: 'orders API writes orders' });

    this.architecture = arch;
    this.kubernetes = k;
    this.docker = d;
    this.virtualMachines = v;
  }
}
