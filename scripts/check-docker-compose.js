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

// The stack needs its secrets from whoever starts it: valid with them, refused without (no default in the file).
const REQUIRED_SECRETS = ['SHOPLINK_TOKEN_SECRET', 'SHOPLINK_ACTOR_ASSERTION_SECRET'];
const withSecrets = { ...process.env };
for (const name of REQUIRED_SECRETS) withSecrets[name] = `a-secret-for-checking-the-compose-file-${name}`;
const [bin, ...base] = compose;
for (const profile of [[], ['--profile', 'cluster']]) {
  const args = [...base, ...profile, 'config', '-q'];
  const run = spawnSync(bin, args, { cwd: root, encoding: 'utf8', env: withSecrets });
  if (run.status !== 0) {
    console.error(`${[bin, ...args].join(' ')} failed:\n${run.stdout}${run.stderr}`);
    process.exit(1);
  }
}
for (const name of REQUIRED_SECRETS) {
  const env = { ...withSecrets };
  delete env[name];
  const run = spawnSync(bin, [...base, 'config', '-q'], { cwd: root, encoding: 'utf8', env });
  if (run.status === 0 || !`${run.stdout}${run.stderr}`.includes(name)) {
    console.error(`docker-compose.yml starts without ${name}: it must have no default (\${${name}:?…})`);
    process.exit(1);
  }
}
console.log(
  `docker-compose.yml valid (${compose.join(' ')} config -q, default services and the cluster profile), and refused without ${REQUIRED_SECRETS.join(' or ')}`,
);
