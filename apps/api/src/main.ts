import 'reflect-metadata';
import { createApp } from './app.factory';
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
  console.log(`Shoplink listening on http://${config.host}:${config.port} (data file ${config.dataFile}); OpenAPI at /docs`);
}

void main();
