import { LinkRole, ShopKind, ShopStage } from './shop.events';

/**
 * TikTok Shop's published rules as numbers, so operators can change a number without
 * touching a decision. Defaults follow the product rules; where they name no number
 * (violations, scopes) the default is ours and documented in docs/domain-rules.md.
 */
export interface ShopPolicy {
  readonly marketingLimit: {
    readonly probation: Readonly<Record<ShopKind, number>>;
    readonly graduated: number;
  };
  readonly minOwnerAge: number;
  /** An account is eligible while its recent violations stay below this number. */
  readonly violationLimit: number;
  readonly minFollowers: Readonly<Record<LinkRole, number>>;
  readonly authorizationWindowHours: number;
  readonly requiredScopes: Readonly<Record<LinkRole, readonly string[]>>;
  /** A marketing account may be linked at most this many times across shops ... */
  readonly marketingLinksPerWindow: number;
  /** ... in any window of this many days. */
  readonly marketingLinkWindowDays: number;
  /** A one-time unlink confirmation code is valid this long ... */
  readonly unlinkCodeValidityMinutes: number;
  /** ... and this many wrong codes lock the request. */
  readonly unlinkMaxWrongCodes: number;
  /** No unlink (emergency excepted) sooner than this after linking. */
  readonly earliestUnlinkHours: number;
  /** Official-account unlinks a shop may make, ever (emergency and assisted counted). */
  readonly officialUnlinksEver: number;
  /** A shop may leave only this long after its last order was fulfilled or cancelled. */
  readonly deactivationCoolingDays: number;
  /** A sensitive step (see step-up.ts) needs a second factor used at most this long ago. */
  readonly stepUpWindowMinutes: number;
  /** A claim on an account not yet matched by a link on its shop is considered abandoned after this long. */
  readonly accountClaimGraceSeconds: number;
}

export const DEFAULT_SHOP_POLICY: ShopPolicy = {
  marketingLimit: { probation: { individual: 0, business: 1 }, graduated: 4 },
  minOwnerAge: 18,
  violationLimit: 3,
  // TikTok sets no follower minimum for accounts bound to a shop (official or marketing); 1,000 and
  // more is the affiliate-creator programme's rule, not ours. A market may still set one per role.
  minFollowers: { official: 0, marketing: 0 },
  authorizationWindowHours: 48,
  requiredScopes: {
    official: ['user.info.basic', 'video.list', 'live.room.manage', 'shop.showcase.manage'],
    marketing: ['user.info.basic', 'ads.manage'],
  },
  marketingLinksPerWindow: 10,
  marketingLinkWindowDays: 180,
  unlinkCodeValidityMinutes: 15,
  unlinkMaxWrongCodes: 5,
  earliestUnlinkHours: 24,
  officialUnlinksEver: 3,
  deactivationCoolingDays: 90,
  stepUpWindowMinutes: 5,
  accountClaimGraceSeconds: 60,
};

export function marketingLimitFor(policy: ShopPolicy, stage: ShopStage, kind: ShopKind): number {
  return stage === 'graduated' ? policy.marketingLimit.graduated : policy.marketingLimit.probation[kind];
}
