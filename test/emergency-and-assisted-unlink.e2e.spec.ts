import { ShoplinkTestApp } from './support/shoplink-test-app';
import { codesOf, detailCodes, eventTypes, logHead, SECURITY, ShopScenario } from './support/shop-scenarios';

/**
 * An emergency unlink after a security breach is immediate, needs no code, is never
 * blocked and freezes the shop's money until the incident is resolved; an assisted unlink by a
 * support agent records ticket and agent and meets the usual blockers.
 */
describe('Emergency unlink after a security breach', () => {
  let app: ShoplinkTestApp;
  let shops: ShopScenario;

  const emergency = (shopId: string, accountId: string, body: { incidentId: string; description: string }, actor: string) =>
    app.command('POST', `/v1/shops/${shopId}/links/${accountId}/emergency-unlink`, body, { actor });

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    shops = new ShopScenario(app);
    await shops.verifiedShop('breach-shop');
    await shops.link('breach-shop', 'acct-breached', 'official');
    await shops.credit('breach-shop', 'settle-breach-1', 12_000);
    await shops.placeOrder('breach-shop', 'order-breach-1');
    // No clock move: the account was linked minutes ago and an order awaits fulfilment.
  });

  afterAll(async () => {
    await app.destroy();
  });

  it('unlinks at once, without a code, despite an order awaiting fulfilment and less than 24 hours after linking', async () => {
    const before = await shops.status('breach-shop');
    expect(codesOf(before.blockers.unlinkOfficialAccount)).toEqual(['ORDERS_AWAITING_FULFILMENT', 'TOO_SOON_AFTER_LINKING']);

    const unlinked = await emergency(
      'breach-shop',
      'acct-breached',
      { incidentId: 'inc-1', description: 'Session token stolen' },
      SECURITY.actor,
    );
    expect(unlinked.status).toBe(200);
    expect(eventTypes(unlinked)).toEqual(['SecurityIncidentReported', 'FundsFrozen', 'AccountUnlinked']);
    expect(unlinked.body.confirmationCode).toBeUndefined();

    const status = await shops.status('breach-shop', unlinked);
    expect(status.officialAccount).toBeNull();
    expect(status.links.find((l: { accountId: string }) => l.accountId === 'acct-breached')).toMatchObject({
      state: 'unlinked',
      unlinked: { mode: 'emergency', reason: 'security_breach', incidentId: 'inc-1', ticketId: null },
    });
    // Emergency unlinks are counted (and shown) in the allowance of official-account unlinks.
    expect(status.officialUnlinkCount).toBe(1);
    expect(status.ordersAwaitingFulfilment).toEqual({ count: 1, orderIds: ['order-breach-1'] });

    const account = await app.query('/v1/accounts/acct-breached', unlinked);
    expect(account.body.linkedTo).toBeNull();
    expect(account.body.lastUnlinked).toMatchObject({ shopId: 'breach-shop', mode: 'emergency', reason: 'security_breach' });
  });

  it("freezes the shop's money while the incident is open", async () => {
    const status = await shops.status('breach-shop');
    expect(status.money).toEqual({ currency: 'GBP', available: 0, pendingWithdrawal: 0, frozen: 12_000 });
    expect(status.moneyFrozen).toBe(true);
    expect(status.openIncidents).toEqual([expect.objectContaining({ incidentId: 'inc-1', description: 'Session token stolen' })]);
  });

  it('refuses a withdrawal with FUNDS_FROZEN while the money is frozen, and records nothing', async () => {
    const headBefore = await logHead(app);
    const refused = await app.command('POST', '/v1/shops/breach-shop/withdrawals', { withdrawalId: 'wd-frozen', amount: 5_000 });
    expect(refused.status).toBe(422);
    expect(detailCodes(refused)).toEqual(['FUNDS_FROZEN']);
    expect(await logHead(app)).toBe(headBefore);
    const list = await app.query('/v1/shops/breach-shop/withdrawals');
    expect(list.body.withdrawals).toEqual([]);
    // The caller must tell "frozen" apart: the freeze is why the money is not available, so it names the refusal.
    expect(refused.body.code).toBe('FUNDS_FROZEN');
  });

  it('a settlement credited during the incident lands in frozen', async () => {
    const credited = await shops.credit('breach-shop', 'settle-breach-2', 1_000);
    const status = await shops.status('breach-shop', credited);
    expect(status.money).toEqual({ currency: 'GBP', available: 0, pendingWithdrawal: 0, frozen: 13_000 });
  });

  it('only a system resolves the incident; resolving it unfreezes the money and withdrawals work again', async () => {
    const byMember = await app.command('POST', '/v1/shops/breach-shop/security-incidents/inc-1/resolution', {
      resolution: 'Tokens rotated',
    });
    expect(byMember.status).toBe(403);
    expect(byMember.body.code).toBe('FORBIDDEN_ROLE');

    const resolved = await app.command(
      'POST',
      '/v1/shops/breach-shop/security-incidents/inc-1/resolution',
      { resolution: 'Tokens rotated' },
      SECURITY,
    );
    expect(resolved.status).toBe(200);
    expect(eventTypes(resolved)).toEqual(['SecurityIncidentResolved', 'FundsUnfrozen']);

    const status = await shops.status('breach-shop', resolved);
    expect(status.money).toEqual({ currency: 'GBP', available: 13_000, pendingWithdrawal: 0, frozen: 0 });
    expect(status.moneyFrozen).toBe(false);
    expect(status.openIncidents).toEqual([]);

    await shops.withdraw('breach-shop', 'wd-after-incident', 5_000);

    const twice = await app.command('POST', '/v1/shops/breach-shop/security-incidents/inc-1/resolution', { resolution: 'again' }, SECURITY);
    expect(twice.status).toBe(422);
    expect(twice.body.code).toBe('INCIDENT_ALREADY_RESOLVED');
  });

  it('an admin member may unlink in an emergency; a finance member may not', async () => {
    // Relinking after an unlink is allowed; nothing of the old link is restored.
    await shops.link('breach-shop', 'acct-breached-2', 'official');
    await shops.grant('breach-shop', 'm-fin', 'finance');

    const byFinance = await emergency('breach-shop', 'acct-breached-2', { incidentId: 'inc-2', description: 'Phishing' }, 'member:m-fin');
    expect(byFinance.status).toBe(403);
    expect(byFinance.body.code).toBe('FORBIDDEN_ROLE');

    const byAdmin = await emergency('breach-shop', 'acct-breached-2', { incidentId: 'inc-2', description: 'Phishing' }, 'member:m-owner');
    expect(byAdmin.status).toBe(200);
    expect(eventTypes(byAdmin)).toEqual(['SecurityIncidentReported', 'FundsFrozen', 'AccountUnlinked']);
    const status = await shops.status('breach-shop', byAdmin);
    expect(status.officialAccount).toBeNull();
    expect(status.officialUnlinkCount).toBe(2);
    // 13,000 credited, 5,000 in flight to the bank: the 8,000 left is frozen.
    expect(status.money).toEqual({ currency: 'GBP', available: 0, pendingWithdrawal: 5_000, frozen: 8_000 });
    expect(status.openIncidents.map((i: { incidentId: string }) => i.incidentId)).toEqual(['inc-2']);
  });

  it('an account that is not linked cannot be unlinked in an emergency either (LINK_NOT_FOUND)', async () => {
    const missing = await emergency('breach-shop', 'acct-never-linked', { incidentId: 'inc-3', description: 'x' }, SECURITY.actor);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('LINK_NOT_FOUND');
  });
});

describe('Assisted unlink by a support agent', () => {
  let app: ShoplinkTestApp;
  let shops: ShopScenario;

  const assisted = (accountId: string, body: Record<string, unknown>, actor: string) =>
    app.command('POST', `/v1/shops/assist-shop/links/${accountId}/assisted-unlink`, body, { actor });

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    shops = new ShopScenario(app);
    await shops.verifiedShop('assist-shop');
    await shops.link('assist-shop', 'acct-assisted', 'official');
  });

  afterAll(async () => {
    await app.destroy();
  });

  it('is refused for a member actor (403 FORBIDDEN_ROLE), even the owner', async () => {
    const byOwner = await assisted('acct-assisted', { reason: 'troubleshooting', ticketId: 'TCK-1042' }, 'member:m-owner');
    expect(byOwner.status).toBe(403);
    expect(byOwner.body.code).toBe('FORBIDDEN_ROLE');
    expect(detailCodes(byOwner)).toEqual(['FORBIDDEN_ROLE']);
  });

  it('is blocked like a normal unlink: an order awaiting fulfilment, and within 24 hours of linking', async () => {
    const placed = await shops.placeOrder('assist-shop', 'order-assist-1');
    const headBefore = await logHead(app);
    const blocked = await assisted('acct-assisted', { reason: 'troubleshooting', ticketId: 'TCK-1042' }, 'support:agent-4');
    expect(blocked.status).toBe(422);
    expect(blocked.body.code).toBe('UNLINK_BLOCKED');
    expect(detailCodes(blocked)).toEqual(['ORDERS_AWAITING_FULFILMENT', 'TOO_SOON_AFTER_LINKING']);
    expect(await logHead(app)).toBe(headBefore);
    const status = await shops.status('assist-shop', placed);
    expect(status.blockers.unlinkOfficialAccount).toEqual(blocked.body.details);
    expect(status.officialAccount).toMatchObject({ accountId: 'acct-assisted', state: 'linked' });
  });

  it('records the ticket and mode "assisted" once nothing blocks it', async () => {
    await shops.fulfil('assist-shop', 'order-assist-1');
    app.clock.advanceHours(25);

    const unlinked = await assisted('acct-assisted', { reason: 'troubleshooting', ticketId: 'TCK-1042' }, 'support:agent-4');
    expect(unlinked.status).toBe(200);
    expect(eventTypes(unlinked)).toEqual(['AccountUnlinked']);

    const status = await shops.status('assist-shop', unlinked);
    expect(status.officialAccount).toBeNull();
    expect(status.links.find((l: { accountId: string }) => l.accountId === 'acct-assisted')).toMatchObject({
      state: 'unlinked',
      unlinked: { mode: 'assisted', reason: 'troubleshooting', ticketId: 'TCK-1042', incidentId: null },
    });
    // Assisted unlinks are counted in the allowance of official-account unlinks.
    expect(status.officialUnlinkCount).toBe(1);
    const account = await app.query('/v1/accounts/acct-assisted', unlinked);
    expect(account.body.linkedTo).toBeNull();
    expect(account.body.lastUnlinked).toMatchObject({ shopId: 'assist-shop', mode: 'assisted', reason: 'troubleshooting' });
  });

  it('names the ticket: without one the request is invalid (400 naming body.ticketId)', async () => {
    const invalid = await assisted('acct-assisted', { reason: 'troubleshooting' }, 'support:agent-4');
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
    expect(invalid.body.details.map((d: { field: string }) => d.field)).toContain('body.ticketId');
  });
});

describe('A security incident that names an account to unlink', () => {
  let app: ShoplinkTestApp;
  let shops: ShopScenario;

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    shops = new ShopScenario(app);
    await shops.verifiedShop('incident-shop');
    await shops.link('incident-shop', 'acct-inc-official', 'official');
    await shops.link('incident-shop', 'acct-inc-mkt', 'marketing');
    await shops.startCampaign('incident-shop', 'camp-inc', 'acct-inc-mkt');
    await shops.credit('incident-shop', 'settle-inc-1', 5_000);
  });

  afterAll(async () => {
    await app.destroy();
  });

  it('a named account that is not linked refuses the whole report and records nothing', async () => {
    const headBefore = await logHead(app);
    const refused = await app.command(
      'POST',
      '/v1/shops/incident-shop/security-incidents',
      { incidentId: 'inc-7', description: 'Ad account takeover', unlinkAccountIds: ['acct-inc-mkt', 'acct-stranger'] },
      SECURITY,
    );
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('LINK_NOT_FOUND');
    expect(detailCodes(refused)).toEqual(['LINK_NOT_FOUND']);
    expect(refused.body.details[0].message).toContain('acct-stranger');
    expect(await logHead(app)).toBe(headBefore);
  });

  it('freezes the money and unlinks the named account at once, ending its campaign; the other links stay', async () => {
    const reported = await app.command(
      'POST',
      '/v1/shops/incident-shop/security-incidents',
      { incidentId: 'inc-7', description: 'Ad account takeover', unlinkAccountIds: ['acct-inc-mkt'] },
      SECURITY,
    );
    expect(reported.status).toBe(200);
    expect(eventTypes(reported)).toEqual(['SecurityIncidentReported', 'FundsFrozen', 'CampaignTerminated', 'AccountUnlinked']);

    const status = await shops.status('incident-shop', reported);
    expect(status.marketingAccounts).toEqual([]);
    expect(status.links.find((l: { accountId: string }) => l.accountId === 'acct-inc-mkt')).toMatchObject({
      state: 'unlinked',
      unlinked: { mode: 'emergency', reason: 'security_breach', incidentId: 'inc-7' },
    });
    expect(status.officialAccount).toMatchObject({ accountId: 'acct-inc-official', state: 'linked' });
    expect(status.officialUnlinkCount).toBe(0);
    expect(status.activeCampaigns).toEqual([]);
    expect(status.money).toEqual({ currency: 'GBP', available: 0, pendingWithdrawal: 0, frozen: 5_000 });
    expect(status.moneyFrozen).toBe(true);
    expect(status.openIncidents).toEqual([expect.objectContaining({ incidentId: 'inc-7', description: 'Ad account takeover' })]);
    expect((await app.query('/v1/accounts/acct-inc-mkt', reported)).body.linkedTo).toBeNull();

    const resolved = await app.command(
      'POST',
      '/v1/shops/incident-shop/security-incidents/inc-7/resolution',
      { resolution: 'Account recovered' },
      SECURITY,
    );
    expect(resolved.status).toBe(200);
    expect(eventTypes(resolved)).toEqual(['SecurityIncidentResolved', 'FundsUnfrozen']);
    const after = await shops.status('incident-shop', resolved);
    expect(after.money).toEqual({ currency: 'GBP', available: 5_000, pendingWithdrawal: 0, frozen: 0 });
    expect(after.moneyFrozen).toBe(false);
  });
});
