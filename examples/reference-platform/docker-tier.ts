// The edge/lab Docker tier of the reference platform: a reverse proxy on a front network, an app on
// an internal back-end network, both images digest-pinned and scanned before their containers start.
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  ContainerNetwork, ContainerVolume, Cpu, DockerHealthCheckTool, EnvValue, HardenedContainer, HealthProbe, ImageReference, ImageScanGate, ImageScanner,
  RegistryCredentials, ScanSeverity, Size, TrustedImage,
} from '../../lib';
import { siteImage, siteRegistries, siteScanner } from '../site-inputs';

// PLACEHOLDER digests (not real ones): give the digests you reviewed (e.g. from
// `docker buildx imagetools inspect <image>`) through the `site` context (see ../site-inputs.ts);
// until then the pull fails at apply, never silently.
const PROXY_IMAGE = `docker.io/nginxinc/nginx-unprivileged:1.27-alpine@sha256:${'0'.repeat(63)}1`;
const APP_IMAGE = `ghcr.io/acme/orders-api:2.3.1@sha256:${'0'.repeat(63)}2`;

/** Adds the Docker tier to `scope` (a stack that already has a `docker` provider). */
export function addDockerTier(scope: Construct): Construct {
  const stack = TerraformStack.of(scope);
  const tier = new Construct(scope, 'DockerTier');

  // Pulls from ghcr.io authenticate with sensitive variables (registry_auth on the provider).
  const provider = stack.node.tryFindChild('docker');
  if (provider instanceof DockerProvider) {
    RegistryCredentials.fromVariables(stack, 'ghcr', { address: 'ghcr.io' }).addTo(provider);
  }

  const bindIp = new TerraformVariable(stack, 'edge_bind_ip', {
    type: 'string',
    description: 'Host address the reverse proxy publishes on (a specific interface, never 0.0.0.0)',
    default: '127.0.0.1',
  });
  const dbPassword = new TerraformVariable(stack, 'orders_db_password', {
    type: 'string',
    description: 'Database password of the orders API',
    sensitive: true,
  });

  const allowedRegistries = siteRegistries(scope, ['docker.io', 'ghcr.io']);
  const proxyImage = new TrustedImage(tier, 'ProxyImage', { image: ImageReference.parse(siteImage(scope, 'edge-proxy', PROXY_IMAGE)), allowedRegistries });
  const appImage = new TrustedImage(tier, 'AppImage', { image: ImageReference.parse(siteImage(scope, 'orders-api', APP_IMAGE)), allowedRegistries });
  const proxyScan = new ImageScanGate(tier, 'ProxyScan', { image: proxyImage, scanner: siteScanner(scope, ImageScanner.grype()), failOnSeverity: ScanSeverity.HIGH });
  const appScan = new ImageScanGate(tier, 'AppScan', { image: appImage, scanner: siteScanner(scope, ImageScanner.trivy()), failOnSeverity: ScanSeverity.HIGH });

  // Front: only the proxy lives here, so inter-container traffic stays off.
  const front = new ContainerNetwork(tier, 'Front', { networkName: 'edge-front' });
  // Back end: no route outside the host; the proxy and the app must talk, so ICC is on (reported as DOCKER-NET-ICC).
  const back = new ContainerNetwork(tier, 'Back', { networkName: 'edge-back', internal: true, interContainerCommunication: true });

  const uploads = new ContainerVolume(tier, 'OrdersData', { volumeName: 'orders-data' });

  new HardenedContainer(tier, 'Proxy', {
    spec: {
      name: 'edge-proxy',
      image: proxyImage.imageReference,
      ports: [{ name: 'http', containerPort: 8080 }],
      resources: { cpuLimit: Cpu.millicores(500), memoryLimit: Size.mebibytes(128) },
      healthProbe: HealthProbe.http({ path: '/healthz', port: 8080 }),
      user: 101,
      group: 101,
      writablePaths: ['/tmp', '/var/cache/nginx'],
    },
    image: proxyImage,
    // The proxy image (nginx on Alpine) ships BusyBox wget; say so rather than rely on the image name.
    healthCheckTool: DockerHealthCheckTool.WGET,
    scanGate: proxyScan,
    networks: [front, back],
    defaultHostIp: bindIp.stringValue,
    publishedPorts: [{ containerPort: 8080, hostPort: 8443 }],
  });

  new HardenedContainer(tier, 'App', {
    spec: {
      name: 'orders-api',
      image: appImage.imageReference,
      ports: [{ name: 'http', containerPort: 9000 }],
      resources: { cpuRequest: Cpu.millicores(250), cpuLimit: Cpu.cores(1), memoryLimit: Size.mebibytes(512) },
      env: {
        LOG_LEVEL: EnvValue.fromString('info'),
        DB_PASSWORD: EnvValue.fromSensitiveValue(dbPassword.stringValue),
      },
      healthProbe: HealthProbe.exec({ command: ['/app/orders-api', 'healthcheck'] }),
      user: 10001,
      group: 10001,
      writablePaths: ['/tmp'],
    },
    image: appImage,
    scanGate: appScan,
    networks: [back],
    volumeMounts: [{ volume: uploads, containerPath: '/var/lib/orders' }],
  });

  return tier;
}
