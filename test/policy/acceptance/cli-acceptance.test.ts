// Acceptance: `cdktf-hybrid check` on the cdktf.out of a cdktf project that does not use this
// library (a tiny app of raw provider L1s, synthesized here), in every output format; invalid input
// exits 2 with one line; the reference example's synthesized output exits 0.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Container } from '@cdktf/provider-docker/lib/container';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { DistributedPortGroup } from '@cdktf/provider-vsphere/lib/distributed-port-group';
import { VsphereProvider } from '@cdktf/provider-vsphere/lib/provider';
import { VirtualMachine } from '@cdktf/provider-vsphere/lib/virtual-machine';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { PolicyPacks } from '../../../lib';
import { run, tmp } from '../cli-run';
import { runExample } from '../../helpers/run-example';

const ROOT = path.join(__dirname, '..', '..', '..');


// ---------------------------------------------------------------- a plain cdktf app (no cdktf-hybrid import in it)

class EdgeStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new DockerProvider(this, 'docker', { host: 'tcp://10.1.2.3:2375' });
    new Container(this, 'portainer', {
      name: 'portainer',
      image: 'portainer/portainer-ce:latest',
      privileged: true,
      ports: [{ internal: 9000, external: 9000, ip: '0.0.0.0' }],
      volumes: [{ hostPath: '/var/run/docker.sock', containerPath: '/var/run/docker.sock' }],
    });
  }
}

class PlatformStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new KubernetesProvider(this, 'kubernetes', { configPath: '~/.kube/config' });
    new VsphereProvider(this, 'vsphere', { vsphereServer: 'vcenter.example.com', user: 'terraform', password: 'not-a-secret-test-value' });
    new DeploymentV1(this, 'log_shipper', {
      metadata: { name: 'log-shipper', namespace: 'logging' },
      spec: {
        selector: { matchLabels: { app: 'log-shipper' } },
        template: {
          metadata: { labels: { app: 'log-shipper' } },
          spec: {
            container: [{ name: 'shipper', image: 'fluent/fluent-bit:3.0', securityContext: { privileged: true } }],
            volume: [{ name: 'varlog', hostPath: { path: '/var/log' } }],
          },
        },
      },
    });
    new VirtualMachine(this, 'jumphost', {
      name: 'jumphost', resourcePoolId: 'resgroup-8', datastoreId: 'datastore-11', numCpus: 2, memory: 2048, guestId: 'ubuntu64Guest',
      firmware: 'bios', networkInterface: [{ networkId: 'network-5' }], disk: [{ label: 'disk0', size: 20 }],
      extraConfig: { 'isolation.tools.copy.disable': 'FALSE', 'isolation.tools.paste.disable': 'FALSE' },
    });
    new DistributedPortGroup(this, 'lab_pg', { name: 'lab', distributedVirtualSwitchUuid: 'dvs-uuid', vlanId: 4095, allowPromiscuous: true });
  }
}

/** Synthesizes the plain app into a fresh cdktf.out and returns its path. */
function synthPlainApp(): string {
  const outdir = tmp('plain-cdktf-out-');
  const app = new App({ outdir });
  new EdgeStack(app, 'edge');
  new PlatformStack(app, 'platform');
  app.synth();
  return outdir;
}

/** Expected (stack, resource, rule id with detail) of the deliberate insecure settings. */
const EXPECTED: Array<[string, string, string, string]> = [
  ['edge', 'provider.docker', 'DOCKER-DAEMON-TLS', 'HIGH'],
  ['edge', 'docker_container.portainer', 'DOCKER-NO-DOCKER-SOCKET', 'HIGH'],
  ['edge', 'docker_container.portainer', 'DOCKER-NO-PRIVILEGED', 'HIGH'],
  ['edge', 'docker_container.portainer', 'DOCKER-BIND-HOST-IP[port=9000]', 'MEDIUM'],
  ['edge', 'docker_container.portainer', 'DOCKER-IMAGE-PINNED', 'MEDIUM'],
  ['platform', 'kubernetes_deployment_v1.log_shipper', 'K8S-NO-PRIVILEGED[container=shipper]', 'HIGH'],
  ['platform', 'kubernetes_deployment_v1.log_shipper', 'K8S-NO-HOSTPATH[volume=varlog]', 'HIGH'],
  ['platform', 'vsphere_virtual_machine.jumphost', 'VM-EFI-SECUREBOOT', 'HIGH'],
  ['platform', 'vsphere_virtual_machine.jumphost', 'VM-ISOLATION-COPY', 'LOW'],
  ['platform', 'vsphere_virtual_machine.jumphost', 'VM-ISOLATION-PASTE', 'LOW'],
  ['platform', 'vsphere_virtual_machine.jumphost', 'VM-LOGGING', 'MEDIUM'],
  ['platform', 'vsphere_distributed_port_group.lab_pg', 'NET-DVPG-PROMISCUOUS', 'MEDIUM'],
];

// the synth report's keys, then where the CLI read the finding from (input kind, file, line)
const FINDING_KEYS = ['ruleId', 'severity', 'status', 'resource', 'stack', 'path', 'message', 'suppressed', 'reason', 'input', 'file', 'line'];
const SUMMARY_KEYS = ['total', 'blocking', 'failed', 'unknown', 'errors', 'suppressed', 'bySeverity', 'threshold', 'suppressions'];

describe('cdktf-hybrid check on the cdktf.out of a project that does not use cdktf-hybrid', () => {
  let outdir: string;
  let stackFiles: { [stack: string]: any };

  beforeAll(() => {
    outdir = synthPlainApp();
    stackFiles = Object.fromEntries(['edge', 'platform'].map((s) => [s, JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', s, 'cdk.tf.json'), 'utf8'))]));
  });

  test('the input really is foreign: no policy metadata and no policy reports in it', () => {
    for (const stack of ['edge', 'platform']) {
      expect(JSON.stringify(stackFiles[stack])).not.toContain('cdktf-hybrid');
      expect(fs.readdirSync(path.join(outdir, 'stacks', stack)).filter((f) => f.startsWith('policy-report'))).toEqual([]);
    }
  });

  test('text: every insecure setting is listed, with a summary line, and the exit code is 1', () => {
    const { code, out, err } = run('check', outdir);
    expect(err).toBe('');
    expect(code).toBe(1);
    for (const [stack, resource, ruleId] of EXPECTED) {
      // `<STATUS> <SEVERITY> <rule> <stack>: <resource> (<construct path>)`; provider blocks carry no construct path in cdk.tf.json
      expect(out).toContain(resource.startsWith('provider.') ? ` ${ruleId} ${stack}: ${resource}\n` : ` ${ruleId} ${stack}: ${resource} (${stack}/`);
    }
    expect(out.trim().split('\n').pop()).toMatch(/^\d+ blocking finding\(s\) at or above LOW; \d+ in total .* in 2 stack\(s\), 4 resource\(s\), \d+ rule\(s\)\.$/);
  });

  test('json: exactly the documented shape {"findings":[{ruleId,severity,status,resource,stack,path,message,suppressed,reason,input,file,line}],"summary":{...}}', () => {
    const { code, out, err } = run('check', '--format', 'json', outdir);
    expect([code, err]).toEqual([1, '']);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(['findings', 'summary']);
    for (const f of report.findings) {
      expect(Object.keys(f)).toEqual(FINDING_KEYS);
      expect(typeof f.ruleId).toBe('string');
      expect(['HIGH', 'MEDIUM', 'LOW']).toContain(f.severity);
      expect(['FAIL', 'UNKNOWN', 'ERROR']).toContain(f.status);
      expect(['edge', 'platform']).toContain(f.stack);
      // resource is "<type>.<name>" of a resource in that stack's cdk.tf.json (or provider.<name> for a provider block)
      const [type, ...rest] = f.resource.startsWith('provider.') ? ['provider', f.resource.slice('provider.'.length)] : f.resource.split('.');
      if (type === 'provider') expect(stackFiles[f.stack].provider[rest[0]]).toBeDefined();
      else expect(stackFiles[f.stack].resource[type][rest.join('.')]).toBeDefined();
      expect(f.path === null || typeof f.path === 'string').toBe(true);
      expect(typeof f.message).toBe('string');
      expect(f.message).not.toContain('\n');
      expect([f.suppressed, f.reason]).toEqual([false, null]);
    }
    const keys = report.findings.map((f: any) => [f.stack, f.resource, f.ruleId, f.severity]);
    for (const e of EXPECTED) expect(keys).toContainEqual(e);
    const socket = report.findings.find((f: any) => f.ruleId === 'DOCKER-NO-DOCKER-SOCKET');
    expect(socket).toEqual({
      ruleId: 'DOCKER-NO-DOCKER-SOCKET', severity: 'HIGH', status: 'FAIL', resource: 'docker_container.portainer', stack: 'edge', path: 'edge/portainer',
      message: socket.message, suppressed: false, reason: null, input: 'cdktf', file: socket.file, line: expect.any(Number),
    });
    expect(socket.file).toMatch(/stacks\/edge\/cdk\.tf\.json$/);
    expect(socket.message).toMatch(/^The Docker socket is never mounted into a container: volumes\[0\]\.host_path is "\/var\/run\/docker\.sock"\. Fix: .+/);

    const s = report.summary;
    expect(Object.keys(s)).toEqual(expect.arrayContaining(SUMMARY_KEYS));
    expect(Object.keys(s).filter((k) => !SUMMARY_KEYS.includes(k)).sort()).toEqual(['resources', 'rules', 'stacks']);
    expect(s.total).toBe(report.findings.length);
    expect(s.blocking).toBe(report.findings.filter((f: any) => !f.suppressed && f.status !== 'UNKNOWN').length);
    expect(Object.keys(s.bySeverity)).toEqual(['HIGH', 'MEDIUM', 'LOW']);
    expect(s.bySeverity.HIGH + s.bySeverity.MEDIUM + s.bySeverity.LOW).toBe(s.blocking);
    expect([s.threshold, s.stacks, s.resources, s.rules, s.suppressions]).toEqual(['LOW', 2, 4, PolicyPacks.all().length, []]);
  });

  test('sarif: a valid SARIF 2.1.0 log whose results point at the resource in cdk.tf.json', () => {
    const { code, out, err } = run('check', '--format', 'sarif', outdir);
    expect([code, err]).toEqual([1, '']);
    const sarif = JSON.parse(out);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    const run0 = sarif.runs[0];
    const driver = run0.tool.driver;
    expect(typeof driver.name).toBe('string');
    expect(driver.rules.map((r: any) => r.id)).toEqual(PolicyPacks.all().map((r) => r.ruleId));
    for (const rule of driver.rules) {
      expect(typeof rule.shortDescription.text).toBe('string');
      expect(['none', 'note', 'warning', 'error']).toContain(rule.defaultConfiguration.level);
      expect(Number(rule.properties['security-severity'])).toBeGreaterThan(0);
    }
    const json = JSON.parse(run('check', '--format', 'json', outdir).out);
    expect(run0.results).toHaveLength(json.findings.length);
    for (const result of run0.results) {
      expect(driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['none', 'note', 'warning', 'error']).toContain(result.level);
      expect(typeof result.message.text).toBe('string');
      const loc = result.locations[0];
      const uri: string = loc.physicalLocation.artifactLocation.uri;
      expect(uri).toMatch(/stacks\/(edge|platform)\/cdk\.tf\.json$/);
      expect(Number.isInteger(loc.physicalLocation.region.startLine) && loc.physicalLocation.region.startLine >= 1).toBe(true);
      expect(loc.logicalLocations[0].name).toBe(result.properties.resource);
      if (!result.properties.resource.startsWith('provider.')) {
        // the region is the line of the resource's name in the pretty-printed file
        const text = fs.readFileSync(path.join(outdir, 'stacks', result.properties.stack, 'cdk.tf.json'), 'utf8').split('\n');
        const name = result.properties.resource.split('.').slice(1).join('.');
        expect(text[loc.physicalLocation.region.startLine - 1].trim()).toBe(`"${name}": {`);
      }
    }
    expect(run0.results.find((r: any) => r.ruleId === 'DOCKER-NO-DOCKER-SOCKET').level).toBe('error');
    expect(run0.results.find((r: any) => r.ruleId === 'NET-DVPG-PROMISCUOUS').level).toBe('warning');
  });

  test('--min-severity HIGH reports only HIGH findings (still exit 1); a cdk.tf.json with only MEDIUM/LOW findings then exits 0', () => {
    const high = JSON.parse(run('check', '--format', 'json', '--min-severity', 'HIGH', outdir).out);
    expect(new Set(high.findings.map((f: any) => f.severity))).toEqual(new Set(['HIGH']));
    expect(run('check', '--min-severity', 'HIGH', outdir).code).toBe(1);
    const file = path.join(tmp('medium-only-'), 'cdk.tf.json');
    fs.writeFileSync(file, JSON.stringify({ resource: { vsphere_distributed_port_group: { lab: { name: 'lab', distributed_virtual_switch_uuid: 'x', vlan_id: 100, allow_promiscuous: true } } } }));
    expect(run('check', file).code).toBe(1);
    expect(run('check', '--min-severity', 'HIGH', file)).toEqual({ code: 0, out: expect.stringMatching(/^0 blocking finding\(s\) at or above HIGH; 0 in total/), err: '' });
  });

  test('a single stack directory and a single cdk.tf.json work as inputs too', () => {
    expect(JSON.parse(run('check', '--format', 'json', path.join(outdir, 'stacks', 'edge')).out).summary.stacks).toBe(1);
    expect(JSON.parse(run('check', '--format', 'json', path.join(outdir, 'stacks', 'platform', 'cdk.tf.json')).out).summary.stacks).toBe(1);
  });
});

describe('invalid input exits 2 with a one-line message and no stack trace', () => {
  const oneLine = (r: { code: number; out: string; err: string }) => {
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.endsWith('\n')).toBe(true);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^cdktf-hybrid check: /);
    expect(r.err).not.toMatch(/\bat .*:\d+:\d+/);
  };

  test('invalid JSON in a cdktf.out stack', () => {
    const dir = tmp('broken-cdktf-out-');
    fs.mkdirSync(path.join(dir, 'stacks', 'app'), { recursive: true });
    const file = path.join(dir, 'stacks', 'app', 'cdk.tf.json');
    fs.writeFileSync(file, '{ "resource": { "docker_container": ');
    const r = run('check', dir);
    oneLine(r);
    expect(r.err).toContain(`${file} is not valid JSON`);
  });

  test('a missing path', () => {
    const r = run('check', '/nonexistent/cdktf.out');
    oneLine(r);
    expect(r.err).toBe('cdktf-hybrid check: cannot read /nonexistent/cdktf.out: no such file or directory\n');
  });

  test('a missing path next to a valid one still exits 2 (nothing is half-checked)', () => {
    const dir = tmp('ok-');
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), '{}');
    oneLine(run('check', dir, '/nonexistent/other'));
  });

  test('JSON that is not Terraform JSON, and a directory without cdk.tf.json', () => {
    const file = path.join(tmp('array-'), 'cdk.tf.json');
    fs.writeFileSync(file, '[1, 2]');
    oneLine(run('check', file));
    oneLine(run('check', tmp('empty-')));
  });

  test('through the real bin in a child process: exit status 2, one stderr line', () => {
    const env = { ...process.env, TS_NODE_SWC: 'true', TS_NODE_PREFER_TS_EXTS: 'true', TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') };
    // (test/policy/cli.test.ts runs the bin on a missing path and on a bad file; here: a cdktf.out with a broken stack)
    const dir = tmp('bin-invalid-');
    fs.mkdirSync(path.join(dir, 'stacks', 'app'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'stacks', 'app', 'cdk.tf.json'), 'not json at all');
    const r = spawnSync(process.execPath, ['-r', 'ts-node/register', path.join(ROOT, 'bin', 'cdktf-hybrid.js'), 'check', dir], { cwd: ROOT, env, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^cdktf-hybrid check: .*stacks\/app\/cdk\.tf\.json is not valid JSON: /);
    expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });
});

describe('the reference example', () => {
  test('its synthesized cdktf.out passes the CLI with the built-in packs: exit 0, no unsuppressed FAIL', () => {
    const outdir = runExample(path.join(ROOT, 'examples', 'reference-platform', 'main.ts'), 'reference-cdktf-out-');
    const { code, out, err } = run('check', '--format', 'json', outdir);
    expect([code, err]).toEqual([0, '']);
    const report = JSON.parse(out);
    expect(report.findings.filter((f: any) => f.status === 'FAIL' && !f.suppressed)).toEqual([]);
    expect(report.summary.blocking).toBe(0);
    expect(report.summary.resources).toBeGreaterThan(30);
    // the passthrough approval travels in the JSON metadata and is honoured by the CLI
    expect(report.findings.filter((f: any) => f.suppressed).map((f: any) => f.reason)).toContain('LLM inference needs a whole H100 (80 GB); approved in change CHG-2041');
    expect(run('check', '--format', 'sarif', outdir).code).toBe(0);
  });
});
