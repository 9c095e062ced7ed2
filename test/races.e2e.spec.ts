import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '@shoplink/event-store';
import { SqliteEventStore } from '@shoplink/event-store/sqlite/sqlite-event-store';
import { HttpAnswer, ShoplinkTestApp } from './support/shoplink-test-app';
import { linkBody, OFFICIAL_SCOPES } from './support/shop-fixtures';
import { eventTypes, logHead, OAUTH, PAYOUTS, ShopScenario, wrongCodeFor } from './support/shop-scenarios';
import { bySize, reportReliability } from './support/reliability';

const ROUNDS = bySize(3, 15);
const RACERS = bySize(20, 40);
/** The product rule: 5 wrong codes lock an unlink request. */
const MAX_WRONG_CODES = 5;

/**
 * Races through the real HTTP app, on a store that yields between every read and append so
 * the racing commands really interleave: money never goes out twice, the official slot is never
 * filled twice, one Idempotency-Key is one set of events, and wrong unlink codes stop at the lock.
 * Each race is checked in the read models and again by replaying the shop's events.
 */
describe('Races on one shop', () => {
  let app: ShoplinkTestApp;
  let shops: ShopScenario;
  const tally = { races: 0, concurrentRequests: 0, fiveXx: 0 };

  const all = async (requests: Array<() => Promise<HttpAnswer>>): Promise<HttpAnswer[]> => {
    tally.races += 1;
    tally.concurrentRequests += requests.length;
    const answers = await Promise.all(requests.map((send) => send()));
    tally.fiveXx += answers.filter((a) => a.status >= 500).length;
    for (const answer of answers) expect(answer.status).toBeLessThan(500);
    return answers;
  };

  const streamOf = async (shopId: string): Promise<RecordedEvent[]> => {
    const store = new SqliteEventStore(app.config.dataFile);
    try {
      return await store.readStream(`shop-${shopId}`);
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    app = await ShoplinkTestApp.start({ jitter: true });
    shops = new ShopScenario(app);
  });

  afterAll(async () => {
    reportReliability('races', { 'races run': tally.races, 'concurrent requests': tally.concurrentRequests, '5xx seen': tally.fiveXx });
    await app.destroy();
  });

  it.each(Array.from({ length: ROUNDS }, (_, round) => [round]))(
    'round %i: withdrawals racing beyond the balance never take out more than was credited',
    async (round) => {
      const shopId = `race-money-${round}`;
      await shops.verifiedShop(shopId);
      await shops.credit(shopId, 'settle-1', 6_000);
      await shops.credit(shopId, 'settle-2', 4_000);
      const credited = 10_000;
      // Amounts summing to about three times the balance, so most must be refused.
      const amounts = Array.from({ length: RACERS }, (_, i) => 1_000 + ((i * 397) % 1_000));

      const answers = await all(
        amounts.map((amount, i) => () => app.command('POST', `/v1/shops/${shopId}/withdrawals`, { withdrawalId: `wd-${i}`, amount })),
      );

      const accepted = amounts.filter((_, i) => answers[i].status === 200);
      for (const [i, answer] of answers.entries()) {
        if (answer.status === 200) expect(eventTypes(answer)).toEqual(['FundsWithdrawalRequested']);
        else
          expect({ i, code: answer.body.code }).toEqual({ i, code: expect.stringMatching(/^(INSUFFICIENT_FUNDS|CONCURRENCY_CONFLICT)$/) });
      }
      const taken = accepted.reduce((sum, amount) => sum + amount, 0);
      expect(taken).toBeLessThanOrEqual(credited);
      // A refusal for want of money was true when decided and stays true, since the balance only falls:
      // what is left is less than every amount refused so (409 conflicts are the caller's to retry).
      for (const [i, answer] of answers.entries())
        if (answer.body.code === 'INSUFFICIENT_FUNDS') expect({ i, left: credited - taken < amounts[i] }).toEqual({ i, left: true });

      const head = await logHead(app);
      const listed = (await app.request('GET', `/v1/shops/${shopId}/withdrawals?minPosition=${head}`)).body.withdrawals as {
        withdrawalId: string;
        amount: number;
        state: string;
      }[];
      expect(listed.map((w) => w.amount).reduce((a, b) => a + b, 0)).toBe(taken);
      expect(listed).toHaveLength(accepted.length);
      const status = (await app.request('GET', `/v1/shops/${shopId}?minPosition=${head}`)).body;
      expect(status.money).toEqual({ currency: 'GBP', available: credited - taken, pendingWithdrawal: taken, frozen: 0 });

      // Replay: the balance never dips below zero at any event, and the requests add up to the same.
      let available = 0;
      let requested = 0;
      for (const event of await streamOf(shopId)) {
        const data = event.data as { amount?: number };
        if (event.type === 'FundsCredited') available += data.amount!;
        if (event.type === 'FundsWithdrawalRequested') {
          available -= data.amount!;
          requested += data.amount!;
        }
        expect({ revision: event.revision, available: available >= 0 }).toEqual({ revision: event.revision, available: true });
      }
      expect(requested).toBe(taken);
    },
    60_000,
  );

  it.each(Array.from({ length: ROUNDS }, (_, round) => [round]))(
    'round %i: accounts racing for the official slot: one official, ever',
    async (round) => {
      const shopId = `race-official-${round}`;
      await shops.verifiedShop(shopId);
      const accounts = Array.from({ length: RACERS / 2 }, (_, i) => `race-off-${round}-${i}`);

      const requested = await all(
        accounts.map((accountId) => () => app.command('POST', `/v1/shops/${shopId}/links`, linkBody(accountId, 'official'))),
      );
      const pending = accounts.filter((_, i) => requested[i].status === 200 && eventTypes(requested[i]).includes('AccountLinkRequested'));
      // A request awaiting authorization holds the slot: exactly one got that far.
      expect(pending).toHaveLength(1);
      for (const answer of requested.filter((a) => !eventTypes(a).includes('AccountLinkRequested')))
        expect(answer.body.code).toMatch(/OFFICIAL_ALREADY_LINKED|ACCOUNT_INELIGIBLE|CONCURRENCY_CONFLICT/);

      // Every account's owner answers at once, and the other accounts ask again meanwhile.
      const second = await all([
        ...accounts.map(
          (accountId) => () =>
            app.command(
              'POST',
              `/v1/shops/${shopId}/links/${accountId}/authorization`,
              { decision: 'granted', grantedScopes: OFFICIAL_SCOPES },
              OAUTH,
            ),
        ),
        ...accounts.map((accountId) => () => app.command('POST', `/v1/shops/${shopId}/links`, linkBody(accountId, 'official'))),
      ]);
      expect(second.filter((a) => eventTypes(a).includes('AccountLinked'))).toHaveLength(1);

      const head = await logHead(app);
      const status = (await app.request('GET', `/v1/shops/${shopId}?minPosition=${head}`)).body;
      expect(status.officialAccount.accountId).toBe(pending[0]);
      expect(status.links.filter((l: { role: string; state: string }) => l.role === 'official' && l.state === 'linked')).toHaveLength(1);

      const linked = (await streamOf(shopId)).filter((e) => e.type === 'AccountLinked' && (e.data as { role: string }).role === 'official');
      expect(linked.map((e) => (e.data as { accountId: string }).accountId)).toEqual([pending[0]]);
    },
    60_000,
  );

  it.each(Array.from({ length: ROUNDS }, (_, round) => [round]))(
    'round %i: the same Idempotency-Key sent 50 times at once: one set of events, 50 identical answers',
    async (round) => {
      const shopId = `race-idem-${round}`;
      await shops.verifiedShop(shopId);
      await shops.credit(shopId, 'settle-1', 5_000);
      const cases: Array<{ path: string; body: unknown; actor?: string }> = [
        { path: `/v1/shops/${shopId}/withdrawals`, body: { withdrawalId: 'wd-once', amount: 3_000 } },
        {
          path: `/v1/shops/${shopId}/credits`,
          body: { settlementId: 'settle-once', orderId: 'order-1', amount: 700 },
          actor: PAYOUTS.actor,
        },
        { path: `/v1/shops/${shopId}/links`, body: linkBody(`race-idem-acct-${round}`, 'marketing') },
      ];
      for (const { path, body, actor } of cases) {
        const key = randomUUID();
        const before = await logHead(app);
        const answers = await all(Array.from({ length: 50 }, () => () => app.command('POST', path, body, { key, actor })));
        for (const answer of answers)
          expect({ status: answer.status, body: answer.body }).toEqual({ status: answers[0].status, body: answers[0].body });
        expect(answers[0].status).toBe(200);
        const events = answers[0].body.events as { id: string }[];
        expect(events).toHaveLength(1);
        expect(Number(await logHead(app)) - Number(before)).toBe(events.length);
        const recorded = (await streamOf(shopId)).filter((e) => e.metadata.commandId === key);
        expect(recorded.map((e) => e.id)).toEqual(events.map((e) => e.id));
      }
    },
    60_000,
  );

  it.each(Array.from({ length: ROUNDS }, (_, round) => [round]))(
    `round %i: unlink codes tried concurrently: never more than ${MAX_WRONG_CODES} wrong tries, then locked for good`,
    async (round) => {
      const shopId = `race-code-${round}`;
      const accountId = `race-code-acct-${round}`;
      await shops.verifiedShop(shopId);
      await shops.link(shopId, accountId, 'marketing');
      app.clock.advanceHours(25);
      const requested = await app.command('POST', `/v1/shops/${shopId}/links/${accountId}/unlink-requests`, { reason: 'business_pivot' });
      expect(requested.status).toBe(200);
      const { requestId, confirmationCode } = requested.body;
      const confirm = `/v1/shops/${shopId}/links/${accountId}/unlink-requests/${requestId}/confirmation`;

      // Many wrong codes at once, and the right one racing them in the middle.
      const tries = Array.from({ length: RACERS }, (_, i) => (i === RACERS / 2 ? confirmationCode : wrongCodeFor(confirmationCode, i + 1)));
      const answers = await all(tries.map((code) => () => app.command('POST', confirm, { code })));
      const rightAnswer = answers[RACERS / 2];

      const events = (await streamOf(shopId)).filter((e) => (e.data as { requestId?: string }).requestId === requestId);
      const failed = events.filter((e) => e.type === 'UnlinkConfirmationFailed');
      const locked = events.filter((e) => e.type === 'UnlinkRequestLocked');
      const unlinked = events.filter((e) => e.type === 'AccountUnlinked');
      expect(failed.length).toBeLessThanOrEqual(MAX_WRONG_CODES);
      expect(failed.map((e) => (e.data as { failedAttempts: number }).failedAttempts)).toEqual(failed.map((_, i) => i + 1));
      if (rightAnswer.status === 200) {
        // The right code came first: the account is unlinked and no try after it was counted.
        expect(unlinked).toHaveLength(1);
        expect(locked).toHaveLength(0);
        expect(events.indexOf(unlinked[0])).toBe(events.length - 1);
      } else {
        expect(failed).toHaveLength(MAX_WRONG_CODES);
        expect(locked).toHaveLength(1);
        expect(unlinked).toHaveLength(0);
        expect(events[events.length - 1].type).toBe('UnlinkRequestLocked');
        // Locked for good: the right code, sent now, is refused as locked and appends nothing.
        const before = await logHead(app);
        const late = await app.command('POST', confirm, { code: confirmationCode });
        expect({ status: late.status, code: late.body.code }).toEqual({ status: 422, code: 'UNLINK_REQUEST_LOCKED' });
        expect(await logHead(app)).toBe(before);
      }
      const head = await logHead(app);
      const link = (await app.request('GET', `/v1/shops/${shopId}?minPosition=${head}`)).body.links.find(
        (l: { accountId: string }) => l.accountId === accountId,
      );
      expect(link.state).toBe(rightAnswer.status === 200 ? 'unlinked' : 'linked');
    },
    60_000,
  );
});
