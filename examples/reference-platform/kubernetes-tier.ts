// Kubernetes workloads of the reference platform: a web front end (autoscaled) that calls an API,
// and a nightly report job. The architecture places them (scale-out → Kubernetes) in a hardened
// namespace `shop`; every connection is an explicit allow on top of the namespace's default deny.
import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { EnvValue, HealthProbe, HybridArchitecture, IHybridWorkload, ImageReference } from '../../lib';

/** The Kubernetes workloads, for flows and tests. */
export interface KubernetesWorkloads {
  readonly web: IHybridWorkload;
  readonly api: IHybridWorkload;
  readonly report: IHybridWorkload;
}

const image = (repository: string, tag: string, digestChar: string): ImageReference =>
  ImageReference.parse(`registry.example.internal/shop/${repository}:${tag}@sha256:${digestChar.repeat(64)}`);

/** Adds the Kubernetes workloads to `arch` (its stack already has a Kubernetes provider). */
export function addKubernetesWorkloads(stack: Construct, arch: HybridArchitecture): KubernetesWorkloads {
  const dbPassword = new TerraformVariable(stack, 'shop_db_password', {
    type: 'string',
    description: 'Password of the shop database user',
    sensitive: true,
  });

  const api = arch.addContainerWorkload('Api', {
    spec: {
      name: 'shop-api',
      image: image('api', '2.3.1', '2'),
      ports: [{ name: 'http', containerPort: 8080 }],
      env: {
        DB_HOSTS: EnvValue.fromString('10.0.110.11,10.0.110.12'),
        DB_PASSWORD: EnvValue.fromSensitiveValue(dbPassword.stringValue),
        INFERENCE_URL: EnvValue.fromString('http://10.0.120.21:8000'),
      },
      healthProbe: HealthProbe.http({ path: '/healthz', port: 8080 }),
      writablePaths: ['/tmp'],
    },
    replicas: 3,
    spreadAcrossZones: true,
    startupProbe: HealthProbe.http({ path: '/healthz', port: 8080, periodSeconds: 5, failureThreshold: 24 }),
  });

  const web = arch.addContainerWorkload('Web', {
    spec: {
      name: 'shop-web',
      image: image('web', '1.8.0', '3'),
      ports: [{ name: 'http', containerPort: 8080 }],
      env: { API_URL: EnvValue.fromString('http://shop-api:8080') },
      healthProbe: HealthProbe.http({ path: '/ready', port: 8080 }),
      writablePaths: ['/tmp', '/var/cache/nginx'],
    },
    autoscaling: { minReplicas: 2, maxReplicas: 6, cpuUtilizationPercent: 70 },
    writableMemoryBacked: true,
  });
  // The cluster's ingress controller reaches the web front end (escape hatch: the workload construct itself).
  web.kubernetesWorkload!.allowFromNamespace('ingress-nginx', 8080);

  const report = arch.addContainerWorkload('NightlyReport', {
    spec: {
      name: 'shop-report',
      image: image('report', '0.4.0', '4'),
      args: ['--since', '24h'],
      env: { DB_PASSWORD: EnvValue.fromSensitiveValue(dbPassword.stringValue) },
    },
    schedule: '30 2 * * *',
    timeZone: 'Etc/UTC',
  });

  return { web, api, report };
}
