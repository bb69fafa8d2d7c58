// `require('cdktf-hybrid')` does not read the rule objects of the packs (some 150 modules; cold require,
// issue #17): PolicyPacks loads them on first use. Checked in a fresh Node process (compiled lib/*.js when
// built, else the TypeScript sources).
import { execFileSync } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

function loadedRuleModules(script: string): string[] {
  const code = `require('./lib');${script};process.stdout.write(JSON.stringify(Object.keys(require.cache)`
    + '.filter((f) => f.includes(\'/lib/policy/rules/\')).map((f) => f.split(\'/lib/policy/rules/\')[1].replace(/\\.(js|ts)$/, \'\'))))';
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register', '-e', code], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, TS_NODE_SWC: 'true', TS_NODE_TRANSPILE_ONLY: 'true' },
  });
  return JSON.parse(out);
}

test('requiring the package reads no rule pack; PolicyPacks.all() loads every pack', () => {
  const atRequire = loadedRuleModules('');
  // only the pieces the public API needs up front: configurable rule classes, not-decidable lists, helpers
  expect(atRequire.filter((f) => /(^|\/)pack$/.test(f) || f === 'kubernetes/index')).toEqual([]);
  expect(atRequire.length).toBeLessThan(90);
  const afterAll = loadedRuleModules('require("./lib").PolicyPacks.all()');
  expect(afterAll).toEqual(expect.arrayContaining(['kubernetes/index', 'docker/pack', 'vsphere/pack', 'hyperv/pack']));
  expect(afterAll.length).toBeGreaterThan(atRequire.length + 100);
}, 60_000);
