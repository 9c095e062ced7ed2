import { HttpAnswer, ShoplinkTestApp } from './shoplink-test-app';
import { linkBody, MARKETING_SCOPES, OFFICIAL_SCOPES, registerShopBody } from './shop-fixtures';

/** The internal services the life-cycle scenarios speak for (systems act on their own authority). */
export const KYB = { actor: 'system:kyb' };
export const OAUTH = { actor: 'system:oauth-relay' };
export const ONBOARDING = { actor: 'system:onboarding' };
export const ORDERS = { actor: 'system:orders' };
export const PAYOUTS = { actor: 'system:payouts' };
export const SECURITY = { actor: 'system:security' };
export const CAMPAIGNS = { actor: 'system:ads' };

/** The event types a command answer says it appended, in order. */
export const eventTypes = (answer: HttpAnswer): string[] => (answer.body?.events ?? []).map((e: { type: string }) => e.type);

/** The codes of an error answer's details, in order. */
export const detailCodes = (answer: HttpAnswer): string[] => (answer.body?.details ?? []).map((d: { code: string }) => d.code);

/** Codes of a list of blockers as the status shows them. */
export const codesOf = (blockers: readonly { code: string }[]): string[] => blockers.map((b) => b.code);

/** A confirmation code that is certainly not `code` (same shape: 8 digits). */
export const wrongCodeFor = (code: string, offset = 1): string => ((Number(code) + offset) % 100_000_000).toString().padStart(8, '0');

/**
 * Builds the shops the life-cycle scenarios start from, asserting every step succeeded so a
 * broken set-up fails where it breaks, not three steps later.
 */
export class ShopScenario {
  constructor(private readonly app: ShoplinkTestApp) {}

  /** Registered (owner m-owner, admin), verified by KYB and, unless told otherwise, out of probation. */
  async verifiedShop(shopId: string, options: { graduate?: boolean; overrides?: Record<string, unknown> } = {}): Promise<HttpAnswer> {
    const registered = await this.app.command('POST', '/v1/shops', registerShopBody(shopId, options.overrides));
    expect(registered.status).toBe(201);
    const submitted = await this.app.command('POST', `/v1/shops/${shopId}/verification`, { documents: ['doc:incorporation', 'doc:bank'] });
    expect(submitted.status).toBe(200);
    let last = await this.app.command('POST', `/v1/shops/${shopId}/verification/decision`, { outcome: 'verified' }, KYB);
    expect(last.status).toBe(200);
    if (options.graduate ?? true) {
      last = await this.app.command('POST', `/v1/shops/${shopId}/graduation`, undefined, ONBOARDING);
      expect(last.status).toBe(200);
    }
    return last;
  }

  /** Request + the owner's full grant: AccountLinkAuthorized, AccountLinked. */
  async link(shopId: string, accountId: string, role: 'official' | 'marketing'): Promise<HttpAnswer> {
    const requested = await this.app.command('POST', `/v1/shops/${shopId}/links`, linkBody(accountId, role));
    expect(requested.status).toBe(200);
    expect(eventTypes(requested)).toEqual(['AccountLinkRequested']);
    const grantedScopes = role === 'official' ? OFFICIAL_SCOPES : MARKETING_SCOPES;
    const authorized = await this.app.command(
      'POST',
      `/v1/shops/${shopId}/links/${accountId}/authorization`,
      { decision: 'granted', grantedScopes },
      OAUTH,
    );
    expect(authorized.status).toBe(200);
    expect(eventTypes(authorized)).toEqual(['AccountLinkAuthorized', 'AccountLinked']);
    return authorized;
  }

  async grant(shopId: string, memberId: string, role: 'admin' | 'finance' | 'operator' | 'viewer'): Promise<HttpAnswer> {
    const granted = await this.app.command('POST', `/v1/shops/${shopId}/members`, { memberId, role });
    expect(granted.status).toBe(200);
    return granted;
  }

  async placeOrder(shopId: string, orderId: string, amount = 2_599): Promise<HttpAnswer> {
    const placed = await this.app.command('POST', `/v1/shops/${shopId}/orders`, { orderId, amount }, ORDERS);
    expect(placed.status).toBe(200);
    expect(eventTypes(placed)).toEqual(['OrderPlaced']);
    return placed;
  }

  async fulfil(shopId: string, orderId: string): Promise<HttpAnswer> {
    const fulfilled = await this.app.command('POST', `/v1/shops/${shopId}/orders/${orderId}/fulfilment`, undefined, ORDERS);
    expect(fulfilled.status).toBe(200);
    expect(eventTypes(fulfilled)).toEqual(['OrderFulfilled']);
    return fulfilled;
  }

  async credit(shopId: string, settlementId: string, amount: number, orderId = 'order-settled'): Promise<HttpAnswer> {
    const credited = await this.app.command('POST', `/v1/shops/${shopId}/credits`, { settlementId, orderId, amount }, PAYOUTS);
    expect(credited.status).toBe(200);
    expect(eventTypes(credited)).toEqual(['FundsCredited']);
    return credited;
  }

  /** Requested by the owner (admin) unless another actor is named. */
  async withdraw(shopId: string, withdrawalId: string, amount: number, actor = 'member:m-owner'): Promise<HttpAnswer> {
    const requested = await this.app.command('POST', `/v1/shops/${shopId}/withdrawals`, { withdrawalId, amount }, { actor });
    expect(requested.status).toBe(200);
    expect(eventTypes(requested)).toEqual(['FundsWithdrawalRequested']);
    return requested;
  }

  async completeWithdrawal(shopId: string, withdrawalId: string): Promise<HttpAnswer> {
    const completed = await this.app.command('POST', `/v1/shops/${shopId}/withdrawals/${withdrawalId}/completion`, undefined, PAYOUTS);
    expect(completed.status).toBe(200);
    expect(eventTypes(completed)).toEqual(['FundsWithdrawn']);
    return completed;
  }

  async startCampaign(shopId: string, campaignId: string, accountId: string): Promise<HttpAnswer> {
    const started = await this.app.command('POST', `/v1/shops/${shopId}/campaigns`, { campaignId, accountId }, CAMPAIGNS);
    expect(started.status).toBe(200);
    expect(eventTypes(started)).toEqual(['CampaignStarted']);
    return started;
  }

  /** Request (answers requestId and the one-time code) then confirm with that code. */
  async unlink(shopId: string, accountId: string, reason = 'business_pivot'): Promise<HttpAnswer> {
    const requested = await this.app.command('POST', `/v1/shops/${shopId}/links/${accountId}/unlink-requests`, { reason });
    expect(requested.status).toBe(200);
    expect(eventTypes(requested)).toContain('UnlinkRequested');
    const { requestId, confirmationCode } = requested.body;
    const confirmed = await this.app.command('POST', `/v1/shops/${shopId}/links/${accountId}/unlink-requests/${requestId}/confirmation`, {
      code: confirmationCode,
    });
    expect(confirmed.status).toBe(200);
    expect(eventTypes(confirmed)).toContain('AccountUnlinked');
    return confirmed;
  }

  /** The status, read after `after` (read your writes), asserting it was found. */
  async status(shopId: string, after?: HttpAnswer): Promise<any> {
    const status = await this.app.query(`/v1/shops/${shopId}`, after);
    expect(status.status).toBe(200);
    return status.body;
  }
}

/** The event log's head position (from readiness): unchanged means nothing was appended anywhere. */
export const logHead = async (app: ShoplinkTestApp): Promise<string> => (await app.request('GET', '/health/ready')).body.eventStore.head;
