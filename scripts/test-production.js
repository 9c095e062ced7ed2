#!/usr/bin/env node
// `npm run test:production`: the production path's tests, for an operator with a Docker engine.
// Brings up the compose stack (KurrentDB, MongoDB, the API, the projector), waits until the API and
// the projector report ready, runs every contract suite with EVENTSTORE_URL and MONGODB_URI set
// (failing if any server suite reports itself skipped), then the e2e suites with the same variables,
// and tears the stack down (volumes included) whatever happened. Prints the plan first; without a
// Docker engine it stops there with exit code 2. Never run on the machines this was written on
// (no Docker engine there): see docs/production-path.md, "test:production".
'use strict';
/* global fetch, AbortSignal */ // Node 20+ globals
const { randomBytes } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');

const root = join(__dirname, '..');
const EVENTSTORE_URL = 'kurrentdb://localhost:2113?tls=false';
// directConnection: the replica set's one member is named mongodb:27017, which only the compose network resolves.
const MONGODB_URI = 'mongodb://localhost:27017/?directConnection=true';
const SERVICES = ['kurrentdb', 'mongodb', 'api', 'projector'];
const READY = ['http://localhost:3000/health/ready', 'http://localhost:3001/health/ready'];
const READY_TIMEOUT_MS = 300_000;
const keep = process.argv.includes('--keep');

function composeCommand() {
  for (const command of [['docker', 'compose'], ['docker-compose']]) {
    const probe = spawnSync(command[0], [...command.slice(1), 'version'], { cwd: root, encoding: 'utf8' });
    if (probe.status === 0) return command;
  }
  return null;
}

function printPlan(compose) {
  const c = (compose ?? ['docker', 'compose']).join(' ');
  console.log(
    [
      'test:production will:',
      `  1. start ${SERVICES.join(', ')} from docker-compose.yml: ${c} up -d --build ${SERVICES.join(' ')}`,
      `  2. wait (at most ${READY_TIMEOUT_MS / 1000} s) until ${READY.join(' and ')} answer 200`,
      `  3. run the contract suites: npm run test:contract with EVENTSTORE_URL=${EVENTSTORE_URL} MONGODB_URI=${MONGODB_URI}`,
      '     (fails if a server suite prints "skipped:")',
      '  4. run the e2e suites: npm run test:e2e with the same variables',
      `  5. tear down: ${c} down -v${keep ? ' (skipped: --keep)' : ''}`,
    ].join('\n'),
  );
}

function run(command, args, env = {}) {
  console.log(
    `\n$ ${Object.entries(env)
      .map(([k, v]) => `${k}='${v}' `)
      .join('')}${[command, ...args].join(' ')}`,
  );
  const result = spawnSync(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  return result;
}

async function waitReady() {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (const url of READY) {
    for (;;) {
      const status = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
        async (response) => ({ ok: response.ok, body: await response.text() }),
        (error) => ({ ok: false, body: String(error) }),
      );
      if (status.ok) {
        console.log(`ready: ${url} ${status.body}`);
        break;
      }
      if (Date.now() > deadline) throw new Error(`${url} not ready after ${READY_TIMEOUT_MS / 1000} s: ${status.body}`);
      await sleep(2_000);
    }
  }
}

async function main() {
  const compose = composeCommand();
  printPlan(compose);
  if (!compose) {
    console.error('\ntest:production: no Docker compose client (`docker compose` or `docker-compose`) on PATH; nothing was started.');
    return 2;
  }
  const engine = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { cwd: root, encoding: 'utf8' });
  if (engine.status !== 0) {
    console.error(
      `\ntest:production: no Docker engine answers (docker info: ${(engine.stderr || engine.stdout).trim()}); nothing was started.`,
    );
    return 2;
  }

  const [bin, ...base] = compose;
  const failures = [];
  // The stack refuses to start without its secrets (the compose file has no defaults): the operator's
  // when set, else fresh ones for this run only. Set in this process's environment, never printed.
  for (const name of ['SHOPLINK_TOKEN_SECRET', 'SHOPLINK_ACTOR_ASSERTION_SECRET'])
    process.env[name] ||= randomBytes(32).toString('base64url');
  try {
    if (run(bin, [...base, 'up', '-d', '--build', ...SERVICES]).status !== 0) throw new Error('docker compose up failed');
    await waitReady();
    const env = { EVENTSTORE_URL, MONGODB_URI };
    const contract = run('npm', ['run', '-s', 'test:contract'], env);
    if (contract.status !== 0) failures.push('contract suites failed');
    if (/^skipped: /m.test(`${contract.stdout}${contract.stderr}`))
      failures.push('a server contract suite was skipped (server not reached?)');
    if (run('npm', ['run', '-s', 'test:e2e'], env).status !== 0) failures.push('e2e suites failed');
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
  } finally {
    if (keep) console.log(`\n--keep: the stack is left running; stop it with ${compose.join(' ')} down -v`);
    else if (run(bin, [...base, 'down', '-v']).status !== 0) failures.push('docker compose down -v failed');
  }
  if (failures.length > 0) {
    console.error(`\ntest:production FAILED: ${failures.join('; ')}`);
    return 1;
  }
  console.log('\ntest:production passed');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
