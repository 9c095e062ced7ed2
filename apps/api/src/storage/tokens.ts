export const APP_CONFIG = Symbol('APP_CONFIG');
export const LINKING_POLICY = Symbol('LINKING_POLICY');
