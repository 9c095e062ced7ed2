import { ShopEvent } from '../domain/shop.events';
import { ShopStatusDocument } from './shop-status.document';
import { applyEnforcementEvent, enforcementOf, NO_ENFORCEMENT } from './shop-status.enforcement';

const AT = '2026-03-01T10:00:00.000Z';
/** A document written before enforcement existed: no `enforcement` field at all. */
const older = { shopId: 's-1', status: 'active' } as unknown as ShopStatusDocument;
const apply = (doc: ShopStatusDocument, ...events: ShopEvent[]): ShopStatusDocument =>
  events.reduce((d, e) => applyEnforcementEvent(d, e) ?? d, doc);

describe('the status read model: enforcement and closure', () => {
  it('a document written before enforcement existed reads as nothing enforced', () => {
    expect(enforcementOf(older)).toEqual(NO_ENFORCEMENT);
  });

  it('counts policy-violation unlinks and lists the restrictions in force', () => {
    const doc = apply(
      older,
      {
        type: 'AccountUnlinkedForPolicyViolation',
        data: { shopId: 's-1', accountId: 'a-1', role: 'marketing', violation: 'v', policyViolationUnlinkCount: 2, enforcedAt: AT },
      },
      { type: 'ShopRestricted', data: { shopId: 's-1', restrictionId: 'r-1', reason: 'x', scope: ['campaigns'], restrictedAt: AT } },
      { type: 'ShopRestricted', data: { shopId: 's-1', restrictionId: 'r-2', reason: 'y', scope: ['link_requests'], restrictedAt: AT } },
      { type: 'ShopRestrictionLifted', data: { shopId: 's-1', restrictionId: 'r-1', reason: 'z', liftedAt: AT } },
    );
    expect(enforcementOf(doc).policyViolationUnlinkCount).toBe(2);
    expect(enforcementOf(doc).restrictions.map((r) => r.restrictionId)).toEqual(['r-2']);
  });

  it('shows the open refunds, returns and disputes, and the closure', () => {
    const doc = apply(
      older,
      { type: 'AfterSalesCaseOpened', data: { shopId: 's-1', caseId: 'c-1', kind: 'refund', orderId: 'o-1', openedAt: AT } },
      { type: 'AfterSalesCaseOpened', data: { shopId: 's-1', caseId: 'c-2', kind: 'dispute', orderId: 'o-1', openedAt: AT } },
      { type: 'AfterSalesCaseSettled', data: { shopId: 's-1', caseId: 'c-1', kind: 'refund', settledAt: AT } },
      { type: 'ShopClosed', data: { shopId: 's-1', reason: 'r', closedBy: 'trust_and_safety', closedAt: AT } },
    );
    expect(enforcementOf(doc).openAfterSalesCases).toEqual([{ caseId: 'c-2', kind: 'dispute', orderId: 'o-1' }]);
    expect(doc.status).toBe('closed');
    expect(enforcementOf(doc)).toMatchObject({ closedAt: AT, closedBy: 'trust_and_safety' });
  });

  it('leaves other events to the other parts of the projection', () => {
    expect(applyEnforcementEvent(older, { type: 'ShopReactivated', data: { shopId: 's-1', reactivatedAt: AT } })).toBeNull();
  });
});
