/** The validated configuration of the service, injectable everywhere. */
export const APP_CONFIG = Symbol('APP_CONFIG');
