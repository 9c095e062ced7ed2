#!/usr/bin/env node
/**
 * Builds only when the build is missing or older than a source: what `npm run token`, `audit`,
 * `assertion` and `start` run first, so a current build costs a directory walk (milliseconds)
 * instead of a full compile. `npm run build` stamps dist/ when it succeeds; a source newer than
 * the stamp (TypeScript under apps/, libs/, bench/; the console's assets; the tsconfig files; the
 * lockfile) means stale. `--stamp` writes the stamp (the build's last step).
 */
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');

if (process.argv.includes('--stamp')) {
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  process.exit(0);
}

function newestUnder(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs; // a file removed or renamed changes its directory
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestUnder(join(path, entry.name)));
  }
  return newest;
}

const sources = ['apps', 'libs', 'bench', 'scripts/copy-console-assets.js', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changedAt = Math.max(...sources.map((source) => newestUnder(join(root, source))));
if (builtAt > changedAt) process.exit(0);

const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
process.exit(build.status ?? 1);
