import { AccountStanding } from './account-standing';
import { Actor } from './actor';
import { SHOP_ACCESS_TABLE, SYSTEM_ACTORS } from './shop-access.policy';
import { GrantAccess, RevokeAccess, ShopCommand } from './shop.commands';
import { ShopEvent } from './shop.events';
import {
  accessGranted,
  denyAuthorization,
  expireAuthorization,
  linkedElsewhere,
  given,
  grantAuthorization,
  hoursBefore,
  iso,
  linkRequested,
  member,
  NOW,
  OAUTH_RELAY,
  OWNER,
  OWNER_ID,
  registeredShop,
  registerShop,
  requestLink,
  SHOP_ID,
  SUPPORT_AGENT,
  verificationSubmitted,
  verifiedShop,
} from './testing/shop.specification';
import {
  assistedUnlink,
  cancelUnlink,
  confirmUnlink,
  emergencyUnlink,
  expireUnlinkRequest,
  FAKE_CODES,
  hoursAfter,
  linkedLongAgo,
  requestUnlink,
  switchOfficialAccount,
  unlinkRequested,
} from './testing/shop.specification';
import {
  cancelOrder,
  campaignStarted,
  completeWithdrawal,
  creditFunds,
  endCampaign,
  failWithdrawal,
  fulfilOrder,
  fundsCredited,
  incidentOpened,
  orderPlaced,
  placeOrder,
  reactivateShop,
  forgetPersonalData,
  deactivateShopWithTicket,
  enforceUnlink,
  restrictShop,
  liftRestriction,
  shopRestricted,
  closeShop,
  openCase,
  settleCase,
  caseOpened,
  reportIncident,
  requestWithdrawal,
  resolveIncident,
  shopDeactivated,
  startCampaign,
  withdrawalRequested,
} from './testing/shop.specification';
import { DEFAULT_SHOP_POLICY } from './shop-policy';

const grant = (memberId: string, role: GrantAccess['data']['role']): GrantAccess => ({ type: 'GrantAccess', data: { memberId, role } });
const revoke = (memberId: string): RevokeAccess => ({ type: 'RevokeAccess', data: { memberId } });

const team: ShopEvent[] = [
  accessGranted('m-admin', 'admin'),
  accessGranted('m-finance', 'finance'),
  accessGranted('m-operator', 'operator'),
  accessGranted('m-viewer', 'viewer'),
];

describe('GrantAccess', () => {
  it('grants a role to a new member', () => {
    given(verifiedShop())
      .when(grant('m-2', 'finance'))
      .then([{ type: 'AccessGranted', data: { shopId: SHOP_ID, memberId: 'm-2', role: 'finance', grantedAt: iso(NOW) } }]);
  });

  it('changes the role of an existing member', () => {
    given(verifiedShop(), accessGranted('m-2', 'viewer'))
      .when(grant('m-2', 'operator'))
      .then([{ type: 'AccessGranted', data: { shopId: SHOP_ID, memberId: 'm-2', role: 'operator', grantedAt: iso(NOW) } }]);
  });

  it('refuses granting a role the member already has', () => {
    given(verifiedShop(), accessGranted('m-2', 'viewer'))
      .when(grant('m-2', 'viewer'))
      .thenThrows('ACCESS_ALREADY_GRANTED', ['ACCESS_ALREADY_GRANTED']);
  });

  it.each(['admin', 'finance', 'operator', 'viewer'] as const)(
    'refuses changing the owner’s role (to %s): the owner stays admin',
    (role) => {
      given(verifiedShop(), team)
        .when(grant(OWNER_ID, role), { actor: member('m-admin') })
        .thenThrows('OWNER_ROLE_FIXED', ['OWNER_ROLE_FIXED']);
    },
  );

  it('may be sent by a non-owner admin', () => {
    given(verifiedShop(), team)
      .when(grant('m-new', 'viewer'), { actor: member('m-admin') })
      .then([{ type: 'AccessGranted', data: { shopId: SHOP_ID, memberId: 'm-new', role: 'viewer', grantedAt: iso(NOW) } }]);
  });
});

describe('RevokeAccess', () => {
  it('revokes a member’s access', () => {
    given(verifiedShop(), team)
      .when(revoke('m-finance'))
      .then([{ type: 'AccessRevoked', data: { shopId: SHOP_ID, memberId: 'm-finance', revokedAt: iso(NOW) } }]);
  });

  it('refuses revoking the owner', () => {
    given(verifiedShop(), team)
      .when(revoke(OWNER_ID), { actor: member('m-admin') })
      .thenThrows('OWNER_ROLE_FIXED', ['OWNER_ROLE_FIXED']);
  });

  it('refuses revoking a member without access (MEMBER_NOT_FOUND, not found)', () => {
    const violation = given(verifiedShop(), team).when(revoke('m-nobody')).thenThrows('MEMBER_NOT_FOUND');
    expect(violation.kind).toBe('not_found');
  });

  it('refuses revoking a member twice', () => {
    given(verifiedShop(), team, {
      type: 'AccessRevoked',
      data: { shopId: SHOP_ID, memberId: 'm-admin', revokedAt: iso(hoursBefore(NOW, 1)) },
    })
      .when(revoke('m-admin'))
      .thenThrows('MEMBER_NOT_FOUND');
  });

  it('a revoked admin can no longer act for the shop', () => {
    given(verifiedShop(), team, {
      type: 'AccessRevoked',
      data: { shopId: SHOP_ID, memberId: 'm-admin', revokedAt: iso(hoursBefore(NOW, 1)) },
    })
      .when(grant('m-new', 'viewer'), { actor: member('m-admin') })
      .thenThrows('FORBIDDEN_ROLE');
  });

  it('a demoted admin can no longer act as admin', () => {
    given(verifiedShop(), team, accessGranted('m-admin', 'viewer', hoursBefore(NOW, 1)))
      .when(requestLink('acc-1', 'official'), { actor: member('m-admin') })
      .thenThrows('FORBIDDEN_ROLE');
  });
});

describe('the access table: who may send which command', () => {
  const actors: Record<string, Actor> = {
    owner: OWNER,
    admin: member('m-admin'),
    finance: member('m-finance'),
    operator: member('m-operator'),
    viewer: member('m-viewer'),
    'member without access': member('m-stranger'),
    ...Object.fromEntries(Object.keys(SYSTEM_ACTORS).map((name) => [`system:${name}`, { kind: 'system', id: name }])),
    'system:someone-else': { kind: 'system', id: 'someone-else' },
    support: SUPPORT_AGENT,
  };

  interface Scenario {
    readonly history: readonly ShopEvent[];
    readonly command: ShopCommand;
    readonly now?: Date;
    readonly allowed: readonly string[];
    readonly account?: AccountStanding;
  }

  const pending = linkRequested('acc-pending', 'official');
  const linkedAccounts = [...verifiedShop(), ...team, ...linkedLongAgo('acc-off', 'official'), ...linkedLongAgo('acc-mkt', 'marketing')];
  const scenarios: Record<string, Scenario> = {
    RegisterShop: { history: [], command: registerShop(), allowed: ['owner', 'system:onboarding'] },
    SubmitBusinessVerification: {
      history: [...registeredShop(), ...team],
      command: { type: 'SubmitBusinessVerification', data: { documents: ['doc'] } },
      allowed: ['owner', 'admin'],
    },
    RecordVerificationDecision: {
      history: [...registeredShop(), verificationSubmitted(), ...team],
      command: { type: 'RecordVerificationDecision', data: { outcome: 'verified', reasons: [] } },
      allowed: ['system:kyb'],
    },
    GrantAccess: { history: [...verifiedShop(), ...team], command: grant('m-new', 'viewer'), allowed: ['owner', 'admin'] },
    RevokeAccess: { history: [...verifiedShop(), ...team], command: revoke('m-viewer'), allowed: ['owner', 'admin'] },
    GraduateFromProbation: {
      history: [...verifiedShop(), ...team],
      command: { type: 'GraduateFromProbation', data: {} },
      allowed: ['system:onboarding'],
    },
    'RequestLink (official)': {
      history: [...verifiedShop(), ...team],
      command: requestLink('acc-1', 'official'),
      allowed: ['owner', 'admin'],
    },
    'RequestLink (marketing)': {
      history: [...verifiedShop(), ...team],
      command: requestLink('acc-1', 'marketing'),
      allowed: ['owner', 'admin', 'operator'],
    },
    'AnswerLinkAuthorization (granted)': {
      history: [...verifiedShop(), ...team, pending],
      command: grantAuthorization('acc-pending', DEFAULT_SHOP_POLICY.requiredScopes.official),
      allowed: ['system:oauth-relay'],
    },
    'AnswerLinkAuthorization (denied)': {
      history: [...verifiedShop(), ...team, pending],
      command: denyAuthorization('acc-pending'),
      allowed: ['system:oauth-relay'],
    },
    'CancelLinkRequest (official)': {
      history: [...verifiedShop(), ...team, pending],
      command: { type: 'CancelLinkRequest', data: { accountId: 'acc-pending' } },
      allowed: ['owner', 'admin'],
    },
    'CancelLinkRequest (marketing)': {
      history: [...verifiedShop(), ...team, linkRequested('acc-pending-mkt', 'marketing')],
      command: { type: 'CancelLinkRequest', data: { accountId: 'acc-pending-mkt' } },
      allowed: ['owner', 'admin', 'operator'],
    },
    SupersedeLinkRequest: {
      history: [...verifiedShop(), ...team, pending],
      command: { type: 'SupersedeLinkRequest', data: { accountId: 'acc-pending', requestedAt: pending.data.requestedAt } },
      account: linkedElsewhere(),
      allowed: ['system:links'],
    },
    ExpireLinkAuthorization: {
      history: [...verifiedShop(), ...team, pending],
      command: expireAuthorization('acc-pending'),
      now: new Date(pending.data.authorizationExpiresAt),
      allowed: ['system:expiry'],
    },
    // ---- unlinking (decide-unlinking): operators only for marketing accounts, only admins for the official one
    'RequestUnlink (official)': { history: linkedAccounts, command: requestUnlink('acc-off'), allowed: ['owner', 'admin'] },
    'RequestUnlink (marketing)': { history: linkedAccounts, command: requestUnlink('acc-mkt'), allowed: ['owner', 'admin', 'operator'] },
    'ConfirmUnlink (official)': {
      history: [...linkedAccounts, unlinkRequested('acc-off', 'official')],
      command: confirmUnlink('acc-off'),
      allowed: ['owner', 'admin'],
    },
    'ConfirmUnlink (marketing)': {
      history: [...linkedAccounts, unlinkRequested('acc-mkt', 'marketing')],
      command: confirmUnlink('acc-mkt'),
      allowed: ['owner', 'admin', 'operator'],
    },
    'CancelUnlink (official)': {
      history: [...linkedAccounts, unlinkRequested('acc-off', 'official')],
      command: cancelUnlink('acc-off'),
      allowed: ['owner', 'admin'],
    },
    'CancelUnlink (marketing)': {
      history: [...linkedAccounts, unlinkRequested('acc-mkt', 'marketing')],
      command: cancelUnlink('acc-mkt'),
      allowed: ['owner', 'admin', 'operator'],
    },
    ExpireUnlinkRequest: {
      history: [...linkedAccounts, unlinkRequested('acc-off', 'official')],
      command: expireUnlinkRequest('acc-off'),
      now: hoursAfter(NOW, 1),
      allowed: ['system:expiry'],
    },
    EmergencyUnlink: { history: linkedAccounts, command: emergencyUnlink('acc-off'), allowed: ['owner', 'admin', 'system:security'] },
    AssistedUnlink: { history: linkedAccounts, command: assistedUnlink('acc-off'), allowed: ['support'] },
    SwitchOfficialAccount: { history: linkedAccounts, command: switchOfficialAccount('acc-new'), allowed: ['owner', 'admin'] },
    // orders, money, campaigns, incidents, leaving (decide-operations)
    PlaceOrder: { history: [...verifiedShop(), ...team], command: placeOrder('o-new'), allowed: ['system:orders'] },
    FulfilOrder: {
      history: [...verifiedShop(), ...team, orderPlaced('o-1')],
      command: fulfilOrder('o-1'),
      allowed: ['owner', 'admin', 'operator', 'system:orders'],
    },
    CancelOrder: {
      history: [...verifiedShop(), ...team, orderPlaced('o-1')],
      command: cancelOrder('o-1'),
      allowed: ['owner', 'admin', 'operator', 'system:orders'],
    },
    CreditFunds: { history: [...verifiedShop(), ...team], command: creditFunds('s-new', 100), allowed: ['system:payouts'] },
    RequestWithdrawal: {
      history: [...verifiedShop(), ...team, fundsCredited('s-1', 1_000)],
      command: requestWithdrawal('w-new', 100),
      allowed: ['owner', 'admin', 'finance'],
    },
    CompleteWithdrawal: {
      history: [...verifiedShop(), ...team, fundsCredited('s-1', 1_000), withdrawalRequested('w-1', 100)],
      command: completeWithdrawal('w-1'),
      allowed: ['system:payouts'],
    },
    FailWithdrawal: {
      history: [...verifiedShop(), ...team, fundsCredited('s-1', 1_000), withdrawalRequested('w-1', 100)],
      command: failWithdrawal('w-1'),
      allowed: ['system:payouts'],
    },
    StartCampaign: {
      history: linkedAccounts,
      command: startCampaign('c-new', 'acc-mkt'),
      allowed: ['owner', 'admin', 'operator', 'system:ads'],
    },
    EndCampaign: {
      history: [...linkedAccounts, campaignStarted('c-1', 'acc-mkt')],
      command: endCampaign('c-1'),
      allowed: ['owner', 'admin', 'operator', 'system:ads'],
    },
    ReportSecurityIncident: {
      history: [...verifiedShop(), ...team],
      command: reportIncident('inc-new'),
      allowed: ['owner', 'admin', 'system:security'],
    },
    ResolveSecurityIncident: {
      history: [...verifiedShop(), ...team, ...incidentOpened('inc-1', 0)],
      command: resolveIncident('inc-1'),
      allowed: ['system:security'],
    },
    // With a ticket, so a support agent's deactivation passes too (a member's ignores it).
    DeactivateShop: { history: [...verifiedShop(), ...team], command: deactivateShopWithTicket(), allowed: ['owner', 'admin', 'support'] },
    ReactivateShop: { history: [...verifiedShop(), ...team, shopDeactivated()], command: reactivateShop, allowed: ['owner', 'admin'] },
    ForgetPersonalData: {
      history: [...verifiedShop(), ...team, shopDeactivated()],
      command: forgetPersonalData,
      allowed: ['support'],
    },
    // enforcement and closure (decide-enforcement, decide-shop-closure)
    EnforceUnlink: { history: linkedAccounts, command: enforceUnlink('acc-mkt'), allowed: ['system:trust-and-safety'] },
    RestrictShop: { history: [...verifiedShop(), ...team], command: restrictShop(), allowed: ['system:trust-and-safety'] },
    LiftShopRestriction: {
      history: [...verifiedShop(), ...team, shopRestricted()],
      command: liftRestriction(),
      allowed: ['system:trust-and-safety'],
    },
    OpenAfterSalesCase: {
      history: [...verifiedShop(), ...team, orderPlaced('o-1')],
      command: openCase('case-new', 'refund'),
      allowed: ['system:orders'],
    },
    SettleAfterSalesCase: {
      history: [...verifiedShop(), ...team, orderPlaced('o-1'), caseOpened('case-1', 'refund')],
      command: settleCase('case-1'),
      allowed: ['system:orders'],
    },
    CloseShop: { history: [...verifiedShop(), ...team], command: closeShop(), allowed: ['owner', 'admin', 'system:trust-and-safety'] },
  };

  const rows = Object.entries(scenarios).flatMap(([name, scenario]) =>
    Object.keys(actors).map((actorName) => [name, actorName, scenario.allowed.includes(actorName)] as const),
  );

  it.each(rows)('%s sent by %s: allowed = %s', (name, actorName, allowed) => {
    const scenario = scenarios[name];
    const when = given(scenario.history).when(scenario.command, {
      actor: actors[actorName],
      now: scenario.now ?? NOW,
      codes: FAKE_CODES,
      ...(scenario.account !== undefined ? { account: scenario.account } : {}),
    });
    if (allowed) {
      expect(when.decide().length).toBeGreaterThan(0);
    } else {
      const violation = when.thenThrows('FORBIDDEN_ROLE', ['FORBIDDEN_ROLE']);
      expect(violation.kind).toBe('forbidden');
      expect(violation.message).toContain(`${actors[actorName].kind}:${actors[actorName].id}`);
    }
  });

  it('has a scenario for every command type', () => {
    const covered = new Set(Object.values(scenarios).map((s) => s.command.type));
    expect([...covered].sort()).toEqual(Object.keys(SHOP_ACCESS_TABLE).sort());
  });

  it('names who is allowed in the refusal', () => {
    const violation = given(verifiedShop(), team)
      .when(requestLink('acc-1', 'official'), { actor: member('m-viewer') })
      .thenThrows('FORBIDDEN_ROLE');
    expect(violation.details[0].message).toBe(
      'RequestLink is allowed to: members with role admin, members with role operator (operators: marketing accounts only)',
    );
  });

  it('an operator may request a marketing link but not an official one', () => {
    const operator = { actor: member('m-operator') };
    given(verifiedShop(), team).when(requestLink('acc-1', 'official'), operator).thenThrows('FORBIDDEN_ROLE');
    given(verifiedShop(), team)
      .when(requestLink('acc-1', 'marketing'), operator)
      .then([
        expect.objectContaining({ type: 'AccountLinkRequested', data: expect.objectContaining({ accountId: 'acc-1', role: 'marketing' }) }),
      ]);
  });

  it('a member (even the owner) may not record a KYB decision', () => {
    given(registeredShop(), verificationSubmitted())
      .when({ type: 'RecordVerificationDecision', data: { outcome: 'verified', reasons: [] } }, { actor: OWNER })
      .thenThrows('FORBIDDEN_ROLE');
  });

  it('the OAuth relay (a system) carries the account owner’s answer; the shop owner cannot answer for the account', () => {
    const history = [...verifiedShop(), pending];
    given(history).when(denyAuthorization('acc-pending'), { actor: OWNER }).thenThrows('FORBIDDEN_ROLE');
    given(history)
      .when(denyAuthorization('acc-pending'), { actor: OAUTH_RELAY })
      .then([expect.objectContaining({ type: 'LinkAuthorizationDenied' })]);
  });

  it('access is checked before the command’s own rules (a viewer learns nothing about pending requests)', () => {
    given(verifiedShop(), team)
      .when(expireAuthorization('acc-unknown'), { actor: member('m-viewer') })
      .thenThrows('FORBIDDEN_ROLE');
  });
});
