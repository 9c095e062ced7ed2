export const APP_CONFIG = Symbol('APP_CONFIG');
export const SHOP_POLICY = Symbol('SHOP_POLICY');
