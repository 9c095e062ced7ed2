/** The policy's global numbers, for queries, automations and account claims (provided by ShopsModule from the policy in force). */
export const SHOP_POLICY = Symbol('SHOP_POLICY');
