import { deactivationBlockers } from './deactivation-blockers';
import { decideShop } from './decide-shop';
import { evolveShop, foldShop } from './evolve-shop';
import { DEFAULT_SHOP_POLICY } from './shop-policy';
import { ShopCommand } from './shop.commands';
import { AccountUnlinked, LinkRole, ShopEvent } from './shop.events';
import { RegisteredShop, ShopState } from './shop.state';
import {
  accountLinked,
  campaignEnded,
  campaignStarted,
  completeWithdrawal,
  deactivateShop,
  defaultContext,
  endCampaign,
  fulfilOrder,
  fundsCredited,
  fundsWithdrawn,
  given,
  hoursAfter,
  hoursBefore,
  incidentClosed,
  incidentOpened,
  incidentReportedWhileFrozen,
  iso,
  linkRequested,
  NOW,
  ORDER_SERVICE,
  orderCancelled,
  orderFulfilled,
  orderPlaced,
  PAYOUT_SERVICE,
  placeOrder,
  reactivateShop,
  registeredShop,
  requestWithdrawal,
  SHOP_ID,
  shopDeactivated,
  startCampaign,
  verifiedShop,
  withdrawalRequested,
} from './testing/shop.specification';

const DAY_MS = 86_400_000;
const daysAfter = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY_MS);

const unlinked = (accountId: string, role: LinkRole, at = hoursBefore(NOW, 1)): AccountUnlinked => ({
  type: 'AccountUnlinked',
  data: {
    shopId: SHOP_ID,
    accountId,
    handle: `@${accountId}`,
    role,
    reason: 'closure',
    mode: 'confirmed',
    requestId: `r-${accountId}`,
    incidentId: null,
    ticketId: null,
    agentId: null,
    officialUnlinkCount: role === 'official' ? 1 : 0,
    unlinkedAt: iso(at),
  },
});
const deactivated = (at = NOW): ShopEvent => ({
  type: 'ShopDeactivated',
  data: { shopId: SHOP_ID, ticketId: null, deactivatedAt: iso(at) },
});
const codesOf = (history: readonly ShopEvent[], now = NOW): string[] =>
  deactivationBlockers(foldShop(history) as RegisteredShop, now, DEFAULT_SHOP_POLICY).map((b) => b.code);

/** The last order closed ten days before NOW. */
const CLOSED_AT = hoursBefore(NOW, 240);
const COOLING_ENDS = daysAfter(CLOSED_AT, 90);

describe('leaving TikTok Shop', () => {
  describe('DeactivateShop', () => {
    it('deactivates a shop with nothing left: no link, campaign, order, money, and never an order', () => {
      given(verifiedShop()).when(deactivateShop).then([deactivated()]);
    });

    it('deactivates an unverified shop too', () => {
      given(registeredShop()).when(deactivateShop).then([deactivated()]);
    });

    it('is refused listing every blocker at once (DEACTIVATION_BLOCKED, rule)', () => {
      // FUNDS_AVAILABLE and FUNDS_FROZEN together need a hand-built history (a freeze empties available).
      const history: ShopEvent[] = [
        ...verifiedShop(),
        ...accountLinked('acc-o', 'official'),
        linkRequested('acc-p', 'marketing'),
        campaignStarted('c-1', 'acc-o'),
        orderPlaced('o-1', 100, hoursBefore(CLOSED_AT, 1)),
        orderFulfilled('o-1', CLOSED_AT),
        orderPlaced('o-2'),
        fundsCredited('s-1', 5_000),
        withdrawalRequested('w-1', 1_000),
        incidentReportedWhileFrozen('inc-1'),
        fundsCredited('s-2', 300, { to: 'frozen' }),
      ];
      const violation = given(history)
        .when(deactivateShop)
        .thenThrows('DEACTIVATION_BLOCKED', [
          'ACCOUNTS_STILL_LINKED',
          'CAMPAIGNS_ACTIVE',
          'ORDERS_AWAITING_FULFILMENT',
          'FUNDS_AVAILABLE',
          'WITHDRAWAL_IN_FLIGHT',
          'FUNDS_FROZEN',
          'COOLING_PERIOD',
        ]);
      expect(violation.kind).toBe('rule');
      expect(violation.details.map((d) => d.message)).toEqual([
        'Unlink every account first: acc-o (official, linked), acc-p (marketing, awaiting authorization)',
        'Campaigns still running: c-1',
        'Orders awaiting fulfilment: o-2',
        '4000 GBP is available; withdraw it first',
        '1000 GBP is being withdrawn (w-1)',
        '300 GBP is frozen; open security incidents: inc-1',
        `The last order closed at ${iso(CLOSED_AT)}; the shop may leave from ${iso(COOLING_ENDS)} (90 days)`,
      ]);
    });

    it.each<[string, ShopEvent[]]>([
      ['ACCOUNTS_STILL_LINKED', accountLinked('acc-m', 'marketing')],
      ['ACCOUNTS_STILL_LINKED', [linkRequested('acc-p', 'official')]],
      // hand-built: unlinkEvents terminates an account's campaigns; the blocker is judged on campaigns, not links
      ['CAMPAIGNS_ACTIVE', [...accountLinked('acc-m', 'marketing'), campaignStarted('c-1', 'acc-m'), unlinked('acc-m', 'marketing')]],
      ['ORDERS_AWAITING_FULFILMENT', [orderPlaced('o-1')]],
      ['FUNDS_AVAILABLE', [fundsCredited('s-1', 1)]],
      ['WITHDRAWAL_IN_FLIGHT', [fundsCredited('s-1', 700), withdrawalRequested('w-1', 700)]],
      ['FUNDS_FROZEN', [fundsCredited('s-1', 700), ...incidentOpened('inc-1', 700)]],
      ['FUNDS_FROZEN', incidentOpened('inc-1', 0)],
      ['COOLING_PERIOD', [orderPlaced('o-1', 100, hoursBefore(CLOSED_AT, 1)), orderCancelled('o-1', CLOSED_AT)]],
    ])('is refused by %s alone', (code, events) => {
      given(verifiedShop(), events).when(deactivateShop).thenThrows('DEACTIVATION_BLOCKED', [code]);
    });

    it('ended campaigns and closed orders do not block', () => {
      const history = [
        ...verifiedShop(),
        ...accountLinked('acc-m', 'marketing'),
        campaignStarted('c-1', 'acc-m'),
        campaignEnded('c-1'),
        orderPlaced('o-1', 100, hoursBefore(CLOSED_AT, 1)),
        orderCancelled('o-1', CLOSED_AT),
      ];
      expect(codesOf(history)).toEqual(['ACCOUNTS_STILL_LINKED', 'COOLING_PERIOD']);
    });

    it('is accepted once every blocker is cleared, at exactly 90 days after the last order closed', () => {
      let state: ShopState = foldShop([
        ...verifiedShop(),
        ...accountLinked('acc-m', 'marketing'),
        campaignStarted('c-1', 'acc-m'),
        orderPlaced('o-1'),
        fundsCredited('s-1', 5_000),
      ]);
      /** Decides on the current state and appends what was decided; the clock only moves through ctx.now. */
      const apply = (command: ShopCommand, now: Date, actor = defaultContext().actor): ShopEvent[] => {
        const events = decideShop(state, command, defaultContext({ now, actor }));
        state = events.reduce(evolveShop, state);
        return events;
      };
      const refusalOf = (now: Date): unknown => {
        try {
          apply(deactivateShop, now);
        } catch (error) {
          return error;
        }
        throw new Error('expected DeactivateShop to be refused');
      };
      const t0 = hoursAfter(NOW, 1);
      expect(refusalOf(t0)).toMatchObject({
        details: ['ACCOUNTS_STILL_LINKED', 'CAMPAIGNS_ACTIVE', 'ORDERS_AWAITING_FULFILMENT', 'FUNDS_AVAILABLE'].map((code) => ({ code })),
      });
      apply(endCampaign('c-1'), t0);
      state = evolveShop(state, unlinked('acc-m', 'marketing', t0)); // the unlink itself is decideUnlinking's
      apply(fulfilOrder('o-1'), t0, ORDER_SERVICE);
      apply(requestWithdrawal('w-1', 5_000), t0);
      expect(refusalOf(t0)).toMatchObject({ details: [{ code: 'WITHDRAWAL_IN_FLIGHT' }, { code: 'COOLING_PERIOD' }] });
      apply(completeWithdrawal('w-1'), t0, PAYOUT_SERVICE);

      const coolingEnds = daysAfter(t0, 90);
      expect(refusalOf(new Date(coolingEnds.getTime() - 1))).toMatchObject({
        code: 'DEACTIVATION_BLOCKED',
        details: [{ code: 'COOLING_PERIOD', message: expect.stringContaining(`may leave from ${iso(coolingEnds)}`) }],
      });
      expect(apply(deactivateShop, coolingEnds)).toEqual([deactivated(coolingEnds)]);
      expect(state).toMatchObject({ status: 'deactivated', deactivatedAt: iso(coolingEnds) });
    });

    it('the cooling period counts from the last order closed, fulfilled or cancelled', () => {
      const history = [
        ...verifiedShop(),
        orderPlaced('o-1', 100, hoursBefore(CLOSED_AT, 5)),
        orderPlaced('o-2', 100, hoursBefore(CLOSED_AT, 5)),
        orderFulfilled('o-1', hoursBefore(CLOSED_AT, 4)),
        orderCancelled('o-2', CLOSED_AT),
      ];
      expect(codesOf(history, new Date(COOLING_ENDS.getTime() - 1))).toEqual(['COOLING_PERIOD']);
      expect(codesOf(history, COOLING_ENDS)).toEqual([]);
    });

    it('follows the configured cooling period', () => {
      const history = [...verifiedShop(), orderPlaced('o-1', 100, hoursBefore(CLOSED_AT, 1)), orderFulfilled('o-1', CLOSED_AT)];
      const policy = { ...DEFAULT_SHOP_POLICY, deactivationCoolingDays: 10 };
      given(history)
        .when(deactivateShop, { now: daysAfter(CLOSED_AT, 10), policy })
        .then([deactivated(daysAfter(CLOSED_AT, 10))]);
      given(history)
        .when(deactivateShop, { now: daysAfter(CLOSED_AT, 9), policy })
        .thenThrows('DEACTIVATION_BLOCKED', ['COOLING_PERIOD']);
    });

    it('a link request whose authorization window closed does not block: its expiry is recorded first', () => {
      const stale = linkRequested('acc-p', 'official', { at: hoursBefore(NOW, 48) });
      given(verifiedShop(), stale)
        .when(deactivateShop)
        .then([
          { type: 'LinkAuthorizationExpired', data: { shopId: SHOP_ID, accountId: 'acc-p', role: 'official', expiredAt: iso(NOW) } },
          deactivated(),
        ]);
    });

    it('money fully withdrawn and an incident resolved leave nothing blocking', () => {
      given(
        verifiedShop(),
        fundsCredited('s-1', 700),
        incidentOpened('inc-1', 700),
        incidentClosed('inc-1', 700),
        withdrawalRequested('w-1', 700),
        fundsWithdrawn('w-1', 700),
      )
        .when(deactivateShop)
        .then([deactivated()]);
    });

    it('refuses deactivating twice (SHOP_ALREADY_DEACTIVATED, conflict)', () => {
      const violation = given(verifiedShop(), shopDeactivated())
        .when(deactivateShop)
        .thenThrows('SHOP_ALREADY_DEACTIVATED', ['SHOP_ALREADY_DEACTIVATED']);
      expect(violation.kind).toBe('conflict');
    });
  });

  describe('ReactivateShop', () => {
    it('reactivates a deactivated shop at once: no waiting period', () => {
      given(verifiedShop(), shopDeactivated(NOW))
        .when(reactivateShop)
        .then([{ type: 'ShopReactivated', data: { shopId: SHOP_ID, reactivatedAt: iso(NOW) } }]);
    });

    it('refuses an active shop (SHOP_NOT_DEACTIVATED, conflict)', () => {
      const violation = given(verifiedShop()).when(reactivateShop).thenThrows('SHOP_NOT_DEACTIVATED', ['SHOP_NOT_DEACTIVATED']);
      expect(violation.kind).toBe('conflict');
    });

    it('a reactivated shop takes orders and campaigns again', () => {
      const reactivated: ShopEvent = { type: 'ShopReactivated', data: { shopId: SHOP_ID, reactivatedAt: iso(hoursBefore(NOW, 1)) } };
      given(verifiedShop(), shopDeactivated(), reactivated)
        .when(placeOrder('o-1'), { actor: ORDER_SERVICE })
        .then([expect.objectContaining({ type: 'OrderPlaced' })]);
      given(verifiedShop(), shopDeactivated(), reactivated, accountLinked('acc-m', 'marketing'))
        .when(startCampaign('c-1', 'acc-m'))
        .then([expect.objectContaining({ type: 'CampaignStarted' })]);
    });
  });

  describe('a deactivated shop', () => {
    it('refuses new orders and campaigns (SHOP_NOT_ACTIVE)', () => {
      given(verifiedShop(), shopDeactivated()).when(placeOrder('o-1'), { actor: ORDER_SERVICE }).thenThrows('SHOP_NOT_ACTIVE');
      given(verifiedShop(), shopDeactivated()).when(startCampaign('c-1', 'acc-m')).thenThrows('SHOP_NOT_ACTIVE');
    });

    it('still records a late settlement, and lets the money leave', () => {
      const history = [...verifiedShop(), shopDeactivated(), fundsCredited('s-late', 900, { at: hoursBefore(NOW, 1) })];
      given(verifiedShop(), shopDeactivated())
        .when({ type: 'CreditFunds', data: { settlementId: 's-late', orderId: 'o-9', amount: 900 } }, { actor: PAYOUT_SERVICE })
        .then([expect.objectContaining({ type: 'FundsCredited' })]);
      given(history)
        .when(requestWithdrawal('w-1', 900))
        .then([expect.objectContaining({ type: 'FundsWithdrawalRequested' })]);
    });
  });
});
