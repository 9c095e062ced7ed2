import { AccountEvent } from '@shoplink/accounts';
import { ShopEvent } from '../domain/shop.events';
import {
  AccountClaimStep,
  AccountClaimWorkflowInput,
  AccountClaimWorkflowState,
  decideAccountClaimSteps,
  evolveAccountClaimWorkflow,
  initialAccountClaimWorkflow,
  isAccountClaimWorkflowOpen,
} from './account-claim.workflow';

/** Given the log's events about one account, when something happens, then these account commands. */
const CTX = { claimGraceSeconds: 60 };
const CLAIMED_AT = '2026-06-01T12:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(CLAIMED_AT) + seconds * 1000);

function given(...events: (AccountEvent | ShopEvent)[]) {
  const state = events.reduce(evolveAccountClaimWorkflow, initialAccountClaimWorkflow('acct-1'));
  return {
    state,
    when: (input: AccountClaimWorkflowInput) => ({
      then: (expected: AccountClaimStep[]) => expect(decideAccountClaimSteps(state, input, CTX)).toEqual(expected),
    }),
  };
}

const claimed = (shopId = 'shop-a', claimId = 'cmd-link'): AccountEvent => ({
  type: 'AccountClaimed',
  data: { accountId: 'acct-1', shopId, role: 'official', claimId, claimedAt: CLAIMED_AT },
});
const released = (shopId = 'shop-a', claimId = 'cmd-link'): AccountEvent => ({
  type: 'AccountReleased',
  data: { accountId: 'acct-1', shopId, claimId, reason: 'unlinked', releasedAt: CLAIMED_AT },
});
const linked = (shopId = 'shop-a'): ShopEvent => ({
  type: 'AccountLinked',
  data: { shopId, accountId: 'acct-1', handle: 'brand', role: 'official', scopes: [], linkedAt: CLAIMED_AT },
});
const unlinked = (shopId = 'shop-a'): ShopEvent => ({
  type: 'AccountUnlinked',
  data: {
    shopId,
    accountId: 'acct-1',
    handle: 'brand',
    role: 'official',
    reason: 'business_pivot',
    mode: 'confirmed',
    requestId: 'unl-1',
    incidentId: null,
    ticketId: null,
    agentId: null,
    officialUnlinkCount: 1,
    unlinkedAt: CLAIMED_AT,
  },
});
const release = (commandId: string, reason: 'unlinked' | 'compensated' | 'abandoned', claimId?: string): AccountClaimStep => ({
  commandId,
  command: { type: 'ReleaseAccount', data: { accountId: 'acct-1', shopId: 'shop-a', reason, ...(claimId ? { claimId } : {}) } },
});

describe('the account-claim workflow, inline in a shop command', () => {
  it('a decision that links an account claims it first, under a command id derived from the shop command', () => {
    given()
      .when({ type: 'ShopCommandDecided', shopId: 'shop-a', commandId: 'cmd-link', events: [linked()] })
      .then([
        {
          commandId: 'cmd-link:claim:acct-1',
          command: { type: 'ClaimAccount', data: { accountId: 'acct-1', shopId: 'shop-a', role: 'official', claimId: 'cmd-link' } },
        },
      ]);
  });

  it('a decision that links nothing claims nothing', () => {
    given()
      .when({ type: 'ShopCommandDecided', shopId: 'shop-a', commandId: 'cmd-1', events: [unlinked()] })
      .then([]);
  });

  it('a recorded unlink gives the claim back', () => {
    given(claimed(), linked())
      .when({ type: 'ShopCommandRecorded', shopId: 'shop-a', commandId: 'cmd-unlink', events: [unlinked()] })
      .then([release('cmd-unlink:release-unlinked:acct-1', 'unlinked')]);
  });

  it('a shop command abandoned after claiming gives back exactly its own claims (compensation)', () => {
    given(claimed())
      .when({ type: 'ShopCommandAbandoned', shopId: 'shop-a', commandId: 'cmd-link', claimedAccountIds: ['acct-1'] })
      .then([release('cmd-link:release-compensated:acct-1', 'compensated', 'cmd-link')]);
  });
});

describe('the account-claim workflow, resumed from the log after a crash', () => {
  it('a claim whose shop never recorded the link is released as abandoned once the grace period has passed', () => {
    given(claimed())
      .when({ type: 'TimePassed', now: at(60) })
      .then([release('cmd-link:release-abandoned:acct-1', 'abandoned', 'cmd-link')]);
  });

  it('within the grace period the claim may still become a link: nothing to do', () => {
    given(claimed())
      .when({ type: 'TimePassed', now: at(59) })
      .then([]);
  });

  it('an unlink whose release was never written is released, however soon', () => {
    given(claimed(), linked(), unlinked())
      .when({ type: 'TimePassed', now: at(1) })
      .then([release('cmd-link:release-unlinked:acct-1', 'unlinked', 'cmd-link')]);
  });

  it('a linked claim, a released one, or none leaves nothing to do', () => {
    given(claimed(), linked())
      .when({ type: 'TimePassed', now: at(86_400) })
      .then([]);
    given(claimed(), linked(), unlinked(), released())
      .when({ type: 'TimePassed', now: at(86_400) })
      .then([]);
    given()
      .when({ type: 'TimePassed', now: at(86_400) })
      .then([]);
  });

  it("another shop's links and unlinks do not touch the claim", () => {
    given(claimed(), linked('shop-b'), unlinked('shop-b'))
      .when({ type: 'TimePassed', now: at(1) })
      .then([]);
  });
});

describe('evolve', () => {
  it('follows the claim through its shop: awaiting the link, linked, unlinked, released', () => {
    const steps: AccountClaimWorkflowState[] = [];
    let state = initialAccountClaimWorkflow('acct-1');
    for (const event of [claimed(), linked(), unlinked(), released()]) steps.push((state = evolveAccountClaimWorkflow(state, event)));
    expect(steps.map((s) => [s.claim?.shopId ?? null, s.shopSide, isAccountClaimWorkflowOpen(s)])).toEqual([
      ['shop-a', 'awaiting_link', true],
      ['shop-a', 'linked', false],
      ['shop-a', 'unlinked', true],
      [null, 'awaiting_link', false],
    ]);
  });

  it('a release of another claim leaves the current one', () => {
    expect(given(claimed('shop-a', 'cmd-1'), released('shop-a', 'cmd-0')).state.claim?.claimId).toBe('cmd-1');
  });
});
