import {
  ComplianceStatus, DOCKER_NOT_DECIDABLE, DockerAppArmorRule, DockerBindHostIpRule, DockerCapabilitiesRule, DockerGpuRule,
  DockerHostDevicesRule, DockerSeLinuxRule, DockerSensitiveMountsRule, DockerSysctlsRule, DockerUlimitsRule, IPolicyRule, NOT_DECIDABLE, Severity,
} from '../../../lib';
import { DOCKER_RULES } from '../../../lib/policy/rules/docker/pack';
import { baselineIds, check, describeIds, describePack, patch, RuleCase, summary } from './helpers';
import { rejection } from '../../rejection';

const DIGEST = `registry.example.com/web@sha256:${'a'.repeat(64)}`;

/** A hardened container as the library renders it (max-1 blocks as objects). */
const good = {
  name: 'web',
  image: DIGEST,
  user: '10001:10001',
  read_only: true,
  privileged: false,
  capabilities: { drop: ['ALL'] },
  security_opts: ['no-new-privileges:true', 'apparmor=docker-default'],
  memory: 256,
  cpus: '0.5',
  restart: 'on-failure',
  max_retry_count: 3,
  ipc_mode: 'private',
  ports: [{ internal: 8080, external: 18080, ip: '127.0.0.1', protocol: 'tcp' }],
  networks_advanced: [{ name: '${docker_network.app.name}' }],
  tmpfs: { '/tmp': 'rw,noexec,nosuid,size=64m' },
  mounts: [{ type: 'volume', source: 'data', target: '/data' }],
  healthcheck: { test: ['CMD', '/healthz'], retries: 3, interval: '30s' },
  depends_on: ['terraform_data.scan'],
};
const U = '${var.unresolved}';
/** An ImageScanGate as the library renders it for `good`: the create-time gate and its guard (which depends on the container). */
const SCAN_TRIGGERS = { image: DIGEST, scanner: 'grype', threshold: 'high', command: `grype registry:${DIGEST} --fail-on high` };
const scanGate = (triggers: object = SCAN_TRIGGERS) => [
  { resourceType: 'terraform_data', address: 'terraform_data.scan', attributes: { triggers_replace: triggers } },
  { resourceType: 'terraform_data', address: 'terraform_data.scan_guard', attributes: { triggers_replace: triggers, depends_on: ['docker_container.subject'] } },
];

const cases: { [ruleId: string]: RuleCase } = {
  'DOCKER-APPARMOR': {
    pass: [good, patch(good, { security_opts: undefined })],
    fail: [[patch(good, { security_opts: ['apparmor=unconfined'] }), 'security_opts[0]'], [patch(good, { security_opts: ['no-new-privileges', 'APPARMOR:Unconfined'] }), 'security_opts[1]']],
    unknown: patch(good, { security_opts: U }),
  },
  'DOCKER-SELINUX': {
    pass: [good],
    fail: [[patch(good, { security_opts: ['label:disable'] }), 'security_opts[0]'], [patch(good, { security_opts: ['label=disable'] }), 'security_opts[0]']],
    unknown: patch(good, { security_opts: [U] }),
  },
  'DOCKER-CAPS-DROP-ALL': {
    pass: [good, patch(good, { capabilities: [{ drop: ['ALL'] }] }), patch(good, { capabilities: { drop: ['all'] } })],
    fail: [
      [patch(good, { capabilities: { drop: ['NET_RAW'] } }), 'capabilities.drop'],
      [patch(good, { capabilities: undefined }), 'capabilities.drop'],
      [patch(good, { capabilities: [{ drop: ['ALL'], add: ['SYS_ADMIN'] }] }), 'capabilities[0].add[0]'],
    ],
    unknown: patch(good, { capabilities: { drop: U } }),
  },
  'DOCKER-NO-PRIVILEGED': {
    pass: [good, patch(good, { privileged: undefined })],
    fail: [[patch(good, { privileged: true }), 'privileged']],
    unknown: patch(good, { privileged: U }),
  },
  'DOCKER-NO-SENSITIVE-MOUNTS': {
    pass: [good, patch(good, { volumes: [{ host_path: '/srv/app/config', container_path: '/config', read_only: true }] })],
    fail: [
      [patch(good, { volumes: [{ host_path: '/etc/', container_path: '/host-etc' }] }), 'volumes[0].host_path'],
      [patch(good, { mounts: [{ type: 'bind', source: '/proc/sys', target: '/p', read_only: true }] }), 'mounts[0].source'],
      [patch(good, { mounts: [{ type: 'bind', source: '//', target: '/host' }] }), 'mounts[0].source'],
    ],
    unknown: patch(good, { mounts: [{ type: 'bind', source: U, target: '/x' }] }),
  },
  'DOCKER-NO-PRIV-PORTS': {
    pass: [good, patch(good, { ports: [{ internal: 80 }] })],
    fail: [[patch(good, { ports: [{ internal: 80, external: 80, ip: '127.0.0.1' }] }), 'ports[0].external']],
    unknown: patch(good, { ports: [{ internal: 80, external: U, ip: '127.0.0.1' }] }),
  },
  'DOCKER-ONLY-NEEDED-PORTS': {
    pass: [good, patch(good, { publish_all_ports: false })],
    fail: [[patch(good, { publish_all_ports: true }), 'publish_all_ports']],
    unknown: patch(good, { publish_all_ports: U }),
  },
  'DOCKER-NO-HOST-NET': {
    pass: [good, patch(good, { network_mode: 'none' })],
    fail: [[patch(good, { network_mode: 'host' }), 'network_mode'], [patch(good, { networks_advanced: [{ name: 'host' }] }), 'networks_advanced[0].name']],
    unknown: patch(good, { network_mode: U }),
  },
  'DOCKER-MEMORY-LIMIT': {
    pass: [good],
    fail: [[patch(good, { memory: undefined }), 'memory'], [patch(good, { memory: 0 }), 'memory']],
    unknown: patch(good, { memory: U }),
  },
  'DOCKER-CPU-LIMIT': {
    pass: [good, patch(good, { cpus: undefined, cpu_shares: 512 }), patch(good, { cpus: undefined, cpu_period: 100000, cpu_quota: 50000 })],
    // with nothing set, the finding points at cpu_quota: the limit that works with kreuzwerker/docker 3.6.2
    fail: [[patch(good, { cpus: undefined, cpu_shares: 1024 }), 'cpu_shares'], [patch(good, { cpus: undefined }), 'cpu_quota']],
    unknown: patch(good, { cpus: U }),
  },
  'DOCKER-READONLY-ROOTFS': {
    pass: [good],
    fail: [[patch(good, { read_only: undefined }), 'read_only'], [patch(good, { read_only: false }), 'read_only']],
    unknown: patch(good, { read_only: U }),
  },
  'DOCKER-WRITABLE-TMPFS': {
    pass: [good, patch(good, { tmpfs: undefined, mounts: [{ type: 'tmpfs', target: '/cache', tmpfs_options: { size_bytes: 67108864 } }] })],
    fail: [
      [patch(good, { tmpfs: { '/tmp': 'rw' } }), 'tmpfs["/tmp"]'],
      [patch(good, { mounts: [{ type: 'tmpfs', target: '/cache' }] }), 'mounts[0].tmpfs_options.size_bytes'],
    ],
    unknown: patch(good, { tmpfs: U }),
  },
  'DOCKER-BIND-HOST-IP': {
    pass: [good, patch(good, { ports: undefined })],
    fail: [[patch(good, { ports: [{ internal: 8080, external: 18080 }] }), 'ports[0].ip'], [patch(good, { ports: [{ internal: 8080, ip: '0.0.0.0' }] }), 'ports[0].ip']],
    unknown: patch(good, { ports: [{ internal: 8080, ip: U }] }),
  },
  'DOCKER-RESTART-POLICY': {
    pass: [good, patch(good, { restart: 'no', max_retry_count: undefined }), patch(good, { restart: undefined })],
    fail: [[patch(good, { restart: 'always' }), 'restart'], [patch(good, { max_retry_count: 0 }), 'max_retry_count']],
    unknown: patch(good, { restart: U }),
  },
  'DOCKER-NO-HOST-PID': {
    pass: [good],
    fail: [[patch(good, { pid_mode: 'host' }), 'pid_mode']],
    unknown: patch(good, { pid_mode: U }),
  },
  'DOCKER-NO-HOST-IPC': {
    pass: [good, patch(good, { ipc_mode: undefined })],
    fail: [[patch(good, { ipc_mode: 'HOST' }), 'ipc_mode']],
    unknown: patch(good, { ipc_mode: U }),
  },
  'DOCKER-NO-HOST-DEVICES': {
    pass: [good, patch(good, { devices: [{ host_path: '/dev/nvidia0', permissions: 'rw' }] })],
    fail: [[patch(good, { devices: [{ host_path: '/dev/sda' }] }), 'devices[0].host_path']],
    unknown: patch(good, { devices: [{ host_path: U }] }),
  },
  'DOCKER-ULIMITS': {
    pass: [good, patch(good, { ulimit: [{ name: 'nofile', soft: 1024, hard: 4096 }] })],
    fail: [[patch(good, { ulimit: [{ name: 'core', soft: 0, hard: 0 }] }), 'ulimit[0].name'], [patch(good, { ulimit: [{ name: 'nofile', soft: 9, hard: 1 }] }), 'ulimit[0].soft']],
    unknown: patch(good, { ulimit: [{ name: U, soft: 1, hard: 1 }] }),
  },
  'DOCKER-NO-SHARED-PROPAGATION': {
    pass: [good, patch(good, { mounts: [{ type: 'bind', source: '/srv/data', target: '/data', bind_options: { propagation: 'rprivate' } }] })],
    fail: [[patch(good, { mounts: [{ type: 'bind', source: '/srv/data', target: '/data', bind_options: { propagation: 'rshared' } }] }), 'mounts[0].bind_options.propagation']],
    unknown: patch(good, { mounts: [{ type: 'bind', source: '/srv/data', target: '/data', bind_options: [{ propagation: U }] }] }),
  },
  'DOCKER-SECCOMP': {
    pass: [good, patch(good, { security_opts: ['seccomp=/etc/docker/seccomp/web.json'] })],
    fail: [[patch(good, { security_opts: ['no-new-privileges:true', 'seccomp=unconfined'] }), 'security_opts[1]']],
    unknown: patch(good, { security_opts: U }),
  },
  'DOCKER-NO-CGROUP-PARENT': {
    pass: [good, patch(good, { cgroup_parent: '' })],
    fail: [[patch(good, { cgroup_parent: '/custom' }), 'cgroup_parent']],
    unknown: patch(good, { cgroup_parent: U }),
  },
  'DOCKER-NO-NEW-PRIVILEGES': {
    pass: [good, patch(good, { security_opts: ['no-new-privileges'] }), patch(good, { security_opts: ['no-new-privileges=true'] })],
    fail: [[patch(good, { security_opts: ['apparmor=docker-default'] }), 'security_opts'], [patch(good, { security_opts: ['no-new-privileges:false'] }), 'security_opts[0]']],
    unknown: patch(good, { security_opts: [U] }),
  },
  'DOCKER-HEALTHCHECK': {
    pass: [good, patch(good, { healthcheck: [{ test: ['CMD-SHELL', 'curl -f localhost'], retries: 1 }] })],
    fail: [[patch(good, { healthcheck: undefined }), 'healthcheck'], [patch(good, { healthcheck: { test: ['NONE'], retries: 3 } }), 'healthcheck.test'], [patch(good, { healthcheck: { test: ['CMD', 'x'] } }), 'healthcheck.retries']],
    unknown: patch(good, { healthcheck: { test: U, retries: 3 } }),
  },
  'DOCKER-IMAGE-SCANNED': {
    pass: [good, patch(good, { depends_on: ['${terraform_data.scan}', 'docker_network.app'] })],
    others: scanGate(),
    fail: [
      [patch(good, { depends_on: undefined }), 'depends_on'],
      [patch(good, { image: 'registry.example.com/other@sha256:' + 'b'.repeat(64) }), 'depends_on'],
    ],
    failOthers: scanGate({ ...SCAN_TRIGGERS, threshold: 'critical' }),
    unknown: patch(good, { image: '${var.image}' }),
  },
  'DOCKER-IMAGE-PINNED': {
    pass: [good, patch(good, { image: '${docker_image.web.image_id}' }), patch(good, { image: 'registry.example.com/web@${docker_registry_image.web.sha256_digest}' })],
    fail: [[patch(good, { image: 'nginx:latest' }), 'image'], [patch(good, { image: 'nginx:1.27' }), 'image'], [patch(good, { image: 'nginx' }), 'image']],
    unknown: patch(good, { image: '${var.image}' }),
  },
  'DOCKER-NO-DEFAULT-BRIDGE': {
    pass: [good, patch(good, { networks_advanced: undefined, network_mode: 'none' })],
    fail: [[patch(good, { network_mode: 'bridge' }), 'network_mode'], [patch(good, { networks_advanced: undefined }), 'networks_advanced']],
    unknown: patch(good, { network_mode: U }),
  },
  'DOCKER-NO-HOST-USERNS': {
    pass: [good],
    fail: [[patch(good, { userns_mode: 'host' }), 'userns_mode']],
    unknown: patch(good, { userns_mode: U }),
  },
  'DOCKER-NO-DOCKER-SOCKET': {
    pass: [good],
    fail: [
      [patch(good, { volumes: [{ host_path: '/var/run/docker.sock', container_path: '/var/run/docker.sock' }] }), 'volumes[0].host_path'],
      [patch(good, { mounts: [{ type: 'bind', source: '/run/', target: '/host-run', read_only: true }] }), 'mounts[0].source'],
    ],
    unknown: patch(good, { volumes: [{ host_path: U, container_path: '/sock' }] }),
  },
  'DOCKER-NONROOT-USER': {
    pass: [good, patch(good, { user: 'app:app' })],
    fail: [[patch(good, { user: 'root' }), 'user'], [patch(good, { user: '1000:0' }), 'user'], [patch(good, { user: undefined }), 'user'], [patch(good, { user: '1000' }), 'user']],
    unknown: patch(good, { user: U }),
  },
  'DOCKER-DAEMON-TLS': {
    resourceType: 'provider.docker',
    pass: [{ host: 'unix:///var/run/docker.sock' }, { host: 'ssh://deploy@docker-host:22' }, { host: 'tcp://docker-host:2376', ca_material: '${var.ca}', cert_material: '${var.cert}', key_material: '${var.key}' }],
    fail: [[{ host: 'tcp://10.0.0.5:2375' }, 'host'], [{ host: 'tcp://10.0.0.5:2376', ca_material: 'x' }, 'host']],
    unknown: { host: '${var.docker_host}' },
  },
  'DOCKER-NET-ICC': {
    resourceType: 'docker_network',
    pass: [{ name: 'app', options: { 'com.docker.network.bridge.enable_icc': 'false' } }, { name: 'backend', internal: true }],
    fail: [[{ name: 'app' }, 'options["com.docker.network.bridge.enable_icc"]'], [{ name: 'app', driver: 'bridge', options: { 'com.docker.network.bridge.enable_icc': 'true' } }, 'options["com.docker.network.bridge.enable_icc"]']],
    unknown: { name: 'app', internal: U },
  },
  'DOCKER-SYSCTLS': {
    pass: [good, patch(good, { sysctls: { 'net.ipv4.ip_unprivileged_port_start': '80' } })],
    fail: [[patch(good, { sysctls: { 'kernel.msgmax': '65536' } }), 'sysctls["kernel.msgmax"]']],
    unknown: patch(good, { sysctls: U }),
  },
  'PT-DOCKER-GPU': {
    pass: [good, patch(good, { devices: [{ host_path: '/dev/fuse', permissions: 'rw' }] })],
    fail: [[patch(good, { gpus: 'all' }), 'gpus'], [patch(good, { devices: [{ host_path: '/dev/nvidia0', permissions: 'rw' }] }), 'devices[0].host_path']],
    unknown: patch(good, { gpus: U }),
  },
};

describe('Docker pack', () => {
  describeIds(DOCKER_RULES);
  describePack(DOCKER_RULES, cases, 'docker_container');

  test('a hardened container passes every docker_container rule', () => {
    const results = DOCKER_RULES.filter((r) => r.resourceTypes.includes('docker_container'))
      .map((r) => ({ ruleId: r.ruleId, ...summary(check(r, 'docker_container', good, scanGate())) }));
    expect(results.filter((r) => r.status !== ComplianceStatus.PASS)).toEqual([]);
  });

  test('a raw insecure container is reported by every relevant rule', () => {
    const insecure = {
      name: 'bad', image: 'nginx:latest', privileged: true, network_mode: 'host', pid_mode: 'host', ipc_mode: 'host', userns_mode: 'host',
      security_opts: ['seccomp=unconfined', 'apparmor=unconfined', 'label=disable'], capabilities: { add: ['NET_RAW'] }, publish_all_ports: true,
      volumes: [{ host_path: '/var/run/docker.sock', container_path: '/var/run/docker.sock' }, { host_path: '/etc', container_path: '/host/etc' }],
      ports: [{ internal: 80, external: 80 }], restart: 'always', cgroup_parent: '/x', gpus: 'all', devices: [{ host_path: '/dev/mem' }],
      ulimit: [{ name: 'core', soft: 1, hard: 1 }], sysctls: { 'kernel.sem': '1' }, tmpfs: { '/run': 'rw' },
      mounts: [{ type: 'bind', source: '/srv', target: '/srv', bind_options: { propagation: 'shared' } }],
    };
    const failing = DOCKER_RULES.filter((r) => r.resourceTypes.includes('docker_container'))
      .filter((r) => check(r, 'docker_container', insecure).status === ComplianceStatus.FAIL).map((r) => r.ruleId);
    // network_mode = "host" is DOCKER-NO-HOST-NET's finding; it is not the default bridge
    const expected = DOCKER_RULES.filter((r) => r.resourceTypes.includes('docker_container') && r.ruleId !== 'DOCKER-NO-DEFAULT-BRIDGE').map((r) => r.ruleId);
    expect(failing.sort()).toEqual(expected.sort());
    expect(check(DOCKER_RULES.find((r) => r.ruleId === 'DOCKER-NO-DEFAULT-BRIDGE')!, 'docker_container', patch(insecure, { network_mode: undefined })).status).toBe(ComplianceStatus.FAIL);
  });

  test('violations carry the value found and a detail that tells them apart', () => {
    const result = check(new DockerCapabilitiesRule(), 'docker_container', patch(good, { capabilities: { drop: ['ALL'], add: ['CAP_SYS_ADMIN', 'NET_RAW'] } }));
    expect(result.violations).toEqual([
      expect.objectContaining({ attributePath: 'capabilities.add[0]', found: 'CAP_SYS_ADMIN', detail: 'capability=SYS_ADMIN' }),
      expect.objectContaining({ attributePath: 'capabilities.add[1]', found: 'NET_RAW', detail: 'capability=NET_RAW' }),
    ]);
  });

  test('a definite failure wins over an unresolved value', () => {
    const result = check(new DockerAppArmorRule(), 'docker_container', patch(good, { security_opts: [U, 'apparmor=unconfined'] }));
    expect(summary(result)).toEqual({ status: ComplianceStatus.FAIL, paths: ['security_opts[1]'] });
  });

  test('DOCKER-NO-DOCKER-SOCKET and DOCKER-DAEMON-TLS cannot be suppressed; every other rule can', () => {
    expect(DOCKER_RULES.filter((r) => r.suppressible === false).map((r) => r.ruleId).sort()).toEqual(['DOCKER-DAEMON-TLS', 'DOCKER-NO-DOCKER-SOCKET']);
  });

  test('an unset provider host is UNKNOWN: it comes from DOCKER_HOST at run time', () => {
    const tls = DOCKER_RULES.find((r) => r.ruleId === 'DOCKER-DAEMON-TLS')!;
    expect(check(tls, 'provider.docker', { alias: 'edge' }, [], 'provider.docker.edge').status).toBe(ComplianceStatus.UNKNOWN);
    expect(check(tls, 'provider.docker', { host: 'tcp://h:2376', cert_path: '/certs' }).status).toBe(ComplianceStatus.PASS);
  });

  test('DOCKER-IMAGE-PINNED judges ${docker_image.x.name} by the name of that image', () => {
    const rule = DOCKER_RULES.find((r) => r.ruleId === 'DOCKER-IMAGE-PINNED')!;
    const pinned = { resourceType: 'docker_image', address: 'docker_image.web', attributes: { name: DIGEST } };
    const floating = { resourceType: 'docker_image', address: 'docker_image.web', attributes: { name: 'nginx:latest' } };
    const container = patch(good, { image: '${docker_image.web.name}' });
    expect(check(rule, 'docker_container', container, [pinned]).status).toBe(ComplianceStatus.PASS);
    expect(check(rule, 'docker_container', container, [floating]).status).toBe(ComplianceStatus.FAIL);
    expect(check(rule, 'docker_container', container).status).toBe(ComplianceStatus.UNKNOWN);
  });

  describe('site inputs', () => {
    test('DockerAppArmorRule requiredProfile requires the site profile', () => {
      const rule = new DockerAppArmorRule({ requiredProfile: 'web-profile' });
      expect(summary(check(rule, 'docker_container', good))).toEqual({ status: ComplianceStatus.FAIL, paths: ['security_opts'] });
      expect(check(rule, 'docker_container', patch(good, { security_opts: ['apparmor=web-profile'] })).status).toBe(ComplianceStatus.PASS);
    });

    test('DockerSeLinuxRule requiredType requires label=type:<type>', () => {
      const rule = new DockerSeLinuxRule({ requiredType: 'svirt_sandbox_file_t' });
      expect(check(rule, 'docker_container', good).status).toBe(ComplianceStatus.FAIL);
      expect(check(rule, 'docker_container', patch(good, { security_opts: ['label=type:svirt_sandbox_file_t'] })).status).toBe(ComplianceStatus.PASS);
    });

    test('DockerCapabilitiesRule allowedAddCapabilities allows default-set capabilities, never NET_RAW or others', () => {
      const rule = new DockerCapabilitiesRule({ allowedAddCapabilities: ['NET_BIND_SERVICE', 'NET_RAW', 'SYS_ADMIN'] });
      expect(check(rule, 'docker_container', patch(good, { capabilities: { drop: ['ALL'], add: ['CAP_NET_BIND_SERVICE'] } })).status).toBe(ComplianceStatus.PASS);
      expect(summary(check(rule, 'docker_container', patch(good, { capabilities: { drop: ['ALL'], add: ['NET_RAW', 'SYS_ADMIN'] } }))).paths)
        .toEqual(['capabilities.add[0]', 'capabilities.add[1]']);
    });

    test('DockerSensitiveMountsRule allowedReadOnlyPaths allows a path below /etc only read-only', () => {
      const rule = new DockerSensitiveMountsRule({ allowedReadOnlyPaths: ['/etc/ssl/certs'] });
      const mount = (readOnly: boolean) => patch(good, { mounts: [{ type: 'bind', source: '/etc/ssl/certs', target: '/certs', read_only: readOnly }] });
      expect(check(rule, 'docker_container', mount(true)).status).toBe(ComplianceStatus.PASS);
      expect(check(rule, 'docker_container', mount(false)).violations[0]).toMatchObject({ attributePath: 'mounts[0].source', fix: 'set read_only = true on this mount' });
      expect(check(new DockerSensitiveMountsRule(), 'docker_container', mount(true)).status).toBe(ComplianceStatus.FAIL);
    });

    test('DockerBindHostIpRule allowedHostIps limits the bind addresses', () => {
      const rule = new DockerBindHostIpRule({ allowedHostIps: ['10.0.0.10'] });
      expect(check(rule, 'docker_container', good).status).toBe(ComplianceStatus.FAIL);
      expect(check(rule, 'docker_container', patch(good, { ports: [{ internal: 8080, ip: '10.0.0.10' }] })).status).toBe(ComplianceStatus.PASS);
    });

    test('DockerHostDevicesRule allowedDevicePaths allows a device with least permissions only', () => {
      const rule = new DockerHostDevicesRule({ allowedDevicePaths: ['/dev/fuse'] });
      expect(check(rule, 'docker_container', patch(good, { devices: [{ host_path: '/dev/fuse', permissions: 'rw' }] })).status).toBe(ComplianceStatus.PASS);
      expect(summary(check(rule, 'docker_container', patch(good, { devices: [{ host_path: '/dev/fuse' }] })))).toEqual({ status: ComplianceStatus.FAIL, paths: ['devices[0].permissions'] });
    });

    test('DockerGpuRule allowedDevicePaths allows listed GPU nodes; gpus = "all" still fails', () => {
      const rule = new DockerGpuRule({ allowedDevicePaths: ['/dev/nvidia0', '/dev/nvidiactl'] });
      expect(check(rule, 'docker_container', patch(good, { devices: [{ host_path: '/dev/nvidia0', permissions: 'rw' }, { host_path: '/dev/nvidiactl', permissions: 'rw' }] })).status).toBe(ComplianceStatus.PASS);
      expect(check(rule, 'docker_container', patch(good, { gpus: 'all' })).status).toBe(ComplianceStatus.FAIL);
    });

    test('DockerUlimitsRule allowedNames replaces the default allow-list', () => {
      const rule = new DockerUlimitsRule({ allowedNames: ['core'] });
      expect(check(rule, 'docker_container', patch(good, { ulimit: [{ name: 'core', soft: 0, hard: 0 }] })).status).toBe(ComplianceStatus.PASS);
      expect(check(rule, 'docker_container', patch(good, { ulimit: [{ name: 'nofile', soft: 1, hard: 2 }] })).status).toBe(ComplianceStatus.FAIL);
    });

    test('DockerSysctlsRule allowedSysctls replaces the safe set', () => {
      const rule = new DockerSysctlsRule({ allowedSysctls: ['kernel.msgmax'] });
      expect(check(rule, 'docker_container', patch(good, { sysctls: { 'kernel.msgmax': '1' } })).status).toBe(ComplianceStatus.PASS);
    });
  });

  test('the controls no attribute can decide are listed with reasons and are baseline rows', () => {
    expect(DOCKER_NOT_DECIDABLE.map((c) => c.controlId).sort()).toEqual([
      'DOCKER-CONTENT-TRUST', 'DOCKER-EXEC', 'DOCKER-NO-HOST-UTS', 'DOCKER-NO-SSHD', 'DOCKER-PIDS-LIMIT', 'DOCKER-SWARM-OFF',
    ]);
    expect(NOT_DECIDABLE).toEqual(expect.arrayContaining(DOCKER_NOT_DECIDABLE));
    for (const control of DOCKER_NOT_DECIDABLE) expect(control.reason.length).toBeGreaterThan(10);
    const ruleIds = new Set(DOCKER_RULES.map((r: IPolicyRule) => r.ruleId));
    expect(DOCKER_NOT_DECIDABLE.filter((c) => ruleIds.has(c.controlId))).toEqual([]);
    const baseline = baselineIds();
    if (baseline) expect(DOCKER_NOT_DECIDABLE.filter((c) => !baseline.ids.has(c.controlId))).toEqual([]);
    expect(DOCKER_NOT_DECIDABLE.find((c) => c.controlId === 'DOCKER-PIDS-LIMIT')?.severity).toBe(Severity.MEDIUM);
  });
});

describe('the site options of the Docker rules are checked against their declared types', () => {

  test('null options and lists that are not lists of strings are ValidationErrors, not TypeErrors', () => {
    expect(rejection(() => new DockerAppArmorRule(null as any))).toMatch(/^DockerAppArmorRule: options: is null; /);
    expect(rejection(() => new DockerAppArmorRule({ requiredProfile: 5 as any }))).toMatch(/^DockerAppArmorRule: requiredProfile: must be a string \(got 5\)\. /);
    expect(rejection(() => new DockerSeLinuxRule({ requiredType: ['x'] as any }))).toMatch(/^DockerSeLinuxRule: requiredType: must be a string/);
    expect(rejection(() => new DockerBindHostIpRule({ allowedHostIps: '0.0.0.0' as any }))).toMatch(/^DockerBindHostIpRule: allowedHostIps: must be a list of strings \(got "0\.0\.0\.0"\)\. /);
    expect(rejection(() => new DockerCapabilitiesRule({ allowedAddCapabilities: [null as any] }))).toMatch(/^DockerCapabilitiesRule: allowedAddCapabilities\[0\]: must be a string/);
    expect(rejection(() => new DockerGpuRule({ allowedDevicePaths: {} as any }))).toMatch(/^DockerGpuRule: allowedDevicePaths: must be a list of strings/);
    expect(rejection(() => new DockerHostDevicesRule({ allowedDevicePaths: [1 as any] }))).toMatch(/^DockerHostDevicesRule: allowedDevicePaths\[0\]: must be a string/);
    expect(rejection(() => new DockerSensitiveMountsRule({ allowedReadOnlyPaths: '/etc' as any }))).toMatch(/^DockerSensitiveMountsRule: allowedReadOnlyPaths: must be a list of strings/);
    expect(rejection(() => new DockerSysctlsRule({ allowedSysctls: [true as any] }))).toMatch(/^DockerSysctlsRule: allowedSysctls\[0\]: must be a string/);
    expect(rejection(() => new DockerUlimitsRule({ allowedNames: 'nofile' as any }))).toMatch(/^DockerUlimitsRule: allowedNames: must be a list of strings/);
  });

  test('valid options still build the rules', () => {
    expect(new DockerSysctlsRule({ allowedSysctls: ['net.ipv4.ip_unprivileged_port_start'] }).ruleId).toBe('DOCKER-SYSCTLS');
    expect(new DockerAppArmorRule().ruleId).toBe('DOCKER-APPARMOR');
  });
});
