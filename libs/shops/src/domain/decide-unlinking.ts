import { addMinutes, hasEnded } from '@shoplink/time';
import { AccountStanding } from './account-standing';
import { linkRequestEvents } from './link-eligibility';
import { reportIncidentEvents } from './security-incident';
import { ShopDecisionContext } from './shop-decision-context';
import {
  AssistedUnlink,
  CancelUnlink,
  ConfirmUnlink,
  EmergencyUnlink,
  ExpireUnlinkRequest,
  RequestUnlink,
  SwitchOfficialAccount,
} from './shop.commands';
import { ShopEvent } from './shop.events';
import { RefusalDetail, ShopRuleViolation } from './shop-rule-violation';
import { activeCampaignsOf, OpenUnlinkRequest, RegisteredShop, ShopLink } from './shop.state';
import { unlinkBlockers } from './unlink-blockers';
import { unlinkEvents } from './unlink-events';
import { entryOf, withoutEntry } from './id-table';

export type UnlinkingCommand =
  RequestUnlink | ConfirmUnlink | CancelUnlink | ExpireUnlinkRequest | EmergencyUnlink | AssistedUnlink | SwitchOfficialAccount;

/**
 * Unlinking, in every form the product names: requested and confirmed with a one-time code,
 * cancelled or expired; an emergency unlink after a security breach (never blocked); an
 * assisted unlink by a support agent; and the switch of the official account. Called by
 * `decideShop` after the access check. Pure: clock, actor, policy and code verifier come
 * in through the context.
 */
export function decideUnlinking(shop: RegisteredShop, command: UnlinkingCommand, ctx: ShopDecisionContext): ShopEvent[] {
  switch (command.type) {
    case 'RequestUnlink':
      return requestUnlink(shop, command, ctx);
    case 'ConfirmUnlink':
      return confirmUnlink(shop, command, ctx);
    case 'CancelUnlink':
      return cancelUnlink(shop, command, ctx);
    case 'ExpireUnlinkRequest':
      return expireUnlinkRequest(shop, command, ctx);
    case 'EmergencyUnlink':
      return emergencyUnlink(shop, command, ctx);
    case 'AssistedUnlink':
      return assistedUnlink(shop, command, ctx);
    case 'SwitchOfficialAccount':
      return switchOfficialAccount(shop, command, ctx);
    default:
      return assertNever(command);
  }
}

function requestUnlink(shop: RegisteredShop, command: RequestUnlink, ctx: ShopDecisionContext): ShopEvent[] {
  const { accountId, reason, requestId, codeHash, codeSalt } = command.data;
  const link = linkedAccount(shop, accountId);
  const open = Object.values(shop.unlinkRequests).filter((r) => r.accountId === accountId);
  const live = open.find((r) => !isPastWindow(r, ctx.now));
  if (live !== undefined) {
    throw new ShopRuleViolation(
      'UNLINK_REQUEST_PENDING',
      'conflict',
      `An unlink request of account ${accountId} (${live.requestId}) awaits its confirmation code until ${live.expiresAt}; confirm or cancel it first`,
      [{ code: 'UNLINK_REQUEST_PENDING', message: `Request ${live.requestId} is open until ${live.expiresAt}` }],
    );
  }
  const taken = entryOf(shop.unlinkRequests, requestId);
  if (taken !== undefined && taken.accountId !== accountId) {
    throw new ShopRuleViolation(
      'UNLINK_REQUEST_ID_TAKEN',
      'conflict',
      `Unlink request id ${requestId} belongs to an open request of another account`,
      [{ code: 'UNLINK_REQUEST_ID_TAKEN', message: `Request ${requestId} is open for account ${taken.accountId}` }],
    );
  }
  const blockers = unlinkBlockers(shop, accountId, ctx.now, ctx.policy);
  if (blockers.length > 0) throw unlinkBlocked(link, blockers);
  // Requests whose window has passed no longer hold the account: their expiry is recorded first.
  const expired = open.map((r) => expiryOf(shop, r, ctx));
  const official = link.role === 'official';
  return [
    ...expired,
    {
      type: 'UnlinkRequested',
      data: {
        shopId: shop.shopId,
        accountId,
        role: link.role,
        requestId,
        reason,
        consequences: { showcaseRemoved: official, campaignsTerminated: activeCampaignsOf(shop, accountId), salesDataAccessLost: official },
        codeHash,
        codeSalt,
        requestedAt: iso(ctx),
        expiresAt: addMinutes(ctx.now, ctx.policy.unlinkCodeValidityMinutes).toISOString(),
      },
    },
  ];
}

function confirmUnlink(shop: RegisteredShop, command: ConfirmUnlink, ctx: ShopDecisionContext): ShopEvent[] {
  const { accountId, requestId, code } = command.data;
  const request = openRequest(shop, accountId, requestId);
  // A code arriving after the window is recorded as the expiry it discovers; the caller is told so.
  if (isPastWindow(request, ctx.now)) return [expiryOf(shop, request, ctx)];
  if (!requireCodes(ctx).matches(code, request.codeSalt, request.codeHash)) {
    const failedAttempts = request.failedAttempts + 1;
    const attemptsLeft = Math.max(ctx.policy.unlinkMaxWrongCodes - failedAttempts, 0);
    const at = iso(ctx);
    const failed: ShopEvent = {
      type: 'UnlinkConfirmationFailed',
      data: { shopId: shop.shopId, accountId, requestId, failedAttempts, attemptsLeft, failedAt: at },
    };
    if (attemptsLeft > 0) return [failed];
    return [failed, { type: 'UnlinkRequestLocked', data: { shopId: shop.shopId, accountId, requestId, lockedAt: at } }];
  }
  const link = linkedAccount(shop, accountId);
  // Blockers may have appeared since the request (a new order, a withdrawal): checked again.
  const blockers = unlinkBlockers(shop, accountId, ctx.now, ctx.policy);
  if (blockers.length > 0) throw unlinkBlocked(link, blockers);
  return unlinkEvents(shop, link, { reason: request.reason, mode: 'confirmed', requestId }, ctx.now);
}

function cancelUnlink(shop: RegisteredShop, command: CancelUnlink, ctx: ShopDecisionContext): ShopEvent[] {
  const request = openRequest(shop, command.data.accountId, command.data.requestId);
  // Past its window the request has already expired: that is what is recorded, and it is closed as asked.
  if (isPastWindow(request, ctx.now)) return [expiryOf(shop, request, ctx)];
  return [
    {
      type: 'UnlinkRequestCancelled',
      data: { shopId: shop.shopId, accountId: request.accountId, requestId: request.requestId, cancelledAt: iso(ctx) },
    },
  ];
}

function expireUnlinkRequest(shop: RegisteredShop, command: ExpireUnlinkRequest, ctx: ShopDecisionContext): ShopEvent[] {
  const request = openRequest(shop, command.data.accountId, command.data.requestId);
  if (!isPastWindow(request, ctx.now)) {
    const message = `Unlink request ${request.requestId} may be confirmed until ${request.expiresAt}`;
    throw new ShopRuleViolation('UNLINK_REQUEST_NOT_EXPIRED', 'rule', message, [{ code: 'UNLINK_REQUEST_NOT_EXPIRED', message }]);
  }
  return [expiryOf(shop, request, ctx)];
}

function emergencyUnlink(shop: RegisteredShop, command: EmergencyUnlink, ctx: ShopDecisionContext): ShopEvent[] {
  const { accountId, incidentId, description } = command.data;
  const link = linkedAccount(shop, accountId);
  // Never blocked, not even by the 24 h rule or the allowance of official unlinks (but counted in it).
  // An open unlink request of the account is superseded: AccountUnlinked closes it.
  return [
    ...reportIncidentEvents(shop, incidentId, description, ctx.now),
    ...unlinkEvents(shop, link, { reason: 'security_breach', mode: 'emergency', incidentId }, ctx.now),
  ];
}

function assistedUnlink(shop: RegisteredShop, command: AssistedUnlink, ctx: ShopDecisionContext): ShopEvent[] {
  const { accountId, reason, ticketId } = command.data;
  if (ctx.actor.kind !== 'support') {
    throw new ShopRuleViolation('FORBIDDEN_ROLE', 'forbidden', `${ctx.actor.kind}:${ctx.actor.id} may not AssistedUnlink`, [
      { code: 'FORBIDDEN_ROLE', message: 'AssistedUnlink is allowed to: support agents' },
    ]);
  }
  const link = linkedAccount(shop, accountId);
  const blockers = unlinkBlockers(shop, accountId, ctx.now, ctx.policy);
  if (blockers.length > 0) throw unlinkBlocked(link, blockers);
  return unlinkEvents(shop, link, { reason, mode: 'assisted', ticketId, agentId: ctx.actor.id }, ctx.now);
}

/**
 * One intent, two steps: the new official account is requested now, judged as if the old one
 * were already gone; the old one stays linked until the owner of the new one authorizes, and
 * is unlinked in that same decision (see answerLinkAuthorization). If the new account is
 * ineligible, or its authorization is denied or expires, the shop keeps its old official account.
 */
function switchOfficialAccount(shop: RegisteredShop, command: SwitchOfficialAccount, ctx: ShopDecisionContext): ShopEvent[] {
  const { accountId, profile, requestedScopes } = command.data;
  const official = Object.values(shop.links).find((l) => l.role === 'official' && l.state === 'linked');
  if (official === undefined) {
    const message = 'The shop has no linked official account to switch from; request a link instead';
    throw new ShopRuleViolation('NO_OFFICIAL_ACCOUNT', 'rule', message, [{ code: 'NO_OFFICIAL_ACCOUNT', message }]);
  }
  if (official.accountId === accountId) {
    const message = `Account ${accountId} already is the shop's official account`;
    throw new ShopRuleViolation('SAME_ACCOUNT', 'rule', message, [{ code: 'SAME_ACCOUNT', message }]);
  }
  const blockers = unlinkBlockers(shop, official.accountId, ctx.now, ctx.policy);
  if (blockers.length > 0) throw unlinkBlocked(official, blockers);
  const others = withoutEntry(shop.links, official.accountId);
  return linkRequestEvents(
    { ...shop, links: others },
    { accountId, role: 'official', profile, requestedScopes, replacesAccountId: official.accountId },
    requireAccount(ctx),
    ctx.policy,
    ctx.now,
  );
}

/** UNLINK_BLOCKED with every blocker in the details. */
export function unlinkBlocked(link: ShopLink, blockers: readonly RefusalDetail[]): ShopRuleViolation {
  const which = link.role === 'official' ? 'the official account' : 'marketing account';
  return new ShopRuleViolation(
    'UNLINK_BLOCKED',
    'rule',
    `${capitalize(which)} ${link.handle} (${link.accountId}) cannot be unlinked now: ${blockers.map((b) => b.code).join(', ')}`,
    blockers,
  );
}

function linkedAccount(shop: RegisteredShop, accountId: string): ShopLink {
  const link = entryOf(shop.links, accountId);
  if (link === undefined || link.state !== 'linked') {
    const pending = link !== undefined ? ' (its link still awaits authorization)' : '';
    throw new ShopRuleViolation('LINK_NOT_FOUND', 'not_found', `Account ${accountId} is not linked to this shop${pending}`);
  }
  return link;
}

/**
 * An open unlink request of this account. A locked one is refused as locked whatever code is sent, so
 * the caller learns to request a new unlink; cancelled, expired, confirmed and unknown ones are not found alike.
 */
function openRequest(shop: RegisteredShop, accountId: string, requestId: string): OpenUnlinkRequest {
  if (entryOf(shop.lockedUnlinkRequests, requestId) === accountId) {
    const message = `Unlink request ${requestId} is locked after too many wrong codes; request a new unlink to get a new code`;
    throw new ShopRuleViolation('UNLINK_REQUEST_LOCKED', 'rule', message, [{ code: 'UNLINK_REQUEST_LOCKED', message }]);
  }
  const request = entryOf(shop.unlinkRequests, requestId);
  if (request === undefined || request.accountId !== accountId) {
    throw new ShopRuleViolation('UNLINK_REQUEST_NOT_FOUND', 'not_found', `No open unlink request ${requestId} of account ${accountId}`);
  }
  return request;
}

/** At exactly `expiresAt` the code is no longer accepted. */
const isPastWindow = (request: OpenUnlinkRequest, now: Date): boolean => hasEnded(request.expiresAt, now);

function expiryOf(shop: RegisteredShop, request: OpenUnlinkRequest, ctx: ShopDecisionContext): ShopEvent {
  return {
    type: 'UnlinkRequestExpired',
    data: { shopId: shop.shopId, accountId: request.accountId, requestId: request.requestId, expiredAt: iso(ctx) },
  };
}

function requireCodes(ctx: ShopDecisionContext): NonNullable<ShopDecisionContext['codes']> {
  if (ctx.codes === undefined) throw new Error('ConfirmUnlink is decided with an unlink code verifier in the context');
  return ctx.codes;
}

function requireAccount(ctx: ShopDecisionContext): AccountStanding {
  if (ctx.account === undefined) throw new Error('Link commands are decided with the account standing in the context');
  return ctx.account;
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const iso = (ctx: ShopDecisionContext): string => ctx.now.toISOString();

function assertNever(value: never): never {
  throw new Error(`Unhandled command ${JSON.stringify(value)}`);
}
