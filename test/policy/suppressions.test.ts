import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { Policy, PolicyChecks } from '../../lib';
import { container, deployment, fixtureRules, rawStack } from './fixtures';

function levels(scope: IConstruct): Array<[string, string]> {
  return scope.node.findAll().flatMap((c) => c.node.metadata
    .filter((m) => m.type.startsWith('@cdktf/'))
    .map((m) => [m.type.replace('@cdktf/', ''), String(m.data)] as [string, string]));
}

function synthToDir(build: (app: App) => void): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-suppress-'));
  const app = new App({ outdir });
  build(app);
  app.synth();
  return outdir;
}

describe('Policy.suppress with PolicyChecks', () => {
  test('a suppression on a parent scope accepts the finding in its subtree: info with the reason, synth succeeds', () => {
    const stack = rawStack(Testing.app());
    const tier = new Construct(stack, 'Tier');
    const checks = PolicyChecks.applyTo(stack, { rules: fixtureRules() });
    deployment(tier as any, 'Web', true);
    Policy.suppress(tier, 'TEST-NO-PRIVILEGED', 'node agent needs the host; ticket SEC-12');
    Testing.synth(stack);
    const found = levels(stack);
    expect(found).toHaveLength(1);
    expect(found[0][0]).toBe('info');
    expect(found[0][1]).toMatch(/^\[TEST-NO-PRIVILEGED\[container=web\]\] HIGH .* \(suppressed on stack\/Tier: node agent needs the host; ticket SEC-12\)$/);
    expect(checks.findings).toMatchObject([{ suppressed: true, suppressionReason: 'node agent needs the host; ticket SEC-12', suppressedAt: 'stack/Tier' }]);
  });

  test('a suppression with a detail accepts only that finding', () => {
    const stack = rawStack(Testing.app());
    const web = deployment(stack, 'Web', true, true);
    Policy.suppress(web, 'TEST-NO-PRIVILEGED[container=sidecar]', 'sidecar runs the CNI plugin installer');
    const checks = PolicyChecks.applyTo(stack, { rules: fixtureRules() });
    Testing.synth(stack);
    expect(checks.findings.map((f) => [f.ruleId, f.suppressed])).toEqual([
      ['TEST-NO-PRIVILEGED[container=web]', false],
      ['TEST-NO-PRIVILEGED[container=sidecar]', true],
    ]);
    expect(levels(stack).map(([level]) => level)).toEqual(['error', 'info']);
  });

  test('a suppression elsewhere in the tree does not apply', () => {
    const stack = rawStack(Testing.app());
    const other = new Construct(stack, 'Other');
    Policy.suppress(other, 'TEST-NO-PRIVILEGED', 'only for the other subtree');
    deployment(stack, 'Web', true);
    const checks = PolicyChecks.applyTo(stack, { rules: fixtureRules() });
    Testing.synth(stack);
    expect(checks.findings.map((f) => f.suppressed)).toEqual([false]);
  });

  test('suppressing an unsuppressible rule is an error at synth and the finding stays', () => {
    const stack = rawStack(Testing.app());
    const db = container(stack, 'Db', { readOnly: true, socket: true });
    Policy.suppress(stack, 'TEST-NO-DOCKER-SOCKET', 'we really need the socket here');
    const checks = PolicyChecks.applyTo(stack, { rules: fixtureRules() });
    Testing.synth(stack);
    expect(checks.findings).toMatchObject([{ ruleId: 'TEST-NO-DOCKER-SOCKET', suppressed: false, suppressible: false }]);
    const found = levels(stack);
    expect(found.map(([level]) => level)).toEqual(['error', 'error']);
    expect(found[0][1]).toBe('[TEST-NO-DOCKER-SOCKET] cannot be suppressed: the rule is not suppressible (Policy.suppress reason: "we really need the socket here"). '
      + 'Remove the Policy.suppress call and fix the finding.');
    expect(found[1][1]).toContain('This rule cannot be suppressed.');
    expect(db.node.metadata.some((m) => m.type === '@cdktf/error')).toBe(true);
  });

  test('every suppression is recorded in cdk.tf.json: in the // metadata of each resource it applies to, and of the stack', () => {
    const outdir = synthToDir((app) => {
      const stack = rawStack(app);
      const tier = new Construct(stack, 'Tier');
      deployment(tier as any, 'Web', true);
      Policy.suppress(tier, 'TEST-NO-PRIVILEGED', 'node agent needs the host; ticket SEC-12');
      Policy.suppress(stack, 'TEST-READONLY', 'accepted for the whole stack');
      Policy.suppress(new Construct(stack, 'Empty'), 'TEST-UNUSED', 'applies to no resource at all');
      PolicyChecks.applyTo(stack, { rules: fixtureRules() });
    });
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'stack', 'cdk.tf.json'), 'utf8'));
    const body = Object.values<any>(json.resource.kubernetes_deployment_v1)[0];
    expect(body['//']['cdktf-hybrid']).toEqual({
      suppressions: [
        { ruleId: 'TEST-NO-PRIVILEGED', reason: 'node agent needs the host; ticket SEC-12', scopePath: 'stack/Tier' },
        { ruleId: 'TEST-READONLY', reason: 'accepted for the whole stack', scopePath: 'stack' },
      ],
    });
    expect(body['//'].metadata.path).toBe('stack/Tier/Web');
    expect(json['//']['cdktf-hybrid']).toEqual({
      suppressions: [
        { ruleId: 'TEST-READONLY', reason: 'accepted for the whole stack', scopePath: 'stack' },
        { ruleId: 'TEST-NO-PRIVILEGED', reason: 'node agent needs the host; ticket SEC-12', scopePath: 'stack/Tier' },
        { ruleId: 'TEST-UNUSED', reason: 'applies to no resource at all', scopePath: 'stack/Empty' },
      ],
    });
  });

  test('fails on a reason shorter than 10 characters, and on a malformed rule id', () => {
    const stack = rawStack(Testing.app());
    expect(() => Policy.suppress(stack, 'TEST-NO-PRIVILEGED', 'because')).toThrow(/^stack: reason: must explain the exception in at least 10 characters \(got "because"\)/);
    expect(() => Policy.suppress(stack, 'TEST-NO-PRIVILEGED[container=web', 'a proper reason here')).toThrow(/^stack: ruleId: is not a policy rule id/);
  });
});
