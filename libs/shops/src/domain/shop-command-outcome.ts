import { describeLinkRejection } from './link-eligibility';
import { ShopCommandType } from './shop.commands';
import { ShopEvent } from './shop.events';
import { RefusalDetail, RefusalKind } from './shop-rule-violation';

/**
 * Some decisions record a refusal as an event, because an auditor must see the attempt
 * and the facts it was judged on (AccountLinkRejected, a late answer's expiry, a wrong
 * unlink code, the lock it causes, a late code's expiry). The
 * caller is still told "refused": this names the refusal, or null when the command succeeded.
 */
export interface RecordedRefusal {
  readonly code: string;
  readonly message: string;
  readonly details: readonly RefusalDetail[];
  /** How the refusal is answered when not a rule's (422): a request superseded at grant time is a conflict (409). */
  readonly kind?: RefusalKind;
}

export function recordedRefusalOf(commandType: ShopCommandType, events: readonly ShopEvent[]): RecordedRefusal | null {
  const last = events[events.length - 1];
  if (last === undefined) return null;
  if (last.type === 'AccountLinkRejected') {
    const details = last.data.reasons.map((code) => ({ code, message: describeLinkRejection(code) }));
    // One failed rule is named directly; several are summed up as ACCOUNT_INELIGIBLE with each in details.
    const code = details.length === 1 ? details[0].code : 'ACCOUNT_INELIGIBLE';
    return { code, message: `Account ${last.data.accountId} cannot be linked as ${last.data.role}`, details };
  }
  // Expiring is what ExpireLinkAuthorization asks for; only a late owner's answer is refused by it.
  if (last.type === 'LinkAuthorizationExpired' && commandType === 'AnswerLinkAuthorization') {
    const message = `The authorization window for account ${last.data.accountId} has closed`;
    return { code: 'AUTHORIZATION_EXPIRED', message, details: [{ code: 'AUTHORIZATION_EXPIRED', message }] };
  }
  // The owner granted, but the account no longer passed the link rules: named like a refused request.
  if (last.type === 'LinkAuthorizationDenied' && last.data.reason === 'ACCOUNT_INELIGIBLE' && commandType === 'AnswerLinkAuthorization') {
    const details = (last.data.failedRules ?? []).map((code) => ({ code, message: describeLinkRejection(code) }));
    const code = details.length === 1 ? details[0].code : 'ACCOUNT_INELIGIBLE';
    return { code, message: `Account ${last.data.accountId} can no longer be linked as ${last.data.role}; the request is closed`, details };
  }
  // The owner granted, but another shop linked the account meanwhile: the request is closed as superseded.
  if (last.type === 'LinkRequestSuperseded' && commandType === 'AnswerLinkAuthorization') {
    const message = `The account was linked to shop ${last.data.linkedShopId} while this request waited; the request is closed`;
    return { code: 'ACCOUNT_LINKED_ELSEWHERE', message, details: [{ code: 'ACCOUNT_LINKED_ELSEWHERE', message }], kind: 'conflict' };
  }
  if (commandType === 'ConfirmUnlink') return confirmUnlinkRefusal(last);
  return null;
}

/** A confirmation that recorded a wrong code, the lock it caused, or the expiry it discovered. */
function confirmUnlinkRefusal(last: ShopEvent): RecordedRefusal | null {
  switch (last.type) {
    case 'UnlinkRequestLocked': {
      const message = `Too many wrong codes: unlink request ${last.data.requestId} is locked; request a new unlink to get a new code`;
      return { code: 'UNLINK_REQUEST_LOCKED', message, details: [{ code: 'UNLINK_REQUEST_LOCKED', message }] };
    }
    case 'UnlinkConfirmationFailed': {
      const left = last.data.attemptsLeft;
      const message = `The confirmation code is wrong; ${left} ${left === 1 ? 'attempt' : 'attempts'} left before unlink request ${last.data.requestId} is locked`;
      return { code: 'UNLINK_CODE_INVALID', message, details: [{ code: 'UNLINK_CODE_INVALID', message }] };
    }
    case 'UnlinkRequestExpired': {
      const message = `Unlink request ${last.data.requestId} has expired; request a new unlink to get a new code`;
      return { code: 'UNLINK_REQUEST_EXPIRED', message, details: [{ code: 'UNLINK_REQUEST_EXPIRED', message }] };
    }
    default:
      return null;
  }
}
