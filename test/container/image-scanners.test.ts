// ImageScanner.anchore / ImageScanner.clair (exact commands, endpoint and credentials only from
// sensitive references or the environment), the synthesized commands run end to end against
// stand-in scanners that print recorded reports, and the guard that keeps a running container
// when the scan of a new digest fails (issue 13).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { HardenedContainer, ImageReference, ImageScanGate, ImageScanner, ScanSeverity, TrustedImage } from '../../lib';
import { DIGEST, errorOf, fixture, PINNED } from './fixtures';

const FAKES = path.join(__dirname, 'fake-scanners');
const REPORTS = path.join(__dirname, 'scan-reports');
const GATE_PROGRAM = /^assets\/CdktfHybridScanGateProgram\/[0-9A-F]{32}\/cdktf-hybrid-scan-gate\.js$/;

function synthGate(scanner: ImageScanner, threshold?: ScanSeverity, withContainer = false) {
  const fx = fixture();
  const scan = new ImageScanGate(fx.stack, 'Scan', { image: fx.image, scanner, failOnSeverity: threshold });
  if (withContainer) new HardenedContainer(fx.stack, 'Web', { image: fx.image, networks: [fx.network], spec: fx.spec, scanGate: scan });
  const out = JSON.parse(Testing.synth(fx.stack));
  const data = out.resource.terraform_data;
  const entries = Object.entries<any>(data ?? {});
  const gate = entries.find(([k]) => /^Scan_[0-9A-F]{8}$/.test(k))?.[1];
  const guard = entries.find(([k]) => /^Scan_Guard_[0-9A-F]{8}$/.test(k))?.[1];
  return { fx, scan, out, gate, guard };
}

describe('ImageScanner.anchore', () => {
  test('commands: add and wait, vulnerabilities decided by the gate program at the threshold', () => {
    const { scan, gate } = synthGate(ImageScanner.anchore(), ScanSeverity.MEDIUM);
    const [add, decide] = scan.commands;
    expect(add).toBe(`anchorectl image add ${PINNED} --wait`);
    expect(decide).toMatch(new RegExp(`^node (\\S+) --format anchore --fail-on medium --image ${escape(PINNED)} -- anchorectl image vulnerabilities ${DIGEST} -o json$`));
    expect(decide.split(' ')[1]).toMatch(GATE_PROGRAM);
    expect(scan.commands).toHaveLength(2);
    expect(scan.command).toBe(`${add} && ${decide}`);
    expect(scan.argv).toEqual(['node', decide.split(' ')[1], '--format', 'anchore', '--fail-on', 'medium', '--image', PINNED, '--', 'anchorectl', 'image', 'vulnerabilities', DIGEST, '-o', 'json']);
    expect(gate.provisioner[0]['local-exec'].command).toBe(scan.command);
    expect(gate.provisioner[0]['local-exec'].environment).toBeUndefined();
    expect(gate.triggers_replace).toMatchObject({ image: PINNED, scanner: 'anchore', threshold: 'medium' });
  });

  test('policyCheck adds `anchorectl image check <digest> --fail-based-on-results`', () => {
    const { scan } = synthGate(ImageScanner.anchore({ policyCheck: true, executable: '/opt/anchore/anchorectl' }));
    expect(scan.commands[2]).toBe(`/opt/anchore/anchorectl image check ${DIGEST} --fail-based-on-results`);
    expect(scan.scanner.policyCheck).toBe(true);
  });

  test('argvFor names the gate program by its npm bin, as a pipeline would run it', () => {
    expect(ImageScanner.anchore().argvFor(PINNED, ScanSeverity.HIGH))
      .toEqual(['cdktf-hybrid-scan-gate', '--format', 'anchore', '--fail-on', 'high', '--image', PINNED, '--', 'anchorectl', 'image', 'vulnerabilities', DIGEST, '-o', 'json']);
  });

  test('endpoint and credentials from sensitive variables go into the provisioner environment, never the command', () => {
    const fx = fixture();
    const v = (n: string) => new TerraformVariable(fx.stack, n, { type: 'string', sensitive: true }).stringValue;
    const scanner = ImageScanner.anchore({ environment: { ANCHORECTL_URL: v('anchore_url'), ANCHORECTL_USERNAME: v('anchore_user'), ANCHORECTL_PASSWORD: v('anchore_password') } });
    const scan = new ImageScanGate(fx.stack, 'Scan', { image: fx.image, scanner });
    const json = Object.values<any>(JSON.parse(Testing.synth(fx.stack)).resource.terraform_data)[0];
    expect(json.provisioner[0]['local-exec'].environment).toEqual({
      ANCHORECTL_PASSWORD: '${var.anchore_password}', ANCHORECTL_URL: '${var.anchore_url}', ANCHORECTL_USERNAME: '${var.anchore_user}',
    });
    expect(scan.command).not.toMatch(/var\./);
    expect(scanner.environmentVariableNames).toEqual(['ANCHORECTL_PASSWORD', 'ANCHORECTL_URL', 'ANCHORECTL_USERNAME']);
  });

  test('a literal endpoint or credential is refused (it would land in cdk.tf.json), and so is a variable the tool does not read', () => {
    expect(errorOf(() => ImageScanner.anchore({ environment: { ANCHORECTL_PASSWORD: 'hunter2' } })))
      .toBe('ImageScanner.anchore: environment.ANCHORECTL_PASSWORD: is a literal value, which would be written into cdk.tf.json (got <redacted>). '
        + 'Pass a sensitive TerraformVariable\'s stringValue, or leave it out and set ANCHORECTL_PASSWORD in the environment of cdktf deploy.');
    expect(errorOf(() => ImageScanner.anchore({ environment: { ANCHORECTL_URL: 'https://anchore.corp.example' } }))).toMatch(/environment\.ANCHORECTL_URL: is a literal value/);
    expect(errorOf(() => ImageScanner.anchore({ environment: { AWS_SECRET: '${var.x}' } })))
      .toMatch(/^ImageScanner\.anchore: environment\.AWS_SECRET: is not a variable this scanner reads \(ANCHORECTL_URL, ANCHORECTL_USERNAME, ANCHORECTL_PASSWORD, ANCHORECTL_ACCOUNT\)/);
    expect(errorOf(() => ImageScanner.anchore({ nodeExecutable: 'node; rm -rf /' }))).toMatch(/^ImageScanner\.anchore: nodeExecutable: is not a program name or path/);
  });
});

describe('the scanner factories check their options against the declared types (found by the fuzz campaign)', () => {
  test.each([['grype'], ['trivy'], ['anchore'], ['clair']] as const)('ImageScanner.%s(null) is a ValidationError, not a TypeError', (kind) => {
    expect(errorOf(() => (ImageScanner[kind] as (o: unknown) => ImageScanner)(null))).toMatch(new RegExp(`^ImageScanner\\.${kind}: value: is null; `));
  });

  test('an executable longer than 4096 characters is refused (a 100,000-character one passed the name pattern and took minutes to synthesize)', () => {
    expect(errorOf(() => ImageScanner.anchore({ executable: '9-'.repeat(50_000) })))
      .toMatch(/^ImageScanner\.anchore: value\.executable: is longer than 4096 characters \(100000\)/);
    expect(errorOf(() => ImageScanner.grype({ executable: 'a'.repeat(5000) }))).toMatch(/^ImageScanner\.grype: value\.executable: is longer than 4096 characters/);
  });
});

describe('ImageScanner.clair', () => {
  test('command: the gate program runs `clairctl report --out json <ref>` and decides at the threshold', () => {
    const { scan, gate } = synthGate(ImageScanner.clair(), ScanSeverity.HIGH);
    expect(scan.commands).toHaveLength(1);
    expect(scan.command).toMatch(new RegExp(`^node \\S+ --format clair --fail-on high --image ${escape(PINNED)} -- clairctl report --out json ${escape(PINNED)}$`));
    expect(scan.argv.slice(2)).toEqual(['--format', 'clair', '--fail-on', 'high', '--image', PINNED, '--', 'clairctl', 'report', '--out', 'json', PINNED]);
    expect(gate.triggers_replace).toMatchObject({ scanner: 'clair', threshold: 'high', command: scan.command });
    expect(ImageScanner.clair().argvFor(PINNED, ScanSeverity.LOW).slice(0, 5)).toEqual(['cdktf-hybrid-scan-gate', '--format', 'clair', '--fail-on', 'low']);
  });

  test('CLAIR_API from a sensitive variable; other variables and literals refused', () => {
    const fx = fixture();
    const api = new TerraformVariable(fx.stack, 'clair_api', { type: 'string', sensitive: true }).stringValue;
    new ImageScanGate(fx.stack, 'Scan', { image: fx.image, scanner: ImageScanner.clair({ environment: { CLAIR_API: api } }) });
    expect(Object.values<any>(JSON.parse(Testing.synth(fx.stack)).resource.terraform_data)[0].provisioner[0]['local-exec'].environment).toEqual({ CLAIR_API: '${var.clair_api}' });
    expect(errorOf(() => ImageScanner.clair({ environment: { CLAIR_API: 'http://clair:6060' } }))).toMatch(/^ImageScanner\.clair: environment\.CLAIR_API: is a literal value/);
    expect(errorOf(() => ImageScanner.clair({ environment: { ANCHORECTL_URL: api } }))).toMatch(/environment\.ANCHORECTL_URL: is not a variable this scanner reads \(CLAIR_API\)/);
  });

  test('one copy of the gate program per stack, however many gates', () => {
    const fx = fixture();
    const other = new TrustedImage(fx.stack, 'Other', { image: ImageReference.parse(PINNED.replace(/a{64}$/, 'b'.repeat(64))), allowedRegistries: ['ghcr.io'] });
    const a = new ImageScanGate(fx.stack, 'A', { image: fx.image, scanner: ImageScanner.clair() });
    const b = new ImageScanGate(fx.stack, 'B', { image: other, scanner: ImageScanner.anchore() });
    expect(a.argv[1]).toBe(b.argv[1]);
    expect(fx.stack.node.children.filter((c) => c.node.id === 'CdktfHybridScanGateProgram')).toHaveLength(1);
  });
});

describe('the synthesized commands, run as Terraform runs them (sh -c in the stack directory)', () => {
  // A real synth (assets copied into cdktf.out), then the provisioner's command line with stand-in
  // anchorectl/clairctl that print a recorded report.
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-gate-synth-'));
  const log = path.join(outdir, 'calls.log');
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  function synthesize(scanner: ImageScanner, env?: (stack: TerraformStack) => void): { command: string; stackDir: string } {
    const app = new App({ outdir, skipValidation: true });
    const stack = new TerraformStack(app, 'gates');
    new DockerProvider(stack, 'docker', {});
    env?.(stack);
    const image = new TrustedImage(stack, 'Img', { image: ImageReference.parse(PINNED), allowedRegistries: ['ghcr.io'] });
    new ImageScanGate(stack, 'Scan', { image, scanner });
    app.synth();
    const stackDir = path.join(outdir, 'stacks', 'gates');
    const json = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
    return { command: Object.values<any>(json.resource.terraform_data)[0].provisioner[0]['local-exec'].command, stackDir };
  }

  function run(command: string, stackDir: string, report: string, extraEnv: Record<string, string> = {}) {
    fs.rmSync(log, { force: true });
    const r = spawnSync('/bin/sh', ['-c', command], {
      cwd: stackDir, encoding: 'utf8',
      env: { ...process.env, PATH: `${FAKES}:${process.env.PATH}`, FAKE_SCANNER_LOG: log, FAKE_SCANNER_REPORT: path.join(REPORTS, report), ...extraEnv },
    });
    const calls = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : [];
    return { status: r.status, output: r.stdout + r.stderr, calls };
  }

  test.each([
    ['clair', () => ImageScanner.clair()],
    ['anchore', () => ImageScanner.anchore()],
  ])('%s: a clean report passes, an above-threshold report fails, malformed output fails closed', (format, scanner) => {
    const { command, stackDir } = synthesize(scanner());
    expect(fs.existsSync(path.join(stackDir, command.split(' ').find((w) => GATE_PROGRAM.test(w))!))).toBe(true);

    const clean = run(command, stackDir, `${format}-clean.json`);
    expect(clean.status).toBe(0);
    expect(clean.output).toMatch(/cdktf-hybrid-scan-gate: PASS/);
    const bad = run(command, stackDir, `${format}-above-high.json`);
    expect(bad.status).not.toBe(0);
    expect(bad.output).toMatch(/cdktf-hybrid-scan-gate: FAIL .*CVE-2023-45853 critical/);
    const malformed = run(command, stackDir, `${format}-truncated.json`);
    expect(malformed.status).not.toBe(0);
    expect(malformed.output).toMatch(/cannot decide, failing closed: the report is not JSON/);
    const atHigh = run(command, stackDir, `${format}-at-high.json`);
    expect(atHigh.status).not.toBe(0);
    expect(run(command, stackDir, `${format}-below-high.json`).status).toBe(0);
  });

  test('anchore: the image is added and waited for before the vulnerabilities are read; a failing add stops the gate', () => {
    const { command, stackDir } = synthesize(ImageScanner.anchore({ policyCheck: true }));
    const ok = run(command, stackDir, 'anchore-clean.json');
    expect(ok.status).toBe(0);
    expect(ok.calls.map((c) => c.args)).toEqual([
      ['image', 'add', PINNED, '--wait'], ['image', 'vulnerabilities', DIGEST, '-o', 'json'], ['image', 'check', DIGEST, '--fail-based-on-results'],
    ]);
    const policy = run(command, stackDir, 'anchore-clean.json', { FAKE_POLICY: 'fail' });
    expect(policy.status).not.toBe(0);
    const down = run(command, stackDir, 'anchore-clean.json', { FAKE_SCANNER_EXIT: '1' });
    expect(down.status).not.toBe(0);
    expect(down.calls).toHaveLength(1);
  });

  test('clair: clairctl that fails (exit 1) or prints null fails closed', () => {
    const { command, stackDir } = synthesize(ImageScanner.clair());
    expect(run(command, stackDir, 'clair-clean.json', { FAKE_SCANNER_EXIT: '1' }).output).toMatch(/cannot decide, failing closed: clairctl exited with status 1/);
    expect(run(command, stackDir, 'clair-null.json').status).toBe(2);
  });
});

describe('the guard: a failed scan of a new digest never takes the running container down', () => {
  test('no guard until a container uses the gate', () => {
    const { scan, guard } = synthGate(ImageScanner.grype());
    expect(scan.guard).toBeUndefined();
    expect(guard).toBeUndefined();
  });

  test('the guard depends on the container, has the gate\'s triggers, and scans at destroy only when the configured digest differs', () => {
    const { out, gate, guard, scan } = synthGate(ImageScanner.grype(), ScanSeverity.HIGH, true);
    const containerAddress = `docker_container.${Object.keys(out.resource.docker_container)[0]}`;
    expect(guard.depends_on).toEqual([containerAddress]);
    expect(guard.triggers_replace).toEqual(gate.triggers_replace);
    expect(guard.provisioner).toEqual([{
      'local-exec': {
        when: 'destroy',
        interpreter: ['/bin/sh', '-c'],
        command: `if [ ${PINNED} != '\${self.triggers_replace.image}' ]; then ${scan.command}; fi`,
      },
    }]);
    // The container waits for the create-time gate; the guard is destroyed before the container.
    expect(Object.values<any>(out.resource.docker_container)[0].depends_on).toEqual([`terraform_data.${Object.keys(out.resource.terraform_data).find((k) => out.resource.terraform_data[k] === gate)}`]);
  });

  test('one guard for all containers of a gate', () => {
    const fx = fixture();
    const scan = new ImageScanGate(fx.stack, 'Scan', { image: fx.image });
    new HardenedContainer(fx.stack, 'A', { image: fx.image, spec: { ...fx.spec, name: 'a' }, scanGate: scan });
    new HardenedContainer(fx.stack, 'B', { image: fx.image, spec: { ...fx.spec, name: 'b' }, scanGate: scan });
    const out = JSON.parse(Testing.synth(fx.stack));
    const guards = Object.entries<any>(out.resource.terraform_data).filter(([k]) => k.includes('_Guard_'));
    expect(guards).toHaveLength(1);
    expect(guards[0][1].depends_on).toHaveLength(2);
  });

  test('with credentials from Terraform variables, the guard keeps them in its own state (input) and reads them through self', () => {
    const fx = fixture();
    const url = new TerraformVariable(fx.stack, 'clair_api', { type: 'string', sensitive: true }).stringValue;
    const scan = new ImageScanGate(fx.stack, 'Scan', { image: fx.image, scanner: ImageScanner.clair({ environment: { CLAIR_API: url } }) });
    new HardenedContainer(fx.stack, 'Web', { image: fx.image, spec: fx.spec, scanGate: scan });
    const guard = Object.entries<any>(JSON.parse(Testing.synth(fx.stack)).resource.terraform_data).find(([k]) => k.includes('_Guard_'))![1];
    expect(guard.input).toEqual({ CLAIR_API: '${var.clair_api}' });
    expect(guard.provisioner[0]['local-exec'].environment).toBe('${self.input}');
  });

  test('what Terraform cannot order is refused at synth: a gate in another stack, a scan command with Terraform references', () => {
    const app = Testing.app();
    const a = new TerraformStack(app, 'images');
    const b = new TerraformStack(app, 'apps');
    const image = new TrustedImage(a, 'Img', { image: ImageReference.parse(PINNED), allowedRegistries: ['ghcr.io'] });
    const scan = new ImageScanGate(a, 'Scan', { image });
    const spec = { name: 'api', image: image.imageReference };
    expect(errorOf(() => new HardenedContainer(b, 'Web', { image, spec, scanGate: scan })))
      .toMatch(/^apps\/Web: scanGate: is in stack "images", the container in stack "apps": depends_on cannot cross stacks.*Create the TrustedImage and its ImageScanGate in the stack of the container\.$/);

    const fx = fixture();
    const path = new TerraformVariable(fx.stack, 'scanner_path', { type: 'string' }).stringValue;
    const tokenGate = new ImageScanGate(fx.stack, 'Scan', { image: fx.image, scanner: ImageScanner.custom([path, '{image}']) });
    expect(errorOf(() => new HardenedContainer(fx.stack, 'Web', { image: fx.image, spec: fx.spec, scanGate: tokenGate })))
      .toMatch(/^stack\/Web: scanGate: runs a scan command that refers to Terraform values, which the guard's destroy-time scan cannot read/);
  });

  test('HardenedContainer.scanGate exposes the scanner, threshold and image for reviews', () => {
    const fx = fixture();
    const scan = new ImageScanGate(fx.stack, 'Scan', { image: fx.image, scanner: ImageScanner.clair(), failOnSeverity: ScanSeverity.MEDIUM });
    const web = new HardenedContainer(fx.stack, 'Web', { image: fx.image, spec: fx.spec, scanGate: scan });
    expect([web.scanGate?.scanner.scannerName, web.scanGate?.failOnSeverity, web.scanGate?.imageReference]).toEqual(['clair', 'medium', PINNED]);
    expect(new HardenedContainer(fx.stack, 'Bare', { image: fx.image, spec: { ...fx.spec, name: 'bare' } }).scanGate).toBeUndefined();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
