import { decideShop } from './decide-shop';
import { evolveShop, foldShop } from './evolve-shop';
import { ShopCommand } from './shop.commands';
import { AccountUnlinked, ShopEvent } from './shop.events';
import { RegisteredShop, ShopState } from './shop.state';
import {
  accountLinked,
  campaignEnded,
  campaignStarted,
  creditFunds,
  defaultContext,
  failWithdrawal,
  fundsCredited,
  given,
  hoursBefore,
  incidentClosed,
  incidentOpened,
  incidentReportedWhileFrozen,
  iso,
  linkRequested,
  NOW,
  PAYOUT_SERVICE,
  reportIncident,
  requestWithdrawal,
  resolveIncident,
  SECURITY_SERVICE,
  SHOP_ID,
  verifiedShop,
  withdrawalRequested,
} from './testing/shop.specification';

const security = { actor: SECURITY_SERVICE };
const at = iso(NOW);

const reported = (incidentId: string): ShopEvent => ({
  type: 'SecurityIncidentReported',
  data: { shopId: SHOP_ID, incidentId, description: `incident ${incidentId}`, reportedAt: at },
});
const frozen = (incidentId: string, amount: number): ShopEvent => ({
  type: 'FundsFrozen',
  data: { shopId: SHOP_ID, incidentId, amount, frozenAt: at },
});
const resolved = (incidentId: string): ShopEvent => ({
  type: 'SecurityIncidentResolved',
  data: { shopId: SHOP_ID, incidentId, resolution: 'resolved', resolvedAt: at },
});
const unfrozen = (incidentId: string, amount: number): ShopEvent => ({
  type: 'FundsUnfrozen',
  data: { shopId: SHOP_ID, incidentId, amount, unfrozenAt: at },
});
const terminated = (campaignId: string, accountId: string): ShopEvent => ({
  type: 'CampaignTerminated',
  data: { shopId: SHOP_ID, campaignId, accountId, reason: 'account_unlinked', terminatedAt: at },
});
const emergencyUnlinked = (
  accountId: string,
  role: 'official' | 'marketing',
  officialUnlinkCount: number,
  incidentId = 'inc-1',
): AccountUnlinked => ({
  type: 'AccountUnlinked',
  data: {
    shopId: SHOP_ID,
    accountId,
    handle: `@${accountId}`,
    role,
    reason: 'security_breach',
    mode: 'emergency',
    requestId: null,
    incidentId,
    ticketId: null,
    agentId: null,
    officialUnlinkCount,
    unlinkedAt: at,
  },
});

/** A verified shop with 10 000 available, an official account running c-1 and a marketing account running c-2. */
const breached = (): ShopEvent[] => [
  ...verifiedShop(),
  fundsCredited('s-1', 10_000),
  ...accountLinked('acc-o', 'official'),
  ...accountLinked('acc-m', 'marketing'),
  campaignStarted('c-1', 'acc-o'),
  campaignStarted('c-2', 'acc-m'),
];

describe('security incidents', () => {
  describe('ReportSecurityIncident', () => {
    it('opens the incident and freezes everything available', () => {
      given(verifiedShop(), fundsCredited('s-1', 10_000))
        .when(reportIncident('inc-1'), security)
        .then([reported('inc-1'), frozen('inc-1', 10_000)]);
    });

    it('records the freeze even of nothing, so every unfreeze has its freeze', () => {
      given(verifiedShop())
        .when(reportIncident('inc-1'), security)
        .then([reported('inc-1'), frozen('inc-1', 0)]);
    });

    it('a second incident while one is open freezes nothing more', () => {
      given(verifiedShop(), fundsCredited('s-1', 10_000), incidentOpened('inc-1', 10_000))
        .when(reportIncident('inc-2'), security)
        .then([reported('inc-2')]);
    });

    it('with accounts: incident, freeze, then each named account unlinked at once (its campaigns terminated, the official unlink counted)', () => {
      given(breached())
        .when(reportIncident('inc-1', ['acc-o', 'acc-m']), security)
        .then([
          reported('inc-1'),
          frozen('inc-1', 10_000),
          terminated('c-1', 'acc-o'),
          emergencyUnlinked('acc-o', 'official', 1),
          terminated('c-2', 'acc-m'),
          emergencyUnlinked('acc-m', 'marketing', 0),
        ]);
    });

    it('the unlinks are never blocked: orders awaiting, a withdrawal in flight, linked minutes ago, the official-unlink allowance used up', () => {
      const usedUp = [1, 2, 3].map((n) => emergencyUnlinked(`acc-old-${n}`, 'official', n, 'inc-old'));
      const [, , unlinked] = given(
        verifiedShop(),
        fundsCredited('s-1', 10_000),
        withdrawalRequested('w-1', 1_000),
        { type: 'OrderPlaced', data: { shopId: SHOP_ID, orderId: 'o-1', amount: 1, currency: 'GBP', placedAt: iso(hoursBefore(NOW, 3)) } },
        usedUp,
        accountLinked('acc-o', 'official', { at: hoursBefore(NOW, 2) }),
      )
        .when(reportIncident('inc-1', ['acc-o']), security)
        .decide();
      expect(unlinked).toEqual(emergencyUnlinked('acc-o', 'official', 4));
    });

    it('an account named twice is unlinked once', () => {
      given(breached())
        .when(reportIncident('inc-1', ['acc-m', 'acc-m']), security)
        .then([reported('inc-1'), frozen('inc-1', 10_000), terminated('c-2', 'acc-m'), emergencyUnlinked('acc-m', 'marketing', 0)]);
    });

    it('ended campaigns are not terminated again', () => {
      given(breached(), campaignEnded('c-2'))
        .when(reportIncident('inc-1', ['acc-m']), security)
        .then([reported('inc-1'), frozen('inc-1', 10_000), emergencyUnlinked('acc-m', 'marketing', 0)]);
    });

    it('naming an account not linked here refuses the whole report, listing each (LINK_NOT_FOUND, not found, nothing recorded)', () => {
      const violation = given(breached(), linkRequested('acc-p', 'marketing'))
        .when(reportIncident('inc-1', ['acc-o', 'acc-stranger', 'acc-p']), security)
        .thenThrows('LINK_NOT_FOUND', ['LINK_NOT_FOUND', 'LINK_NOT_FOUND']);
      expect(violation.kind).toBe('not_found');
      expect(violation.details.map((d) => d.message)).toEqual([
        'Account acc-stranger is not linked to this shop',
        'Account acc-p is not linked to this shop (its link still awaits authorization)',
      ]);
    });

    it('the same open incident again with accounts adds only their unlinks', () => {
      given(breached(), incidentOpened('inc-1', 10_000))
        .when(reportIncident('inc-1', ['acc-m']), security)
        .then([terminated('c-2', 'acc-m'), emergencyUnlinked('acc-m', 'marketing', 0)]);
    });

    it('the same open incident again with no account is refused (INCIDENT_ALREADY_OPEN, conflict)', () => {
      const violation = given(breached(), incidentOpened('inc-1', 10_000))
        .when(reportIncident('inc-1'), security)
        .thenThrows('INCIDENT_ALREADY_OPEN', ['INCIDENT_ALREADY_OPEN']);
      expect(violation.kind).toBe('conflict');
    });

    it('a resolved incident cannot be reported again (INCIDENT_ALREADY_RESOLVED)', () => {
      given(breached(), incidentOpened('inc-1', 10_000), incidentClosed('inc-1', 10_000))
        .when(reportIncident('inc-1', ['acc-m']), security)
        .thenThrows('INCIDENT_ALREADY_RESOLVED');
    });

    it('may be reported by an admin member', () => {
      given(breached())
        .when(reportIncident('inc-1'))
        .then([reported('inc-1'), frozen('inc-1', 10_000)]);
    });
  });

  describe('ResolveSecurityIncident', () => {
    it('resolving the only open incident unfreezes everything frozen', () => {
      given(verifiedShop(), fundsCredited('s-1', 10_000), incidentOpened('inc-1', 10_000))
        .when(resolveIncident('inc-1'), security)
        .then([resolved('inc-1'), unfrozen('inc-1', 10_000)]);
    });

    it('unfreezes what was credited and returned during the incident too', () => {
      given(
        verifiedShop(),
        fundsCredited('s-1', 10_000),
        withdrawalRequested('w-1', 3_000),
        incidentOpened('inc-1', 7_000),
        fundsCredited('s-2', 500, { to: 'frozen' }),
        {
          type: 'FundsWithdrawalFailed',
          data: {
            shopId: SHOP_ID,
            withdrawalId: 'w-1',
            amount: 3_000,
            reason: 'x',
            returnedTo: 'frozen',
            failedAt: iso(hoursBefore(NOW, 1)),
          },
        },
      )
        .when(resolveIncident('inc-1'), security)
        .then([resolved('inc-1'), unfrozen('inc-1', 10_500)]);
    });

    it('records an unfreeze of nothing when nothing was frozen', () => {
      given(verifiedShop(), incidentOpened('inc-1', 0))
        .when(resolveIncident('inc-1'), security)
        .then([resolved('inc-1'), unfrozen('inc-1', 0)]);
    });

    it('money stays frozen while another incident is open', () => {
      given(verifiedShop(), fundsCredited('s-1', 10_000), incidentOpened('inc-1', 10_000), incidentReportedWhileFrozen('inc-2'))
        .when(resolveIncident('inc-1'), security)
        .then([resolved('inc-1')]);
    });

    it('refuses an unknown incident (INCIDENT_NOT_FOUND, not found)', () => {
      const violation = given(verifiedShop())
        .when(resolveIncident('inc-404'), security)
        .thenThrows('INCIDENT_NOT_FOUND', ['INCIDENT_NOT_FOUND']);
      expect(violation.kind).toBe('not_found');
    });

    it('refuses resolving twice (INCIDENT_ALREADY_RESOLVED)', () => {
      given(verifiedShop(), incidentOpened('inc-1', 0), incidentClosed('inc-1', 0))
        .when(resolveIncident('inc-1'), security)
        .thenThrows('INCIDENT_ALREADY_RESOLVED', ['INCIDENT_ALREADY_RESOLVED']);
    });
  });

  describe('freeze and unfreeze through two overlapping incidents (decided and folded step by step)', () => {
    /** Decides each command on the state the previous ones left, appending what was decided. */
    function run(history: readonly ShopEvent[], steps: readonly (readonly [ShopCommand, typeof security | undefined])[]): RegisteredShop[] {
      let state: ShopState = foldShop(history);
      const states: RegisteredShop[] = [];
      for (const [command, ctx] of steps) {
        state = decideShop(state, command, defaultContext(ctx)).reduce(evolveShop, state);
        states.push(state as RegisteredShop);
      }
      return states;
    }

    it('keeps money frozen until the last incident is resolved', () => {
      const payouts = { actor: PAYOUT_SERVICE };
      const states = run(
        [...verifiedShop(), fundsCredited('s-1', 10_000), withdrawalRequested('w-1', 2_000)],
        [
          [reportIncident('inc-1'), security], // 8 000 frozen
          [creditFunds('s-2', 500), payouts], // credited to frozen
          [reportIncident('inc-2'), security], // nothing more to freeze
          [failWithdrawal('w-1'), payouts], // 2 000 back to frozen
          [resolveIncident('inc-1'), security], // inc-2 still open: stays frozen
          [resolveIncident('inc-2'), security], // all back to available
          [requestWithdrawal('w-2', 10_500), undefined],
        ],
      );
      expect(states.map((s) => s.money)).toEqual([
        { available: 0, pendingWithdrawal: 2_000, frozen: 8_000 },
        { available: 0, pendingWithdrawal: 2_000, frozen: 8_500 },
        { available: 0, pendingWithdrawal: 2_000, frozen: 8_500 },
        { available: 0, pendingWithdrawal: 0, frozen: 10_500 },
        { available: 0, pendingWithdrawal: 0, frozen: 10_500 },
        { available: 10_500, pendingWithdrawal: 0, frozen: 0 },
        { available: 0, pendingWithdrawal: 10_500, frozen: 0 },
      ]);
    });

    it('refuses withdrawals until then', () => {
      given(
        verifiedShop(),
        fundsCredited('s-1', 10_000),
        incidentOpened('inc-1', 10_000),
        incidentReportedWhileFrozen('inc-2'),
        resolved('inc-1'),
      )
        .when(requestWithdrawal('w-1', 1))
        .thenThrows('FUNDS_FROZEN', ['FUNDS_FROZEN']);
    });
  });
});
