import { RestrictionScope, ShopEvent } from '../domain/shop.events';
import { ShopStatusDocument } from './shop-status.document';

/** Trust and safety's mark on the shop, as the status query shows it. */
export interface EnforcementView {
  /** Accounts unlinked by trust and safety for a policy violation, ever. */
  readonly policyViolationUnlinkCount: number;
  readonly restrictions: readonly {
    readonly restrictionId: string;
    readonly reason: string;
    readonly scope: readonly RestrictionScope[];
    readonly restrictedAt: string;
  }[];
  readonly closedAt: string | null;
  readonly closedBy: 'seller' | 'trust_and_safety' | null;
}

export const NO_ENFORCEMENT: EnforcementView = { policyViolationUnlinkCount: 0, restrictions: [], closedAt: null, closedBy: null };

/** A document written before enforcement existed has none: read as nothing enforced. */
export const enforcementOf = (doc: ShopStatusDocument): EnforcementView => doc.enforcement ?? NO_ENFORCEMENT;

/** Enforcement and closure on the status document; null when the event is not one of them. */
export function applyEnforcementEvent(doc: ShopStatusDocument, event: ShopEvent): ShopStatusDocument | null {
  const current = enforcementOf(doc);
  switch (event.type) {
    case 'AccountUnlinkedForPolicyViolation':
      return { ...doc, enforcement: { ...current, policyViolationUnlinkCount: event.data.policyViolationUnlinkCount } };
    case 'ShopRestricted': {
      const { restrictionId, reason, scope, restrictedAt } = event.data;
      return {
        ...doc,
        enforcement: { ...current, restrictions: [...current.restrictions, { restrictionId, reason, scope, restrictedAt }] },
      };
    }
    case 'ShopRestrictionLifted': {
      const restrictions = current.restrictions.filter((r) => r.restrictionId !== event.data.restrictionId);
      return { ...doc, enforcement: { ...current, restrictions } };
    }
    case 'ShopClosed':
      return {
        ...doc,
        status: 'closed',
        enforcement: { ...current, closedAt: event.data.closedAt, closedBy: event.data.closedBy },
      };
    default:
      return null;
  }
}
