/** The PolicyInForce the service started with (provided by PolicyModule once its activation is recorded). */
export const POLICY_IN_FORCE = Symbol('POLICY_IN_FORCE');
