// One compliant and one non-compliant raw L1 fixture per rule of PolicyPacks.all(), shared by the
// rule-coverage acceptance test and the unknown-never-passes test (test/safety).
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import {
  ApprovedPciDeviceRule, ImageReference, ImageScanGate, IPolicyRule, NetFlowRule, ReservedVlanRule, TrustedImage, VmVtpmRule,
} from '../../../lib';
import {
  Cfg, DIGEST, dockerContainer, dockerNetwork, drsOverride, dvPortGroup, dvSwitch, GPU_DEVICE, haOverride, hostPortGroup, hostSwitch, hypervProvider,
  hypervSwitch, hypervVm, k8sDeployment, k8sManifest, k8sNamespace,
  k8sPodSecurityPolicy, k8sRole, k8sRoleBinding, passthroughVm, pod, virtualboxVm, vmSnapshot,
  VM_HARDENING, vsphereVm, web,
} from './fixtures';

export type Subject = TerraformResource | TerraformProvider;
export type Factory = (stack: TerraformStack) => Subject;

export interface Coverage {
  /** A configured instance of the pack's rule (same id), for rules that need site input to pass or fail. */
  readonly rule?: IPolicyRule;
  /**
   * Builds the compliant subject (and whatever else the stack needs). `null` only for a control that is
   * not enforceable on the resource's hypervisor: no compliant L1 exists, and the rule must FAIL even on the
   * most locked-down one (`fail`).
   */
  readonly pass: Factory | null;
  /** Builds the non-compliant subject. */
  readonly fail: Factory;
  /** The attribute path the FAIL finding names. */
  readonly path: string;
  /**
   * The rule fails its resource type whatever it holds (K8S-NO-PSP): the compliant form is the type's absence,
   * so `pass` builds what replaces it and the rule must be NOT_APPLICABLE there.
   */
  readonly compliantByAbsence?: boolean;
}

const deploy = (mutate: (cfg: Cfg) => void = () => undefined): Factory => (s) => k8sDeployment(s, 'Subject', mutate);
const container = (mutate: (cfg: Cfg) => void = () => undefined): Factory => (s) => dockerContainer(s, 'Subject', mutate);
const vm = (mutate: (cfg: Cfg) => void = () => undefined): Factory => (s) => vsphereVm(s, 'Subject', mutate);
const ptVm = (mutate: (cfg: Cfg) => void = () => undefined, overrides = true): Factory => (s) => passthroughVm(s, 'Subject', mutate, overrides);
const dvpg = (mutate: (cfg: Cfg) => void = () => undefined): Factory => (s) => dvPortGroup(s, 'Subject', mutate);
const dvs = (mutate: (cfg: Cfg) => void = () => undefined): Factory => (s) => dvSwitch(s, 'Subject', mutate);
const vss = (mutate: (cfg: Cfg) => void = () => undefined): Factory => (s) => hostSwitch(s, 'Subject', mutate);
const hpg = (mutate: (cfg: Cfg) => void = () => undefined): Factory => (s) => hostPortGroup(s, 'Subject', mutate);
const ns = (parts: Parameters<typeof k8sNamespace>[3] = {}, mutate: (cfg: Cfg) => void = () => undefined): Factory => (s) => k8sNamespace(s, 'Subject', mutate, parts);
/** The Docker provider block itself (newStack configures it; the stack is rebuilt with this host). */
const provider = (host: string): Factory => (s) => {
  const existing = s.node.tryFindChild('docker') as TerraformProvider;
  (existing as any).host = host;
  return existing;
};

const hvVm = (mutate: (cfg: Cfg) => void = () => undefined): Factory => (s) => hypervVm(s, 'Subject', mutate);
const hvAdaptor = (mutate: (nic: Cfg) => void): Factory => hvVm((c) => mutate(c.networkAdaptors[0]));
const hvProvider = (mutate: (cfg: Cfg) => void = () => undefined): Factory => (s) => hypervProvider(s, mutate);
const vbox = (mutate: (cfg: Cfg) => void = () => undefined): Factory => (s) => virtualboxVm(s, 'Subject', mutate);
/** A Service of the given type selecting the deployment fixture's pods. */
const service = (type: string): Factory => (s) => new ServiceV1(s, 'Subject', {
  metadata: { name: 'web', namespace: 'apps' }, spec: { type, selector: { app: 'web' }, port: [{ port: 8080, targetPort: 'http' }] },
});

const C = 'spec.template.spec.container[0]';
const P = 'spec.template.spec';

export const TABLE: { [ruleId: string]: Coverage } = {
  // ---------------- Kubernetes
  'K8S-HOST-NAMESPACES': { pass: deploy(), fail: deploy((c) => { pod(c).hostNetwork = true; }), path: `${P}.host_network` },
  'K8S-NO-PRIVILEGED': { pass: deploy(), fail: deploy((c) => { web(c).securityContext.privileged = true; }), path: `${C}.security_context.privileged` },
  'K8S-CAPS-BASELINE': { pass: deploy(), fail: deploy((c) => { web(c).securityContext.capabilities.add = ['SYS_ADMIN']; }), path: `${C}.security_context.capabilities.add` },
  'K8S-NO-HOSTPATH': { pass: deploy(), fail: deploy((c) => { pod(c).volume.push({ name: 'logs', hostPath: { path: '/var/log' } }); }), path: `${P}.volume[1].host_path` },
  'K8S-NO-HOSTPORT': { pass: deploy(), fail: deploy((c) => { web(c).port[0].hostPort = 8080; }), path: `${C}.port[0].host_port` },
  'K8S-APPARMOR': {
    pass: deploy(),
    fail: deploy((c) => { c.spec.template.metadata.annotations['container.apparmor.security.beta.kubernetes.io/web'] = 'unconfined'; }),
    path: 'spec.template.metadata.annotations["container.apparmor.security.beta.kubernetes.io/web"]',
  },
  'K8S-SELINUX': { pass: deploy(), fail: deploy((c) => { web(c).securityContext.seLinuxOptions = { type: 'spc_t' }; }), path: `${C}.security_context.se_linux_options.type` },
  'K8S-PROCMOUNT': {
    pass: (s) => k8sManifest(s, 'Subject'),
    fail: (s) => k8sManifest(s, 'Subject', (c) => { c.securityContext.procMount = 'Unmasked'; }),
    path: 'manifest.spec.template.spec.containers[0].securityContext.procMount',
  },
  'K8S-SYSCTLS': {
    pass: deploy((c) => { pod(c).securityContext.sysctl = [{ name: 'net.ipv4.tcp_syncookies', value: '1' }]; }),
    fail: deploy((c) => { pod(c).securityContext.sysctl = [{ name: 'kernel.msgmax', value: '65536' }]; }),
    path: `${P}.security_context.sysctl[0].name`,
  },
  'K8S-WIN-HOSTPROCESS': {
    pass: deploy(),
    fail: deploy((c) => { pod(c).securityContext.windowsOptions = { hostProcess: true, runAsUserName: 'NT AUTHORITY\\SYSTEM' }; }),
    path: `${P}.security_context.windows_options.host_process`,
  },
  'K8S-PROBE-HOST': { pass: deploy(), fail: deploy((c) => { web(c).livenessProbe.httpGet.host = '10.0.0.1'; }), path: `${C}.liveness_probe.http_get.host` },
  'K8S-VOLUME-TYPES': {
    pass: deploy(),
    fail: deploy((c) => { pod(c).volume.push({ name: 'share', nfs: { server: 'nfs.example.com', path: '/export' } }); }),
    path: `${P}.volume[1].nfs`,
  },
  'K8S-NO-PRIV-ESC': { pass: deploy(), fail: deploy((c) => { web(c).securityContext.allowPrivilegeEscalation = true; }), path: `${C}.security_context.allow_privilege_escalation` },
  'K8S-RUNASNONROOT': {
    pass: deploy(),
    fail: deploy((c) => { pod(c).securityContext.runAsNonRoot = false; delete web(c).securityContext.runAsNonRoot; }),
    path: `${P}.security_context.run_as_non_root`,
  },
  'K8S-RUNASUSER-NONZERO': { pass: deploy(), fail: deploy((c) => { web(c).securityContext.runAsUser = '0'; }), path: `${C}.security_context.run_as_user` },
  'K8S-NONROOT-GROUP': { pass: deploy(), fail: deploy((c) => { pod(c).securityContext.fsGroup = '0'; }), path: `${P}.security_context.fs_group` },
  'K8S-CAPS-DROP-ALL': { pass: deploy(), fail: deploy((c) => { web(c).securityContext.capabilities.drop = ['NET_RAW']; }), path: `${C}.security_context.capabilities.drop` },
  'K8S-SECCOMP': { pass: deploy(), fail: deploy((c) => { pod(c).securityContext.seccompProfile.type = 'Unconfined'; }), path: `${P}.security_context.seccomp_profile.type` },
  'K8S-READONLY-ROOTFS': { pass: deploy(), fail: deploy((c) => { web(c).securityContext.readOnlyRootFilesystem = false; }), path: `${C}.security_context.read_only_root_filesystem` },
  'K8S-WRITABLE-SCRATCH': { pass: deploy(), fail: deploy((c) => { delete pod(c).volume[0].emptyDir.sizeLimit; }), path: `${P}.volume[0].empty_dir.size_limit` },
  'K8S-RESOURCES': { pass: deploy(), fail: deploy((c) => { delete web(c).resources.limits.memory; }), path: `${C}.resources.limits["memory"]` },
  'K8S-SA-TOKEN': { pass: deploy(), fail: deploy((c) => { pod(c).automountServiceAccountToken = true; }), path: `${P}.automount_service_account_token` },
  'K8S-DEDICATED-SA': { pass: deploy(), fail: deploy((c) => { pod(c).serviceAccountName = 'default'; }), path: `${P}.service_account_name` },
  'K8S-NO-SHARED-PROCNS': { pass: deploy(), fail: deploy((c) => { pod(c).shareProcessNamespace = true; }), path: `${P}.share_process_namespace` },
  'K8S-MOUNT-PROPAGATION': { pass: deploy(), fail: deploy((c) => { web(c).volumeMount[0].mountPropagation = 'Bidirectional'; }), path: `${C}.volume_mount[0].mount_propagation` },
  'K8S-IMAGE-DIGEST': { pass: deploy(), fail: deploy((c) => { web(c).image = 'nginx:1.27'; }), path: `${C}.image` },
  'K8S-RUNTIMECLASS': {
    pass: deploy((c) => { c.spec.template.metadata.labels['cdktf-hybrid.io/untrusted'] = 'true'; pod(c).runtimeClassName = 'gvisor'; }),
    fail: deploy((c) => { c.spec.template.metadata.labels['cdktf-hybrid.io/untrusted'] = 'true'; }),
    path: `${P}.runtime_class_name`,
  },
  'K8S-NS-DEDICATED': { pass: deploy(), fail: deploy((c) => { c.metadata.namespace = 'default'; }), path: 'metadata.namespace' },
  'K8S-PSA-LABELS': {
    pass: ns(),
    fail: ns({}, (c) => { c.metadata.labels['pod-security.kubernetes.io/enforce'] = 'privileged'; }),
    path: 'metadata.labels["pod-security.kubernetes.io/enforce"]',
  },
  'K8S-NETPOL-DEFAULT-DENY': { pass: ns(), fail: ns({ denyAll: false }), path: 'metadata.name' },
  'K8S-RESOURCEQUOTA': { pass: ns(), fail: ns({ quota: false }), path: 'metadata.name' },
  'K8S-LIMITRANGE': { pass: ns(), fail: ns({ limitRange: false }), path: 'metadata.name' },
  'K8S-RBAC-NO-WILDCARD': {
    pass: (s) => k8sRole(s, 'Subject'),
    fail: (s) => k8sRole(s, 'Subject', (c) => { c.rule[1].verbs = ['*']; }, true),
    path: 'rule[1].verbs[0]',
  },
  'K8S-RBAC-DEFAULT-SA': {
    pass: (s) => k8sRoleBinding(s, 'Subject'),
    fail: (s) => k8sRoleBinding(s, 'Subject', (c) => { c.subject.push({ kind: 'ServiceAccount', name: 'default', namespace: 'apps' }); }),
    path: 'subject[1].name',
  },
  'K8S-SECRETS-AS-FILES': {
    pass: deploy((c) => {
      pod(c).volume.push({ name: 'db', secret: { secretName: 'db-credentials' } });
      web(c).volumeMount.push({ name: 'db', mountPath: '/run/secrets/db', readOnly: true });
    }),
    fail: deploy((c) => { web(c).env = [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'password' } } }]; }),
    path: `${C}.env[0].value_from.secret_key_ref`,
  },
  'K8S-NO-PSP': { compliantByAbsence: true, pass: ns(), fail: (s) => k8sPodSecurityPolicy(s, 'Subject'), path: '' },
  'K8S-SERVICE-EXPOSURE': { pass: service('ClusterIP'), fail: service('NodePort'), path: 'spec.type' },
  'PT-K8S-GPU': {
    pass: deploy((c) => { web(c).resources.limits['nvidia.com/gpu'] = '1'; }),
    fail: deploy((c) => { web(c).resources.limits['nvidia.com/gpu'] = '1'; web(c).securityContext.privileged = true; }),
    path: `${C}.security_context.privileged`,
  },

  // ---------------- Docker
  'DOCKER-APPARMOR': { pass: container(), fail: container((c) => { c.securityOpts = ['no-new-privileges:true', 'apparmor=unconfined']; }), path: 'security_opts[1]' },
  'DOCKER-SELINUX': { pass: container(), fail: container((c) => { c.securityOpts.push('label=disable'); }), path: 'security_opts[2]' },
  'DOCKER-CAPS-DROP-ALL': { pass: container(), fail: container((c) => { c.capabilities.add = ['SYS_ADMIN']; }), path: 'capabilities.add[0]' },
  'DOCKER-NO-PRIVILEGED': { pass: container(), fail: container((c) => { c.privileged = true; }), path: 'privileged' },
  'DOCKER-NO-SENSITIVE-MOUNTS': { pass: container(), fail: container((c) => { c.volumes = [{ hostPath: '/etc', containerPath: '/host-etc' }]; }), path: 'volumes[0].host_path' },
  'DOCKER-NO-PRIV-PORTS': { pass: container(), fail: container((c) => { c.ports = [{ internal: 80, external: 80, ip: '127.0.0.1' }]; }), path: 'ports[0].external' },
  'DOCKER-ONLY-NEEDED-PORTS': { pass: container(), fail: container((c) => { c.publishAllPorts = true; }), path: 'publish_all_ports' },
  'DOCKER-NO-HOST-NET': { pass: container(), fail: container((c) => { c.networkMode = 'host'; }), path: 'network_mode' },
  'DOCKER-MEMORY-LIMIT': { pass: container(), fail: container((c) => { delete c.memory; }), path: 'memory' },
  'DOCKER-CPU-LIMIT': { pass: container(), fail: container((c) => { delete c.cpus; }), path: 'cpu_quota' },
  'DOCKER-READONLY-ROOTFS': { pass: container(), fail: container((c) => { c.readOnly = false; }), path: 'read_only' },
  'DOCKER-WRITABLE-TMPFS': { pass: container(), fail: container((c) => { c.tmpfs = { '/tmp': 'rw' }; }), path: 'tmpfs["/tmp"]' },
  'DOCKER-BIND-HOST-IP': { pass: container(), fail: container((c) => { c.ports[0].ip = '0.0.0.0'; }), path: 'ports[0].ip' },
  'DOCKER-RESTART-POLICY': { pass: container(), fail: container((c) => { c.restart = 'always'; delete c.maxRetryCount; }), path: 'restart' },
  'DOCKER-NO-HOST-PID': { pass: container(), fail: container((c) => { c.pidMode = 'host'; }), path: 'pid_mode' },
  'DOCKER-NO-HOST-IPC': { pass: container(), fail: container((c) => { c.ipcMode = 'host'; }), path: 'ipc_mode' },
  'DOCKER-NO-HOST-DEVICES': { pass: container(), fail: container((c) => { c.devices = [{ hostPath: '/dev/sda' }]; }), path: 'devices[0].host_path' },
  'DOCKER-ULIMITS': {
    pass: container((c) => { c.ulimit = [{ name: 'nofile', soft: 1024, hard: 4096 }]; }),
    fail: container((c) => { c.ulimit = [{ name: 'core', soft: 0, hard: 0 }]; }),
    path: 'ulimit[0].name',
  },
  'DOCKER-NO-SHARED-PROPAGATION': {
    pass: container(),
    fail: container((c) => { c.mounts = [{ type: 'bind', source: '/srv/data', target: '/data', bindOptions: { propagation: 'rshared' } }]; }),
    path: 'mounts[0].bind_options.propagation',
  },
  'DOCKER-SECCOMP': { pass: container(), fail: container((c) => { c.securityOpts.push('seccomp=unconfined'); }), path: 'security_opts[2]' },
  'DOCKER-NO-CGROUP-PARENT': { pass: container(), fail: container((c) => { c.cgroupParent = '/custom'; }), path: 'cgroup_parent' },
  'DOCKER-NO-NEW-PRIVILEGES': { pass: container(), fail: container((c) => { c.securityOpts = ['apparmor=docker-default']; }), path: 'security_opts' },
  'DOCKER-HEALTHCHECK': { pass: container(), fail: container((c) => { delete c.healthcheck; }), path: 'healthcheck' },
  'DOCKER-IMAGE-PINNED': { pass: container(), fail: container((c) => { c.image = 'nginx:1.27'; }), path: 'image' },
  'DOCKER-IMAGE-SCANNED': {
    // The raw container with the gate and guard ImageScanGate renders for its image.
    pass: (s) => {
      const image = new TrustedImage(s, 'SubjectImage', { image: ImageReference.parse(`registry.example.com/web@${DIGEST}`), allowedRegistries: ['registry.example.com'] });
      const gate = new ImageScanGate(s, 'SubjectScan', { image });
      const subject = dockerContainer(s, 'Subject', (c) => { c.image = image.imageId; c.dependsOn = [gate.resource]; });
      gate._guard(subject);
      return subject;
    },
    fail: container(),
    path: 'depends_on',
  },
  'DOCKER-NO-DEFAULT-BRIDGE': { pass: container(), fail: container((c) => { delete c.networksAdvanced; c.networkMode = 'bridge'; }), path: 'network_mode' },
  'DOCKER-NO-HOST-USERNS': { pass: container(), fail: container((c) => { c.usernsMode = 'host'; }), path: 'userns_mode' },
  'DOCKER-NO-DOCKER-SOCKET': {
    pass: container(),
    fail: container((c) => { c.volumes = [{ hostPath: '/var/run/docker.sock', containerPath: '/var/run/docker.sock' }]; }),
    path: 'volumes[0].host_path',
  },
  'DOCKER-NONROOT-USER': { pass: container(), fail: container((c) => { c.user = 'root'; }), path: 'user' },
  'DOCKER-DAEMON-TLS': { pass: provider('ssh://deploy@docker-host.example.com:22'), fail: provider('tcp://10.0.0.5:2375'), path: 'host' },
  'DOCKER-NET-ICC': { pass: (s) => dockerNetwork(s, 'Subject'), fail: (s) => dockerNetwork(s, 'Subject', (c) => { delete c.options; }), path: 'options["com.docker.network.bridge.enable_icc"]' },
  'DOCKER-SYSCTLS': {
    pass: container((c) => { c.sysctls = { 'net.ipv4.ip_unprivileged_port_start': '80' }; }),
    fail: container((c) => { c.sysctls = { 'kernel.msgmax': '65536' }; }),
    path: 'sysctls["kernel.msgmax"]',
  },
  'PT-DOCKER-GPU': { pass: container(), fail: container((c) => { c.gpus = 'all'; }), path: 'gpus' },

  // ---------------- vSphere VMs
  ...Object.fromEntries(Object.entries(VM_HARDENING).map(([ruleId, [key, , insecure]]) => [ruleId, {
    pass: vm(), fail: vm((c) => { c.extraConfig[key] = insecure; }), path: `extra_config["${key}"]`,
  } as Coverage])),
  'VM-NO-PSHARE-SALT': { pass: vm(), fail: vm((c) => { c.extraConfig['sched.mem.pshare.salt'] = 'shared'; }), path: 'extra_config["sched.mem.pshare.salt"]' },
  'VM-NO-DVFILTER': {
    pass: vm(),
    fail: vm((c) => { c.extraConfig['ethernet0.filter0.name'] = 'dvfilter-generic-vmware'; }),
    path: 'extra_config["ethernet0.filter0.name"]',
  },
  'VM-LOGGING': { pass: vm(), fail: vm((c) => { c.enableLogging = false; }), path: 'enable_logging' },
  'VM-DISK-PERSISTENT': { pass: vm(), fail: vm((c) => { c.disk[0].diskMode = 'independent_nonpersistent'; }), path: 'disk[0].disk_mode' },
  'VM-NO-CDROM': { pass: vm(), fail: vm((c) => { c.cdrom = [{ clientDevice: true }]; }), path: 'cdrom[0]' },
  'VM-NO-PASSTHROUGH': { pass: vm(), fail: vm((c) => { c.pciDeviceId = [GPU_DEVICE]; }), path: 'pci_device_id[0]' },
  'VM-EFI-SECUREBOOT': { pass: vm(), fail: vm((c) => { c.firmware = 'bios'; delete c.efiSecureBootEnabled; }), path: 'firmware' },
  'VM-HW-VERSION': { pass: vm(), fail: vm((c) => { c.hardwareVersion = 15; }), path: 'hardware_version' },
  'VM-VTPM': {
    rule: new VmVtpmRule({ required: true }),
    pass: vm((c) => { c.vtpm = { version: '2.0' }; }),
    fail: vm(),
    path: 'vtpm',
  },
  'VM-VBS': { pass: vm(), fail: vm((c) => { c.nestedHvEnabled = true; }), path: 'nested_hv_enabled' },
  'VM-ENCRYPTION': { pass: vm(), fail: vm((c) => { delete c.storagePolicyId; }), path: 'storage_policy_id' },
  'VM-NO-HOTADD': { pass: vm(), fail: vm((c) => { c.cpuHotAddEnabled = true; }), path: 'cpu_hot_add_enabled' },
  'VM-EXTRA-CONFIG-APPLY': { pass: vm(), fail: vm((c) => { c.extraConfigRebootRequired = false; }), path: 'extra_config_reboot_required' },

  // ---------------- vSphere networks
  'NET-DVPG-PROMISCUOUS': { pass: dvpg(), fail: dvpg((c) => { c.allowPromiscuous = true; }), path: 'allow_promiscuous' },
  'NET-DVPG-FORGED': { pass: dvpg(), fail: dvpg((c) => { c.allowForgedTransmits = true; }), path: 'allow_forged_transmits' },
  'NET-DVPG-MACCHANGE': { pass: dvpg(), fail: dvpg((c) => { c.allowMacChanges = true; }), path: 'allow_mac_changes' },
  'NET-DVPG-NO-PORT-OVERRIDE': { pass: dvpg(), fail: dvpg((c) => { c.vlanOverrideAllowed = true; }), path: 'vlan_override_allowed' },
  'NET-DVPG-RESET-DISCONNECT': { pass: dvpg(), fail: dvpg((c) => { c.portConfigResetAtDisconnect = false; }), path: 'port_config_reset_at_disconnect' },
  'NET-NETFLOW': {
    rule: new NetFlowRule({ approvedCollectors: ['10.0.0.50'] }),
    pass: dvs((c) => { c.netflowCollectorIpAddress = '10.0.0.50'; }),
    fail: dvs((c) => { c.netflowCollectorIpAddress = '192.0.2.9'; }),
    path: 'netflow_collector_ip_address',
  },
  'NET-DVPG-NATIVE-VLAN': { pass: dvpg(), fail: dvpg((c) => { c.vlanId = 1; }), path: 'vlan_id' },
  'NET-DVPG-NO-TRUNK': { pass: dvpg(), fail: dvpg((c) => { delete c.vlanId; c.vlanRange = [{ minVlan: 100, maxVlan: 200 }]; }), path: 'vlan_range[0]' },
  'NET-DVPG-RESERVED-VLAN': {
    rule: new ReservedVlanRule({ reservedVlanRanges: [{ minVlan: 1001, maxVlan: 1024 }, { minVlan: 4094, maxVlan: 4094 }] }),
    pass: dvpg(),
    fail: dvpg((c) => { c.vlanId = 1002; }),
    path: 'vlan_id',
  },
  'NET-DVS-DISCOVERY': { pass: dvs(), fail: dvs((c) => { c.linkDiscoveryOperation = 'listen'; }), path: 'link_discovery_operation' },
  'NET-DVS-NIOC': { pass: dvs(), fail: dvs((c) => { c.networkResourceControlEnabled = false; }), path: 'network_resource_control_enabled' },
  'NET-VSS-PROMISCUOUS': { pass: vss(), fail: vss((c) => { c.allowPromiscuous = true; }), path: 'allow_promiscuous' },
  'NET-VSS-FORGED': { pass: vss(), fail: vss((c) => { c.allowForgedTransmits = true; }), path: 'allow_forged_transmits' },
  'NET-VSS-MACCHANGE': { pass: vss(), fail: vss((c) => { c.allowMacChanges = true; }), path: 'allow_mac_changes' },
  'NET-VSS-NO-OVERRIDE': { pass: hpg(), fail: hpg((c) => { c.allowMacChanges = true; }), path: 'allow_mac_changes' },
  'NET-VSS-NO-VGT': { pass: hpg(), fail: hpg((c) => { c.vlanId = 4095; }), path: 'vlan_id' },

  // ---------------- passthrough
  'PT-APPROVED-DEVICE': {
    rule: new ApprovedPciDeviceRule({ approvedDeviceIds: [GPU_DEVICE] }),
    pass: ptVm(),
    fail: ptVm((c) => { c.pciDeviceId = [GPU_DEVICE, '0000:af:00.0']; }),
    path: 'pci_device_id[1]',
  },
  'PT-HOST-PINNED': { pass: ptVm(), fail: ptVm((c) => { delete c.hostSystemId; }), path: 'host_system_id' },
  'PT-FULL-MEM-RESERVATION': { pass: ptVm(), fail: ptVm((c) => { c.memoryReservation = 8192; }), path: 'memory_reservation' },
  'PT-EFI-FIRMWARE': { pass: ptVm(), fail: ptVm((c) => { c.firmware = 'bios'; }), path: 'firmware' },
  'PT-64BIT-MMIO': { pass: ptVm(), fail: ptVm((c) => { c.extraConfig['pciPassthru.use64bitMMIO'] = 'FALSE'; }), path: 'extra_config["pciPassthru.use64bitMMIO"]' },
  'PT-MMIO-SIZE': { pass: ptVm(), fail: ptVm((c) => { c.extraConfig['pciPassthru.64bitMMIOSizeGB'] = '100'; }), path: 'extra_config["pciPassthru.64bitMMIOSizeGB"]' },
  'PT-NO-SNAPSHOT': {
    pass: (s) => vmSnapshot(s, 'Subject', vsphereVm(s, 'Plain')),
    fail: (s) => vmSnapshot(s, 'Subject', passthroughVm(s, 'Gpu')),
    path: 'virtual_machine_uuid',
  },
  'PT-NO-MIGRATION': {
    pass: ptVm(),
    fail: (s) => {
      const subject = passthroughVm(s, 'Subject', () => undefined, false);
      drsOverride(s, 'SubjectDrs', subject, { drsEnabled: true, drsAutomationLevel: 'fullyAutomated' });
      return subject;
    },
    path: 'vsphere_drs_vm_override.SubjectDrs.drs_enabled',
  },
  'PT-NO-HA': {
    pass: ptVm(),
    fail: (s) => {
      const subject = passthroughVm(s, 'Subject', () => undefined, false);
      haOverride(s, 'SubjectHa', subject, { haVmRestartPriority: 'high' });
      return subject;
    },
    path: 'vsphere_ha_vm_override.SubjectHa.ha_vm_restart_priority',
  },
  'PT-NO-HOTADD': { pass: ptVm(), fail: ptVm((c) => { c.memoryHotAddEnabled = true; }), path: 'memory_hot_add_enabled' },
  'PT-SRIOV': {
    pass: ptVm((c) => { c.networkInterface.push({ networkId: 'dvportgroup-22', adapterType: 'sriov', physicalFunction: '0000:3b:00.1' }); }),
    fail: ptVm((c) => { c.networkInterface.push({ networkId: 'dvportgroup-22', adapterType: 'sriov' }); }),
    path: 'network_interface[1].physical_function',
  },

  // ---------------- Hyper-V (taliesins/hyperv 1.2.1, hand-written L1s)
  'HV-PROVIDER-TLS': { pass: hvProvider(), fail: hvProvider((c) => { c.insecure = true; }), path: 'insecure' },
  'HV-PROVIDER-CREDENTIALS': { pass: hvProvider(), fail: hvProvider((c) => { c.password = 'Passw0rd!'; }), path: 'password' },
  'HV-GENERATION-2': { pass: hvVm(), fail: hvVm((c) => { c.generation = 1; delete c.vmFirmware; }), path: 'generation' },
  'HV-SECURE-BOOT': { pass: hvVm(), fail: hvVm((c) => { c.vmFirmware[0].enableSecureBoot = 'Off'; }), path: 'vm_firmware[0].enable_secure_boot' },
  'HV-BOOT-DEVICES': {
    pass: hvVm(),
    fail: hvVm((c) => { c.vmFirmware[0].bootOrder.push({ bootType: 'NetworkAdapter', networkAdapterName: 'nic0' }); }),
    path: 'vm_firmware[0].boot_order[1].boot_type',
  },
  'HV-NESTED-VIRT': { pass: hvVm(), fail: hvVm((c) => { c.vmProcessor[0].exposeVirtualizationExtensions = true; }), path: 'vm_processor[0].expose_virtualization_extensions' },
  'HV-HOST-RESOURCE-PROTECTION': { pass: hvVm(), fail: hvVm((c) => { delete c.vmProcessor[0].enableHostResourceProtection; }), path: 'vm_processor[0].enable_host_resource_protection' },
  'HV-GUEST-SERVICE-INTERFACE': {
    pass: hvVm(),
    fail: hvVm((c) => { c.integrationServices['Guest Service Interface'] = true; }),
    path: 'integration_services["Guest Service Interface"]',
  },
  'HV-CHECKPOINT-TYPE': { pass: hvVm(), fail: hvVm((c) => { c.checkpointType = 'Standard'; }), path: 'checkpoint_type' },
  'HV-AUTO-STOP': { pass: hvVm(), fail: hvVm((c) => { c.automaticStopAction = 'Save'; }), path: 'automatic_stop_action' },
  'HV-LOCK-ON-DISCONNECT': { pass: hvVm(), fail: hvVm((c) => { delete c.lockOnDisconnect; }), path: 'lock_on_disconnect' },
  'HV-MAC-SPOOFING': { pass: hvVm(), fail: hvAdaptor((n) => { n.macAddressSpoofing = 'On'; }), path: 'network_adaptors[0].mac_address_spoofing' },
  'HV-DHCP-GUARD': { pass: hvVm(), fail: hvAdaptor((n) => { delete n.dhcpGuard; }), path: 'network_adaptors[0].dhcp_guard' },
  'HV-ROUTER-GUARD': { pass: hvVm(), fail: hvAdaptor((n) => { n.routerGuard = 'Off'; }), path: 'network_adaptors[0].router_guard' },
  'HV-PORT-MIRRORING': { pass: hvVm(), fail: hvAdaptor((n) => { n.portMirroring = 'Source'; }), path: 'network_adaptors[0].port_mirroring' },
  'HV-VLAN-ACCESS': { pass: hvVm(), fail: hvAdaptor((n) => { delete n.vlanAccess; }), path: 'network_adaptors[0].vlan_access' },
  'HV-SWITCH-ISOLATION': { pass: (s) => hypervSwitch(s, 'Subject'), fail: (s) => hypervSwitch(s, 'Subject', (c) => { delete c.allowManagementOs; }), path: 'allow_management_os' },

  // ---------------- VirtualBox (shekeriev/virtualbox 0.0.4, hand-written L1)
  'VBOX-NET-ISOLATED': { pass: vbox(), fail: vbox((c) => { c.networkAdapter[1] = { type: 'bridged', hostInterface: 'en0' }; }), path: 'network_adapter[1].type' },
  'VBOX-BOOT-DEVICES': { pass: vbox(), fail: vbox((c) => { c.bootOrder = ['net', 'disk']; }), path: 'boot_order[0]' },
  'VBOX-NO-OPTICAL-DISKS': { pass: vbox(), fail: vbox((c) => { c.opticalDisks = ['/isos/installer.iso']; }), path: 'optical_disks' },
  'VBOX-IMAGE-HTTPS': { pass: vbox(), fail: vbox((c) => { c.image = 'http://boxes.example.com/debian-12.box'; }), path: 'image' },
  // Not enforceable on VirtualBox: no compliant virtualbox_vm exists; the most locked-down one above still fails, per control.
  'VBOX-NOT-ENFORCEABLE': { pass: null, fail: vbox(), path: 'vm_firmware.enable_secure_boot' },
};
