import { businessRegistrationStreamId } from './business-registration.events';
import { BusinessRegistrationState, evolveBusinessRegistration, initialBusinessRegistration } from './business-registration.state';
import { BusinessAlreadyRegistered, decideBusinessRegistrationClaim, HolderStanding } from './decide-business-registration-claim';

const NOW = new Date('2025-03-01T10:00:00.000Z');
const request = (shopId: string) => ({ region: 'GB', registrationNumber: 'SC 123-456', shopId });
const heldBy = (shopId: string): BusinessRegistrationState =>
  evolveBusinessRegistration(initialBusinessRegistration, {
    type: 'BusinessRegistrationClaimed',
    data: { region: 'GB', registrationNumber: 'SC123456', shopId, claimedAt: '2025-03-01T09:00:00.000Z' },
  });
const ctx = (holder: HolderStanding, withinGrace = false) => ({ now: NOW, holder, withinGrace });

describe('the business registration claim', () => {
  it('a first registration claims the business in its market', () => {
    expect(decideBusinessRegistrationClaim(initialBusinessRegistration, request('shop-a'), ctx('not_registered'))).toEqual([
      {
        type: 'BusinessRegistrationClaimed',
        data: { region: 'GB', registrationNumber: 'SC 123-456', shopId: 'shop-a', claimedAt: NOW.toISOString() },
      },
    ]);
  });

  it('the same shop again (a retried registration) keeps its claim and appends nothing', () => {
    expect(decideBusinessRegistrationClaim(heldBy('shop-a'), request('shop-a'), ctx('not_registered', true))).toEqual([]);
  });

  it('another shop of a business already registered there is refused, and told when that shop is closed for good', () => {
    const open = () => decideBusinessRegistrationClaim(heldBy('shop-a'), request('shop-b'), ctx('registered'));
    expect(open).toThrow(BusinessAlreadyRegistered);
    expect(open).toThrow('already has shop shop-a in GB');
    let closed: unknown;
    try {
      decideBusinessRegistrationClaim(heldBy('shop-a'), request('shop-b'), ctx('closed'));
    } catch (error) {
      closed = error;
    }
    expect(closed).toBeInstanceOf(BusinessAlreadyRegistered);
    expect((closed as BusinessAlreadyRegistered).holderClosed).toBe(true);
  });

  it('a claim whose shop may still record its registration (within the grace period) holds', () => {
    expect(() => decideBusinessRegistrationClaim(heldBy('shop-a'), request('shop-b'), ctx('not_registered', true))).toThrow(
      BusinessAlreadyRegistered,
    );
  });

  it('a claim whose shop never recorded its registration (a crash) is released as abandoned once the grace has passed', () => {
    const events = decideBusinessRegistrationClaim(heldBy('shop-a'), request('shop-b'), ctx('not_registered'));
    expect(events.map((e) => e.type)).toEqual(['BusinessRegistrationReleased', 'BusinessRegistrationClaimed']);
    expect(events[0].data).toMatchObject({ shopId: 'shop-a', reason: 'abandoned' });
    expect(events.reduce(evolveBusinessRegistration, heldBy('shop-a')).current?.shopId).toBe('shop-b');
  });

  it('one business is one stream per market, whatever the spelling of its number', () => {
    expect(businessRegistrationStreamId('GB', 'sc 123-456')).toBe(businessRegistrationStreamId('GB', 'SC123456'));
    expect(businessRegistrationStreamId('DE', 'SC123456')).not.toBe(businessRegistrationStreamId('GB', 'SC123456'));
  });
});
