import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePosition } from '@shoplink/event-store';
import { SqliteEventStore } from '@shoplink/event-store/sqlite/sqlite-event-store';
import { Projector, rebuildProjections } from '@shoplink/read-models';
import { SqliteReadModelStore } from '@shoplink/read-models/sqlite/sqlite-read-model-store';
import { SHOP_READ_MODELS } from '@shoplink/shops';
import { ShopProjectorService } from '../apps/api/src/projections/shop-projector.service';
import { HttpAnswer, ShoplinkTestApp } from './support/shoplink-test-app';
import { linkBody, MARKETING_SCOPES } from './support/shop-fixtures';
import { CAMPAIGNS, KYB, OAUTH, ORDERS, PAYOUTS, SECURITY, ShopScenario, wrongCodeFor } from './support/shop-scenarios';
import { READ_MODEL_COLLECTIONS, readModelDocumentsIn } from './support/read-model-documents';

/**
 * Projection safety: after a mixed workload through the HTTP API, a rebuild from scratch
 * gives documents identical to the live ones, in every collection; a rebuild switched in
 * while the service runs changes nothing a reader sees, and the live projector carries on
 * from the rebuilt checkpoint; readiness shows how far the projector trails the log.
 */
describe('Projection safety: rebuild from scratch equals the live read models', () => {
  let app: ShoplinkTestApp;
  let shops: ShopScenario;
  let scratch: string;
  const closables: Array<{ close(): Promise<void> }> = [];

  const ok = async (answer: Promise<HttpAnswer> | HttpAnswer, ...statuses: number[]): Promise<HttpAnswer> => {
    const settled = await answer;
    if (!(statuses.length ? statuses : [200, 201]).includes(settled.status)) {
      throw new Error(`expected ${statuses.join('/') || '200/201'}, got ${settled.status}: ${JSON.stringify(settled.body)}`);
    }
    return settled;
  };
  const projector = (): Projector => app.nest.get(ShopProjectorService).projector;
  const head = async (): Promise<string> => (await app.request('GET', '/health/ready')).body.eventStore.head;
  const caughtUp = async (): Promise<void> => {
    const log = new SqliteEventStore(app.config.dataFile);
    try {
      expect(await projector().waitForPosition(await log.headPosition(), 10_000)).toBe(true);
    } finally {
      await log.close();
    }
  };

  /** Every document of every collection the service keeps, read through a connection of its own. */
  const documentsIn = readModelDocumentsIn;

  /** The three shops' lives: every kind of event the read models fold. */
  const mixedWorkload = async (): Promise<void> => {
    // Alpha: a graduated business shop with members, three links and a refused one, money in and out, orders,
    // campaigns, unlinks with codes.
    await shops.verifiedShop('rb-alpha');
    await shops.grant('rb-alpha', 'm-finance', 'finance');
    await shops.grant('rb-alpha', 'm-ops', 'operator');
    await ok(app.command('DELETE', '/v1/shops/rb-alpha/members/m-ops'));
    await shops.link('rb-alpha', 'rb-alpha-brand', 'official');
    await shops.link('rb-alpha', 'rb-alpha-ads-1', 'marketing');
    await shops.link('rb-alpha', 'rb-alpha-ads-2', 'marketing');
    await ok(app.command('POST', '/v1/shops/rb-alpha/links', linkBody('rb-alpha-teen', 'marketing', { ownerAge: 15 })), 422);
    await ok(app.command('POST', '/v1/shops/rb-alpha/links', linkBody('rb-alpha-denied', 'marketing')));
    await ok(
      app.command(
        'POST',
        '/v1/shops/rb-alpha/links/rb-alpha-denied/authorization',
        { decision: 'granted', grantedScopes: MARKETING_SCOPES.slice(0, 1) },
        OAUTH,
      ),
    );
    for (const [n, amount] of [
      [1, 4_500],
      [2, 12_000],
      [3, 799],
    ] as const) {
      await shops.placeOrder('rb-alpha', `rb-alpha-order-${n}`, amount);
      await shops.credit('rb-alpha', `rb-alpha-settle-${n}`, amount, `rb-alpha-order-${n}`);
      await shops.fulfil('rb-alpha', `rb-alpha-order-${n}`);
    }
    await shops.placeOrder('rb-alpha', 'rb-alpha-order-4');
    await ok(app.command('POST', '/v1/shops/rb-alpha/orders/rb-alpha-order-4/cancellation', undefined, ORDERS));
    await shops.withdraw('rb-alpha', 'rb-alpha-wd-1', 5_000, 'member:m-finance');
    await shops.completeWithdrawal('rb-alpha', 'rb-alpha-wd-1');
    await shops.withdraw('rb-alpha', 'rb-alpha-wd-2', 2_000);
    await ok(app.command('POST', '/v1/shops/rb-alpha/withdrawals/rb-alpha-wd-2/failure', { reason: 'bank_rejected' }, PAYOUTS));
    await shops.startCampaign('rb-alpha', 'rb-alpha-summer', 'rb-alpha-ads-1');
    await ok(app.command('POST', '/v1/shops/rb-alpha/campaigns/rb-alpha-summer/end', undefined, CAMPAIGNS));
    await shops.startCampaign('rb-alpha', 'rb-alpha-winter', 'rb-alpha-ads-2');
    app.clock.advanceHours(25);
    // A wrong code first, then the right one: the campaign run through the account ends with it.
    const request = await ok(
      app.command('POST', '/v1/shops/rb-alpha/links/rb-alpha-ads-2/unlink-requests', { reason: 'switching_accounts' }),
    );
    const confirm = `/v1/shops/rb-alpha/links/rb-alpha-ads-2/unlink-requests/${request.body.requestId}/confirmation`;
    await ok(app.command('POST', confirm, { code: wrongCodeFor(request.body.confirmationCode) }), 422);
    await ok(app.command('POST', confirm, { code: request.body.confirmationCode }));
    // An unlink asked for and cancelled.
    const cancelled = await ok(app.command('POST', '/v1/shops/rb-alpha/links/rb-alpha-ads-1/unlink-requests', { reason: 'other' }));
    await ok(app.command('DELETE', `/v1/shops/rb-alpha/links/rb-alpha-ads-1/unlink-requests/${cancelled.body.requestId}`));

    // Beta: a breach with an emergency unlink, money frozen and unfrozen, then leaving TikTok Shop and coming back.
    await shops.verifiedShop('rb-beta', { overrides: { region: 'DE', currency: 'EUR' } });
    await ok(app.command('POST', '/v1/shops/rb-beta/links', linkBody('rb-beta-brand', 'official', { region: 'DE' })));
    await ok(
      app.command(
        'POST',
        '/v1/shops/rb-beta/links/rb-beta-brand/authorization',
        { decision: 'granted', grantedScopes: ['user.info.basic', 'video.list', 'live.room.manage', 'shop.showcase.manage'] },
        OAUTH,
      ),
    );
    await shops.credit('rb-beta', 'rb-beta-settle-1', 3_000);
    await ok(
      app.command(
        'POST',
        '/v1/shops/rb-beta/links/rb-beta-brand/emergency-unlink',
        { incidentId: 'rb-beta-incident', description: 'Session token stolen' },
        SECURITY,
      ),
    );
    await shops.credit('rb-beta', 'rb-beta-settle-2', 1_000);
    await ok(
      app.command('POST', '/v1/shops/rb-beta/security-incidents/rb-beta-incident/resolution', { resolution: 'Sessions revoked' }, SECURITY),
    );
    await shops.withdraw('rb-beta', 'rb-beta-wd-1', 4_000);
    await shops.completeWithdrawal('rb-beta', 'rb-beta-wd-1');
    await ok(app.command('POST', '/v1/shops/rb-beta/deactivation'));
    await ok(app.command('POST', '/v1/shops/rb-beta/reactivation'));

    // Gamma: an individual shop in probation, rejected by KYB then verified; an assisted unlink by support.
    await ok(
      app.command('POST', '/v1/shops', {
        shopId: 'rb-gamma',
        name: 'Gamma',
        region: 'GB',
        currency: 'GBP',
        kind: 'individual',
        ownerMemberId: 'm-owner',
      }),
      201,
    );
    await ok(app.command('POST', '/v1/shops/rb-gamma/verification', { documents: ['doc:id'] }));
    await ok(app.command('POST', '/v1/shops/rb-gamma/verification/decision', { outcome: 'rejected', reasons: ['BLURRED_DOCUMENT'] }, KYB));
    await ok(app.command('POST', '/v1/shops/rb-gamma/verification', { documents: ['doc:id-2'] }));
    await ok(app.command('POST', '/v1/shops/rb-gamma/verification/decision', { outcome: 'verified' }, KYB));
    await shops.link('rb-gamma', 'rb-gamma-brand', 'official');
    app.clock.advanceHours(25);
    await ok(
      app.command(
        'POST',
        '/v1/shops/rb-gamma/links/rb-gamma-brand/assisted-unlink',
        { reason: 'troubleshooting', ticketId: 'TICKET-77' },
        { actor: 'support:agent-4' },
      ),
    );
    await ok(app.command('POST', '/v1/shops/rb-gamma/links', linkBody('rb-gamma-brand', 'official')));
  };

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    shops = new ShopScenario(app);
    scratch = mkdtempSync(join(tmpdir(), 'projection-rebuild-'));
    await mixedWorkload();
    await caughtUp();
  }, 60_000);

  afterAll(async () => {
    for (const closable of closables.reverse()) await closable.close();
    await app.destroy();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('the workload produced documents in every collection', async () => {
    const live = await documentsIn(app.config.dataFile);
    expect(Object.keys(live).sort()).toEqual([
      'account_claim_workflows',
      'accounts',
      'link_supersession_workflows',
      'shop_links',
      'shop_status',
      'shop_timeline_index',
      'withdrawals',
    ]);
    for (const collection of READ_MODEL_COLLECTIONS) expect(live[collection].length).toBeGreaterThan(0);
    expect(live.shop_status.map((d) => d.shopId)).toEqual(['rb-alpha', 'rb-beta', 'rb-gamma']);
    // One timeline entry per event of a shop stream (account claim streams and the policy stream have none).
    const entries = live.shop_timeline_index.flatMap((block) => block.rows as unknown[]);
    expect(entries).toHaveLength(Number(await head()) - (await eventsOutsideShopStreams()));
  });

  /** Events on account claim streams and the policy stream: the timeline has an entry for every shop event, and only those. */
  const eventsOutsideShopStreams = async (): Promise<number> => {
    const log = new SqliteEventStore(app.config.dataFile);
    try {
      return (await log.readAll({ maxCount: 1_000_000 })).filter((e) => !e.streamId.startsWith('shop-')).length;
    } finally {
      await log.close();
    }
  };

  it('rebuild-projections into a fresh file gives the live documents, every one of every collection', async () => {
    const live = await documentsIn(app.config.dataFile);
    const file = join(scratch, 'fresh-rebuild.db');
    const eventStore = new SqliteEventStore(app.config.dataFile);
    const store = new SqliteReadModelStore(file);
    closables.push(eventStore, store);

    const summary = await rebuildProjections({ ...SHOP_READ_MODELS, eventStore, store, readBatchSize: 7, flushEvery: 20 });

    expect(summary.events).toBe(Number(await head()));
    expect(await documentsIn(file)).toEqual(live);
  });

  it('the incremental projector run from scratch on a fresh file gives the same documents too', async () => {
    const live = await documentsIn(app.config.dataFile);
    const file = join(scratch, 'fresh-projector.db');
    const eventStore = new SqliteEventStore(app.config.dataFile);
    const store = new SqliteReadModelStore(file);
    closables.push(eventStore, store);
    const fresh = new Projector({
      name: SHOP_READ_MODELS.projector,
      projections: SHOP_READ_MODELS.projections,
      eventStore,
      store,
      batchSize: 3,
    });
    await fresh.start();
    try {
      expect(await fresh.waitForPosition(await eventStore.headPosition(), 10_000)).toBe(true);
    } finally {
      await fresh.stop();
    }
    expect(await documentsIn(file)).toEqual(live);
  });

  it('a rebuild switched in while the service runs changes nothing readers see, and the live projector carries on from its checkpoint', async () => {
    const before = await documentsIn(app.config.dataFile);
    const statusBefore = (await app.request('GET', '/v1/shops/rb-alpha')).body;
    const eventStore = new SqliteEventStore(app.config.dataFile);
    const store = new SqliteReadModelStore(app.config.dataFile, { synchronous: 'NORMAL' });
    closables.push(eventStore, store);

    const summary = await rebuildProjections({ ...SHOP_READ_MODELS, eventStore, store });

    expect(await documentsIn(app.config.dataFile)).toEqual(before);
    expect((await app.request('GET', '/v1/shops/rb-alpha')).body).toEqual(statusBefore);
    expect(summary.checkpoint).toBe(await head());
    const ready = (await app.request('GET', '/health/ready')).body;
    expect(ready.projection).toMatchObject({ checkpoint: summary.checkpoint, caughtUp: true, lagPositions: '0' });

    // The service keeps working on the switched-in read models: read-your-writes, history, lists.
    const credited = await shops.credit('rb-alpha', 'rb-alpha-settle-after-switch', 333);
    const status = await shops.status('rb-alpha', credited);
    expect(status.money.available).toBe(statusBefore.money.available + 333);
    const history = await app.query('/v1/shops/rb-alpha/history?type=FundsCredited', credited);
    expect(history.status).toBe(200);
    await shops.placeOrder('rb-gamma', 'rb-gamma-order-1');
    await caughtUp();

    // Nothing skipped or applied twice across the switch: a fresh rebuild agrees with the live documents.
    const file = join(scratch, 'after-switch.db');
    const check = new SqliteReadModelStore(file);
    closables.push(check);
    await rebuildProjections({ ...SHOP_READ_MODELS, eventStore, store: check });
    expect(await documentsIn(file)).toEqual(await documentsIn(app.config.dataFile));
  });

  it('shows projection lag on /health/ready while the projector is behind, and none once it has caught up', async () => {
    await projector().stop();
    const appended: HttpAnswer[] = [];
    try {
      appended.push(await shops.placeOrder('rb-alpha', 'rb-alpha-order-lag-1'));
      appended.push(await shops.credit('rb-alpha', 'rb-alpha-settle-lag-1', 100, 'rb-alpha-order-lag-1'));
      appended.push(await shops.fulfil('rb-alpha', 'rb-alpha-order-lag-1'));
      await new Promise((resolve) => setTimeout(resolve, 30));

      const behind = await app.request('GET', '/health/ready');
      expect(behind.status).toBe(200);
      expect(behind.body.projection).toMatchObject({ caughtUp: false, lagPositions: '3' });
      expect(behind.body.projection.lagSeconds).toBeGreaterThan(0);
      expect(behind.body.eventStore.head).toBe(appended[2].body.position);
      expect(Number(behind.body.projection.checkpoint)).toBe(Number(appended[0].body.position) - 1);
      // A query that needs the new position is refused rather than answered stale.
      expect((await app.query('/v1/shops/rb-alpha', appended[2])).status).toBe(503);
    } finally {
      await projector().start();
    }
    expect((await app.query('/v1/shops/rb-alpha', appended[2])).status).toBe(200);
    const ready = (await app.request('GET', '/health/ready')).body;
    expect(ready.projection).toEqual({
      name: SHOP_READ_MODELS.projector,
      checkpoint: appended[2].body.position,
      lagPositions: '0',
      lagSeconds: 0,
      caughtUp: true,
    });
    expect(ready.eventStore.head).toBe(
      encodePosition({ commit: BigInt(appended[2].body.position), prepare: BigInt(appended[2].body.position) }),
    );
  });
});
