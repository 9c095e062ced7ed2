/**
 * What a calling service may do, granted in its token. A route needs exactly one scope; the
 * actor named in `X-Actor` must also be allowed by the shop's role table (the domain decides that).
 */
export const SERVICE_SCOPES = {
  'shops:write': 'register shops, verification, members, links, unlinks by the seller, orders, campaigns, leaving and coming back',
  'shops:read': 'shop status, operational lists, withdrawals, where an account is linked',
  'money:write': 'settlement credits, withdrawals and their outcome',
  'support:write': 'support-assisted unlinks (with a ticket)',
  'security:write': 'security incidents: report (freezes money) and resolve',
  'enforcement:write':
    "trust and safety's enforcement: unlinks for a policy violation (never blocked), shop restrictions and their lifting",
  'audit:read': 'history, exports, raw events, state as of a moment, integrity checks',
  'feed:read': 'the event feed (catch-up and live), for services that react to what happens',
  'subscriptions:write': 'subscribe to pushed events (webhooks): create, pause, resume, rotate the secret, replay, redeliver, unsubscribe',
  'subscriptions:read': 'subscriptions, their delivery attempts and dead letters',
  'metrics:read': 'Prometheus metrics at /metrics (operators scrape with a bearer token)',
  'personal-data:forget': "forget a shop's personal data (destroys its encryption key)",
} as const;

export type ServiceScope = keyof typeof SERVICE_SCOPES;

export const ALL_SERVICE_SCOPES = Object.keys(SERVICE_SCOPES) as ServiceScope[];

export function isServiceScope(value: string): value is ServiceScope {
  return Object.prototype.hasOwnProperty.call(SERVICE_SCOPES, value);
}
