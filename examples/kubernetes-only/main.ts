// Kubernetes only: every workload is a container the PlacementAdvisor keeps on Kubernetes, each for
// its own reason: a scaled front end and catalog (PLACE-SCALE-OUT), an untrusted document renderer
// under a gVisor RuntimeClass (PLACE-SANDBOX), embeddings on a shared GPU (PLACE-GPU) and a
// nightly cleanup job (PLACE-DEFAULT). Synthesize with `npx cdktf synth` in this directory.
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Cpu, HealthProbe, HybridArchitecture, ImageReference, Size } from '../../lib';
import { kubernetesProvider } from '../reference-platform/providers';

const image = (name: string, digit: string) => ImageReference.parse(`registry.example.internal/apps/${name}:1.0.0@sha256:${digit.repeat(64)}`);
const http = (name: string, port: number) => ({
  name, image: image(name, String(port % 10)), ports: [{ name: 'http', containerPort: port }], healthProbe: HealthProbe.http({ path: '/healthz', port }), writablePaths: ['/tmp'],
});

export class KubernetesOnlyStack extends TerraformStack {
  public readonly architecture: HybridArchitecture;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    kubernetesProvider(this);

    const arch = new HybridArchitecture(this, 'Apps', {
      kubernetes: { namespaceName: 'apps' },
      capacity: { kubernetesNodes: { cpuCores: 8, memoryGiB: 32, hostCount: 3 } },
    });
    const frontend = arch.addContainerWorkload('Frontend', { spec: http('frontend', 8080), replicas: 2 });
    const catalog = arch.addContainerWorkload('Catalog', {
      spec: { ...http('catalog', 8081), resources: { cpuRequest: Cpu.millicores(250), cpuLimit: Cpu.cores(1), memoryRequest: Size.mebibytes(256), memoryLimit: Size.mebibytes(512) } },
      autoscaling: { minReplicas: 2, maxReplicas: 8 },
    });
    const renderer = arch.addContainerWorkload('Renderer', { spec: http('doc-renderer', 8082), requirements: { untrustedCode: true } });
    const embeddings = arch.addContainerWorkload('Embeddings', {
      spec: { ...http('embeddings', 8083), resources: { memoryRequest: Size.gibibytes(2), memoryLimit: Size.gibibytes(4) } },
      requirements: { gpus: 1 },
      replicas: 1,
    });
    arch.addContainerWorkload('Cleanup', { spec: { name: 'cleanup', image: image('cleanup', '9'), args: ['--older-than', '30d'] }, schedule: '15 3 * * *' });

    frontend.kubernetesWorkload!.allowFromNamespace('ingress-nginx', 8080);
    arch.connect(frontend, catalog, 8081, { description: 'product pages' });
    arch.connect(frontend, renderer, 8082, { description: 'previews of uploaded documents' });
    arch.connect(catalog, embeddings, 8083, { description: 'similar products' });
    this.architecture = arch;
  }
}

const app = new App();
new KubernetesOnlyStack(app, 'kubernetes-only');
app.synth();
