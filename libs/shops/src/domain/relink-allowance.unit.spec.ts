import { initialAccountClaims } from '@shoplink/accounts/domain/account-claims.state';
import { AccountClaimRefused, decideAccountClaim } from '@shoplink/accounts/domain/decide-account-claim';
import { marketingRelinkAllowance } from '@shoplink/accounts/domain/marketing-relink-allowance';
import { AccountStanding } from './account-standing';
import { DEFAULT_SHOP_POLICY } from './shop-policy';
import { ShopEvent } from './shop.events';
import { businessShop, daysBefore, given, iso, NOW, requestLink } from './testing/shop.specification';

/** The relink allowance is asked in two places before a marketing link: the shop's link rules and the account's claim. */
describe('the relink window, as the link rules and the account claim see it', () => {
  const nineRecent = Array.from({ length: 9 }, (_, i) => iso(daysBefore(NOW, i + 1)));
  const windowStart = daysBefore(NOW, 180);

  it.each<[string, string[], boolean]>([
    ['nine links in the window', nineRecent, false],
    ['a tenth exactly 180 days ago (left the window)', [iso(windowStart), ...nineRecent], false],
    ['a tenth a millisecond younger (still in it)', [new Date(windowStart.getTime() + 1).toISOString(), ...nineRecent], true],
    ['a tenth made now', [iso(NOW), ...nineRecent], true],
  ])('%s: limit reached = %s', (_, linkedAts, reached) => {
    const account: AccountStanding = {
      linkedTo: null,
      recentLinks: linkedAts.map((linkedAt) => ({ shopId: 'shop-old', role: 'marketing', linkedAt })),
    };
    const decided = given(businessShop()).when(requestLink('acc-1', 'marketing'), { account }).decide();
    expect(rejectionReasons(decided).includes('RELINK_LIMIT_REACHED')).toBe(reached);

    const history = linkedAts.map((claimedAt, i) => ({ shopId: `shop-${i}`, role: 'marketing' as const, claimId: `c-${i}`, claimedAt }));
    const claim = () =>
      decideAccountClaim(
        { ...initialAccountClaims, history },
        { accountId: 'acc-1', shopId: 'shop-1', role: 'marketing', claimId: 'c-new' },
        { now: NOW, policy: DEFAULT_SHOP_POLICY, isLive: true },
      );
    if (reached) expect(claim).toThrow(AccountClaimRefused);
    else expect(claim()).toEqual([expect.objectContaining({ type: 'AccountClaimed' })]);

    expect(marketingRelinkAllowance(account.recentLinks, NOW, DEFAULT_SHOP_POLICY).remaining === 0).toBe(reached);
  });
});

function rejectionReasons(events: readonly ShopEvent[]): readonly string[] {
  const rejection = events.find((e) => e.type === 'AccountLinkRejected');
  return rejection?.type === 'AccountLinkRejected' ? rejection.data.reasons : [];
}
