import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { FindingStatus, IPolicyRule, Policy, PolicyChecks, PolicyPacks, PolicyResource, RuleResult, Severity } from '../../lib';
import { container, deployment, fixtureRules, NoPrivilegedRule, rawStack, ReadOnlyRule, RestartRule, ThrowingRule, variable } from './fixtures';

interface Note { readonly path: string; readonly level: string; readonly message: string }

function notes(scope: IConstruct): Note[] {
  return scope.node.findAll().flatMap((c) => c.node.metadata
    .filter((m) => ['@cdktf/error', '@cdktf/warn', '@cdktf/info'].includes(m.type))
    .map((m) => ({ path: c.node.path, level: m.type.replace('@cdktf/', ''), message: String(m.data) })));
}

function check(stack: TerraformStack): Note[] {
  Testing.synth(stack);
  return notes(stack);
}

describe('PolicyChecks on raw L1 resources', () => {
  test('an unsuppressed HIGH finding is an error naming construct path, rule with detail, attribute, value and fix', () => {
    const stack = rawStack(Testing.app());
    deployment(stack, 'Web', true);
    PolicyChecks.applyTo(stack, { rules: fixtureRules() });
    const found = check(stack);
    expect(found).toHaveLength(1);
    expect(found[0].level).toBe('error');
    expect(found[0].path).toBe('stack/Web');
    expect(found[0].message).toBe('[TEST-NO-PRIVILEGED[container=web]] HIGH kubernetes_deployment_v1.Web at stack/Web: Containers must not run privileged: '
      + 'spec.template.spec.container[0].security_context.privileged is true. Fix: set privileged = false. '
      + "If it is acceptable here, Policy.suppress(scope, 'TEST-NO-PRIVILEGED[container=web]', '<reason>').");
  });

  test('a compliant resource gives no finding and no annotation', () => {
    const stack = rawStack(Testing.app());
    deployment(stack, 'Web', false);
    container(stack, 'Db', { readOnly: true });
    const checks = PolicyChecks.applyTo(stack, { rules: fixtureRules() });
    expect(check(stack)).toEqual([]);
    expect(checks.findings).toEqual([]);
  });

  test('an unsuppressed HIGH finding fails app synth, and the reports are still written', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-fail-'));
    const app = new App({ outdir });
    const stack = rawStack(app);
    deployment(stack, 'Web', true);
    PolicyChecks.applyTo(stack, { rules: fixtureRules() });
    expect(() => app.synth()).toThrow(/TEST-NO-PRIVILEGED\[container=web\].*security_context\.privileged is true\. Fix: set privileged = false\./);
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'stack', 'policy-report.json'), 'utf8'));
    expect(report.summary.blocking).toBe(1);
  });

  test('MEDIUM is a warning, LOW is info', () => {
    const stack = rawStack(Testing.app());
    container(stack, 'Db', { restart: 'always' });
    PolicyChecks.applyTo(stack, { rules: fixtureRules() });
    expect(check(stack).map((n) => [n.level, n.message.split(' ')[0]])).toEqual([
      ['warn', '[TEST-READONLY]'],
      ['info', '[TEST-RESTART]'],
    ]);
  });

  test('failOn MEDIUM turns the MEDIUM finding into an error', () => {
    const stack = rawStack(Testing.app());
    container(stack, 'Db', { restart: 'always' });
    PolicyChecks.applyTo(stack, { rules: fixtureRules(), failOn: Severity.MEDIUM });
    expect(check(stack).map((n) => n.level)).toEqual(['error', 'info']);
  });

  test('minSeverity MEDIUM does not run LOW rules', () => {
    const stack = rawStack(Testing.app());
    container(stack, 'Db', { restart: 'always' });
    const checks = PolicyChecks.applyTo(stack, { rules: fixtureRules(), minSeverity: Severity.MEDIUM });
    Testing.synth(stack);
    expect(checks.findings.map((f) => f.ruleId)).toEqual(['TEST-READONLY']);
  });

  test('checks the rendered attributes: overrides are merged in', () => {
    const stack = rawStack(Testing.app());
    const db = container(stack, 'Db', { readOnly: true });
    db.addOverride('read_only', false);
    const checks = PolicyChecks.applyTo(stack, { rules: [new ReadOnlyRule()] });
    Testing.synth(stack);
    expect(checks.findings).toMatchObject([{ ruleId: 'TEST-READONLY', attributePath: 'read_only', found: 'false', status: FindingStatus.FAIL }]);
  });

  test('an unresolved value is UNKNOWN, reported as info and never a pass', () => {
    const stack = rawStack(Testing.app());
    deployment(stack, 'Web', variable(stack, 'privileged').booleanValue as any);
    const checks = PolicyChecks.applyTo(stack, { rules: fixtureRules() });
    const found = check(stack);
    expect(found.map((n) => n.level)).toEqual(['info']);
    expect(found[0].message).toContain('cannot be decided before apply');
    expect(found[0].message).toContain('${var.privileged}');
    expect(checks.findings.map((f) => f.status)).toEqual([FindingStatus.UNKNOWN]);
  });

  test('a rule that throws becomes its own one-line finding and the other rules still run', () => {
    const stack = rawStack(Testing.app());
    container(stack, 'Db', { readOnly: true });
    const checks = PolicyChecks.applyTo(stack, { rules: [new ThrowingRule(), new ReadOnlyRule()] });
    const found = check(stack);
    expect(found).toHaveLength(1);
    expect(found[0].level).toBe('warn');
    expect(found[0].message).toBe('[POLICY-RULE-ERROR[rule=TEST-THROWS]] MEDIUM docker_container.Db at stack/Db: '
      + 'rule TEST-THROWS failed on this resource and could not check it: boom. Fix the rule, or suppress POLICY-RULE-ERROR with a reason.');
    expect(checks.findings.map((f) => [f.baseRuleId, f.status])).toEqual([['POLICY-RULE-ERROR', FindingStatus.ERROR]]);
  });

  test('rules see every resource of the stack as context', () => {
    const stack = rawStack(Testing.app());
    container(stack, 'A', { readOnly: true });
    container(stack, 'B', { readOnly: true });
    deployment(stack, 'Web', false);
    const restart = new RestartRule();
    PolicyChecks.applyTo(stack, { rules: [restart] });
    Testing.synth(stack);
    expect(restart.seenContext).toBe(3);
  });

  test('resources in nested constructs are checked; each violation is its own finding', () => {
    const stack = rawStack(Testing.app());
    deployment(stack, 'Web', true, true);
    const tier = new Construct(stack, 'Tier');
    container(tier as any, 'Db', { readOnly: false });
    const checks = PolicyChecks.applyTo(stack, { rules: fixtureRules() });
    Testing.synth(stack);
    expect(checks.findings.map((f) => [f.ruleId, f.constructPath])).toEqual([
      ['TEST-NO-PRIVILEGED[container=web]', 'stack/Web'],
      ['TEST-NO-PRIVILEGED[container=sidecar]', 'stack/Web'],
      ['TEST-READONLY', 'stack/Tier/Db'],
    ]);
  });

  test('a rule with resourceTypes [\'*\'] sees every resource, without the // metadata', () => {
    const stack = rawStack(Testing.app());
    const web = deployment(stack, 'Web', false);
    Policy.suppress(web, 'TEST-NO-PRIVILEGED', 'recorded in the // metadata');
    container(stack, 'Db', { readOnly: true });
    const seen: Array<[string, boolean]> = [];
    const everything: IPolicyRule = {
      ruleId: 'TEST-ALL', title: 'sees all', severity: Severity.LOW, source: 'test', resourceTypes: ['*'],
      evaluate: (resource: PolicyResource) => {
        seen.push([resource.address, JSON.stringify(resource.attributes).includes('"//"')]);
        return RuleResult.pass();
      },
    };
    PolicyChecks.applyTo(stack, { rules: [everything] });
    Testing.synth(stack);
    expect(seen).toEqual([['kubernetes_deployment_v1.Web', false], ['docker_container.Db', false]]);
  });

  test('additionalRules run beside the default packs', () => {
    const stack = rawStack(Testing.app());
    container(stack, 'Db');
    const checks = PolicyChecks.applyTo(stack, { additionalRules: [new ReadOnlyRule()] });
    Testing.synth(stack);
    expect(checks.rules.map((r) => r.ruleId)).toEqual([...PolicyPacks.all().map((r) => r.ruleId), 'TEST-READONLY']);
    expect(checks.findings.map((f) => f.ruleId)).toContain('TEST-READONLY');
  });

  test('excludeRuleIds removes rules', () => {
    const stack = rawStack(Testing.app());
    const checks = PolicyChecks.applyTo(stack, { rules: fixtureRules(), excludeRuleIds: ['TEST-RESTART'] });
    expect(checks.rules.map((r) => r.ruleId)).toEqual(['TEST-NO-PRIVILEGED', 'TEST-NO-DOCKER-SOCKET', 'TEST-READONLY']);
  });

  test('fails when excludeRuleIds names an unknown rule', () => {
    const stack = rawStack(Testing.app());
    expect(() => PolicyChecks.applyTo(stack, { rules: fixtureRules(), excludeRuleIds: ['TEST-NOPE'] }))
      .toThrow('stack: excludeRuleIds: names rules that are not in the rule set (got ["TEST-NOPE"]). Use ids of the rules that run (see RULES.md).');
  });

  test('fails on duplicate or malformed rule ids', () => {
    expect(() => PolicyChecks.applyTo(rawStack(Testing.app()), { rules: [new ReadOnlyRule(), new ReadOnlyRule()] }))
      .toThrow(/stack: rules: rule id TEST-READONLY is used by more than one rule/);
    const bad = Object.assign(new ReadOnlyRule(), { ruleId: 'lower-case' });
    expect(() => PolicyChecks.applyTo(rawStack(Testing.app()), { rules: [bad] })).toThrow(/rules: rule id "lower-case" is not of the form/);
  });

  test('fails when applied twice to one stack', () => {
    const stack = rawStack(Testing.app());
    PolicyChecks.applyTo(stack, { rules: [] });
    expect(() => PolicyChecks.applyTo(stack)).toThrow(/stack: stack: already has PolicyChecks/);
  });

  test('fails when the scope is not a stack', () => {
    const stack = rawStack(Testing.app());
    expect(() => PolicyChecks.applyTo(new Construct(stack, 'X') as any)).toThrow(/stack\/X: stack: is not a TerraformStack/);
  });

  test('only checks resources of its own stack', () => {
    const app = Testing.app();
    const a = rawStack(app, 'a');
    const b = rawStack(app, 'b');
    deployment(b, 'Web', true);
    const checks = PolicyChecks.applyTo(a, { rules: fixtureRules() });
    Testing.synth(a);
    Testing.synth(b);
    expect(checks.findings).toEqual([]);
    expect(notes(b)).toEqual([]);
  });
});

describe('PolicyPacks', () => {
  test('all() concatenates the domain packs and returns a fresh array', () => {
    expect(PolicyPacks.all().map((r) => r.ruleId)).toEqual([
      ...PolicyPacks.kubernetes(), ...PolicyPacks.docker(), ...PolicyPacks.vsphere(), ...PolicyPacks.hyperv(), ...PolicyPacks.virtualbox(),
    ].map((r) => r.ruleId));
    const mine = PolicyPacks.all();
    mine.push(new NoPrivilegedRule());
    expect(PolicyPacks.all()).toHaveLength(mine.length - 1);
  });

  test('every built-in rule has a unique, well-formed id, a severity and resource types', () => {
    const ids = PolicyPacks.all().map((r) => r.ruleId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of PolicyPacks.all()) {
      expect(rule.ruleId).toMatch(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/);
      expect(Object.values(Severity)).toContain(rule.severity);
      expect(rule.resourceTypes.length).toBeGreaterThan(0);
    }
  });
});
