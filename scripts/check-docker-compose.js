#!/usr/bin/env node
// Validates docker-compose.yml (default services and the `cluster` profile) with the Docker
// client's own parser, when one is installed: no engine is needed, nothing is started. Without
// a compose client it prints why it skipped and succeeds, so machines without Docker still test.
'use strict';
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const candidates = [['docker', 'compose'], ['docker-compose']];

function works(command) {
  const [bin, ...args] = command;
  const probe = spawnSync(bin, [...args, 'version'], { cwd: root, encoding: 'utf8' });
  return probe.status === 0;
}

const compose = candidates.find(works);
if (!compose) {
  console.log('skipped: docker compose config (neither `docker compose` nor `docker-compose` is on PATH)');
  process.exit(0);
}

for (const profile of [[], ['--profile', 'cluster']]) {
  const [bin, ...base] = compose;
  const args = [...base, ...profile, 'config', '-q'];
  const run = spawnSync(bin, args, { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(`${[bin, ...args].join(' ')} failed:\n${run.stdout}${run.stderr}`);
    process.exit(1);
  }
}
console.log(`docker-compose.yml valid (${compose.join(' ')} config -q, default services and the cluster profile)`);
