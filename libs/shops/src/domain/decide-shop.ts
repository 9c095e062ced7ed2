import { AccountStanding } from './account-standing';
import { failedRulesAtGrant, linkRequestEvents, staleLinkRequest } from './link-eligibility';
import { supersededRequest, supersedeLinkRequest } from './link-supersession';
import { decideUnlinking, unlinkBlocked } from './decide-unlinking';
import { unlinkBlockers } from './unlink-blockers';
import { unlinkEvents } from './unlink-events';
import { decideOperations } from './decide-operations';
import { ShopDecisionContext } from './shop-decision-context';
import {
  AnswerLinkAuthorization,
  CancelLinkRequest,
  ExpireLinkAuthorization,
  GrantAccess,
  RecordVerificationDecision,
  RegisterShop,
  RequestLink,
  RevokeAccess,
  ShopCommand,
  SubmitBusinessVerification,
} from './shop.commands';
import { ShopEvent } from './shop.events';
import { assertActorMayDecide } from './shop-access.policy';
import { assertSteppedUp } from './step-up';
import { decideEnforcement } from './decide-enforcement';
import { assertNotClosed, decideShopClosure } from './decide-shop-closure';
import { assertNotRestricted } from './shop-restrictions';
import { decideAfterSales } from './decide-after-sales';
import { ShopRuleViolation, shopNotFound } from './shop-rule-violation';
import { RegisteredShop, ShopLink, ShopState } from './shop.state';
import { entryOf, hasEntry } from './id-table';

/**
 * The one place a shop command is decided: the events it produces, or a ShopRuleViolation
 * when it is refused (then nothing is appended). Pure: the clock, the actor and the policy
 * come in through the context.
 */
export function decideShop(state: ShopState, command: ShopCommand, ctx: ShopDecisionContext): ShopEvent[] {
  if (command.type === 'RegisterShop') return registerShop(state, command, ctx);
  if (!state.registered) throw shopNotFound();
  assertActorMayDecide(state, command, ctx.actor);
  assertSteppedUp(state, command, ctx.actor, ctx.actorProof, ctx.policy);
  assertNotClosed(state, command);
  assertNotRestricted(state, command);
  switch (command.type) {
    case 'SubmitBusinessVerification':
      return submitVerification(state, command, ctx);
    case 'RecordVerificationDecision':
      return recordVerificationDecision(state, command, ctx);
    case 'GrantAccess':
      return grantAccess(state, command, ctx);
    case 'RevokeAccess':
      return revokeAccess(state, command, ctx);
    case 'GraduateFromProbation':
      if (state.stage === 'graduated') throw rule('ALREADY_GRADUATED', 'The shop has already left probation');
      return [{ type: 'ShopGraduatedFromProbation', data: { shopId: state.shopId, graduatedAt: iso(ctx) } }];
    case 'RequestLink':
      return requestLink(state, command, ctx);
    case 'AnswerLinkAuthorization':
      return answerLinkAuthorization(state, command, ctx);
    case 'ExpireLinkAuthorization':
      return expireLinkAuthorization(state, command, ctx);
    case 'CancelLinkRequest':
      return cancelLinkRequest(state, command, ctx);
    case 'SupersedeLinkRequest':
      return supersedeLinkRequest(state, command.data.accountId, command.data.requestedAt, requireAccount(ctx), ctx.now);
    case 'RequestUnlink':
    case 'ConfirmUnlink':
    case 'CancelUnlink':
    case 'ExpireUnlinkRequest':
    case 'EmergencyUnlink':
    case 'AssistedUnlink':
    case 'SwitchOfficialAccount':
      return decideUnlinking(state, command, ctx);
    case 'PlaceOrder':
    case 'FulfilOrder':
    case 'CancelOrder':
    case 'CreditFunds':
    case 'RequestWithdrawal':
    case 'CompleteWithdrawal':
    case 'FailWithdrawal':
    case 'StartCampaign':
    case 'EndCampaign':
    case 'ReportSecurityIncident':
    case 'ResolveSecurityIncident':
    case 'DeactivateShop':
    case 'ReactivateShop':
    case 'ForgetPersonalData':
      return decideOperations(state, command, ctx);
    case 'EnforceUnlink':
    case 'RestrictShop':
    case 'LiftShopRestriction':
      return decideEnforcement(state, command, ctx);
    case 'CloseShop':
      return decideShopClosure(state, command, ctx);
    case 'OpenAfterSalesCase':
    case 'SettleAfterSalesCase':
      return decideAfterSales(state, command, ctx);
    default:
      return assertNever(command);
  }
}

function registerShop(state: ShopState, command: RegisterShop, ctx: ShopDecisionContext): ShopEvent[] {
  if (state.registered) throw new ShopRuleViolation('SHOP_ALREADY_REGISTERED', 'conflict', 'A shop with this id is already registered');
  assertActorMayDecide(state, command, ctx.actor);
  assertSupportedMarket(command, ctx);
  const { registrationNumber, ...data } = command.data;
  return [{ type: 'ShopRegistered', data: { ...data, registrationNumber: registrationNumber ?? null, registeredAt: iso(ctx) } }];
}

/**
 * A shop is registered only in a market of the policy in force, in that market's currency
 * (MARKET_NOT_SUPPORTED, 422, naming the region or the currency). The edge has already refused
 * codes that are not ISO codes at all; this is the policy's list, which changes with it.
 */
function assertSupportedMarket(command: RegisterShop, ctx: ShopDecisionContext): void {
  const markets = ctx.supportedMarkets;
  if (markets === undefined) throw new Error('RegisterShop is decided with the supported markets in the context');
  const { region, currency } = command.data;
  const expected = Object.hasOwn(markets, region) ? markets[region] : undefined;
  const listed = Object.keys(markets).sort().join(', ');
  if (expected === undefined) {
    const message = `Region ${region} is not a supported market; the policy in force supports ${listed}`;
    throw new ShopRuleViolation('MARKET_NOT_SUPPORTED', 'rule', message, [{ code: 'REGION_NOT_SUPPORTED', message }]);
  }
  if (currency !== expected) {
    const message = `Shops in ${region} trade in ${expected}, not ${currency}`;
    throw new ShopRuleViolation('MARKET_NOT_SUPPORTED', 'rule', message, [{ code: 'CURRENCY_NOT_OF_MARKET', message }]);
  }
}

function submitVerification(shop: RegisteredShop, command: SubmitBusinessVerification, ctx: ShopDecisionContext): ShopEvent[] {
  if (shop.verification === 'pending') throw rule('VERIFICATION_ALREADY_PENDING', 'A verification is already under review');
  if (shop.verification === 'verified') throw rule('ALREADY_VERIFIED', 'The business is already verified');
  return [
    { type: 'BusinessVerificationSubmitted', data: { shopId: shop.shopId, documents: command.data.documents, submittedAt: iso(ctx) } },
  ];
}

function recordVerificationDecision(shop: RegisteredShop, command: RecordVerificationDecision, ctx: ShopDecisionContext): ShopEvent[] {
  if (shop.verification !== 'pending')
    throw rule('VERIFICATION_NOT_PENDING', `No verification is under review (status ${shop.verification})`);
  if (command.data.outcome === 'verified') {
    return [{ type: 'BusinessVerified', data: { shopId: shop.shopId, verifiedAt: iso(ctx) } }];
  }
  if (command.data.reasons.length === 0) throw rule('REJECTION_REASONS_REQUIRED', 'A rejection names at least one reason');
  return [{ type: 'BusinessVerificationRejected', data: { shopId: shop.shopId, reasons: command.data.reasons, rejectedAt: iso(ctx) } }];
}

function grantAccess(shop: RegisteredShop, command: GrantAccess, ctx: ShopDecisionContext): ShopEvent[] {
  const { memberId, role } = command.data;
  if (memberId === shop.ownerMemberId) throw rule('OWNER_ROLE_FIXED', 'The owner is admin from registration and stays admin');
  if (entryOf(shop.members, memberId) === role) throw rule('ACCESS_ALREADY_GRANTED', `Member ${memberId} already has role ${role}`);
  return [{ type: 'AccessGranted', data: { shopId: shop.shopId, memberId, role, grantedAt: iso(ctx) } }];
}

function revokeAccess(shop: RegisteredShop, command: RevokeAccess, ctx: ShopDecisionContext): ShopEvent[] {
  const { memberId } = command.data;
  if (memberId === shop.ownerMemberId) throw rule('OWNER_ROLE_FIXED', "The owner's access cannot be revoked");
  if (!hasEntry(shop.members, memberId)) throw new ShopRuleViolation('MEMBER_NOT_FOUND', 'not_found', `Member ${memberId} has no access`);
  return [{ type: 'AccessRevoked', data: { shopId: shop.shopId, memberId, revokedAt: iso(ctx) } }];
}

function requestLink(shop: RegisteredShop, command: RequestLink, ctx: ShopDecisionContext): ShopEvent[] {
  // A request whose authorization window has passed no longer holds its slot: its expiry is recorded first.
  return linkRequestEvents(shop, command.data, requireAccount(ctx), ctx.policy, ctx.now);
}

function answerLinkAuthorization(shop: RegisteredShop, command: AnswerLinkAuthorization, ctx: ShopDecisionContext): ShopEvent[] {
  const { accountId, decision, grantedScopes } = command.data;
  const link = pendingLink(shop, accountId);
  // A late answer is recorded as the expiry it discovers; the caller is told the window closed.
  if (staleLinkRequest(link, ctx.now)) return [expiryOf(shop, link, ctx)];
  const required = ctx.policy.requiredScopes[link.role];
  const missing = decision === 'denied' ? [...required] : required.filter((scope) => !grantedScopes.includes(scope));
  if (decision === 'denied' || missing.length > 0) {
    return [
      {
        type: 'LinkAuthorizationDenied',
        data: {
          shopId: shop.shopId,
          accountId,
          role: link.role,
          reason: decision === 'denied' ? 'OWNER_DENIED' : 'MISSING_SCOPES',
          grantedScopes: decision === 'denied' ? [] : grantedScopes,
          missingScopes: missing,
          deniedAt: iso(ctx),
        },
      },
    ];
  }
  // Another shop linked the account while this request waited: the request can never link, so it
  // is closed as superseded (the caller is told ACCOUNT_LINKED_ELSEWHERE) and the shop is free at once.
  const superseded = supersededRequest(shop, accountId, requireAccount(ctx), ctx.now);
  if (superseded.length > 0) return superseded;
  // The account's standing may have changed in the 48 hours the request waited: judged again, against
  // the profile the grant carries. Ineligible now, the request is closed (recorded) and the grant refused.
  const failed = failedRulesAtGrant(shop, link, command.data.profile, requireAccount(ctx), ctx.policy, ctx.now);
  if (failed.length > 0) {
    return [
      {
        type: 'LinkAuthorizationDenied',
        data: {
          shopId: shop.shopId,
          accountId,
          role: link.role,
          reason: 'ACCOUNT_INELIGIBLE',
          grantedScopes,
          missingScopes: [],
          failedRules: failed.map((rule) => rule.code),
          deniedAt: iso(ctx),
        },
      },
    ];
  }
  // A switch of the official account: the old one goes as the new one comes, in one decision,
  // unless unlink blockers appeared meanwhile (then the request stays pending). If the old one
  // was unlinked meanwhile (an emergency), the new one is simply linked.
  const replaced = link.replacesAccountId !== null ? entryOf(shop.links, link.replacesAccountId) : undefined;
  const replacing = replaced !== undefined && replaced.state === 'linked' ? replaced : null;
  if (replacing !== null) {
    const blockers = unlinkBlockers(shop, replacing.accountId, ctx.now, ctx.policy);
    if (blockers.length > 0) throw unlinkBlocked(replacing, blockers);
  }
  const at = iso(ctx);
  return [
    { type: 'AccountLinkAuthorized', data: { shopId: shop.shopId, accountId, role: link.role, grantedScopes, authorizedAt: at } },
    ...(replacing !== null ? unlinkEvents(shop, replacing, { reason: 'switching_accounts', mode: 'switch' }, ctx.now) : []),
    {
      type: 'AccountLinked',
      data: { shopId: shop.shopId, accountId, handle: link.handle, role: link.role, scopes: grantedScopes, linkedAt: at },
    },
  ];
}

function expireLinkAuthorization(shop: RegisteredShop, command: ExpireLinkAuthorization, ctx: ShopDecisionContext): ShopEvent[] {
  const link = pendingLink(shop, command.data.accountId);
  if (!staleLinkRequest(link, ctx.now))
    throw rule('AUTHORIZATION_NOT_EXPIRED', `The authorization window runs until ${link.authorizationExpiresAt}`);
  return [expiryOf(shop, link, ctx)];
}

/** Any request still awaiting its owner can be withdrawn, a switch's too (the official account then stays). */
function cancelLinkRequest(shop: RegisteredShop, command: CancelLinkRequest, ctx: ShopDecisionContext): ShopEvent[] {
  const link = pendingLink(shop, command.data.accountId);
  return [
    { type: 'LinkRequestCancelled', data: { shopId: shop.shopId, accountId: link.accountId, role: link.role, cancelledAt: iso(ctx) } },
  ];
}

function pendingLink(shop: RegisteredShop, accountId: string): ShopLink {
  const link = entryOf(shop.links, accountId);
  if (link === undefined || link.state !== 'awaiting_authorization') {
    throw new ShopRuleViolation('LINK_REQUEST_NOT_FOUND', 'not_found', `No link request of account ${accountId} awaits authorization`);
  }
  return link;
}

function expiryOf(shop: RegisteredShop, link: ShopLink, ctx: ShopDecisionContext): ShopEvent {
  return {
    type: 'LinkAuthorizationExpired',
    data: { shopId: shop.shopId, accountId: link.accountId, role: link.role, expiredAt: iso(ctx) },
  };
}

function requireAccount(ctx: ShopDecisionContext): AccountStanding {
  if (ctx.account === undefined) throw new Error('Link commands are decided with the account standing in the context');
  return ctx.account;
}

const rule = (code: string, message: string): ShopRuleViolation => new ShopRuleViolation(code, 'rule', message, [{ code, message }]);
const iso = (ctx: ShopDecisionContext): string => ctx.now.toISOString();

function assertNever(value: never): never {
  throw new Error(`Unhandled command ${JSON.stringify(value)}`);
}
