// Engines app of scan-gate-keeps-old-container.sh: one hardened container behind a Clair scan gate.
// Inputs (environment): SCAN_DEMO_IMAGE, the digest-pinned image to run; SCAN_DEMO_CLAIRCTL, the
// clairctl the gate runs (the scenario's recorded-report stand-in); CDKTF_OUTDIR.
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { Cpu, DockerHealthCheckTool, HardenedContainer, HealthProbe, ImageReference, ImageScanGate, ImageScanner, Size, TrustedImage } from '../../lib';

const ref = process.env.SCAN_DEMO_IMAGE;
const clairctl = process.env.SCAN_DEMO_CLAIRCTL;
if (!ref || !clairctl) throw new Error('SCAN_DEMO_IMAGE and SCAN_DEMO_CLAIRCTL must be set');

const app = new App();
const stack = new TerraformStack(app, 'scan-gate-demo');
new DockerProvider(stack, 'docker', { host: 'unix:///var/run/docker.sock' });
const reference = ImageReference.parse(ref);
const image = new TrustedImage(stack, 'Image', { image: reference, allowedRegistries: [reference.registry] });
const gate = new ImageScanGate(stack, 'Scan', { image, scanner: ImageScanner.clair({ executable: clairctl }) });
new HardenedContainer(stack, 'Web', {
  spec: {
    name: 'engines-scan-gate-demo',
    image: reference,
    ports: [{ name: 'http', containerPort: 8080 }],
    resources: { cpuLimit: Cpu.millicores(250), memoryLimit: Size.mebibytes(64) },
    healthProbe: HealthProbe.http({ path: '/healthz', port: 8080, periodSeconds: 2, timeoutSeconds: 2 }),
    user: 65532,
    group: 65532,
  },
  image,
  healthCheckTool: DockerHealthCheckTool.WGET, // the engines' images are BusyBox
  scanGate: gate,
  hostEnforcesPidsLimit: true,
});
app.synth();
