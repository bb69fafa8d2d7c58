import { IPolicyRule, PolicyContext, PolicyResource } from '../../../../lib/policy';
import { KUBERNETES_RULES } from '../../../../lib/policy/rules/kubernetes';
import {
  ComplianceStatus, denyAll, deployment, evaluate, limits, manifest, namespace, quota, secureStack,
} from './fixtures';

function rule(id: string): IPolicyRule {
  const found = KUBERNETES_RULES.find((r) => r.ruleId === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

const T = 'spec.template.spec';
const C0 = `${T}.container[0]`;
const UNTRUSTED = 'cdktf-hybrid.io/untrusted';
const APPARMOR_WEB = 'container.apparmor.security.beta.kubernetes.io/web';
const REF = '${kubernetes_namespace_v1.apps.metadata[0].name}';

function stackWith(...resources: PolicyResource[]): PolicyContext {
  return { resources };
}

function serviceAccount(automount?: unknown): PolicyResource {
  const attributes: Record<string, any> = { metadata: { name: 'web', namespace: 'apps' } };
  if (automount !== undefined) attributes.automount_service_account_token = automount;
  return { resourceType: 'kubernetes_service_account_v1', address: 'kubernetes_service_account_v1.web', attributes };
}

function role(verbs: unknown = ['get', 'list']): PolicyResource {
  return { resourceType: 'kubernetes_role_v1', address: 'kubernetes_role_v1.reader', attributes: { metadata: { name: 'reader', namespace: 'apps' }, rule: [{ api_groups: [''], resources: ['pods'], verbs }] } };
}

function binding(subjectName: unknown = 'web'): PolicyResource {
  return {
    resourceType: 'kubernetes_role_binding_v1',
    address: 'kubernetes_role_binding_v1.reader',
    attributes: { metadata: { name: 'reader', namespace: 'apps' }, role_ref: { api_group: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' }, subject: [{ kind: 'ServiceAccount', name: subjectName, namespace: 'apps' }] },
  };
}

/** Rules whose compliant form is the absence of their resource type: the compliant fixture is what replaces it (NOT_APPLICABLE). */
const COMPLIANT_BY_ABSENCE = ['K8S-NO-PSP'];

// ---------------------------------------------------------------- compliant fixtures: PASS
const COMPLIANT: Array<[string, PolicyResource, PolicyContext?]> = [
  ['K8S-HOST-NAMESPACES', deployment()],
  ['K8S-NO-PRIVILEGED', deployment()],
  ['K8S-CAPS-BASELINE', deployment((p) => { p.container[0].security_context.capabilities.add = ['NET_BIND_SERVICE', 'CHOWN']; })],
  ['K8S-NO-HOSTPATH', deployment()],
  ['K8S-NO-HOSTPORT', deployment((p) => { p.container[0].port[0].host_port = 0; })],
  ['K8S-APPARMOR', deployment((_p, m) => { m.annotations['container.apparmor.security.beta.kubernetes.io/setup'] = 'localhost/k8s-setup'; })],
  ['K8S-SELINUX', deployment((p) => { p.security_context.se_linux_options = { type: 'container_t', level: 's0:c123,c456' }; })],
  ['K8S-PROCMOUNT', manifest()],
  ['K8S-SYSCTLS', deployment((p) => { p.security_context.sysctl.push({ name: 'net.ipv4.tcp_keepalive_time', value: '600' }); })],
  ['K8S-WIN-HOSTPROCESS', deployment((p) => { p.security_context.windows_options = { host_process: false, run_as_username: 'app' }; })],
  ['K8S-PROBE-HOST', deployment((p) => { p.container[0].readiness_probe = { http_get: { path: '/ready', port: '8080', host: '' } }; })],
  ['K8S-VOLUME-TYPES', deployment((p) => { p.volume.push({ name: 'data', persistent_volume_claim: { claim_name: 'data' } }, { name: 'token', projected: { sources: [] } }); })],
  ['K8S-NO-PRIV-ESC', deployment()],
  ['K8S-RUNASNONROOT', deployment((p) => { delete p.security_context.run_as_non_root; })],
  ['K8S-RUNASUSER-NONZERO', deployment()],
  ['K8S-NONROOT-GROUP', deployment()],
  ['K8S-CAPS-DROP-ALL', deployment((p) => { p.container[0].security_context.capabilities.add = ['NET_BIND_SERVICE']; })],
  ['K8S-SECCOMP', deployment((p) => { p.container[0].security_context.seccomp_profile = { type: 'Localhost', localhost_profile: 'profiles/web.json' }; })],
  ['K8S-READONLY-ROOTFS', deployment()],
  ['K8S-WRITABLE-SCRATCH', deployment()],
  ['K8S-RESOURCES', deployment((p) => { p.container[0].resources = { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1000m', memory: '1024Mi' } }; })],
  ['K8S-SA-TOKEN', deployment()],
  ['K8S-SA-TOKEN', serviceAccount(false)],
  ['K8S-DEDICATED-SA', deployment()],
  // a reference to an account created in the same stack is followed to its name
  ['K8S-DEDICATED-SA', deployment((p) => { p.service_account_name = '${kubernetes_service_account_v1.web.metadata[0].name}'; }), stackWith(serviceAccount(false))],
  ['K8S-NO-SHARED-PROCNS', deployment()],
  ['K8S-MOUNT-PROPAGATION', deployment((p) => { p.container[0].volume_mount[0].mount_propagation = 'None'; })],
  ['K8S-IMAGE-DIGEST', deployment()],
  ['K8S-RUNTIMECLASS', deployment((p, m) => { m.labels[UNTRUSTED] = 'true'; p.runtime_class_name = 'gvisor'; })],
  ['K8S-NS-DEDICATED', deployment()],
  ['K8S-NS-DEDICATED', deployment(undefined, REF), secureStack()],
  ['K8S-PSA-LABELS', namespace()],
  ['K8S-NETPOL-DEFAULT-DENY', namespace(), stackWith(namespace(), denyAll('apps'))],
  ['K8S-NETPOL-DEFAULT-DENY', namespace(), stackWith(namespace(), denyAll(REF, { pod_selector: [{}], policy_types: ['Egress', 'Ingress'], ingress: [] }))],
  ['K8S-RESOURCEQUOTA', namespace(), secureStack()],
  ['K8S-RESOURCEQUOTA', quota('apps')],
  ['K8S-LIMITRANGE', namespace(), secureStack()],
  ['K8S-LIMITRANGE', limits('apps')],
  ['PT-K8S-GPU', deployment((p) => { p.container[0].resources.limits['nvidia.com/gpu'] = '1'; })],
  ['K8S-RBAC-NO-WILDCARD', role()],
  ['K8S-RBAC-DEFAULT-SA', binding()],
  ['K8S-SECRETS-AS-FILES', deployment((p) => { p.volume.push({ name: 'db', secret: { secret_name: 'db' } }); p.container[0].env = [{ name: 'MODE', value: 'prod' }]; })],
  ['K8S-NO-PSP', namespace()],
];

test.each(COMPLIANT.map(([id, resource, context]) => [id, resource.resourceType, resource, context] as const))(
  '%s passes a compliant %s', (id, _type, resource, context) => {
    const result = evaluate(rule(id), resource, context);
    expect(result.violations).toEqual([]);
    expect(result.status).toBe(COMPLIANT_BY_ABSENCE.includes(id) ? ComplianceStatus.NOT_APPLICABLE : ComplianceStatus.PASS);
  });

test('every rule has a compliant fixture', () => {
  expect(new Set(COMPLIANT.map(([id]) => id))).toEqual(new Set(KUBERNETES_RULES.map((r) => r.ruleId)));
});

// ---------------------------------------------------------------- non-compliant fixtures: FAIL
type Expected = { attributePath: string; detail?: string; found?: unknown };
const NON_COMPLIANT: Array<[string, string, PolicyResource, Expected[], PolicyContext?]> = [
  ['K8S-HOST-NAMESPACES', 'host network and PID', deployment((p) => { p.host_network = true; p.host_pid = true; }), [
    { attributePath: `${T}.host_network`, detail: 'field=host_network', found: true },
    { attributePath: `${T}.host_pid`, detail: 'field=host_pid', found: true },
  ]],
  ['K8S-NO-PRIVILEGED', 'a privileged init container', deployment((p) => { p.init_container[0].security_context.privileged = true; }), [
    { attributePath: `${T}.init_container[0].security_context.privileged`, detail: 'init_container=setup', found: true },
  ]],
  ['K8S-CAPS-BASELINE', 'SYS_ADMIN added', deployment((p) => { p.container[0].security_context.capabilities.add = ['CHOWN', 'SYS_ADMIN']; }), [
    { attributePath: `${C0}.security_context.capabilities.add`, detail: 'container=web', found: ['SYS_ADMIN'] },
  ]],
  ['K8S-NO-HOSTPATH', 'the Docker socket mounted', deployment((p) => { p.volume.push({ name: 'docker', host_path: { path: '/var/run/docker.sock' } }); }), [
    { attributePath: `${T}.volume[2].host_path`, detail: 'volume=docker', found: '/var/run/docker.sock' },
  ]],
  ['K8S-NO-HOSTPORT', 'host port 80', deployment((p) => { p.container[0].port[0].host_port = 80; }), [
    { attributePath: `${C0}.port[0].host_port`, detail: 'container=web', found: 80 },
  ]],
  ['K8S-APPARMOR', 'unconfined', deployment((_p, m) => { m.annotations[APPARMOR_WEB] = 'unconfined'; }), [
    { attributePath: `spec.template.metadata.annotations["${APPARMOR_WEB}"]`, detail: 'container=web', found: 'unconfined' },
  ]],
  ['K8S-SELINUX', 'spc_t with a custom user', deployment((p) => { p.security_context.se_linux_options = { type: 'spc_t', user: 'system_u' }; }), [
    { attributePath: `${T}.security_context.se_linux_options.type`, detail: 'pod', found: 'spc_t' },
    { attributePath: `${T}.security_context.se_linux_options.user`, detail: 'pod', found: 'system_u' },
  ]],
  ['K8S-PROCMOUNT', 'Unmasked /proc in a manifest', manifest((p) => { p.containers[0].securityContext.procMount = 'Unmasked'; }), [
    { attributePath: 'manifest.spec.template.spec.containers[0].securityContext.procMount', detail: 'container=web', found: 'Unmasked' },
  ]],
  ['K8S-SYSCTLS', 'an unsafe sysctl', deployment((p) => { p.security_context.sysctl.push({ name: 'kernel.msgmax', value: '65536' }); }), [
    { attributePath: `${T}.security_context.sysctl[1].name`, detail: 'sysctl=kernel.msgmax', found: 'kernel.msgmax' },
  ]],
  ['K8S-WIN-HOSTPROCESS', 'a HostProcess pod', deployment((p) => { p.security_context.windows_options = { host_process: true }; }), [
    { attributePath: `${T}.security_context.windows_options.host_process`, detail: 'pod', found: true },
  ]],
  ['K8S-PROBE-HOST', 'a probe to the metadata service', deployment((p) => { p.container[0].liveness_probe.http_get.host = '169.254.169.254'; }), [
    { attributePath: `${C0}.liveness_probe.http_get.host`, detail: 'container=web', found: '169.254.169.254' },
  ]],
  ['K8S-VOLUME-TYPES', 'an nfs volume', deployment((p) => { p.volume.push({ name: 'share', nfs: { server: 'nas', path: '/export' } }); }), [
    { attributePath: `${T}.volume[2].nfs`, detail: 'volume=share', found: 'nfs' },
  ]],
  ['K8S-NO-PRIV-ESC', 'allow_privilege_escalation unset', deployment((p) => { delete p.container[0].security_context.allow_privilege_escalation; }), [
    { attributePath: `${C0}.security_context.allow_privilege_escalation`, detail: 'container=web' },
  ]],
  ['K8S-RUNASNONROOT', 'no pod-level value and a container without one', deployment((p) => {
    delete p.security_context.run_as_non_root;
    delete p.container[0].security_context.run_as_non_root;
    p.init_container[0].security_context.run_as_non_root = false;
  }), [
    { attributePath: `${T}.security_context.run_as_non_root`, detail: 'container=web' },
    { attributePath: `${T}.init_container[0].security_context.run_as_non_root`, detail: 'init_container=setup', found: false },
  ]],
  // a container that inherits an explicit pod-level false is covered by the one [pod] finding
  ['K8S-RUNASNONROOT', 'pod-level false inherited by a container', deployment((p) => {
    p.security_context.run_as_non_root = false;
    delete p.container[0].security_context.run_as_non_root;
  }), [
    { attributePath: `${T}.security_context.run_as_non_root`, detail: 'pod', found: false },
  ]],
  ['K8S-RUNASUSER-NONZERO', 'UID 0', deployment((p) => { p.container[0].security_context.run_as_user = '0'; }), [
    { attributePath: `${C0}.security_context.run_as_user`, detail: 'container=web', found: '0' },
  ]],
  ['K8S-NONROOT-GROUP', 'fs_group 0 and supplemental group 0', deployment((p) => { p.security_context.fs_group = '0'; p.security_context.supplemental_groups = [10001, 0]; }), [
    { attributePath: `${T}.security_context.fs_group`, detail: 'pod', found: '0' },
    { attributePath: `${T}.security_context.supplemental_groups`, detail: 'pod', found: [10001, 0] },
  ]],
  ['K8S-CAPS-DROP-ALL', 'NET_RAW dropped only and NET_ADMIN added', deployment((p) => { p.container[0].security_context.capabilities = { drop: ['NET_RAW'], add: ['NET_BIND_SERVICE', 'NET_ADMIN'] }; }), [
    { attributePath: `${C0}.security_context.capabilities.drop`, detail: 'container=web', found: ['NET_RAW'] },
    { attributePath: `${C0}.security_context.capabilities.add`, detail: 'container=web', found: ['NET_ADMIN'] },
  ]],
  ['K8S-SECCOMP', 'no pod profile, one container unset, one Unconfined', deployment((p) => {
    delete p.security_context.seccomp_profile;
    delete p.container[0].security_context.seccomp_profile;
    p.init_container[0].security_context.seccomp_profile.type = 'Unconfined';
  }), [
    { attributePath: `${T}.security_context.seccomp_profile.type`, detail: 'container=web' },
    { attributePath: `${T}.init_container[0].security_context.seccomp_profile.type`, detail: 'init_container=setup', found: 'Unconfined' },
  ]],
  ['K8S-READONLY-ROOTFS', 'a writable root file system', deployment((p) => { p.container[0].security_context.read_only_root_filesystem = false; }), [
    { attributePath: `${C0}.security_context.read_only_root_filesystem`, detail: 'container=web', found: false },
  ]],
  ['K8S-WRITABLE-SCRATCH', 'an uncapped emptyDir', deployment((p) => { p.volume[0].empty_dir = { medium: 'Memory' }; }), [
    { attributePath: `${T}.volume[0].empty_dir.size_limit`, detail: 'volume=tmp' },
  ]],
  ['K8S-RESOURCES', 'missing, unparseable and inverted values', deployment((p) => {
    p.container[0].resources = { limits: { cpu: '250m', memory: 'lots' }, requests: { cpu: '500m' } };
  }), [
    { attributePath: `${C0}.resources.requests["memory"]`, detail: 'container=web' },
    { attributePath: `${C0}.resources.limits["memory"]`, detail: 'container=web', found: 'lots' },
    { attributePath: `${C0}.resources.requests["cpu"]`, detail: 'container=web', found: '500m' },
  ]],
  ['K8S-SA-TOKEN', 'the token mounted', deployment((p) => { p.automount_service_account_token = true; }), [
    { attributePath: `${T}.automount_service_account_token`, detail: 'pod', found: true },
  ]],
  ['K8S-SA-TOKEN', 'a service account with the provider default', serviceAccount(), [
    { attributePath: 'automount_service_account_token' },
  ]],
  ['K8S-DEDICATED-SA', 'the default service account', deployment((p) => { p.service_account_name = 'default'; }), [
    { attributePath: `${T}.service_account_name`, detail: 'pod', found: 'default' },
  ]],
  ['K8S-DEDICATED-SA', 'a reference to an account named "default"', deployment((p) => { p.service_account_name = '${kubernetes_service_account_v1.web.metadata[0].name}'; }), [
    { attributePath: `${T}.service_account_name`, detail: 'pod', found: '${kubernetes_service_account_v1.web.metadata[0].name}' },
  ], stackWith({ ...serviceAccount(false), attributes: { metadata: { name: 'default', namespace: 'apps' } } })],
  ['K8S-NO-SHARED-PROCNS', 'a shared process namespace', deployment((p) => { p.share_process_namespace = true; }), [
    { attributePath: `${T}.share_process_namespace`, detail: 'pod', found: true },
  ]],
  ['K8S-MOUNT-PROPAGATION', 'Bidirectional propagation', deployment((p) => { p.container[0].volume_mount[0].mount_propagation = 'Bidirectional'; }), [
    { attributePath: `${C0}.volume_mount[0].mount_propagation`, detail: 'container=web', found: 'Bidirectional' },
  ]],
  ['K8S-IMAGE-DIGEST', 'a floating tag', deployment((p) => { p.container[0].image = 'nginx:latest'; }), [
    { attributePath: `${C0}.image`, detail: 'container=web', found: 'nginx:latest' },
  ]],
  ['K8S-RUNTIMECLASS', 'an untrusted pod on the default runtime', deployment((_p, m) => { m.labels[UNTRUSTED] = 'true'; }), [
    { attributePath: `${T}.runtime_class_name`, detail: 'pod' },
  ]],
  ['K8S-NS-DEDICATED', 'kube-system', deployment(undefined, 'kube-system'), [
    { attributePath: 'metadata.namespace', found: 'kube-system' },
  ]],
  ['K8S-NS-DEDICATED', 'no namespace (default)', { ...deployment(), attributes: { ...deployment().attributes, metadata: { name: 'web' } } }, [
    { attributePath: 'metadata.namespace' },
  ]],
  ['K8S-PSA-LABELS', 'baseline enforcement, latest versions, no audit', namespace('apps', {
    'pod-security.kubernetes.io/enforce': 'baseline',
    'pod-security.kubernetes.io/enforce-version': 'latest',
    'pod-security.kubernetes.io/warn': 'restricted',
    'pod-security.kubernetes.io/warn-version': 'v1.29',
  }), [
    { attributePath: 'metadata.labels["pod-security.kubernetes.io/enforce"]', detail: 'mode=enforce', found: 'baseline' },
    { attributePath: 'metadata.labels["pod-security.kubernetes.io/enforce-version"]', detail: 'mode=enforce', found: 'latest' },
    { attributePath: 'metadata.labels["pod-security.kubernetes.io/audit"]', detail: 'mode=audit' },
    { attributePath: 'metadata.labels["pod-security.kubernetes.io/audit-version"]', detail: 'mode=audit' },
  ]],
  ['K8S-NETPOL-DEFAULT-DENY', 'only an allow policy', namespace(), [
    { attributePath: 'metadata.name', detail: 'namespace=apps', found: 'apps' },
  ], stackWith(namespace(), denyAll('apps', { pod_selector: {}, policy_types: ['Ingress', 'Egress'], egress: [{ to: [{ ip_block: { cidr: '0.0.0.0/0' } }] }] }))],
  ['K8S-RESOURCEQUOTA', 'a namespace whose quota misses pods and memory limits', namespace(), [
    { attributePath: 'metadata.name', detail: 'namespace=apps', found: 'apps' },
  ], stackWith(namespace(), quota('apps', { 'requests.cpu': '4', 'requests.memory': '8Gi', 'limits.cpu': '8' }))],
  ['K8S-RESOURCEQUOTA', 'a quota missing pods', quota('apps', { 'cpu': '4', 'memory': '8Gi', 'limits.cpu': '8', 'limits.memory': '8Gi' }), [
    { attributePath: 'spec.hard["pods"]', detail: 'key=pods' },
  ]],
  ['K8S-LIMITRANGE', 'a namespace without a limit range', namespace(), [
    { attributePath: 'metadata.name', detail: 'namespace=apps', found: 'apps' },
  ], stackWith(namespace(), limits('other'))],
  ['K8S-LIMITRANGE', 'a limit range without max', limits('apps', [{ type: 'Container', default: { cpu: '1', memory: '1Gi' }, default_request: { cpu: '1', memory: '1Gi' } }]), [
    { attributePath: 'spec.limit[0].max["cpu"]', detail: 'limit=max.cpu' },
    { attributePath: 'spec.limit[0].max["memory"]', detail: 'limit=max.memory' },
  ]],
  ['PT-K8S-GPU', 'a privileged GPU pod with /dev mounted', deployment((p) => {
    p.container[0].resources.limits['nvidia.com/gpu'] = '0.5';
    p.container[0].security_context.privileged = true;
    p.volume.push({ name: 'nvidia', host_path: { path: '/dev/nvidia0' } });
  }), [
    { attributePath: `${C0}.resources.limits["nvidia.com/gpu"]`, detail: 'container=web', found: '0.5' },
    { attributePath: `${C0}.security_context.privileged`, detail: 'container=web', found: true },
    { attributePath: `${T}.volume[2].host_path.path`, detail: 'volume=nvidia', found: '/dev/nvidia0' },
  ]],
  ['K8S-RBAC-NO-WILDCARD', 'every verb', role(['get', '*']), [{ attributePath: 'rule[0].verbs[1]', detail: 'field=verbs', found: '*' }]],
  ['K8S-RBAC-DEFAULT-SA', 'a binding to the default service account', binding('default'), [{ attributePath: 'subject[0].name', detail: 'subject=0', found: 'default' }]],
  ['K8S-SECRETS-AS-FILES', 'a secret as an environment variable', deployment((p) => {
    p.container[0].env = [{ name: 'DB_PASSWORD', value_from: { secret_key_ref: { name: 'db', key: 'password' } } }];
  }), [{ attributePath: `${C0}.env[0].value_from.secret_key_ref`, detail: 'container=web', found: { name: 'db', key: 'password' } }]],
  ['K8S-NO-PSP', 'a PodSecurityPolicy', { resourceType: 'kubernetes_pod_security_policy', address: 'kubernetes_pod_security_policy.p', attributes: { metadata: { name: 'p' }, spec: { privileged: false } } }, [{ attributePath: '' }]],
];

test.each(NON_COMPLIANT.map(([id, what, resource, expected, context]) => [id, what, resource, expected, context] as const))(
  '%s fails on %s', (id, _what, resource, expected, context) => {
    const result = evaluate(rule(id), resource, context);
    expect(result.status).toBe(ComplianceStatus.FAIL);
    expect(result.violations).toEqual(expected.map((e) => ({ ...e, fix: expect.stringMatching(/\S{3}/) })));
  });

test('every rule has a non-compliant fixture', () => {
  expect(new Set(NON_COMPLIANT.map(([id]) => id))).toEqual(new Set(KUBERNETES_RULES.map((r) => r.ruleId)));
});

// ---------------------------------------------------------------- unresolved values: UNKNOWN
const VAR = '${var.x}';
const UNRESOLVED: Array<[string, PolicyResource, PolicyContext?]> = [
  ['K8S-HOST-NAMESPACES', deployment((p) => { p.host_network = VAR; })],
  ['K8S-NO-PRIVILEGED', deployment((p) => { p.container[0].security_context.privileged = VAR; })],
  ['K8S-CAPS-BASELINE', deployment((p) => { p.container[0].security_context.capabilities.add = VAR; })],
  ['K8S-NO-HOSTPATH', deployment((p) => { p.volume = VAR; })],
  ['K8S-NO-HOSTPORT', deployment((p) => { p.container[0].port[0].host_port = VAR; })],
  ['K8S-APPARMOR', deployment((_p, m) => { m.annotations[APPARMOR_WEB] = VAR; })],
  ['K8S-SELINUX', deployment((p) => { p.security_context.se_linux_options = { type: VAR }; })],
  ['K8S-PROCMOUNT', manifest((p) => { p.containers[0].securityContext.procMount = VAR; })],
  ['K8S-SYSCTLS', deployment((p) => { p.security_context.sysctl[0].name = VAR; })],
  ['K8S-WIN-HOSTPROCESS', deployment((p) => { p.security_context.windows_options = { host_process: VAR }; })],
  ['K8S-PROBE-HOST', deployment((p) => { p.container[0].liveness_probe.http_get.host = VAR; })],
  ['K8S-VOLUME-TYPES', deployment((p) => { p.volume.push(VAR); })],
  ['K8S-NO-PRIV-ESC', deployment((p) => { p.container[0].security_context.allow_privilege_escalation = VAR; })],
  ['K8S-RUNASNONROOT', deployment((p) => { p.security_context.run_as_non_root = VAR; delete p.container[0].security_context.run_as_non_root; })],
  ['K8S-RUNASUSER-NONZERO', deployment((p) => { p.container[0].security_context.run_as_user = VAR; })],
  ['K8S-NONROOT-GROUP', deployment((p) => { p.security_context.fs_group = VAR; })],
  ['K8S-CAPS-DROP-ALL', deployment((p) => { p.container[0].security_context.capabilities.drop = VAR; })],
  ['K8S-SECCOMP', deployment((p) => { p.security_context.seccomp_profile.type = VAR; })],
  ['K8S-READONLY-ROOTFS', deployment((p) => { p.container[0].security_context.read_only_root_filesystem = VAR; })],
  ['K8S-WRITABLE-SCRATCH', deployment((p) => { p.volume[0].empty_dir.size_limit = VAR; })],
  ['K8S-RESOURCES', deployment((p) => { p.container[0].resources.limits.cpu = VAR; })],
  ['K8S-SA-TOKEN', deployment((p) => { p.automount_service_account_token = VAR; })],
  ['K8S-SA-TOKEN', serviceAccount(VAR)],
  ['K8S-DEDICATED-SA', deployment((p) => { p.service_account_name = '${kubernetes_service_account_v1.web.metadata[0].name}'; })],
  ['K8S-NO-SHARED-PROCNS', deployment((p) => { p.share_process_namespace = VAR; })],
  ['K8S-MOUNT-PROPAGATION', deployment((p) => { p.container[0].volume_mount[0].mount_propagation = VAR; })],
  ['K8S-IMAGE-DIGEST', deployment((p) => { p.container[0].image = 'registry.example.com/web@${docker_registry_image.web.sha256_digest}'; })],
  ['K8S-RUNTIMECLASS', deployment((p, m) => { m.labels[UNTRUSTED] = 'true'; p.runtime_class_name = VAR; })],
  ['K8S-NS-DEDICATED', deployment(undefined, VAR)],
  ['K8S-PSA-LABELS', namespace('apps', { ...namespace().attributes.metadata.labels, 'pod-security.kubernetes.io/enforce': VAR })],
  ['K8S-NETPOL-DEFAULT-DENY', namespace(), stackWith(namespace(), denyAll(VAR))],
  ['K8S-RESOURCEQUOTA', namespace(), stackWith(namespace(), quota(VAR))],
  ['K8S-RESOURCEQUOTA', { ...quota('apps'), attributes: { metadata: { namespace: 'apps' }, spec: { hard: VAR } } }],
  ['K8S-LIMITRANGE', namespace(), stackWith(namespace(), limits(VAR))],
  ['K8S-LIMITRANGE', limits('apps', [{ type: VAR, default: { cpu: '1' } }])],
  ['PT-K8S-GPU', deployment((p) => { p.container[0].resources.limits['nvidia.com/gpu'] = VAR; })],
  ['K8S-RBAC-NO-WILDCARD', role(VAR)],
  ['K8S-RBAC-DEFAULT-SA', binding(VAR)],
  ['K8S-SECRETS-AS-FILES', deployment((p) => { p.container[0].env = VAR; })],
  ['K8S-NO-PSP', { resourceType: 'kubernetes_manifest', address: 'kubernetes_manifest.x', attributes: { manifest: { apiVersion: 'policy/v1beta1', kind: VAR } } }],
];

test.each(UNRESOLVED.map(([id, resource, context]) => [id, resource.resourceType, resource, context] as const))(
  '%s is UNKNOWN on an unresolved value of a %s', (id, _type, resource, context) => {
    const result = evaluate(rule(id), resource, context);
    expect(result.status).toBe(ComplianceStatus.UNKNOWN);
    expect(result.reason).toMatch(/only known at apply/);
  });

test('every rule has an unresolved fixture', () => {
  expect(new Set(UNRESOLVED.map(([id]) => id))).toEqual(new Set(KUBERNETES_RULES.map((r) => r.ruleId)));
});
