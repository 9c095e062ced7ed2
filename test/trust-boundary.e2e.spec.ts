import { randomUUID } from 'node:crypto';
import { bearer, steppedUpAssertionFor, testAssertion, testToken } from './support/service-tokens';
import { linkBody, OFFICIAL_SCOPES, registerShopBody } from './support/shop-fixtures';
import { detailCodes, eventTypes, logHead, ShopScenario } from './support/shop-scenarios';
import { HttpAnswer, ShoplinkTestApp } from './support/shoplink-test-app';

/**
 * The trust boundary, tried as a dishonest or compromised internal service would: a service acts only
 * as the actors its token names, a person (member or support agent) is proven by the identity
 * provider's assertion, and sensitive steps need a recent second factor. Every refusal appends nothing.
 */
describe('Trust boundary: who may act as whom', () => {
  let app: ShoplinkTestApp;
  let shops: ShopScenario;

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    shops = new ShopScenario(app);
    await shops.verifiedShop('shop-b', { graduate: true });
    await shops.link('shop-b', 'acct1', 'official');
    await shops.credit('shop-b', 'settle-1', 10_000);
    // A second official request, awaiting its owner: what a forged grant would link.
    await app.command('POST', '/v1/shops', registerShopBody('shop-c'));
    await app.command('POST', '/v1/shops/shop-c/verification', { documents: ['doc:1'] });
    await app.command('POST', '/v1/shops/shop-c/verification/decision', { outcome: 'verified' }, { actor: 'system:kyb' });
    await app.command('POST', '/v1/shops/shop-c/links', linkBody('acct-c', 'official'));
    await app.command('POST', '/v1/shops/shop-c/deactivation', undefined, {});
  });

  afterAll(async () => {
    await app.destroy();
  });

  /** A request as the tester sent it: raw headers, no help from the test app. */
  const raw = (method: string, path: string, body: unknown, headers: Record<string, string>): Promise<HttpAnswer> =>
    app.request(method, path, body, { 'idempotency-key': randomUUID(), ...headers });

  const refusedWithNothingAppended = async (send: () => Promise<HttpAnswer>, status: number, code: string): Promise<HttpAnswer> => {
    const head = await logHead(app);
    const answer = await send();
    expect({ status: answer.status, code: answer.body?.code }).toEqual({ status, code });
    expect(await logHead(app)).toBe(head);
    return answer;
  };

  describe('the requests a compromised service sent, each refused now', () => {
    it('a token holding only shops:write cannot pose as the KYB service to verify its own shop', async () => {
      await app.command('POST', '/v1/shops', registerShopBody('shop-kyb'));
      await app.command('POST', '/v1/shops/shop-kyb/verification', { documents: ['doc:1'] });
      const onlyShopsWrite = await bearer({ scopes: ['shops:write'], actors: [] });
      await refusedWithNothingAppended(
        () =>
          raw('POST', '/v1/shops/shop-kyb/verification/decision', { outcome: 'verified' }, { ...onlyShopsWrite, 'x-actor': 'system:kyb' }),
        403,
        'FORBIDDEN_ACTOR',
      );
      // Nor a seller-center token, which may act for members only.
      const sellerCenter = await bearer({ service: 'seller-center', scopes: ['shops:write'], actors: ['member'] });
      const refused = await refusedWithNothingAppended(
        () =>
          raw('POST', '/v1/shops/shop-kyb/verification/decision', { outcome: 'verified' }, { ...sellerCenter, 'x-actor': 'system:kyb' }),
        403,
        'FORBIDDEN_ACTOR',
      );
      expect(refused.body.details).toEqual([expect.objectContaining({ actor: 'system:kyb', requiredGrant: 'system:kyb' })]);
    });

    it("cannot record an account owner's grant (system:oauth): only the OAuth relay may, with its own grant", async () => {
      const onlyShopsWrite = await bearer({ scopes: ['shops:write'], actors: [] });
      const grant = { decision: 'granted', grantedScopes: OFFICIAL_SCOPES };
      await refusedWithNothingAppended(
        () => raw('POST', '/v1/shops/shop-b/links/acct1/authorization', grant, { ...onlyShopsWrite, 'x-actor': 'system:oauth' }),
        403,
        'FORBIDDEN_ACTOR',
      );
      // A token granting every system actor still cannot make "system:oauth" the relay: the access table names system:oauth-relay.
      const anySystem = await bearer({ scopes: ['shops:write'], actors: ['system:*'] });
      await refusedWithNothingAppended(
        () => raw('POST', '/v1/shops/shop-c/links/acct-c/authorization', grant, { ...anySystem, 'x-actor': 'system:oauth' }),
        403,
        'FORBIDDEN_ROLE',
      );
    });

    it("cannot name someone else's owner to grant an attacker admin: the person must be proven", async () => {
      const body = { memberId: 'attacker', role: 'admin' };
      const onlyShopsWrite = await bearer({ scopes: ['shops:write'], actors: [] });
      await refusedWithNothingAppended(
        () => raw('POST', '/v1/shops/shop-b/members', body, { ...onlyShopsWrite, 'x-actor': 'member:owner-b' }),
        403,
        'FORBIDDEN_ACTOR',
      );
      const forMembers = await bearer({ scopes: ['shops:write'], actors: ['member'] });
      await refusedWithNothingAppended(
        () => raw('POST', '/v1/shops/shop-b/members', body, { ...forMembers, 'x-actor': 'member:m-owner' }),
        401,
        'ACTOR_ASSERTION_INVALID',
      );
      // An assertion for another person, or one signed by anyone but the identity provider, proves nothing.
      const someoneElse = (await steppedUpAssertionFor('member:owner-b'))!;
      await refusedWithNothingAppended(
        () =>
          raw('POST', '/v1/shops/shop-b/members', body, { ...forMembers, 'x-actor': 'member:m-owner', 'x-actor-assertion': someoneElse }),
        401,
        'ACTOR_ASSERTION_INVALID',
      );
      const forged = await testAssertion({
        kind: 'member',
        id: 'm-owner',
        amr: ['pwd', 'otp'],
        secret: new TextEncoder().encode('not-the-identity-providers-key-0123456789'),
      });
      await refusedWithNothingAppended(
        () => raw('POST', '/v1/shops/shop-b/members', body, { ...forMembers, 'x-actor': 'member:m-owner', 'x-actor-assertion': forged }),
        401,
        'ACTOR_ASSERTION_INVALID',
      );
    });

    it("cannot unlink in an emergency as system:anything (which freezes the shop's money): it takes security:write and the security service", async () => {
      const body = { incidentId: 'inc-x', description: 'credentials leaked' };
      const onlyShopsWrite = await bearer({ scopes: ['shops:write'], actors: ['system:*'] });
      await refusedWithNothingAppended(
        () => raw('POST', '/v1/shops/shop-b/links/acct1/emergency-unlink', body, { ...onlyShopsWrite, 'x-actor': 'system:anything' }),
        403,
        'FORBIDDEN_SCOPE',
      );
      const security = await bearer({ scopes: ['security:write'], actors: ['system:*'] });
      await refusedWithNothingAppended(
        () => raw('POST', '/v1/shops/shop-b/links/acct1/emergency-unlink', body, { ...security, 'x-actor': 'system:anything' }),
        403,
        'FORBIDDEN_ROLE',
      );
    });

    it('a token holding only money:write cannot credit, withdraw and pay out under names it was not granted', async () => {
      const onlyMoney = await bearer({ scopes: ['money:write'], actors: [] });
      await refusedWithNothingAppended(
        () =>
          raw(
            'POST',
            '/v1/shops/shop-b/credits',
            { settlementId: 'set-big', orderId: 'ord-big', amount: 1_000_000_000_000 },
            { ...onlyMoney, 'x-actor': 'system:payouts' },
          ),
        403,
        'FORBIDDEN_ACTOR',
      );
      await refusedWithNothingAppended(
        () =>
          raw(
            'POST',
            '/v1/shops/shop-b/withdrawals',
            { withdrawalId: 'wd-big', amount: 5_000 },
            { ...onlyMoney, 'x-actor': 'member:owner-b' },
          ),
        403,
        'FORBIDDEN_ACTOR',
      );
      await refusedWithNothingAppended(
        () => raw('POST', '/v1/shops/shop-b/withdrawals/wd-big/completion', undefined, { ...onlyMoney, 'x-actor': 'system:payouts' }),
        403,
        'FORBIDDEN_ACTOR',
      );
    });

    it('a token holding only personal-data:forget cannot erase as support:nobody (irreversible)', async () => {
      const onlyForget = await bearer({ scopes: ['personal-data:forget'], actors: [] });
      const ticket = { ticketId: 'PRIV-1' };
      await refusedWithNothingAppended(
        () => raw('POST', '/v1/shops/shop-c/personal-data/erasure', ticket, { ...onlyForget, 'x-actor': 'support:nobody' }),
        403,
        'FORBIDDEN_ACTOR',
      );
      const forSupport = await bearer({ scopes: ['personal-data:forget'], actors: ['support'] });
      await refusedWithNothingAppended(
        () => raw('POST', '/v1/shops/shop-c/personal-data/erasure', ticket, { ...forSupport, 'x-actor': 'support:nobody' }),
        401,
        'ACTOR_ASSERTION_INVALID',
      );
    });
  });

  describe('step-up: sensitive steps need a recent second factor', () => {
    const officialUnlink = (assertion: string, key = randomUUID()) =>
      app.command('POST', '/v1/shops/shop-b/links/acct1/unlink-requests', { reason: 'business_pivot' }, { assertion, key });

    it('an official unlink with a password-only assertion is refused STEP_UP_REQUIRED, naming what is needed; with otp a minute ago it is accepted and recorded', async () => {
      app.clock.advanceHours(25); // the earliest unlink after linking has passed
      const passwordOnly = await testAssertion({ kind: 'member', id: 'm-owner', amr: ['pwd'] });
      const key = randomUUID();
      const refused = await refusedWithNothingAppended(() => officialUnlink(passwordOnly, key), 403, 'STEP_UP_REQUIRED');
      expect(refused.body.message).toMatch(/unlinking the official account needs .*second factor.* at most 300 s ago/);
      expect(detailCodes(refused)).toEqual(['STEP_UP_REQUIRED']);

      const aMinuteAgo = new Date(Date.now() - 60_000);
      const steppedUp = await testAssertion({ kind: 'member', id: 'm-owner', amr: ['pwd', 'otp'], authTime: aMinuteAgo, now: aMinuteAgo });
      // The refusal was not the key's answer: the same command, now stepped up, goes through.
      const accepted = await officialUnlink(steppedUp, key);
      expect(accepted.status).toBe(200);
      expect(eventTypes(accepted)).toEqual(['UnlinkRequested']);

      const raw = (await app.request('GET', `/v1/audit/streams/shop-shop-b/events?fromRevision=${accepted.body.revision}`)).body.events[0];
      expect(raw.metadata.actorProof).toEqual({
        issuer: null,
        jti: expect.any(String),
        amr: ['pwd', 'otp'],
        authTime: new Date(Math.floor(aMinuteAgo.getTime() / 1000) * 1000).toISOString(),
      });
      const history = await app.query('/v1/shops/shop-b/history?type=UnlinkRequested', accepted);
      expect(history.body.entries.at(-1)).toMatchObject({
        actor: 'member:m-owner',
        authMethods: 'pwd otp',
        assertionId: raw.metadata.actorProof.jti,
      });
      const csv = (await app.request('GET', '/v1/shops/shop-b/history/export?format=csv&type=UnlinkRequested')).body as string;
      expect(csv.split('\r\n')[0]).toContain('authMethods,authTime,authIssuer,assertionId');
      expect(csv).toContain(`pwd otp,${raw.metadata.actorProof.authTime},,${raw.metadata.actorProof.jti}`);

      // Cancel it: not a sensitive step, a password is enough.
      const cancelled = await app.command('DELETE', `/v1/shops/shop-b/links/acct1/unlink-requests/${accepted.body.requestId}`, undefined, {
        assertion: passwordOnly,
      });
      expect(cancelled.status).toBe(200);
    });

    it('a second factor used longer ago than the window is refused', async () => {
      const tenMinutesAgo = new Date(Date.now() - 9 * 60_000);
      const stale = await testAssertion({ kind: 'member', id: 'm-owner', amr: ['pwd', 'otp'], authTime: tenMinutesAgo });
      const refused = await refusedWithNothingAppended(() => officialUnlink(stale), 403, 'STEP_UP_REQUIRED');
      expect(refused.body.message).toMatch(/second factor was used \d+ s ago/);
    });

    it('one sign-in backs one sensitive step: the same assertion is refused for another', async () => {
      const once = (await steppedUpAssertionFor('member:m-owner'))!;
      const first = await app.command('POST', '/v1/shops/shop-b/withdrawals', { withdrawalId: 'wd-1', amount: 100 }, { assertion: once });
      expect(first.status).toBe(200);
      const again = await refusedWithNothingAppended(
        () => app.command('POST', '/v1/shops/shop-b/withdrawals', { withdrawalId: 'wd-2', amount: 100 }, { assertion: once }),
        403,
        'STEP_UP_REQUIRED',
      );
      expect(detailCodes(again)).toEqual(['ASSERTION_ALREADY_USED']);
      // Not sensitive steps are not limited: the same assertion serves a marketing link request.
      const plain = await app.command('POST', '/v1/shops/shop-b/links', linkBody('acct-mkt', 'marketing'), { assertion: once });
      expect(plain.status).toBe(200);
    });

    it('a service acting on its own authority brings no assertion (system actors are not people)', async () => {
      const token = await testToken({ service: 'payout-service', scopes: ['money:write'], actors: ['system:payouts'] });
      const completed = await app.request('POST', '/v1/shops/shop-b/withdrawals/wd-1/completion', undefined, {
        authorization: `Bearer ${token}`,
        'idempotency-key': randomUUID(),
        'x-actor': 'system:payouts',
      });
      expect(completed.status).toBe(200);
      expect(eventTypes(completed)).toEqual(['FundsWithdrawn']);
    });
  });
});
