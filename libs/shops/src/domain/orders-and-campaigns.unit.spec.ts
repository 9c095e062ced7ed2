import { ShopEvent } from './shop.events';
import {
  accessGranted,
  accountLinked,
  campaignEnded,
  campaignStarted,
  cancelOrder,
  CURRENCY,
  endCampaign,
  fulfilOrder,
  given,
  iso,
  linkRequested,
  member,
  NOW,
  ORDER_SERVICE,
  orderCancelled,
  orderFulfilled,
  orderPlaced,
  placeOrder,
  registeredShop,
  SHOP_ID,
  shopDeactivated,
  startCampaign,
  verifiedShop,
} from './testing/shop.specification';

const orders = { actor: ORDER_SERVICE };

describe('orders', () => {
  describe('PlaceOrder (order service)', () => {
    it('records the order awaiting fulfilment, in the shop’s currency', () => {
      given(verifiedShop())
        .when(placeOrder('o-1', 2599), orders)
        .then([{ type: 'OrderPlaced', data: { shopId: SHOP_ID, orderId: 'o-1', amount: 2599, currency: CURRENCY, placedAt: iso(NOW) } }]);
    });

    it('is accepted before verification (the order service is the authority on what was sold)', () => {
      given(registeredShop())
        .when(placeOrder('o-1'), orders)
        .then([expect.objectContaining({ type: 'OrderPlaced' })]);
    });

    it('refuses an order id already placed, open or closed (ORDER_ALREADY_EXISTS, conflict)', () => {
      const violation = given(verifiedShop(), orderPlaced('o-1'))
        .when(placeOrder('o-1'), orders)
        .thenThrows('ORDER_ALREADY_EXISTS', ['ORDER_ALREADY_EXISTS']);
      expect(violation.kind).toBe('conflict');
      given(verifiedShop(), orderPlaced('o-1'), orderCancelled('o-1')).when(placeOrder('o-1'), orders).thenThrows('ORDER_ALREADY_EXISTS');
    });

    it('a deactivated shop takes no new order (SHOP_NOT_ACTIVE, rule)', () => {
      const violation = given(verifiedShop(), shopDeactivated())
        .when(placeOrder('o-1'), orders)
        .thenThrows('SHOP_NOT_ACTIVE', ['SHOP_NOT_ACTIVE']);
      expect(violation.kind).toBe('rule');
    });

    it.each([0, -100, 10.5])('refuses the amount %p (INVALID_AMOUNT)', (amount) => {
      given(verifiedShop()).when(placeOrder('o-1', amount), orders).thenThrows('INVALID_AMOUNT', ['INVALID_AMOUNT']);
    });
  });

  describe('FulfilOrder and CancelOrder', () => {
    it('fulfils an order awaiting fulfilment', () => {
      given(verifiedShop(), orderPlaced('o-1'))
        .when(fulfilOrder('o-1'), orders)
        .then([{ type: 'OrderFulfilled', data: { shopId: SHOP_ID, orderId: 'o-1', fulfilledAt: iso(NOW) } }]);
    });

    it('cancels an order awaiting fulfilment', () => {
      given(verifiedShop(), orderPlaced('o-1'))
        .when(cancelOrder('o-1'), orders)
        .then([{ type: 'OrderCancelled', data: { shopId: SHOP_ID, orderId: 'o-1', cancelledAt: iso(NOW) } }]);
    });

    it('may be sent by an operator', () => {
      given(verifiedShop(), accessGranted('m-op', 'operator'), orderPlaced('o-1'))
        .when(fulfilOrder('o-1'), { actor: member('m-op') })
        .then([expect.objectContaining({ type: 'OrderFulfilled' })]);
    });

    it.each([
      ['fulfilled', orderFulfilled('o-1')],
      ['cancelled', orderCancelled('o-1')],
    ])('refuses closing an order already %s (ORDER_ALREADY_CLOSED, rule)', (state, closed) => {
      for (const command of [fulfilOrder('o-1'), cancelOrder('o-1')]) {
        const violation = given(verifiedShop(), orderPlaced('o-1'), closed)
          .when(command, orders)
          .thenThrows('ORDER_ALREADY_CLOSED', ['ORDER_ALREADY_CLOSED']);
        expect(violation.kind).toBe('rule');
        expect(violation.message).toContain(state);
      }
    });

    it('refuses an unknown order (ORDER_NOT_FOUND, not found)', () => {
      for (const command of [fulfilOrder('o-404'), cancelOrder('o-404')]) {
        const violation = given(verifiedShop()).when(command, orders).thenThrows('ORDER_NOT_FOUND', ['ORDER_NOT_FOUND']);
        expect(violation.kind).toBe('not_found');
      }
    });
  });
});

describe('campaigns', () => {
  const withMarketing: ShopEvent[] = [...verifiedShop(), ...accountLinked('acc-m', 'marketing')];
  const started = (campaignId: string, accountId: string): ShopEvent => ({
    type: 'CampaignStarted',
    data: { shopId: SHOP_ID, campaignId, accountId, startedAt: iso(NOW) },
  });

  describe('StartCampaign', () => {
    it('starts a campaign through a linked account', () => {
      given(withMarketing)
        .when(startCampaign('c-1', 'acc-m'))
        .then([started('c-1', 'acc-m')]);
    });

    it('through the official account too', () => {
      given(verifiedShop(), accountLinked('acc-o', 'official'))
        .when(startCampaign('c-1', 'acc-o'))
        .then([started('c-1', 'acc-o')]);
    });

    it('refuses an account not linked to this shop (ACCOUNT_NOT_LINKED, rule)', () => {
      const violation = given(withMarketing)
        .when(startCampaign('c-1', 'acc-stranger'))
        .thenThrows('ACCOUNT_NOT_LINKED', ['ACCOUNT_NOT_LINKED']);
      expect(violation.kind).toBe('rule');
    });

    it('refuses an account whose link still awaits authorization (ACCOUNT_NOT_LINKED)', () => {
      given(verifiedShop(), linkRequested('acc-p', 'official')).when(startCampaign('c-1', 'acc-p')).thenThrows('ACCOUNT_NOT_LINKED');
    });

    it('refuses an account that was unlinked', () => {
      const unlinked: ShopEvent = {
        type: 'AccountUnlinked',
        data: {
          shopId: SHOP_ID,
          accountId: 'acc-m',
          handle: '@acc-m',
          role: 'marketing',
          reason: 'other',
          mode: 'confirmed',
          requestId: 'r-1',
          incidentId: null,
          ticketId: null,
          agentId: null,
          officialUnlinkCount: 0,
          unlinkedAt: iso(NOW),
        },
      };
      given(withMarketing, unlinked).when(startCampaign('c-1', 'acc-m')).thenThrows('ACCOUNT_NOT_LINKED');
    });

    it('refuses a campaign id already used, even ended (CAMPAIGN_ALREADY_EXISTS, conflict)', () => {
      const violation = given(withMarketing, campaignStarted('c-1', 'acc-m'))
        .when(startCampaign('c-1', 'acc-m'))
        .thenThrows('CAMPAIGN_ALREADY_EXISTS', ['CAMPAIGN_ALREADY_EXISTS']);
      expect(violation.kind).toBe('conflict');
      given(withMarketing, campaignStarted('c-1', 'acc-m'), campaignEnded('c-1'))
        .when(startCampaign('c-1', 'acc-m'))
        .thenThrows('CAMPAIGN_ALREADY_EXISTS');
    });

    it('a deactivated shop starts no campaign (SHOP_NOT_ACTIVE alone)', () => {
      given(verifiedShop(), shopDeactivated()).when(startCampaign('c-1', 'acc-m')).thenThrows('SHOP_NOT_ACTIVE', ['SHOP_NOT_ACTIVE']);
    });
  });

  describe('EndCampaign', () => {
    it('ends an active campaign', () => {
      given(withMarketing, campaignStarted('c-1', 'acc-m'))
        .when(endCampaign('c-1'))
        .then([{ type: 'CampaignEnded', data: { shopId: SHOP_ID, campaignId: 'c-1', endedAt: iso(NOW) } }]);
    });

    it('refuses ending a campaign twice (CAMPAIGN_NOT_ACTIVE, rule)', () => {
      const violation = given(withMarketing, campaignStarted('c-1', 'acc-m'), campaignEnded('c-1'))
        .when(endCampaign('c-1'))
        .thenThrows('CAMPAIGN_NOT_ACTIVE', ['CAMPAIGN_NOT_ACTIVE']);
      expect(violation.kind).toBe('rule');
    });

    it('refuses ending a campaign terminated by its account’s unlink (CAMPAIGN_NOT_ACTIVE)', () => {
      const terminated: ShopEvent = {
        type: 'CampaignTerminated',
        data: { shopId: SHOP_ID, campaignId: 'c-1', accountId: 'acc-m', reason: 'account_unlinked', terminatedAt: iso(NOW) },
      };
      const violation = given(withMarketing, campaignStarted('c-1', 'acc-m'), terminated)
        .when(endCampaign('c-1'))
        .thenThrows('CAMPAIGN_NOT_ACTIVE');
      expect(violation.message).toContain('terminated');
    });

    it('refuses an unknown campaign (CAMPAIGN_NOT_FOUND, not found)', () => {
      const violation = given(withMarketing).when(endCampaign('c-404')).thenThrows('CAMPAIGN_NOT_FOUND', ['CAMPAIGN_NOT_FOUND']);
      expect(violation.kind).toBe('not_found');
    });
  });
});
