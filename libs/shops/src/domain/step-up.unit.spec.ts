import { ActorProof } from './actor-proof';
import { DEFAULT_SHOP_POLICY } from './shop-policy';
import {
  accessGranted,
  accountLinked,
  businessShop,
  daysBefore,
  fundsCredited,
  given,
  member,
  NOW,
  ORDER_SERVICE,
  requestLink,
  shopDeactivated,
  STEPPED_UP,
  SUPPORT_AGENT,
  verifiedShop,
} from './testing/shop.specification';

const proof = (o: Partial<ActorProof>): ActorProof => ({ ...STEPPED_UP, ...o });
const PASSWORD_ONLY = proof({ amr: ['pwd'], secondFactorAgeSeconds: null });
const WINDOW = DEFAULT_SHOP_POLICY.stepUpWindowMinutes * 60;
const linkedLongAgo = (accountId: string, role: 'official' | 'marketing') => accountLinked(accountId, role, { at: daysBefore(NOW, 30) });
const officialShop = [...businessShop(), ...linkedLongAgo('acc-off', 'official'), ...linkedLongAgo('acc-mkt', 'marketing')];

describe('step-up: sensitive steps need a second factor used within the window', () => {
  it('unlinking the official account with a password only is refused STEP_UP_REQUIRED (403, not the final answer), naming what is needed', () => {
    const violation = given(officialShop)
      .when(
        { type: 'RequestUnlink', data: { accountId: 'acc-off', reason: 'other', requestId: 'unl-1', codeHash: 'h', codeSalt: 's' } },
        {
          actorProof: PASSWORD_ONLY,
        },
      )
      .thenThrows('STEP_UP_REQUIRED', ['STEP_UP_REQUIRED']);
    expect(violation.kind).toBe('step_up');
    expect(violation.message).toBe(
      `unlinking the official account needs an actor assertion whose amr includes a second factor (otp, hwk, swk, sms…) used at most ${WINDOW} s ago; the assertion's methods (pwd) hold no second factor`,
    );
  });

  it('a second factor used exactly at the end of the window passes; a second later it is refused', () => {
    const unlink = {
      type: 'RequestUnlink',
      data: { accountId: 'acc-off', reason: 'other', requestId: 'unl-1', codeHash: 'h', codeSalt: 's' },
    } as const;
    given(officialShop)
      .when(unlink, { actorProof: proof({ secondFactorAgeSeconds: WINDOW }) })
      .decide();
    given(officialShop)
      .when(unlink, { actorProof: proof({ secondFactorAgeSeconds: WINDOW + 1 }) })
      .thenThrows('STEP_UP_REQUIRED');
  });

  it('without any assertion a person’s sensitive step is refused too', () => {
    given(verifiedShop(), fundsCredited('s-1', 1_000))
      .when({ type: 'RequestWithdrawal', data: { withdrawalId: 'w-1', amount: 100 } }, { actorProof: undefined })
      .thenThrows('STEP_UP_REQUIRED');
  });

  it.each<[string, object, object[]]>([
    [
      'switching the official account',
      { type: 'SwitchOfficialAccount', data: { ...requestLink('acc-new', 'official').data } },
      officialShop,
    ],
    [
      'withdrawing money',
      { type: 'RequestWithdrawal', data: { withdrawalId: 'w-1', amount: 100 } },
      [...verifiedShop(), fundsCredited('s-1', 1_000)],
    ],
    ['granting admin', { type: 'GrantAccess', data: { memberId: 'm-2', role: 'admin' } }, verifiedShop()],
    ['leaving TikTok Shop', { type: 'DeactivateShop', data: {} }, verifiedShop()],
  ])('%s is a sensitive step', (step, command, history) => {
    const violation = given(...(history as never[]))
      .when(command as never, { actorProof: PASSWORD_ONLY })
      .thenThrows('STEP_UP_REQUIRED');
    expect(violation.message.startsWith(step)).toBe(true);
  });

  it('erasure by a support agent is a sensitive step', () => {
    given(verifiedShop(), shopDeactivated())
      .when({ type: 'ForgetPersonalData', data: { ticketId: 'T-1' } }, { actor: SUPPORT_AGENT, actorProof: PASSWORD_ONLY })
      .thenThrows('STEP_UP_REQUIRED');
  });

  it('what is not sensitive needs no second factor: a marketing unlink, granting a viewer, a link request', () => {
    given(officialShop)
      .when(
        { type: 'RequestUnlink', data: { accountId: 'acc-mkt', reason: 'other', requestId: 'unl-2', codeHash: 'h', codeSalt: 's' } },
        {
          actorProof: PASSWORD_ONLY,
        },
      )
      .decide();
    given(verifiedShop())
      .when({ type: 'GrantAccess', data: { memberId: 'm-2', role: 'viewer' } }, { actorProof: PASSWORD_ONLY })
      .decide();
    given(businessShop()).when(requestLink('acc-1', 'marketing'), { actorProof: PASSWORD_ONLY }).decide();
  });

  it('services acting on their own authority bring no assertion: the step-up is for people', () => {
    given(verifiedShop(), accessGranted('m-op', 'operator'))
      .when({ type: 'PlaceOrder', data: { orderId: 'o-1', amount: 100 } }, { actor: ORDER_SERVICE, actorProof: undefined })
      .decide();
    given(officialShop)
      .when(
        { type: 'EmergencyUnlink', data: { accountId: 'acc-off', incidentId: 'inc-1', description: 'breach' } },
        {
          actor: { kind: 'system', id: 'security' },
          actorProof: undefined,
        },
      )
      .decide();
  });

  it('a member’s refusal for their role comes first: the step-up is asked only of who may take the step', () => {
    given(verifiedShop(), accessGranted('m-view', 'viewer'))
      .when({ type: 'DeactivateShop', data: {} }, { actor: member('m-view'), actorProof: PASSWORD_ONLY })
      .thenThrows('FORBIDDEN_ROLE');
  });
});
