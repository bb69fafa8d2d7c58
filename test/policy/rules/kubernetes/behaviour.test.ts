import { IPolicyRule } from '../../../../lib/policy';
import { KUBERNETES_RULES } from '../../../../lib/policy/rules/kubernetes';
import {
  ComplianceStatus, EMPTY, denyAll, deployment, evaluate, limits, listWrapped, manifest, namespace, quota, workload,
} from './fixtures';

function rule(id: string): IPolicyRule {
  return KUBERNETES_RULES.find((r) => r.ruleId === id)!;
}

const PINNED = (version: string): Record<string, string> => ({
  'pod-security.kubernetes.io/enforce': 'restricted',
  'pod-security.kubernetes.io/enforce-version': version,
  'pod-security.kubernetes.io/warn': 'restricted',
  'pod-security.kubernetes.io/warn-version': version,
  'pod-security.kubernetes.io/audit': 'restricted',
  'pod-security.kubernetes.io/audit-version': version,
});

describe('list-wrapped rendering', () => {
  test('violations carry the concrete list paths', () => {
    const resource = listWrapped(deployment((p) => {
      p.container[0].security_context.privileged = true;
      p.volume.push({ name: 'host', host_path: { path: '/etc' } });
    }));
    expect(evaluate(rule('K8S-NO-PRIVILEGED'), resource).violations.map((v) => v.attributePath))
      .toEqual(['spec[0].template[0].spec[0].container[0].security_context[0].privileged']);
    expect(evaluate(rule('K8S-NO-HOSTPATH'), resource).violations)
      .toEqual([{ attributePath: 'spec[0].template[0].spec[0].volume[2].host_path[0]', found: '/etc', fix: expect.any(String), detail: 'volume=host' }]);
  });

  test('AppArmor annotations are found in list-wrapped pod metadata', () => {
    const resource = listWrapped(deployment((_p, m) => { m.annotations['container.apparmor.security.beta.kubernetes.io/web'] = 'unconfined'; }));
    expect(evaluate(rule('K8S-APPARMOR'), resource).violations.map((v) => v.attributePath))
      .toEqual(['spec[0].template[0].metadata[0].annotations["container.apparmor.security.beta.kubernetes.io/web"]']);
  });

  test('pod metadata of a kubernetes_pod_v1 is the top-level metadata', () => {
    const resource = workload('kubernetes_pod_v1', (_p, m) => { m.annotations['container.apparmor.security.beta.kubernetes.io/web'] = 'unconfined'; });
    expect(evaluate(rule('K8S-APPARMOR'), resource).violations.map((v) => v.attributePath))
      .toEqual(['metadata.annotations["container.apparmor.security.beta.kubernetes.io/web"]']);
  });
});

describe('kubernetes_manifest', () => {
  test.each([
    ['K8S-NO-PRIVILEGED', (p: any) => { p.containers[0].securityContext.privileged = true; }, 'manifest.spec.template.spec.containers[0].securityContext.privileged'],
    ['K8S-NO-HOSTPATH', (p: any) => { p.volumes.push({ name: 'root', hostPath: { path: '/' } }); }, 'manifest.spec.template.spec.volumes[1].hostPath'],
    ['K8S-HOST-NAMESPACES', (p: any) => { p.hostPID = true; }, 'manifest.spec.template.spec.hostPID'],
    ['K8S-HOST-NAMESPACES', (p: any) => { p.hostNetwork = true; }, 'manifest.spec.template.spec.hostNetwork'],
    ['K8S-PROCMOUNT', (p: any) => { p.initContainers[0].securityContext.procMount = 'Unmasked'; }, 'manifest.spec.template.spec.initContainers[0].securityContext.procMount'],
    ['K8S-NO-PRIV-ESC', (p: any) => { delete p.containers[0].securityContext.allowPrivilegeEscalation; }, 'manifest.spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation'],
    ['K8S-RUNASUSER-NONZERO', (p: any) => { p.containers[0].securityContext.runAsUser = 0; }, 'manifest.spec.template.spec.containers[0].securityContext.runAsUser'],
    ['K8S-WIN-HOSTPROCESS', (p: any) => { p.containers[0].securityContext.windowsOptions = { hostProcess: true }; }, 'manifest.spec.template.spec.containers[0].securityContext.windowsOptions.hostProcess'],
    ['K8S-VOLUME-TYPES', (p: any) => { p.volumes.push({ name: 'repo', gitRepo: { repository: 'x' } }); }, 'manifest.spec.template.spec.volumes[1].gitRepo'],
  ])('%s fails on the camelCase manifest (%#)', (id, mutate, path) => {
    const result = evaluate(rule(id), manifest(mutate));
    expect(result.status).toBe(ComplianceStatus.FAIL);
    expect(result.violations.map((v) => v.attributePath)).toEqual([path]);
  });

  test('a Pod manifest uses manifest.spec; ephemeral containers are checked too', () => {
    const result = evaluate(rule('K8S-NO-PRIVILEGED'), manifest((p) => {
      p.ephemeralContainers = [{ name: 'debug', securityContext: { privileged: true } }];
    }, 'Pod'));
    expect(result.violations).toEqual([{
      attributePath: 'manifest.spec.ephemeralContainers[0].securityContext.privileged', found: true, fix: expect.any(String), detail: 'ephemeral_container=debug',
    }]);
  });

  test('K8S-PROCMOUNT does not apply to typed workloads (the provider cannot set procMount)', () => {
    expect(evaluate(rule('K8S-PROCMOUNT'), deployment()).status).toBe(ComplianceStatus.NOT_APPLICABLE);
  });

  test('K8S-NS-DEDICATED checks a manifest only when it names a namespace', () => {
    const clusterScoped = { resourceType: 'kubernetes_manifest', address: 'kubernetes_manifest.crd', attributes: { manifest: { kind: 'ClusterRole', metadata: { name: 'x' } } } };
    expect(evaluate(rule('K8S-NS-DEDICATED'), clusterScoped).status).toBe(ComplianceStatus.NOT_APPLICABLE);
    const inSystem = { resourceType: 'kubernetes_manifest', address: 'kubernetes_manifest.cm', attributes: { manifest: { kind: 'ConfigMap', metadata: { name: 'x', namespace: 'kube-system' } } } };
    expect(evaluate(rule('K8S-NS-DEDICATED'), inSystem).violations.map((v) => v.attributePath)).toEqual(['manifest.metadata.namespace']);
  });
});

describe('version-dependent allow-lists', () => {
  const rmem = deployment((p) => { p.security_context.sysctl.push({ name: 'net.ipv4.tcp_rmem', value: '4096 87380 6291456' }); });

  test('K8S-SYSCTLS uses v1.29 unless the namespace in the stack pins a newer version', () => {
    expect(evaluate(rule('K8S-SYSCTLS'), rmem).status).toBe(ComplianceStatus.FAIL);
    expect(evaluate(rule('K8S-SYSCTLS'), rmem, { resources: [namespace('apps', PINNED('v1.32')), rmem] }).status).toBe(ComplianceStatus.PASS);
    expect(evaluate(rule('K8S-SYSCTLS'), rmem, { resources: [namespace('apps', PINNED('v1.31')), rmem] }).status).toBe(ComplianceStatus.FAIL);
  });

  test('K8S-SELINUX allows container_engine_t from v1.31, resolving the namespace by reference', () => {
    const engine = deployment((p) => { p.container[0].security_context.se_linux_options = { type: 'container_engine_t' }; }, '${kubernetes_namespace_v1.apps.metadata[0].name}');
    expect(evaluate(rule('K8S-SELINUX'), engine).violations).toEqual([{
      attributePath: 'spec.template.spec.container[0].security_context.se_linux_options.type', found: 'container_engine_t', fix: expect.any(String), detail: 'container=web',
    }]);
    expect(evaluate(rule('K8S-SELINUX'), engine, { resources: [namespace('apps', PINNED('v1.31')), engine] }).status).toBe(ComplianceStatus.PASS);
  });
});

describe('pod-level and container-level settings', () => {
  test('K8S-RUNASNONROOT passes with every container true and no pod value; fails on an explicit pod false', () => {
    expect(evaluate(rule('K8S-RUNASNONROOT'), deployment((p) => { delete p.security_context.run_as_non_root; })).status).toBe(ComplianceStatus.PASS);
    expect(evaluate(rule('K8S-RUNASNONROOT'), deployment((p) => { p.security_context.run_as_non_root = false; })).violations)
      .toEqual([{ attributePath: 'spec.template.spec.security_context.run_as_non_root', found: false, fix: expect.any(String), detail: 'pod' }]);
  });

  test('K8S-SECCOMP: containers may rely on the pod profile; Localhost needs a profile path', () => {
    expect(evaluate(rule('K8S-SECCOMP'), deployment((p) => { delete p.container[0].security_context.seccomp_profile; })).status).toBe(ComplianceStatus.PASS);
    expect(evaluate(rule('K8S-SECCOMP'), deployment((p) => { p.security_context.seccomp_profile = { type: 'Localhost' }; })).violations)
      .toEqual([{ attributePath: 'spec.template.spec.security_context.seccomp_profile.localhost_profile', fix: expect.any(String), detail: 'pod' }]);
  });

  test('K8S-RESOURCES parses quantities exactly (1 = 1000m, 1Gi = 1024Mi) and fails unparseable ones with a fix', () => {
    const zero = evaluate(rule('K8S-RESOURCES'), deployment((p) => { p.container[0].resources.limits.cpu = '0'; }));
    expect(zero.violations).toEqual([{ attributePath: 'spec.template.spec.container[0].resources.limits["cpu"]', found: '0', fix: expect.stringContaining('valid Kubernetes quantity'), detail: 'container=web' }]);
    const missing = evaluate(rule('K8S-RESOURCES'), deployment((p) => { delete p.init_container[0].resources; }));
    expect(missing.violations.map((v) => `${v.detail} ${v.attributePath}`)).toEqual([
      'init_container=setup spec.template.spec.init_container[0].resources.requests["cpu"]',
      'init_container=setup spec.template.spec.init_container[0].resources.requests["memory"]',
      'init_container=setup spec.template.spec.init_container[0].resources.limits["cpu"]',
      'init_container=setup spec.template.spec.init_container[0].resources.limits["memory"]',
    ]);
  });

  test('an unresolved container list is UNKNOWN, but a definite violation still FAILs', () => {
    expect(evaluate(rule('K8S-NO-PRIVILEGED'), deployment((p) => { p.init_container = '${var.init}'; })).status).toBe(ComplianceStatus.UNKNOWN);
    expect(evaluate(rule('K8S-NO-PRIVILEGED'), deployment((p) => {
      p.init_container = '${var.init}';
      p.container[0].security_context.privileged = true;
    })).status).toBe(ComplianceStatus.FAIL);
  });
});

describe('namespace relations', () => {
  const ref = '${kubernetes_namespace_v1.apps.metadata[0].name}';

  test('K8S-NETPOL-DEFAULT-DENY: a deny-all policy in another namespace does not count', () => {
    const result = evaluate(rule('K8S-NETPOL-DEFAULT-DENY'), namespace(), { resources: [namespace(), namespace('other'), denyAll('other')] });
    expect(result.status).toBe(ComplianceStatus.FAIL);
  });

  test('K8S-NETPOL-DEFAULT-DENY: a policy that selects some pods is not a default deny', () => {
    const selective = denyAll(ref, { pod_selector: { match_labels: { app: 'web' } }, policy_types: ['Ingress', 'Egress'] });
    expect(evaluate(rule('K8S-NETPOL-DEFAULT-DENY'), namespace(), { resources: [namespace(), selective] }).status).toBe(ComplianceStatus.FAIL);
    const ingressOnly = denyAll(ref, { pod_selector: {}, policy_types: ['Ingress'] });
    expect(evaluate(rule('K8S-NETPOL-DEFAULT-DENY'), namespace(), { resources: [namespace(), ingressOnly] }).status).toBe(ComplianceStatus.FAIL);
  });

  test('K8S-NETPOL-DEFAULT-DENY: no policy at all fails with the fix', () => {
    expect(evaluate(rule('K8S-NETPOL-DEFAULT-DENY'), namespace(), EMPTY).violations).toEqual([{
      attributePath: 'metadata.name', found: 'apps', fix: expect.stringContaining('policy_types = ["Ingress", "Egress"]'), detail: 'namespace=apps',
    }]);
  });

  test('K8S-RESOURCEQUOTA: keys may be split across quotas of the namespace', () => {
    const compute = quota('apps', { 'requests.cpu': '4', 'requests.memory': '8Gi', 'limits.cpu': '8', 'limits.memory': '16Gi' });
    const pods = { ...quota(ref, { pods: '20' }), address: 'kubernetes_resource_quota_v1.pods' };
    expect(evaluate(rule('K8S-RESOURCEQUOTA'), namespace(), { resources: [namespace(), compute, pods] }).status).toBe(ComplianceStatus.PASS);
    // each quota on its own is incomplete
    expect(evaluate(rule('K8S-RESOURCEQUOTA'), pods).status).toBe(ComplianceStatus.FAIL);
  });

  test('K8S-LIMITRANGE: only type = "Container" limits count', () => {
    const podLimit = limits('apps', [{ type: 'Pod', max: { cpu: '2', memory: '2Gi' } }]);
    expect(evaluate(rule('K8S-LIMITRANGE'), podLimit).violations.map((v) => v.attributePath)).toEqual([
      'spec.limit.default["cpu"]', 'spec.limit.default["memory"]',
      'spec.limit.default_request["cpu"]', 'spec.limit.default_request["memory"]',
      'spec.limit.max["cpu"]', 'spec.limit.max["memory"]',
    ]);
    expect(evaluate(rule('K8S-LIMITRANGE'), namespace(), { resources: [namespace(), podLimit] }).status).toBe(ComplianceStatus.FAIL);
  });

  test('K8S-NS-DEDICATED resolves a reference to a system namespace resource', () => {
    const kubeSystem = namespace('kube-system');
    const resource = deployment(undefined, '${kubernetes_namespace_v1.kube_system.metadata[0].name}');
    expect(evaluate(rule('K8S-NS-DEDICATED'), resource, { resources: [kubeSystem, resource] }).violations)
      .toEqual([{ attributePath: 'metadata.namespace', found: '${kubernetes_namespace_v1.kube_system.metadata[0].name}', fix: expect.any(String) }]);
  });
});

describe('PT-K8S-GPU', () => {
  test('does not apply to pods without GPUs', () => {
    expect(evaluate(rule('PT-K8S-GPU'), deployment()).status).toBe(ComplianceStatus.NOT_APPLICABLE);
  });

  test('applies to a pod that mounts /dev/dri without requesting a GPU', () => {
    const result = evaluate(rule('PT-K8S-GPU'), deployment((p) => { p.volume.push({ name: 'dri', host_path: { path: '/dev/dri' } }); }));
    expect(result.violations.map((v) => v.detail)).toEqual(['volume=dri']);
  });

  test('a GPU requested without a limit fails', () => {
    const result = evaluate(rule('PT-K8S-GPU'), deployment((p) => { p.container[0].resources.requests['amd.com/gpu'] = '1'; }));
    expect(result.violations.map((v) => v.attributePath)).toEqual(['spec.template.spec.container[0].resources.requests["amd.com/gpu"]']);
  });
});

describe('K8S-RUNTIMECLASS', () => {
  test('does not apply to pods not labelled untrusted', () => {
    expect(evaluate(rule('K8S-RUNTIMECLASS'), deployment()).status).toBe(ComplianceStatus.NOT_APPLICABLE);
  });
});

describe('kubernetes_manifest related resources', () => {
  test('a deny-all NetworkPolicy manifest in the namespace satisfies K8S-NETPOL-DEFAULT-DENY; a ConfigMap manifest does not', () => {
    const policy = (kind: string, spec: Record<string, any>) => ({
      resourceType: 'kubernetes_manifest',
      address: `kubernetes_manifest.${kind.toLowerCase()}`,
      attributes: { manifest: { apiVersion: 'networking.k8s.io/v1', kind, metadata: { name: 'deny-all', namespace: 'apps' }, spec } },
    });
    const rule = KUBERNETES_RULES.find((r) => r.ruleId === 'K8S-NETPOL-DEFAULT-DENY')!;
    const denyAllManifest = policy('NetworkPolicy', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    expect(rule.evaluate(namespace(), { resources: [namespace(), denyAllManifest] }).status).toBe(ComplianceStatus.PASS);
    const allow = policy('NetworkPolicy', { podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] });
    expect(rule.evaluate(namespace(), { resources: [namespace(), allow] }).status).toBe(ComplianceStatus.FAIL);
    expect(rule.evaluate(namespace(), { resources: [namespace(), policy('ConfigMap', {})] }).status).toBe(ComplianceStatus.FAIL);
  });

  test('K8S-SA-TOKEN checks a ServiceAccount manifest', () => {
    const sa = (automount?: boolean) => ({
      resourceType: 'kubernetes_manifest',
      address: 'kubernetes_manifest.sa',
      attributes: { manifest: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'web', namespace: 'apps' }, ...(automount === undefined ? {} : { automountServiceAccountToken: automount }) } },
    });
    const rule = KUBERNETES_RULES.find((r) => r.ruleId === 'K8S-SA-TOKEN')!;
    expect(evaluate(rule, sa(false)).status).toBe(ComplianceStatus.PASS);
    expect(evaluate(rule, sa()).violations.map((v) => v.attributePath)).toEqual(['manifest.automountServiceAccountToken']);
  });
});

describe('unresolved pod metadata', () => {
  const resource = () => {
    const d = deployment();
    d.attributes.spec.template.metadata = '${var.pod_metadata}';
    return d;
  };

  test('K8S-APPARMOR and K8S-RUNTIMECLASS are UNKNOWN when the pod metadata is an expression', () => {
    for (const id of ['K8S-APPARMOR', 'K8S-RUNTIMECLASS']) {
      expect({ id, status: evaluate(KUBERNETES_RULES.find((r) => r.ruleId === id)!, resource()).status })
        .toEqual({ id, status: ComplianceStatus.UNKNOWN });
    }
  });
});
