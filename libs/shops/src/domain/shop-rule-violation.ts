/**
 * How a refusal reads to a caller. The HTTP layer maps the kind to a status code:
 * not_found 404, forbidden 403, conflict 409, rule 422; step_up 403 too, but unlike the others it
 * is not the command's final answer: the same command, proven with a second factor, may pass.
 */
export type RefusalKind = 'not_found' | 'forbidden' | 'conflict' | 'rule' | 'step_up';

export interface RefusalDetail {
  readonly code: string;
  readonly message: string;
}

/** A command the shop refuses: nothing is appended. `code` is stable; `details` lists every failed rule. */
export class ShopRuleViolation extends Error {
  constructor(
    readonly code: string,
    readonly kind: RefusalKind,
    message: string,
    readonly details: readonly RefusalDetail[] = [],
  ) {
    super(message);
    this.name = 'ShopRuleViolation';
  }
}

export const shopNotFound = (): ShopRuleViolation => new ShopRuleViolation('SHOP_NOT_FOUND', 'not_found', 'No shop with this id');
