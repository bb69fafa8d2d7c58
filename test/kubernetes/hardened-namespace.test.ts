import { LimitRangeV1 } from '@cdktf/provider-kubernetes/lib/limit-range-v1';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { ResourceQuotaV1 } from '@cdktf/provider-kubernetes/lib/resource-quota-v1';
import { TerraformStack, Testing } from 'cdktf';
import { Node } from 'constructs';
import { Cpu, HardenedNamespace, Size } from '../../lib';
import { message, resourceOf, synth } from './helpers';

function stack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'stack');
}

describe('HardenedNamespace', () => {
  test('default output (snapshot)', () => {
    expect(Testing.synthScope((s) => {
      new HardenedNamespace(s, 'Shop', { namespaceName: 'shop' });
    })).toMatchSnapshot();
  });

  test('K8S-PSA-LABELS: enforce, audit and warn at restricted, version pinned to v1.29 by default', () => {
    const out = Testing.synthScope((s) => {
      new HardenedNamespace(s, 'Shop', { namespaceName: 'shop' });
    });
    expect(out).toHaveResourceWithProperties(NamespaceV1, {
      metadata: {
        name: 'shop',
        labels: {
          'app.kubernetes.io/managed-by': 'cdktf-hybrid',
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/enforce-version': 'v1.29',
          'pod-security.kubernetes.io/audit': 'restricted',
          'pod-security.kubernetes.io/audit-version': 'v1.29',
          'pod-security.kubernetes.io/warn': 'restricted',
          'pod-security.kubernetes.io/warn-version': 'v1.29',
        },
      },
    });
  });

  test('K8S-PSA-LABELS: podSecurityVersion pins another version', () => {
    const s = stack();
    new HardenedNamespace(s, 'Shop', { namespaceName: 'shop', podSecurityVersion: 'v1.33' });
    const labels = resourceOf(synth(s), 'kubernetes_namespace_v1', 'Shop').metadata.labels;
    expect([labels['pod-security.kubernetes.io/enforce-version'], labels['pod-security.kubernetes.io/audit-version'], labels['pod-security.kubernetes.io/warn-version']])
      .toEqual(['v1.33', 'v1.33', 'v1.33']);
  });

  test('K8S-RESOURCEQUOTA: namespace-wide caps with default values', () => {
    const s = stack();
    new HardenedNamespace(s, 'Shop', { namespaceName: 'shop' });
    const quota = resourceOf(synth(s), 'kubernetes_resource_quota_v1', 'Shop');
    expect(quota.metadata.namespace).toMatch(/^\$\{kubernetes_namespace_v1\.Shop_[0-9A-F]+\.metadata\[0\]\.name\}$/);
    expect(quota.spec.hard).toEqual({
      'requests.cpu': '8', 'limits.cpu': '16', 'requests.memory': '16Gi', 'limits.memory': '32Gi',
      'limits.ephemeral-storage': '64Gi', 'pods': '50', 'services': '20', 'persistentvolumeclaims': '20',
    });
  });

  test('K8S-RESOURCEQUOTA: quota props', () => {
    const out = Testing.synthScope((s) => {
      new HardenedNamespace(s, 'Shop', { namespaceName: 'shop', quotaCpuRequests: Cpu.cores(2), quotaCpuLimits: Cpu.cores(4), quotaMemoryRequests: Size.gibibytes(4),
        quotaMemoryLimits: Size.gibibytes(8), quotaPods: 10, quotaServices: 3, quotaPersistentVolumeClaims: 0, quotaEphemeralStorageLimits: Size.gibibytes(10) });
    });
    expect(out).toHaveResourceWithProperties(ResourceQuotaV1, {
      spec: { hard: { 'requests.cpu': '2', 'limits.cpu': '4', 'requests.memory': '4Gi', 'limits.memory': '8Gi', 'limits.ephemeral-storage': '10Gi', 'pods': '10', 'services': '3', 'persistentvolumeclaims': '0' } },
    });
  });

  test('K8S-LIMITRANGE: container defaults and maxima for cpu, memory and ephemeral storage', () => {
    const out = Testing.synthScope((s) => {
      new HardenedNamespace(s, 'Shop', { namespaceName: 'shop' });
    });
    expect(out).toHaveResourceWithProperties(LimitRangeV1, {
      spec: {
        limit: [{
          type: 'Container',
          default: { 'cpu': '500m', 'memory': '256Mi', 'ephemeral-storage': '512Mi' },
          default_request: { 'cpu': '100m', 'memory': '128Mi', 'ephemeral-storage': '128Mi' },
          max: { 'cpu': '4', 'memory': '8Gi', 'ephemeral-storage': '8Gi' },
        }],
      },
    });
  });

  test('K8S-LIMITRANGE: the LimitRange max is exposed as containerMaxima for the workloads to check', () => {
    const ns = new HardenedNamespace(stack(), 'Shop', { namespaceName: 'shop', containerMaxCpu: Cpu.cores(2) });
    expect([ns.containerMaxima!.cpuLimit!.toString(), ns.containerMaxima!.memoryLimit!.toString(), ns.containerMaxima!.ephemeralStorageLimit!.toString()])
      .toEqual(['2', '8Gi', '8Gi']);
  });

  test('K8S-LIMITRANGE: containerDefaults fill in the missing side', () => {
    const s = stack();
    const ns = new HardenedNamespace(s, 'Shop', { namespaceName: 'shop', containerDefaults: { memoryLimit: Size.mebibytes(64) } });
    // request falls to the limit, never above it
    expect(ns.containerDefaults.memoryRequest!.toString()).toBe('64Mi');
    expect(ns.containerDefaults.cpuLimit!.toString()).toBe('500m');
  });

  test('K8S-NETPOL-DEFAULT-DENY: empty pod selector, both policy types, no rules', () => {
    const s = stack();
    new HardenedNamespace(s, 'Shop', { namespaceName: 'shop' });
    const deny = resourceOf(synth(s), 'kubernetes_network_policy_v1', 'Shop_DefaultDeny');
    expect(deny.spec).toEqual({ pod_selector: {}, policy_types: ['Ingress', 'Egress'] });
  });

  test('DNS egress is a separate policy: kube-dns in kube-system on 53 UDP and TCP', () => {
    const s = stack();
    new HardenedNamespace(s, 'Shop', { namespaceName: 'shop' });
    const dns = resourceOf(synth(s), 'kubernetes_network_policy_v1', 'Shop_DnsEgress');
    expect(dns.metadata.name).toBe('allow-dns-egress');
    expect(dns.spec).toEqual({
      pod_selector: {},
      policy_types: ['Egress'],
      egress: [{
        to: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'kube-system' } }, pod_selector: { match_labels: { 'k8s-app': 'kube-dns' } } }],
        ports: [{ port: '53', protocol: 'UDP' }, { port: '53', protocol: 'TCP' }],
      }],
    });
  });

  test('opt-out: allowDnsEgress false drops the DNS policy', () => {
    const s = stack();
    const ns = new HardenedNamespace(s, 'Shop', { namespaceName: 'shop', allowDnsEgress: false });
    expect(ns.dnsEgressNetworkPolicyResource).toBeUndefined();
    expect(() => resourceOf(synth(s), 'kubernetes_network_policy_v1', 'Shop_DnsEgress')).toThrow(/found none/);
  });

  test('a generated name is a stable DNS label', () => {
    const s = stack();
    const ns = new HardenedNamespace(s, 'Payments');
    expect(ns.name).toMatch(/^payments-[0-9a-f]{8}$/);
  });

  test('escape hatches: defaultChild is the namespace, every L1 is public', () => {
    const s = stack();
    const ns = new HardenedNamespace(s, 'Shop', { namespaceName: 'shop' });
    expect(Node.of(ns).defaultChild).toBe(ns.resource);
    expect(ns.resourceQuotaResource).toBeInstanceOf(ResourceQuotaV1);
    expect(ns.limitRangeResource).toBeInstanceOf(LimitRangeV1);
    expect(ns.defaultDenyNetworkPolicyResource).toBeInstanceOf(NetworkPolicyV1);
    expect(ns.dnsEgressNetworkPolicyResource).toBeInstanceOf(NetworkPolicyV1);
  });

  describe('validation', () => {
    test('fails on a namespace name that is not a DNS-1123 label', () => {
      expect(message(() => new HardenedNamespace(stack(), 'Shop', { namespaceName: 'Shop_NS' })))
        .toMatch(/^stack\/Shop: namespaceName: is not a DNS-1123 label \(got "Shop_NS"\)\. Use/);
    });
    test('fails on a system namespace (K8S-NS-DEDICATED)', () => {
      expect(message(() => new HardenedNamespace(stack(), 'Shop', { namespaceName: 'kube-system' })))
        .toMatch(/namespaceName: is a system namespace \(K8S-NS-DEDICATED\) \(got "kube-system"\)/);
      expect(message(() => new HardenedNamespace(stack(), 'Shop', { namespaceName: 'default' }))).toMatch(/namespaceName: is a system namespace/);
    });
    test('fails on podSecurityVersion "latest" (K8S-PSA-LABELS)', () => {
      expect(message(() => new HardenedNamespace(stack(), 'Shop', { podSecurityVersion: 'latest' })))
        .toMatch(/podSecurityVersion: must pin a Kubernetes minor version from v1\.23 on \(K8S-PSA-LABELS\).*\(got "latest"\)/);
    });
    test('fails on a podSecurityVersion older than v1.23', () => {
      expect(message(() => new HardenedNamespace(stack(), 'Shop', { podSecurityVersion: 'v1.22' }))).toMatch(/podSecurityVersion: /);
    });
    test('fails when the quota cpu limit is below the quota cpu request', () => {
      expect(message(() => new HardenedNamespace(stack(), 'Shop', { quotaCpuRequests: Cpu.cores(8), quotaCpuLimits: Cpu.cores(4) })))
        .toMatch(/quotaCpuLimits: is below quotaCpuRequests \(8\) \(got "4"\)/);
    });
    test('fails when the default memory limit is below the default request', () => {
      expect(message(() => new HardenedNamespace(stack(), 'Shop', { containerDefaults: { memoryRequest: Size.gibibytes(1), memoryLimit: Size.mebibytes(512) } })))
        .toMatch(/containerDefaults\.memoryLimit: is below memoryRequest \(1Gi\) \(got "512Mi"\)/);
    });
    test('fails when containerMaxMemory is below the default memory limit', () => {
      expect(message(() => new HardenedNamespace(stack(), 'Shop', { containerMaxMemory: Size.mebibytes(128) })))
        .toMatch(/containerMaxMemory: is below the default memory limit \(256Mi\)/);
    });
    test('fails on a negative pod quota', () => {
      expect(message(() => new HardenedNamespace(stack(), 'Shop', { quotaPods: -1 }))).toMatch(/quotaPods: must be a whole number from 1 to 100000 \(got -1\)/);
    });
    test('fails on an invalid label key', () => {
      expect(message(() => new HardenedNamespace(stack(), 'Shop', { labels: { 'bad key': 'x' } }))).toMatch(/labels: has an invalid label key \(got "bad key"\)/);
    });
    test('fails on empty dnsPodLabels, which would open DNS egress to a whole namespace', () => {
      expect(message(() => new HardenedNamespace(stack(), 'Shop', { dnsPodLabels: {} }))).toMatch(/dnsPodLabels: is empty/);
    });
  });
});
