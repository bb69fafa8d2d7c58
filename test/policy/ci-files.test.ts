// The CI wiring we ship (GitHub Actions example, pre-commit hook definition) calls the CLI with arguments it
// accepts: each `cdktf-hybrid check` command line in them is run against a small tree and must not be a usage
// error (exit 2), and the workflow uploads the SARIF it writes.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../lib/policy/cli';

const ROOT = path.join(__dirname, '..', '..');
const WORKFLOW = path.join(ROOT, 'examples', 'ci', 'github-actions-policy.yml');
const HOOKS = path.join(ROOT, '.pre-commit-hooks.yaml');

/** Runs the CLI in `cwd` (the repository the CI job or hook runs in). */
function runIn(cwd: string, argv: string[]) {
  const previous = process.cwd();
  process.chdir(cwd);
  let err = '';
  try {
    const code = main(argv, { out: () => undefined, err: (t) => { err += t; } });
    return { code, err };
  } finally {
    process.chdir(previous);
  }
}

/** A repository with one privileged deployment in Terraform JSON and a baseline that accepts it. */
function repository(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-ci-'));
  fs.mkdirSync(path.join(dir, 'infra'));
  fs.writeFileSync(path.join(dir, 'infra', 'main.tf.json'), JSON.stringify({
    resource: { kubernetes_deployment_v1: { web: { metadata: { name: 'web', namespace: 'apps' }, spec: { template: { spec: { container: [{ name: 'web', image: 'nginx:1.27', security_context: { privileged: true } }] } } } } } },
  }));
  expect(runIn(dir, ['check', '--create-baseline', 'policy-baseline.json', '.']).code).toBe(0);
  return dir;
}

/** Splits a shell command line of plain words (no quoting in our files). */
function words(line: string): string[] {
  return line.trim().split(/\s+/);
}

describe('CI wiring', () => {
  test('every cdktf-hybrid check command of the GitHub Actions example runs, and its SARIF is uploaded', () => {
    const text = fs.readFileSync(WORKFLOW, 'utf8');
    const commands = [...text.matchAll(/^\s*(?:- run:|#)\s*npx cdktf-hybrid (check [^>\n]*)/gm)].map((m) => words(m[1]));
    expect(commands.length).toBeGreaterThanOrEqual(1);
    const dir = repository();
    for (const argv of commands) {
      const args = argv.map((a) => a === 'plan.json' ? 'infra' : a); // the plan step's input stands for any path
      const { code, err } = runIn(dir, args);
      // 0 (accepted by the baseline) or 1 (findings), never 2 (bad arguments or input)
      expect({ argv, code: code === 2 ? 2 : 'ran', err }).toEqual({ argv, code: 'ran', err: '' });
    }
    expect(text).toMatch(/--format sarif [^\n]*> policy\.sarif/);
    expect(text).toMatch(/upload-sarif@v3[\s\S]*if: always\(\)[\s\S]*sarif_file: policy\.sarif/);
    expect(text).toMatch(/security-events: write/);
  });

  test('the pre-commit hook runs the check over the whole repository with arguments the CLI accepts', () => {
    const text = fs.readFileSync(HOOKS, 'utf8');
    const entry = /^\s*entry: (.+)$/m.exec(text)![1];
    const args = JSON.parse(/^\s*args: (\[.*\])$/m.exec(text)![1].replace(/([\w./-]+)/g, '"$1"'));
    expect(entry).toBe('npx --no-install cdktf-hybrid check');
    expect(text).toMatch(/pass_filenames: false/);
    const dir = repository();
    // no baseline in the default args: the privileged deployment blocks the commit (exit 1, not a usage error)
    expect(runIn(dir, ['check', ...args])).toEqual({ code: 1, err: '' });
    // the documented optional args accept it
    const optional = JSON.parse(/#\s+args: (\[.*\])$/m.exec(text)![1].replace(/([\w./-]+)/g, '"$1"'));
    expect(runIn(dir, ['check', ...optional])).toEqual({ code: 0, err: '' });
  });
});
