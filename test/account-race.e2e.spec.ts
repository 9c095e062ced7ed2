import { SqliteEventStore } from '@shoplink/event-store/sqlite/sqlite-event-store';
import { ShoplinkTestApp } from './support/shoplink-test-app';
import { linkBody, MARKETING_SCOPES, OFFICIAL_SCOPES, registerShopBody } from './support/shop-fixtures';

const ROUNDS = 5;
const SHOPS_PER_ROUND = 10;

/**
 * One account, one shop, under races: many shops hold an authorization request for the
 * same account and their owners' grants arrive at the same moment. Exactly one shop
 * links it, every round; the account's own stream shows one live claim.
 */
describe('Shops racing for one TikTok account', () => {
  let app: ShoplinkTestApp;

  beforeAll(async () => {
    // Jitter between every read and append, so the racing commands really interleave in this one process.
    app = await ShoplinkTestApp.start({ jitter: true });
  });

  afterAll(async () => {
    await app.destroy();
  });

  async function shopWaitingFor(shopId: string, accountId: string, role: 'official' | 'marketing'): Promise<void> {
    expect((await app.command('POST', '/v1/shops', registerShopBody(shopId))).status).toBe(201);
    expect((await app.command('POST', `/v1/shops/${shopId}/verification`, { documents: ['doc:1'] })).status).toBe(200);
    expect(
      (await app.command('POST', `/v1/shops/${shopId}/verification/decision`, { outcome: 'verified' }, { actor: 'system:kyb' })).status,
    ).toBe(200);
    const requested = await app.command('POST', `/v1/shops/${shopId}/links`, linkBody(accountId, role));
    expect(requested.status).toBe(200);
  }

  it.each(Array.from({ length: ROUNDS }, (_, round) => [round, round % 2 === 0 ? 'official' : 'marketing'] as const))(
    'round %i (%s): exactly one of the racing shops links the account',
    async (round, role) => {
      const accountId = `acct-contested-${round}`;
      const shopIds = Array.from({ length: SHOPS_PER_ROUND }, (_, i) => `race-${round}-${i}`);
      for (const shopId of shopIds) await shopWaitingFor(shopId, accountId, role);

      const scopes = role === 'official' ? OFFICIAL_SCOPES : MARKETING_SCOPES;
      const answers = await Promise.all(
        shopIds.map((shopId) =>
          app.command(
            'POST',
            `/v1/shops/${shopId}/links/${accountId}/authorization`,
            { decision: 'granted', grantedScopes: scopes },
            { actor: 'system:oauth-relay' },
          ),
        ),
      );
      const winners = answers.filter((a) => a.status === 200);
      const losers = answers.filter((a) => a.status !== 200);
      expect(winners).toHaveLength(1);
      expect(winners[0].body.events.map((e: { type: string }) => e.type)).toEqual(['AccountLinkAuthorized', 'AccountLinked']);
      for (const loser of losers) {
        expect(loser.status).toBe(409);
        expect(loser.body.code).toBe('ACCOUNT_LINKED_ELSEWHERE');
      }

      const head = (await app.request('GET', '/health/ready')).body.eventStore.head;
      const statuses = await Promise.all(shopIds.map((shopId) => app.request('GET', `/v1/shops/${shopId}?minPosition=${head}`)));
      const holding = statuses.filter((s) =>
        s.body.links.some((l: { accountId: string; state: string }) => l.accountId === accountId && l.state === 'linked'),
      );
      expect(holding).toHaveLength(1);
      const account = await app.request('GET', `/v1/accounts/${accountId}?minPosition=${head}`);
      expect(account.body.linkedTo.shopId).toBe(holding[0].body.shopId);

      const store = new SqliteEventStore(app.config.dataFile);
      try {
        const claims = (await store.readStream(`account-${accountId}`)).map((e) => e.type);
        expect(claims.filter((t) => t === 'AccountClaimed').length - claims.filter((t) => t === 'AccountReleased').length).toBe(1);
      } finally {
        await store.close();
      }
    },
    30_000,
  );
});

/**
 * Twenty shops ask for the same creator as their official account; fifteen owners' grants arrive at
 * once, five never answer. One shop links it; every other request is closed at once (superseded):
 * the fourteen losers of the race by their own grant, the five silent ones by the link-supersession
 * workflow, before the winner is answered. No loser waits 48 hours or stays blocked.
 */
describe('Twenty shops racing for one creator', () => {
  let app: ShoplinkTestApp;

  beforeAll(async () => {
    app = await ShoplinkTestApp.start({ jitter: true });
  });

  afterAll(async () => {
    await app.destroy();
  });

  it('one links it, no request stays open, and every loser can request another official account at once', async () => {
    const accountId = 'acct-creator-20';
    const shopIds = Array.from({ length: 20 }, (_, i) => `race20-${i}`);
    for (const shopId of shopIds) {
      expect((await app.command('POST', '/v1/shops', registerShopBody(shopId))).status).toBe(201);
      expect((await app.command('POST', `/v1/shops/${shopId}/verification`, { documents: ['doc:1'] })).status).toBe(200);
      const decision = { outcome: 'verified' };
      expect((await app.command('POST', `/v1/shops/${shopId}/verification/decision`, decision, { actor: 'system:kyb' })).status).toBe(200);
    }
    const requests = await Promise.all(
      shopIds.map((shopId) => app.command('POST', `/v1/shops/${shopId}/links`, linkBody(accountId, 'official'))),
    );
    expect(requests.map((r) => r.status)).toEqual(shopIds.map(() => 200));

    const granting = shopIds.slice(0, 15);
    const silent = shopIds.slice(15);
    const answers = await Promise.all(
      granting.map((shopId) =>
        app.command(
          'POST',
          `/v1/shops/${shopId}/links/${accountId}/authorization`,
          { decision: 'granted', grantedScopes: OFFICIAL_SCOPES },
          { actor: 'system:oauth-relay' },
        ),
      ),
    );
    const winners = granting.filter((_, i) => answers[i].status === 200);
    expect(winners).toHaveLength(1);
    const losers = answers.filter((a) => a.status !== 200);
    expect(losers).toHaveLength(14);
    for (const loser of losers) {
      expect({ status: loser.status, code: loser.body.code }).toEqual({ status: 409, code: 'ACCOUNT_LINKED_ELSEWHERE' });
      expect(loser.body.events.map((e: { type: string }) => e.type)).toEqual(['LinkRequestSuperseded']);
    }

    const head = (await app.request('GET', '/health/ready')).body.eventStore.head;
    const account = await app.request('GET', `/v1/accounts/${accountId}?minPosition=${head}`);
    expect(account.body.linkedTo.shopId).toBe(winners[0]);
    expect(account.body.openRequests).toEqual([]);

    for (const shopId of shopIds.filter((id) => id !== winners[0])) {
      const status = await app.request('GET', `/v1/shops/${shopId}?minPosition=${head}`);
      const link = status.body.links.find((l: { accountId: string }) => l.accountId === accountId);
      expect({ shopId, state: link?.state, silent: silent.includes(shopId) }).toEqual({
        shopId,
        state: 'request_superseded',
        silent: silent.includes(shopId),
      });
      const another = await app.command('POST', `/v1/shops/${shopId}/links`, linkBody(`acct-next-${shopId}`, 'official'));
      expect({ shopId, status: another.status, events: another.body.events?.map((e: { type: string }) => e.type) }).toEqual({
        shopId,
        status: 200,
        events: ['AccountLinkRequested'],
      });
    }
  }, 60_000);
});
