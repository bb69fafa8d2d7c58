// Kubernetes tier of the reference platform: a hardened namespace with a web front end that
// calls an API, which in turn uses a PostgreSQL StatefulSet, plus a nightly report CronJob.
// Every connection is an explicit network-policy allow on top of the namespace's default deny.
import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  Cpu,
  EnvValue,
  HardenedCronJob,
  HardenedDeployment,
  HardenedNamespace,
  HardenedStatefulSet,
  HealthProbe,
  ImageReference,
  Size,
} from '../../lib';

/** What the tier creates, for other tiers and tests to refer to. */
export interface KubernetesTier {
  readonly namespace: HardenedNamespace;
  readonly web: HardenedDeployment;
  readonly api: HardenedDeployment;
  readonly database: HardenedStatefulSet;
  readonly report: HardenedCronJob;
}

const image = (repository: string, tag: string, digestChar: string): ImageReference =>
  ImageReference.parse(`registry.example.internal/shop/${repository}:${tag}@sha256:${digestChar.repeat(64)}`);

/** Adds the Kubernetes tier to `scope` (a stack that already has a Kubernetes provider). */
export function addKubernetesTier(scope: Construct): KubernetesTier {
  const tier = new Construct(scope, 'KubernetesTier');
  const dbPassword = new TerraformVariable(scope, 'shop_db_password', {
    type: 'string',
    description: 'Password of the shop database user',
    sensitive: true,
  });

  const namespace = new HardenedNamespace(tier, 'Shop', {
    namespaceName: 'shop',
    podSecurityVersion: 'v1.29',
  });

  const database = new HardenedStatefulSet(tier, 'Database', {
    namespace,
    workloadName: 'shop-db',
    spec: {
      name: 'postgres',
      image: image('postgres', '16.4', '1'),
      ports: [{ name: 'postgres', containerPort: 5432 }],
      env: {
        POSTGRES_USER: EnvValue.fromString('shop'),
        POSTGRES_PASSWORD: EnvValue.fromSensitiveValue(dbPassword.stringValue),
        PGDATA: EnvValue.fromString('/var/lib/postgresql/data/pgdata'),
      },
      resources: { cpuRequest: Cpu.millicores(500), cpuLimit: Cpu.cores(2), memoryRequest: Size.gibibytes(1), memoryLimit: Size.gibibytes(2) },
      healthProbe: HealthProbe.exec({ command: ['pg_isready', '-U', 'shop'], periodSeconds: 10 }),
      writablePaths: ['/tmp', '/var/run/postgresql'],
    },
    volumeClaims: [{ name: 'data', mountPath: '/var/lib/postgresql/data', storage: Size.gibibytes(20) }],
  });

  const api = new HardenedDeployment(tier, 'Api', {
    namespace,
    workloadName: 'shop-api',
    replicas: 3,
    spreadAcrossZones: true,
    spec: {
      name: 'api',
      image: image('api', '2.3.1', '2'),
      ports: [{ name: 'http', containerPort: 8080 }],
      env: {
        DB_HOST: EnvValue.fromString('shop-db'),
        DB_PASSWORD: EnvValue.fromSensitiveValue(dbPassword.stringValue),
      },
      healthProbe: HealthProbe.http({ path: '/healthz', port: 8080 }),
      writablePaths: ['/tmp'],
    },
    startupProbe: HealthProbe.http({ path: '/healthz', port: 8080, periodSeconds: 5, failureThreshold: 24 }),
  });

  const web = new HardenedDeployment(tier, 'Web', {
    namespace,
    workloadName: 'shop-web',
    autoscaling: { minReplicas: 2, maxReplicas: 6, cpuUtilizationPercent: 70 },
    spec: {
      name: 'web',
      image: image('web', '1.8.0', '3'),
      ports: [{ name: 'http', containerPort: 8080 }],
      env: { API_URL: EnvValue.fromString('http://shop-api:8080') },
      healthProbe: HealthProbe.http({ path: '/ready', port: 8080 }),
      writablePaths: ['/tmp', '/var/cache/nginx'],
    },
    writableMemoryBacked: true,
  });

  const report = new HardenedCronJob(tier, 'NightlyReport', {
    namespace,
    workloadName: 'shop-report',
    schedule: '30 2 * * *',
    timeZone: 'Etc/UTC',
    spec: {
      name: 'report',
      image: image('report', '0.4.0', '4'),
      args: ['--since', '24h'],
      env: { DB_PASSWORD: EnvValue.fromSensitiveValue(dbPassword.stringValue) },
    },
  });

  // Traffic: ingress controller → web → api → database; the report job reads the database.
  web.allowFromNamespace('ingress-nginx', 8080);
  web.allowTo(api, 8080);
  api.allowTo(database, 5432);
  report.allowTo(database, 5432);

  return { namespace, web, api, database, report };
}
