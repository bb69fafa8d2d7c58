#!/usr/bin/env node
// Stand-in for clairctl in scan-gate-keeps-old-container.sh (no Clair, and no vulnerability
// database, is reachable here). Accepts what ImageScanner.clair runs, `report --out json <ref>`,
// and prints the recorded Clair report $CLAIR_RECORDED_DIR/<sha256 hex of ref>.json; a digest
// without a recording fails like an unreachable Clair (exit 1). Logs each call to $CLAIR_RECORDED_DIR/calls.
'use strict';
const fs = require('fs');
const path = require('path');

const [cmd, outFlag, outFormat, ref] = process.argv.slice(2);
const dir = process.env.CLAIR_RECORDED_DIR;
if (cmd !== 'report' || outFlag !== '--out' || outFormat !== 'json' || !ref || !dir) {
  console.error(`clairctl-recorded: unexpected arguments ${JSON.stringify(process.argv.slice(2))} (CLAIR_RECORDED_DIR=${dir})`);
  process.exit(64);
}
fs.appendFileSync(path.join(dir, 'calls'), `${ref}\n`);
const digest = /@sha256:([0-9a-f]{64})$/.exec(ref);
const file = digest && path.join(dir, `${digest[1]}.json`);
if (!file || !fs.existsSync(file)) {
  console.error(`clairctl-recorded: no recorded report for ${ref}`);
  process.exit(1);
}
process.stdout.write(fs.readFileSync(file, 'utf8'));
