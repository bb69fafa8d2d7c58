// One benchmark run, in a fresh Node process on compiled JavaScript (bench/run.ts transpiles this file
// into .bench/ and starts it once per run): builds one estate, synthesizes it with cdktf's default
// validation (as `cdktf synth` runs an app), and prints one JSON line with phase times and peak RSS.
//
//   node .bench/worker.js <raw|library|library+policy|cdk8s> <mix> <n> <outdir>
/* eslint-disable @typescript-eslint/no-require-imports */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import type { Mix } from './estate';

export interface RunResult {
  readonly variant: string;
  readonly mix: string;
  readonly n: number;
  /** From process start to the end of synth (node start-up, requires, construction, synth). */
  readonly processMs: number;
  readonly requireMs: number;
  readonly buildMs: number;
  readonly synthMs: number;
  readonly maxRssMiB: number;
  /** CPU time of this process (user + system), less sensitive than wall time to other load; excludes subprocesses. */
  readonly cpuMs: number;
  /** sha256 of cdk.tf.json with cdktf's metadata ("//") removed: the raw twin must match the library. */
  readonly strippedSha?: string;
  /** sha256 of cdk.tf.json as written, the working directory replaced by "<cwd>": compared with main's output. */
  readonly outputSha?: string;
  readonly resources?: Record<string, number>;
}

function stripMetadata(value: any): any {
  if (Array.isArray(value)) return value.map(stripMetadata);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, any> = {};
  for (const key of Object.keys(value).sort()) if (key !== '//') out[key] = stripMetadata(value[key]);
  return out;
}

/** Hashes of a synthesized cdk.tf.json (see RunResult) and its resource counts by type. */
export function digest(text: string, cwd: string): Pick<RunResult, 'strippedSha' | 'outputSha' | 'resources'> {
  const doc = JSON.parse(text);
  const resources: Record<string, number> = {};
  for (const [kind, byType] of [['', doc.resource], ['data.', doc.data]] as const) {
    for (const [type, byName] of Object.entries(byType ?? {})) resources[`${kind}${type}`] = Object.keys(byName as object).length;
  }
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  return { strippedSha: sha(JSON.stringify(stripMetadata(doc))), outputSha: sha(text.split(cwd).join('<cwd>')), resources };
}

function main(): void {
  const [variant, mix, nText, outdir] = process.argv.slice(2);
  const n = Number(nText);
  const t0 = performance.now();
  if (variant === 'cdk8s') {
    const { synthCdk8s } = require('./cdk8s-estate');
    const t1 = performance.now();
    synthCdk8s(outdir, n);
    const t2 = performance.now();
    report({ variant, mix, n, processMs: t2, requireMs: t1 - t0, buildMs: 0, synthMs: t2 - t1, maxRssMiB: process.resourceUsage().maxRSS / 1024, cpuMs: cpuMs() });
    return;
  }
  const { App, TerraformStack } = require('cdktf');
  const lib = variant === 'raw' ? undefined : require('../lib/index.js');
  const estate = variant === 'raw' ? require('./raw-estate') : require('./estate');
  const t1 = performance.now();
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'estate');
  if (variant === 'raw') estate.buildRaw(stack, mix as Mix, n);
  else estate.buildLibrary(lib, stack, mix as Mix, n);
  if (variant === 'library+policy') lib.PolicyChecks.applyTo(stack);
  const t2 = performance.now();
  app.synth();
  const t3 = performance.now();
  // The output's digest is worked out by the parent (bench/run.ts) once this process has exited, so
  // that the wall time it measures is the synth's alone.
  report({ variant, mix, n, processMs: t3, requireMs: t1 - t0, buildMs: t2 - t1, synthMs: t3 - t2, maxRssMiB: process.resourceUsage().maxRSS / 1024, cpuMs: cpuMs() });
}

/** The digest of a run's cdk.tf.json (see RunResult), read from its output directory. */
export function digestOutput(outdir: string, cwd: string): Pick<RunResult, 'strippedSha' | 'outputSha' | 'resources'> {
  return digest(fs.readFileSync(path.join(outdir, 'stacks', 'estate', 'cdk.tf.json'), 'utf8'), cwd);
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function report(result: RunResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) main();
