import { foldShop } from './evolve-shop';
import { ERASED_PERSONAL_VALUE, personalFieldsOf } from './personal-data';
import { ShopEvent } from './shop.events';
import { RegisteredShop } from './shop.state';
import {
  accountLinked,
  forgetPersonalData,
  given,
  iso,
  NOW,
  registeredShop,
  SHOP_ID,
  shopDeactivated,
  SUPPORT_AGENT,
  validProfile,
  verifiedShop,
} from './testing/shop.specification';

const forgotten: ShopEvent = { type: 'PersonalDataForgotten', data: { shopId: SHOP_ID, ticketId: 'T-1001', forgottenAt: iso(NOW) } };
const support = { actor: SUPPORT_AGENT };

describe('ForgetPersonalData', () => {
  it('records PersonalDataForgotten with its ticket once the shop has left TikTok Shop, carried out by a support agent', () => {
    given(verifiedShop(), shopDeactivated()).when(forgetPersonalData, support).then([forgotten]);
  });

  it('is refused to the shop’s own members, the owner included (FORBIDDEN_ROLE): it is irreversible', () => {
    given(verifiedShop(), shopDeactivated()).when(forgetPersonalData).thenThrows('FORBIDDEN_ROLE');
  });

  it('refuses a shop that is still active (SHOP_NOT_DEACTIVATED, conflict): it needs its handles to operate', () => {
    const violation = given(verifiedShop()).when(forgetPersonalData, support).thenThrows('SHOP_NOT_DEACTIVATED', ['SHOP_NOT_DEACTIVATED']);
    expect(violation.kind).toBe('conflict');
  });

  it('asked again with nothing personal recorded since, appends nothing', () => {
    given(verifiedShop(), shopDeactivated(), forgotten).when(forgetPersonalData, support).then([]);
  });

  it('asked again after new personal data (a handle in a rejected link request), records another erasure', () => {
    const rejected: ShopEvent = {
      type: 'AccountLinkRejected',
      data: {
        shopId: SHOP_ID,
        accountId: 'acc-9',
        role: 'marketing',
        profile: validProfile(),
        reasons: ['SHOP_NOT_ACTIVE'],
        rejectedAt: iso(NOW),
      },
    };
    given(verifiedShop(), shopDeactivated(), forgotten, rejected).when(forgetPersonalData, support).then([forgotten]);
  });

  it("leaves the state with what a replay of the erased log gives: handles and an individual seller's name erased", () => {
    const individual = registeredShop({ kind: 'individual' });
    const live = foldShop([...individual, ...accountLinked('acc-1', 'marketing'), forgotten]) as RegisteredShop;
    expect(live.name).toBe(ERASED_PERSONAL_VALUE);
    expect(live.links['acc-1'].handle).toBe(ERASED_PERSONAL_VALUE);
    const business = foldShop([...verifiedShop(), forgotten]) as RegisteredShop;
    expect(business.name).toBe('Acme Goods');
  });
});

describe('personalFieldsOf', () => {
  it("names the handle and owner age of a profile, the handle copied into links and unlinks, and an individual seller's name", () => {
    expect(personalFieldsOf('AccountLinkRequested', {})).toEqual([
      ['profile', 'handle'],
      ['profile', 'ownerAge'],
    ]);
    expect(personalFieldsOf('AccountLinkRejected', {})).toEqual([
      ['profile', 'handle'],
      ['profile', 'ownerAge'],
    ]);
    expect(personalFieldsOf('AccountLinked', {})).toEqual([['handle']]);
    expect(personalFieldsOf('AccountUnlinked', {})).toEqual([['handle']]);
    expect(personalFieldsOf('ShopRegistered', { kind: 'individual' })).toEqual([['name']]);
    expect(personalFieldsOf('ShopRegistered', { kind: 'business' })).toEqual([]);
    expect(personalFieldsOf('FundsCredited', {})).toEqual([]);
  });
});
