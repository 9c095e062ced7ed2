import { AccountEvent } from './account.events';
import { AccountClaimsState, evolveAccountClaims, initialAccountClaims } from './account-claims.state';
import { AccountClaimRefused, decideAccountClaim, decideAccountRelease } from './decide-account-claim';
import { relinkAllowanceOf } from './marketing-relink-allowance';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const POLICY = { marketingLinksPerWindow: 10, marketingLinkWindowDays: 180 };
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

const claimed = (
  shopId: string,
  claimId: string,
  role: 'official' | 'marketing' = 'official',
  claimedAt = daysBefore(1),
): AccountEvent => ({
  type: 'AccountClaimed',
  data: { accountId: 'acct-1', shopId, role, claimId, claimedAt },
});
const released = (shopId: string, claimId: string, reason: 'unlinked' | 'compensated' | 'abandoned' = 'unlinked'): AccountEvent => ({
  type: 'AccountReleased',
  data: { accountId: 'acct-1', shopId, claimId, reason, releasedAt: daysBefore(0) },
});
const given = (...events: AccountEvent[]): AccountClaimsState => events.reduce(evolveAccountClaims, initialAccountClaims);
const claim = (state: AccountClaimsState, shopId: string, claimId: string, isLive = true, role: 'official' | 'marketing' = 'official') =>
  decideAccountClaim(state, { accountId: 'acct-1', shopId, role, claimId }, { now: NOW, policy: POLICY, isLive });

describe('claiming a TikTok account for a shop', () => {
  it('a free account is claimed', () => {
    expect(claim(given(), 'shop-a', 'cmd-1')).toEqual([
      {
        type: 'AccountClaimed',
        data: { accountId: 'acct-1', shopId: 'shop-a', role: 'official', claimId: 'cmd-1', claimedAt: NOW.toISOString() },
      },
    ]);
  });

  it('a retry of the claiming command finds its own claim and appends nothing', () => {
    expect(claim(given(claimed('shop-a', 'cmd-1')), 'shop-a', 'cmd-1')).toEqual([]);
  });

  it('an account held by another shop that really linked it is refused with ACCOUNT_LINKED_ELSEWHERE', () => {
    const refusal = (() => {
      try {
        claim(given(claimed('shop-a', 'cmd-1')), 'shop-b', 'cmd-2', true);
      } catch (error) {
        return error as AccountClaimRefused;
      }
      throw new Error('expected a refusal');
    })();
    expect(refusal).toBeInstanceOf(AccountClaimRefused);
    expect(refusal.code).toBe('ACCOUNT_LINKED_ELSEWHERE');
    expect(refusal.holder?.shopId).toBe('shop-a');
  });

  it('a claim its shop never turned into a link (crash, refused append) is released as abandoned, then claimed', () => {
    expect(
      claim(given(claimed('shop-a', 'cmd-1')), 'shop-b', 'cmd-2', false).map((e) => [
        e.type,
        e.data.shopId,
        (e.data as { reason?: string }).reason,
      ]),
    ).toEqual([
      ['AccountReleased', 'shop-a', 'abandoned'],
      ['AccountClaimed', 'shop-b', undefined],
    ]);
  });

  it('a released account is free for any shop', () => {
    expect(claim(given(claimed('shop-a', 'cmd-1'), released('shop-a', 'cmd-1')), 'shop-b', 'cmd-2').map((e) => e.type)).toEqual([
      'AccountClaimed',
    ]);
  });

  it('the same shop relinking while its old claim was never released releases it first', () => {
    expect(claim(given(claimed('shop-a', 'cmd-1')), 'shop-a', 'cmd-9').map((e) => e.type)).toEqual(['AccountReleased', 'AccountClaimed']);
  });

  it('a marketing account claimed 10 times in the last 180 days is refused RELINK_LIMIT_REACHED; older claims do not count', () => {
    const history: AccountEvent[] = [];
    for (let i = 0; i < 10; i++)
      history.push(claimed(`shop-${i}`, `c-${i}`, 'marketing', daysBefore(170 - i)), released(`shop-${i}`, `c-${i}`));
    expect(() => claim(given(...history), 'shop-x', 'c-x', true, 'marketing')).toThrow(
      expect.objectContaining({ code: 'RELINK_LIMIT_REACHED' }),
    );
    const older = [claimed('shop-old', 'c-old', 'marketing', daysBefore(181)), released('shop-old', 'c-old'), ...history.slice(2)];
    expect(claim(given(...older), 'shop-x', 'c-x', true, 'marketing').map((e) => e.type)).toEqual(['AccountClaimed']);
  });

  it('a claim exactly 180 days old has left the window; one a millisecond younger has not', () => {
    const nine: AccountEvent[] = [];
    for (let i = 0; i < 9; i++) nine.push(claimed(`shop-${i}`, `c-${i}`, 'marketing', daysBefore(10 + i)), released(`shop-${i}`, `c-${i}`));
    const tenth = (claimedAt: string) => [claimed('shop-old', 'c-old', 'marketing', claimedAt), released('shop-old', 'c-old')];
    expect(claim(given(...tenth(daysBefore(180)), ...nine), 'shop-x', 'c-x', true, 'marketing').map((e) => e.type)).toEqual([
      'AccountClaimed',
    ]);
    const younger = new Date(Date.parse(daysBefore(180)) + 1).toISOString();
    expect(() => claim(given(...tenth(younger), ...nine), 'shop-x', 'c-x', true, 'marketing')).toThrow(
      expect.objectContaining({ code: 'RELINK_LIMIT_REACHED', message: expect.stringContaining('10 times in the last 180 days') }),
    );
  });

  describe('a claim that never became a link does not use the allowance (one count for the claim and the account query)', () => {
    const nineLinked: AccountEvent[] = [];
    for (let i = 0; i < 9; i++)
      nineLinked.push(claimed(`shop-${i}`, `c-${i}`, 'marketing', daysBefore(10 + i)), released(`shop-${i}`, `c-${i}`));

    it.each(['compensated', 'abandoned'] as const)(
      'nine links and a tenth claim %s: used 9, remaining 1, and the next claim is taken',
      (reason) => {
        const state = given(...nineLinked, claimed('shop-9', 'c-9', 'marketing', daysBefore(1)), released('shop-9', 'c-9', reason));
        expect(state.history.map((c) => c.claimId)).not.toContain('c-9');
        expect(relinkAllowanceOf(state.history, NOW, POLICY)).toEqual({ windowDays: 180, limit: 10, used: 9, remaining: 1 });
        expect(claim(state, 'shop-x', 'c-x', true, 'marketing').map((e) => e.type)).toEqual(['AccountClaimed']);
      },
    );

    it('nine links and a tenth unlinked: used 10, remaining 0, and the next claim is refused RELINK_LIMIT_REACHED', () => {
      const state = given(...nineLinked, claimed('shop-9', 'c-9', 'marketing', daysBefore(1)), released('shop-9', 'c-9'));
      expect(relinkAllowanceOf(state.history, NOW, POLICY)).toMatchObject({ used: 10, remaining: 0 });
      expect(() => claim(state, 'shop-x', 'c-x', true, 'marketing')).toThrow(expect.objectContaining({ code: 'RELINK_LIMIT_REACHED' }));
    });
  });

  it('official claims do not use the marketing allowance', () => {
    const history: AccountEvent[] = [];
    for (let i = 0; i < 10; i++) history.push(claimed(`shop-${i}`, `c-${i}`, 'marketing', daysBefore(10)), released(`shop-${i}`, `c-${i}`));
    expect(claim(given(...history), 'shop-x', 'c-x', true, 'official').map((e) => e.type)).toEqual(['AccountClaimed']);
  });
});

describe('releasing a claim', () => {
  it('the holder releases it', () => {
    expect(
      decideAccountRelease(given(claimed('shop-a', 'cmd-1')), { accountId: 'acct-1', shopId: 'shop-a', reason: 'unlinked' }, NOW),
    ).toEqual([
      {
        type: 'AccountReleased',
        data: { accountId: 'acct-1', shopId: 'shop-a', claimId: 'cmd-1', reason: 'unlinked', releasedAt: NOW.toISOString() },
      },
    ]);
  });

  it('another shop, a released account, or another claim id release nothing', () => {
    expect(
      decideAccountRelease(given(claimed('shop-a', 'cmd-1')), { accountId: 'acct-1', shopId: 'shop-b', reason: 'unlinked' }, NOW),
    ).toEqual([]);
    expect(
      decideAccountRelease(
        given(claimed('shop-a', 'cmd-1'), released('shop-a', 'cmd-1')),
        { accountId: 'acct-1', shopId: 'shop-a', reason: 'unlinked' },
        NOW,
      ),
    ).toEqual([]);
    expect(
      decideAccountRelease(
        given(claimed('shop-a', 'cmd-1')),
        { accountId: 'acct-1', shopId: 'shop-a', reason: 'compensated', claimId: 'cmd-2' },
        NOW,
      ),
    ).toEqual([]);
  });

  it('evolve keeps the full history after a release', () => {
    const state = given(claimed('shop-a', 'cmd-1'), released('shop-a', 'cmd-1'));
    expect(state.current).toBeNull();
    expect(state.history.map((c) => c.shopId)).toEqual(['shop-a']);
  });
});
