#!/usr/bin/env node
// Fails when API.md is not what jsii-docgen generates from the current sources.
// Runs the jsii build (which also proves the library compiles for every jsii language), then
// docgen into a temporary file and compares byte for byte.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });

run(bin('jsii'), ['--silence-warnings=reserved-word']);
const generated = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'api-md-')), 'API.md');
run(bin('jsii-docgen'), ['-o', generated]);
const committed = path.join(root, 'API.md');
const want = fs.readFileSync(generated, 'utf8');
const have = fs.existsSync(committed) ? fs.readFileSync(committed, 'utf8') : '';
if (want !== have) {
  console.error('API.md is stale: run `npm run build && npm run docgen` and commit API.md.');
  process.exit(1);
}
console.log('API.md is up to date.');
// the public boundary's shape table is generated from the same assembly (scripts/gen-shapes.ts)
run(bin('ts-node'), ['--swc', '--prefer-ts-exts', path.join(root, 'scripts', 'gen-shapes.ts'), '--check']);
