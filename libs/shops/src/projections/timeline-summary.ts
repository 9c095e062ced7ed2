import { LinkRole, ShopEvent, UnlinkReason } from '../domain/shop.events';

/**
 * The words of the timeline: one short sentence per event, and the reason it carries. Both
 * are pure functions of the event (and its actor), so a replay, the history route and the
 * auditor CLI all print the very same text.
 */

/** Free text (incident descriptions, payout failures) is cut in the summary; `reason` keeps it whole. */
const SUMMARY_TEXT_LIMIT = 200;

const UNLINK_REASON_WORDS: Readonly<Record<UnlinkReason, string>> = {
  business_pivot: 'business pivot',
  closure: 'business closure',
  privacy: 'privacy',
  security_breach: 'security breach',
  switching_accounts: 'switching accounts',
  troubleshooting: 'troubleshooting',
  policy_violation: 'policy violation',
  other: 'other reason',
};

/**
 * The reason an event records, as recorded: reason codes joined by ", ", an unlink reason
 * code, or the free text a person wrote. Null for events that carry none.
 */
export function reasonOf(event: ShopEvent): string | null {
  switch (event.type) {
    case 'BusinessVerificationRejected':
    case 'AccountLinkRejected':
      return event.data.reasons.join(', ');
    case 'LinkAuthorizationDenied':
      return event.data.missingScopes.length > 0 ? `${event.data.reason}: ${event.data.missingScopes.join(', ')}` : event.data.reason;
    case 'UnlinkRequested':
    case 'AccountUnlinked':
      return event.data.reason;
    case 'FundsWithdrawalFailed':
      return event.data.reason;
    case 'CampaignTerminated':
      return event.data.reason;
    case 'SecurityIncidentReported':
      return event.data.description;
    case 'SecurityIncidentResolved':
      return event.data.resolution;
    default:
      return null;
  }
}

/**
 * A short human sentence for the event, e.g. "Official account @brand unlinked by member
 * m-17: business closure". The switch names every ShopEvent type and ends in a `never`
 * check, so adding an event type without a sentence does not compile.
 */
export function describeEvent(event: ShopEvent, actor: string | null): string {
  const by = actor ? ` by ${actorWords(actor)}` : '';
  switch (event.type) {
    case 'ShopRegistered': {
      const d = event.data;
      return `Shop "${clip(d.name)}" registered${by} (${d.kind}, ${d.region}, ${d.currency}), owner member ${d.ownerMemberId}`;
    }
    case 'BusinessVerificationSubmitted':
      return `Business verification submitted${by} with ${count(event.data.documents.length, 'document')}`;
    case 'BusinessVerified':
      return `Business verified${by}`;
    case 'BusinessVerificationRejected':
      return `Business verification rejected${by}: ${event.data.reasons.join(', ')}`;
    case 'AccessGranted':
      return `Member ${event.data.memberId} granted the ${event.data.role} role${by}`;
    case 'AccessRevoked':
      return `Access of member ${event.data.memberId} revoked${by}`;
    case 'ShopGraduatedFromProbation':
      return `Shop graduated from probation${by}`;
    case 'AccountLinkRequested': {
      const d = event.data;
      const replacing = d.replacesAccountId ? `, replacing account ${d.replacesAccountId}` : '';
      return `Link of ${handle(d.profile.handle)} as ${d.role} requested${by}${replacing}; authorization due by ${d.authorizationExpiresAt}`;
    }
    case 'AccountLinkRejected':
      return `Link of ${handle(event.data.profile.handle)} as ${event.data.role} rejected: ${event.data.reasons.join(', ')}`;
    case 'AccountLinkAuthorized':
      return `Account ${event.data.accountId} authorized the ${event.data.role} link${by} (${count(event.data.grantedScopes.length, 'scope')})`;
    case 'AccountLinked':
      return `${roleWord(event.data.role)} account ${handle(event.data.handle)} linked`;
    case 'LinkAuthorizationDenied': {
      const d = event.data;
      const missing = d.missingScopes.length > 0 ? ` (missing ${d.missingScopes.join(', ')})` : '';
      return `Authorization of account ${d.accountId} as ${d.role} denied: ${d.reason}${missing}`;
    }
    case 'LinkAuthorizationExpired':
      return `Authorization of account ${event.data.accountId} as ${event.data.role} expired unanswered`;
    case 'LinkRequestCancelled':
      return `Link request of account ${event.data.accountId} as ${event.data.role} cancelled${by}`;
    case 'LinkRequestSuperseded':
      return `Link request of account ${event.data.accountId} as ${event.data.role} closed: the account was linked to shop ${event.data.linkedShopId}`;
    case 'UnlinkRequested': {
      const d = event.data;
      return `Unlink of ${d.role} account ${d.accountId} requested${by}: ${UNLINK_REASON_WORDS[d.reason]} (request ${d.requestId})`;
    }
    case 'UnlinkConfirmationFailed': {
      const d = event.data;
      return `Wrong confirmation code for unlink request ${d.requestId} of account ${d.accountId}${by} (${d.failedAttempts} failed, ${d.attemptsLeft} left)`;
    }
    case 'UnlinkRequestLocked':
      return `Unlink request ${event.data.requestId} of account ${event.data.accountId} locked after too many wrong codes`;
    case 'UnlinkRequestCancelled':
      return `Unlink request ${event.data.requestId} of account ${event.data.accountId} cancelled${by}`;
    case 'UnlinkRequestExpired':
      return `Unlink request ${event.data.requestId} of account ${event.data.accountId} expired unconfirmed`;
    case 'AccountUnlinked': {
      const d = event.data;
      const how =
        d.mode === 'emergency'
          ? ` in an emergency${d.incidentId ? ` (incident ${d.incidentId})` : ''}`
          : d.mode === 'assisted'
            ? ` with support${d.ticketId ? ` (ticket ${d.ticketId})` : ''}`
            : d.mode === 'switch'
              ? ' by a switch of the official account'
              : d.mode === 'enforced'
                ? ' by trust and safety'
                : '';
      return `${roleWord(d.role)} account ${handle(d.handle)} unlinked${how}${by}: ${UNLINK_REASON_WORDS[d.reason]}`;
    }
    case 'FundsCredited': {
      const d = event.data;
      const frozen = d.creditedTo === 'frozen' ? ' to frozen funds' : '';
      return `Settlement ${d.settlementId} of ${money(d.amount, d.currency)} for order ${d.orderId} credited${frozen}`;
    }
    case 'FundsWithdrawalRequested':
      return `Withdrawal ${event.data.withdrawalId} of ${money(event.data.amount, event.data.currency)} requested${by}`;
    case 'FundsWithdrawn':
      return `Withdrawal ${event.data.withdrawalId} of ${money(event.data.amount, null)} paid out`;
    case 'FundsWithdrawalFailed': {
      const d = event.data;
      return `Withdrawal ${d.withdrawalId} of ${money(d.amount, null)} failed: ${clip(d.reason)}; returned to ${d.returnedTo}`;
    }
    case 'FundsFrozen':
      return `${capitalise(money(event.data.amount, null))} frozen for security incident ${event.data.incidentId}`;
    case 'FundsUnfrozen':
      return `${capitalise(money(event.data.amount, null))} unfrozen after security incident ${event.data.incidentId}`;
    case 'OrderPlaced':
      return `Order ${event.data.orderId} of ${money(event.data.amount, event.data.currency)} placed${by}`;
    case 'OrderFulfilled':
      return `Order ${event.data.orderId} fulfilled${by}`;
    case 'OrderCancelled':
      return `Order ${event.data.orderId} cancelled${by}`;
    case 'CampaignStarted':
      return `Campaign ${event.data.campaignId} started through account ${event.data.accountId}${by}`;
    case 'CampaignEnded':
      return `Campaign ${event.data.campaignId} ended${by}`;
    case 'CampaignTerminated':
      return `Campaign ${event.data.campaignId} terminated: account ${event.data.accountId} unlinked`;
    case 'SecurityIncidentReported':
      return `Security incident ${event.data.incidentId} reported${by}: ${clip(event.data.description)}`;
    case 'SecurityIncidentResolved':
      return `Security incident ${event.data.incidentId} resolved${by}: ${clip(event.data.resolution)}`;
    case 'ShopDeactivated':
      return `Shop deactivated (left TikTok Shop)${by}`;
    case 'ShopReactivated':
      return `Shop reactivated${by}`;
    case 'PersonalDataForgotten':
      return `Personal data forgotten${by}${event.data.ticketId ? ` (ticket ${event.data.ticketId})` : ''}: handles, owner ages and an individual seller's name now read as erased`;
    case 'AccountUnlinkedForPolicyViolation': {
      const d = event.data;
      return `${roleWord(d.role)} account ${d.accountId} unlinked for a policy violation${by}: ${clip(d.violation)} (${d.policyViolationUnlinkCount} so far)`;
    }
    case 'ShopRestricted': {
      const d = event.data;
      return `Shop restricted (${d.restrictionId}: ${d.scope.join(', ')})${by}: ${clip(d.reason)}`;
    }
    case 'ShopRestrictionLifted':
      return `Restriction ${event.data.restrictionId} lifted${by}: ${clip(event.data.reason)}`;
    case 'ShopClosed':
      return `Shop closed for good${by}: ${clip(event.data.reason)}`;
    case 'AfterSalesCaseOpened':
      return `${capitalise(event.data.kind)} ${event.data.caseId} opened on order ${event.data.orderId}${by}`;
    case 'AfterSalesCaseSettled':
      return `${capitalise(event.data.kind)} ${event.data.caseId} settled${by}`;
    default:
      return unhandled(event);
  }
}

/** Compile-time guard: reaching here with a real ShopEvent is a type error. */
function unhandled(event: never): never {
  throw new Error(`No timeline summary for event ${JSON.stringify((event as { type?: unknown }).type)}`);
}

/** `member:m-17` reads "member m-17". */
const actorWords = (actor: string): string => actor.replace(':', ' ');

const handle = (h: string): string => (h.startsWith('@') ? h : `@${h}`);

const roleWord = (role: LinkRole): string => (role === 'official' ? 'Official' : 'Marketing');

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function clip(text: string): string {
  const chars = Array.from(text);
  return chars.length <= SUMMARY_TEXT_LIMIT ? text : `${chars.slice(0, SUMMARY_TEXT_LIMIT).join('')}…`;
}

/**
 * Minor units as the currency writes them ("4500", "GBP" → "45.00 GBP"; "JPY" has no
 * decimals). Done on the digits, never in floating point. Some events (payouts, freezes)
 * do not record their currency; their amount is then stated in minor units.
 */
export function money(amount: number, currency: string | null): string {
  if (currency === null) return `${amount} in minor units`;
  const decimals = fractionDigitsOf(currency);
  const negative = amount < 0;
  const digits = String(Math.abs(amount)).padStart(decimals + 1, '0');
  const major = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return `${negative ? '-' : ''}${major} ${currency}`;
}

/** Memoised: building an Intl.NumberFormat per event was the costliest step of a rebuild. */
const fractionDigits = new Map<string, number>();

function fractionDigitsOf(currency: string): number {
  let digits = fractionDigits.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    if (fractionDigits.size < 1_000) fractionDigits.set(currency, digits);
  }
  return digits;
}
