#!/usr/bin/env node
/**
 * Generates the TypeScript types of the HTTP API (test/support/api-client/schema.d.ts) from the
 * OpenAPI document with openapi-typescript, formatted as the repository formats TypeScript, so
 * createShoplinkClient (openapi-fetch) types every path, parameter, header and body.
 *
 *   npm run generate:api-client                 # from the current build (built when stale)
 *   node scripts/generate-api-client.js --document docs.json --out /tmp/schema.d.ts
 *   node scripts/generate-api-client.js --check # exit 1 when the committed file differs
 */
const { readFileSync, writeFileSync, existsSync } = require('node:fs');
const { join, relative } = require('node:path');
const { argument, openApiDocument, root } = require('./openapi-document');

const COMMITTED = join(root, 'test/support/api-client/schema.d.ts');

async function schemaSource(document) {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const prettier = await import('prettier');
  const ast = await openapiTS(document, { alphabetize: false });
  const header = [
    '/**',
    ' * Generated from the OpenAPI document (GET /docs-json) by scripts/generate-api-client.js; do not edit.',
    ' * Regenerate with `npm run generate:api-client`; test/openapi-contract.e2e.spec.ts fails when it is stale.',
    ' */',
    '',
  ].join('\n');
  const options = (await prettier.resolveConfig(COMMITTED)) ?? {};
  return prettier.format(header + astToString(ast), { ...options, parser: 'typescript' });
}

async function main() {
  const source = await schemaSource(await openApiDocument());
  const out = argument('--out') ?? COMMITTED;
  if (process.argv.includes('--check')) {
    const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
    if (current !== source) {
      console.error(`${relative(root, out)} is not what the OpenAPI document generates: run npm run generate:api-client`);
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(out, source);
  console.log(`wrote ${relative(root, out)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
