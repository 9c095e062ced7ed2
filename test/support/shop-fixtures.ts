/** Request bodies the scenarios share; each test states only what differs. */
export const registerShopBody = (shopId: string, overrides: Record<string, unknown> = {}) => ({
  shopId,
  name: `Shop ${shopId}`,
  region: 'GB',
  currency: 'GBP',
  kind: 'business',
  ownerMemberId: 'm-owner',
  ...overrides,
});

export const profile = (handle: string, overrides: Record<string, unknown> = {}) => ({
  handle,
  kind: 'business',
  followers: 5000,
  ownerAge: 30,
  region: 'GB',
  ecommercePermissionRevoked: false,
  activeGuidelineRestriction: false,
  recentViolations: 0,
  ...overrides,
});

export const OFFICIAL_SCOPES = ['user.info.basic', 'video.list', 'live.room.manage', 'shop.showcase.manage'];
export const MARKETING_SCOPES = ['user.info.basic', 'ads.manage'];

export const linkBody = (accountId: string, role: 'official' | 'marketing', profileOverrides: Record<string, unknown> = {}) => ({
  accountId,
  role,
  profile: profile(accountId.replace(/[^A-Za-z0-9._]/g, '_'), profileOverrides),
  requestedScopes: role === 'official' ? OFFICIAL_SCOPES : MARKETING_SCOPES,
});
