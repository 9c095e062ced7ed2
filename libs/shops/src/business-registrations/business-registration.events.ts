/**
 * Events of a business registration's own stream in one market (`business-<region>-<number>`).
 * A rule needs this second stream: the same business may not register a shop again in a market,
 * however many registrations race. Appending the claim here with the expected revision, before
 * the shop's ShopRegistered, is what makes exactly one of them win, on any store.
 */
export interface BusinessRegistrationClaimed {
  readonly type: 'BusinessRegistrationClaimed';
  readonly data: {
    readonly region: string;
    /** As the registering shop gave it; the stream id holds its normalised form. */
    readonly registrationNumber: string;
    readonly shopId: string;
    readonly claimedAt: string;
  };
}

/** A claim whose shop never recorded its registration (a crash, a refused append), released when another shop claims. */
export interface BusinessRegistrationReleased {
  readonly type: 'BusinessRegistrationReleased';
  readonly data: {
    readonly region: string;
    readonly registrationNumber: string;
    readonly shopId: string;
    readonly reason: 'abandoned';
    readonly releasedAt: string;
  };
}

export type BusinessRegistrationEvent = BusinessRegistrationClaimed | BusinessRegistrationReleased;

export const BUSINESS_REGISTRATION_EVENT_TYPES: readonly BusinessRegistrationEvent['type'][] = [
  'BusinessRegistrationClaimed',
  'BusinessRegistrationReleased',
];

/** Registration numbers are compared without case, spaces and punctuation: "SC 123-456" and "sc123456" are one business. */
export const normalisedRegistrationNumber = (registrationNumber: string): string =>
  registrationNumber.toUpperCase().replace(/[^A-Z0-9]/g, '');

export const businessRegistrationStreamId = (region: string, registrationNumber: string): string =>
  `business-${region}-${normalisedRegistrationNumber(registrationNumber)}`;
