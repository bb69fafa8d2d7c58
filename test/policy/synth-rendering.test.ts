// PolicyChecks evaluates the rules on the stack's own rendering (what synth writes to cdk.tf.json), once
// per synth: what it checks is exactly what Terraform gets, including changes made by aspects that run
// after it, and a rule cannot change what is written.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Aspects, IAspect, TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { Container } from '@cdktf/provider-docker/lib/container';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { FindingStatus, IPolicyRule, PolicyChecks, PolicyResource, RuleResult, Severity } from '../../lib';
import { container, deployment, fixtureRules, rawStack } from './fixtures';

function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'policy-render-'));
}

function withEnv<T>(name: string, value: string, body: () => T): T {
  const previous = process.env[name];
  process.env[name] = value;
  try {
    return body();
  } finally {
    if (previous === undefined) delete process.env[name];
    else process.env[name] = previous;
  }
}

/** Makes every docker_container writable again: an aspect a team might add after PolicyChecks. */
class LoosenAfterwards implements IAspect {
  public visit(node: IConstruct): void {
    if (node instanceof Container) node.addOverride('read_only', false);
  }
}

/** A custom rule that tries to change what it is given. */
class MutatingRule implements IPolicyRule {
  public readonly ruleId = 'TEST-MUTATES';
  public readonly title = 'tries to edit the rendering';
  public readonly severity = Severity.LOW;
  public readonly source = 'test fixture';
  public readonly resourceTypes = ['docker_container'];

  public evaluate(resource: PolicyResource): RuleResult {
    (resource.attributes as any).image = 'evil:latest';
    return RuleResult.pass();
  }
}

describe('PolicyChecks evaluates synth\'s own rendering', () => {
  test('a change made by an aspect that runs after PolicyChecks is checked, as written to cdk.tf.json', () => {
    const stack = rawStack(Testing.app());
    container(stack, 'Db', { readOnly: true });
    const checks = PolicyChecks.applyTo(stack, { rules: fixtureRules() });
    Aspects.of(stack).add(new LoosenAfterwards());
    const json = JSON.parse(Testing.synth(stack));
    expect(json.resource.docker_container.Db.read_only).toBe(false);
    expect(checks.findings.map((f) => [f.ruleId, f.attributePath, f.found])).toEqual([['TEST-READONLY', 'read_only', 'false']]);
  });

  test('a rule cannot change what synth writes: its attempt is a rule error, and cdk.tf.json keeps the real image', () => {
    const outdir = tmpdir();
    const app = new App({ outdir });
    const stack = rawStack(app);
    container(stack, 'Db', { readOnly: true });
    const checks = PolicyChecks.applyTo(stack, { rules: [new MutatingRule()] });
    app.synth();
    const written = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'stack', 'cdk.tf.json'), 'utf8'));
    expect(written.resource.docker_container.Db.image).toBe('nginx:1.27');
    expect(checks.findings.map((f) => [f.baseRuleId, f.status])).toEqual([['POLICY-RULE-ERROR', FindingStatus.ERROR]]);
    expect(checks.findings[0].message).toMatch(/TEST-MUTATES.*read.only|TEST-MUTATES.*Cannot assign/i);
  });

  test('the findings\' annotations reach the synth manifest, where the cdktf CLI reads them', () => {
    const outdir = tmpdir();
    const app = new App({ outdir });
    const stack = rawStack(app);
    container(stack, 'Db', { restart: 'always' });
    PolicyChecks.applyTo(stack, { rules: fixtureRules() });
    app.synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    expect(manifest.stacks.stack.annotations.map((a: any) => [a.level, a.constructPath, String(a.message).split(' ')[0]])).toEqual([
      ['@cdktf/warn', 'stack/Db', '[TEST-READONLY]'],
      ['@cdktf/info', 'stack/Db', '[TEST-RESTART]'],
    ]);
  });

  test('with CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS a blocking finding does not throw; it is an error in the manifest and cdk.tf.json is written', () => {
    const outdir = tmpdir();
    withEnv('CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS', '1', () => {
      const app = new App({ outdir });
      const stack = rawStack(app);
      deployment(stack, 'Web', true);
      PolicyChecks.applyTo(stack, { rules: fixtureRules() });
      expect(() => app.synth()).not.toThrow();
    });
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    const errors = manifest.stacks.stack.annotations.filter((a: any) => a.level === '@cdktf/error');
    expect(errors.map((a: any) => [a.constructPath, String(a.message).split(' ')[0]])).toEqual([['stack/Web', '[TEST-NO-PRIVILEGED[container=web]]']]);
    expect(fs.existsSync(path.join(outdir, 'stacks', 'stack', 'cdk.tf.json'))).toBe(true);
  });

  test('a blocking finding fails synth before cdk.tf.json is written', () => {
    const outdir = tmpdir();
    const app = new App({ outdir });
    const stack = rawStack(app);
    deployment(stack, 'Web', true);
    PolicyChecks.applyTo(stack, { rules: fixtureRules() });
    expect(() => app.synth()).toThrow(/Encountered Annotations with level "ERROR":\n\[stack\/Web\] \[TEST-NO-PRIVILEGED\[container=web\]\] HIGH/);
    expect(fs.existsSync(path.join(outdir, 'stacks', 'stack', 'cdk.tf.json'))).toBe(false);
  });

  test('`cdktf synth --hcl` (SYNTH_HCL_OUTPUT) still runs the checks, and a blocking finding still fails it', () => {
    const outdir = tmpdir();
    withEnv('SYNTH_HCL_OUTPUT', 'true', () => {
      const app = new App({ outdir });
      const stack = rawStack(app);
      deployment(stack, 'Web', true);
      const checks = PolicyChecks.applyTo(stack, { rules: fixtureRules() });
      expect(() => app.synth()).toThrow(/TEST-NO-PRIVILEGED\[container=web\]/);
      expect(checks.findings.map((f) => f.ruleId)).toEqual(['TEST-NO-PRIVILEGED[container=web]']);
    });
  });

  test('each synth evaluates once: two synths of one stack give the same findings, not doubled', () => {
    const stack = rawStack(Testing.app());
    container(stack, 'Db', { restart: 'always' });
    const checks = PolicyChecks.applyTo(stack, { rules: fixtureRules() });
    Testing.synth(stack);
    const first = checks.findings.map((f) => f.ruleId);
    stack.toTerraform(); // a second rendering without a new aspect pass evaluates nothing more
    expect(checks.findings.map((f) => f.ruleId)).toEqual(first);
    Testing.synth(stack);
    expect(checks.findings.map((f) => f.ruleId)).toEqual(first);
    expect(first).toEqual(['TEST-READONLY', 'TEST-RESTART']);
  });
});

// A stack class of the user's own that renders through its own toTerraform is checked on that rendering.
class OwnStack extends TerraformStack {
  public toTerraform(): any {
    const json = super.toTerraform();
    json.resource.docker_container.Db.read_only = true; // e.g. a post-processing step of the team's own
    return json;
  }
}

test('a TerraformStack subclass with its own toTerraform is checked on what that returns', () => {
  const app = Testing.app();
  const stack = new OwnStack(app, 'own');
  new DockerProvider(stack, 'docker', {});
  container(stack, 'Db', {});
  const checks = PolicyChecks.applyTo(stack, { rules: fixtureRules() });
  Testing.synth(stack);
  expect(checks.findings.map((f) => f.ruleId)).toEqual([]);
});
