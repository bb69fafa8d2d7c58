#!/usr/bin/env node
// cdktf-hybrid command line: `cdktf-hybrid check <paths...>` (see lib/policy/cli.ts).
'use strict';
const { main } = require('../lib/policy/cli');

process.exitCode = main(process.argv.slice(2));
