import { UNKNOWN_ACCOUNT } from './account-standing';
import { Actor } from './actor';
import { foldShop } from './evolve-shop';
import { SupersedeLinkRequest } from './shop.commands';
import { ShopEvent } from './shop.events';
import {
  accountLinked,
  businessShop,
  given,
  iso,
  linkedElsewhere,
  linkRequested,
  NOW,
  OTHER_SHOP_ID,
  SHOP_ID,
  verifiedShop,
} from './testing/shop.specification';

const LINKS: Actor = { kind: 'system', id: 'links' };
const pending = linkRequested('acc-1', 'official');
const supersede = (requestedAt = pending.data.requestedAt, accountId = 'acc-1'): SupersedeLinkRequest => ({
  type: 'SupersedeLinkRequest',
  data: { accountId, requestedAt },
});
const superseded = (accountId = 'acc-1', role: 'official' | 'marketing' = 'official'): ShopEvent => ({
  type: 'LinkRequestSuperseded',
  data: { shopId: SHOP_ID, accountId, role, linkedShopId: OTHER_SHOP_ID, supersededAt: iso(NOW) },
});
const elsewhere = { actor: LINKS, account: linkedElsewhere(OTHER_SHOP_ID, 'official') };

describe('SupersedeLinkRequest: a pending request of an account linked to another shop is closed', () => {
  it('closes the named pending request (LinkRequestSuperseded naming the shop that linked it)', () => {
    given(verifiedShop(), pending).when(supersede(), elsewhere).then([superseded()]);
  });

  it('closes a marketing request the same way', () => {
    const marketing = linkRequested('acc-m', 'marketing');
    given(businessShop(), marketing)
      .when(supersede(marketing.data.requestedAt, 'acc-m'), elsewhere)
      .then([superseded('acc-m', 'marketing')]);
  });

  it('frees the shop at once: another official account can be requested', () => {
    const [event] = given(verifiedShop(), pending, superseded())
      .when({ type: 'RequestLink', data: { ...linkRequested('acc-2', 'official').data, accountId: 'acc-2', role: 'official' } })
      .decide();
    expect(event).toMatchObject({ type: 'AccountLinkRequested', data: { accountId: 'acc-2' } });
  });

  it('acts once: a second time it finds nothing to close (NOTHING_TO_SUPERSEDE) and records nothing', () => {
    given(verifiedShop(), pending, superseded()).when(supersede(), elsewhere).thenThrows('NOTHING_TO_SUPERSEDE');
  });

  it('closes only the request it names: a newer request of the same account is left alone', () => {
    given(verifiedShop(), pending).when(supersede('2020-01-01T00:00:00.000Z'), elsewhere).thenThrows('NOTHING_TO_SUPERSEDE');
  });

  it('leaves the request while the account is linked nowhere (it may still link), or to this very shop', () => {
    given(verifiedShop(), pending).when(supersede(), { actor: LINKS, account: UNKNOWN_ACCOUNT }).thenThrows('NOTHING_TO_SUPERSEDE');
    given(verifiedShop(), pending)
      .when(supersede(), { actor: LINKS, account: linkedElsewhere(SHOP_ID, 'official') })
      .thenThrows('NOTHING_TO_SUPERSEDE');
  });

  it('never touches a link already made', () => {
    given(verifiedShop(), accountLinked('acc-1', 'official')).when(supersede(), elsewhere).thenThrows('NOTHING_TO_SUPERSEDE');
  });

  it('is sent by Shoplink itself (system:links) only', () => {
    given(verifiedShop(), pending)
      .when(supersede(), { ...elsewhere, actor: { kind: 'system', id: 'expiry' } })
      .thenThrows('FORBIDDEN_ROLE');
  });

  it('the shop forgets the request: its links no longer hold it', () => {
    const state = foldShop([...verifiedShop(), pending, superseded()]);
    expect(state.registered && Object.keys(state.links)).toEqual([]);
  });
});
