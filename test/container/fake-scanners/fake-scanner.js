#!/usr/bin/env node
// Stand-in for anchorectl and clairctl in the unit tests (run as `anchorectl` / `clairctl` through
// symlinks): appends its argv and the ANCHORECTL_*/CLAIR_API variables it got to $FAKE_SCANNER_LOG,
// prints $FAKE_SCANNER_REPORT for the report commands, and exits $FAKE_SCANNER_EXIT (default 0).
'use strict';
const fs = require('fs');
const path = require('path');

const tool = path.basename(process.argv[1]);
const args = process.argv.slice(2);
const env = Object.keys(process.env).filter((k) => k.startsWith('ANCHORECTL_') || k === 'CLAIR_API').sort();
fs.appendFileSync(process.env.FAKE_SCANNER_LOG, `${JSON.stringify({ tool, args, env })}\n`);
const reports = (tool === 'clairctl' && args[0] === 'report') || (tool === 'anchorectl' && args[1] === 'vulnerabilities');
if (reports) process.stdout.write(fs.readFileSync(process.env.FAKE_SCANNER_REPORT, 'utf8'));
if (tool === 'anchorectl' && args[1] === 'check' && process.env.FAKE_POLICY === 'fail') {
  console.log('Status: fail');
  process.exit(1);
}
process.exit(Number(process.env.FAKE_SCANNER_EXIT ?? 0));
