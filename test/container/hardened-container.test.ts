import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { Container } from '@cdktf/provider-docker/lib/container';
import { Construct, Node } from 'constructs';
import { TerraformVariable, Testing } from 'cdktf';
import {
  ContainerNetwork, ContainerVolume, Cpu, DockerHealthCheckTool, EnvValue, Errors, HardenedContainer, HealthProbe, ImageReference, ImageScanGate, DockerLogDriver, Protocol, Size,
  TrustedImage,
} from '../../lib';
import { annotations, container, containerJson, DIGEST, errorOf, firstOf, fixture, PINNED } from './fixtures';
import { notesOf } from '../helpers/notes';

describe('HardenedContainer defaults', () => {
  test('snapshot of the default configuration', () => {
    const { fx } = container();
    expect(Testing.synth(fx.stack)).toMatchSnapshot();
  });

  test('defaultChild is the docker_container', () => {
    const { web } = container();
    expect(Node.of(web).defaultChild).toBe(web.resource);
  });

  // One assertion per CIS Docker 5.x item a docker_container can express (docker-bench-security numbering).
  const json = () => containerJson();

  test('CIS 4.1 DOCKER-NONROOT-USER: runs as non-root uid:gid 10001:10001', () => {
    expect(json().user).toBe('10001:10001');
  });
  test('CIS 4.1: spec user and group are used', () => {
    expect(containerJson({}, { user: 2000, group: 3000 }).user).toBe('2000:3000');
  });
  test('CIS 5.2/5.3/5.22/5.26: no-new-privileges, no unconfined profiles, default seccomp', () => {
    // "=" separator: moby's parseSecurityOpt still takes ":" but logs it as deprecated and slated for removal.
    expect(json().security_opts).toEqual(['no-new-privileges=true']);
  });
  test('CIS 5.4 DOCKER-CAPS-DROP-ALL: drops ALL and adds nothing', () => {
    expect(json().capabilities).toEqual({ drop: ['ALL'] });
  });
  test('CIS 5.5 DOCKER-NO-PRIVILEGED: not privileged', () => {
    expect(json().privileged).toBe(false);
  });
  test('CIS 5.6/5.32: no bind mounts, volumes or devices by default', () => {
    const c = json();
    expect(c.mounts).toBeUndefined();
    expect(c.volumes).toBeUndefined();
    expect(c.devices).toBeUndefined();
    expect(c.gpus).toBeUndefined();
  });
  test('CIS 5.9 DOCKER-ONLY-NEEDED-PORTS: publish_all_ports false, no ports unless published', () => {
    const c = json();
    expect(c.publish_all_ports).toBe(false);
    expect(c.ports).toBeUndefined();
  });
  test('CIS 5.10/5.16/5.31: no host network, PID or user namespace', () => {
    const c = json();
    expect(c.network_mode).toBeUndefined();
    expect(c.pid_mode).toBeUndefined();
    expect(c.userns_mode).toBeUndefined();
  });
  test('CIS 5.11 DOCKER-MEMORY-LIMIT: 512 MiB with memory_swap equal to memory', () => {
    const c = json();
    expect(c.memory).toBe(512);
    expect(c.memory_swap).toBe(512);
  });
  test('CIS 5.12 DOCKER-CPU-LIMIT: 0.5 CPU as cpu_quota/cpu_period and cpu_shares 512 (not 0 or 1024)', () => {
    const c = json();
    expect([c.cpu_period, c.cpu_quota]).toEqual([100000, 50000]);
    expect(c.cpu_shares).toBe(512);
  });
  test('warns when cpu_shares is 1024, Docker\'s default weight, which docker-bench 5.11 reads as unset', () => {
    const { web } = container({}, { resources: { cpuRequest: Cpu.cores(1), cpuLimit: Cpu.cores(2) } });
    expect(annotations(web)).toContainEqual({ level: '@cdktf/warn', message: expect.stringMatching(/^cpu_shares is 1024 .*DOCKER-CPU-LIMIT/) });
    expect(annotations(container().web).some((a) => a.message.startsWith('cpu_shares'))).toBe(false);
  });
  test('never emits `cpus`: kreuzwerker/docker 3.6.2 panics on it at apply (provider issue #759)', () => {
    // resource_docker_container_funcs.go v3.6.2: `hostConfig.CPUQuota = int64(v.(float32) * 100000)` on a TypeString.
    expect(json()).not.toHaveProperty('cpus');
  });
  test('CIS 5.13 DOCKER-READONLY-ROOTFS and DOCKER-WRITABLE-TMPFS: read-only root, tmpfs noexec,nosuid,size', () => {
    const c = json();
    expect(c.read_only).toBe(true);
    expect(c.tmpfs).toEqual({ '/tmp': 'rw,noexec,nosuid,nodev,size=64m' });
  });
  test('CIS 5.15 DOCKER-RESTART-POLICY: on-failure, 5 retries', () => {
    const c = json();
    expect(c.restart).toBe('on-failure');
    expect(c.max_retry_count).toBe(5);
  });
  test('CIS 5.17 DOCKER-NO-HOST-IPC: ipc_mode private', () => {
    expect(json().ipc_mode).toBe('private');
  });
  test('CIS 5.19 DOCKER-ULIMITS: nofile and nproc, soft <= hard', () => {
    expect(json().ulimit).toEqual([{ name: 'nofile', soft: 1024, hard: 4096 }, { name: 'nproc', soft: 512, hard: 512 }]);
  });
  test('CIS 5.25 DOCKER-NO-CGROUP-PARENT: cgroup_parent unset', () => {
    expect(json().cgroup_parent).toBeUndefined();
  });
  test('CIS 5.27 DOCKER-HEALTHCHECK: exec probe becomes CMD with timings', () => {
    expect(json().healthcheck).toEqual({ test: ['CMD', '/app/healthcheck'], interval: '10s', timeout: '3s', retries: 3, start_period: '0s' });
  });
  test('CIS 5.28 DOCKER-IMAGE-PINNED: runs the docker_image.image_id of the digest-pinned image', () => {
    const { fx } = container();
    const synth = JSON.parse(Testing.synth(fx.stack));
    const imageAddress = Object.keys(synth.resource.docker_image)[0];
    expect(synth.resource.docker_image[imageAddress].name).toBe(PINNED);
    expect(Object.values<any>(synth.resource.docker_container)[0].image).toBe(`\${docker_image.${imageAddress}.image_id}`);
  });
  test('CIS 5.30 DOCKER-NO-DEFAULT-BRIDGE: attached only to the user-defined network', () => {
    const { fx } = container();
    const synth = JSON.parse(Testing.synth(fx.stack));
    const networkAddress = Object.keys(synth.resource.docker_network)[0];
    // By docker_network.id: every docker_network attribute is ForceNew, and a replaced network must replace its
    // containers first (by name they would stay attached and Docker refuses to remove a network with endpoints).
    expect(Object.values<any>(synth.resource.docker_container)[0].networks_advanced).toEqual([{ name: `\${docker_network.${networkAddress}.id}` }]);
  });
  test('CIS 5.30: no network at all when none is given (network_mode none)', () => {
    const c = containerJson({ networks: [] });
    expect(c.network_mode).toBe('none');
    expect(c.networks_advanced).toBeUndefined();
  });
  test('graceful stop: destroy_grace_seconds 10, so a replaced container gets SIGTERM and time to exit', () => {
    // kreuzwerker/docker 3.6.2 calls ContainerStop with a timeout of 0 (immediate kill) unless destroy_grace_seconds is set.
    expect(json().destroy_grace_seconds).toBe(10);
    expect(containerJson({ stopGracePeriodSeconds: 60 }).destroy_grace_seconds).toBe(60);
  });
  test('init process and rotated json-file logs', () => {
    const c = json();
    expect(c.init).toBe(true);
    expect(c.log_driver).toBe('json-file');
    expect(c.log_opts).toEqual({ 'max-size': '10m', 'max-file': '3' });
  });
  test('resolved defaults are exposed', () => {
    const { web } = container();
    expect([web.user, web.readOnlyRootFilesystem, web.privileged, web.memoryMiB, web.cpus, web.cpuShares, web.addCapabilities, web.defaultHostIp])
      .toEqual(['10001:10001', true, false, 512, '0.5', 512, [], '127.0.0.1']);
    expect([web.cpuPeriodMicros, web.cpuQuotaMicros]).toEqual([100000, 50000]);
  });
  test('controls the provider cannot express are reported, never silent', () => {
    const { web } = container();
    const notes = annotations(web);
    expect(notes).toContainEqual({ level: '@cdktf/warn', message: expect.stringMatching(/^DOCKER-PIDS-LIMIT \(CIS Docker 5\.29\): not enforceable by this provider/) });
    for (const id of ['DOCKER-CONTENT-TRUST', 'DOCKER-SWARM-OFF', 'DOCKER-NO-SSHD', 'DOCKER-EXEC']) {
      expect(notesOf(web)).toContainEqual(expect.stringMatching(new RegExp(`^${id} .*not enforceable by this provider`)));
      expect(notes.filter((a) => a.message.startsWith(id))).toEqual([]);
    }
  });
  test('hostEnforcesPidsLimit turns the PIDs warning into a synth note', () => {
    const { web } = container({ hostEnforcesPidsLimit: true });
    expect(annotations(web).filter((a) => a.message.startsWith('DOCKER-PIDS-LIMIT'))).toEqual([]);
    expect(notesOf(web).filter((m) => m.startsWith('DOCKER-PIDS-LIMIT'))).toEqual([expect.stringContaining('not enforceable by this provider')]);
  });
  test('warns when there is no scan gate', () => {
    const { web } = container();
    expect(annotations(web)).toContainEqual({ level: '@cdktf/warn', message: expect.stringContaining("No 'scanGate'") });
  });
});

describe('HardenedContainer options', () => {
  test('spec resources set memory, cpus and cpu shares', () => {
    const c = containerJson({}, { resources: { cpuRequest: Cpu.millicores(250), cpuLimit: Cpu.cores(2), memoryLimit: Size.parse('1Gi') } });
    expect([c.memory, c.memory_swap, c.cpu_period, c.cpu_quota, c.cpu_shares]).toEqual([1024, 1024, 100000, 200000, 256]);
  });
  test('command, args and env render; sensitive env comes from the variable', () => {
    const { fx } = container();
    const secret = new TerraformVariable(fx.stack, 'db_password', { type: 'string', sensitive: true });
    new HardenedContainer(fx.stack, 'Worker', {
      image: fx.image,
      spec: { ...fx.spec, name: 'worker', command: ['/app/worker'], args: ['--queue', 'jobs'], env: { MODE: EnvValue.fromString('batch'), DB_PASSWORD: EnvValue.fromSensitiveValue(secret.stringValue) } },
    });
    const worker = JSON.parse(Testing.synth(fx.stack)).resource.docker_container;
    const c = Object.values<any>(worker).find((x) => x.name === 'worker');
    expect(c.entrypoint).toEqual(['/app/worker']);
    expect(c.command).toEqual(['--queue', 'jobs']);
    expect(c.env).toEqual(['DB_PASSWORD=${var.db_password}', 'MODE=batch']);
  });
  test('published ports bind 127.0.0.1 by default, or the given host IP', () => {
    const c = containerJson({ publishedPorts: [{ containerPort: 8080, hostPort: 8443 }] });
    expect(c.ports).toEqual([{ internal: 8080, external: 8443, ip: '127.0.0.1', protocol: 'tcp' }]);
    const d = containerJson({ defaultHostIp: '10.0.0.5', publishedPorts: [{ containerPort: 8080 }] });
    expect(d.ports).toEqual([{ internal: 8080, ip: '10.0.0.5', protocol: 'tcp' }]);
  });
  test('opt-out: allowAllInterfaces publishes on 0.0.0.0 with a DOCKER-BIND-HOST-IP warning', () => {
    const { web, fx } = container({ allowAllInterfaces: true, publishedPorts: [{ containerPort: 8080, hostPort: 8080, hostIp: '0.0.0.0' }] });
    expect(Object.values<any>(JSON.parse(Testing.synth(fx.stack)).resource.docker_container)[0].ports[0].ip).toBe('0.0.0.0');
    expect(annotations(web).some((a) => a.level === '@cdktf/warn' && a.message.includes('DOCKER-BIND-HOST-IP'))).toBe(true);
  });
  test('opt-out: allowPrivilegedHostPorts publishes port 443 with a DOCKER-NO-PRIV-PORTS warning', () => {
    const { web, fx } = container({ allowPrivilegedHostPorts: true, publishedPorts: [{ containerPort: 8080, hostPort: 443 }] });
    expect(Object.values<any>(JSON.parse(Testing.synth(fx.stack)).resource.docker_container)[0].ports[0].external).toBe(443);
    expect(annotations(web).some((a) => a.level === '@cdktf/warn' && a.message.includes('DOCKER-NO-PRIV-PORTS'))).toBe(true);
  });
  test('opt-out: readOnlyRootFilesystem false with a DOCKER-READONLY-ROOTFS warning', () => {
    const { web, fx } = container({ readOnlyRootFilesystem: false });
    expect(Testing.synth(fx.stack)).toHaveResourceWithProperties(Container, { read_only: false });
    expect(annotations(web).some((a) => a.level === '@cdktf/warn' && a.message.includes('DOCKER-READONLY-ROOTFS'))).toBe(true);
  });
  test('opt-out: privileged with allowUnsafePrivileged, and a DOCKER-NO-PRIVILEGED warning', () => {
    const { web, fx } = container({ privileged: true, allowUnsafePrivileged: true });
    expect(Testing.synth(fx.stack)).toHaveResourceWithProperties(Container, { privileged: true });
    expect(annotations(web).some((a) => a.level === '@cdktf/warn' && a.message.includes('DOCKER-NO-PRIVILEGED'))).toBe(true);
  });
  test('allow-listed capabilities are added back (CAP_ prefix accepted)', () => {
    expect(containerJson({ addCapabilities: ['NET_BIND_SERVICE', 'CAP_CHOWN'] }).capabilities).toEqual({ drop: ['ALL'], add: ['NET_BIND_SERVICE', 'CHOWN'] });
  });
  test('custom seccomp profile, AppArmor profile and SELinux type', () => {
    const profile = JSON.stringify({ defaultAction: 'SCMP_ACT_ERRNO' });
    expect(containerJson({ seccompProfileJson: profile, appArmorProfile: 'docker-default', selinuxType: 'svirt_lxc_net_t' }).security_opts)
      .toEqual(['no-new-privileges=true', `seccomp=${profile}`, 'apparmor=docker-default', 'label=type:svirt_lxc_net_t']);
  });
  test('fails on an SELinux value that is not a type (labelling cannot be disabled)', () => {
    expect(errorOf(() => container({ selinuxType: 'disable' }))).toMatch(/stack\/Web: selinuxType: is not an SELinux type/);
  });
  test('restart retries, log driver and rotation, tmpfs size and ulimits are configurable', () => {
    const c = containerJson({ restartMaxRetries: 2, logDriver: DockerLogDriver.LOCAL, logMaxSizeMiB: 50, logMaxFiles: 5, tmpfsSizeMiB: 16, ulimits: [{ name: 'nofile', soft: 4096, hard: 8192 }] });
    expect([c.max_retry_count, c.log_driver, c.log_opts, c.tmpfs, c.ulimit]).toEqual([
      2, 'local', { 'max-size': '50m', 'max-file': '5' }, { '/tmp': 'rw,noexec,nosuid,nodev,size=16m' }, [{ name: 'nofile', soft: 4096, hard: 8192 }],
    ]);
  });
  test('volume mounts and read-only bind mounts with rprivate propagation (CIS 5.20)', () => {
    const { fx } = container();
    const data = new ContainerVolume(fx.stack, 'Data');
    new HardenedContainer(fx.stack, 'Db', {
      image: fx.image,
      spec: { ...fx.spec, name: 'db' },
      volumeMounts: [{ volume: data, containerPath: '/var/lib/data' }],
      bindMounts: [{ hostPath: '/srv/app/config', containerPath: '/config' }],
    });
    const synth = JSON.parse(Testing.synth(fx.stack));
    const db = Object.values<any>(synth.resource.docker_container).find((x) => x.name === 'db');
    expect(db.mounts).toEqual([
      // By docker_volume.id (Docker's volume id is its name, so the mount reads back unchanged): a replaced volume replaces the container first.
      { type: 'volume', source: `\${docker_volume.${Object.keys(synth.resource.docker_volume)[0]}.id}`, target: '/var/lib/data', read_only: false },
      { type: 'bind', source: '/srv/app/config', target: '/config', read_only: true, bind_options: { propagation: 'rprivate' } },
    ]);
  });
  test('references without an ID (fromNetworkName / fromVolumeName) attach and mount by name', () => {
    const { fx } = container();
    new HardenedContainer(fx.stack, 'Legacy', {
      image: fx.image,
      spec: { ...fx.spec, name: 'legacy' },
      networks: [ContainerNetwork.fromNetworkName(fx.stack, 'Shared', 'shared-net')],
      volumeMounts: [{ volume: ContainerVolume.fromVolumeName(fx.stack, 'Old', 'old-data'), containerPath: '/data' }],
    });
    const legacy = Object.values<any>(JSON.parse(Testing.synth(fx.stack)).resource.docker_container).find((x) => x.name === 'legacy');
    expect(legacy.networks_advanced).toEqual([{ name: 'shared-net' }]);
    expect(legacy.mounts).toEqual([{ type: 'volume', source: 'old-data', target: '/data', read_only: false }]);
  });
  test('opt-out: a writable bind mount warns', () => {
    const { web, fx } = container({ bindMounts: [{ hostPath: '/srv/app/spool', containerPath: '/spool', readOnly: false }] });
    expect(Object.values<any>(JSON.parse(Testing.synth(fx.stack)).resource.docker_container)[0].mounts[0].read_only).toBe(false);
    expect(annotations(web).some((a) => a.level === '@cdktf/warn' && a.message.includes('bindMounts[0] (/srv/app/spool) is writable'))).toBe(true);
  });
  test('defaultMemoryLimit and defaultCpuLimit apply when the spec has no limits', () => {
    const c = containerJson({ defaultMemoryLimit: Size.gibibytes(1), defaultCpuLimit: Cpu.cores(1.5) });
    expect([c.memory, c.memory_swap, c.cpu_period, c.cpu_quota, c.cpu_shares]).toEqual([1024, 1024, 100000, 150000, 1536]);
  });
  test('a device is an explicit exception with least permissions and a PT-DOCKER-GPU warning', () => {
    const { web, fx } = container({ devices: [{ hostPath: '/dev/nvidia0', permissions: 'rw' }] });
    expect(Object.values<any>(JSON.parse(Testing.synth(fx.stack)).resource.docker_container)[0].devices)
      .toEqual([{ host_path: '/dev/nvidia0', container_path: '/dev/nvidia0', permissions: 'rw' }]);
    expect(annotations(web).some((a) => a.level === '@cdktf/warn' && a.message.includes('PT-DOCKER-GPU'))).toBe(true);
  });
  test('http and tcp probes become in-container commands; the default tool comes from the image (bash for Debian-style images), recorded as a note', () => {
    const http = container({}, { healthProbe: HealthProbe.http({ path: '/healthz', port: 8080, periodSeconds: 15, initialDelaySeconds: 5 }) });
    const check = Object.values<any>(JSON.parse(Testing.synth(http.fx.stack)).resource.docker_container)[0].healthcheck;
    expect(check).toEqual({ test: ['CMD', 'bash', '-c', expect.any(String)], interval: '15s', timeout: '3s', retries: 3, start_period: '5s' });
    expect(check.test[3]).toBe("exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\nHost: 127.0.0.1\\r\\n\\r\\n' >&3 && read -r _ code _ <&3 && [[ $code == [23]?? ]]");
    expect(notesOf(http.web)).toContainEqual(expect.stringMatching(/the HTTP probe becomes `bash -c .*\(healthCheckTool BASH, chosen from the image reference\), so the image must contain bash/));
    expect(containerJson({}, { healthProbe: HealthProbe.tcp({ port: 8080 }) }).healthcheck.test).toEqual(['CMD', 'bash', '-c', 'exec 3<>/dev/tcp/127.0.0.1/8080']);
    expect(containerJson({ healthCheckCommand: ['/bin/probe', '--ready'] }).healthcheck.test).toEqual(['CMD', '/bin/probe', '--ready']);
    expect(containerJson().healthcheck.test).toEqual(['CMD', '/app/healthcheck']);
  });
  test('each DockerHealthCheckTool renders the documented command', () => {
    const http = HealthProbe.http({ path: '/healthz', port: 8080 });
    expect(containerJson({ healthCheckTool: DockerHealthCheckTool.WGET }, { healthProbe: http }).healthcheck.test).toEqual(['CMD', 'wget', '-q', '-O', '/dev/null', 'http://127.0.0.1:8080/healthz']);
    expect(containerJson({ healthCheckTool: DockerHealthCheckTool.WGET }, { healthProbe: HealthProbe.tcp({ port: 8080 }) }).healthcheck.test).toEqual(['CMD', 'sh', '-c', 'nc -w 2 127.0.0.1 8080 </dev/null']);
    expect(containerJson({ healthCheckTool: DockerHealthCheckTool.CURL }, { healthProbe: http }).healthcheck.test).toEqual(['CMD', 'curl', '-fsS', '-o', '/dev/null', 'http://127.0.0.1:8080/healthz']);
    expect(containerJson({ healthCheckTool: DockerHealthCheckTool.CURL }, { healthProbe: HealthProbe.tcp({ port: 8080 }) }).healthcheck.test).toEqual(['CMD', 'bash', '-c', 'exec 3<>/dev/tcp/127.0.0.1/8080']);
  });
  test('an https probe does not verify the certificate (issued for a service name, not 127.0.0.1), as Kubernetes httpGet; bash checks the port', () => {
    const https = HealthProbe.http({ path: '/healthz', port: 8080, https: true });
    expect(containerJson({ healthCheckTool: DockerHealthCheckTool.WGET }, { healthProbe: https }).healthcheck.test)
      .toEqual(['CMD', 'wget', '-q', '--no-check-certificate', '-O', '/dev/null', 'https://127.0.0.1:8080/healthz']);
    expect(containerJson({ healthCheckTool: DockerHealthCheckTool.CURL }, { healthProbe: https }).healthcheck.test).toEqual(['CMD', 'curl', '-fsSk', '-o', '/dev/null', 'https://127.0.0.1:8080/healthz']);
    expect(containerJson({}, { healthProbe: https }).healthcheck.test).toEqual(['CMD', 'bash', '-c', 'exec 3<>/dev/tcp/127.0.0.1/8080']);
  });
  test('the default tool follows the image: wget for Alpine/BusyBox, an error naming the fix for distroless', () => {
    const http = HealthProbe.http({ path: '/healthz', port: 8080 });
    const build = (reference: string) => {
      const fx = fixture(reference);
      new HardenedContainer(fx.stack, 'Web', { image: fx.image, networks: [fx.network], spec: { ...fx.spec, healthProbe: http } });
      return firstOf(JSON.parse(Testing.synth(fx.stack)).resource.docker_container).healthcheck.test;
    };
    expect(build(`ghcr.io/acme/api:1.4.2-alpine3.20@${DIGEST}`)).toEqual(['CMD', 'wget', '-q', '-O', '/dev/null', 'http://127.0.0.1:8080/healthz']);
    expect(errorOf(() => build(`ghcr.io/distroless/nodejs22:nonroot@${DIGEST}`)))
      .toMatch(/^stack\/Web: spec\.healthProbe: is an HTTP probe, but .* looks distroless: it has no shell, wget or curl to run it .*Set healthCheckCommand/);
  });
  test('paths are encoded so the bash request survives printf, the shell and Terraform', () => {
    const c = containerJson({}, { healthProbe: HealthProbe.http({ path: "/a%b'c$d", port: 8080 }) });
    expect(c.healthcheck.test[3]).toContain("printf 'GET /a%%25b%%27c%%24d HTTP/1.0");
  });
  test('health check durations use Go duration syntax, as the provider reads them back (no permanent diff)', () => {
    // The provider stores Config.Healthcheck.Interval.String(): "90s" would come back as "1m30s" and show a change on every plan.
    const c = containerJson({}, { healthProbe: HealthProbe.exec({ command: ['/app/healthcheck'], periodSeconds: 90, timeoutSeconds: 60, initialDelaySeconds: 3600 }) });
    expect([c.healthcheck.interval, c.healthcheck.timeout, c.healthcheck.start_period]).toEqual(['1m30s', '1m0s', '1h0m0s']);
  });
  test('settings the provider cannot update in place are folded into a ForceNew label', () => {
    // cpu_period/cpu_quota, tmpfs, healthcheck and init are neither ForceNew nor updated by kreuzwerker/docker 3.6.2.
    const label = (c: Record<string, any>) => c.labels.find((l: any) => l.label === 'cdktf-hybrid.replace-trigger').value;
    const base = label(containerJson());
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    expect(label(containerJson())).toBe(base);
    expect(label(containerJson({ defaultCpuLimit: Cpu.cores(1) }))).not.toBe(base);
    expect(label(containerJson({}, { writablePaths: ['/tmp', '/run'] }))).not.toBe(base);
    expect(label(containerJson({ tmpfsSizeMiB: 32 }))).not.toBe(base);
    expect(label(containerJson({ healthCheckCommand: ['/bin/probe'] }))).not.toBe(base);
  });
  test('a bracketed IPv6 host address is published as the bare address Docker\'s API takes', () => {
    const c = containerJson({ publishedPorts: [{ containerPort: 8080, hostPort: 8080, hostIp: '[::1]' }] });
    expect(c.ports).toEqual([{ internal: 8080, external: 8080, ip: '::1', protocol: 'tcp' }]);
  });
  test('no probe: no healthcheck block and a DOCKER-HEALTHCHECK warning', () => {
    const { web, fx } = container({}, { healthProbe: undefined });
    expect(Object.values<any>(JSON.parse(Testing.synth(fx.stack)).resource.docker_container)[0].healthcheck).toBeUndefined();
    expect(annotations(web).some((a) => a.level === '@cdktf/warn' && a.message.includes('DOCKER-HEALTHCHECK'))).toBe(true);
  });
  test('depends on the scan gate', () => {
    const fx = fixture();
    const gate = new ImageScanGate(fx.stack, 'Scan', { image: fx.image });
    new HardenedContainer(fx.stack, 'Web', { image: fx.image, networks: [fx.network], spec: fx.spec, scanGate: gate });
    const synth = JSON.parse(Testing.synth(fx.stack));
    const gateAddress = `terraform_data.${Object.keys(synth.resource.terraform_data)[0]}`;
    expect(Object.values<any>(synth.resource.docker_container)[0].depends_on).toEqual([gateAddress]);
  });
});

describe('HardenedContainer validation', () => {
  const at = /^stack\/Web: /;
  test('fails when privileged without allowUnsafePrivileged', () => {
    const message = errorOf(() => container({ privileged: true }));
    expect(message).toMatch(at);
    expect(message).toMatch(/privileged: is true without the explicit opt-in allowUnsafePrivileged: true/);
  });
  test('fails when the Docker socket is bind-mounted', () => {
    expect(errorOf(() => container({ bindMounts: [{ hostPath: '/var/run/docker.sock', containerPath: '/var/run/docker.sock' }] })))
      .toMatch(/stack\/Web: bindMounts\[0\]\.hostPath: is the Docker socket.*DOCKER-NO-DOCKER-SOCKET/);
  });
  test.each(['/run', '/var/run', '/var', '/var/lib/docker/volumes'])('fails when %s (the socket directory or Docker data root) is bind-mounted', (hostPath) => {
    expect(errorOf(() => container({ bindMounts: [{ hostPath, containerPath: '/mnt/x' }] }))).toMatch(/bindMounts\[0\]\.hostPath: holds the Docker socket or Docker's data root/);
  });
  test('fails when / is bind-mounted', () => {
    expect(errorOf(() => container({ bindMounts: [{ hostPath: '/', containerPath: '/host' }] }))).toMatch(/bindMounts\[0\]\.hostPath: is the host root "\/"/);
  });
  test.each(['/etc', '/etc/ssl', '/proc/1', '/usr/lib', '/boot', '/dev', '/lib', '/sys/fs'])('fails when sensitive host path %s is bind-mounted', (hostPath) => {
    expect(errorOf(() => container({ bindMounts: [{ hostPath, containerPath: '/mnt/x' }] }))).toMatch(/bindMounts\[0\]\.hostPath: is (the|below the) sensitive host directory/);
  });
  test('fails when memory is below 6 MiB', () => {
    expect(errorOf(() => container({}, { resources: { memoryLimit: Size.mebibytes(4) } })))
      .toMatch(/stack\/Web: spec\.resources\.memoryLimit: is below Docker's minimum of 6 MiB \(got "4Mi"\)/);
  });
  test('fails when the CPU limit is below 10 millicores (Docker\'s 1 ms CFS quota minimum)', () => {
    expect(errorOf(() => container({}, { resources: { cpuLimit: Cpu.millicores(5) } })))
      .toMatch(/Web: spec\.resources\.cpuLimit: is below Docker's smallest CPU limit of 10 millicores .*\(got "5m"\)/);
  });
  test('fails when [::] (every IPv6 interface) is given bracketed without allowAllInterfaces', () => {
    expect(errorOf(() => container({ publishedPorts: [{ containerPort: 8080, hostIp: '[::]' }] }))).toMatch(/publishedPorts\[0\]\.hostIp: binds every host interface/);
  });
  test('fails when the tmpfs scratch space exceeds the memory limit it is charged to', () => {
    expect(errorOf(() => container({ tmpfsSizeMiB: 300 }, { writablePaths: ['/tmp', '/run'], resources: { memoryLimit: Size.mebibytes(512) } })))
      .toMatch(/Web: tmpfsSizeMiB: times the 2 writable path\(s\) \(600 MiB\) exceeds the memory limit \(512 MiB\), which tmpfs counts against \(got 300\)/);
    expect(() => container({ tmpfsSizeMiB: 256 }, { writablePaths: ['/tmp', '/run'], resources: { memoryLimit: Size.mebibytes(512) } })).not.toThrow();
  });
  test('fails at synth when two containers on one Docker host share a name (Docker refuses the second at apply)', () => {
    const { fx } = container();
    new HardenedContainer(fx.stack, 'Twin', { image: fx.image, networks: [fx.network], spec: fx.spec });
    expect(() => Testing.synth(fx.stack, true)).toThrow(/stack\/Twin: spec\.name: is also the name of stack\/Web on the same Docker host, which Docker refuses at apply \(got "api"\)/);
  });
  test('fails at synth when two containers publish the same host port and address', () => {
    const { fx } = container({ publishedPorts: [{ containerPort: 8080, hostPort: 8443 }] });
    new HardenedContainer(fx.stack, 'Other', {
      image: fx.image, networks: [fx.network], spec: { ...fx.spec, name: 'other' }, publishedPorts: [{ containerPort: 8080, hostPort: 8443 }],
    });
    expect(() => Testing.synth(fx.stack, true))
      .toThrow(/stack\/Other: publishedPorts\[0\]\.hostPort: is already published on 127\.0\.0\.1\/tcp by stack\/Web, so Docker would fail with "port is already allocated" at apply \(got 8443\)/);
  });
  test('a clash is a ValidationError naming the container created earlier in construct order', () => {
    const { fx } = container({ publishedPorts: [{ containerPort: 8080, hostPort: 8443 }] });
    // 'Group' is created after 'Web' but holds a container that comes before 'Late' in construct order.
    const group = new Construct(fx.stack, 'Group');
    new HardenedContainer(fx.stack, 'Late', { image: fx.image, networks: [fx.network], spec: { ...fx.spec, name: 'late' }, publishedPorts: [{ containerPort: 8080, hostPort: 9000 }] });
    new HardenedContainer(group, 'Early', { image: fx.image, networks: [fx.network], spec: { ...fx.spec, name: 'late' }, publishedPorts: [{ containerPort: 8080, hostPort: 9000 }] });
    let thrown: unknown;
    try {
      Testing.synth(fx.stack, true);
    } catch (e) {
      thrown = e;
    }
    expect(Errors.isValidationError(thrown)).toBe(true);
    expect((thrown as Error).message).toBe('stack/Late: spec.name: is also the name of stack/Group/Early on the same Docker host, which Docker refuses at apply (got "late"). '
      + 'Give every container on one Docker host its own spec.name.');
  });
  test('no clash: another address, another protocol, or another Docker provider', () => {
    const { fx } = container({ publishedPorts: [{ containerPort: 8080, hostPort: 8443 }] });
    new HardenedContainer(fx.stack, 'OtherIp', {
      image: fx.image, networks: [fx.network], spec: { ...fx.spec, name: 'other-ip' }, publishedPorts: [{ containerPort: 8080, hostPort: 8443, hostIp: '10.0.0.5' }],
    });
    const secondHost = new DockerProvider(fx.stack, 'second', { alias: 'second' });
    const elsewhere = new HardenedContainer(fx.stack, 'Elsewhere', {
      image: fx.image, networks: [fx.network], spec: fx.spec, publishedPorts: [{ containerPort: 8080, hostPort: 8443 }],
    });
    elsewhere.resource.provider = secondHost;
    expect(() => Testing.synth(fx.stack, true)).not.toThrow();
  });
  test('fails when stopGracePeriodSeconds is out of range', () => {
    expect(errorOf(() => container({ stopGracePeriodSeconds: 0 }))).toMatch(/Web: stopGracePeriodSeconds: .*\(got 0\)/);
  });
  test('fails when memory is not a whole number of MiB', () => {
    expect(errorOf(() => container({}, { resources: { memoryLimit: Size.parse('1G') } }))).toMatch(/spec\.resources\.memoryLimit: is not a whole number of MiB/);
  });
  test('fails when a host port is out of range', () => {
    expect(errorOf(() => container({ publishedPorts: [{ containerPort: 8080, hostPort: 70000 }] }))).toMatch(/publishedPorts\[0\]\.hostPort: must be a whole number from 1 to 65535 \(got 70000\)/);
  });
  test('fails when a host port is privileged without the opt-in', () => {
    expect(errorOf(() => container({ publishedPorts: [{ containerPort: 8080, hostPort: 80 }] }))).toMatch(/publishedPorts\[0\]\.hostPort: is a privileged port \(1-1024; DOCKER-NO-PRIV-PORTS/);
  });
  test('fails when a host port is published twice', () => {
    const spec = { ports: [{ name: 'http', containerPort: 8080 }, { name: 'admin', containerPort: 9090 }] };
    expect(errorOf(() => container({ publishedPorts: [{ containerPort: 8080, hostPort: 8443 }, { containerPort: 9090, hostPort: 8443 }] }, spec)))
      .toMatch(/publishedPorts\[1\]\.hostPort: is published twice on 127\.0\.0\.1\/tcp/);
  });
  test('fails when a published port is not declared in spec.ports', () => {
    expect(errorOf(() => container({ publishedPorts: [{ containerPort: 9999 }] }))).toMatch(/publishedPorts\[0\]\.containerPort: is not declared in spec\.ports/);
  });
  test('fails when a port binds 0.0.0.0 without allowAllInterfaces', () => {
    expect(errorOf(() => container({ publishedPorts: [{ containerPort: 8080, hostIp: '0.0.0.0' }] }))).toMatch(/publishedPorts\[0\]\.hostIp: binds every host interface/);
  });
  test('fails when the host IP is not an address', () => {
    expect(errorOf(() => container({ defaultHostIp: 'localhost', publishedPorts: [{ containerPort: 8080 }] }))).toMatch(/defaultHostIp: is not an IP address \(got "localhost"\)/);
  });
  test('fails when ports are published but every network is internal', () => {
    const fx = fixture();
    const back = new ContainerNetwork(fx.stack, 'Back', { internal: true });
    expect(errorOf(() => new HardenedContainer(fx.stack, 'Web', { image: fx.image, spec: fx.spec, networks: [back], publishedPorts: [{ containerPort: 8080 }] })))
      .toMatch(/publishedPorts: cannot be reached: every network is internal/);
  });
  test('fails on an unknown capability name', () => {
    expect(errorOf(() => container({ addCapabilities: ['NET_BIND'] }))).toMatch(/addCapabilities\[0\]: is not a Linux capability \(got "NET_BIND"\)/);
  });
  test('fails on NET_RAW, which is never allowed', () => {
    expect(errorOf(() => container({ addCapabilities: ['NET_RAW'] }))).toMatch(/addCapabilities\[0\]: is never allowed/);
  });
  test('fails on a capability outside the allow-list', () => {
    expect(errorOf(() => container({ addCapabilities: ['SYS_ADMIN'] }))).toMatch(/addCapabilities\[0\]: is not in the allow-list/);
  });
  test('fails on a KUBERNETES_SECRET env value', () => {
    expect(errorOf(() => container({}, { env: { DB: EnvValue.fromKubernetesSecret('db-credentials', 'password') } })))
      .toMatch(/spec\.env\.DB: is a Kubernetes Secret reference, which Docker cannot read .*EnvValue\.fromSensitiveValue/);
  });
  test('fails on a literal sensitive env value, without echoing it', () => {
    const message = errorOf(() => container({}, { env: { TOKEN: EnvValue.fromSensitiveValue('hunter2') } }));
    expect(message).toMatch(/spec\.env\.TOKEN: is a sensitive value given as a literal.*\(got <redacted>\)/);
    expect(message).not.toContain('hunter2');
  });
  test('fails on an unconfined seccomp profile', () => {
    expect(errorOf(() => container({ seccompProfileJson: 'unconfined' }))).toMatch(/seccompProfileJson: turns seccomp off \(DOCKER-SECCOMP/);
  });
  test('fails on an unconfined AppArmor profile', () => {
    expect(errorOf(() => container({ appArmorProfile: 'unconfined' }))).toMatch(/appArmorProfile: turns AppArmor off/);
  });
  test('fails when restartMaxRetries is above 5', () => {
    expect(errorOf(() => container({ restartMaxRetries: 10 }))).toMatch(/restartMaxRetries: must be a whole number from 1 to 5 \(got 10\)/);
  });
  test('fails on an unknown ulimit or soft above hard', () => {
    expect(errorOf(() => container({ ulimits: [{ name: 'files', soft: 1, hard: 2 }] }))).toMatch(/ulimits\[0\]\.name: is not an allow-listed ulimit/);
    expect(errorOf(() => container({ ulimits: [{ name: 'nofile', soft: 10, hard: 2 }] }))).toMatch(/ulimits\[0\]\.soft: exceeds hard \(2\)/);
  });
  test('fails when a device asks for mknod permission', () => {
    expect(errorOf(() => container({ devices: [{ hostPath: '/dev/nvidia0', permissions: 'rwm' }] }))).toMatch(/devices\[0\]\.permissions: must be "r", "w" or "rw"/);
  });
  test('fails when the image does not match spec.image', () => {
    const fx = fixture();
    const other = ImageReference.parse(`ghcr.io/acme/other:1.0@sha256:${'c'.repeat(64)}`);
    expect(errorOf(() => new HardenedContainer(fx.stack, 'Web', { image: fx.image, spec: { ...fx.spec, image: other } }))).toMatch(/stack\/Web: image: pulls .* not spec\.image/);
  });
  test('fails when the scan gate is for another image', () => {
    const fx = fixture();
    const otherImage = new TrustedImage(fx.stack, 'Other', { image: ImageReference.parse(`ghcr.io/acme/other:1.0@sha256:${'c'.repeat(64)}`), allowedRegistries: ['ghcr.io'] });
    const gate = new ImageScanGate(fx.stack, 'Scan', { image: otherImage });
    expect(errorOf(() => new HardenedContainer(fx.stack, 'Web', { image: fx.image, spec: fx.spec, scanGate: gate }))).toMatch(/scanGate: scans ghcr\.io\/acme\/other/);
  });
  test('fails when a writable path is also a mount target', () => {
    const fx = fixture();
    const data = new ContainerVolume(fx.stack, 'Data');
    expect(errorOf(() => new HardenedContainer(fx.stack, 'Web', { image: fx.image, spec: fx.spec, volumeMounts: [{ volume: data, containerPath: '/tmp' }] })))
      .toMatch(/volumeMounts\[0\]\.containerPath: is mounted twice/);
  });
  test('fails on an invalid spec (the foundation validation runs)', () => {
    expect(errorOf(() => container({}, { user: 0 }))).toMatch(/stack\/Web: spec\.user: is 0 \(root\)/);
  });
  test('fails when a network is listed twice', () => {
    const fx = fixture();
    expect(errorOf(() => new HardenedContainer(fx.stack, 'Web', { image: fx.image, spec: fx.spec, networks: [fx.network, fx.network] })))
      .toMatch(/stack\/Web: networks\[1\]: is listed twice/);
  });
  test('fails on SCTP published ports', () => {
    expect(errorOf(() => container({ publishedPorts: [{ containerPort: 9000 }] }, { ports: [{ name: 'sig', containerPort: 9000, protocol: Protocol.SCTP }] })))
      .toMatch(/publishedPorts\[0\]\.protocol: is SCTP/);
  });
});
