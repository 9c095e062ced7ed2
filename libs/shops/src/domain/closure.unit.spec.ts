import { foldShop } from './evolve-shop';
import { ShopEvent } from './shop.events';
import { RegisteredShop } from './shop.state';
import {
  accountLinked,
  closeShop,
  ORDER_SERVICE,
  openCase,
  settleCase,
  caseOpened,
  caseSettled,
  daysBefore,
  deactivateShop,
  deactivateShopWithTicket,
  forgetPersonalData,
  fundsCredited,
  given,
  iso,
  linkRequested,
  member,
  NOW,
  orderFulfilled,
  orderPlaced,
  OWNER,
  personalDataForgotten,
  reactivateShop,
  requestLink,
  SHOP_ID,
  shopClosed,
  shopDeactivated,
  SUPPORT_AGENT,
  TRUST_AND_SAFETY,
  verifiedShop,
} from './testing/shop.specification';

const stateAfter = (...history: (ShopEvent | readonly ShopEvent[])[]): RegisteredShop => foldShop(history.flat()) as RegisteredShop;
const closed = (closedBy: 'seller' | 'trust_and_safety', reason = 'retiring'): ShopEvent => ({
  type: 'ShopClosed',
  data: { shopId: SHOP_ID, reason, closedBy, closedAt: iso(NOW) },
});

describe('CloseShop', () => {
  it('the seller (an admin, stepped up) closes a shop with nothing left: status closed, for good', () => {
    const events = given(verifiedShop())
      .when(closeShop(), { actor: OWNER })
      .then([closed('seller')]);
    const after = stateAfter(verifiedShop(), events);
    expect(after.status).toBe('closed');
    expect(after.closedAt).toBe(iso(NOW));
  });

  it('trust and safety closes it too, recorded as such', () => {
    given(verifiedShop())
      .when(closeShop('fraud ring'), { actor: TRUST_AND_SAFETY })
      .then([closed('trust_and_safety', 'fraud ring')]);
  });

  it('a deactivated shop may close', () => {
    given(verifiedShop(), shopDeactivated())
      .when(closeShop())
      .then([closed('seller')]);
  });

  it('is blocked like deactivation, every blocker at once (CLOSURE_BLOCKED)', () => {
    const history = [...verifiedShop(), ...accountLinked('acc-o', 'official'), orderPlaced('o-1'), fundsCredited('s-1', 500)];
    const violation = given(history)
      .when(closeShop())
      .thenThrows('CLOSURE_BLOCKED', ['ACCOUNTS_STILL_LINKED', 'ORDERS_AWAITING_FULFILMENT', 'FUNDS_AVAILABLE']);
    expect(violation.kind).toBe('rule');
  });

  it('the cooling period after the last order blocks it too', () => {
    const history = [...verifiedShop(), orderPlaced('o-1', 100, daysBefore(NOW, 11)), orderFulfilled('o-1', daysBefore(NOW, 10))];
    given(history).when(closeShop()).thenThrows('CLOSURE_BLOCKED', ['COOLING_PERIOD']);
  });

  it('records the expiry of a lapsed link request before closing', () => {
    const history = [...verifiedShop(), linkRequested('acc-p', 'marketing', { at: daysBefore(NOW, 3) })];
    expect(
      given(history)
        .when(closeShop())
        .decide()
        .map((e) => e.type),
    ).toEqual(['LinkAuthorizationExpired', 'ShopClosed']);
  });

  it('a member other than admin may not close (FORBIDDEN_ROLE); nor may a support agent', () => {
    const team: ShopEvent[] = [
      { type: 'AccessGranted', data: { shopId: SHOP_ID, memberId: 'm-fin', role: 'finance', grantedAt: iso(NOW) } },
    ];
    given(verifiedShop(), team)
      .when(closeShop(), { actor: member('m-fin') })
      .thenThrows('FORBIDDEN_ROLE');
    given(verifiedShop()).when(closeShop(), { actor: SUPPORT_AGENT }).thenThrows('FORBIDDEN_ROLE');
  });

  it('needs a second factor from a person (STEP_UP_REQUIRED)', () => {
    given(verifiedShop()).when(closeShop(), { actor: OWNER, actorProof: undefined }).thenThrows('STEP_UP_REQUIRED');
  });
});

describe('refunds, returns and disputes (the order service)', () => {
  const withOrder = [...verifiedShop(), orderPlaced('o-1'), orderFulfilled('o-1', daysBefore(NOW, 100))];
  const orders = { actor: ORDER_SERVICE };

  it('open ones block closure, each kind under its own code, beside the deactivation blockers', () => {
    const history = [...withOrder, caseOpened('rf-1', 'refund'), caseOpened('rt-1', 'return'), caseOpened('dp-1', 'dispute')];
    const violation = given(history).when(closeShop()).thenThrows('CLOSURE_BLOCKED', ['REFUNDS_OPEN', 'RETURNS_OPEN', 'DISPUTES_OPEN']);
    expect(violation.details.map((d) => d.message)).toEqual(['Open refunds: rf-1', 'Open returns: rt-1', 'Open disputes: dp-1']);
  });

  it('once settled they block nothing: the shop closes', () => {
    given(withOrder, caseOpened('rf-1', 'refund'), caseSettled('rf-1', 'refund'))
      .when(closeShop())
      .then([closed('seller')]);
  });

  it('they do not block deactivation (the product rule names them for closure only)', () => {
    expect(
      given(withOrder, caseOpened('rf-1', 'refund'))
        .when(deactivateShop)
        .decide()
        .map((e) => e.type),
    ).toEqual(['ShopDeactivated']);
  });

  it('are opened on an order of the shop, once, and settled once', () => {
    given(withOrder)
      .when(openCase('rf-1', 'refund'), orders)
      .then([caseOpened('rf-1', 'refund', 'o-1', NOW)]);
    given(withOrder)
      .when(openCase('rf-1', 'refund', 'o-unknown'), orders)
      .thenThrows('ORDER_NOT_FOUND');
    given(withOrder, caseOpened('rf-1', 'refund')).when(openCase('rf-1', 'return'), orders).thenThrows('CASE_ALREADY_EXISTS');
    given(withOrder, caseOpened('rf-1', 'refund'))
      .when(settleCase('rf-1'), orders)
      .then([caseSettled('rf-1', 'refund', NOW)]);
    given(withOrder, caseOpened('rf-1', 'refund'), caseSettled('rf-1', 'refund'))
      .when(settleCase('rf-1'), orders)
      .thenThrows('CASE_NOT_FOUND');
  });

  it('only the order service sends them: a seller settling its own dispute would lift a closure blocker (FORBIDDEN_ROLE)', () => {
    given(withOrder, caseOpened('dp-1', 'dispute')).when(settleCase('dp-1'), { actor: OWNER }).thenThrows('FORBIDDEN_ROLE');
  });
});

describe('a closed shop', () => {
  const closedShop = [...verifiedShop(), shopClosed()];

  it('is never reactivated (SHOP_CLOSED, conflict)', () => {
    expect(given(closedShop).when(reactivateShop).thenThrows('SHOP_CLOSED', ['SHOP_CLOSED']).kind).toBe('conflict');
    given(verifiedShop(), shopDeactivated(), shopClosed()).when(reactivateShop).thenThrows('SHOP_CLOSED');
  });

  it('decides nothing else either: no link request, no deactivation, no second closure', () => {
    given(closedShop).when(requestLink('acc-1', 'official')).thenThrows('SHOP_CLOSED');
    given(closedShop).when(deactivateShop).thenThrows('SHOP_CLOSED');
    given(closedShop).when(closeShop()).thenThrows('SHOP_CLOSED');
  });

  it('still has its personal data erased on request', () => {
    const events = given(closedShop).when(forgetPersonalData, { actor: SUPPORT_AGENT }).decide();
    expect(events.map((e) => e.type)).toEqual(['PersonalDataForgotten']);
  });
});

describe('a shop whose personal data was erased', () => {
  it('is not reactivated (PERSONAL_DATA_ERASED): it would run on records nobody can read', () => {
    const erased = [...verifiedShop(), shopDeactivated(), personalDataForgotten()];
    expect(given(erased).when(reactivateShop).thenThrows('PERSONAL_DATA_ERASED').kind).toBe('conflict');
    expect(stateAfter(erased).personalDataEverForgotten).toBe(true);
  });
});

describe('DeactivateShop by a support agent on the seller’s behalf', () => {
  it('deactivates with the ticket recorded in ShopDeactivated; the seller’s own names none', () => {
    given(verifiedShop())
      .when(deactivateShopWithTicket('T-9'), { actor: SUPPORT_AGENT })
      .then([{ type: 'ShopDeactivated', data: { shopId: SHOP_ID, ticketId: 'T-9', deactivatedAt: iso(NOW) } }]);
    given(verifiedShop())
      .when(deactivateShopWithTicket('T-9'), { actor: OWNER })
      .then([{ type: 'ShopDeactivated', data: { shopId: SHOP_ID, ticketId: null, deactivatedAt: iso(NOW) } }]);
  });

  it('is refused without a ticket (TICKET_REQUIRED)', () => {
    given(verifiedShop()).when(deactivateShop, { actor: SUPPORT_AGENT }).thenThrows('TICKET_REQUIRED', ['TICKET_REQUIRED']);
  });

  it('meets the seller’s blockers (DEACTIVATION_BLOCKED)', () => {
    given(verifiedShop(), fundsCredited('s-1', 500))
      .when(deactivateShopWithTicket(), { actor: SUPPORT_AGENT })
      .thenThrows('DEACTIVATION_BLOCKED', ['FUNDS_AVAILABLE']);
  });

  it('needs the agent’s second factor (STEP_UP_REQUIRED)', () => {
    given(verifiedShop()).when(deactivateShopWithTicket(), { actor: SUPPORT_AGENT, actorProof: undefined }).thenThrows('STEP_UP_REQUIRED');
  });
});
