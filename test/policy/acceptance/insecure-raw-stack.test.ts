// Acceptance: on a stack of raw provider L1s with insecure settings, every insecure setting is
// reported with the exact rule id (and detail) on the exact resource address and attribute path;
// the HIGH ones are errors that fail synth with construct path, rule, attribute and fix.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformProvider, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { FindingStatus, Policy, PolicyChecks, PolicyFinding, Severity } from '../../../lib';
import { main } from '../../../lib/policy/cli';
import { addressOf } from './fixtures';
import { insecureStack } from './insecure-stack';

/** [construct path under the stack, rule id with detail, attribute path, severity]: one row per insecure setting. */
type Expected = [string, string, string, Severity];
const H = Severity.HIGH;
const M = Severity.MEDIUM;
const L = Severity.LOW;
const POD = 'spec.template.spec';
const AGENT = `${POD}.container[0]`;
const CRON = 'spec.job_template.spec.template.spec';

const EXPECTED: Expected[] = [
  // Kubernetes: a namespace without PSA labels, with an allow-all policy instead of deny-all, no quota, no limit range
  ['k8s/Legacy', 'K8S-PSA-LABELS[mode=enforce]', 'metadata.labels["pod-security.kubernetes.io/enforce"]', H],
  ['k8s/Legacy', 'K8S-PSA-LABELS[mode=warn]', 'metadata.labels["pod-security.kubernetes.io/warn"]', H],
  ['k8s/Legacy', 'K8S-PSA-LABELS[mode=audit]', 'metadata.labels["pod-security.kubernetes.io/audit"]', H],
  ['k8s/Legacy', 'K8S-NETPOL-DEFAULT-DENY[namespace=legacy]', 'metadata.name', H],
  ['k8s/Legacy', 'K8S-RESOURCEQUOTA[namespace=legacy]', 'metadata.name', M],
  ['k8s/Legacy', 'K8S-LIMITRANGE[namespace=legacy]', 'metadata.name', M],
  // Kubernetes: host namespaces, privileged, capabilities, hostPath (Docker socket and /), host port, AppArmor/seccomp unconfined, root
  ['k8s/NodeAgent', 'K8S-HOST-NAMESPACES[field=host_network]', `${POD}.host_network`, H],
  ['k8s/NodeAgent', 'K8S-HOST-NAMESPACES[field=host_pid]', `${POD}.host_pid`, H],
  ['k8s/NodeAgent', 'K8S-HOST-NAMESPACES[field=host_ipc]', `${POD}.host_ipc`, H],
  ['k8s/NodeAgent', 'K8S-NO-PRIVILEGED[container=agent]', `${AGENT}.security_context.privileged`, H],
  ['k8s/NodeAgent', 'K8S-CAPS-BASELINE[container=agent]', `${AGENT}.security_context.capabilities.add`, H],
  ['k8s/NodeAgent', 'K8S-CAPS-DROP-ALL[container=agent]', `${AGENT}.security_context.capabilities.add`, M],
  ['k8s/NodeAgent', 'K8S-CAPS-DROP-ALL[container=agent]', `${AGENT}.security_context.capabilities.drop`, M],
  ['k8s/NodeAgent', 'K8S-NO-HOSTPATH[volume=docker-sock]', `${POD}.volume[0].host_path`, H],
  ['k8s/NodeAgent', 'K8S-NO-HOSTPATH[volume=host-root]', `${POD}.volume[1].host_path`, H],
  ['k8s/NodeAgent', 'K8S-VOLUME-TYPES[volume=docker-sock]', `${POD}.volume[0].host_path`, M],
  ['k8s/NodeAgent', 'K8S-VOLUME-TYPES[volume=host-root]', `${POD}.volume[1].host_path`, M],
  ['k8s/NodeAgent', 'K8S-NO-HOSTPORT[container=agent]', `${AGENT}.port[0].host_port`, M],
  ['k8s/NodeAgent', 'K8S-APPARMOR[container=agent]', 'spec.template.metadata.annotations["container.apparmor.security.beta.kubernetes.io/agent"]', M],
  ['k8s/NodeAgent', 'K8S-SECCOMP[pod]', `${POD}.security_context.seccomp_profile.type`, M],
  ['k8s/NodeAgent', 'K8S-SELINUX[pod]', `${POD}.security_context.se_linux_options.type`, M],
  ['k8s/NodeAgent', 'K8S-SELINUX[pod]', `${POD}.security_context.se_linux_options.user`, M],
  ['k8s/NodeAgent', 'K8S-SYSCTLS[sysctl=kernel.msgmax]', `${POD}.security_context.sysctl[0].name`, M],
  ['k8s/NodeAgent', 'K8S-RUNASNONROOT[pod]', `${POD}.security_context.run_as_non_root`, H],
  ['k8s/NodeAgent', 'K8S-RUNASUSER-NONZERO[pod]', `${POD}.security_context.run_as_user`, M],
  ['k8s/NodeAgent', 'K8S-RUNASUSER-NONZERO[container=agent]', `${AGENT}.security_context.run_as_user`, M],
  ['k8s/NodeAgent', 'K8S-NONROOT-GROUP[pod]', `${POD}.security_context.run_as_group`, L],
  ['k8s/NodeAgent', 'K8S-NO-PRIV-ESC[container=agent]', `${AGENT}.security_context.allow_privilege_escalation`, M],
  ['k8s/NodeAgent', 'K8S-READONLY-ROOTFS[container=agent]', `${AGENT}.security_context.read_only_root_filesystem`, M],
  ['k8s/NodeAgent', 'K8S-MOUNT-PROPAGATION[container=agent]', `${AGENT}.volume_mount[1].mount_propagation`, L],
  ['k8s/NodeAgent', 'K8S-NO-SHARED-PROCNS[pod]', `${POD}.share_process_namespace`, M],
  ['k8s/NodeAgent', 'K8S-SA-TOKEN[pod]', `${POD}.automount_service_account_token`, M],
  ['k8s/NodeAgent', 'K8S-DEDICATED-SA[pod]', `${POD}.service_account_name`, L],
  ['k8s/NodeAgent', 'K8S-IMAGE-DIGEST[container=agent]', `${AGENT}.image`, M],
  ['k8s/NodeAgent', 'K8S-RESOURCES[container=agent]', `${AGENT}.resources.limits["memory"]`, M],
  ['k8s/NodeAgent', 'K8S-NS-DEDICATED', 'metadata.namespace', M],
  // Kubernetes: another workload kind (pod template under job_template)
  ['k8s/Backup', 'K8S-NO-PRIVILEGED[container=backup]', `${CRON}.container[0].security_context.privileged`, H],
  ['k8s/Backup', 'K8S-RUNASNONROOT[container=backup]', `${CRON}.security_context.run_as_non_root`, H],
  ['k8s/Backup', 'K8S-IMAGE-DIGEST[container=backup]', `${CRON}.container[0].image`, M],
  // Docker: plain tcp:// to the daemon, a flat network, and a container with every escape hatch
  ['docker/docker', 'DOCKER-DAEMON-TLS', 'host', H],
  ['docker/Flat', 'DOCKER-NET-ICC', 'options["com.docker.network.bridge.enable_icc"]', L],
  ['docker/CiRunner', 'DOCKER-NO-DOCKER-SOCKET', 'volumes[0].host_path', H],
  ['docker/CiRunner', 'DOCKER-NO-SENSITIVE-MOUNTS[path=/etc]', 'volumes[1].host_path', H],
  ['docker/CiRunner', 'DOCKER-NO-PRIVILEGED', 'privileged', H],
  ['docker/CiRunner', 'DOCKER-NO-HOST-NET', 'network_mode', H],
  ['docker/CiRunner', 'DOCKER-NO-HOST-PID', 'pid_mode', H],
  ['docker/CiRunner', 'DOCKER-NO-HOST-USERNS', 'userns_mode', H],
  ['docker/CiRunner', 'DOCKER-NONROOT-USER', 'user', H],
  ['docker/CiRunner', 'DOCKER-CAPS-DROP-ALL', 'capabilities.drop', H],
  ['docker/CiRunner', 'DOCKER-CAPS-DROP-ALL[capability=SYS_ADMIN]', 'capabilities.add[0]', H],
  ['docker/CiRunner', 'DOCKER-SECCOMP', 'security_opts[0]', H],
  ['docker/CiRunner', 'DOCKER-APPARMOR', 'security_opts[1]', M],
  ['docker/CiRunner', 'DOCKER-NO-NEW-PRIVILEGES', 'security_opts', H],
  ['docker/CiRunner', 'DOCKER-BIND-HOST-IP[port=80]', 'ports[0].ip', M],
  ['docker/CiRunner', 'DOCKER-NO-PRIV-PORTS[port=80]', 'ports[0].external', M],
  ['docker/CiRunner', 'DOCKER-NO-HOST-DEVICES[device=/dev/sda]', 'devices[0].host_path', M],
  ['docker/CiRunner', 'DOCKER-IMAGE-PINNED', 'image', M],
  ['docker/CiRunner', 'DOCKER-RESTART-POLICY', 'restart', L],
  ['docker/CiRunner', 'DOCKER-MEMORY-LIMIT', 'memory', M],
  ['docker/CiRunner', 'DOCKER-READONLY-ROOTFS', 'read_only', M],
  // vSphere: a BIOS VM with copy/paste on, logging off, a non-persistent disk, a CD-ROM, old hardware, hot add
  ['vsphere/LegacyVm', 'VM-EFI-SECUREBOOT', 'firmware', H],
  ['vsphere/LegacyVm', 'VM-EFI-SECUREBOOT', 'efi_secure_boot_enabled', H],
  ['vsphere/LegacyVm', 'VM-ISOLATION-COPY', 'extra_config["isolation.tools.copy.disable"]', L],
  ['vsphere/LegacyVm', 'VM-ISOLATION-PASTE', 'extra_config["isolation.tools.paste.disable"]', L],
  ['vsphere/LegacyVm', 'VM-LOGGING', 'enable_logging', M],
  ['vsphere/LegacyVm', 'VM-DISK-PERSISTENT[disk=scratch]', 'disk[1].disk_mode', M],
  ['vsphere/LegacyVm', 'VM-NO-CDROM', 'cdrom[0]', L],
  ['vsphere/LegacyVm', 'VM-HW-VERSION', 'hardware_version', M],
  ['vsphere/LegacyVm', 'VM-NO-HOTADD', 'cpu_hot_add_enabled', L],
  ['vsphere/LegacyVm', 'VM-ENCRYPTION', 'storage_policy_id', M],
  ['vsphere/LegacyVm', 'VM-CONSOLE-MAXCONN', 'extra_config["RemoteDisplay.maxConnections"]', M],
  // vSphere: passthrough without reservation, pinning, EFI or 64-bit MMIO, and a snapshot of it
  ['vsphere/GpuVm', 'VM-NO-PASSTHROUGH', 'pci_device_id[0]', M],
  ['vsphere/GpuVm', 'PT-APPROVED-DEVICE[device=0000:3b:00.0]', 'pci_device_id[0]', H],
  ['vsphere/GpuVm', 'PT-HOST-PINNED', 'host_system_id', M],
  ['vsphere/GpuVm', 'PT-FULL-MEM-RESERVATION', 'memory_reservation', H],
  ['vsphere/GpuVm', 'PT-FULL-MEM-RESERVATION', 'memory_reservation_locked_to_max', H],
  ['vsphere/GpuVm', 'PT-EFI-FIRMWARE', 'firmware', H],
  ['vsphere/GpuVm', 'PT-64BIT-MMIO', 'extra_config["pciPassthru.use64bitMMIO"]', H],
  ['vsphere/GpuVm', 'PT-MMIO-SIZE', 'extra_config["pciPassthru.64bitMMIOSizeGB"]', M],
  ['vsphere/GpuSnapshot', 'PT-NO-SNAPSHOT[vm=vsphere_virtual_machine.vsphere_GpuVm_DE30E17B]', 'virtual_machine_uuid', M],
  // vSphere: promiscuous / forged / MAC-change port groups and switch, trunking, native VLAN, VLAN 4095
  ['vsphere/SnifferPg', 'NET-DVPG-PROMISCUOUS', 'allow_promiscuous', M],
  ['vsphere/SnifferPg', 'NET-DVPG-FORGED', 'allow_forged_transmits', M],
  ['vsphere/SnifferPg', 'NET-DVPG-MACCHANGE', 'allow_mac_changes', M],
  ['vsphere/SnifferPg', 'NET-DVPG-NO-TRUNK[range=0-4094]', 'vlan_range[0]', M],
  ['vsphere/SnifferPg', 'NET-DVPG-NATIVE-VLAN', 'vlan_range[0]', M],
  ['vsphere/NativePg', 'NET-DVPG-NATIVE-VLAN', 'vlan_id', M],
  ['vsphere/OpenSwitch', 'NET-VSS-PROMISCUOUS', 'allow_promiscuous', M],
  ['vsphere/OpenSwitch', 'NET-VSS-FORGED', 'allow_forged_transmits', M],
  ['vsphere/OpenSwitch', 'NET-VSS-MACCHANGE', 'allow_mac_changes', H],
  ['vsphere/TrunkPg', 'NET-VSS-NO-VGT', 'vlan_id', M],
  ['vsphere/TrunkPg', 'NET-VSS-NO-OVERRIDE', 'allow_promiscuous', M],
];

function element(stack: TerraformStack, at: string): TerraformResource | TerraformProvider {
  return stack.node.findChild(at.split('/')[0]).node.findChild(at.split('/')[1]) as TerraformResource | TerraformProvider;
}

function errorsOn(scope: IConstruct): string[] {
  return scope.node.metadata.filter((m) => m.type === '@cdktf/error').map((m) => String(m.data));
}

describe('a stack of insecure raw L1 resources', () => {
  let stack: TerraformStack;
  let findings: PolicyFinding[];

  beforeAll(() => {
    stack = insecureStack(Testing.app());
    const checks = PolicyChecks.applyTo(stack, { writeReports: false });
    Testing.synth(stack); // collects every finding (Testing.synth does not stop at error annotations)
    findings = checks.findings;
  });

  test.each(EXPECTED)('%s: %s at %s', (at, ruleId, attributePath, severity) => {
    const address = addressOf(element(stack, at));
    const match = findings.filter((f) => f.resourceAddress === address && f.ruleId === ruleId && f.attributePath === attributePath);
    expect(match.map((f) => [f.status, f.severity, f.constructPath, f.suppressed])).toEqual([[FindingStatus.FAIL, severity, `insecure/${at}`, false]]);
    expect(match[0].fix).toBeTruthy();
  });

  test('the snapshot detail names the passthrough VM it targets', () => {
    expect(addressOf(element(stack, 'vsphere/GpuVm'))).toBe('vsphere_virtual_machine.vsphere_GpuVm_DE30E17B');
  });

  test('every finding is a decided FAIL (no UNKNOWN, no rule error) on one of the insecure resources', () => {
    const addresses = new Set(EXPECTED.map(([at]) => addressOf(element(stack, at))));
    expect(findings.filter((f) => f.status !== FindingStatus.FAIL)).toEqual([]);
    expect(findings.filter((f) => !addresses.has(f.resourceAddress)).map((f) => f.resourceAddress)).toEqual([]);
  });

  test('every HIGH finding is an error annotation on its construct naming construct path, rule, attribute and fix', () => {
    const high = findings.filter((f) => f.severity === Severity.HIGH);
    expect(high.length).toBeGreaterThanOrEqual(EXPECTED.filter((e) => e[3] === H).length);
    for (const f of high) {
      const construct = stack.node.findAll().find((c) => c.node.path === f.constructPath)!;
      const errors = errorsOn(construct).filter((m) => m.startsWith(`[${f.ruleId}] HIGH ${f.resourceAddress} at ${f.constructPath}: `) && m.includes(`: ${f.title}: ${f.attributePath} `));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(`Fix: ${f.fix}`);
    }
    // MEDIUM and LOW findings are never errors
    const lower = findings.filter((f) => f.severity !== Severity.HIGH);
    for (const f of lower) {
      const construct = stack.node.findAll().find((c) => c.node.path === f.constructPath)!;
      expect(errorsOn(construct).filter((m) => m.startsWith(`[${f.ruleId}] `))).toEqual([]);
    }
  });

  test('the provider block finding (plain tcp:// to the Docker daemon) is unsuppressible', () => {
    const tls = findings.find((f) => f.baseRuleId === 'DOCKER-DAEMON-TLS')!;
    expect([tls.resourceAddress, tls.resourceType, tls.constructPath, tls.found, tls.suppressible]).toEqual(['provider.docker', 'provider.docker', 'insecure/docker/docker', '"tcp://10.0.0.5:2375"', false]);
  });
});

describe('synthesizing the insecure stack', () => {
  let outdir: string;
  let failure: Error;
  let stack: TerraformStack;

  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-insecure-'));
    const app = new App({ outdir });
    stack = insecureStack(app);
    PolicyChecks.applyTo(stack);
    try {
      app.synth();
    } catch (e) {
      failure = e as Error;
    }
  });

  test('fails, listing every HIGH finding (not only the first) with construct path, rule, attribute and fix', () => {
    expect(failure).toBeInstanceOf(Error);
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'insecure', 'policy-report.json'), 'utf8'));
    const high = report.findings.filter((f: any) => f.severity === 'HIGH');
    const lines = failure.message.split('\n').filter((l) => l.startsWith('[insecure/'));
    expect(lines).toHaveLength(high.length);
    expect(report.summary.blocking).toBe(high.length);
    expect(failure.message).toContain('[insecure/docker/CiRunner] [DOCKER-NO-DOCKER-SOCKET] HIGH docker_container.docker_CiRunner_D512F8E8 at insecure/docker/CiRunner: '
      + 'The Docker socket is never mounted into a container: volumes[0].host_path is "/var/run/docker.sock". Fix:');
    expect(failure.message).toMatch(/\[insecure\/k8s\/NodeAgent\] \[K8S-NO-PRIVILEGED\[container=agent\]\] HIGH kubernetes_deployment_v1\.k8s_NodeAgent_D6341749 at insecure\/k8s\/NodeAgent: .*spec\.template\.spec\.container\[0\]\.security_context\.privileged is true\. Fix: .+/);
    expect(failure.message).toMatch(/\[insecure\/vsphere\/LegacyVm\] \[VM-EFI-SECUREBOOT\] HIGH .* firmware is "bios"\. Fix: .+/);
    expect(failure.message).toMatch(/\[insecure\/docker\/docker\] \[DOCKER-DAEMON-TLS\] HIGH provider\.docker at insecure\/docker\/docker: .*host is "tcp:\/\/10\.0\.0\.5:2375"\. Fix: .+ This rule cannot be suppressed\./);
  });

  test('the reports beside cdk.tf.json hold every expected finding; the CLI on the same stack synthesized without PolicyChecks agrees', () => {
    const dir = path.join(outdir, 'stacks', 'insecure');
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'policy-report.json'), 'utf8'));
    const keys = (list: any[]) => list.map((f) => `${f.resource} ${f.ruleId}`).sort();
    for (const [at, ruleId] of EXPECTED) expect(keys(report.findings)).toContain(`${addressOf(element(stack, at))} ${ruleId}`);
    // The failed synth wrote no cdk.tf.json; synthesize the same stack without PolicyChecks and run the CLI on it.
    const plainOut = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-insecure-plain-'));
    const plain = new App({ outdir: plainOut });
    insecureStack(plain);
    plain.synth();
    let out = '';
    const code = main(['check', '--format', 'json', plainOut], { out: (t) => { out += t; }, err: (t) => { out += t; } });
    expect(code).toBe(1);
    expect(keys(JSON.parse(out).findings)).toEqual(keys(report.findings));
  });

  test('suppressing the unsuppressible findings does not help; suppressing the others turns them into info', () => {
    const app = Testing.app();
    const again = insecureStack(app, 'again');
    Policy.suppress(again, 'DOCKER-DAEMON-TLS', 'the daemon is on an isolated lab network');
    Policy.suppress(again.node.findChild('docker').node.findChild('CiRunner'), 'DOCKER-NO-DOCKER-SOCKET', 'CI needs to build images on the host');
    Policy.suppress(again.node.findChild('k8s'), 'K8S-NO-PRIVILEGED', 'node agents need the host; reviewed in SEC-12');
    const checks = PolicyChecks.applyTo(again, { writeReports: false });
    Testing.synth(again);
    const by = (id: string) => checks.findings.filter((f) => f.baseRuleId === id).map((f) => f.suppressed);
    expect(by('DOCKER-DAEMON-TLS')).toEqual([false]);
    expect(by('DOCKER-NO-DOCKER-SOCKET')).toEqual([false]);
    expect(by('K8S-NO-PRIVILEGED')).toEqual([true, true]);
    const errors = again.node.findAll().flatMap(errorsOn);
    expect(errors.filter((m) => m.includes('cannot be suppressed: the rule is not suppressible'))).toHaveLength(2);
    expect(errors.filter((m) => m.startsWith('[K8S-NO-PRIVILEGED'))).toEqual([]);
  });
});
