// The performance work must not change what the library synthesizes: cdk.tf.json of generated estates
// is compared, byte for byte (the working directory aside), with the output main produced before it
// (hashes recorded in bench/fixtures/main-output.json), and the benchmark's raw-L1 twin must produce the
// same Terraform JSON once cdktf's metadata is removed. No timing is asserted here (see bench/RESULTS.md).
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import * as lib from '../../lib';
import { buildLibrary, countsOf, Mix } from '../../bench/estate';
import { buildRaw } from '../../bench/raw-estate';
import { digest } from '../../bench/worker';

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'bench', 'fixtures', 'main-output.json'), 'utf8'));

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface Synthesized {
  readonly text: string;
  readonly ms: number;
  /** sha256 of each policy report (output and working directories replaced) and of the sorted manifest annotations. */
  readonly reports: Record<string, string>;
}

function synth(build: (stack: TerraformStack) => void): Synthesized {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'estate-'));
  try {
    const start = Date.now();
    const app = new App({ outdir });
    build(new TerraformStack(app, 'estate'));
    app.synth();
    const ms = Date.now() - start;
    const dir = path.join(outdir, 'stacks', 'estate');
    const reports: Record<string, string> = {};
    for (const file of fs.readdirSync(dir).filter((f) => f.startsWith('policy-report.'))) {
      reports[file] = sha256(fs.readFileSync(path.join(dir, file), 'utf8').split(outdir).join('<outdir>').split(process.cwd()).join('<cwd>'));
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    reports.annotations = sha256(JSON.stringify(manifest.stacks.estate.annotations.map((a: any) => `${a.level} ${a.constructPath} ${a.message}`).sort()));
    return { text: fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8'), ms, reports };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('generated estates synthesize exactly what main synthesized', () => {
  test('hybrid, 100 workloads: cdk.tf.json is byte-identical to main\'s with and without PolicyChecks; the raw twin matches minus metadata', () => {
    const [mix, n] = ['hybrid' as Mix, 100];
    const library = synth((stack) => buildLibrary(lib, stack, mix, n));
    const checked = synth((stack) => {
      buildLibrary(lib, stack, mix, n);
      lib.PolicyChecks.applyTo(stack);
    });
    const raw = synth((stack) => buildRaw(stack, mix, n));
    const [after, afterChecked, twin] = [library, checked, raw].map((r) => digest(r.text, process.cwd()));
    report(mix, n, after.outputSha!, library);
    expect(after.outputSha).toBe(fixture.outputs[`${mix}/${n}`]);
    expect(afterChecked.outputSha).toBe(fixture.outputs[`${mix}/${n}`]);
    expect(twin.strippedSha).toBe(after.strippedSha);
    // The policy reports and the annotations in the synth manifest are those of main before the checks moved
    // onto synth's own rendering (same findings, same order, same messages).
    expect(checked.reports).toEqual(fixture.reports[`${mix}/${n}`]);
    // The estate is what the generator says it is (60/25/15 split, N/20 namespaces).
    const counts = countsOf(mix, n);
    expect(after.resources).toMatchObject({
      kubernetes_deployment_v1: counts.deployments, kubernetes_namespace_v1: counts.namespaces, kubernetes_pod_disruption_budget_v1: counts.deployments,
      // each scan gate is two terraform_data: the scan and its destroy-time guard
      docker_container: counts.containers, terraform_data: 2 * counts.containers, vsphere_virtual_machine: counts.vms,
    });
  }, 600_000);

  // A large stack (10,050 resources); bench/run.ts compares every library run at N = 1,000 and 5,000 as well.
  test('kubernetes, 1,000 workloads: cdk.tf.json is byte-identical to main\'s', () => {
    const library = synth((stack) => buildLibrary(lib, stack, 'kubernetes', 1000));
    const after = digest(library.text, process.cwd());
    report('kubernetes', 1000, after.outputSha!, library);
    expect(after.outputSha).toBe(fixture.outputs['kubernetes/1000']);
    expect(after.resources!.kubernetes_deployment_v1).toBe(1000);
  }, 600_000);
});

function report(mix: string, n: number, sha: string, run: Synthesized): void {
  console.log(`${mix} N=${n}: cdk.tf.json sha256 on main ${fixture.commit.slice(0, 7)}: ${fixture.outputs[`${mix}/${n}`].slice(0, 16)}…, `
    + `now: ${sha.slice(0, 16)}… (${run.text.length} bytes, synth ${run.ms} ms)`);
}
