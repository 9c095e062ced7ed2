import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ShoplinkTestApp } from './support/shoplink-test-app';
import { ShopScenario } from './support/shop-scenarios';
import { bearer } from './support/service-tokens';
import { linkBody, profile } from './support/shop-fixtures';
import { readModelDocumentsIn, rebuiltReadModelDocuments } from './support/read-model-documents';

const SHOP = 'jane-crafts';
const SELLER_NAME = 'Jane Quimby Crafts';
const ACCOUNT = 'acc-jane';
const HANDLE = 'jane.quimby';

/**
 * Crypto-shredding: personal fields are sealed with the shop's key before they reach the log;
 * forgetting destroys the key, and from then on every replay, read model, export and feed shows
 * them as erased, while the history stays whole and its hash chains verify.
 */
/** Erasure is carried out by support's privacy desk, with the ticket of the request. */
const PRIVACY_DESK = { actor: 'support:privacy-desk' };
const TICKET = { ticketId: 'PRIV-77' };

describe('Personal data: sealed in the log, forgotten on request', () => {
  let app: ShoplinkTestApp;
  let scenario: ShopScenario;
  let lastAnswer: any;
  const bytesOnDisk = () => Buffer.concat([readFileSync(app.config.dataFile), readFileSync(`${app.config.dataFile}-wal`, { flag: 'a+' })]);

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    scenario = new ShopScenario(app);
    await scenario.verifiedShop(SHOP, { overrides: { kind: 'individual', name: SELLER_NAME } });
    const requested = await app.command('POST', `/v1/shops/${SHOP}/links`, {
      ...linkBody(ACCOUNT, 'official'),
      profile: profile(HANDLE, { followers: 12_000, ownerAge: 41 }),
    });
    expect(requested.status).toBe(200);
    lastAnswer = requested;
  });

  afterAll(async () => {
    await app.destroy();
  });

  it("keeps handles, owner ages and an individual seller's name out of the data file in clear, yet answers them to readers", async () => {
    const status = await app.query(`/v1/shops/${SHOP}`, lastAnswer);
    expect(status.body.name).toBe(SELLER_NAME);
    expect(JSON.stringify(status.body)).toContain(HANDLE);
    const history = await app.query(`/v1/shops/${SHOP}/history`, lastAnswer);
    expect(history.body.entries.map((e: { summary: string }) => e.summary).join('\n')).toContain(`@${HANDLE}`);
    const state = await app.request('GET', `/v1/audit/shops/${SHOP}/state?asOf=2099-01-01T00:00:00Z`);
    expect(state.body.state.name).toBe(SELLER_NAME);
    const raw = await app.request('GET', `/v1/audit/streams/shop-${SHOP}/events`);
    const requested = raw.body.events.find((e: { type: string }) => e.type === 'AccountLinkRequested');
    expect(requested.data.profile.handle).toMatch(/^⟦pd1:/);
    expect(requested.data.profile.ownerAge).toMatch(/^⟦pd1:/);
    expect(requested.data.profile.followers).toBe(12_000);
    const disk = bytesOnDisk();
    for (const secret of [HANDLE, SELLER_NAME])
      expect({ secret, onDisk: disk.includes(Buffer.from(secret)) }).toEqual({ secret, onDisk: false });
  });

  it('refuses to forget an active shop, and a service without the personal-data:forget scope', async () => {
    const active = await app.command('POST', `/v1/shops/${SHOP}/personal-data/erasure`, TICKET, PRIVACY_DESK);
    expect(active.status).toBe(409);
    expect(active.body.code).toBe('SHOP_NOT_DEACTIVATED');
    // Irreversible: the shop's own members (the owner included) cannot ask it of Shoplink; support's privacy desk does.
    const byOwner = await app.command('POST', `/v1/shops/${SHOP}/personal-data/erasure`, TICKET);
    expect(byOwner.status).toBe(403);
    expect(byOwner.body.code).toBe('FORBIDDEN_ROLE');
    const noScope = await app.command('POST', `/v1/shops/${SHOP}/personal-data/erasure`, TICKET, {
      ...PRIVACY_DESK,
      headers: await bearer({ scopes: ['shops:write'] }),
    });
    expect(noScope.status).toBe(403);
    expect(noScope.body.code).toBe('FORBIDDEN_SCOPE');
  });

  it('once the shop has left, forgetting erases the fields from every reader, and the history, its chain and its read models stay consistent', async () => {
    // The link request lapses with the deactivation (it was never authorized), so the shop can leave.
    app.clock.advanceHours(49);
    const left = await app.command('POST', `/v1/shops/${SHOP}/deactivation`);
    expect(left.status).toBe(200);
    const rawBefore = (await app.request('GET', `/v1/audit/streams/shop-${SHOP}/events`)).body.events;

    const forgotten = await app.command('POST', `/v1/shops/${SHOP}/personal-data/erasure`, TICKET, PRIVACY_DESK);
    expect(forgotten.status).toBe(200);
    expect(forgotten.body.events.map((e: { type: string }) => e.type)).toEqual(['PersonalDataForgotten']);
    const recorded = (await app.request('GET', `/v1/audit/streams/shop-${SHOP}/events?fromRevision=${forgotten.body.revision}`)).body
      .events[0];
    expect(recorded.data.ticketId).toBe(TICKET.ticketId);
    expect(recorded.metadata.actor).toEqual({ kind: 'support', id: 'privacy-desk' });
    expect(recorded.metadata.actorProof).toMatchObject({ amr: ['pwd', 'otp'] });

    const status = await app.query(`/v1/shops/${SHOP}`, forgotten);
    expect(status.body.name).toBe('[erased]');
    expect(JSON.stringify(status.body)).not.toContain(HANDLE);
    const history = (await app.query(`/v1/shops/${SHOP}/history`, forgotten)).body.entries;
    expect(history.map((e: { summary: string }) => e.summary).join('\n')).not.toContain(HANDLE);
    expect(history.find((e: { type: string }) => e.type === 'AccountLinkRequested').summary).toContain('@[erased]');
    expect(history.at(-1)).toMatchObject({ type: 'PersonalDataForgotten', actor: 'support:privacy-desk' });
    const exported = await app.request('GET', `/v1/shops/${SHOP}/history/export?format=jsonl`);
    expect(exported.status).toBe(200);
    expect(String(exported.body)).not.toContain(HANDLE);
    const account = await app.request('GET', `/v1/accounts/${ACCOUNT}`);
    expect(JSON.stringify(account.body)).not.toContain(HANDLE);
    const state = await app.request('GET', `/v1/audit/shops/${SHOP}/state?asOf=2099-01-01T00:00:00Z`);
    expect(state.body.state.name).toBe('[erased]');
    const early = await app.request('GET', `/v1/audit/shops/${SHOP}/state?revision=0`);
    expect(early.body.state.name).toBe('[erased]');
    const feed = await app.request('GET', '/v1/feed?types=AccountLinkRequested');
    const linkInFeed = feed.body.events.find((e: { streamId: string }) => e.streamId === `shop-${SHOP}`);
    expect(linkInFeed.data.profile).toMatchObject({ handle: '[erased]', ownerAge: '[erased]', followers: 12_000 });

    // The log itself did not change: the same events, byte for byte, plus the new one; the chain verifies.
    const rawAfter = (await app.request('GET', `/v1/audit/streams/shop-${SHOP}/events`)).body.events;
    expect(rawAfter.slice(0, rawBefore.length)).toEqual(rawBefore);
    expect((await app.request('GET', `/v1/audit/shops/${SHOP}/integrity`)).body.intact).toBe(true);

    // Read models folded before and after forgetting equal a rebuild of the same log.
    expect(await readModelDocumentsIn(app.config.dataFile)).toEqual(
      await rebuiltReadModelDocuments(app.config.dataFile, join(app.dataDir, 'rebuilt.db')),
    );
  });

  it('a retry of the same erasure answers the same and appends nothing; a new request for a shop already erased appends nothing either', async () => {
    const key = 'erasure-retry-0001';
    app.clock.advanceHours(1);
    const head = (await app.request('GET', '/health/ready')).body.eventStore.head;
    const first = await app.command('POST', `/v1/shops/${SHOP}/personal-data/erasure`, TICKET, { ...PRIVACY_DESK, key });
    const again = await app.command('POST', `/v1/shops/${SHOP}/personal-data/erasure`, TICKET, { ...PRIVACY_DESK, key });
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(first.status).toBe(200);
    expect(first.body.events).toEqual([]);
    expect((await app.request('GET', '/health/ready')).body.eventStore.head).toBe(head);
  });
});
