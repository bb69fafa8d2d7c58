// A branch-office edge box with one Docker host and no cluster: the advisor places every workload on
// Docker (PLACE-EDGE, PLACE-SINGLE-HOST, PLACE-STARTUP). The gateway publishes one port on the host;
// each Docker → Docker flow gets an internal network of its own with exactly its two containers.
// Synthesize with `npx cdktf synth` in this directory.
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { Cpu, DockerHealthCheckTool, HealthProbe, HybridArchitecture, ImageReference, ImageScanner, Size } from '../../lib';
import { dockerProvider } from '../reference-platform/providers';
import { siteImage, siteRegistries, siteScanner } from '../site-inputs';

// PLACEHOLDER digests (not real ones): give the digests you reviewed through the `site` context
// (see ../site-inputs.ts, keyed by container name); until then the pull fails at apply, never silently.
const image = (scope: Construct, name: string, repository: string, n: number) =>
  ImageReference.parse(siteImage(scope, name, `ghcr.io/acme/${repository}:1.4.0@sha256:${'0'.repeat(63)}${n}`));

export class DockerEdgeStack extends TerraformStack {
  public readonly architecture: HybridArchitecture;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    dockerProvider(this);
    const bindIp = new TerraformVariable(this, 'gateway_bind_ip', {
      type: 'string', default: '127.0.0.1', description: 'Host address the gateway publishes on (a specific interface, never 0.0.0.0)',
    });

    const arch = new HybridArchitecture(this, 'Branch', {
      docker: { allowedRegistries: siteRegistries(this, ['ghcr.io']), scanner: siteScanner(this, ImageScanner.grype()), networkPrefix: 'branch' },
      capacity: { dockerHosts: { cpuCores: 4, memoryGiB: 8 } },
    });
    const limits = (cpuMillicores: number, memoryMiB: number) => ({ cpuLimit: Cpu.millicores(cpuMillicores), memoryLimit: Size.mebibytes(memoryMiB) });
    const gateway = arch.addContainerWorkload('Gateway', {
      spec: {
        name: 'gateway', image: image(this, 'gateway', 'edge-gateway', 1), ports: [{ name: 'https', containerPort: 8443 }], resources: limits(500, 128),
        healthProbe: HealthProbe.tcp({ port: 8443 }), writablePaths: ['/tmp'],
      },
      requirements: { edge: true },
      healthCheckTool: DockerHealthCheckTool.WGET, // the images are BusyBox-based: wget and nc, no bash
      defaultHostIp: bindIp.stringValue,
      publishedPorts: [{ containerPort: 8443, hostPort: 9443 }],
    });
    const sensors = arch.addContainerWorkload('Sensors', {
      spec: {
        name: 'sensor-api', image: image(this, 'sensor-api', 'sensor-api', 2), ports: [{ name: 'http', containerPort: 9000 }], resources: limits(1000, 256),
        healthProbe: HealthProbe.http({ path: '/healthz', port: 9000 }), writablePaths: ['/tmp'],
      },
      requirements: { singleHost: true },
      healthCheckTool: DockerHealthCheckTool.WGET, // the images are BusyBox-based: wget and nc, no bash
    });
    const buffer = arch.addContainerWorkload('Buffer', {
      spec: {
        name: 'telemetry-buffer', image: image(this, 'telemetry-buffer', 'telemetry-buffer', 3), ports: [{ name: 'amqp', containerPort: 5672 }], resources: limits(500, 512),
        healthProbe: HealthProbe.tcp({ port: 5672 }), writablePaths: ['/tmp'],
      },
      requirements: { edge: true, startupSensitive: true },
      healthCheckTool: DockerHealthCheckTool.WGET, // the images are BusyBox-based: wget and nc, no bash
    });
    arch.connect(gateway, sensors, 9000, { description: 'API calls from the plant network' });
    arch.connect(sensors, buffer, 5672, { description: 'readings queued until the uplink is back' });
    this.architecture = arch;
  }
}

const app = new App();
new DockerEdgeStack(app, 'docker-edge');
app.synth();
