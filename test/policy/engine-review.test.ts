// Regression tests from the review of the policy engine (checks.ts, cli.ts, private/*): SARIF validity for
// GitHub code scanning, unused suppressions in every report, non-Terraform JSON, the CLI from compiled
// JavaScript, and one shared rule context per stack.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { IPolicyRule, Policy, PolicyChecks, PolicyContext, PolicyResource, RuleResult, Severity } from '../../lib';
import { main } from '../../lib/policy/cli';
import { resourceLineIndex } from '../../lib/policy/private/report';
import { container, deployment, fixtureRules, rawStack, ThrowingRule } from './fixtures';
import { sarifProblems } from './sarif-shape';

const ROOT = path.join(__dirname, '..', '..');

function tmp(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function run(argv: string[], rules: IPolicyRule[] = fixtureRules()) {
  let out = '';
  let err = '';
  const code = main(argv, { out: (t) => { out += t; }, err: (t) => { err += t; } }, rules);
  return { code, out, err };
}

/** LOW: two violations on one resource without a detail (same rule id twice). */
class TwoViolationsRule implements IPolicyRule {
  public readonly ruleId = 'TEST-TWO-VIOLATIONS';
  public readonly title = 'Containers set a memory limit and a CPU limit';
  public readonly severity = Severity.LOW;
  public readonly source = 'test fixture';
  public readonly resourceTypes = ['docker_container'];
  public evaluate(): RuleResult {
    return RuleResult.fail([{ attributePath: 'memory', fix: 'set memory' }, { attributePath: 'cpu_shares', fix: 'set cpu_shares' }]);
  }
}

/** MEDIUM: the Docker provider block must set a host (reaches provider blocks through `provider.docker`). */
class ProviderHostRule implements IPolicyRule {
  public readonly ruleId = 'TEST-PROVIDER-HOST';
  public readonly title = 'The Docker provider names its host';
  public readonly severity = Severity.MEDIUM;
  public readonly source = 'test fixture';
  public readonly resourceTypes = ['provider.docker'];
  public evaluate(resource: PolicyResource): RuleResult {
    return resource.attributes.host ? RuleResult.pass() : RuleResult.fail([{ attributePath: 'host', fix: 'set host' }]);
  }
}

function reviewRules(): IPolicyRule[] {
  return [...fixtureRules(), new TwoViolationsRule(), new ProviderHostRule(), new ThrowingRule()];
}

/** A stack with every kind of result: FAIL (with and without detail, twice on one resource), suppressed, rule error, provider block. */
function synthReviewStack(outdir: string): void {
  const app = new App({ outdir });
  const stack = rawStack(app, 'platform');
  const tier = new Construct(stack, 'Tier');
  deployment(tier as any, 'Web', true);
  container(stack, 'Db', { restart: 'always' });
  Policy.suppress(tier, 'TEST-NO-PRIVILEGED', 'node agent needs the host; ticket SEC-12');
  Policy.suppress(stack, 'TEST-READONLY-TYPO', 'a stale suppression of a misspelled rule id');
  PolicyChecks.applyTo(stack, { rules: reviewRules(), failOn: Severity.HIGH });
  try {
    app.synth();
  } catch {
    // the rule error is HIGH and blocks synth; the reports are written anyway
  }
}

describe('SARIF 2.1.0 for GitHub code scanning', () => {
  test('the synth report is a strictly valid SARIF 2.1.0 log: unique fingerprints, resolvable rule indexes, GitHub fields', () => {
    const outdir = tmp('review-sarif-');
    synthReviewStack(outdir);
    const sarif = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'platform', 'policy-report.sarif'), 'utf8'));
    expect(sarifProblems(sarif)).toEqual([]);
    const results = sarif.runs[0].results;
    expect(results.filter((r: any) => r.ruleId === 'TEST-TWO-VIOLATIONS')).toHaveLength(2);
  });

  test('the CLI\'s SARIF has relative URIs based on %SRCROOT%, and points provider findings at the provider block', () => {
    const dir = fs.mkdtempSync(path.join(ROOT, '.tmp-review-sarif-'));
    const cwd = process.cwd();
    try {
      synthReviewStack(dir);
      process.chdir(ROOT);
      const { out } = run(['check', '--format', 'sarif', path.relative(ROOT, dir)], reviewRules());
      const sarif = JSON.parse(out);
      expect(sarifProblems(sarif)).toEqual([]);
      const stackFile = `${path.relative(ROOT, dir)}/stacks/platform/cdk.tf.json`;
      const provider = sarif.runs[0].results.find((r: any) => r.ruleId === 'TEST-PROVIDER-HOST');
      expect(provider.locations[0].physicalLocation.artifactLocation).toEqual({ uri: stackFile, uriBaseId: '%SRCROOT%' });
      const lines = fs.readFileSync(path.join(dir, 'stacks', 'platform', 'cdk.tf.json'), 'utf8').split('\n');
      expect(lines[provider.locations[0].physicalLocation.region.startLine - 1].trim()).toBe('"docker": [');
    } finally {
      process.chdir(cwd);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a resource\'s line is found at its own depth, not at a nested attribute of the same name', () => {
    const text = JSON.stringify({
      resource: {
        docker_container: { web: { name: 'web', labels: { db: { value: 'x' } } } },
        docker_image: { db: { name: 'postgres:16' } },
      },
    }, undefined, 2);
    const lines = text.split('\n');
    const index = resourceLineIndex(text);
    expect(lines[index.get('docker_container.web')! - 1].trim()).toBe('"web": {');
    expect(index.get('docker_container.db')).toBeUndefined();
    expect(index.get('docker_image.db')).toBe(lines.findIndex((l) => l.includes('"postgres:16"')));
  });
});

describe('unused suppressions are visible in every report', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = tmp('review-unused-');
    synthReviewStack(outdir);
  });
  const read = (file: string) => fs.readFileSync(path.join(outdir, 'stacks', 'platform', file), 'utf8');

  test('JSON: each suppression with the number of findings it accepted, 0 for the stale one', () => {
    expect(JSON.parse(read('policy-report.json')).summary.suppressions).toEqual([
      { stack: 'platform', ruleId: 'TEST-READONLY-TYPO', reason: 'a stale suppression of a misspelled rule id', scopePath: 'platform', findingsAccepted: 0 },
      { stack: 'platform', ruleId: 'TEST-NO-PRIVILEGED', reason: 'node agent needs the host; ticket SEC-12', scopePath: 'platform/Tier', findingsAccepted: 1 },
    ]);
  });

  test('Markdown: the stale suppression is marked unused', () => {
    expect(read('policy-report.md')).toContain('| TEST-READONLY-TYPO | `platform` | a stale suppression of a misspelled rule id | 0 (unused: it accepts no finding; remove it, or correct its rule id or scope) |');
  });

  test('SARIF: every suppression, used or not, under runs[0].properties.suppressions', () => {
    const sarif = JSON.parse(read('policy-report.sarif'));
    expect(sarif.runs[0].properties.suppressions.map((s: any) => [s.ruleId, s.findingsAccepted])).toEqual([['TEST-READONLY-TYPO', 0], ['TEST-NO-PRIVILEGED', 1]]);
  });

  test('CLI: JSON counts the findings each recorded suppression accepts, text lists the unused ones', () => {
    const json = JSON.parse(run(['check', '--format', 'json', outdir], reviewRules()).out);
    expect(json.summary.suppressions.map((s: any) => [s.ruleId, s.findingsAccepted])).toEqual([['TEST-READONLY-TYPO', 0], ['TEST-NO-PRIVILEGED', 1]]);
    const text = run(['check', outdir], reviewRules()).out.split('\n');
    expect(text).toContain('UNUSED SUPPRESSION TEST-READONLY-TYPO platform: on platform ("a stale suppression of a misspelled rule id")');
    expect(text.filter((l) => l.startsWith('UNUSED SUPPRESSION'))).toHaveLength(1);
  });
});

describe('findingsAccepted counts each finding once, for the suppression that accepted it', () => {
  test('a rule-wide and a detailed suppression on one construct: the first added accepts, the other is unused', () => {
    const outdir = tmp('review-shadowed-');
    const app = new App({ outdir });
    const stack = rawStack(app, 'platform');
    const web = deployment(stack, 'Web', true);
    Policy.suppress(web, 'TEST-NO-PRIVILEGED', 'node agent needs the host; ticket SEC-12');
    Policy.suppress(web, 'TEST-NO-PRIVILEGED[container=web]', 'added later for the same finding; ticket SEC-13');
    PolicyChecks.applyTo(stack, { rules: fixtureRules() });
    app.synth();
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'platform', 'policy-report.json'), 'utf8'));
    expect(report.findings.filter((f: any) => f.suppressed).map((f: any) => f.reason)).toEqual(['node agent needs the host; ticket SEC-12']);
    expect(report.summary.suppressions.map((s: any) => [s.ruleId, s.findingsAccepted])).toEqual([
      ['TEST-NO-PRIVILEGED', 1],
      ['TEST-NO-PRIVILEGED[container=web]', 0],
    ]);
    const cli = JSON.parse(run(['check', '--format', 'json', outdir]).out);
    expect(cli.summary.suppressions).toEqual(report.summary.suppressions);
  });
});

describe('cdktf-hybrid check input validation', () => {
  test('fails with exit 2 on a JSON object that is not Terraform (unknown top-level key)', () => {
    const file = path.join(tmp('review-nottf-'), 'cdk.tf.json');
    fs.writeFileSync(file, JSON.stringify({ name: 'my-app', version: '1.0.0' }));
    expect(run(['check', file])).toEqual({
      code: 2,
      out: '',
      err: `cdktf-hybrid check: ${file} is not Terraform JSON: top-level key "name" is not a Terraform block type `
        + '(expected terraform, provider, resource, data, ephemeral, variable, output, locals, module, moved, import, removed, check, action)\n',
    });
  });

  test('accepts an empty configuration and every Terraform top-level block', () => {
    const file = path.join(tmp('review-tf-'), 'main.tf.json');
    fs.writeFileSync(file, JSON.stringify({ '//': {}, 'terraform': {}, 'variable': { a: {} }, 'locals': { b: 1 }, 'output': { c: { value: 1 } }, 'data': {}, 'module': {} }));
    expect(run(['check', file]).code).toBe(0);
  });
});

describe('one rule context per stack', () => {
  test('every resource of a stack sees the same context array (not a copy per resource), holding every resource', () => {
    const seen: PolicyContext[] = [];
    const arrays = new Set<PolicyResource[]>();
    class ContextRule implements IPolicyRule {
      public readonly ruleId = 'TEST-CONTEXT';
      public readonly title = 'records its context';
      public readonly severity = Severity.LOW;
      public readonly source = 'test fixture';
      public readonly resourceTypes = ['docker_container'];
      public evaluate(_resource: PolicyResource, context: PolicyContext): RuleResult {
        seen.push(context);
        arrays.add(context.resources);
        return RuleResult.pass();
      }
    }
    const stack = rawStack(Testing.app());
    for (let i = 0; i < 5; i++) container(stack, `C${i}`, { readOnly: true });
    PolicyChecks.applyTo(stack, { rules: [new ContextRule()] });
    Testing.synth(stack);
    expect(seen).toHaveLength(5);
    expect(arrays.size).toBe(1);
    expect([...arrays][0].map((r) => r.address)).toEqual(['docker_container.C0', 'docker_container.C1', 'docker_container.C2', 'docker_container.C3', 'docker_container.C4']);
  });
});

describe('the packaged CLI runs from compiled JavaScript alone', () => {
  test('bin/cdktf-hybrid.js compiled with tsc, outside the repository (no ts-node, no node_modules): help, findings, exit codes', () => {
    const pkgDir = tmp('review-pkg-');
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json'), '--outDir', path.join(pkgDir, 'lib'),
      '--rootDir', path.join(ROOT, 'lib'), '--declaration', 'false', '--inlineSourceMap', 'false', '--inlineSources', 'false'], { cwd: ROOT, stdio: 'pipe' });
    fs.mkdirSync(path.join(pkgDir, 'bin'));
    fs.copyFileSync(path.join(ROOT, 'bin', 'cdktf-hybrid.js'), path.join(pkgDir, 'bin', 'cdktf-hybrid.js'));
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(pkgDir, 'package.json'));
    const bin = (args: string[]) => spawnSync(process.execPath, [path.join(pkgDir, 'bin', 'cdktf-hybrid.js'), ...args], { cwd: pkgDir, encoding: 'utf8', env: { PATH: process.env.PATH } });

    expect(bin(['--help'])).toMatchObject({ status: 0, stderr: '' });
    const file = path.join(pkgDir, 'main.tf.json');
    fs.writeFileSync(file, JSON.stringify({ resource: { docker_container: { c: { name: 'c', image: 'nginx:1.27', privileged: true } } } }, undefined, 2));
    const found = bin(['check', '--min-severity', 'HIGH', '--format', 'json', file]);
    expect({ status: found.status, stderr: found.stderr }).toEqual({ status: 1, stderr: '' });
    expect(JSON.parse(found.stdout).findings.map((f: any) => f.ruleId)).toContain('DOCKER-NO-PRIVILEGED');
    // HCL needs @cdktf/hcl2json (bundled in the package); without it, one line and exit 2, never a crash
    fs.mkdirSync(path.join(pkgDir, 'hcl'));
    fs.writeFileSync(path.join(pkgDir, 'hcl', 'main.tf'), 'resource "docker_container" "c" {\n  name = "c"\n}\n');
    expect(bin(['check', path.join(pkgDir, 'hcl')]).stderr).toMatch(/main\.tf is HCL, and reading HCL needs the package @cdktf\/hcl2json/);
    // a directory without Terraform in it (bin/ holds only the script)
    for (const args of [['check', '--bogus', file], ['check', '--format', 'xml', file], ['check', '--min-severity', 'CRITICAL', file], ['check', path.join(pkgDir, 'bin')], ['check', path.join(pkgDir, 'package.json')], ['check', path.join(pkgDir, 'hcl')]]) {
      const r = bin(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^cdktf-hybrid check: [^\n]+\n$/);
    }
    fs.rmSync(pkgDir, { recursive: true, force: true });
  }, 120_000);
});
