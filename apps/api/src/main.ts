import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { startTracing } from './observability/tracing/start-tracing';
import { createApp } from './app.factory';
import { loadObservabilityConfig } from './observability/observability-config';
import { becomeEmbeddedWriter, ConfigProblems, describeStorage, exitOnConfigProblems, exitOnStartupFailure } from '@shoplink/storage';
import { loadAppConfig } from './config/app-config';

async function main(): Promise<void> {
  const problems = new ConfigProblems();
  const config = problems.read(() => loadAppConfig(), undefined);
  const observability = problems.read(() => loadObservabilityConfig(), undefined);
  exitOnConfigProblems(problems);
  if (config === undefined || observability === undefined) return;
  const storage = config.storage ?? {
    eventStore: { kind: 'sqlite', file: config.dataFile },
    documents: { kind: 'sqlite', file: config.dataFile },
  };
  let app;
  let tracerProvider;
  try {
    // One writer per embedded data file, for the life of this process (the OS lets go when it ends);
    // refused (exit 74) while another holds it, or when the file cannot be written or is not a whole SQLite file.
    becomeEmbeddedWriter(storage, 'api');
    // Off unless the standard OTEL_* variables ask for it.
    tracerProvider = startTracing();
    app = await createApp(config, { observability: { ...observability, tracerProvider: tracerProvider ?? undefined } });
    await app.listen(config.port, config.host);
  } catch (error) {
    exitOnStartupFailure(error);
  }
  const projection = config.runProjector ? 'projector in this process' : 'projector in its own process (apps/projector)';
  const logger = app.get(Logger);
  logger.log(
    `Shoplink listening on http://${config.host}:${config.port}; OpenAPI at /docs, auditor's console at /console, metrics at /metrics`,
    'Main',
  );
  logger.log(`Storage: ${describeStorage(storage)}; ${projection}; tracing ${tracerProvider ? 'on' : 'off'}`, 'Main');
  logger.log(
    `Service tokens verified with the secret from ${config.tokenSecretSource}; issue one with: npm run -s token -- --service <name> --scopes <scope,...> --actors <actor,...>`,
    'Main',
  );
  logger.log(
    `Actor assertions (X-Actor-Assertion) verified with ${config.actorAssertionKeysSource}` +
      (config.actorAssertionKeys.kind === 'secret' ? '; mint one with: npm run -s assertion -- --member <id> [--mfa]' : ''),
    'Main',
  );
  if (config.digests)
    logger.log(
      `Log digests signed with the key in ${config.digests.keysSource}; anchors ${config.digests.anchorIntervalSeconds === 0 ? 'off' : `every ${config.digests.anchorIntervalSeconds} s into ${config.digests.anchorDirectory}`}`,
      'Main',
    );
}

void main().catch((error: unknown) => exitOnStartupFailure(error));
