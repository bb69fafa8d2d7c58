// Regression (bug found by the acceptance tests): provider blocks were never checked, so
// DOCKER-DAEMON-TLS (resource type `provider.docker`) could not fire at synth or in the CLI.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { IPolicyRule, PolicyChecks, PolicyPacks, PolicyResource, RuleResult, Severity } from '../../../lib';
import { main } from '../../../lib/policy/cli';
import { dockerContainer, newStack } from './fixtures';

const TLS = PolicyPacks.docker().filter((r) => r.ruleId === 'DOCKER-DAEMON-TLS');

function cli(doc: unknown): { code: number; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-provider-'));
  const file = path.join(dir, 'main.tf.json');
  fs.writeFileSync(file, JSON.stringify(doc));
  let out = '';
  const code = main(['check', '--format', 'json', file], { out: (t) => { out += t; }, err: (t) => { out += t; } });
  return { code, out };
}

describe('provider blocks are checked as provider.<name>', () => {
  test('a Docker provider on plain tcp:// fails synth (DOCKER-DAEMON-TLS); over ssh:// it passes', () => {
    const insecure = newStack(Testing.app(), 'stack', 'tcp://10.0.0.5:2375');
    const checks = PolicyChecks.applyTo(insecure, { rules: TLS, writeReports: false });
    Testing.synth(insecure);
    expect(checks.findings.map((f) => [f.ruleId, f.resourceAddress, f.attributePath, f.found, f.constructPath]))
      .toEqual([['DOCKER-DAEMON-TLS', 'provider.docker', 'host', '"tcp://10.0.0.5:2375"', 'stack/docker']]);

    const secure = newStack(Testing.app());
    const ok = PolicyChecks.applyTo(secure, { rules: TLS, writeReports: false });
    Testing.synth(secure);
    expect(ok.findings).toEqual([]);
  });

  test('an aliased provider gets the address provider.<name>.<alias>', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new DockerProvider(stack, 'remote', { host: 'tcp://build-host:2375', alias: 'build' });
    const checks = PolicyChecks.applyTo(stack, { rules: TLS, writeReports: false });
    Testing.synth(stack);
    expect(checks.findings.map((f) => f.resourceAddress)).toEqual(['provider.docker.build']);
  });

  test('provider blocks do not reach \'*\' rules, are not in the rules\' context and are not counted as resources', () => {
    const stack = newStack(Testing.app());
    dockerContainer(stack, 'Web');
    const seen: string[] = [];
    let context: string[] = [];
    const everything: IPolicyRule = {
      ruleId: 'TEST-ALL', title: 'sees all', severity: Severity.LOW, source: 'test', resourceTypes: ['*'],
      evaluate: (resource: PolicyResource, ctx) => {
        seen.push(resource.resourceType);
        context = ctx.resources.map((r) => r.resourceType);
        return RuleResult.pass();
      },
    };
    PolicyChecks.applyTo(stack, { rules: [everything], writeReports: false });
    Testing.synth(stack);
    expect(seen.sort()).toEqual(['docker_container', 'docker_network']);
    expect(context.sort()).toEqual(['docker_container', 'docker_network']);
  });

  test('the CLI checks provider blocks of hand-written Terraform JSON too (list or object form)', () => {
    const insecure = cli({ provider: { docker: [{ host: 'tcp://10.0.0.5:2375' }] } });
    expect(insecure.code).toBe(1);
    const report = JSON.parse(insecure.out);
    expect(report.findings.map((f: any) => [f.ruleId, f.resource, f.severity, f.suppressed])).toEqual([['DOCKER-DAEMON-TLS', 'provider.docker', 'HIGH', false]]);
    expect(report.summary.resources).toBe(0);

    expect(cli({ provider: { docker: { host: 'ssh://deploy@docker-host:22' } } }).code).toBe(0);
    expect(cli({ provider: { docker: [{ host: 'unix:///var/run/docker.sock' }, { alias: 'ci', host: 'tcp://ci:2375' }] } }).out).toContain('"resource": "provider.docker.ci"');
  });

  test('a provider block that is not an object is invalid input (exit 2, one line)', () => {
    const { code, out } = cli({ provider: { docker: ['tcp://x'] } });
    expect(code).toBe(2);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toContain('"provider"."docker" is not an object');
  });
});
