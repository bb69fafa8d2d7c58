// The edge tier of the reference platform, on one Docker host: a reverse proxy that publishes the
// shop on the host, and an orders API behind it. Images are digest-pinned and scanned before their
// containers start; the architecture gives the two containers an internal network of their own.
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  ContainerVolume, Cpu, DockerHealthCheckTool, EnvValue, HealthProbe, HybridArchitecture, IHybridWorkload, ImageReference, RegistryCredentials, Size,
} from '../../lib';
import { siteImage } from '../site-inputs';

// PLACEHOLDER digests (not real ones): give the digests you reviewed (e.g. from
// `docker buildx imagetools inspect <image>`) through the `site` context (see ../site-inputs.ts);
// until then the pull fails at apply, never silently.
const PROXY_IMAGE = `docker.io/nginxinc/nginx-unprivileged:1.27-alpine@sha256:${'0'.repeat(63)}1`;
const APP_IMAGE = `ghcr.io/acme/orders-api:2.3.1@sha256:${'0'.repeat(63)}2`;

/** Registries the Docker workloads may pull from (the `site` context's allowedRegistries replace them). */
export const DOCKER_REGISTRIES = ['docker.io', 'ghcr.io'];

/** The Docker workloads, for flows and tests. */
export interface DockerWorkloads {
  readonly proxy: IHybridWorkload;
  readonly orders: IHybridWorkload;
}

/** Adds the edge workloads to `arch` (their stack already has a `docker` provider). */
export function addDockerWorkloads(stackScope: Construct, arch: HybridArchitecture): DockerWorkloads {
  const stack = TerraformStack.of(stackScope);
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
  const uploads = new ContainerVolume(stackScope, 'OrdersData', { volumeName: 'orders-data' });

  const proxy = arch.addContainerWorkload('Proxy', {
    spec: {
      name: 'edge-proxy',
      image: ImageReference.parse(siteImage(stack, 'edge-proxy', PROXY_IMAGE)),
      ports: [{ name: 'http', containerPort: 8080 }],
      resources: { cpuLimit: Cpu.millicores(500), memoryLimit: Size.mebibytes(128) },
      healthProbe: HealthProbe.http({ path: '/healthz', port: 8080 }),
      user: 101,
      group: 101,
      writablePaths: ['/tmp', '/var/cache/nginx'],
    },
    requirements: { edge: true },
    // The proxy image (nginx on Alpine) ships BusyBox wget; say so rather than rely on the image name.
    healthCheckTool: DockerHealthCheckTool.WGET,
    defaultHostIp: bindIp.stringValue,
    publishedPorts: [{ containerPort: 8080, hostPort: 8443 }],
  });

  const orders = arch.addContainerWorkload('Orders', {
    spec: {
      name: 'orders-api',
      image: ImageReference.parse(siteImage(stack, 'orders-api', APP_IMAGE)),
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
    requirements: { edge: true },
    volumeMounts: [{ volume: uploads, containerPath: '/var/lib/orders' }],
  });
  return { proxy, orders };
}
