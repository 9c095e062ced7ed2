/**
 * The service's OpenAPI document, for the scripts that read it (generate-api-client.js,
 * lint-openapi.js): from a file (`--document <file>`, e.g. a saved /docs-json), else built by the
 * current build of the service itself (built first when stale), on a throwaway data file, exactly
 * as GET /docs-json serves it.
 */
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');

function argument(name) {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

async function openApiDocument() {
  const file = argument('--document');
  if (file !== undefined) return JSON.parse(readFileSync(file, 'utf8'));
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build-if-stale.js')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build failed');
  const { createApp } = require(join(root, 'dist/apps/api/src/app.factory.js'));
  const { loadAppConfig } = require(join(root, 'dist/apps/api/src/config/app-config.js'));
  const dataDir = mkdtempSync(join(tmpdir(), 'shoplink-openapi-'));
  const app = await createApp(
    loadAppConfig({
      SHOPLINK_DATA_FILE: join(dataDir, 'shoplink.db'),
      SHOPLINK_TOKEN_SECRET: 'openapi-document-only-0123456789abcdef',
      SHOPLINK_ACTOR_ASSERTION_SECRET: 'openapi-document-only-0123456789abcdef',
      SHOPLINK_EXPIRY_SWEEP_INTERVAL_MS: '0',
    }),
    { logger: false },
  );
  try {
    const answer = await app.inject({ method: 'GET', url: '/docs-json' });
    if (answer.statusCode !== 200) throw new Error(`GET /docs-json answered ${answer.statusCode}`);
    return JSON.parse(answer.body);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

module.exports = { argument, openApiDocument, root };
