// Issue 14: the policy CLI under hostile input: every case is one line on stderr and exit 2 (or a
// correct 0/1), never a stack trace, a hang or a native abort.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../lib/policy/cli';

function tmp(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `cdktf-hybrid-safety-${prefix}`));
}

function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = main(argv, { out: (t) => { out += t; }, err: (t) => { err += t; } });
  return { code, out, err };
}

const STACK = JSON.stringify({ resource: { null_resource: { a: {} } } });

function expectOneLine(result: { code: number; err: string }, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.err).toMatch(pattern);
  expect(result.err.split('\n')).toHaveLength(2);
  expect(result.err).not.toMatch(/\n\s+at /);
  expect(result.err).not.toMatch(/internal error/);
}

describe('cdktf-hybrid check reads regular files only', () => {
  test('a FIFO named cdk.tf.json is never opened (it would block forever): skipped in a directory, refused by name', () => {
    const dir = tmp('fifo-');
    execFileSync('mkfifo', [path.join(dir, 'cdk.tf.json')]);
    expectOneLine(run(['check', dir]), /no Terraform found in /);
    expectOneLine(run(['check', path.join(dir, 'cdk.tf.json')]), /cdk\.tf\.json: it is a named pipe \(FIFO\); pass a regular file or a directory\n$/);
  });

  test('a link to /dev/zero is never read (it never ends)', () => {
    const dir = tmp('zero-');
    fs.symlinkSync('/dev/zero', path.join(dir, 'cdk.tf.json'));
    expectOneLine(run(['check', dir]), /no Terraform found in /);
    expectOneLine(run(['check', path.join(dir, 'cdk.tf.json')]), /cdk\.tf\.json: it is a device; pass a regular file or a directory\n$/);
  });

  test('a symlink loop is named as such', () => {
    const dir = tmp('loop-');
    fs.symlinkSync(path.join(dir, 'b'), path.join(dir, 'a'));
    fs.symlinkSync(path.join(dir, 'a'), path.join(dir, 'b'));
    expectOneLine(run(['check', path.join(dir, 'a')]), /cannot read .*\/a: too many levels of symbolic links \(a symlink loop\)\n$/);
  });

  (process.getuid?.() === 0 ? test.skip : test)('a file without read permission is "permission denied" (skipped as root)', () => {
    const dir = tmp('perm-');
    const file = path.join(dir, 'cdk.tf.json');
    fs.writeFileSync(file, STACK);
    fs.chmodSync(file, 0o000);
    expectOneLine(run(['check', file]), /cannot read .*cdk\.tf\.json: permission denied\n$/);
    fs.chmodSync(dir, 0o000);
    expectOneLine(run(['check', dir]), /cannot read .*: permission denied\n$/);
    fs.chmodSync(dir, 0o700);
  });

  test('a path with a newline stays on one line', () => {
    const dir = tmp('nl-');
    const odd = path.join(dir, 'evil\nname.tf.json');
    fs.writeFileSync(odd, '{ not json');
    expectOneLine(run(['check', odd]), /evil\\nname\.tf\.json is not valid JSON: /);
  });

  test('no arguments print the usage on stderr and exit 2; --help exits 0', () => {
    const none = run([]);
    expect(none.code).toBe(2);
    expect(none.out).toBe('');
    expect(none.err).toMatch(/^cdktf-hybrid check: no command given\nUsage: cdktf-hybrid check /);
    expect(none.err.split('\n').length).toBeGreaterThan(5);
    expect(run(['--help']).code).toBe(0);
  });

  test('more than 125k resources of one type are read (no spread into push)', () => {
    const dir = tmp('big-');
    const resources: Record<string, object> = {};
    for (let i = 0; i < 130_000; i++) resources[`r${i}`] = {};
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify({ resource: { null_resource: resources } }));
    const result = run(['check', '--format', 'json', dir]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).summary.resources).toBe(130_000);
  });

  test('piping into head ends quietly: no EPIPE stack trace, the exit code of the check', () => {
    const dir = tmp('pipe-');
    const resources: Record<string, object> = {};
    for (let i = 0; i < 2000; i++) resources[`c${i}`] = { image: 'nginx:latest', privileged: true };
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify({ resource: { docker_container: resources } }));
    const cli = path.join(__dirname, '..', '..', 'lib', 'policy', 'cli.ts');
    const result = spawnSync('bash', ['-o', 'pipefail', '-c', `npx ts-node --swc --prefer-ts-exts "${cli}" check "${dir}" | head -n 1`],
      { encoding: 'utf8', cwd: path.join(__dirname, '..', '..'), env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
    expect(result.stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
    expect(result.stdout.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(result.status).toBe(1);
  });
});
