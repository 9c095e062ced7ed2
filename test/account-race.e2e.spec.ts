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
