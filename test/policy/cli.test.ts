import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { App } from 'cdktf';
import { Construct } from 'constructs';
import { Policy, PolicyChecks } from '../../lib';
import { main } from '../../lib/policy/cli';
import { container, deployment, fixtureRules, rawStack } from './fixtures';

const ROOT = path.join(__dirname, '..', '..');

function tmp(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function run(argv: string[], rules = fixtureRules()) {
  let out = '';
  let err = '';
  const code = main(argv, { out: (t) => { out += t; }, err: (t) => { err += t; } }, rules);
  return { code, out, err };
}

/** A cdktf.out written by a plain cdktf project that does not use cdktf-hybrid (hand-written, as cdktf 0.21 lays it out). */
function foreignCdktfOut(): string {
  const dir = tmp('foreign-cdktf-out-');
  fs.mkdirSync(path.join(dir, 'stacks', 'legacy'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: '0.21.0', stacks: { legacy: { name: 'legacy', synthesizedStackPath: 'stacks/legacy/cdk.tf.json' } } }));
  const stack = {
    '//': { metadata: { backend: 'local', stackName: 'legacy', version: '0.21.0' }, outputs: {} },
    'provider': { docker: [{}] },
    'resource': {
      docker_container: {
        agent: {
          '//': { metadata: { path: 'legacy/agent', uniqueId: 'agent' } },
          name: 'agent',
          image: 'portainer/agent:2.19',
          volumes: [{ host_path: '/var/run/docker.sock', container_path: '/var/run/docker.sock' }],
          read_only: true,
        },
        web: { name: 'web', image: 'nginx:1.27', restart: 'always' },
      },
      terraform_data: { marker: { input: 'x' } },
    },
    'terraform': { required_providers: { docker: { source: 'kreuzwerker/docker', version: '3.0.2' } } },
  };
  fs.writeFileSync(path.join(dir, 'stacks', 'legacy', 'cdk.tf.json'), JSON.stringify(stack, undefined, 2));
  return dir;
}

describe('cdktf-hybrid check (in process)', () => {
  test('reports every insecure setting of a cdktf.out this library did not produce, and exits 1', () => {
    const dir = foreignCdktfOut();
    const { code, out, err } = run(['check', '--format', 'json', dir]);
    expect(err).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(out);
    // the CLI adds where each finding was read from: input kind, file (a SARIF-style URI) and line
    const file = pathToFileURL(path.join(dir, 'stacks', 'legacy', 'cdk.tf.json')).href;
    expect(report.findings).toEqual([
      { ruleId: 'TEST-NO-DOCKER-SOCKET', severity: 'HIGH', status: 'FAIL', resource: 'docker_container.agent', stack: 'legacy', path: 'legacy/agent',
        message: 'The Docker socket is never mounted: volumes[0].host_path is "/var/run/docker.sock". Fix: remove the docker.sock volume.', suppressed: false, reason: null,
        input: 'cdktf', file, line: 17 },
      { ruleId: 'TEST-READONLY', severity: 'MEDIUM', status: 'FAIL', resource: 'docker_container.web', stack: 'legacy', path: null,
        message: 'Root filesystem is read-only: read_only is not set. Fix: set read_only = true.', suppressed: false, reason: null,
        input: 'cdktf', file, line: 34 },
      { ruleId: 'TEST-RESTART', severity: 'LOW', status: 'FAIL', resource: 'docker_container.web', stack: 'legacy', path: null,
        message: 'Restart policy is bounded: restart is "always". Fix: use on-failure with max_retry_count.', suppressed: false, reason: null,
        input: 'cdktf', file, line: 34 },
    ]);
    expect(report.summary).toMatchObject({ total: 3, blocking: 3, failed: 3, suppressed: 0, threshold: 'LOW', stacks: 1, resources: 3, bySeverity: { HIGH: 1, MEDIUM: 1, LOW: 1 } });
  });

  test('--min-severity sets the threshold: only findings at or above it are reported and fail', () => {
    const dir = foreignCdktfOut();
    const medium = run(['check', '--format=json', '--min-severity', 'medium', dir]);
    expect(medium.code).toBe(1);
    expect(JSON.parse(medium.out).findings.map((f: any) => f.ruleId)).toEqual(['TEST-NO-DOCKER-SOCKET', 'TEST-READONLY']);
    const onlyLow = run(['check', '--min-severity', 'HIGH', dir], [fixtureRules()[2], fixtureRules()[3]]);
    expect(onlyLow.code).toBe(0);
  });

  test('accepts a stack directory and a single hand-written *.tf.json file', () => {
    const dir = foreignCdktfOut();
    expect(run(['check', path.join(dir, 'stacks', 'legacy')]).code).toBe(1);
    const file = path.join(tmp('tfjson-'), 'main.tf.json');
    fs.writeFileSync(file, JSON.stringify({ resource: [{ docker_container: { app: [{ name: 'app', image: 'nginx', read_only: true }] } }] }));
    const result = run(['check', '--format', 'json', file]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).summary).toMatchObject({ total: 0, stacks: 1, resources: 1 });
  });

  test('text format lists findings, most severe first, and a summary', () => {
    const { code, out } = run(['check', foreignCdktfOut()]);
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('FAIL HIGH TEST-NO-DOCKER-SOCKET legacy: docker_container.agent (legacy/agent)');
    expect(lines[lines.length - 1]).toBe('3 blocking finding(s) at or above LOW; 3 in total (3 failed, 0 rule errors, 0 unknown, 0 suppressed) in 1 stack(s), 3 resource(s), 4 rule(s).');
  });

  test('sarif format is a valid SARIF 2.1.0 log pointing at the resource line', () => {
    const dir = foreignCdktfOut();
    const { code, out } = run(['check', '--format', 'sarif', dir]);
    expect(code).toBe(1);
    const sarif = JSON.parse(out);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(sarif.runs).toHaveLength(1);
    const { driver } = sarif.runs[0].tool;
    expect(driver.name).toBe('cdktf-hybrid');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(driver.version).toBe(pkg.version);
    expect(driver.informationUri).toBe(pkg.repository.url.replace(/\.git$/, ''));
    expect(driver.rules.map((r: any) => r.id)).toEqual(['TEST-NO-PRIVILEGED', 'TEST-NO-DOCKER-SOCKET', 'TEST-READONLY', 'TEST-RESTART']);
    for (const rule of driver.rules) {
      expect(rule.shortDescription.text).toEqual(expect.any(String));
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
    const results = sarif.runs[0].results;
    expect(results.map((r: any) => [r.ruleId, r.level])).toEqual([['TEST-NO-DOCKER-SOCKET', 'error'], ['TEST-READONLY', 'warning'], ['TEST-RESTART', 'note']]);
    for (const r of results) {
      expect(driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(r.message.text).toEqual(expect.any(String));
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toMatch(/stacks\/legacy\/cdk\.tf\.json$/);
    }
    const text = fs.readFileSync(path.join(dir, 'stacks', 'legacy', 'cdk.tf.json'), 'utf8').split('\n');
    expect(text[results[0].locations[0].physicalLocation.region.startLine - 1].trim()).toBe('"agent": {');
  });

  test('reads back the suppressions PolicyChecks recorded in cdk.tf.json, and agrees with the synth report', () => {
    const outdir = tmp('policy-cli-synth-');
    const app = new App({ outdir });
    const stack = rawStack(app, 'platform');
    const tier = new Construct(stack, 'Tier');
    deployment(tier as any, 'Web', true);
    container(stack, 'Db', { readOnly: true, restart: 'always' });
    Policy.suppress(tier, 'TEST-NO-PRIVILEGED', 'node agent needs the host; ticket SEC-12');
    PolicyChecks.applyTo(stack, { rules: fixtureRules() });
    app.synth();
    const { code, out } = run(['check', '--format', 'json', outdir]);
    const cli = JSON.parse(out);
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'platform', 'policy-report.json'), 'utf8'));
    expect(cli.findings.map(({ input: _input, file: _file, line: _line, ...rest }: any) => rest)).toEqual(report.findings);
    expect(cli.findings.map((f: any) => f.input)).toEqual(['cdktf', 'cdktf']);
    expect(cli.findings.map((f: any) => [f.ruleId, f.suppressed, f.reason])).toEqual([
      ['TEST-RESTART', false, null],
      ['TEST-NO-PRIVILEGED[container=web]', true, 'node agent needs the host; ticket SEC-12'],
    ]);
    expect(cli.summary.suppressions).toEqual([{ stack: 'platform', ruleId: 'TEST-NO-PRIVILEGED', reason: 'node agent needs the host; ticket SEC-12', scopePath: 'platform/Tier', findingsAccepted: 1 }]);
    expect(cli.summary.suppressions).toEqual(report.summary.suppressions);
    expect(code).toBe(1); // the LOW finding is at the default threshold
    expect(run(['check', '--min-severity', 'MEDIUM', outdir]).code).toBe(0);
  });

  test('a suppression of an unsuppressible rule found in the JSON does not hide the finding', () => {
    const dir = foreignCdktfOut();
    const file = path.join(dir, 'stacks', 'legacy', 'cdk.tf.json');
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    doc.resource.docker_container.agent['//']['cdktf-hybrid'] = { suppressions: [{ ruleId: 'TEST-NO-DOCKER-SOCKET', reason: 'edited by hand to hide it', scopePath: 'legacy' }] };
    fs.writeFileSync(file, JSON.stringify(doc));
    const { out } = run(['check', '--format', 'json', '--min-severity', 'HIGH', dir]);
    expect(JSON.parse(out).findings).toMatchObject([{ ruleId: 'TEST-NO-DOCKER-SOCKET', suppressed: false, reason: null }]);
  });

  test.each([
    [['check', '/nonexistent/cdktf.out'], 'cdktf-hybrid check: cannot read /nonexistent/cdktf.out: no such file or directory'],
    [['check'], 'cdktf-hybrid check: no path given: pass directories (searched recursively), Terraform files or a plan JSON (see --help)'],
    [['check', '--format', 'xml', '.'], 'cdktf-hybrid check: --format must be one of text, json, sarif (got "xml")'],
    [['check', '--min-severity', 'CRITICAL', '.'], 'cdktf-hybrid check: --min-severity must be LOW, MEDIUM or HIGH (got "CRITICAL")'],
    [['check', '--colour', '.'], 'cdktf-hybrid check: unknown option --colour (see --help)'],
    [['lint', '.'], 'cdktf-hybrid check: unknown command "lint"; the only command is "check" (see --help)'],
  ])('fails with exit 2 and one line for %j', (argv, message) => {
    const { code, out, err } = run(argv);
    expect({ code, out, err }).toEqual({ code: 2, out: '', err: `${message}\n` });
  });

  test('fails with exit 2 on an invalid rule set', () => {
    const rules = [fixtureRules()[2], fixtureRules()[2]];
    expect(run(['check', foreignCdktfOut()], rules).err).toBe('cdktf-hybrid check: the rule set is invalid: rule id TEST-READONLY is used by more than one rule\n');
  });

  test('fails with exit 2 on invalid JSON, one line, no stack trace', () => {
    const dir = foreignCdktfOut();
    const file = path.join(dir, 'stacks', 'legacy', 'cdk.tf.json');
    fs.writeFileSync(file, '{ "resource": { ');
    const { code, err } = run(['check', dir]);
    expect(code).toBe(2);
    expect(err).toMatch(new RegExp(`^cdktf-hybrid check: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not valid JSON: .+\n$`));
    expect(err.split('\n')).toHaveLength(2);
  });

  test('fails with exit 2 on JSON that is not Terraform JSON, and on a directory without cdk.tf.json', () => {
    const dir = tmp('not-tf-');
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify({ resource: { docker_container: 'oops' } }));
    expect(run(['check', dir]).err).toBe(`cdktf-hybrid check: ${path.join(dir, 'cdk.tf.json')} is not Terraform JSON: "resource"."docker_container" is not an object\n`);
    const empty = tmp('empty-');
    const result = run(['check', empty]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(`cdktf-hybrid check: no Terraform found in ${empty}: looked for cdk.tf.json, *.tf.json and *.tf in it and below `
      + '(skipping node_modules, .terraform, .git); or pass a plan from terraform show -json as a file\n');
  });

  test('--help prints the usage and exits 0', () => {
    const { code, out } = run(['--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: cdktf-hybrid check \[options\] <path\.\.\.>/);
    for (const option of ['--format', '--min-severity', '--baseline', '--create-baseline']) expect(out).toContain(option);
  });
});

describe('cdktf-hybrid check (child process through bin/cdktf-hybrid.js)', () => {
  // Runs the real bin; ts-node (swc) compiles lib/policy/cli.ts on the fly, so no jsii build is needed.
  const env = { ...process.env, TS_NODE_SWC: 'true', TS_NODE_PREFER_TS_EXTS: 'true', TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') };
  const bin = (args: string[]) => spawnSync(process.execPath, ['-r', 'ts-node/register', path.join(ROOT, 'bin', 'cdktf-hybrid.js'), ...args], { cwd: ROOT, env, encoding: 'utf8' });

  test('works from the TypeScript sources alone, as on a fresh clone (no build, no -r ts-node/register)', () => {
    const dir = tmp('bin-src-');
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify({ resource: { terraform_data: { marker: { input: 'x' } } } }));
    const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'cdktf-hybrid.js'), 'check', '--format', 'json', dir],
      { cwd: ROOT, env: { ...process.env, CDKTF_HYBRID_FROM_SOURCE: '1' }, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ findings: [], summary: { stacks: 1, resources: 1 } });
  });

  test('checks a foreign cdktf.out with the built-in packs and prints the JSON report', () => {
    const dir = tmp('bin-ok-');
    fs.mkdirSync(path.join(dir, 'stacks', 'app'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'stacks', 'app', 'cdk.tf.json'), JSON.stringify({ resource: { terraform_data: { marker: { input: 'x' } } } }));
    const result = bin(['check', '--format', 'json', dir]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ findings: [], summary: { total: 0, stacks: 1, resources: 1 } });
  });

  test('exits 2 with one line and no stack trace on a missing path and on invalid JSON', () => {
    const missing = bin(['check', '/nonexistent/cdktf.out']);
    expect({ status: missing.status, stderr: missing.stderr, stdout: missing.stdout })
      .toEqual({ status: 2, stderr: 'cdktf-hybrid check: cannot read /nonexistent/cdktf.out: no such file or directory\n', stdout: '' });
    const file = path.join(tmp('bin-bad-'), 'cdk.tf.json');
    fs.writeFileSync(file, 'not json');
    const invalid = bin(['check', file]);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr.trim().split('\n')).toHaveLength(1);
    expect(invalid.stderr).toContain(`${file} is not valid JSON`);
    expect(invalid.stderr).not.toMatch(/\n\s+at /);
  });

  test('the package.json bin entry points at this script', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ 'cdktf-hybrid': 'bin/cdktf-hybrid.js', 'cdktf-hybrid-scan-gate': 'bin/cdktf-hybrid-scan-gate.js' });
    expect(pkg.files).toContain('bin/cdktf-hybrid.js');
    expect(fs.readFileSync(path.join(ROOT, pkg.bin['cdktf-hybrid']), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });
});
