// Shared by the engines suite's own apps: a stack with a Docker provider on the local engine and
// the site inputs (local registry images, the engines' image-policy scanner) from cdktf context.
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  Cpu, DockerHealthCheckTool, HardenedContainer, HealthProbe, IContainerNetwork, ImageReference, ImageScanGate, ImageScanner, Size, TrustedImage,
} from '../../../lib';
import { siteImage, siteInputs, siteRegistries } from '../../../examples/site-inputs';

/** A stack with a `docker` provider on the local socket. */
export class EngineStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new DockerProvider(this, 'docker', { host: 'unix:///var/run/docker.sock' });
  }

  /** A TrustedImage of the site image `name` and the scan gate in front of it. */
  public gatedImage(id: string, name: string): { image: TrustedImage; gate: ImageScanGate } {
    const image = new TrustedImage(this, `${id}Image`, {
      image: ImageReference.parse(siteImage(this, name, `missing-site-image/${name}@sha256:${'0'.repeat(64)}`)),
      allowedRegistries: siteRegistries(this, []),
    });
    const argv = siteInputs(this).scanner;
    const gate = new ImageScanGate(this, `${id}Scan`, { image, scanner: argv ? ImageScanner.custom(argv) : ImageScanner.grype() });
    return { image, gate };
  }

  /** A hardened container `name` of the site image `imageName` (BusyBox httpd on 8080, user 65532) behind its scan gate. */
  public webContainer(name: string, imageName: string, networks: IContainerNetwork[] = []): HardenedContainer {
    const { image, gate } = this.gatedImage(name, imageName);
    return new HardenedContainer(this, name, {
      spec: {
        name,
        image: image.imageReference,
        ports: [{ name: 'http', containerPort: 8080 }],
        resources: { cpuLimit: Cpu.millicores(250), memoryLimit: Size.mebibytes(64) },
        healthProbe: HealthProbe.http({ path: '/healthz', port: 8080 }),
        user: 65532,
        group: 65532,
      },
      image,
      healthCheckTool: DockerHealthCheckTool.WGET, // the engines' images are BusyBox
      scanGate: gate,
      networks,
    });
  }
}

/** Synthesizes `build(app)` into CDKTF_OUTDIR. */
export function run(build: (app: App) => void): void {
  const app = new App();
  build(app);
  app.synth();
}
