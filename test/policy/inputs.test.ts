// `cdktf-hybrid check` on the Terraform a team has: whole trees (several cdktf.out folders, plain *.tf.json
// modules, skipped folders), HCL through @cdktf/hcl2json, plans from `terraform show -json` evaluated on
// planned values, and --baseline. Every finding says which input kind, file and line it came from.
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { k8sPodTemplate } from './acceptance/fixtures';
import { run, tmp } from './cli-run';

const INPUTS = path.join(__dirname, 'inputs');


function json(...argv: string[]) {
  const result = run('check', '--format', 'json', ...argv);
  expect(result.err).toBe('');
  return { code: result.code, report: JSON.parse(result.out) };
}

function write(file: string, doc: unknown): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(doc, undefined, 2));
  return file;
}

/** A privileged container in Terraform JSON: the one setting the tree test plants in every input. */
function privilegedDeployment(name: string) {
  return {
    metadata: { name, namespace: 'apps' },
    spec: { template: { metadata: { labels: { app: name } }, spec: { container: [{ name, image: 'nginx:1.27', security_context: { privileged: true } }] } } },
  };
}

function cdktfStack(stackName: string, resourceName: string) {
  return {
    '//': { metadata: { backend: 'local', stackName, version: '0.21.0' }, outputs: {} },
    'resource': { kubernetes_deployment_v1: { [resourceName]: privilegedDeployment(resourceName) } },
  };
}

const rel = (file: string) => path.relative(process.cwd(), file).split(path.sep).join('/');

describe('directories are searched recursively', () => {
  let root: string;
  beforeAll(() => {
    root = tmp('policy-tree-');
    // two cdktf apps, each with its cdktf.out (three stacks), and plain Terraform JSON modules
    write(path.join(root, 'apps', 'shop', 'cdktf.out', 'stacks', 'front', 'cdk.tf.json'), cdktfStack('front', 'front'));
    write(path.join(root, 'apps', 'shop', 'cdktf.out', 'stacks', 'back', 'cdk.tf.json'), cdktfStack('back', 'back'));
    write(path.join(root, 'apps', 'ops', 'cdktf.out', 'stacks', 'tools', 'cdk.tf.json'), cdktfStack('tools', 'tools'));
    fs.writeFileSync(path.join(root, 'apps', 'ops', 'cdktf.out', 'manifest.json'), '{"version":"0.21.0"}');
    write(path.join(root, 'infra', 'k8s', 'main.tf.json'), { resource: { kubernetes_deployment_v1: { plain: privilegedDeployment('plain') } } });
    write(path.join(root, 'infra', 'k8s', 'rbac.tf.json'), {
      resource: { kubernetes_role_binding_v1: { ops: { metadata: { name: 'ops', namespace: 'apps' }, role_ref: { kind: 'Role', name: 'ops', api_group: 'rbac.authorization.k8s.io' }, subject: [{ kind: 'ServiceAccount', name: 'default' }] } } },
    });
    write(path.join(root, 'infra', 'k8s', 'terraform.tfvars.json'), { not: 'terraform configuration' });
    write(path.join(root, 'package.json'), { name: 'not-terraform' });
    // never searched: dependencies, Terraform's working files, version control (each would add a finding)
    write(path.join(root, 'node_modules', 'some-pkg', 'cdk.tf.json'), cdktfStack('dependency', 'dep'));
    write(path.join(root, 'infra', 'k8s', '.terraform', 'modules', 'm', 'main.tf.json'), { resource: { kubernetes_deployment_v1: { module: privilegedDeployment('module') } } });
    write(path.join(root, '.git', 'x.tf.json'), { resource: { kubernetes_deployment_v1: { git: privilegedDeployment('git') } } });
    // a symbolic link back up the tree is not followed
    fs.symlinkSync(root, path.join(root, 'apps', 'loop'), 'dir');
  });

  test('every cdk.tf.json is a stack and every directory of *.tf.json a module; skipped folders stay skipped', () => {
    const { code, report } = json(root);
    expect(code).toBe(1);
    expect(report.summary.stacks).toBe(4);
    const privileged = report.findings.filter((f: any) => f.ruleId.startsWith('K8S-NO-PRIVILEGED'));
    expect(privileged.map((f: any) => [f.stack, f.resource, f.input]).sort()).toEqual([
      ['back', 'kubernetes_deployment_v1.back', 'cdktf'],
      ['front', 'kubernetes_deployment_v1.front', 'cdktf'],
      [rel(path.join(root, 'infra', 'k8s')), 'kubernetes_deployment_v1.plain', 'terraform-json'],
      ['tools', 'kubernetes_deployment_v1.tools', 'cdktf'],
    ].sort());
    const files = new Set(report.findings.map((f: any) => f.file));
    for (const skipped of ['node_modules', '.terraform', '.git', 'loop']) expect([...files].filter((f) => String(f).includes(`/${skipped}/`))).toEqual([]);
  });

  test('two cdktf apps with a stack of the same name: each is named by its directory, so their findings stay apart', () => {
    const dir = tmp('policy-same-name-');
    write(path.join(dir, 'a', 'cdktf.out', 'stacks', 'dev', 'cdk.tf.json'), cdktfStack('dev', 'web'));
    write(path.join(dir, 'b', 'cdktf.out', 'stacks', 'dev', 'cdk.tf.json'), cdktfStack('dev', 'web'));
    const { report } = json(dir);
    const stacks = report.findings.filter((f: any) => f.ruleId.startsWith('K8S-NO-PRIVILEGED')).map((f: any) => f.stack).sort();
    expect(stacks).toEqual([rel(path.join(dir, 'a', 'cdktf.out', 'stacks', 'dev')), rel(path.join(dir, 'b', 'cdktf.out', 'stacks', 'dev'))]);
  });

  test('the files of one directory form one module: a rule sees resources from both files, each finding names its own file and line', () => {
    const { report } = json(path.join(root, 'infra'));
    const binding = report.findings.find((f: any) => f.ruleId.startsWith('K8S-RBAC-DEFAULT-SA'));
    const plain = report.findings.find((f: any) => f.ruleId.startsWith('K8S-NO-PRIVILEGED'));
    expect(binding).toMatchObject({ stack: rel(path.join(root, 'infra', 'k8s')), resource: 'kubernetes_role_binding_v1.ops', input: 'terraform-json' });
    expect(binding.file).toMatch(/infra\/k8s\/rbac\.tf\.json$/);
    expect(plain.file).toMatch(/infra\/k8s\/main\.tf\.json$/);
    const lines = fs.readFileSync(path.join(root, 'infra', 'k8s', 'main.tf.json'), 'utf8').split('\n');
    expect(lines[plain.line - 1]).toMatch(/^\s+"plain": \{$/);
    expect(report.summary.stacks).toBe(1);
  });

  test('text and SARIF carry the input kind and location too', () => {
    const text = run('check', path.join(root, 'infra'));
    expect(text.out).toMatch(/FAIL HIGH K8S-NO-PRIVILEGED\[container=plain\] \S+: kubernetes_deployment_v1\.plain\n {4}at \S+infra\/k8s\/main\.tf\.json:\d+ \(terraform-json\)\n/);
    const sarif = JSON.parse(run('check', '--format', 'sarif', path.join(root, 'apps', 'shop')).out);
    const results = sarif.runs[0].results;
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.properties.inputKind).toBe('cdktf');
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toMatch(/cdktf\.out\/stacks\/(front|back)\/cdk\.tf\.json$/);
    }
  });

  test('a directory with no Terraform in it exits 2 with one line; invalid JSON found on the way too', () => {
    const empty = tmp('policy-empty-');
    fs.mkdirSync(path.join(empty, 'node_modules', 'x'), { recursive: true });
    fs.writeFileSync(path.join(empty, 'node_modules', 'x', 'main.tf.json'), '{}');
    expect(run('check', empty)).toEqual({ code: 2, out: '', err: expect.stringMatching(/^cdktf-hybrid check: no Terraform found in .+\n$/) });
    const broken = tmp('policy-broken-');
    fs.mkdirSync(path.join(broken, 'net'));
    fs.writeFileSync(path.join(broken, 'net', 'main.tf.json'), '{ "resource": ');
    expect(run('check', broken)).toEqual({ code: 2, out: '', err: expect.stringMatching(/main\.tf\.json is not valid JSON: .+\n$/) });
  });
});

describe('HCL (*.tf) through @cdktf/hcl2json', () => {
  test('a plain HCL module is checked like Terraform JSON, with the line of each block', () => {
    const { code, report } = json(path.join(INPUTS, 'hcl'));
    expect(code).toBe(1);
    expect(report.summary).toMatchObject({ stacks: 1, resources: 3 });
    const byRule = (id: string) => report.findings.filter((f: any) => f.ruleId.split('[')[0] === id);
    const at = (f: any) => [f.input, path.basename(f.file), f.line];
    expect(byRule('K8S-NO-PRIVILEGED').map(at)).toEqual([['hcl', 'workload.tf', 1]]);
    expect(byRule('K8S-RBAC-NO-WILDCARD').map((f: any) => [...at(f), f.ruleId])).toEqual([
      ['hcl', 'main.tf', 11, 'K8S-RBAC-NO-WILDCARD[field=api_groups]'],
      ['hcl', 'main.tf', 11, 'K8S-RBAC-NO-WILDCARD[field=resources]'],
      ['hcl', 'main.tf', 11, 'K8S-RBAC-NO-WILDCARD[field=verbs]'],
    ]);
    expect(byRule('K8S-RBAC-DEFAULT-SA').map(at)).toEqual([['hcl', 'main.tf', 27]]);
    expect(byRule('DOCKER-DAEMON-TLS').map((f: any) => [...at(f), f.resource])).toEqual([['hcl', 'main.tf', 7, 'provider.docker']]);
    // the image digest comes from a variable: decided only at plan
    expect(byRule('K8S-IMAGE-DIGEST').map((f: any) => f.status)).toEqual(['UNKNOWN']);
  });

  test('invalid HCL exits 2 with the parser\'s one-line message', () => {
    const dir = tmp('policy-bad-hcl-');
    fs.writeFileSync(path.join(dir, 'main.tf'), 'resource "kubernetes_pod_v1" "x" {\n  spec = \n');
    const result = run('check', dir);
    expect(result).toEqual({ code: 2, out: '', err: expect.stringMatching(/^cdktf-hybrid check: \S+main\.tf is not valid HCL: .*main\.tf:2.*\n$/) });
    expect(result.err.split('\n')).toHaveLength(2);
  });
});

describe('terraform show -json plans: evaluated on planned values', () => {
  /** The stack the plan fixtures stand for: the container's privileged flag comes from a variable. */
  function synthesized(): string {
    const outdir = tmp('policy-plan-synth-');
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'web');
    new KubernetesProvider(stack, 'kubernetes', { configPath: '~/.kube/config' });
    const privileged = new TerraformVariable(stack, 'privileged', { type: 'bool', default: false });
    const template = k8sPodTemplate();
    template.spec.container[0].securityContext.privileged = privileged.booleanValue;
    new DeploymentV1(stack, 'web', { metadata: { name: 'web', namespace: 'apps' }, spec: { replicas: '2', selector: { matchLabels: { app: 'web' } }, template } as any });
    app.synth();
    return path.join(outdir, 'stacks', 'web', 'cdk.tf.json');
  }

  const privilegedFindings = (report: any) => report.findings.filter((f: any) => f.ruleId.startsWith('K8S-NO-PRIVILEGED'));

  test('UNKNOWN at synth (a variable), FAIL from the plan with privileged = true, no finding with false', () => {
    const synth = json(synthesized()).report;
    expect(privilegedFindings(synth).map((f: any) => [f.status, f.input])).toEqual([['UNKNOWN', 'cdktf']]);
    expect(privilegedFindings(synth)[0].message).toMatch(/privileged is only known at apply/);

    const fail = json(path.join(INPUTS, 'plan', 'plan-privileged.json'));
    expect(fail.code).toBe(1);
    expect(privilegedFindings(fail.report).map((f: any) => [f.status, f.input, f.resource, f.stack])).toEqual([['FAIL', 'plan', 'kubernetes_deployment_v1.web', 'plan-privileged']]);
    expect(privilegedFindings(fail.report)[0].message).toMatch(/privileged is true/);
    const lines = fs.readFileSync(path.join(INPUTS, 'plan', 'plan-privileged.json'), 'utf8').split('\n');
    expect(lines[privilegedFindings(fail.report)[0].line - 1]).toContain('"address": "kubernetes_deployment_v1.web"');

    const pass = json(path.join(INPUTS, 'plan', 'plan-unprivileged.json'));
    expect(privilegedFindings(pass.report)).toEqual([]);
  });

  test('values known only after apply stay UNKNOWN; sensitive planned values are never judged nor shown', () => {
    const result = run('check', '--format', 'json', path.join(INPUTS, 'plan', 'plan-privileged.json'));
    expect(result.out).not.toContain('hunter2-in-plan');
    const report = JSON.parse(result.out);
    const wildcard = report.findings.filter((f: any) => f.ruleId.startsWith('K8S-RBAC-NO-WILDCARD'));
    expect(wildcard.map((f: any) => [f.status, f.resource])).toEqual([['UNKNOWN', 'kubernetes_role_v1.reader']]);
    expect(wildcard[0].message).toMatch(/rule\[0\]\.verbs/);
  });

  test('a state (terraform show -json without a plan) is refused with a one-line hint', () => {
    const state = write(path.join(tmp('policy-state-'), 'state.json'), { format_version: '1.0', terraform_version: '1.11.4', values: { root_module: {} } });
    expect(run('check', state)).toEqual({ code: 2, out: '', err: expect.stringMatching(/state\.json is a state from terraform show -json, not a plan: .+\n$/) });
  });

  test('a plan next to other inputs: each finding keeps its own input kind', () => {
    const { report } = json(path.join(INPUTS, 'plan', 'plan-privileged.json'), path.join(INPUTS, 'hcl'));
    expect(new Set(report.findings.map((f: any) => f.input))).toEqual(new Set(['plan', 'hcl']));
  });
});

describe('--baseline: accept today\'s findings, fail on new ones', () => {
  function module(dir: string, names: string[]): void {
    write(path.join(dir, 'main.tf.json'), { resource: { kubernetes_deployment_v1: Object.fromEntries(names.map((n) => [n, privilegedDeployment(n)])) } });
  }

  test('create, accept, fail on a new finding, report stale entries', () => {
    const dir = tmp('policy-baseline-');
    const baseline = path.join(dir, 'policy-baseline.json');
    module(path.join(dir, 'tf'), ['legacy']);
    const before = run('check', path.join(dir, 'tf'));
    expect(before.code).toBe(1);

    // creating accepts everything there is today
    const created = run('check', '--create-baseline', baseline, path.join(dir, 'tf'));
    expect(created.code).toBe(0);
    const doc = JSON.parse(fs.readFileSync(baseline, 'utf8'));
    expect(doc.format).toBe('cdktf-hybrid-baseline/v1');
    expect(doc.findings).toContainEqual({ stack: expect.any(String), resource: 'kubernetes_deployment_v1.legacy', ruleId: 'K8S-NO-PRIVILEGED[container=legacy]' });
    expect(doc.findings.every((e: any) => Object.keys(e).sort().join() === 'resource,ruleId,stack')).toBe(true);

    // unchanged: exit 0, the findings are still listed, as suppressed by the baseline
    const same = json('--baseline', baseline, path.join(dir, 'tf'));
    expect(same.code).toBe(0);
    // one entry per finding id; a finding id may stand for several violations of one rule on one resource
    const accepted = same.report.findings.filter((f: any) => f.suppressed).length;
    expect(accepted).toBeGreaterThanOrEqual(doc.findings.length);
    expect(same.report.summary.baseline).toEqual({ file: baseline, accepted, stale: 0 });
    expect(same.report.summary.blocking).toBe(0);
    const legacy = same.report.findings.find((f: any) => f.ruleId === 'K8S-NO-PRIVILEGED[container=legacy]');
    expect(legacy).toMatchObject({ suppressed: true, reason: `accepted by the baseline ${baseline}` });

    // a new privileged deployment: only its findings block
    module(path.join(dir, 'tf'), ['legacy', 'fresh']);
    const added = json('--baseline', baseline, path.join(dir, 'tf'));
    expect(added.code).toBe(1);
    const blocking = added.report.findings.filter((f: any) => !f.suppressed && f.status === 'FAIL');
    expect(new Set(blocking.map((f: any) => f.resource))).toEqual(new Set(['kubernetes_deployment_v1.fresh']));

    // the legacy one fixed: its entries are stale, and the text report says so
    module(path.join(dir, 'tf'), []);
    write(path.join(dir, 'tf', 'main.tf.json'), { resource: { kubernetes_config_map_v1: { c: { metadata: { name: 'c', namespace: 'apps' } } } } });
    const fixed = run('check', '--baseline', baseline, path.join(dir, 'tf'));
    expect(fixed.out).toMatch(/\d+ baseline entries match no finding any more \(fixed\?\): regenerate .+ with --create-baseline\.\n$/);
  });

  test('a baseline never accepts findings of rules that cannot be suppressed', () => {
    const dir = tmp('policy-baseline-unsuppressible-');
    write(path.join(dir, 'tf', 'main.tf.json'), { provider: { docker: [{ host: 'tcp://10.0.0.5:2375' }] } });
    const baseline = path.join(dir, 'b.json');
    expect(run('check', '--create-baseline', baseline, path.join(dir, 'tf')).code).toBe(1);
    expect(JSON.parse(fs.readFileSync(baseline, 'utf8')).findings).toEqual([]);
  });

  test('a missing or foreign baseline file exits 2 with one line; the two flags do not combine', () => {
    const dir = tmp('policy-baseline-bad-');
    module(path.join(dir, 'tf'), ['x']);
    expect(run('check', '--baseline', path.join(dir, 'nope.json'), path.join(dir, 'tf')))
      .toEqual({ code: 2, out: '', err: expect.stringMatching(/^cdktf-hybrid check: cannot read the baseline .+nope\.json: no such file \(create it with --create-baseline\)\n$/) });
    write(path.join(dir, 'other.json'), { findings: [] });
    expect(run('check', '--baseline', path.join(dir, 'other.json'), path.join(dir, 'tf')).err).toMatch(/is not a cdktf-hybrid baseline/);
    expect(run('check', '--baseline', 'a', '--create-baseline', 'b', path.join(dir, 'tf')).code).toBe(2);
  });
});
