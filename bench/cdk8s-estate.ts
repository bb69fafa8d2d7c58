// The Kubernetes-only estate of estate.ts written with cdk8s + cdk8s-plus-33 (a bench-only dev
// dependency), for a comparison with another construct library: the same hardened Deployments with
// namespaces (PSA labels, LimitRange, ResourceQuota, default-deny and DNS egress policies), a service
// account, Service, NetworkPolicy and PodDisruptionBudget each. It renders YAML, not Terraform JSON, so
// it is compared by time only.
import { ApiObject, App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { countsOf, K8S_IMAGE } from './estate';

const MANAGED = { 'app.kubernetes.io/managed-by': 'cdktf-hybrid' };
const PSA = Object.fromEntries(['audit', 'enforce', 'warn'].flatMap((mode) => [
  [`pod-security.kubernetes.io/${mode}`, 'restricted'], [`pod-security.kubernetes.io/${mode}-version`, 'v1.29']]));

/** Builds N Kubernetes workloads with cdk8s-plus and synthesizes them into `outdir`. */
export function synthCdk8s(outdir: string, n: number): void {
  const counts = countsOf('kubernetes', n);
  const app = new App({ outdir });
  const chart = new Chart(app, 'estate');
  const namespaces: string[] = [];
  for (let j = 0; j < counts.namespaces; j++) {
    const namespace = `team-${j}`;
    namespaces.push(namespace);
    new kplus.Namespace(chart, `ns${j}`, { metadata: { name: namespace, labels: { ...MANAGED, ...PSA } } });
    const metadata = (name: string) => ({ name, namespace, labels: { ...MANAGED } });
    new ApiObject(chart, `ns${j}-limits`, {
      apiVersion: 'v1', kind: 'LimitRange', metadata: metadata('container-defaults'),
      spec: { limits: [{ type: 'Container', default: { 'cpu': '500m', 'ephemeral-storage': '512Mi', 'memory': '256Mi' }, defaultRequest: { 'cpu': '100m', 'ephemeral-storage': '128Mi', 'memory': '128Mi' }, max: { 'cpu': '4', 'ephemeral-storage': '8Gi', 'memory': '8Gi' } }] },
    });
    new ApiObject(chart, `ns${j}-quota`, {
      apiVersion: 'v1', kind: 'ResourceQuota', metadata: metadata('quota'),
      spec: { hard: { 'limits.cpu': '16', 'limits.ephemeral-storage': '64Gi', 'limits.memory': '32Gi', 'persistentvolumeclaims': '20', 'pods': '50', 'requests.cpu': '8', 'requests.memory': '16Gi', 'services': '20' } },
    });
    new kplus.NetworkPolicy(chart, `ns${j}-deny`, {
      metadata: metadata('default-deny-all'), selector: kplus.Pods.all(chart, `ns${j}-all`, { namespaces: kplus.Namespaces.select(chart, `ns${j}-sel`, { names: [namespace] }) }),
      ingress: { default: kplus.NetworkPolicyTrafficDefault.DENY }, egress: { default: kplus.NetworkPolicyTrafficDefault.DENY },
    });
    new ApiObject(chart, `ns${j}-dns`, {
      apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: metadata('allow-dns-egress'),
      spec: {
        podSelector: {}, policyTypes: ['Egress'],
        egress: [{ ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }], to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }] }],
      },
    });
  }
  for (let i = 0; i < counts.deployments; i++) {
    const name = `svc-${i}`;
    const namespace = namespaces[i % namespaces.length];
    const metadata = { name, namespace, labels: { ...MANAGED, 'app.kubernetes.io/name': name } };
    const serviceAccount = new kplus.ServiceAccount(chart, `d${i}-sa`, { metadata, automountToken: false });
    const scratch = kplus.Volume.fromEmptyDir(chart, `d${i}-tmp`, 'api-scratch-0', { sizeLimit: Size.mebibytes(64) });
    const probe = () => kplus.Probe.fromHttpGet('/healthz', { port: 8080 });
    const deployment = new kplus.Deployment(chart, `d${i}`, {
      metadata, replicas: 2, serviceAccount, automountServiceAccountToken: false,
      securityContext: { ensureNonRoot: true, user: 10001, group: 10001, fsGroup: 10001 },
      containers: [{
        name: 'api', image: K8S_IMAGE, portNumber: 8080,
        securityContext: { ensureNonRoot: true, user: 10001, group: 10001, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, privileged: false },
        resources: {
          cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.millis(500) },
          memory: { request: Size.mebibytes(256), limit: Size.mebibytes(512) },
          ephemeralStorage: { request: Size.gibibytes(1), limit: Size.gibibytes(1) }, // cdk8s-plus takes whole GiB here
        },
        liveness: probe(), readiness: probe(),
        volumeMounts: [{ path: '/tmp', volume: scratch }],
      }],
    });
    deployment.exposeViaService({ name, ports: [{ port: 8080 }] });
    new kplus.NetworkPolicy(chart, `d${i}-np`, {
      metadata, selector: deployment,
      ingress: { default: kplus.NetworkPolicyTrafficDefault.DENY }, egress: { default: kplus.NetworkPolicyTrafficDefault.DENY },
    });
    new ApiObject(chart, `d${i}-pdb`, {
      apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata,
      spec: { maxUnavailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': name } } },
    });
  }
  app.synth();
}
