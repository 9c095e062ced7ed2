import { Server } from 'node:http';
import { CheckpointMovedError, Projector } from '@shoplink/read-models';
import { shopProjectorOptions } from '@shoplink/shops';
import { checkReadiness, openStorage, Storage } from '@shoplink/storage';
import { ProjectorConfig } from './projector-config';
import { startHealthServer } from './projector-health-server';

export interface ProjectorProcess {
  readonly projector: Projector;
  readonly storage: Storage;
  /** Where /health and /health/ready answer. */
  readonly url: string;
  stop(): Promise<void>;
}

export interface ProjectorLog {
  info(line: string): void;
  error(line: string): void;
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
 */
export async function startProjectorProcess(config: ProjectorConfig, log: ProjectorLog): Promise<ProjectorProcess> {
  const storage = openStorage(config.storage);
  const projector = createShopProjector(storage, log);
  const readiness = () => checkReadiness({ eventStore: storage.eventStore, readModels: storage.readModels, projector: projector.name });
  let health: { server: Server; url: string } | null = null;
  let lagTimer: NodeJS.Timeout | undefined;
  try {
    health = await startHealthServer(config.host, config.port, readiness);
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
  return {
    projector,
    storage,
    url,
    stop: async () => {
      clearInterval(lagTimer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await projector.stop();
      await storage.close();
    },
  };
}

/**
 * The service's projector over the process's stores: the same options as the API's in-process one
 * (shopProjectorOptions), so both run it alike.
 */
export function createShopProjector(storage: Pick<Storage, 'storedEvents' | 'readModels'>, log: ProjectorLog): Projector {
  return new Projector(
    shopProjectorOptions({
      // The log as stored: read models keep personal fields sealed (see libs/personal-data).
      eventStore: storage.storedEvents,
      store: storage.readModels,
      onError: (error) =>
        error instanceof CheckpointMovedError
          ? log.info(`checkpoint moved elsewhere (a rebuild switched in, or another projector runs); continuing from it: ${error.message}`)
          : log.error(`projection failed, retrying: ${String(error)}`),
    }),
  );
}

async function logLag(readiness: () => ReturnType<typeof checkReadiness>, log: ProjectorLog): Promise<void> {
  try {
    const { ready, body } = await readiness();
    if (!ready) return log.error(`stores unavailable: ${JSON.stringify(body)}`);
    const projection = body.projection as { checkpoint: string | null; lagPositions: string; lagSeconds: number; caughtUp: boolean };
    log.info(
      `lag: checkpoint ${projection.checkpoint ?? 'none'}, ${projection.lagPositions} positions, ${projection.lagSeconds} s behind${projection.caughtUp ? ' (caught up)' : ''}`,
    );
  } catch (error) {
    log.error(`lag unknown: ${String(error)}`);
  }
}
