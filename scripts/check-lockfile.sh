#!/usr/bin/env bash
# Fails when package-lock.json is not complete and in step with package.json: `npm ci` on a fresh
# clone would refuse it. Checked with `npm ci --dry-run` on a copy of the two files (under a second).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/package.json" "$root/package-lock.json" "$work/"
if ! (cd "$work" && npm ci --dry-run --ignore-scripts --no-audit --no-fund --loglevel=error >"$work/npm-ci.log" 2>&1); then
  echo "package-lock.json is incomplete or out of step with package.json (npm ci would refuse it); run npm install and commit the lockfile:" >&2
  grep -v EBADENGINE "$work/npm-ci.log" | head -20 >&2
  exit 1
fi
echo "package-lock.json complete: npm ci accepts it"
