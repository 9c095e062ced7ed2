import { HttpAnswer, ShoplinkTestApp } from './support/shoplink-test-app';
import { linkBody, OFFICIAL_SCOPES, registerShopBody } from './support/shop-fixtures';
import { KYB, OAUTH, ONBOARDING, ShopScenario } from './support/shop-scenarios';
import { DataFileTamperer } from './support/tamper-with-data-file';
import { TestClock } from './support/test-clock';

const GENESIS = '0'.repeat(64);

/**
 * The auditor's routes over a shop whose history is spread over two days (the test clock moves
 * between commands), then over shops whose streams are tampered with in the SQLite file itself.
 */
describe('Audit routes: raw events, state as of a moment or revision, integrity', () => {
  let app: ShoplinkTestApp;
  const clock = new TestClock('2026-11-01T09:00:00.000Z');
  let authorized: HttpAnswer;
  let unlinkRequestId: string;

  const ok = (answer: HttpAnswer, status = 200) => {
    expect({ status: answer.status, body: answer.body }).toEqual({ status, body: expect.anything() });
    return answer;
  };

  beforeAll(async () => {
    app = await ShoplinkTestApp.start({ clock });
    // shop-audited: revisions 0..7, one hour apart, the unlink a day later.
    ok(await app.command('POST', '/v1/shops', registerShopBody('audited')), 201); // r0 09:00
    clock.advanceHours(1);
    ok(await app.command('POST', '/v1/shops/audited/verification', { documents: ['doc:incorporation'] })); // r1 10:00
    clock.advanceHours(1);
    ok(await app.command('POST', '/v1/shops/audited/verification/decision', { outcome: 'verified' }, KYB)); // r2 11:00
    clock.advanceHours(1);
    ok(await app.command('POST', '/v1/shops/audited/graduation', undefined, ONBOARDING)); // r3 12:00
    clock.advanceHours(1);
    ok(await app.command('POST', '/v1/shops/audited/links', linkBody('tt-audit-1', 'official'))); // r4 13:00
    clock.advanceHours(1);
    authorized = ok(
      await app.command(
        'POST',
        '/v1/shops/audited/links/tt-audit-1/authorization',
        { decision: 'granted', grantedScopes: OFFICIAL_SCOPES },
        OAUTH,
      ),
    ); // r5, r6 14:00
    clock.advanceHours(25);
    const unlink = ok(await app.command('POST', '/v1/shops/audited/links/tt-audit-1/unlink-requests', { reason: 'closure' })); // r7 2026-11-02 15:00
    unlinkRequestId = unlink.body.requestId;
  });

  afterAll(async () => {
    await app.destroy();
  });

  it('publishes the audit routes in the OpenAPI document', async () => {
    const paths = Object.keys((await app.request('GET', '/docs-json')).body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/v1/audit/streams/{streamId}/events',
        '/v1/audit/shops/{shopId}/state',
        '/v1/audit/shops/{shopId}/integrity',
      ]),
    );
  });

  describe('GET /v1/audit/streams/:streamId/events', () => {
    it('pages through the raw events with fromRevision and nextRevision, every field and the hash chain included', async () => {
      const first = ok(await app.request('GET', '/v1/audit/streams/shop-audited/events?limit=3'));
      expect(first.body).toMatchObject({ streamId: 'shop-audited', fromRevision: 0, limit: 3, nextRevision: 3 });
      expect(first.body.events.map((e: { revision: number }) => e.revision)).toEqual([0, 1, 2]);
      expect(first.body.events[0]).toEqual({
        revision: 0,
        position: expect.stringMatching(/^[1-9][0-9]*$/),
        id: expect.any(String),
        type: 'ShopRegistered',
        data: expect.objectContaining({ shopId: 'audited', ownerMemberId: 'm-owner' }),
        metadata: expect.objectContaining({
          actor: { kind: 'member', id: 'm-owner' },
          occurredAt: '2026-11-01T09:00:00.000Z',
          hashAlgorithm: 'sha256-chain-v1',
          previousHash: GENESIS,
          hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        }),
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });

      const events = [...first.body.events];
      let next: number | null = first.body.nextRevision;
      while (next !== null) {
        const page = ok(await app.request('GET', `/v1/audit/streams/shop-audited/events?fromRevision=${next}&limit=3`));
        events.push(...page.body.events);
        next = page.body.nextRevision;
      }
      expect(events.map((e) => e.type)).toEqual([
        'ShopRegistered',
        'BusinessVerificationSubmitted',
        'BusinessVerified',
        'ShopGraduatedFromProbation',
        'AccountLinkRequested',
        'AccountLinkAuthorized',
        'AccountLinked',
        'UnlinkRequested',
      ]);
      for (let i = 1; i < events.length; i++) {
        expect(events[i].metadata.previousHash).toBe(events[i - 1].metadata.hash);
        expect(BigInt(events[i].position)).toBeGreaterThan(BigInt(events[i - 1].position));
      }
      // The position a command answered is the position of its last event.
      expect(events[6].position).toBe(authorized.body.position);
      // Raw means raw: the unlink code's salted hash is in the event (the chain covers it).
      expect(events[7].data).toEqual(
        expect.objectContaining({ requestId: unlinkRequestId, codeHash: expect.any(String), codeSalt: expect.any(String) }),
      );
    });

    it('answers 100 events by default, accepts up to 1000, and an empty page past the end', async () => {
      const all = ok(await app.request('GET', '/v1/audit/streams/shop-audited/events'));
      expect(all.body).toMatchObject({ limit: 100, fromRevision: 0, nextRevision: null });
      expect(all.body.events).toHaveLength(8);
      expect(ok(await app.request('GET', '/v1/audit/streams/shop-audited/events?limit=1000')).body.events).toHaveLength(8);
      expect(ok(await app.request('GET', '/v1/audit/streams/shop-audited/events?fromRevision=7&limit=1')).body).toMatchObject({
        nextRevision: null,
        events: [{ revision: 7 }],
      });
      expect(ok(await app.request('GET', '/v1/audit/streams/shop-audited/events?fromRevision=50')).body).toMatchObject({
        events: [],
        nextRevision: null,
      });
    });

    it("reads an account's claim stream too", async () => {
      const claims = ok(await app.request('GET', '/v1/audit/streams/account-tt-audit-1/events'));
      expect(claims.body.events).toEqual([
        expect.objectContaining({
          revision: 0,
          type: 'AccountClaimed',
          data: expect.objectContaining({ accountId: 'tt-audit-1', shopId: 'audited', role: 'official' }),
        }),
      ]);
      expect(claims.body.events[0].metadata.previousHash).toBe(GENESIS);
    });

    it('answers 404 STREAM_NOT_FOUND for a stream without events', async () => {
      const answer = await app.request('GET', '/v1/audit/streams/shop-nobody/events');
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ code: 'STREAM_NOT_FOUND', statusCode: 404 });
    });

    it('names every bad path and query field', async () => {
      const answer = await app.request('GET', '/v1/audit/streams/Shop_1/events?limit=0&fromRevision=-1&colour=red');
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
      expect(answer.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'path.streamId',
        'query.colour',
        'query.fromRevision',
        'query.limit',
      ]);
      for (const limit of ['1001', 'abc', '1.5']) {
        const bad = await app.request('GET', `/v1/audit/streams/shop-audited/events?limit=${limit}`);
        expect({ limit, status: bad.status, fields: bad.body.details.map((d: { field: string }) => d.field) }).toEqual({
          limit,
          status: 400,
          fields: ['query.limit'],
        });
      }
      expect((await app.request('GET', '/v1/audit/streams/noseparator/events')).status).toBe(400);
    });
  });

  describe('GET /v1/audit/shops/:shopId/state', () => {
    const state = (query: string) => app.request('GET', `/v1/audit/shops/audited/state?${query}`);

    it('rebuilds the shop as of a moment between two events, naming the event it stopped at and the next one', async () => {
      const answer = ok(await state('asOf=2026-11-01T11:30:00Z'));
      expect(answer.body).toMatchObject({
        shopId: 'audited',
        streamId: 'shop-audited',
        asOf: '2026-11-01T11:30:00.000Z',
        stoppedAt: {
          revision: 2,
          type: 'BusinessVerified',
          occurredAt: '2026-11-01T11:00:00.000Z',
          position: expect.any(String),
          id: expect.any(String),
          // The numbers the decision was made under: the shipped policy's version.
          policyVersion: '2',
        },
        nextEvent: { revision: 3, type: 'ShopGraduatedFromProbation', occurredAt: '2026-11-01T12:00:00.000Z' },
        eventsApplied: 3,
        lastRevision: 7,
        state: { registered: true, shopId: 'audited', verification: 'verified', stage: 'probation', status: 'active', links: {} },
      });
      expect(answer.body.revision).toBeUndefined();
    });

    it('includes the events that occurred at exactly that moment, and reads time zones', async () => {
      const atLink = ok(await state('asOf=2026-11-01T14:00:00.000Z'));
      expect(atLink.body).toMatchObject({ stoppedAt: { revision: 6, type: 'AccountLinked' }, eventsApplied: 7 });
      expect(atLink.body.state.links['tt-audit-1']).toMatchObject({
        role: 'official',
        state: 'linked',
        linkedAt: '2026-11-01T14:00:00.000Z',
      });
      // 10:30 in UTC+1 is 09:30 UTC: only the registration had happened.
      expect(ok(await state('asOf=2026-11-01T10:30:00%2B01:00')).body).toMatchObject({
        asOf: '2026-11-01T09:30:00.000Z',
        stoppedAt: { revision: 0 },
        eventsApplied: 1,
      });
    });

    it('rebuilds the shop at a revision', async () => {
      const answer = ok(await state('revision=4'));
      expect(answer.body).toMatchObject({
        revision: 4,
        stoppedAt: { revision: 4, type: 'AccountLinkRequested', occurredAt: '2026-11-01T13:00:00.000Z' },
        nextEvent: { revision: 5, type: 'AccountLinkAuthorized' },
        eventsApplied: 5,
        state: { stage: 'graduated', links: { 'tt-audit-1': { state: 'awaiting_authorization', role: 'official' } } },
      });
      expect(answer.body.asOf).toBeUndefined();
    });

    it('today it equals the shop the domain decides on, without the unlink code hashes', async () => {
      const answer = ok(await state('asOf=2030-01-01T00:00:00Z'));
      expect(answer.body).toMatchObject({ stoppedAt: { revision: 7, type: 'UnlinkRequested' }, nextEvent: null, eventsApplied: 8 });
      const request = answer.body.state.unlinkRequests[unlinkRequestId];
      expect(request).toMatchObject({ requestId: unlinkRequestId, accountId: 'tt-audit-1', reason: 'closure', failedAttempts: 0 });
      expect(request.codeHash).toBeUndefined();
      expect(request.codeSalt).toBeUndefined();
      expect(ok(await state('revision=7')).body.state).toEqual(answer.body.state);
      const status = ok(await app.query('/v1/shops/audited', authorized));
      expect(status.body.money).toMatchObject(answer.body.state.money);
    });

    it('answers 404 SHOP_NOT_YET_REGISTERED before the registration, SHOP_NOT_FOUND for no shop, REVISION_NOT_FOUND past the end', async () => {
      const early = await state('asOf=2026-11-01T08:59:59Z');
      expect(early.status).toBe(404);
      expect(early.body).toMatchObject({ code: 'SHOP_NOT_YET_REGISTERED' });
      expect(early.body.message).toContain('2026-11-01T09:00:00.000Z');
      const none = await app.request('GET', '/v1/audit/shops/nobody/state?revision=0');
      expect({ status: none.status, code: none.body.code }).toEqual({ status: 404, code: 'SHOP_NOT_FOUND' });
      const past = await state('revision=8');
      expect({ status: past.status, code: past.body.code }).toEqual({ status: 404, code: 'REVISION_NOT_FOUND' });
      expect(past.body.message).toContain('last is 7');
    });

    it('wants exactly one of asOf and revision, each well formed, and names the field', async () => {
      const fields = async (query: string) => {
        const answer = await app.request('GET', `/v1/audit/shops/audited/state${query}`);
        expect({ query, status: answer.status, code: answer.body.code }).toEqual({ query, status: 400, code: 'VALIDATION_FAILED' });
        return answer.body.details.map((d: { field: string }) => d.field).sort();
      };
      expect(await fields('')).toEqual(['query.asOf', 'query.revision']);
      expect(await fields('?asOf=2026-11-01T10:00:00Z&revision=2')).toEqual(['query.asOf', 'query.revision']);
      expect(await fields('?asOf=2026-11-01')).toEqual(['query.asOf']);
      expect(await fields('?asOf=2026-11-01T10:00:00')).toEqual(['query.asOf']); // no time zone
      expect(await fields('?asOf=2026-02-30T10:00:00Z')).toEqual(['query.asOf']);
      expect(await fields('?revision=-1')).toEqual(['query.revision']);
      expect(await fields('?revision=two')).toEqual(['query.revision']);
      expect(await fields('?revision=1&extra=1')).toEqual(['query.extra']);
      expect((await app.request('GET', '/v1/audit/shops/bad%20id/state?revision=1')).body.details[0].field).toBe('path.shopId');
    });
  });

  describe('GET /v1/audit/shops/:shopId/integrity', () => {
    it('finds an untouched shop intact, with the account stream its link went through', async () => {
      const events = ok(await app.request('GET', '/v1/audit/streams/shop-audited/events')).body.events;
      const answer = ok(await app.request('GET', '/v1/audit/shops/audited/integrity'));
      expect(answer.body).toEqual({
        shopId: 'audited',
        streamId: 'shop-audited',
        intact: true,
        events: 8,
        firstProblem: null,
        lastRevision: 7,
        lastHash: events[7].metadata.hash,
        accountStreams: [expect.objectContaining({ streamId: 'account-tt-audit-1', intact: true, events: 1, firstProblem: null })],
      });
    });

    it('answers 404 for a shop that does not exist and 400 for a bad id or a query', async () => {
      expect((await app.request('GET', '/v1/audit/shops/nobody/integrity')).body).toMatchObject({
        statusCode: 404,
        code: 'SHOP_NOT_FOUND',
      });
      expect((await app.request('GET', '/v1/audit/shops/-bad/integrity')).body).toMatchObject({
        statusCode: 400,
        details: [{ field: 'path.shopId' }],
      });
      expect((await app.request('GET', '/v1/audit/shops/audited/integrity?deep=1')).body).toMatchObject({
        statusCode: 400,
        details: [{ field: 'query.deep' }],
      });
    });

    describe('after the SQLite file was tampered with while the service was stopped', () => {
      const ids: Record<string, string[]> = {};
      const integrity = async (shopId: string) => ok(await app.request('GET', `/v1/audit/shops/${shopId}/integrity`)).body;

      beforeAll(async () => {
        const scenario = new ShopScenario(app);
        for (const shopId of ['t-data', 't-delete', 't-swap', 't-insert']) {
          ok(await app.command('POST', '/v1/shops', registerShopBody(shopId)), 201);
          ok(await app.command('POST', `/v1/shops/${shopId}/verification`, { documents: ['doc:1'] }));
          for (const [memberId, role] of [
            ['m-a', 'finance'],
            ['m-b', 'operator'],
            ['m-c', 'viewer'],
          ])
            await scenario.grant(shopId, memberId, role as 'finance');
          ids[shopId] = ok(await app.request('GET', `/v1/audit/streams/shop-${shopId}/events`)).body.events.map(
            (e: { id: string }) => e.id,
          );
        }
        await scenario.verifiedShop('t-account');
        await scenario.link('t-account', 'tt-tamper', 'official');

        await app.stop();
        const tamper = new DataFileTamperer(app.config.dataFile);
        tamper.alterData('shop-t-data', 2, '$.role', 'admin'); // m-a made admin after the fact
        tamper.deleteEvent('shop-t-delete', 2);
        tamper.swap('shop-t-swap', 2, 3);
        tamper.insertForged('shop-t-insert', 2, {
          id: 'forged-grant',
          type: 'AccessGranted',
          data: { shopId: 't-insert', memberId: 'm-evil', role: 'admin', grantedAt: '2026-11-02T15:30:00.000Z' },
        });
        tamper.alterData('account-tt-tamper', 0, '$.shopId', 'someone-else');
        await app.boot();
      });

      it('names a changed payload as altered, at its revision and event id', async () => {
        expect(await integrity('t-data')).toMatchObject({
          intact: false,
          events: 5,
          firstProblem: { kind: 'altered', streamId: 'shop-t-data', revision: 2, eventId: ids['t-data'][2] },
        });
      });

      it('names a deleted event as removed, with the events either side of the hole', async () => {
        expect(await integrity('t-delete')).toMatchObject({
          intact: false,
          events: 4,
          firstProblem: {
            kind: 'removed',
            revision: 2,
            eventId: null,
            before: { revision: 1, eventId: ids['t-delete'][1], position: expect.any(String) },
            after: { revision: 3, eventId: ids['t-delete'][3], position: expect.any(String) },
          },
        });
      });

      it('names two swapped events as reordered', async () => {
        expect(await integrity('t-swap')).toMatchObject({
          intact: false,
          firstProblem: { kind: 'reordered', revision: 2, eventId: ids['t-swap'][3] },
        });
      });

      it('names a slipped-in event as inserted', async () => {
        expect(await integrity('t-insert')).toMatchObject({
          intact: false,
          events: 6,
          firstProblem: { kind: 'inserted', revision: 2, eventId: 'forged-grant' },
        });
      });

      it("catches a change to the shop's account claim stream", async () => {
        const verdict = await integrity('t-account');
        expect(verdict).toMatchObject({
          streamId: 'shop-t-account',
          intact: false,
          firstProblem: { kind: 'altered', streamId: 'account-tt-tamper', revision: 0 },
        });
        expect(verdict.accountStreams).toEqual([expect.objectContaining({ streamId: 'account-tt-tamper', intact: false })]);
      });

      it('leaves the other shops intact, and the state replay shows what the tampered stream now says', async () => {
        expect(await integrity('audited')).toMatchObject({ intact: true, firstProblem: null });
        const replayed = ok(await app.request('GET', '/v1/audit/shops/t-insert/state?revision=2')).body;
        expect(replayed).toMatchObject({
          stoppedAt: { revision: 2, id: 'forged-grant' },
          state: { members: { 'm-evil': 'admin' } },
          integrity: { intact: false, checkedThrough: 2, firstProblem: { kind: 'inserted', revision: 2 } },
          warnings: [expect.stringContaining('breaks at revision 2 (inserted)')],
        });
      });
    });
  });
});
