import { ShoplinkTestApp } from './support/shoplink-test-app';
import { linkBody, registerShopBody } from './support/shop-fixtures';
import { eventTypes, logHead } from './support/shop-scenarios';

/**
 * A shop withdraws a link request its account owner has not answered: POST
 * /v1/shops/:shopId/links/:accountId/cancellation records LinkRequestCancelled, the request leaves
 * the shop's status and the account's open requests at once, and the official slot is free again.
 */
describe('Cancelling a pending link request', () => {
  let app: ShoplinkTestApp;

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    await app.command('POST', '/v1/shops', registerShopBody('cancel-shop'));
    await app.command('POST', '/v1/shops/cancel-shop/verification', { documents: ['doc:1'] });
    await app.command('POST', '/v1/shops/cancel-shop/verification/decision', { outcome: 'verified' }, { actor: 'system:kyb' });
  });

  afterAll(async () => {
    await app.destroy();
  });

  it('records LinkRequestCancelled, shows it, and frees the official slot', async () => {
    expect((await app.command('POST', '/v1/shops/cancel-shop/links', linkBody('acct-first', 'official'))).status).toBe(200);
    const blocked = await app.command('POST', '/v1/shops/cancel-shop/links', linkBody('acct-second', 'official'));
    expect(blocked.status).toBe(422);
    expect(blocked.body.code).toBe('OFFICIAL_ALREADY_LINKED');

    const cancelled = await app.command('POST', '/v1/shops/cancel-shop/links/acct-first/cancellation');
    expect(cancelled.status).toBe(200);
    expect(eventTypes(cancelled)).toEqual(['LinkRequestCancelled']);

    const status = await app.query('/v1/shops/cancel-shop', cancelled);
    expect(status.body.openLinkRequests).toEqual([]);
    expect(status.body.links.find((l: { accountId: string }) => l.accountId === 'acct-first')).toMatchObject({
      state: 'request_cancelled',
      reasons: ['CANCELLED_BY_SHOP'],
    });
    const account = await app.query('/v1/accounts/acct-first', cancelled);
    expect(account.body.openRequests).toEqual([]);
    const history = await app.query('/v1/shops/cancel-shop/history?type=LinkRequestCancelled', cancelled);
    expect(history.body.entries.map((e: { summary: string }) => e.summary)).toEqual([
      'Link request of account acct-first as official cancelled by member m-owner',
    ]);

    const next = await app.command('POST', '/v1/shops/cancel-shop/links', linkBody('acct-second', 'official'));
    expect(next.status).toBe(200);
    expect(eventTypes(next)).toEqual(['AccountLinkRequested']);
  });

  it('a request that is not pending answers 404 LINK_REQUEST_NOT_FOUND and appends nothing; a body is refused', async () => {
    const head = await logHead(app);
    const missing = await app.command('POST', '/v1/shops/cancel-shop/links/acct-never/cancellation');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('LINK_REQUEST_NOT_FOUND');
    const withBody = await app.command('POST', '/v1/shops/cancel-shop/links/acct-second/cancellation', { reason: 'x' });
    expect(withBody.status).toBe(400);
    expect(withBody.body.details).toEqual([expect.objectContaining({ field: 'body', code: 'UNEXPECTED_BODY' })]);
    expect(await logHead(app)).toBe(head);
  });

  it('a retry with the same Idempotency-Key answers the first answer and appends nothing', async () => {
    await app.command('POST', '/v1/shops/cancel-shop/links', linkBody('acct-mkt', 'marketing'));
    const first = await app.command('POST', '/v1/shops/cancel-shop/links/acct-mkt/cancellation', undefined, { key: 'cancel-acct-mkt-1' });
    const head = await logHead(app);
    const again = await app.command('POST', '/v1/shops/cancel-shop/links/acct-mkt/cancellation', undefined, { key: 'cancel-acct-mkt-1' });
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await logHead(app)).toBe(head);
  });
});
