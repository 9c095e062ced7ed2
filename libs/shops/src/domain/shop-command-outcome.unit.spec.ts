import { describeLinkRejection } from './link-eligibility';
import { recordedRefusalOf } from './shop-command-outcome';
import { ShopEvent } from './shop.events';
import { iso, linkRequested, NOW, SHOP_ID, validProfile } from './testing/shop.specification';

const rejected = (reasons: readonly string[]): ShopEvent => ({
  type: 'AccountLinkRejected',
  data: { shopId: SHOP_ID, accountId: 'acc-1', role: 'marketing', profile: validProfile(), reasons, rejectedAt: iso(NOW) },
});
const expired: ShopEvent = {
  type: 'LinkAuthorizationExpired',
  data: { shopId: SHOP_ID, accountId: 'acc-1', role: 'marketing', expiredAt: iso(NOW) },
};

describe('recordedRefusalOf', () => {
  it('names a single failed rule directly', () => {
    expect(recordedRefusalOf('RequestLink', [rejected(['REGION_MISMATCH'])])).toEqual({
      code: 'REGION_MISMATCH',
      message: 'Account acc-1 cannot be linked as marketing',
      details: [{ code: 'REGION_MISMATCH', message: describeLinkRejection('REGION_MISMATCH') }],
    });
  });

  it('sums several failed rules up as ACCOUNT_INELIGIBLE, each in the details', () => {
    const refusal = recordedRefusalOf('RequestLink', [rejected(['ACCOUNT_NOT_BUSINESS', 'OWNER_UNDERAGE', 'REGION_MISMATCH'])]);
    expect(refusal?.code).toBe('ACCOUNT_INELIGIBLE');
    expect(refusal?.details).toEqual([
      { code: 'ACCOUNT_NOT_BUSINESS', message: describeLinkRejection('ACCOUNT_NOT_BUSINESS') },
      { code: 'OWNER_UNDERAGE', message: describeLinkRejection('OWNER_UNDERAGE') },
      { code: 'REGION_MISMATCH', message: describeLinkRejection('REGION_MISMATCH') },
    ]);
  });

  it('says AUTHORIZATION_EXPIRED when the only thing decided was the expiry of a late answer', () => {
    expect(recordedRefusalOf('AnswerLinkAuthorization', [expired])).toEqual({
      code: 'AUTHORIZATION_EXPIRED',
      message: 'The authorization window for account acc-1 has closed',
      details: [{ code: 'AUTHORIZATION_EXPIRED', message: 'The authorization window for account acc-1 has closed' }],
    });
  });

  it('a new request after an expiry is a success', () => {
    expect(recordedRefusalOf('RequestLink', [expired, linkRequested('acc-1', 'marketing')])).toBeNull();
  });

  it('a rejection after an expiry names the rejection', () => {
    expect(recordedRefusalOf('RequestLink', [expired, rejected(['INSUFFICIENT_FOLLOWERS'])])?.code).toBe('INSUFFICIENT_FOLLOWERS');
  });

  it('an expiry is no refusal when expiring was what the command asked for', () => {
    expect(recordedRefusalOf('ExpireLinkAuthorization', [expired])).toBeNull();
  });

  it('is null for success and for nothing decided', () => {
    expect(recordedRefusalOf('RequestLink', [])).toBeNull();
    expect(recordedRefusalOf('RequestLink', [linkRequested('acc-1', 'official')])).toBeNull();
    expect(
      recordedRefusalOf('RequestLink', [{ type: 'ShopGraduatedFromProbation', data: { shopId: SHOP_ID, graduatedAt: iso(NOW) } }]),
    ).toBeNull();
  });

  it('an unknown reason code is described by its code', () => {
    expect(recordedRefusalOf('RequestLink', [rejected(['SOMETHING_NEW'])])?.details).toEqual([
      { code: 'SOMETHING_NEW', message: 'SOMETHING_NEW' },
    ]);
  });
});
