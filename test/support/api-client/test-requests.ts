import { randomUUID } from 'node:crypto';
import { steppedUpAssertionFor } from '../service-tokens';
import { MARKETING_SCOPES, OFFICIAL_SCOPES, profile, registerShopBody } from '../shop-fixtures';
import type { components } from './schema';

type Schemas = components['schemas'];

/** The headers every command carries, typed as the document declares them. */
export interface CommandHeaders {
  'Idempotency-Key': string;
  'X-Actor': string;
  'X-Actor-Assertion'?: string;
}

/**
 * A command's headers as ShoplinkTestApp.command sends them: a fresh Idempotency-Key, the actor
 * (default the owner member m-owner) and, for a member or support actor, an assertion signed with
 * the test secret with a second factor just used (enough for any sensitive step).
 */
export async function commandHeaders(actor = 'member:m-owner'): Promise<CommandHeaders> {
  const assertion = await steppedUpAssertionFor(actor);
  return { 'Idempotency-Key': randomUUID(), 'X-Actor': actor, ...(assertion === null ? {} : { 'X-Actor-Assertion': assertion }) };
}

/** The bodies of test/support/shop-fixtures.ts, typed by the document's schemas. */
export const registerShopRequest = (shopId: string): Schemas['RegisterShopRequest'] =>
  registerShopBody(shopId) as Schemas['RegisterShopRequest'];

export const accountProfile = (
  handle: string,
  overrides: Partial<Schemas['AccountProfileRequest']> = {},
): Schemas['AccountProfileRequest'] => profile(handle, overrides) as Schemas['AccountProfileRequest'];

export const requestLinkRequest = (
  accountId: string,
  role: 'official' | 'marketing',
  profileOverrides: Partial<Schemas['AccountProfileRequest']> = {},
): Schemas['RequestLinkRequest'] => ({
  accountId,
  role,
  profile: accountProfile(accountId.replace(/[^A-Za-z0-9._]/g, '_'), profileOverrides),
  requestedScopes: role === 'official' ? OFFICIAL_SCOPES : MARKETING_SCOPES,
});
