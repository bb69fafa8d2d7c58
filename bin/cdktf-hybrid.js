#!/usr/bin/env node
// cdktf-hybrid command line: `cdktf-hybrid check <paths...>` (see lib/policy/cli.ts).
'use strict';
const fs = require('fs');
const path = require('path');

// The published package (and `npm pack`) ships compiled JavaScript. A fresh clone of the repository
// has only the TypeScript sources until `npm run build`: run them through ts-node (a devDependency,
// installed by `npm ci`) so `npx cdktf-hybrid check` works there too. CDKTF_HYBRID_FROM_SOURCE=1 forces it.
const compiled = path.join(__dirname, '..', 'lib', 'policy', 'cli.js');
if (process.env.CDKTF_HYBRID_FROM_SOURCE === '1' || !fs.existsSync(compiled)) {
  let tsNode;
  try {
    tsNode = require('ts-node');
  } catch {
    process.stderr.write('cdktf-hybrid: lib/ is not compiled and ts-node is not installed. Run `npm ci` in the repository (or `npm run build`).\n');
    process.exit(2);
  }
  tsNode.register({ swc: true, preferTsExts: true, project: path.join(__dirname, '..', 'tsconfig.json') });
}
const { main } = require('../lib/policy/cli');

process.exitCode = main(process.argv.slice(2));
