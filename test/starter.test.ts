// examples/starter is what a new user copies (scripts/new-user.sh runs it outside the repo from the
// packed tarball); here it is synthesized in place, importing 'cdktf-hybrid' mapped to lib/.
import * as fs from 'fs';
import * as path from 'path';
import { runExample } from './helpers/run-example';

describe('examples/starter', () => {
  let outdir: string;
  let stack: any;
  let annotations: Array<{ level: string; constructPath: string; message: string }>;
  beforeAll(() => {
    outdir = runExample(path.join(__dirname, '..', 'examples', 'starter', 'main.ts'), 'starter-');
    stack = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'starter', 'cdk.tf.json'), 'utf8'));
    annotations = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')).stacks.starter.annotations;
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('one hardened namespace and workload, one Docker container, one VM', () => {
    const count = (type: string) => Object.keys(stack.resource[type] ?? {}).length;
    expect([count('kubernetes_namespace_v1'), count('kubernetes_deployment_v1'), count('docker_container'), count('vsphere_virtual_machine')]).toEqual([1, 1, 1, 1]);
    const ns = Object.values<any>(stack.resource.kubernetes_namespace_v1)[0];
    expect(ns.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    expect(Object.values<any>(stack.resource.kubernetes_deployment_v1)[0].metadata.name).toBe('web');
  });

  test('outputs, and the policy reports beside cdk.tf.json with no unsuppressed failure', () => {
    expect(Object.keys(stack.output).sort()).toEqual(['vm_name', 'web_service', 'worker_container']);
    expect(stack.output.web_service.value).toBe('web');
    for (const file of ['policy-report.json', 'policy-report.md', 'policy-report.sarif']) {
      expect(fs.existsSync(path.join(outdir, 'stacks', 'starter', file))).toBe(true);
    }
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'starter', 'policy-report.json'), 'utf8'));
    expect(report.findings.filter((f: any) => f.status === 'FAIL' && !f.suppressed)).toEqual([]);
    expect(report.notes.length).toBeGreaterThanOrEqual(10);
  });

  test('quiet synth: no warning, and one summary line for the facts that need no action', () => {
    expect(annotations.filter((a) => a.level !== '@cdktf/info')).toEqual([]);
    const infos = annotations.filter((a) => a.level === '@cdktf/info');
    expect(infos.filter((a) => /not expressible|not enforceable/.test(a.message))).toEqual([]);
    expect(infos.filter((a) => /need no action at synth/.test(a.message)).map((a) => a.constructPath)).toEqual(['starter']);
    // the rest are policy findings that can only be decided at apply (UNKNOWN)
    expect(infos.length).toBeLessThanOrEqual(3);
  });
});
