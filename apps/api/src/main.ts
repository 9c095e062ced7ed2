import 'reflect-metadata';
import { createApp } from './app.factory';
import { describeStorage } from '@shoplink/storage';
import { ConfigError, loadAppConfig } from './config/app-config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadAppConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(78);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const projection = config.runProjector ? 'projector in this process' : 'projector in its own process (apps/projector)';
  console.log(`Shoplink listening on http://${config.host}:${config.port}; OpenAPI at /docs`);
  console.log(`Storage: ${describeStorage(config.storage!)}; ${projection}`);
  console.log(`Service tokens verified with the secret from ${config.tokenSecretSource}; issue one with: npm run -s token -- --service <name> --scopes <scope,...>`);
}

void main();
