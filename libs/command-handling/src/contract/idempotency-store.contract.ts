import { randomUUID } from 'node:crypto';
import { IDEMPOTENCY_RETENTION_MS, IdempotencyRecord, IdempotencyStore } from '../idempotency-store.port';

export interface IdempotencyStoreFixture {
  readonly store: IdempotencyStore;
  /** Another store over the same data (another connection, another process's view). */
  openAnother(): Promise<IdempotencyStore>;
  /** Closes every store it handed out (some may already be closed) and deletes the data. */
  cleanup(): Promise<void>;
}

/**
 * What every IdempotencyStore adapter promises the command gateway: the first answer to a key,
 * kept exactly and shared by every connection. Keys are fresh per test, so the suite also runs
 * against a shared server.
 */
export function describeIdempotencyStoreContract(name: string, create: () => Promise<IdempotencyStoreFixture>): void {
  describe(`IdempotencyStore contract: ${name}`, () => {
    let fixture: IdempotencyStoreFixture;
    let store: IdempotencyStore;
    let first: IdempotencyRecord;

    beforeEach(async () => {
      fixture = await create();
      store = fixture.store;
      first = {
        key: randomUUID(),
        requestHash: 'sha256:aaa',
        statusCode: 201,
        body: {
          streamId: 'shop-s-1',
          revision: 0,
          position: '18446744073709551615',
          events: [{ id: 'e-1', type: 'ShopRegistered' }],
          ratio: 0.5,
          ok: true,
          none: null,
        },
        // Recent: a record older than the retention window is forgotten (the last test).
        createdAt: new Date(Date.now() - 60_000),
      };
    });

    afterEach(async () => {
      await fixture.cleanup();
    });

    it('finds nothing for an unknown key', async () => {
      expect(await store.find(randomUUID())).toBeNull();
    });

    it('gives back the saved record as it was saved', async () => {
      await store.save(first);
      expect(await store.find(first.key)).toEqual(first);
    });

    it('keeps the first answer when the same key is saved again', async () => {
      await store.save(first);
      await store.save({ ...first, requestHash: 'sha256:bbb', statusCode: 409, body: { code: 'CONCURRENCY_CONFLICT' } });
      expect(await store.find(first.key)).toEqual(first);
    });

    it('keeps exactly one of two saves racing with the same key', async () => {
      const second = { ...first, requestHash: 'sha256:bbb', statusCode: 422 };
      await Promise.all([store.save(first), store.save(second)]);
      expect([first, second]).toContainEqual(await store.find(first.key));
    });

    it('tells an answer without body from a JSON null body', async () => {
      const noBody = { ...first, key: randomUUID(), statusCode: 204, body: undefined };
      const nullBody = { ...first, key: randomUUID(), body: null };
      await store.save(noBody);
      await store.save(nullBody);

      expect((await store.find(noBody.key))?.body).toBeUndefined();
      expect((await store.find(nullBody.key))?.body).toBeNull();
    });

    it('shares records between every store over the same data, and keeps them when closed and reopened', async () => {
      await store.save(first);
      const other = await fixture.openAnother();
      expect(await other.find(first.key)).toEqual(first);
      await other.save({ ...first, statusCode: 500 });
      await other.close();
      await store.close();

      const reopened = await fixture.openAnother();
      expect(await reopened.find(first.key)).toEqual(first);
    });

    it('forgets a record older than the retention window: not found, so the key runs as a new request', async () => {
      const expired = { ...first, key: randomUUID(), createdAt: new Date(Date.now() - IDEMPOTENCY_RETENTION_MS - 60_000) };
      const recent = { ...first, key: randomUUID(), createdAt: new Date(Date.now() - IDEMPOTENCY_RETENTION_MS + 3_600_000) };
      await store.save(expired);
      await store.save(recent);

      expect(await store.find(expired.key)).toBeNull();
      expect(await store.find(recent.key)).toEqual(recent);
    });
  });
}
