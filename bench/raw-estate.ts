// The benchmark's raw twin: the estate of estate.ts written by hand as raw provider L1s, attribute for
// attribute what the library synthesizes (same construct paths, so the same Terraform addresses). The
// benchmark checks that both give the same cdk.tf.json once cdktf's metadata is removed, so the raw
// side does the same Terraform work and the ratio measures only the library's own cost.
import { Container } from '@cdktf/provider-docker/lib/container';
import { Image } from '@cdktf/provider-docker/lib/image';
import { Network } from '@cdktf/provider-docker/lib/network';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { LimitRangeV1 } from '@cdktf/provider-kubernetes/lib/limit-range-v1';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { PodDisruptionBudgetV1 } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import { ResourceQuotaV1 } from '@cdktf/provider-kubernetes/lib/resource-quota-v1';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { DataVsphereComputeCluster } from '@cdktf/provider-vsphere/lib/data-vsphere-compute-cluster';
import { DataVsphereDatacenter } from '@cdktf/provider-vsphere/lib/data-vsphere-datacenter';
import { DataVsphereDatastore } from '@cdktf/provider-vsphere/lib/data-vsphere-datastore';
import { DataVsphereVirtualMachine } from '@cdktf/provider-vsphere/lib/data-vsphere-virtual-machine';
import { VirtualMachine } from '@cdktf/provider-vsphere/lib/virtual-machine';
import { DataResource, Op, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { addProviders, countsOf, DOCKER_IMAGE, K8S_IMAGE, Mix } from './estate';

const MANAGED = { 'app.kubernetes.io/managed-by': 'cdktf-hybrid' };
const PSA = Object.fromEntries(['audit', 'enforce', 'warn'].flatMap((mode) => [
  [`pod-security.kubernetes.io/${mode}`, 'restricted'], [`pod-security.kubernetes.io/${mode}-version`, 'v1.29']]));

function namespace(stack: TerraformStack, j: number): NamespaceV1 {
  const scope = new Construct(stack, `ns${j}`);
  const ns = new NamespaceV1(scope, 'Resource', { metadata: { name: `team-${j}`, labels: { ...MANAGED, ...PSA } } });
  const metadata = (name: string) => ({ name, namespace: ns.metadata.name, labels: { ...MANAGED } });
  new LimitRangeV1(scope, 'LimitRange', {
    metadata: metadata('container-defaults'),
    spec: {
      limit: [{
        type: 'Container',
        default: { 'cpu': '500m', 'ephemeral-storage': '512Mi', 'memory': '256Mi' },
        defaultRequest: { 'cpu': '100m', 'ephemeral-storage': '128Mi', 'memory': '128Mi' },
        max: { 'cpu': '4', 'ephemeral-storage': '8Gi', 'memory': '8Gi' },
      }],
    },
  });
  new ResourceQuotaV1(scope, 'ResourceQuota', {
    metadata: metadata('quota'),
    spec: {
      hard: {
        'limits.cpu': '16', 'limits.ephemeral-storage': '64Gi', 'limits.memory': '32Gi', 'persistentvolumeclaims': '20', 'pods': '50',
        'requests.cpu': '8', 'requests.memory': '16Gi', 'services': '20',
      },
    },
  });
  new NetworkPolicyV1(scope, 'DefaultDenyNetworkPolicy', { metadata: metadata('default-deny-all'), spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } });
  new NetworkPolicyV1(scope, 'DnsEgressNetworkPolicy', {
    metadata: metadata('allow-dns-egress'),
    spec: {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{
        ports: [{ port: '53', protocol: 'UDP' }, { port: '53', protocol: 'TCP' }],
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
      }],
    },
  });
  return ns;
}

function deployment(stack: TerraformStack, i: number, ns: NamespaceV1): void {
  const scope = new Construct(stack, `d${i}`);
  const name = `svc-${i}`;
  const selector = { 'app.kubernetes.io/name': name };
  const labels = { ...MANAGED, ...selector };
  const metadata = () => ({ name, namespace: ns.metadata.name, labels: { ...labels } });
  const account = new ServiceAccountV1(scope, 'ServiceAccount', { metadata: metadata(), automountServiceAccountToken: false });
  const runAs = { runAsGroup: '10001', runAsNonRoot: true, runAsUser: '10001', seccompProfile: { type: 'RuntimeDefault' } };
  const httpGet = { path: '/healthz', port: '8080', scheme: 'HTTP' };
  new DeploymentV1(scope, 'Resource', {
    metadata: metadata(),
    spec: {
      progressDeadlineSeconds: 600,
      replicas: '2',
      revisionHistoryLimit: 5,
      selector: { matchLabels: { ...selector } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '0' } },
      template: {
        metadata: { annotations: { 'container.apparmor.security.beta.kubernetes.io/api': 'runtime/default' }, labels: { ...labels } },
        spec: {
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [{
                weight: 100, podAffinityTerm: { labelSelector: [{ matchLabels: { ...selector } }], topologyKey: 'kubernetes.io/hostname' },
              }],
            },
          },
          automountServiceAccountToken: false,
          container: [{
            name: 'api',
            image: K8S_IMAGE,
            imagePullPolicy: 'Always',
            livenessProbe: { failureThreshold: 3, tcpSocket: [{ port: '8080' }], initialDelaySeconds: 0, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 3 },
            readinessProbe: { failureThreshold: 2, httpGet, initialDelaySeconds: 0, periodSeconds: 5, successThreshold: 1, timeoutSeconds: 3 },
            port: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
            resources: {
              limits: { 'cpu': '500m', 'ephemeral-storage': '512Mi', 'memory': '512Mi' },
              requests: { 'cpu': '250m', 'ephemeral-storage': '128Mi', 'memory': '256Mi' },
            },
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, privileged: false, readOnlyRootFilesystem: true, ...runAs },
            volumeMount: [{ mountPath: '/tmp', name: 'api-scratch-0', readOnly: false }],
          }],
          enableServiceLinks: false,
          hostIpc: false,
          hostNetwork: false,
          hostPid: false,
          restartPolicy: 'Always',
          securityContext: { fsGroup: '10001', ...runAs },
          serviceAccountName: account.metadata.name,
          shareProcessNamespace: false,
          topologySpreadConstraint: [{ labelSelector: [{ matchLabels: { ...selector } }], maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway' }],
          volume: [{ name: 'api-scratch-0', emptyDir: { sizeLimit: '64Mi' } }],
        },
      },
    },
  });
  new ServiceV1(scope, 'Service', {
    metadata: metadata(),
    spec: { type: 'ClusterIP', selector: { ...selector }, port: [{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }] },
  });
  new NetworkPolicyV1(scope, 'NetworkPolicy', { metadata: metadata(), spec: { podSelector: { matchLabels: { ...selector } }, policyTypes: ['Ingress', 'Egress'] } });
  new PodDisruptionBudgetV1(scope, 'PodDisruptionBudget', { metadata: metadata(), spec: { maxUnavailable: '1', selector: { matchLabels: { ...selector } } } });
}

const SCAN = `grype registry:${DOCKER_IMAGE} --fail-on high`;

function container(stack: TerraformStack, i: number, network: Network): void {
  const image = new Image(new Construct(stack, `img${i}`), 'Resource', { name: DOCKER_IMAGE, keepLocally: false });
  const gate = new Construct(stack, `scan${i}`);
  const triggersReplace = { image: DOCKER_IMAGE, scanner: 'grype', command: SCAN, threshold: 'high' };
  const scan = new DataResource(gate, 'Resource', {
    triggersReplace: { ...triggersReplace },
    provisioners: [{ type: 'local-exec', command: SCAN, interpreter: ['/bin/sh', '-c'] }],
  });
  const container = new Container(new Construct(stack, `c${i}`), 'Resource', {
    name: `edge-${i}`,
    image: image.imageId,
    dependsOn: [scan],
    user: '10001:10001',
    capabilities: { drop: ['ALL'] },
    cpuPeriod: 100000, cpuQuota: 50000, cpuShares: 512,
    memory: 512, memorySwap: 512,
    destroyGraceSeconds: 10,
    healthcheck: { test: ['CMD', '/app/healthcheck'], interval: '10s', timeout: '3s', startPeriod: '0s', retries: 3 },
    init: true,
    ipcMode: 'private',
    labels: [{ label: 'cdktf-hybrid.replace-trigger', value: '098a5710ab9ec7c8' }],
    logDriver: 'json-file', logOpts: { 'max-file': '3', 'max-size': '10m' },
    maxRetryCount: 5, restart: 'on-failure',
    networksAdvanced: [{ name: network.id }],
    privileged: false, publishAllPorts: false, readOnly: true,
    securityOpts: ['no-new-privileges=true'],
    tmpfs: { '/tmp': 'rw,noexec,nosuid,nodev,size=64m' },
    ulimit: [{ name: 'nofile', soft: 1024, hard: 4096 }, { name: 'nproc', soft: 512, hard: 512 }],
  });
  // Re-scans at destroy time when a new digest replaces the container, before the old one goes.
  new DataResource(gate, 'Guard', {
    dependsOn: [container],
    triggersReplace: { ...triggersReplace },
    provisioners: [{
      type: 'local-exec', when: 'destroy', interpreter: ['/bin/sh', '-c'],
      command: `if [ ${DOCKER_IMAGE} != '\${self.triggers_replace.image}' ]; then ${SCAN}; fi`,
    }],
  });
}

const EXTRA_CONFIG = {
  'RemoteDisplay.maxConnections': '1', 'bios.bootDeviceClasses': 'allow:hd', 'isolation.device.connectable.disable': 'TRUE',
  'isolation.tools.copy.disable': 'TRUE', 'isolation.tools.diskShrink.disable': 'TRUE', 'isolation.tools.diskWiper.disable': 'TRUE',
  'isolation.tools.dnd.disable': 'TRUE', 'isolation.tools.paste.disable': 'TRUE', 'isolation.tools.setGUIOptions.enable': 'FALSE',
  'isolation.tools.vmxDnDVersionGet.disable': 'TRUE', 'log.keepOld': '10', 'log.rotateSize': '2048000', 'mks.enable3d': 'FALSE',
  'tools.guest.desktop.autolock': 'TRUE', 'tools.guestlib.enableHostInfo': 'FALSE', 'tools.setInfo.sizeLimit': '1048576',
};

/** Builds the estate of `buildLibrary` with raw provider L1s. */
export function buildRaw(stack: TerraformStack, mix: Mix, n: number): void {
  addProviders(stack, mix);
  const counts = countsOf(mix, n);
  const namespaces: NamespaceV1[] = [];
  for (let j = 0; j < counts.namespaces; j++) namespaces.push(namespace(stack, j));
  for (let i = 0; i < counts.deployments; i++) deployment(stack, i, namespaces[i % namespaces.length]);
  const networks: Network[] = [];
  for (let j = 0; j < counts.networks; j++) {
    networks.push(new Network(new Construct(stack, `net${j}`), 'Resource', {
      name: `back-${j}`, driver: 'bridge', internal: true, attachable: false, options: { 'com.docker.network.bridge.enable_icc': 'false' },
    }));
  }
  for (let i = 0; i < counts.containers; i++) container(stack, i, networks[Math.floor(i / 100)]);
  if (counts.vms > 0) {
    const tpl = new Construct(stack, 'tpl');
    const datacenter = new DataVsphereDatacenter(tpl, 'Datacenter', { name: 'dc' });
    const cluster = new DataVsphereComputeCluster(tpl, 'ComputeCluster', { name: 'cl', datacenterId: datacenter.id });
    const datastore = new DataVsphereDatastore(tpl, 'Datastore', { name: 'ds', datacenterId: datacenter.id });
    const template = new DataVsphereVirtualMachine(tpl, 'Template', { name: 'golden', datacenterId: datacenter.id });
    for (let i = 0; i < counts.vms; i++) {
      new VirtualMachine(new Construct(stack, `vm${i}`), 'Resource', {
        name: `vm-${i}`,
        annotation: 'Managed by cdktf-hybrid',
        clone: { templateUuid: template.uuid },
        resourcePoolId: cluster.resourcePoolId,
        datastoreId: datastore.id,
        guestId: template.guestId,
        scsiType: template.scsiType,
        numCpus: 4, numCoresPerSocket: 2, memory: 8192, memoryReservation: 0,
        cpuHotAddEnabled: false, cpuHotRemoveEnabled: false, memoryHotAddEnabled: false,
        firmware: 'efi', efiSecureBootEnabled: true, enableLogging: true, hardwareVersion: 20,
        nestedHvEnabled: false, vbsEnabled: false, vvtdEnabled: false,
        extraConfig: { ...EXTRA_CONFIG }, extraConfigRebootRequired: true,
        // keep_on_remove: main keeps a VM's disks when they are removed from it (safety, 2597bfd)
        disk: [{ label: 'disk0', size: 40, diskMode: 'persistent', thinProvisioned: true, unitNumber: 0, keepOnRemove: true }],
        networkInterface: [{ networkId: 'net', adapterType: 'vmxnet3' }],
        lifecycle: {
          preventDestroy: true,
          precondition: [{
            condition: Op.eq(template.firmware, 'efi'),
            errorMessage: 'The template\'s firmware is not "efi" (spec.firmware): a clone keeps the template\'s boot loader and does not boot with other firmware. '
              + 'Set spec.firmware to the template\'s firmware, or rebuild the template.',
          }],
        },
      });
    }
  }
}
