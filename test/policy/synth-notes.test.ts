// Quiet synth: facts that need no action (controls a provider cannot express) are collected per
// stack, printed as one summary line, and listed in full in the policy reports.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { ImageReference, PolicyChecks, TrustedImage } from '../../lib';
import { PINNED } from '../container/fixtures';

test('two constructs with not-enforceable controls print one summary info line for the stack; the reports list every note', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-'));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'edge');
  new DockerProvider(stack, 'docker', {});
  PolicyChecks.applyTo(stack);
  new TrustedImage(stack, 'Api', { image: ImageReference.parse(PINNED), allowedRegistries: ['ghcr.io'] });
  new TrustedImage(stack, 'Web', { image: ImageReference.parse(PINNED.replace('/api', '/web')), allowedRegistries: ['ghcr.io'] });
  app.synth();

  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  const infos = manifest.stacks.edge.annotations.filter((a: any) => a.level === '@cdktf/info' && !a.message.startsWith('['));
  expect(infos).toEqual([{ constructPath: 'edge', level: '@cdktf/info', message: expect.stringMatching(/^2 note\(s\) on 2 construct\(s\) need no action at synth .*: DOCKER-CONTENT-TRUST\./), stacktrace: expect.anything() }]);

  const md = fs.readFileSync(path.join(outdir, 'stacks', 'edge', 'policy-report.md'), 'utf8');
  expect(md).toContain('## Notes (no action needed at synth)');
  expect(md).toMatch(/\| `edge\/Api` \| DOCKER-CONTENT-TRUST \| DOCKER-CONTENT-TRUST \(CIS Docker 4\.5\): not enforceable/);
  expect(md).toMatch(/\| `edge\/Web` \| DOCKER-CONTENT-TRUST \|/);
  const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'edge', 'policy-report.json'), 'utf8'));
  expect(json.notes.map((n: any) => n.constructPath)).toEqual(['edge/Api', 'edge/Web']);
  fs.rmSync(outdir, { recursive: true, force: true });
});
