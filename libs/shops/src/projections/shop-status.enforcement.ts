import { ShopEvent } from '../domain/shop.events';
import { EnforcementView } from './shop-status.enforcement-view';
import { ShopStatusDocument } from './shop-status.document';

export type { EnforcementView } from './shop-status.enforcement-view';

export const NO_ENFORCEMENT: EnforcementView = {
  policyViolationUnlinkCount: 0,
  restrictions: [],
  closedAt: null,
  closedBy: null,
  openAfterSalesCases: [],
};

/** A document written before enforcement existed has none: read as nothing enforced. */
export const enforcementOf = (doc: ShopStatusDocument): EnforcementView => ({ ...NO_ENFORCEMENT, ...doc.enforcement });

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
    case 'AfterSalesCaseOpened': {
      const { caseId, kind, orderId } = event.data;
      return { ...doc, enforcement: { ...current, openAfterSalesCases: [...current.openAfterSalesCases, { caseId, kind, orderId }] } };
    }
    case 'AfterSalesCaseSettled': {
      const openAfterSalesCases = current.openAfterSalesCases.filter((c) => c.caseId !== event.data.caseId);
      return { ...doc, enforcement: { ...current, openAfterSalesCases } };
    }
    default:
      return null;
  }
}
