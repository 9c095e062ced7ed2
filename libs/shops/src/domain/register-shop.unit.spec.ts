import { SHOP_ACCESS_TABLE } from './shop-access.policy';
import { ShopCommand } from './shop.commands';
import {
  assistedUnlink,
  cancelOrder,
  cancelUnlink,
  completeWithdrawal,
  confirmUnlink,
  creditFunds,
  deactivateShop,
  emergencyUnlink,
  endCampaign,
  expireUnlinkRequest,
  failWithdrawal,
  fulfilOrder,
  placeOrder,
  reactivateShop,
  forgetPersonalData,
  enforceUnlink,
  restrictShop,
  liftRestriction,
  closeShop,
  openCase,
  settleCase,
  reportIncident,
  requestUnlink,
  requestWithdrawal,
  resolveIncident,
  startCampaign,
  switchOfficialAccount,
  denyAuthorization,
  expireAuthorization,
  given,
  grantAuthorization,
  hoursAfter,
  iso,
  KYB,
  member,
  NOW,
  OWNER_ID,
  registeredShop,
  registerShop,
  requestLink,
  SHOP_ID,
  SUPPORT_AGENT,
  verifiedShop,
} from './testing/shop.specification';

describe('RegisterShop', () => {
  it('records the shop with the time of the injected clock when the owner registers it', () => {
    given()
      .when(registerShop({ kind: 'individual', region: 'DE' }))
      .then([
        {
          type: 'ShopRegistered',
          data: {
            shopId: SHOP_ID,
            name: 'Acme Goods',
            region: 'DE',
            currency: 'EUR',
            kind: 'individual',
            ownerMemberId: OWNER_ID,
            registrationNumber: null,
            registeredAt: iso(NOW),
          },
        },
      ]);
  });

  it('takes the time from ctx.now, not from the real clock', () => {
    const later = hoursAfter(NOW, 24 * 365);
    const [event] = given()
      .when(registerShop(), { now: later })
      .then([expect.objectContaining({ type: 'ShopRegistered', data: expect.objectContaining({ registeredAt: iso(later) }) })]);
    expect(event.type).toBe('ShopRegistered');
  });

  it('may be sent by seller onboarding (system:onboarding) on the owner’s behalf', () => {
    given()
      .when(registerShop(), { actor: { kind: 'system', id: 'onboarding' } })
      .then([expect.objectContaining({ type: 'ShopRegistered' })]);
  });

  it('refuses a member registering a shop for someone else', () => {
    const violation = given()
      .when(registerShop({ ownerMemberId: OWNER_ID }), { actor: member('m-intruder') })
      .thenThrows('FORBIDDEN_ROLE', ['FORBIDDEN_ROLE']);
    expect(violation.kind).toBe('forbidden');
  });

  it('refuses a support agent', () => {
    given().when(registerShop(), { actor: SUPPORT_AGENT }).thenThrows('FORBIDDEN_ROLE');
  });

  it('refuses registering the same shop twice', () => {
    const violation = given(registeredShop()).when(registerShop()).thenThrows('SHOP_ALREADY_REGISTERED');
    expect(violation.kind).toBe('conflict');
  });

  it('refuses registering twice even with different details, after verification', () => {
    given(verifiedShop())
      .when(registerShop({ kind: 'individual', region: 'FR' }), { actor: KYB })
      .thenThrows('SHOP_ALREADY_REGISTERED');
  });
});

describe('commands on a shop that was never registered', () => {
  const commands: [string, ShopCommand][] = [
    ['SubmitBusinessVerification', { type: 'SubmitBusinessVerification', data: { documents: ['doc'] } }],
    ['RecordVerificationDecision', { type: 'RecordVerificationDecision', data: { outcome: 'verified', reasons: [] } }],
    ['GrantAccess', { type: 'GrantAccess', data: { memberId: 'm-2', role: 'viewer' } }],
    ['RevokeAccess', { type: 'RevokeAccess', data: { memberId: 'm-2' } }],
    ['GraduateFromProbation', { type: 'GraduateFromProbation', data: {} }],
    ['RequestLink', requestLink('acc-1', 'official')],
    ['AnswerLinkAuthorization (granted)', grantAuthorization('acc-1', ['user.info.basic'])],
    ['AnswerLinkAuthorization (denied)', denyAuthorization('acc-1')],
    ['ExpireLinkAuthorization', expireAuthorization('acc-1')],
    ['CancelLinkRequest', { type: 'CancelLinkRequest', data: { accountId: 'acc-1' } }],
    ['SupersedeLinkRequest', { type: 'SupersedeLinkRequest', data: { accountId: 'acc-1', requestedAt: '2025-01-01T00:00:00.000Z' } }],
    ['RequestUnlink', requestUnlink('acc-1')],
    ['ConfirmUnlink', confirmUnlink('acc-1')],
    ['CancelUnlink', cancelUnlink('acc-1')],
    ['ExpireUnlinkRequest', expireUnlinkRequest('acc-1')],
    ['EmergencyUnlink', emergencyUnlink('acc-1')],
    ['AssistedUnlink', assistedUnlink('acc-1')],
    ['SwitchOfficialAccount', switchOfficialAccount('acc-1')],
    ['PlaceOrder', placeOrder('order-1')],
    ['FulfilOrder', fulfilOrder('order-1')],
    ['CancelOrder', cancelOrder('order-1')],
    ['CreditFunds', creditFunds('settle-1', 100)],
    ['RequestWithdrawal', requestWithdrawal('wd-1', 100)],
    ['CompleteWithdrawal', completeWithdrawal('wd-1')],
    ['FailWithdrawal', failWithdrawal('wd-1')],
    ['StartCampaign', startCampaign('camp-1', 'acc-1')],
    ['EndCampaign', endCampaign('camp-1')],
    ['ReportSecurityIncident', reportIncident('inc-1')],
    ['ResolveSecurityIncident', resolveIncident('inc-1')],
    ['DeactivateShop', deactivateShop],
    ['ReactivateShop', reactivateShop],
    ['ForgetPersonalData', forgetPersonalData],
    ['EnforceUnlink', enforceUnlink('acc-1')],
    ['RestrictShop', restrictShop()],
    ['LiftShopRestriction', liftRestriction()],
    ['CloseShop', closeShop()],
    ['OpenAfterSalesCase', openCase('case-1', 'refund')],
    ['SettleAfterSalesCase', settleCase('case-1')],
  ];

  it.each(commands)('%s is refused with SHOP_NOT_FOUND', (_name, command) => {
    const violation = given().when(command).thenThrows('SHOP_NOT_FOUND');
    expect(violation.kind).toBe('not_found');
  });

  it.each(commands)('%s is SHOP_NOT_FOUND whoever sends it (system actor)', (_name, command) => {
    given().when(command, { actor: KYB }).thenThrows('SHOP_NOT_FOUND');
  });

  it('covers every command type except RegisterShop', () => {
    const covered = new Set(commands.map(([, c]) => c.type));
    const all = Object.keys(SHOP_ACCESS_TABLE).filter((type) => type !== 'RegisterShop');
    expect([...covered].sort()).toEqual(all.sort());
  });
});
