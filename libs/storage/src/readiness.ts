import { IdempotencyStore } from '@shoplink/command-handling';
import { encodePosition, EventStore, Position } from '@shoplink/event-store';
import { projectorLag, ReadModelStore, SkippedDocuments } from '@shoplink/read-models';
import { StorageConditions } from './storage-conditions';

export interface ReadinessProbes {
  readonly eventStore: EventStore;
  readonly readModels: ReadModelStore;
  /** Absent in a process that holds none (the projector). */
  readonly idempotency?: IdempotencyStore;
  /** The projector whose lag is reported. */
  readonly projector: string;
  /** How long one store may take to answer before it counts as down (default 2 s). */
  readonly timeoutMs?: number;
  /** Conditions raised against the store (page check failed, disk full, broken chain): listed, and not ready while one says so. */
  readonly conditions?: StorageConditions;
}

/**
 * `skippedDocuments`: read-model document writes skipped because the document was over the
 * store's size limit (still ready: the other documents are kept up to date; the count says how
 * many, `last` which one). docs/production-path.md (Read-model documents over the size limit).
 */
type StoreStatus = { readonly status: 'up' | 'down'; readonly error?: string; readonly skippedDocuments?: SkippedDocuments };

export interface Readiness {
  readonly ready: boolean;
  readonly body: Record<string, unknown>;
}

/**
 * Whether each store answers, and how far the projection lags: asked through the ports only,
 * so it reads the same whichever adapters are configured. `lagPositions` is head minus checkpoint
 * in the store's own log units (events on the embedded store, bytes of log on KurrentDB): zero
 * exactly when caught up; `lagSeconds` is the age of the oldest event not yet applied.
 * A store that does not answer within the timeout is down (a server being selected would
 * otherwise hold the answer for its whole server-selection timeout).
 */
export async function checkReadiness(probes: ReadinessProbes): Promise<Readiness> {
  const timeoutMs = probes.timeoutMs ?? 2_000;
  const [head, checkpoint, idempotency] = await Promise.all([
    settle(probes.eventStore.headPosition(), timeoutMs),
    settle(probes.readModels.getCheckpoint(probes.projector), timeoutMs),
    probes.idempotency ? settle(probes.idempotency.find(READINESS_PROBE_KEY), timeoutMs) : Promise.resolve(null),
  ]);
  const eventStore = head.ok ? { status: 'up', head: encodePosition(head.value) } : down(head.error);
  const skipped = probes.readModels.skippedDocuments?.();
  const readStore: StoreStatus = checkpoint.ok
    ? { status: 'up', ...(skipped && skipped.count > 0 ? { skippedDocuments: { count: skipped.count, last: skipped.last } } : {}) }
    : down(checkpoint.error);
  const stores: Record<string, unknown> = { eventStore, readStore };
  if (idempotency) stores.idempotencyStore = idempotency.ok ? { status: 'up' } : down(idempotency.error);
  const conditions = probes.conditions?.list() ?? [];
  if (conditions.length > 0) stores.conditions = conditions;
  const up = head.ok && checkpoint.ok && (idempotency === null || idempotency.ok);
  if (!up) return { ready: false, body: { status: 'unavailable', ...stores } };
  const blocking = conditions.some((condition) => condition.makesNotReady);

  // On a malformed file the lag's own reads may fail: the conditions already say why not ready.
  const lag = await projectorLag({ name: probes.projector, eventStore: probes.eventStore, store: probes.readModels }).catch((error) => {
    if (blocking) return null;
    throw error;
  });
  if (lag === null) return { ready: false, body: { status: 'unavailable', ...stores } };
  const projection = {
    name: probes.projector,
    checkpoint: lag.checkpoint === null ? null : encodePosition(lag.checkpoint),
    lagPositions: distance(lag.head, lag.checkpoint),
    lagSeconds: lag.seconds,
    caughtUp: !lag.behind,
  };
  if (blocking) return { ready: false, body: { status: 'unavailable', ...stores, projection } };
  return { ready: true, body: { status: 'ready', ...stores, projection } };
}

/** A key no request can send (Idempotency-Key allows no control characters): finding it only proves the store answers. */
const READINESS_PROBE_KEY = '\u0000readiness-probe';

function distance(head: Position, checkpoint: Position | null): string {
  const gap = head.commit - (checkpoint?.commit ?? -1n);
  return (gap > 0n ? gap : 0n).toString();
}

function down(error: unknown): StoreStatus {
  return { status: 'down', error: error instanceof Error ? error.message : String(error) };
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function settle<T>(promise: Promise<T>, timeoutMs: number): Promise<Settled<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Settled<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: new Error(`no answer within ${timeoutMs} ms`) }), timeoutMs);
  });
  const settled = promise.then(
    (value): Settled<T> => ({ ok: true, value }),
    (error: unknown): Settled<T> => ({ ok: false, error }),
  );
  return Promise.race([settled, timeout]).finally(() => clearTimeout(timer));
}
