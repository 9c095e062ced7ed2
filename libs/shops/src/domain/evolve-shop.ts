import { ShopEvent } from './shop.events';
import { initialShopState, RegisteredShop, ShopLink, ShopState } from './shop.state';

/** The shop after one more event. Pure: replaying the same events always gives the same state. */
export function evolveShop(state: ShopState, event: ShopEvent): ShopState {
  if (event.type === 'ShopRegistered' && !state.registered) {
    const d = event.data;
    return {
      registered: true,
      shopId: d.shopId,
      name: d.name,
      region: d.region,
      currency: d.currency,
      kind: d.kind,
      stage: 'probation',
      status: 'active',
      verification: 'unverified',
      ownerMemberId: d.ownerMemberId,
      members: { [d.ownerMemberId]: 'admin' },
      links: {},
    };
  }
  // Every other event belongs to a registered shop; one arriving first would be a corrupt stream.
  if (!state.registered) return state;
  return evolveRegistered(state, event);
}

function evolveRegistered(shop: RegisteredShop, event: ShopEvent): RegisteredShop {
  switch (event.type) {
    case 'ShopRegistered':
      return shop;
    case 'BusinessVerificationSubmitted':
      return { ...shop, verification: 'pending' };
    case 'BusinessVerified':
      return { ...shop, verification: 'verified' };
    case 'BusinessVerificationRejected':
      return { ...shop, verification: 'rejected' };
    case 'AccessGranted':
      return { ...shop, members: { ...shop.members, [event.data.memberId]: event.data.role } };
    case 'AccessRevoked':
      return { ...shop, members: without(shop.members, event.data.memberId) };
    case 'ShopGraduatedFromProbation':
      return { ...shop, stage: 'graduated' };
    case 'AccountLinkRequested': {
      const d = event.data;
      const link: ShopLink = {
        accountId: d.accountId,
        handle: d.profile.handle,
        role: d.role,
        state: 'awaiting_authorization',
        requestedAt: d.requestedAt,
        authorizationExpiresAt: d.authorizationExpiresAt,
        linkedAt: null,
      };
      return { ...shop, links: { ...shop.links, [d.accountId]: link } };
    }
    case 'AccountLinkRejected':
    case 'AccountLinkAuthorized':
      return shop;
    case 'AccountLinked': {
      const d = event.data;
      const previous = shop.links[d.accountId];
      const link: ShopLink = {
        accountId: d.accountId,
        handle: d.handle,
        role: d.role,
        state: 'linked',
        requestedAt: previous?.requestedAt ?? d.linkedAt,
        authorizationExpiresAt: previous?.authorizationExpiresAt ?? d.linkedAt,
        linkedAt: d.linkedAt,
      };
      return { ...shop, links: { ...shop.links, [d.accountId]: link } };
    }
    case 'LinkAuthorizationDenied':
    case 'LinkAuthorizationExpired':
      return { ...shop, links: without(shop.links, event.data.accountId) };
    default:
      return assertNever(event);
  }
}

function without<V>(record: Readonly<Record<string, V>>, key: string): Record<string, V> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

function assertNever(value: never): never {
  throw new Error(`Unhandled event ${JSON.stringify(value)}`);
}

export const foldShop = (events: readonly ShopEvent[]): ShopState => events.reduce(evolveShop, initialShopState);
