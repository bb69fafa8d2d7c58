// Brings cdktf's jest matcher types (toHaveResourceWithProperties) into the type-check.
import type {} from 'cdktf/lib/testing/adapters/jest';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { ContainerSpec, HardenedNamespace, HealthProbe, ImageReference } from '../../lib';

export const DIGEST = `sha256:${'a'.repeat(64)}`;
export const pinned = ImageReference.parse(`ghcr.io/acme/api:1.4.2@${DIGEST}`);
export const tagOnly = ImageReference.parse('ghcr.io/acme/api:1.4.2');

export function apiSpec(overrides: Partial<ContainerSpec> = {}): ContainerSpec {
  return {
    name: 'api',
    image: pinned,
    ports: [{ name: 'http', containerPort: 8080 }],
    healthProbe: HealthProbe.http({ path: '/healthz', port: 8080 }),
    writablePaths: ['/tmp'],
    ...overrides,
  };
}

/** A stack with the Kubernetes provider and a hardened namespace named "shop". */
export function setup(): { stack: TerraformStack; namespace: HardenedNamespace } {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new KubernetesProvider(stack, 'kubernetes', {});
  const namespace = new HardenedNamespace(stack, 'Shop', { namespaceName: 'shop' });
  return { stack, namespace };
}

/** Synthesizes a stack and returns the parsed JSON. */
export function synth(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack));
}

/** All resources of one Terraform type, keyed by logical id. */
export function resourcesOf(json: any, type: string): Record<string, any> {
  return json.resource?.[type] ?? {};
}

/** The one resource of a type whose logical id starts with `prefix`. */
export function resourceOf(json: any, type: string, prefix: string): any {
  const matches = Object.entries(resourcesOf(json, type)).filter(([id]) => id.startsWith(prefix));
  if (matches.length !== 1) throw new Error(`expected one ${type} starting with ${prefix}, found ${matches.map(([id]) => id).join(', ') || 'none'}`);
  return matches[0][1];
}

/** The pod template (metadata + spec) of a deployment, stateful set or cron job resource. */
export function podTemplateOf(type: string, resource: any): any {
  return type === 'kubernetes_cron_job_v1' ? resource.spec.job_template.spec.template : resource.spec.template;
}

export function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a validation error, none was thrown');
}

/** kube-score's "Pod Probes Identical" comparison: the same handler with the same target, whatever the timings. */
export function sameCheck(a: any, b: any): boolean {
  if (a.http_get && b.http_get) return a.http_get.path === b.http_get.path && a.http_get.port === b.http_get.port;
  if (a.tcp_socket && b.tcp_socket) return a.tcp_socket[0].port === b.tcp_socket[0].port;
  if (a.exec && b.exec) return JSON.stringify(a.exec.command) === JSON.stringify(b.exec.command);
  return false;
}
