import { AfterSalesKind, RestrictionScope } from '../domain/shop.events';

/** Trust and safety's mark on the shop and what closure waits for, as the status query shows it. */
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
  /** Refunds, returns and disputes still open, by case id: they block closure. */
  readonly openAfterSalesCases: readonly { readonly caseId: string; readonly kind: AfterSalesKind; readonly orderId: string }[];
}
