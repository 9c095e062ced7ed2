import Database from 'better-sqlite3';
import { SqliteEventStore } from '@shoplink/event-store/sqlite/sqlite-event-store';
import { ShoplinkTestApp } from './support/shoplink-test-app';
import { linkBody, OFFICIAL_SCOPES, registerShopBody } from './support/shop-fixtures';

describe('Durability across restarts', () => {
  let app: ShoplinkTestApp;

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    await app.command('POST', '/v1/shops', registerShopBody('durable-shop'));
    await app.command('POST', '/v1/shops/durable-shop/verification', { documents: ['doc:1'] });
    await app.command('POST', '/v1/shops/durable-shop/verification/decision', { outcome: 'verified' }, { actor: 'system:kyb' });
    await app.command('POST', '/v1/shops/durable-shop/links', linkBody('acct-durable', 'official'));
    await app.command(
      'POST',
      '/v1/shops/durable-shop/links/acct-durable/authorization',
      { decision: 'granted', grantedScopes: OFFICIAL_SCOPES },
      { actor: 'system:oauth-relay' },
    );
    await app.command('POST', '/v1/shops/durable-shop/links', linkBody('acct-teen', 'marketing', { ownerAge: 15 }));
  });

  afterAll(async () => {
    await app.destroy();
  });

  async function snapshot() {
    const head = (await app.request('GET', '/health/ready')).body.eventStore.head;
    const shop = await app.request('GET', `/v1/shops/durable-shop?minPosition=${head}`);
    const account = await app.request('GET', `/v1/accounts/acct-durable?minPosition=${head}`);
    return { head, shop: shop.body, account: account.body };
  }

  it('keeps every event and the read models when the service restarts', async () => {
    const before = await snapshot();
    expect(before.shop.officialAccount.accountId).toBe('acct-durable');
    await app.restart();
    const after = await snapshot();
    expect(after).toEqual(before);

    const store = new SqliteEventStore(app.config.dataFile);
    try {
      const events = await store.readStream('shop-durable-shop');
      expect(events.map((e) => e.type)).toEqual([
        'ShopRegistered',
        'BusinessVerificationSubmitted',
        'BusinessVerified',
        'AccountLinkRequested',
        'AccountLinkAuthorized',
        'AccountLinked',
        'AccountLinkRejected',
      ]);
      expect(events[5].metadata).toEqual({
        commandId: expect.any(String),
        correlationId: expect.any(String),
        causationId: events[5].metadata.commandId,
        actor: { kind: 'system', id: 'oauth-relay' },
        callingService: 'test-suite',
        occurredAt: expect.any(String),
        schemaVersion: 1,
        // The version of the policy the decision was made under (the shipped one).
        policyVersion: '2',
        hashAlgorithm: 'sha256-chain-v1',
        previousHash: events[4].metadata.hash,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    } finally {
      await store.close();
    }
  });

  it('rebuilds the read models to the same documents after their tables are deleted', async () => {
    const before = await snapshot();
    await app.stop();
    const db = new Database(app.config.dataFile);
    const readModelTables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'read_model%'")
      .all()
      .map((row) => (row as { name: string }).name);
    expect(readModelTables.length).toBeGreaterThan(0);
    for (const table of readModelTables) db.exec(`DROP TABLE ${table}`);
    db.close();
    await app.boot();
    const after = await snapshot();
    expect(after).toEqual(before);
  });
});
