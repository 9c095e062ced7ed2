import { Server } from 'node:http';
import { trace, Tracer } from '@opentelemetry/api';
import { Registry } from 'prom-client';
import { Position, RecordedEvent } from '@shoplink/event-store';
import { CheckpointMovedError, Projector, ProjectorObserver } from '@shoplink/read-models';
import { verifyServiceToken } from '@shoplink/service-auth';
import { SHOP_READ_MODELS, shopProjectorOptions } from '@shoplink/shops';
import { checkReadiness, describeStorage, openStorage, STARTUP_CHECK_WAIT_MS, Storage, watchedProjectorObserver } from '@shoplink/storage';
import { bearerTokenOf } from '../../api/src/auth/bearer-token';
import { projectionMetrics, ProjectionMetrics } from '../../api/src/observability/metrics/projection-metrics';
import { collectProcessMetrics } from '../../api/src/observability/metrics/shoplink-metrics';
import { refreshStoreGauges } from '../../api/src/observability/metrics/store-gauges';
import { observeProjectionBatch } from '../../api/src/observability/projector-telemetry.observer';
import { TRACER_NAME } from '../../api/src/observability/tracing/span-names';
import { ProjectorConfig } from './projector-config';
import { MetricsEndpoint, startHealthServer } from './projector-health-server';

export interface ProjectorProcess {
  readonly projector: Projector;
  readonly storage: Storage;
  /** Where /health, /health/ready and /metrics answer. */
  readonly url: string;
  /** Stops and writes the stop line, which names `reason` (the signal) and the last checkpoint. */
  stop(reason?: string): Promise<void>;
}

/** What the process logs with: pino's logger in main.ts (a JSON line each: fields, then the message). */
export interface ProjectorLog {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface ProjectorProcessOptions {
  /** Node's own metrics (shoplink_process_*, shoplink_nodejs_*) on /metrics; main.ts turns them on, tests leave them off. */
  readonly processMetrics?: boolean;
  /** The batch spans' tracer; absent, OpenTelemetry's global one (a no-op unless tracing was started). */
  readonly tracer?: Tracer;
  /** Whether tracing was started (startTracing), for the start line. */
  readonly tracing?: boolean;
}

/**
 * The service's read models kept up to date by a process of their own (the production path:
 * several API instances, one projector). The same Projector and projection list the API runs
 * in-process in the embedded mode (SHOP_READ_MODELS), over the adapters the configuration names.
 *
 * Exactly one projector process is meant to run. A second one (a deployment overlapping the
 * old one, say) cannot corrupt the documents: every batch commits its documents with the
 * checkpoint, fenced on the checkpoint it continues from, so of two processes applying the same
 * events one commits and the other writes nothing (CheckpointMovedError), resumes from the
 * stored checkpoint and wastes its work. No event is skipped or applied twice either way.
 *
 * Observable like the API: a JSON line when it starts (what it projects, from which checkpoint,
 * over which stores) and when it stops (why, at which checkpoint); a span per batch whose lines
 * carry its trace id; the projection's metrics at GET /metrics.
 */
export async function startProjectorProcess(
  config: ProjectorConfig,
  log: ProjectorLog,
  options: ProjectorProcessOptions = {},
): Promise<ProjectorProcess> {
  const registry = new Registry();
  const metrics = projectionMetrics(registry);
  if (options.processMetrics) collectProcessMetrics(registry);
  const storage = openStorage(config.storage, {
    role: 'projector',
    log: (level, line) => (level === 'log' ? log.info({}, line) : log[level]({}, line)),
  });
  // The embedded file's page check before the first batch (in the background for a large file: not ready meanwhile).
  await storage.checkAtStart(STARTUP_CHECK_WAIT_MS);
  const projector = createShopProjector(storage, log, { metrics, tracer: options.tracer ?? trace.getTracer(TRACER_NAME) });
  const readiness = () =>
    checkReadiness({
      eventStore: storage.eventStore,
      readModels: storage.readModels,
      projector: projector.name,
      conditions: storage.conditions,
    });
  const metricsEndpoint: MetricsEndpoint = {
    contentType: Registry.PROMETHEUS_CONTENT_TYPE,
    authorize: (authorization) => authorizeScrape(config.tokenSecret, authorization, log),
    scrape: async () => {
      await refreshStoreGauges(metrics, { eventStore: storage.eventStore, readModels: storage.readModels }, [projector.name]);
      return registry.metrics();
    },
  };
  let health: { server: Server; url: string } | null = null;
  let lagTimer: NodeJS.Timeout | undefined;
  try {
    health = await startHealthServer(config.host, config.port, readiness, metricsEndpoint);
    await projector.start();
    if (config.lagLogIntervalMs > 0) {
      lagTimer = setInterval(() => void logLag(readiness, log), config.lagLogIntervalMs);
      lagTimer.unref();
    }
  } catch (error) {
    health?.server.close();
    await projector.stop();
    await storage.close();
    throw error;
  }
  const { server, url } = health;
  log.info(
    {
      projector: projector.name,
      collections: [...new Set(SHOP_READ_MODELS.projections.map((projection) => projection.collection))],
      from: positionText(projector.currentPosition()),
      storage: describeStorage(config.storage),
      health: `${url}/health/ready`,
      metrics: `${url}/metrics`,
      tokenSecretSource: config.tokenSecretSource,
      tracing: options.tracing ? 'on' : 'off',
    },
    `projector ${projector.name} started from checkpoint ${positionText(projector.currentPosition()) ?? 'none (the start of the log)'}`,
  );
  let stopped: Promise<void> | null = null;
  return {
    projector,
    storage,
    url,
    stop: (reason = 'stop requested') =>
      (stopped ??= (async () => {
        clearInterval(lagTimer);
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await projector.stop();
        const checkpoint = positionText(projector.currentPosition());
        await storage.close();
        log.info(
          { projector: projector.name, reason, checkpoint },
          `projector ${projector.name} stopped (${reason}) at checkpoint ${checkpoint ?? 'none'}`,
        );
      })()),
  };
}

/**
 * The service's projector over the process's stores: the same options as the API's in-process one
 * (shopProjectorOptions), so both run it alike. With `telemetry`, each batch runs in a span of its
 * own, timed and counted, and the lines written about it carry the span's trace id.
 */
export function createShopProjector(
  storage: Pick<Storage, 'storedEvents' | 'readModels'> & Partial<Pick<Storage, 'health'>>,
  log: ProjectorLog,
  telemetry?: { metrics: ProjectionMetrics; tracer: Tracer },
): Projector {
  // A batch's failure is logged inside its span (with its trace id); onError then need not repeat it.
  const loggedInBatch = new WeakSet<object>();
  const observer: ProjectorObserver | undefined = telemetry && {
    batch: (name, events, apply) =>
      observeProjectionBatch(telemetry, name, events, async () => {
        try {
          await apply();
          log.debug(batchFields(name, events), `projected ${events.length} events`);
        } catch (error) {
          logFailure(log, error, batchFields(name, events));
          if (typeof error === 'object' && error !== null) loggedInBatch.add(error);
          throw error;
        }
      }),
  };
  return new Projector(
    shopProjectorOptions({
      // The log as stored: read models keep personal fields sealed (see libs/personal-data).
      eventStore: storage.storedEvents,
      store: storage.readModels,
      onError: (error) => {
        if (typeof error === 'object' && error !== null && loggedInBatch.has(error)) return;
        logFailure(log, error, {});
      },
      // A batch that cannot commit (full disk) makes the process not ready until one commits again.
      observer: storage.health ? watchedProjectorObserver(storage.health, observer) : observer,
    }),
  );
}

function logFailure(log: ProjectorLog, error: unknown, fields: object): void {
  if (error instanceof CheckpointMovedError)
    log.info(
      { ...fields, err: error },
      'checkpoint moved elsewhere (a rebuild switched in, or another projector runs); continuing from it',
    );
  else log.error({ ...fields, err: error }, 'projection failed, retrying from the checkpoint');
}

function batchFields(projector: string, events: readonly RecordedEvent[]): object {
  return {
    projector,
    events: events.length,
    from: positionText(events[0]?.position ?? null),
    to: positionText(events.at(-1)?.position ?? null),
  };
}

/** A position as the API answers it (`position` of a command): the commit part, as text. */
function positionText(position: Position | null): string | null {
  return position === null ? null : String(position.commit);
}

/** 401 without a valid service token, 403 without `metrics:read`, null to answer: the API's rule for its /metrics. */
async function authorizeScrape(secret: Uint8Array, authorization: string | undefined, log: ProjectorLog): Promise<401 | 403 | null> {
  const token = bearerTokenOf(authorization);
  if (token === undefined) return 401;
  try {
    const caller = await verifyServiceToken(secret, token);
    return caller.scopes.has('metrics:read') ? null : 403;
  } catch (error) {
    log.warn({ err: error }, 'metrics scrape refused: not a valid service token');
    return 401;
  }
}

async function logLag(readiness: () => ReturnType<typeof checkReadiness>, log: ProjectorLog): Promise<void> {
  try {
    const { ready, body } = await readiness();
    if (!ready) return log.error({ readiness: body }, 'stores unavailable');
    const projection = body.projection as { checkpoint: string | null; lagPositions: string; lagSeconds: number; caughtUp: boolean };
    log.info(
      {
        checkpoint: projection.checkpoint,
        lagPositions: projection.lagPositions,
        lagSeconds: projection.lagSeconds,
        caughtUp: projection.caughtUp,
      },
      `lag: checkpoint ${projection.checkpoint ?? 'none'}, ${projection.lagPositions} positions, ${projection.lagSeconds} s behind${projection.caughtUp ? ' (caught up)' : ''}`,
    );
  } catch (error) {
    log.error({ err: error }, 'lag unknown');
  }
}
