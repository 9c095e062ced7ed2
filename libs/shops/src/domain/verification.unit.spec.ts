import { RecordVerificationDecision, SubmitBusinessVerification } from './shop.commands';
import { ShopEvent } from './shop.events';
import {
  given,
  graduatedShop,
  hoursAfter,
  iso,
  KYB,
  ONBOARDING,
  NOW,
  registeredShop,
  SHOP_ID,
  verificationSubmitted,
  verifiedShop,
} from './testing/shop.specification';

const submit = (documents: readonly string[] = ['doc-registration', 'doc-id', 'doc-bank']): SubmitBusinessVerification => ({
  type: 'SubmitBusinessVerification',
  data: { documents },
});
const verify: RecordVerificationDecision = { type: 'RecordVerificationDecision', data: { outcome: 'verified', reasons: [] } };
const reject = (reasons: readonly string[]): RecordVerificationDecision => ({
  type: 'RecordVerificationDecision',
  data: { outcome: 'rejected', reasons },
});
const rejected = (reasons: readonly string[], at = hoursAfter(NOW, -2)): ShopEvent => ({
  type: 'BusinessVerificationRejected',
  data: { shopId: SHOP_ID, reasons, rejectedAt: iso(at) },
});

describe('business verification', () => {
  describe('SubmitBusinessVerification', () => {
    it('records the submitted documents of an unverified shop', () => {
      given(registeredShop())
        .when(submit())
        .then([
          {
            type: 'BusinessVerificationSubmitted',
            data: { shopId: SHOP_ID, documents: ['doc-registration', 'doc-id', 'doc-bank'], submittedAt: iso(NOW) },
          },
        ]);
    });

    it('is refused while a verification is already under review', () => {
      const violation = given(registeredShop(), verificationSubmitted())
        .when(submit())
        .thenThrows('VERIFICATION_ALREADY_PENDING', ['VERIFICATION_ALREADY_PENDING']);
      expect(violation.kind).toBe('rule');
    });

    it('is refused once the business is verified', () => {
      given(verifiedShop()).when(submit()).thenThrows('ALREADY_VERIFIED', ['ALREADY_VERIFIED']);
    });

    it('is refused for a graduated (verified) shop too', () => {
      given(graduatedShop()).when(submit()).thenThrows('ALREADY_VERIFIED');
    });

    it('may be resubmitted after a rejection', () => {
      given(registeredShop(), verificationSubmitted(), rejected(['blurry ID']))
        .when(submit(['doc-id-v2']))
        .then([{ type: 'BusinessVerificationSubmitted', data: { shopId: SHOP_ID, documents: ['doc-id-v2'], submittedAt: iso(NOW) } }]);
    });
  });

  describe('RecordVerificationDecision (KYB service)', () => {
    it('verifies a pending verification', () => {
      given(registeredShop(), verificationSubmitted())
        .when(verify, { actor: KYB })
        .then([{ type: 'BusinessVerified', data: { shopId: SHOP_ID, verifiedAt: iso(NOW) } }]);
    });

    it('rejects a pending verification with its reasons', () => {
      given(registeredShop(), verificationSubmitted())
        .when(reject(['bank account name mismatch', 'director ID expired']), { actor: KYB })
        .then([
          {
            type: 'BusinessVerificationRejected',
            data: { shopId: SHOP_ID, reasons: ['bank account name mismatch', 'director ID expired'], rejectedAt: iso(NOW) },
          },
        ]);
    });

    it('requires at least one reason for a rejection', () => {
      given(registeredShop(), verificationSubmitted())
        .when(reject([]), { actor: KYB })
        .thenThrows('REJECTION_REASONS_REQUIRED', ['REJECTION_REASONS_REQUIRED']);
    });

    it('ignores reasons passed with a positive decision', () => {
      given(registeredShop(), verificationSubmitted())
        .when({ type: 'RecordVerificationDecision', data: { outcome: 'verified', reasons: ['ignored'] } }, { actor: KYB })
        .then([{ type: 'BusinessVerified', data: { shopId: SHOP_ID, verifiedAt: iso(NOW) } }]);
    });

    it.each([
      ['unverified', registeredShop()],
      ['verified', verifiedShop()],
      ['rejected', [...registeredShop(), verificationSubmitted(), rejected(['blurry ID'])]],
    ])('is refused when no verification is pending (status %s)', (status, history) => {
      const violation = given(history).when(verify, { actor: KYB }).thenThrows('VERIFICATION_NOT_PENDING', ['VERIFICATION_NOT_PENDING']);
      expect(violation.message).toContain(status);
      given(history)
        .when(reject(['x']), { actor: KYB })
        .thenThrows('VERIFICATION_NOT_PENDING');
    });

    it('a rejected then resubmitted verification can be verified', () => {
      given(registeredShop(), verificationSubmitted(), rejected(['blurry ID']), verificationSubmitted(SHOP_ID, hoursAfter(NOW, -1)))
        .when(verify, { actor: KYB })
        .then([{ type: 'BusinessVerified', data: { shopId: SHOP_ID, verifiedAt: iso(NOW) } }]);
    });
  });
});

describe('GraduateFromProbation', () => {
  const graduate = { type: 'GraduateFromProbation', data: {} } as const;

  it('records that the shop left probation', () => {
    given(verifiedShop())
      .when(graduate, { actor: ONBOARDING })
      .then([{ type: 'ShopGraduatedFromProbation', data: { shopId: SHOP_ID, graduatedAt: iso(NOW) } }]);
  });

  it('does not depend on verification (the shop leaves probation when told so)', () => {
    given(registeredShop())
      .when(graduate, { actor: ONBOARDING })
      .then([{ type: 'ShopGraduatedFromProbation', data: { shopId: SHOP_ID, graduatedAt: iso(NOW) } }]);
  });

  it('is refused a second time', () => {
    const violation = given(graduatedShop()).when(graduate, { actor: ONBOARDING }).thenThrows('ALREADY_GRADUATED', ['ALREADY_GRADUATED']);
    expect(violation.kind).toBe('rule');
  });
});
