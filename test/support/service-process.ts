/** The service alone in a Node process (see typescript-hook.js): prints `PORT <n>` once it listens. */
import 'reflect-metadata';
import { createApp } from '../../apps/api/src/app.factory';
import { loadAppConfig } from '../../apps/api/src/config/app-config';

async function main(): Promise<void> {
  const app = await createApp(loadAppConfig(), { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  process.stdout.write(`PORT ${address.port}\n`);
}

void main();
