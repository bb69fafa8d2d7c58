import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { Construct } from 'constructs';
import { IPolicyRule, Policy, PolicyChecks, PolicyPacks } from '../../lib';
import { container, deployment, fixtureRules, rawStack, ReadOnlyRule, ThrowingRule } from './fixtures';

function synth(build: (app: App) => void): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-reports-'));
  const app = new App({ outdir });
  build(app);
  app.synth();
  return outdir;
}

function read(outdir: string, stack: string, file: string): string {
  return fs.readFileSync(path.join(outdir, 'stacks', stack, file), 'utf8');
}

describe('policy reports written at synth', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = synth((app) => {
      const stack = rawStack(app, 'platform');
      const tier = new Construct(stack, 'Tier');
      deployment(tier as any, 'Web', true);
      container(stack, 'Db', { restart: 'always' });
      Policy.suppress(tier, 'TEST-NO-PRIVILEGED', 'node agent needs the host | ticket SEC-12');
      Policy.suppress(stack, 'TEST-UNUSED', 'kept to show unused suppressions');
      PolicyChecks.applyTo(stack, { rules: fixtureRules() });
      const other = rawStack(app, 'clean');
      container(other, 'Ok', { readOnly: true });
      PolicyChecks.applyTo(other, { rules: fixtureRules() });
    });
  });

  test('each stack gets JSON, Markdown and SARIF next to its cdk.tf.json', () => {
    for (const stack of ['platform', 'clean']) {
      expect(fs.readdirSync(path.join(outdir, 'stacks', stack)).sort())
        .toEqual(['cdk.tf.json', 'policy-report.json', 'policy-report.md', 'policy-report.sarif']);
    }
    expect(JSON.parse(read(outdir, 'clean', 'policy-report.json'))).toMatchObject({ findings: [], summary: { total: 0, resources: 1, suppressions: [] } });
  });

  test('the JSON report has exactly the documented finding fields and records every suppression', () => {
    const report = JSON.parse(read(outdir, 'platform', 'policy-report.json'));
    for (const f of report.findings) {
      expect(Object.keys(f)).toEqual(['ruleId', 'severity', 'status', 'resource', 'stack', 'path', 'message', 'suppressed', 'reason']);
    }
    expect(report.findings.map((f: any) => [f.ruleId, f.status, f.suppressed])).toEqual([
      ['TEST-READONLY', 'FAIL', false],
      ['TEST-RESTART', 'FAIL', false],
      ['TEST-NO-PRIVILEGED[container=web]', 'FAIL', true],
    ]);
    expect(report.summary.suppressions).toEqual([
      { stack: 'platform', ruleId: 'TEST-UNUSED', reason: 'kept to show unused suppressions', scopePath: 'platform', findingsAccepted: 0 },
      { stack: 'platform', ruleId: 'TEST-NO-PRIVILEGED', reason: 'node agent needs the host | ticket SEC-12', scopePath: 'platform/Tier', findingsAccepted: 1 },
    ]);
    expect(report.summary).toMatchObject({ total: 3, blocking: 0, failed: 2, suppressed: 1, threshold: 'HIGH', bySeverity: { HIGH: 0, MEDIUM: 1, LOW: 1 } });
  });

  test('the Markdown report has rule, severity, resource address, construct path, status and suppression reason', () => {
    const md = read(outdir, 'platform', 'policy-report.md').split('\n');
    expect(md[0]).toBe('# Policy report: platform');
    expect(md).toContain('| Rule | Severity | Resource | Construct path | Status | Suppression reason | Message |');
    const row = md.find((l) => l.startsWith('| TEST-NO-PRIVILEGED[container=web] |'))!;
    expect(row).toMatch(/^\| TEST-NO-PRIVILEGED\[container=web\] \| HIGH \| `kubernetes_deployment_v1\.Tier_Web_[0-9A-F]{8}` \| `platform\/Tier\/Web` \| FAIL \(suppressed\) \| node agent needs the host \\\| ticket SEC-12 \| /);
    expect(md).toContain('| TEST-UNUSED | `platform` | kept to show unused suppressions | 0 (unused: it accepts no finding; remove it, or correct its rule id or scope) |');
    expect(md).toContain('| TEST-NO-PRIVILEGED | `platform/Tier` | node agent needs the host \\| ticket SEC-12 | 1 |');
  });

  test('the Markdown and JSON reports (snapshots)', () => {
    expect(read(outdir, 'platform', 'policy-report.md')).toMatchSnapshot();
    expect(JSON.parse(read(outdir, 'platform', 'policy-report.json'))).toMatchSnapshot();
  });

  test('the SARIF report is a SARIF 2.1.0 log with rules, results, levels and suppressions', () => {
    const sarif = JSON.parse(read(outdir, 'platform', 'policy-report.sarif'));
    expect(Object.keys(sarif)).toEqual(['$schema', 'version', 'runs']);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: any) => r.id)).toEqual(['TEST-NO-PRIVILEGED', 'TEST-NO-DOCKER-SOCKET', 'TEST-READONLY', 'TEST-RESTART']);
    expect(run.results.map((r: any) => [r.ruleId, r.level, r.suppressions?.[0]?.justification])).toEqual([
      ['TEST-READONLY', 'warning', undefined],
      ['TEST-RESTART', 'note', undefined],
      ['TEST-NO-PRIVILEGED', 'error', 'node agent needs the host | ticket SEC-12'],
    ]);
    const text = read(outdir, 'platform', 'cdk.tf.json').split('\n');
    for (const r of run.results) {
      const location = r.locations[0];
      expect(location.physicalLocation.artifactLocation.uri).toMatch(/^file:\/\/.*\/stacks\/platform\/cdk\.tf\.json$/);
      const name = location.logicalLocations[0].name.split('.')[1];
      expect(text[location.physicalLocation.region.startLine - 1].trim()).toBe(`"${name}": {`);
    }
  });

  test('writeReports: false writes no report', () => {
    const dir = synth((app) => {
      const stack = rawStack(app);
      PolicyChecks.applyTo(stack, { rules: fixtureRules(), writeReports: false });
    });
    expect(fs.readdirSync(path.join(dir, 'stacks', 'stack'))).toEqual(['cdk.tf.json']);
  });

  test('a rule error appears in SARIF under its own rule descriptor', () => {
    const dir = synth((app) => {
      const stack = rawStack(app);
      container(stack, 'Db', { readOnly: true });
      PolicyChecks.applyTo(stack, { rules: [new ThrowingRule()] });
    });
    const run = JSON.parse(read(dir, 'stack', 'policy-report.sarif')).runs[0];
    expect(run.tool.driver.rules.map((r: any) => r.id)).toEqual(['TEST-THROWS', 'POLICY-RULE-ERROR']);
    expect(run.results.map((r: any) => [r.ruleId, r.ruleIndex, r.properties.findingId])).toEqual([['POLICY-RULE-ERROR', 1, 'POLICY-RULE-ERROR[rule=TEST-THROWS]']]);
  });
});

/** The fixture read-only rule with a rationale, as built-in rules have. */
class ExplainedReadOnlyRule extends ReadOnlyRule {
  public readonly rationale = 'A writable root filesystem lets an intruder persist tools | scripts.';
}

describe('rule rationale in the reports', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = synth((app) => {
      const stack = rawStack(app);
      container(stack, 'Db', { restart: 'always' });
      PolicyChecks.applyTo(stack, { rules: [new ExplainedReadOnlyRule(), ...fixtureRules().filter((r) => r.ruleId !== 'TEST-READONLY')] });
    });
  });

  test('the Markdown report says why each rule with findings and a rationale exists', () => {
    const md = read(outdir, 'stack', 'policy-report.md').split('\n');
    const at = md.indexOf('## Why these rules');
    expect(at).toBeGreaterThan(0);
    expect(md[at + 2]).toBe('- **TEST-READONLY** (MEDIUM; test fixture (CIS Docker 5.12)): A writable root filesystem lets an intruder persist tools | scripts.');
    // TEST-RESTART has findings but no rationale: not listed
    expect(md.filter((l) => l.startsWith('- **'))).toHaveLength(1);
    expect(at).toBeLessThan(md.indexOf('## Suppressions'));
  });

  test('SARIF rule descriptors carry the rationale in fullDescription and help', () => {
    const rules = JSON.parse(read(outdir, 'stack', 'policy-report.sarif')).runs[0].tool.driver.rules;
    const readOnly = rules.find((r: any) => r.id === 'TEST-READONLY');
    expect(readOnly.fullDescription.text).toBe('Root filesystem is read-only (source: test fixture (CIS Docker 5.12)). A writable root filesystem lets an intruder persist tools | scripts.');
    expect(readOnly.help.text).toContain('Why: A writable root filesystem lets an intruder persist tools | scripts.');
    const restart = rules.find((r: any) => r.id === 'TEST-RESTART');
    expect(restart.fullDescription.text).toBe('Restart policy is bounded (source: test fixture).');
    expect(restart.help.text).not.toContain('Why:');
  });

  test('built-in rules expose their rationale through IPolicyRule without casts', () => {
    const rules: IPolicyRule[] = PolicyPacks.all();
    const missing = rules.filter((r) => (r.rationale ?? '').length < 20).map((r) => r.ruleId);
    expect(missing).toEqual([]);
  });
});
