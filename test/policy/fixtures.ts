// Fixture rules and stacks for the policy-engine tests (the real baseline rules live in lib/policy/rules).
import { Container } from '@cdktf/provider-docker/lib/container';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { IPolicyRule, PolicyContext, PolicyResource, RuleResult, Severity, Violation } from '../../lib';
import { findAll, getValue, isUnresolved } from '../../lib/policy/private/attributes';

/** HIGH: no privileged containers, one violation per container (detail `container=<name>`). */
export class NoPrivilegedRule implements IPolicyRule {
  public readonly ruleId = 'TEST-NO-PRIVILEGED';
  public readonly title = 'Containers must not run privileged';
  public readonly severity = Severity.HIGH;
  public readonly source = 'test fixture (PSS baseline privileged)';
  public readonly resourceTypes = ['kubernetes_deployment_v1'];

  public evaluate(resource: PolicyResource): RuleResult {
    const violations: Violation[] = [];
    for (const container of findAll(resource.attributes, 'spec.template.spec.container')) {
      const privileged = findAll(container.value, 'security_context.privileged')[0];
      if (privileged === undefined) continue;
      if (isUnresolved(privileged.value)) return RuleResult.unknown(`${container.path}.${privileged.path} is ${privileged.value}`);
      if (privileged.value === true) {
        violations.push({
          attributePath: `${container.path}.${privileged.path}`,
          found: privileged.value,
          fix: 'set privileged = false',
          detail: `container=${(container.value as any).name}`,
        });
      }
    }
    return violations.length > 0 ? RuleResult.fail(violations) : RuleResult.pass();
  }
}

/** HIGH and unsuppressible: the Docker socket must not be mounted. */
export class NoDockerSocketRule implements IPolicyRule {
  public readonly ruleId = 'TEST-NO-DOCKER-SOCKET';
  public readonly title = 'The Docker socket is never mounted';
  public readonly severity = Severity.HIGH;
  public readonly source = 'test fixture (CIS Docker 5.31)';
  public readonly resourceTypes = ['docker_container'];
  public readonly suppressible = false;

  public evaluate(resource: PolicyResource): RuleResult {
    const mounts = findAll(resource.attributes, 'volumes.host_path').filter((f) => f.value === '/var/run/docker.sock');
    return mounts.length > 0
      ? RuleResult.fail(mounts.map((m) => ({ attributePath: m.path, found: m.value, fix: 'remove the docker.sock volume' })))
      : RuleResult.pass();
  }
}

/** MEDIUM: read-only root filesystem. */
export class ReadOnlyRule implements IPolicyRule {
  public readonly ruleId = 'TEST-READONLY';
  public readonly title = 'Root filesystem is read-only';
  public readonly severity = Severity.MEDIUM;
  public readonly source = 'test fixture (CIS Docker 5.12)';
  public readonly resourceTypes = ['docker_container'];

  public evaluate(resource: PolicyResource): RuleResult {
    const value = getValue(resource.attributes, 'read_only');
    if (isUnresolved(value)) return RuleResult.unknown(`read_only is ${value}`);
    return value === true ? RuleResult.pass() : RuleResult.fail([{ attributePath: 'read_only', found: value, fix: 'set read_only = true' }]);
  }
}

/** LOW: every resource of the listed types has a `restart` policy other than always. Uses the context. */
export class RestartRule implements IPolicyRule {
  public readonly ruleId = 'TEST-RESTART';
  public readonly title = 'Restart policy is bounded';
  public readonly severity = Severity.LOW;
  public readonly source = 'test fixture';
  public readonly resourceTypes = ['docker_container'];
  public seenContext = 0;

  public evaluate(resource: PolicyResource, context: PolicyContext): RuleResult {
    this.seenContext = context.resources.length;
    return resource.attributes.restart === 'always'
      ? RuleResult.fail([{ attributePath: 'restart', found: 'always', fix: 'use on-failure with max_retry_count' }])
      : RuleResult.notApplicable();
  }
}

/** A rule with a bug: it throws. */
export class ThrowingRule implements IPolicyRule {
  public readonly ruleId = 'TEST-THROWS';
  public readonly title = 'A buggy rule';
  public readonly severity = Severity.MEDIUM;
  public readonly source = 'test fixture';
  public readonly resourceTypes = ['docker_container'];

  public evaluate(): RuleResult {
    throw new Error('boom\n    at somewhere (file.ts:1:1)');
  }
}

export function fixtureRules(): IPolicyRule[] {
  return [new NoPrivilegedRule(), new NoDockerSocketRule(), new ReadOnlyRule(), new RestartRule()];
}

/** A stack of raw provider L1s with providers configured. */
export function rawStack(app: App, id = 'stack'): TerraformStack {
  const stack = new TerraformStack(app, id);
  new KubernetesProvider(stack, 'kubernetes', { configPath: '~/.kube/config' });
  new DockerProvider(stack, 'docker', {});
  return stack;
}

export function deployment(stack: TerraformStack, id: string, privileged: boolean | string, sidecarPrivileged = false): DeploymentV1 {
  return new DeploymentV1(stack, id, {
    metadata: { name: id.toLowerCase() },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          container: [
            { name: 'web', image: 'nginx:1.27', securityContext: { privileged: privileged as any } },
            { name: 'sidecar', image: 'busybox:1.36', securityContext: { privileged: sidecarPrivileged } },
          ],
        },
      },
    },
  });
}

export function container(stack: TerraformStack, id: string, props: { readOnly?: boolean; socket?: boolean; restart?: string } = {}): Container {
  return new Container(stack, id, {
    name: id.toLowerCase(),
    image: 'nginx:1.27',
    readOnly: props.readOnly,
    restart: props.restart,
    volumes: props.socket ? [{ hostPath: '/var/run/docker.sock', containerPath: '/var/run/docker.sock' }] : undefined,
  });
}

export function variable(stack: TerraformStack, id: string): TerraformVariable {
  return new TerraformVariable(stack, id, { type: 'bool' });
}
