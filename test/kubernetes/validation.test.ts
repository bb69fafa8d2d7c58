// Bad input is rejected at construction with the foundation's error format:
// `<construct path>: <prop>: <what is wrong> (got <value>). <how to fix>`
import { TerraformVariable, Testing } from 'cdktf';
import { Cpu, EnvValue, Errors, HardenedCronJob, HardenedDeployment, HardenedNamespace, HardenedStatefulSet, HardenedWorkload, HealthProbe, ImageReference, JobRestartPolicy, Size } from '../../lib';
import { apiSpec, message, pinned, setup, tagOnly } from './helpers';

type DeploymentProps = ConstructorParameters<typeof HardenedDeployment>[2];

function deploymentError(props: Partial<DeploymentProps>): string {
  const { stack, namespace } = setup();
  return message(() => new HardenedDeployment(stack, 'Api', { namespace, spec: apiSpec(), ...props }));
}

/** Asserts the message names the construct path and the prop, and has the (got …). fix shape. */
function expectFormat(text: string, prop: string): void {
  expect(text.startsWith(`stack/Api: ${prop}: `) || text.startsWith(`stack/Job: ${prop}: `) || text.startsWith(`stack/Db: ${prop}: `)).toBe(true);
  expect(text).toMatch(/ \(got .*\)\. \S/);
}

describe('workload validation', () => {
  test('fails on a workloadName that is not a DNS-1123 label', () => {
    const text = deploymentError({ workloadName: 'Web_API' });
    expectFormat(text, 'workloadName');
    expect(text).toMatch(/is not a DNS-1123 label \(got "Web_API"\)/);
  });

  test('fails on a workloadName longer than 52 characters', () => {
    expect(deploymentError({ workloadName: 'a'.repeat(53) })).toMatch(/workloadName: is longer than 52 characters/);
  });

  test('fails on a container name that is not a DNS-1123 label', () => {
    const text = deploymentError({ spec: apiSpec({ name: 'API' }) });
    expectFormat(text, 'spec.name');
  });

  test.each([0, -1, 1.5, 1001])('fails on replicas %p', (replicas) => {
    const text = deploymentError({ replicas });
    expectFormat(text, 'replicas');
    expect(text).toMatch(/must be a whole number from 1 to 1000/);
  });

  test('fails on replicas together with autoscaling', () => {
    expect(deploymentError({ replicas: 3, autoscaling: { maxReplicas: 5 } })).toMatch(/replicas: is set together with autoscaling/);
  });

  test('fails when the memory limit is below the request', () => {
    const text = deploymentError({ spec: apiSpec({ resources: { memoryRequest: Size.gibibytes(1), memoryLimit: Size.mebibytes(512) } }) });
    expectFormat(text, 'spec.resources.memoryLimit');
    expect(text).toMatch(/is below memoryRequest \(1Gi\) \(got "512Mi"\)/);
  });

  test('fails when the cpu limit is below the request', () => {
    expect(deploymentError({ spec: apiSpec({ resources: { cpuRequest: Cpu.cores(2), cpuLimit: Cpu.cores(1) } }) })).toMatch(/spec\.resources\.cpuLimit: is below cpuRequest/);
  });

  test('fails on a port outside 1-65535', () => {
    const text = deploymentError({ spec: apiSpec({ ports: [{ name: 'http', containerPort: 70000 }], healthProbe: undefined }) });
    expectFormat(text, 'spec.ports[0].containerPort');
  });

  test('fails on duplicate port names in one container', () => {
    expect(deploymentError({ spec: apiSpec({ ports: [{ name: 'http', containerPort: 8080 }, { name: 'http', containerPort: 8081 }] }) }))
      .toMatch(/spec\.ports\[1\]\.name: is used by another port \(got "http"\)/);
  });

  test('fails on duplicate port names across the containers of a pod', () => {
    expect(deploymentError({ sidecars: [{ name: 'proxy', image: pinned, ports: [{ name: 'http', containerPort: 9000 }] }] }))
      .toMatch(/^stack\/Api: sidecars\[0\]\.ports: reuses a port name of another container in the pod \(got "http"\)/);
  });

  test('fails on duplicate container names', () => {
    expect(deploymentError({ sidecars: [{ name: 'api', image: pinned }] })).toMatch(/sidecars\[0\]\.name: is used by another container of the pod/);
  });

  test('fails on ports declared on an init container', () => {
    expect(deploymentError({ initContainers: [{ name: 'init', image: pinned, ports: [{ name: 'x', containerPort: 1 }] }] })).toMatch(/initContainers\[0\]\.ports: /);
  });

  test('fails when the autoscaling minimum is above the maximum', () => {
    const text = deploymentError({ autoscaling: { minReplicas: 5, maxReplicas: 3 } });
    expectFormat(text, 'autoscaling.minReplicas');
    expect(text).toMatch(/is above maxReplicas \(3\) \(got 5\)/);
  });

  test('fails on an autoscaling cpu target outside 1-100 percent', () => {
    expect(deploymentError({ autoscaling: { maxReplicas: 3, cpuUtilizationPercent: 150 } })).toMatch(/autoscaling\.cpuUtilizationPercent: must be a whole number from 1 to 100 \(got 150\)/);
  });

  test('fails on a negative GPU count', () => {
    const text = deploymentError({ gpus: -1 });
    expectFormat(text, 'gpus');
    expect(text).toMatch(/must be a whole number from 0 to 64 \(got -1\)/);
  });

  test('fails on a fractional GPU count', () => {
    expect(deploymentError({ gpus: 0.5 })).toMatch(/gpus: must be a whole number/);
  });

  test('fails on a GPU resource name without a domain', () => {
    expect(deploymentError({ gpus: 1, gpuResourceName: 'gpu' })).toMatch(/gpuResourceName: is not a domain-prefixed extended resource name \(got "gpu"\)/);
  });

  test('fails on a relative writable path', () => {
    const text = deploymentError({ spec: apiSpec({ writablePaths: ['tmp'] }) });
    expectFormat(text, 'spec.writablePaths[0]');
    expect(text).toMatch(/must be an absolute path/);
  });

  test('fails when the scratch space exceeds the ephemeral-storage limit (K8S-WRITABLE-SCRATCH)', () => {
    const text = deploymentError({ writableSizeLimit: Size.mebibytes(300), spec: apiSpec({ writablePaths: ['/tmp', '/var/cache'] }) });
    expectFormat(text, 'writableSizeLimit');
    expect(text).toMatch(/times the 2 writable path\(s\) of spec \(600Mi\) exceeds its ephemeral-storage limit \(512Mi\) \(got "300Mi"\)/);
  });

  test('fails when memory-backed scratch space exceeds the memory limit', () => {
    expect(deploymentError({ writableMemoryBacked: true, writableSizeLimit: Size.mebibytes(300) })).toMatch(/exceeds its memory limit \(256Mi\)/);
  });

  test('fails when a sidecar health probe targets a port the sidecar does not declare', () => {
    expect(deploymentError({ sidecars: [{ name: 'proxy', image: pinned, healthProbe: HealthProbe.tcp({ port: 15000 }) }] })).toMatch(/sidecars\[0\]\.healthProbe\.port: /);
  });

  test('fails on probe timings out of range (foundation HealthProbe)', () => {
    expect(() => HealthProbe.http({ path: '/healthz', port: 8080, periodSeconds: 0 })).toThrow(/^HealthProbe\.http: periodSeconds: must be a whole number from 1 to 3600 \(got 0\)/);
    expect(() => HealthProbe.tcp({ port: 8080, periodSeconds: 5, timeoutSeconds: 10 })).toThrow(/timeoutSeconds: must not exceed periodSeconds/);
  });

  test('fails when the health probe port is not a declared port', () => {
    const text = deploymentError({ spec: apiSpec({ healthProbe: HealthProbe.http({ path: '/healthz', port: 9999 }) }) });
    expectFormat(text, 'spec.healthProbe.port');
    expect(text).toMatch(/is not a port the container declares \(declared: 8080\)/);
  });

  test('fails when the startup probe port is not a declared port', () => {
    expect(deploymentError({ startupProbe: HealthProbe.tcp({ port: 1234 }) })).toMatch(/startupProbe\.port: /);
  });

  test('fails on a tag-only image unless allowTagOnlyImage (K8S-IMAGE-DIGEST)', () => {
    const text = deploymentError({ spec: apiSpec({ image: tagOnly }) });
    expectFormat(text, 'spec.image');
    expect(text).toMatch(/is not pinned by digest \(K8S-IMAGE-DIGEST\)/);
  });

  test('fails on a floating (latest) image even with allowTagOnlyImage', () => {
    expect(deploymentError({ allowTagOnlyImage: true, spec: apiSpec({ image: ImageReference.parse('nginx:latest') }) })).toMatch(/spec\.image: floats/);
  });

  test('fails on the default ServiceAccount (K8S-DEDICATED-SA)', () => {
    expect(deploymentError({ serviceAccountName: 'default' })).toMatch(/serviceAccountName: is the namespace default ServiceAccount \(K8S-DEDICATED-SA\)/);
  });

  test('fails on a sensitive env value given as a literal, without echoing it', () => {
    const text = deploymentError({ spec: apiSpec({ env: { DB_PASSWORD: EnvValue.fromSensitiveValue('hunter2') } }) });
    expectFormat(text, 'spec.env.DB_PASSWORD');
    expect(text).toContain('(got <redacted>)');
    expect(text).not.toContain('hunter2');
  });

  test('accepts a sensitive env value that is a variable reference', () => {
    const { stack, namespace } = setup();
    const v = new TerraformVariable(stack, 'pw', { sensitive: true, type: 'string' });
    expect(() => new HardenedDeployment(stack, 'Api', { namespace, spec: apiSpec({ env: { PW: EnvValue.fromSensitiveValue(v.stringValue) } }) })).not.toThrow();
  });

  test('fails on fsGroup 0 (K8S-NONROOT-GROUP)', () => {
    expect(deploymentError({ fsGroup: 0 })).toMatch(/fsGroup: must be a whole number from 1 to 2147483647 \(got 0\)/);
  });

  test('fails on a user 0 (root) in the spec', () => {
    expect(deploymentError({ spec: apiSpec({ user: 0 }) })).toMatch(/spec\.user: is 0 \(root\)/);
  });

  test('fails on an invalid label value', () => {
    expect(deploymentError({ labels: { team: 'not ok!' } })).toMatch(/labels\["team"\]: is not a valid label value/);
  });

  test.each([
    ['cpuLimit', { cpuLimit: Cpu.cores(5) }, /exceeds the namespace LimitRange max \(4\), so admission would reject the pods \(got "5"\)/],
    ['memoryLimit', { memoryLimit: Size.gibibytes(9) }, /exceeds the namespace LimitRange max \(8Gi\), so admission would reject the pods \(got "9Gi"\)/],
    ['ephemeralStorageLimit', { ephemeralStorageLimit: Size.gibibytes(10) }, /exceeds the namespace LimitRange max \(8Gi\)/],
  ])('fails when a container %s exceeds the namespace LimitRange max (admission would reject the pods at apply)', (what, resources, pattern) => {
    const text = deploymentError({ spec: apiSpec({ resources }) });
    expectFormat(text, `spec.resources.${what}`);
    expect(text).toMatch(pattern);
  });

  test('fails when a sidecar limit exceeds the namespace LimitRange max', () => {
    const sidecar = { name: 'proxy', image: pinned, resources: { cpuRequest: Cpu.cores(6) } };
    expectFormat(deploymentError({ sidecars: [sidecar] }), 'sidecars[0].resources.cpuLimit');
  });

  test('fails at synth when two workloads share a name in one namespace (their objects would collide at apply)', () => {
    const { stack, namespace } = setup();
    new HardenedDeployment(stack, 'Api', { namespace, workloadName: 'shop-api', spec: apiSpec() });
    new HardenedStatefulSet(stack, 'Db', { namespace, workloadName: 'shop-api', spec: apiSpec({ name: 'db' }) });
    expect(() => Testing.synth(stack, true))
      .toThrow(/stack\/Db: workloadName: is also used by stack\/Api in the same namespace, so their ServiceAccount, Service and NetworkPolicy would collide at apply \(got "shop-api"\)/);
  });

  test('a name clash is a ValidationError (one stack-level check, in construct order)', () => {
    const { stack, namespace } = setup();
    for (let i = 0; i < 50; i++) new HardenedDeployment(stack, `W${i}`, { namespace, workloadName: `w-${i}`, spec: apiSpec() });
    new HardenedDeployment(stack, 'Again', { namespace, workloadName: 'w-7', spec: apiSpec() });
    let thrown: unknown;
    try {
      Testing.synth(stack, true);
    } catch (e) {
      thrown = e;
    }
    expect(Errors.isValidationError(thrown)).toBe(true);
    expect((thrown as Error).message).toMatch(/^stack\/Again: workloadName: is also used by stack\/W7 in the same namespace/);
  });

  test('the same workloadName in two namespaces is fine', () => {
    const { stack, namespace } = setup();
    const other = new HardenedNamespace(stack, 'Other', { namespaceName: 'other' });
    new HardenedDeployment(stack, 'Api', { namespace, workloadName: 'api', spec: apiSpec() });
    new HardenedDeployment(stack, 'Api2', { namespace: other, workloadName: 'api', spec: apiSpec() });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('limits are not checked against a namespace that declares no maxima', () => {
    const { stack } = setup();
    const namespace = { namespaceName: 'legacy', containerDefaults: {} };
    expect(() => new HardenedDeployment(stack, 'Api', { namespace, spec: apiSpec({ resources: { cpuLimit: Cpu.cores(32) } }) })).not.toThrow();
  });

  test('fails on a system namespace given through IKubernetesNamespace (K8S-NS-DEDICATED)', () => {
    const text = deploymentError({ namespace: { namespaceName: 'default', containerDefaults: {} } });
    expectFormat(text, 'namespace.namespaceName');
    expect(text).toMatch(/is a system namespace \(K8S-NS-DEDICATED\) \(got "default"\)/);
  });

  test('fails without a namespace', () => {
    expect(deploymentError({ namespace: undefined as any })).toMatch(/^stack\/Api: namespace: is required/);
  });
});

describe('network policy validation', () => {
  function pair() {
    const { stack, namespace } = setup();
    const web = new HardenedDeployment(stack, 'Web', { namespace, spec: apiSpec({ name: 'web' }) });
    const api = new HardenedDeployment(stack, 'Api', { namespace, spec: apiSpec() });
    return { web, api };
  }

  test('fails when allowFrom names a port the workload does not declare', () => {
    const { web, api } = pair();
    const text = message(() => api.allowFrom(web, 9090));
    expectFormat(text, 'port');
    expect(text).toMatch(/is not a port workload "api" declares \(declared: 8080\) \(got 9090\)/);
  });

  test('fails on a CIDR that is not one', () => {
    const { api } = pair();
    expect(message(() => api.allowFromCidr('10.0.0.0', 8080))).toMatch(/^stack\/Api: cidr: is not an IPv4 or IPv6 CIDR \(got "10\.0\.0\.0"\)/);
    expect(message(() => api.allowToCidr('300.1.1.1/8', 443))).toMatch(/cidr: /);
  });

  test('fails on an egress port outside 1-65535', () => {
    const { api } = pair();
    expect(message(() => api.allowToCidr('10.0.0.0/8', 70000))).toMatch(/^stack\/Api: port: must be a whole number from 1 to 65535 \(got 70000\)/);
  });

  test('fails on a namespace name that is not a DNS label', () => {
    const { api } = pair();
    expect(message(() => api.allowFromNamespace('Ingress', 8080))).toMatch(/namespaceName: is not a DNS-1123 label/);
  });
});

describe('kind-specific validation', () => {
  function statefulSetError(props: Partial<ConstructorParameters<typeof HardenedStatefulSet>[2]>): string {
    const { stack, namespace } = setup();
    return message(() => new HardenedStatefulSet(stack, 'Db', { namespace, spec: apiSpec(), ...props }));
  }
  function cronJobError(props: Partial<ConstructorParameters<typeof HardenedCronJob>[2]>): string {
    const { stack, namespace } = setup();
    return message(() => new HardenedCronJob(stack, 'Job', { namespace, schedule: '0 3 * * *', spec: apiSpec(), ...props }));
  }

  test('fails on a relative volume claim mount path', () => {
    const text = statefulSetError({ volumeClaims: [{ name: 'data', mountPath: 'data', storage: Size.gibibytes(1) }] });
    expectFormat(text, 'volumeClaims[0].mountPath');
  });

  test('fails on duplicate volume claim names', () => {
    expect(statefulSetError({ volumeClaims: [{ name: 'data', mountPath: '/a', storage: Size.gibibytes(1) }, { name: 'data', mountPath: '/b', storage: Size.gibibytes(1) }] }))
      .toMatch(/volumeClaims\[1\]\.name: is used by another volume claim/);
  });

  test('fails on a volume claim mounted over a writable path', () => {
    expect(statefulSetError({ volumeClaims: [{ name: 'data', mountPath: '/tmp', storage: Size.gibibytes(1) }] })).toMatch(/volumeClaims\[0\]\.mountPath: is already mounted/);
  });

  test('fails on a volume claim name that is not a DNS label', () => {
    expect(statefulSetError({ volumeClaims: [{ name: 'Data', mountPath: '/data', storage: Size.gibibytes(1) }] })).toMatch(/volumeClaims\[0\]\.name: is not a DNS-1123 label/);
  });

  test('fails on StatefulSet replicas 0', () => {
    expect(statefulSetError({ replicas: 0 })).toMatch(/^stack\/Db: replicas: must be a whole number from 1 to 1000/);
  });

  test('fails on a cron schedule with six fields', () => {
    const text = cronJobError({ schedule: '0 0 3 * * *' });
    expectFormat(text, 'schedule');
    expect(text).toMatch(/is not a five-field cron expression or macro/);
  });

  test('fails on a cron schedule with TZ=', () => {
    expect(cronJobError({ schedule: 'TZ=UTC 0 3 * * *' })).toMatch(/schedule: /);
  });

  test('fails on restart policy Always for a job', () => {
    expect(cronJobError({ restartPolicy: 'Always' as JobRestartPolicy })).toMatch(/restartPolicy: is not OnFailure or Never/);
  });

  test('fails on a history limit above 100', () => {
    expect(cronJobError({ successfulJobsHistoryLimit: 101 })).toMatch(/successfulJobsHistoryLimit: must be a whole number from 0 to 100 \(got 101\)/);
  });

  test('fails on a starting deadline below 10 seconds', () => {
    expect(cronJobError({ startingDeadlineSeconds: 5 })).toMatch(/startingDeadlineSeconds: /);
  });

  test('fails on an invalid time zone', () => {
    expect(cronJobError({ timeZone: 'Europe Berlin' })).toMatch(/timeZone: is not an IANA time zone name/);
  });
});

describe('HardenedWorkload.secretKeyFor (found by the fuzz campaign)', () => {
  test('a Symbol was a TypeError, a number was silently made part of the key: both are ValidationErrors', () => {
    expect(message(() => HardenedWorkload.secretKeyFor('api', Symbol('x') as any)))
      .toMatch(/^HardenedWorkload\.secretKeyFor: envName: must be a string \(got <symbol>\)\. /);
    expect(message(() => HardenedWorkload.secretKeyFor(5 as any, 'DB_PASSWORD')))
      .toMatch(/^HardenedWorkload\.secretKeyFor: containerName: must be a string \(got 5\)\. /);
    expect(HardenedWorkload.secretKeyFor('api', 'DB_PASSWORD')).toBe('api.DB_PASSWORD');
  });
});
