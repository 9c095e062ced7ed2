#!/usr/bin/env node
// tsc compiles TypeScript only: the auditor's console's page, script and styles are copied beside
// the compiled controller, which reads them from its own folder. Optional argument: the output
// directory (default dist), for tests that build elsewhere.
const { cpSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const outDir = process.argv[2] ?? join(root, 'dist');
const from = join(root, 'apps', 'api', 'src', 'console', 'assets');
cpSync(from, join(outDir, 'apps', 'api', 'src', 'console', 'assets'), { recursive: true });
