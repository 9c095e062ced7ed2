import { IdempotencyStore } from '@shoplink/command-handling';
import { EventStore, positionAt, START } from '@shoplink/event-store';
import { Checkpoint, ReadModelStore } from '@shoplink/read-models';
import { checkReadiness } from './readiness';

/** Stores reduced to what readiness asks of them; `never` stands for a server that does not answer. */
const never = <T>() => new Promise<T>(() => undefined);
const eventStore = (head: () => Promise<ReturnType<typeof positionAt>>, createdAt = new Date()): EventStore =>
  ({
    headPosition: head,
    readAll: async () => [{ createdAt, position: positionAt(1) }],
  }) as unknown as EventStore;
const readModels = (checkpoint: () => Promise<Checkpoint | null>): ReadModelStore =>
  ({ getCheckpoint: checkpoint }) as unknown as ReadModelStore;
const idempotency = (find: () => Promise<null>): IdempotencyStore => ({ find }) as unknown as IdempotencyStore;

describe('checkReadiness (through the ports only)', () => {
  it('reports every store up and the projection caught up', async () => {
    const readiness = await checkReadiness({
      eventStore: eventStore(async () => positionAt(7)),
      readModels: readModels(async () => ({ position: positionAt(7), eventCreatedAt: new Date() })),
      idempotency: idempotency(async () => null),
      projector: 'p',
    });
    expect(readiness).toEqual({
      ready: true,
      body: {
        status: 'ready',
        eventStore: { status: 'up', head: '7' },
        readStore: { status: 'up' },
        idempotencyStore: { status: 'up' },
        projection: { name: 'p', checkpoint: '7', lagPositions: '0', lagSeconds: 0, caughtUp: true },
      },
    });
  });

  it('stays ready and reports the read-model documents skipped as over the size limit, with the last one', async () => {
    const last = { collection: 'shop_status', id: 's-1', bytes: 17_000_000, limitBytes: 16_777_216, at: new Date('2026-01-01T00:00:00Z') };
    const store = {
      getCheckpoint: async () => ({ position: positionAt(7), eventCreatedAt: new Date() }),
      skippedDocuments: () => ({ count: 3, last }),
    } as unknown as ReadModelStore;
    const readiness = await checkReadiness({ eventStore: eventStore(async () => positionAt(7)), readModels: store, projector: 'p' });
    expect(readiness.ready).toBe(true);
    expect(readiness.body.readStore).toEqual({ status: 'up', skippedDocuments: { count: 3, last } });
  });

  it('counts a store that does not answer within the timeout as down, and the service unavailable', async () => {
    const started = Date.now();
    const readiness = await checkReadiness({
      eventStore: eventStore(async () => START),
      readModels: readModels(never),
      idempotency: idempotency(async () => {
        throw new Error('connection refused');
      }),
      projector: 'p',
      timeoutMs: 50,
    });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(readiness).toEqual({
      ready: false,
      body: {
        status: 'unavailable',
        eventStore: { status: 'up', head: '-1' },
        readStore: { status: 'down', error: 'no answer within 50 ms' },
        idempotencyStore: { status: 'down', error: 'connection refused' },
      },
    });
  });

  it('leaves the idempotency store out for a process that has none (the projector)', async () => {
    const readiness = await checkReadiness({
      eventStore: eventStore(async () => positionAt(9)),
      readModels: readModels(async () => ({ position: positionAt(4), eventCreatedAt: new Date() })),
      projector: 'p',
    });
    expect(readiness.body).not.toHaveProperty('idempotencyStore');
    expect(readiness.body.projection).toMatchObject({ checkpoint: '4', lagPositions: '5', caughtUp: false });
  });
});
