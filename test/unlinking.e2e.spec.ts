import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ShoplinkTestApp } from './support/shoplink-test-app';
import { codesOf, detailCodes, eventTypes, logHead, ShopScenario, wrongCodeFor } from './support/shop-scenarios';

/**
 * Unlinking with the one-time confirmation code: request → code →
 * confirm within 15 minutes; wrong codes counted and the 5th locks; cancel; expiry; the
 * official account's blockers; the 24-hour rule; idempotent retries; campaigns ending with
 * their account.
 */
describe('Unlinking an account with the one-time confirmation code', () => {
  let app: ShoplinkTestApp;
  let shops: ShopScenario;

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    shops = new ShopScenario(app);
  });

  afterAll(async () => {
    await app.destroy();
  });

  const unlinkRequests = (shopId: string, accountId: string) => `/v1/shops/${shopId}/links/${accountId}/unlink-requests`;
  const requestUnlink = (shopId: string, accountId: string, options: { key?: string; actor?: string; reason?: string } = {}) =>
    app.command('POST', unlinkRequests(shopId, accountId), { reason: options.reason ?? 'business_pivot' }, options);
  const confirm = (shopId: string, accountId: string, requestId: string, code: string, actor?: string) =>
    app.command('POST', `${unlinkRequests(shopId, accountId)}/${requestId}/confirmation`, { code }, { actor });

  /** A verified, graduated shop with its official account linked more than 24 hours ago. */
  async function shopWithOfficial(shopId: string, officialId: string): Promise<void> {
    await shops.verifiedShop(shopId);
    await shops.link(shopId, officialId, 'official');
    app.clock.advanceHours(25);
  }

  it('request → one-time code → confirm: the official account is unlinked, counted, and the code is never readable or stored', async () => {
    await shopWithOfficial('unlink-shop', 'acct-u-official');

    const requested = await requestUnlink('unlink-shop', 'acct-u-official');
    expect(requested.status).toBe(200);
    expect(eventTypes(requested)).toEqual(['UnlinkRequested']);
    expect(requested.body).toMatchObject({
      streamId: 'shop-unlink-shop',
      requestId: expect.any(String),
      confirmationCode: expect.stringMatching(/^[0-9]{8}$/),
    });
    const { requestId, confirmationCode } = requested.body;

    const pending = await shops.status('unlink-shop', requested);
    expect(pending.openUnlinkRequests).toEqual([
      {
        requestId,
        accountId: 'acct-u-official',
        role: 'official',
        reason: 'business_pivot',
        requestedAt: app.clock.now().toISOString(),
        expiresAt: new Date(app.clock.now().getTime() + 15 * 60_000).toISOString(),
        failedAttempts: 0,
      },
    ]);
    expect(pending.hasOpenUnlinkRequests).toBe(true);
    // Until the code comes back, the account stays linked.
    expect(pending.officialAccount).toMatchObject({ accountId: 'acct-u-official', state: 'linked' });
    // Neither the code nor its hash or salt is ever part of a read model.
    const whole = JSON.stringify(pending);
    expect(whole).not.toContain(confirmationCode);
    expect(whole).not.toContain('codeHash');
    expect(whole).not.toContain('codeSalt');

    const confirmed = await confirm('unlink-shop', 'acct-u-official', requestId, confirmationCode);
    expect(confirmed.status).toBe(200);
    expect(eventTypes(confirmed)).toEqual(['AccountUnlinked']);

    const after = await shops.status('unlink-shop', confirmed);
    expect(after.officialAccount).toBeNull();
    expect(after.officialUnlinkCount).toBe(1);
    expect(after.openUnlinkRequests).toEqual([]);
    expect(after.hasOpenUnlinkRequests).toBe(false);
    expect(after.links.find((l: { accountId: string }) => l.accountId === 'acct-u-official')).toMatchObject({
      state: 'unlinked',
      unlinked: { mode: 'confirmed', reason: 'business_pivot', ticketId: null, incidentId: null, at: app.clock.now().toISOString() },
    });
    expect(after.blockers.unlinkOfficialAccount).toEqual([]);

    const account = await app.query('/v1/accounts/acct-u-official', confirmed);
    expect(account.status).toBe(200);
    expect(account.body.linkedTo).toBeNull();
    expect(account.body.lastUnlinked).toMatchObject({
      shopId: 'unlink-shop',
      role: 'official',
      mode: 'confirmed',
      reason: 'business_pivot',
    });

    // Only the hash is stored: the plain code is nowhere in the data files (events, read models, idempotency records).
    const dataFiles = readdirSync(app.dataDir).filter((name) => name.startsWith('shoplink.db'));
    expect(dataFiles.length).toBeGreaterThan(0);
    const stored = dataFiles.map((name) => readFileSync(join(app.dataDir, name)));
    expect(stored.some((bytes) => bytes.includes(Buffer.from(requestId)))).toBe(true); // the scan does see what is stored
    for (const bytes of stored) expect(bytes.includes(Buffer.from(confirmationCode))).toBe(false);

    // The code was one-time: the request is closed.
    const again = await confirm('unlink-shop', 'acct-u-official', requestId, confirmationCode);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('UNLINK_REQUEST_NOT_FOUND');
  });

  it('wrong codes are counted: four answer UNLINK_CODE_INVALID with the attempts left, the fifth locks the request, then even the right code is told it is locked', async () => {
    await shopWithOfficial('lock-shop', 'acct-l-official');
    const requested = await requestUnlink('lock-shop', 'acct-l-official');
    expect(requested.status).toBe(200);
    const { requestId, confirmationCode } = requested.body;

    let last = requested;
    for (let attempt = 1; attempt <= 4; attempt++) {
      const wrong = await confirm('lock-shop', 'acct-l-official', requestId, wrongCodeFor(confirmationCode, attempt));
      expect(wrong.status).toBe(422);
      expect(wrong.body.code).toBe('UNLINK_CODE_INVALID');
      expect(detailCodes(wrong)).toEqual(['UNLINK_CODE_INVALID']);
      const left = 5 - attempt;
      expect(wrong.body.details[0].message).toMatch(new RegExp(`\\b${left} attempts? left`));
      expect(wrong.body.message).toMatch(new RegExp(`\\b${left} attempts? left`));
      // The wrong code is recorded, so an auditor sees every attempt.
      expect(eventTypes(wrong)).toEqual(['UnlinkConfirmationFailed']);
      const status = await shops.status('lock-shop', wrong);
      expect(status.openUnlinkRequests).toEqual([expect.objectContaining({ requestId, failedAttempts: attempt })]);
      last = wrong;
    }

    const fifth = await confirm('lock-shop', 'acct-l-official', requestId, wrongCodeFor(confirmationCode, 5));
    expect(fifth.status).toBe(422);
    expect(fifth.body.code).toBe('UNLINK_REQUEST_LOCKED');
    expect(detailCodes(fifth)).toEqual(['UNLINK_REQUEST_LOCKED']);
    expect(eventTypes(fifth)).toEqual(['UnlinkConfirmationFailed', 'UnlinkRequestLocked']);
    expect(fifth.body.revision).toBeGreaterThan(last.body.revision);

    const locked = await shops.status('lock-shop', fifth);
    expect(locked.openUnlinkRequests).toEqual([]);
    expect(locked.officialAccount).toMatchObject({ accountId: 'acct-l-official', state: 'linked' });

    const headBefore = await logHead(app);
    const rightTooLate = await confirm('lock-shop', 'acct-l-official', requestId, confirmationCode);
    expect(rightTooLate.status).toBe(422);
    expect(rightTooLate.body.code).toBe('UNLINK_REQUEST_LOCKED');
    expect(await logHead(app)).toBe(headBefore);
    expect((await shops.status('lock-shop')).officialAccount).toMatchObject({ accountId: 'acct-l-official', state: 'linked' });

    // A locked request does not hold the account: a new request gets a new code.
    const fresh = await requestUnlink('lock-shop', 'acct-l-official');
    expect(fresh.status).toBe(200);
    expect(fresh.body.requestId).not.toBe(requestId);
    expect(fresh.body.confirmationCode).toMatch(/^[0-9]{8}$/);
  });

  it('a code sent after 15 minutes is refused UNLINK_REQUEST_EXPIRED and the expiry is recorded', async () => {
    await shopWithOfficial('expiry-shop', 'acct-e-official');
    const requested = await requestUnlink('expiry-shop', 'acct-e-official');
    expect(requested.status).toBe(200);
    const { requestId, confirmationCode } = requested.body;

    app.clock.advanceHours(16 / 60);
    const late = await confirm('expiry-shop', 'acct-e-official', requestId, confirmationCode);
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('UNLINK_REQUEST_EXPIRED');
    expect(detailCodes(late)).toEqual(['UNLINK_REQUEST_EXPIRED']);
    expect(eventTypes(late)).toEqual(['UnlinkRequestExpired']);

    const status = await shops.status('expiry-shop', late);
    expect(status.openUnlinkRequests).toEqual([]);
    expect(status.officialAccount).toMatchObject({ accountId: 'acct-e-official', state: 'linked' });
    expect(status.officialUnlinkCount).toBe(0);

    const again = await confirm('expiry-shop', 'acct-e-official', requestId, confirmationCode);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('UNLINK_REQUEST_NOT_FOUND');
  });

  it('the window is 15 minutes to the millisecond: at exactly 15:00 the code is refused', async () => {
    await shopWithOfficial('boundary-shop', 'acct-w-official');
    const requested = await requestUnlink('boundary-shop', 'acct-w-official');
    expect(requested.status).toBe(200);
    app.clock.advanceHours(15 / 60);
    const atTheBoundary = await confirm('boundary-shop', 'acct-w-official', requested.body.requestId, requested.body.confirmationCode);
    expect(atTheBoundary.status).toBe(422);
    expect(atTheBoundary.body.code).toBe('UNLINK_REQUEST_EXPIRED');
  });

  it('a right code refused by a blocker that appeared after the request (a new order) keeps the request open; it confirms once the order is fulfilled', async () => {
    await shopWithOfficial('late-order-shop', 'acct-lo-official');
    const requested = await requestUnlink('late-order-shop', 'acct-lo-official');
    expect(requested.status).toBe(200);
    const { requestId, confirmationCode } = requested.body;
    const placed = await shops.placeOrder('late-order-shop', 'order-lo-1');

    const blocked = await confirm('late-order-shop', 'acct-lo-official', requestId, confirmationCode);
    expect(blocked.status).toBe(422);
    expect(blocked.body.code).toBe('UNLINK_BLOCKED');
    expect(detailCodes(blocked)).toEqual(['ORDERS_AWAITING_FULFILMENT']);
    const status = await shops.status('late-order-shop', placed);
    expect(status.openUnlinkRequests).toEqual([expect.objectContaining({ requestId, failedAttempts: 0 })]);
    expect(status.officialAccount).toMatchObject({ accountId: 'acct-lo-official', state: 'linked' });

    await shops.fulfil('late-order-shop', 'order-lo-1');
    const confirmed = await confirm('late-order-shop', 'acct-lo-official', requestId, confirmationCode);
    expect(confirmed.status).toBe(200);
    expect(eventTypes(confirmed)).toEqual(['AccountUnlinked']);
  });

  it('a cancelled request is gone and its code no longer works', async () => {
    await shopWithOfficial('cancel-shop', 'acct-c-official');
    const requested = await requestUnlink('cancel-shop', 'acct-c-official');
    expect(requested.status).toBe(200);
    const { requestId, confirmationCode } = requested.body;

    const cancelled = await app.command('DELETE', `${unlinkRequests('cancel-shop', 'acct-c-official')}/${requestId}`);
    expect(cancelled.status).toBe(200);
    expect(eventTypes(cancelled)).toEqual(['UnlinkRequestCancelled']);

    const status = await shops.status('cancel-shop', cancelled);
    expect(status.openUnlinkRequests).toEqual([]);
    expect(status.hasOpenUnlinkRequests).toBe(false);
    expect(status.officialAccount).toMatchObject({ accountId: 'acct-c-official', state: 'linked' });

    const confirmAfterCancel = await confirm('cancel-shop', 'acct-c-official', requestId, confirmationCode);
    expect(confirmAfterCancel.status).toBe(404);
    expect(confirmAfterCancel.body.code).toBe('UNLINK_REQUEST_NOT_FOUND');

    const cancelAgain = await app.command('DELETE', `${unlinkRequests('cancel-shop', 'acct-c-official')}/${requestId}`);
    expect(cancelAgain.status).toBe(404);
    expect(cancelAgain.body.code).toBe('UNLINK_REQUEST_NOT_FOUND');
  });

  it('the official account cannot be unlinked while an order awaits fulfilment and a withdrawal is in flight; the status lists the same blockers', async () => {
    await shops.verifiedShop('busy-shop');
    await shops.link('busy-shop', 'acct-b-official', 'official');
    await shops.link('busy-shop', 'acct-b-mkt', 'marketing');
    await shops.credit('busy-shop', 'settle-b-1', 10_000);
    await shops.withdraw('busy-shop', 'wd-b-1', 4_000);
    const placed = await shops.placeOrder('busy-shop', 'order-b-1');
    app.clock.advanceHours(25);

    const headBefore = await logHead(app);
    const blocked = await requestUnlink('busy-shop', 'acct-b-official');
    expect(blocked.status).toBe(422);
    expect(blocked.body.code).toBe('UNLINK_BLOCKED');
    expect(detailCodes(blocked)).toEqual(['ORDERS_AWAITING_FULFILMENT', 'WITHDRAWAL_IN_FLIGHT']);
    expect(blocked.body.details[0].message).toContain('order-b-1');
    expect(blocked.body.details[1].message).toContain('wd-b-1');
    expect(blocked.body.confirmationCode).toBeUndefined();
    expect(blocked.body.requestId).toBeUndefined();
    expect(await logHead(app)).toBe(headBefore);

    const status = await shops.status('busy-shop', placed);
    expect(codesOf(status.blockers.unlinkOfficialAccount)).toEqual(['ORDERS_AWAITING_FULFILMENT', 'WITHDRAWAL_IN_FLIGHT']);
    expect(status.blockers.unlinkOfficialAccount).toEqual(blocked.body.details);
    expect(status.openUnlinkRequests).toEqual([]);
    expect(status.officialAccount).toMatchObject({ accountId: 'acct-b-official', state: 'linked' });

    // Those blockers are the official account's: a marketing account may go.
    const marketing = await requestUnlink('busy-shop', 'acct-b-mkt');
    expect(marketing.status).toBe(200);
    expect(eventTypes(marketing)).toEqual(['UnlinkRequested']);

    // Once the order is fulfilled and the payout confirmed, nothing blocks the official account.
    await shops.fulfil('busy-shop', 'order-b-1');
    const paidOut = await shops.completeWithdrawal('busy-shop', 'wd-b-1');
    expect((await shops.status('busy-shop', paidOut)).blockers.unlinkOfficialAccount).toEqual([]);
    const unlinked = await shops.unlink('busy-shop', 'acct-b-official');
    expect((await shops.status('busy-shop', unlinked)).officialAccount).toBeNull();
  });

  it('within 24 hours of linking the unlink is blocked with TOO_SOON_AFTER_LINKING; from 24 hours on it may go', async () => {
    await shops.verifiedShop('fresh-shop');
    const linked = await shops.link('fresh-shop', 'acct-f-official', 'official');

    const tooSoon = await requestUnlink('fresh-shop', 'acct-f-official');
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.body.code).toBe('UNLINK_BLOCKED');
    expect(detailCodes(tooSoon)).toEqual(['TOO_SOON_AFTER_LINKING']);
    const status = await shops.status('fresh-shop', linked);
    expect(codesOf(status.blockers.unlinkOfficialAccount)).toEqual(['TOO_SOON_AFTER_LINKING']);
    expect(status.openUnlinkRequests).toEqual([]);

    app.clock.advanceHours(23);
    const stillTooSoon = await requestUnlink('fresh-shop', 'acct-f-official');
    expect(stillTooSoon.status).toBe(422);
    expect(detailCodes(stillTooSoon)).toEqual(['TOO_SOON_AFTER_LINKING']);

    app.clock.advanceHours(1);
    expect((await shops.status('fresh-shop')).blockers.unlinkOfficialAccount).toEqual([]);
    const allowed = await requestUnlink('fresh-shop', 'acct-f-official');
    expect(allowed.status).toBe(200);
    expect(eventTypes(allowed)).toEqual(['UnlinkRequested']);
  });

  it('a retry of the request with the same Idempotency-Key answers the same requestId, without the code, and appends nothing', async () => {
    await shopWithOfficial('retry-shop', 'acct-r-official');
    const key = randomUUID();
    const first = await requestUnlink('retry-shop', 'acct-r-official', { key });
    expect(first.status).toBe(200);
    expect(first.body.confirmationCode).toMatch(/^[0-9]{8}$/);
    const headAfterFirst = await logHead(app);

    const retry = await requestUnlink('retry-shop', 'acct-r-official', { key });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.requestId).toBe(first.body.requestId);
    expect(retry.body).not.toHaveProperty('confirmationCode');
    expect(retry.body.events).toEqual(first.body.events);
    expect(retry.body.revision).toBe(first.body.revision);
    expect(await logHead(app)).toBe(headAfterFirst);

    const status = await shops.status('retry-shop', retry);
    expect(status.openUnlinkRequests.map((r: { requestId: string }) => r.requestId)).toEqual([first.body.requestId]);

    // A new key is a new request: refused while the first awaits its code.
    const second = await requestUnlink('retry-shop', 'acct-r-official');
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('UNLINK_REQUEST_PENDING');

    // The code answered the first time still confirms the one request.
    const confirmed = await confirm('retry-shop', 'acct-r-official', first.body.requestId, first.body.confirmationCode);
    expect(confirmed.status).toBe(200);
    expect(eventTypes(confirmed)).toEqual(['AccountUnlinked']);
  });

  it('a campaign running through the unlinked account ends with it; campaigns of other accounts go on', async () => {
    await shops.verifiedShop('campaign-shop');
    await shops.link('campaign-shop', 'acct-k-official', 'official');
    await shops.link('campaign-shop', 'acct-k-mkt', 'marketing');
    await shops.startCampaign('campaign-shop', 'camp-mkt', 'acct-k-mkt');
    await shops.startCampaign('campaign-shop', 'camp-official', 'acct-k-official');
    app.clock.advanceHours(25);

    const requested = await requestUnlink('campaign-shop', 'acct-k-mkt', { reason: 'privacy' });
    expect(requested.status).toBe(200);
    const confirmed = await confirm('campaign-shop', 'acct-k-mkt', requested.body.requestId, requested.body.confirmationCode);
    expect(confirmed.status).toBe(200);
    expect(eventTypes(confirmed)).toEqual(['CampaignTerminated', 'AccountUnlinked']);

    const status = await shops.status('campaign-shop', confirmed);
    expect(status.activeCampaigns).toEqual([expect.objectContaining({ campaignId: 'camp-official', accountId: 'acct-k-official' })]);
    expect(status.marketingAccounts).toEqual([]);
    expect(status.links.find((l: { accountId: string }) => l.accountId === 'acct-k-mkt')).toMatchObject({
      state: 'unlinked',
      unlinked: { mode: 'confirmed', reason: 'privacy' },
    });
    // Marketing unlinks do not use the official account's allowance.
    expect(status.officialUnlinkCount).toBe(0);
    expect(status.officialAccount).toMatchObject({ accountId: 'acct-k-official', state: 'linked' });
    expect((await app.query('/v1/accounts/acct-k-mkt', confirmed)).body.linkedTo).toBeNull();
  });

  it('an operator may unlink a marketing account but not the official one', async () => {
    await shops.verifiedShop('ops-shop');
    await shops.link('ops-shop', 'acct-o-official', 'official');
    await shops.link('ops-shop', 'acct-o-mkt', 'marketing');
    await shops.grant('ops-shop', 'm-ops', 'operator');
    app.clock.advanceHours(25);

    const official = await requestUnlink('ops-shop', 'acct-o-official', { actor: 'member:m-ops' });
    expect(official.status).toBe(403);
    expect(official.body.code).toBe('FORBIDDEN_ROLE');

    const marketing = await requestUnlink('ops-shop', 'acct-o-mkt', { actor: 'member:m-ops' });
    expect(marketing.status).toBe(200);
    const confirmed = await confirm('ops-shop', 'acct-o-mkt', marketing.body.requestId, marketing.body.confirmationCode, 'member:m-ops');
    expect(confirmed.status).toBe(200);
    expect(eventTypes(confirmed)).toEqual(['AccountUnlinked']);
  });
});
