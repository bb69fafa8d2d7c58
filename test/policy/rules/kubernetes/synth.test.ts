import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { TerraformStack, Testing } from 'cdktf';
import { PolicyContext, PolicyResource } from '../../../../lib/policy';
import { KUBERNETES_RULES } from '../../../../lib/policy/rules/kubernetes';
import { ComplianceStatus } from './fixtures';

/** The stack's resources as the engine sees them: rendered Terraform JSON. */
function resourcesOf(stack: TerraformStack): PolicyContext {
  const json = JSON.parse(Testing.synth(stack));
  const resources: PolicyResource[] = [];
  for (const [type, byName] of Object.entries(json.resource ?? {})) {
    for (const [name, attributes] of Object.entries(byName as Record<string, any>)) {
      resources.push({ resourceType: type, address: `${type}.${name}`, attributes });
    }
  }
  return { resources };
}

function findingsOf(context: PolicyContext): string[] {
  const out: string[] = [];
  for (const resource of context.resources) {
    for (const rule of KUBERNETES_RULES) {
      const result = rule.evaluate(resource, context);
      if (result.status === ComplianceStatus.FAIL) {
        for (const v of result.violations) out.push(`${rule.ruleId} ${resource.address} ${v.attributePath}${v.detail ? ` [${v.detail}]` : ''}`);
      }
    }
  }
  return out.sort();
}

describe('rules on resources synthesized by the provider bindings', () => {
  test('an insecure raw DeploymentV1 in a raw namespace: every insecure setting is reported at its rendered path', () => {
    const stack = new TerraformStack(Testing.app(), 'raw');
    const ns = new NamespaceV1(stack, 'apps', { metadata: { name: 'apps' } });
    new DeploymentV1(stack, 'web', {
      metadata: { name: 'web', namespace: ns.metadata.name },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            hostNetwork: true,
            container: [{
              name: 'web',
              image: 'nginx:1.27',
              securityContext: { privileged: true },
            }],
            volume: [{ name: 'docker', hostPath: { path: '/var/run/docker.sock' } }],
          },
        },
      },
    });
    const context = resourcesOf(stack);
    const findings = findingsOf(context);
    // cdktf renders single blocks as objects and repeatable blocks as lists
    const prefix = 'spec.template.spec';
    const c0 = `${prefix}.container[0]`;
    expect(findings).toEqual(expect.arrayContaining([
      `K8S-HOST-NAMESPACES kubernetes_deployment_v1.web ${prefix}.host_network [field=host_network]`,
      `K8S-NO-PRIVILEGED kubernetes_deployment_v1.web ${c0}.security_context.privileged [container=web]`,
      `K8S-NO-HOSTPATH kubernetes_deployment_v1.web ${prefix}.volume[0].host_path [volume=docker]`,
      `K8S-VOLUME-TYPES kubernetes_deployment_v1.web ${prefix}.volume[0].host_path [volume=docker]`,
      `K8S-IMAGE-DIGEST kubernetes_deployment_v1.web ${c0}.image [container=web]`,
      `K8S-NO-PRIV-ESC kubernetes_deployment_v1.web ${c0}.security_context.allow_privilege_escalation [container=web]`,
      `K8S-READONLY-ROOTFS kubernetes_deployment_v1.web ${c0}.security_context.read_only_root_filesystem [container=web]`,
      'K8S-NETPOL-DEFAULT-DENY kubernetes_namespace_v1.apps metadata.name [namespace=apps]',
      'K8S-RESOURCEQUOTA kubernetes_namespace_v1.apps metadata.name [namespace=apps]',
      'K8S-LIMITRANGE kubernetes_namespace_v1.apps metadata.name [namespace=apps]',
    ]));
    expect(findings.filter((f) => f.startsWith('K8S-PSA-LABELS')).length).toBe(6);
    // the namespace is referenced (${kubernetes_namespace_v1.apps.metadata[0].name}) and resolves to "apps"
    expect(findings.filter((f) => f.startsWith('K8S-NS-DEDICATED'))).toEqual([]);
  });

  test('a synthesized deny-all NetworkPolicyV1 referencing its namespace satisfies K8S-NETPOL-DEFAULT-DENY', () => {
    const stack = new TerraformStack(Testing.app(), 'netpol');
    const ns = new NamespaceV1(stack, 'apps', { metadata: { name: 'apps' } });
    new NetworkPolicyV1(stack, 'deny', {
      metadata: { name: 'deny-all', namespace: ns.metadata.name },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });
    const context = resourcesOf(stack);
    const namespace = context.resources.find((r) => r.resourceType === 'kubernetes_namespace_v1')!;
    const rule = KUBERNETES_RULES.find((r) => r.ruleId === 'K8S-NETPOL-DEFAULT-DENY')!;
    expect(rule.evaluate(namespace, context).status).toBe(ComplianceStatus.PASS);
  });
});
