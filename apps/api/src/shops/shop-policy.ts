/** The rules' numbers the shops' decisions and queries are made with (provided by ShopsModule). */
export const SHOP_POLICY = Symbol('SHOP_POLICY');
