import { ShopEvent } from './shop.events';
import {
  accessGranted,
  accountLinked,
  businessShop,
  given,
  hoursAfter,
  iso,
  linkRequested,
  member,
  NOW,
  OAUTH_RELAY,
  requestLink,
  SHOP_ID,
  verifiedShop,
} from './testing/shop.specification';

const CANCELLED_AT = hoursAfter(NOW, 3);
const cancel = (accountId = 'acc-1') => ({ type: 'CancelLinkRequest', data: { accountId } }) as const;
const cancelled = (role: 'official' | 'marketing', accountId = 'acc-1'): ShopEvent => ({
  type: 'LinkRequestCancelled',
  data: { shopId: SHOP_ID, accountId, role, cancelledAt: iso(CANCELLED_AT) },
});

describe('CancelLinkRequest', () => {
  it('withdraws a request still awaiting its owner', () => {
    given(verifiedShop(), linkRequested('acc-1', 'official', { at: NOW }))
      .when(cancel(), { now: CANCELLED_AT })
      .then([cancelled('official')]);
  });

  it('frees the slot at once: another official account may be requested next', () => {
    given(verifiedShop(), linkRequested('acc-1', 'official', { at: NOW }), cancelled('official'))
      .when(requestLink('acc-2', 'official'), { now: CANCELLED_AT })
      .then([expect.objectContaining({ type: 'AccountLinkRequested', data: expect.objectContaining({ accountId: 'acc-2' }) })]);
  });

  it('even after its authorization window has passed, until the expiry is recorded', () => {
    const late = hoursAfter(NOW, 72);
    given(verifiedShop(), linkRequested('acc-1', 'official', { at: NOW }))
      .when(cancel(), { now: late })
      .then([{ type: 'LinkRequestCancelled', data: { shopId: SHOP_ID, accountId: 'acc-1', role: 'official', cancelledAt: iso(late) } }]);
  });

  it('a linked account, a request already answered or cancelled, or an unknown one: LINK_REQUEST_NOT_FOUND', () => {
    given(verifiedShop(), accountLinked('acc-1', 'official')).when(cancel(), { now: CANCELLED_AT }).thenThrows('LINK_REQUEST_NOT_FOUND');
    given(verifiedShop(), linkRequested('acc-1', 'official', { at: NOW }), cancelled('official'))
      .when(cancel(), { now: CANCELLED_AT })
      .thenThrows('LINK_REQUEST_NOT_FOUND');
    given(verifiedShop()).when(cancel('acc-9'), { now: CANCELLED_AT }).thenThrows('LINK_REQUEST_NOT_FOUND');
    given(verifiedShop()).when(cancel('constructor'), { now: CANCELLED_AT }).thenThrows('LINK_REQUEST_NOT_FOUND');
  });

  it('admins cancel any request; operators only marketing ones; viewers and system actors none (FORBIDDEN_ROLE)', () => {
    const shop = [businessShop(), accessGranted('m-op', 'operator'), accessGranted('m-view', 'viewer')];
    given(...shop, linkRequested('acc-1', 'marketing', { at: NOW }))
      .when(cancel(), { now: CANCELLED_AT, actor: member('m-op') })
      .then([cancelled('marketing')]);
    given(...shop, linkRequested('acc-1', 'official', { at: NOW }))
      .when(cancel(), { now: CANCELLED_AT, actor: member('m-op') })
      .thenThrows('FORBIDDEN_ROLE');
    given(...shop, linkRequested('acc-1', 'marketing', { at: NOW }))
      .when(cancel(), { now: CANCELLED_AT, actor: member('m-view') })
      .thenThrows('FORBIDDEN_ROLE');
    given(...shop, linkRequested('acc-1', 'marketing', { at: NOW }))
      .when(cancel(), { now: CANCELLED_AT, actor: OAUTH_RELAY })
      .thenThrows('FORBIDDEN_ROLE');
  });

  it('the owner’s grant arriving after the cancellation finds no request', () => {
    given(verifiedShop(), linkRequested('acc-1', 'official', { at: NOW }), cancelled('official'))
      .when(
        { type: 'AnswerLinkAuthorization', data: { accountId: 'acc-1', decision: 'granted', grantedScopes: [] } },
        { actor: OAUTH_RELAY },
      )
      .thenThrows('LINK_REQUEST_NOT_FOUND');
  });
});
