import { SupersedeLinkRequest } from '../domain/shop.commands';
import { ShopEvent } from '../domain/shop.events';

/**
 * When an account becomes linked to one shop, every other shop's pending request for it is closed
 * at once (LinkRequestSuperseded), so no loser of a race waits 48 hours or stays blocked (one
 * official account, the marketing limit). The requests live on other shops' streams than the link,
 * and no transaction spans streams, so this process manager keeps them in step:
 *
 *   AccountLinked at shop A     → SupersedeLinkRequest at every other shop with a pending request
 *   AccountLinkRequested at B   → (B's request decided before A's link was seen) the same, once A holds the account
 *
 * `evolve` folds what the shops' streams say of one account (its pending requests, the shop it is
 * linked to); `decide` names the requests left to close. Each step's command id derives from the
 * request it closes (shop, account, requestedAt), so a step sent twice (a retry, a restart after
 * kill -9) is recognised by the command path and closes the request exactly once. Pure: the runner
 * (`supersedeLinkRequests`, after each link and on start) sends the steps through the one command path.
 */

export interface PendingLinkRequest {
  readonly shopId: string;
  readonly requestedAt: string;
}

export interface LinkSupersessionState {
  readonly accountId: string;
  /** The shop holding the account (AccountLinked, not yet AccountUnlinked), if any. */
  readonly linkedShopId: string | null;
  /** Requests awaiting their owner's answer, one per shop. */
  readonly pending: readonly PendingLinkRequest[];
}

export const initialLinkSupersession = (accountId: string): LinkSupersessionState => ({ accountId, linkedShopId: null, pending: [] });

/** A shop command to send to `shopId`, under a command id derived from the request it closes. */
export interface LinkSupersessionStep {
  readonly shopId: string;
  readonly commandId: string;
  readonly command: SupersedeLinkRequest;
}

/** The requests left to close: every pending one of another shop than the one holding the account. */
export function decideLinkSupersessionSteps(state: LinkSupersessionState): LinkSupersessionStep[] {
  const holder = state.linkedShopId;
  if (holder === null) return [];
  return state.pending
    .filter((request) => request.shopId !== holder)
    .map((request) => ({
      shopId: request.shopId,
      commandId: `supersede:${request.shopId}:${state.accountId}:${request.requestedAt}`,
      command: { type: 'SupersedeLinkRequest', data: { accountId: state.accountId, requestedAt: request.requestedAt } },
    }));
}

/** Folds one shop event about the account. */
export function evolveLinkSupersession(state: LinkSupersessionState, event: ShopEvent): LinkSupersessionState {
  switch (event.type) {
    case 'AccountLinkRequested': {
      const { shopId, requestedAt } = event.data;
      return { ...state, pending: [...withoutShop(state.pending, shopId), { shopId, requestedAt }] };
    }
    case 'AccountLinked':
      return { ...state, linkedShopId: event.data.shopId, pending: withoutShop(state.pending, event.data.shopId) };
    case 'AccountUnlinked':
      return state.linkedShopId === event.data.shopId ? { ...state, linkedShopId: null } : state;
    case 'LinkAuthorizationDenied':
    case 'LinkAuthorizationExpired':
    case 'LinkRequestCancelled':
    case 'LinkRequestSuperseded':
      return { ...state, pending: withoutShop(state.pending, event.data.shopId) };
    default:
      return state;
  }
}

/** True while a request is left to close. */
export const isLinkSupersessionOpen = (state: LinkSupersessionState): boolean => decideLinkSupersessionSteps(state).length > 0;

/** The event types `evolveLinkSupersession` reads. */
export const LINK_SUPERSESSION_EVENT_TYPES = [
  'AccountLinkRequested',
  'AccountLinked',
  'AccountUnlinked',
  'LinkAuthorizationDenied',
  'LinkAuthorizationExpired',
  'LinkRequestCancelled',
  'LinkRequestSuperseded',
] as const;

const withoutShop = (pending: readonly PendingLinkRequest[], shopId: string): PendingLinkRequest[] =>
  pending.filter((request) => request.shopId !== shopId);
