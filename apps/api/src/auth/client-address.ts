import proxyAddr from '@fastify/proxy-addr';
import type { IncomingMessage } from 'node:http';

/**
 * The client address of a request, as Fastify's `request.ip` has it for the same proxies: the
 * connection's peer, or, when that peer is a proxy the configuration names, the address it
 * forwarded for (X-Forwarded-For, read from the right, past every trusted proxy). Computed from
 * the raw request, so the throttle can key a request before Fastify builds its own of it.
 */
export function clientAddressOf(trustedProxies: readonly string[] | undefined): (request: IncomingMessage) => string {
  if (trustedProxies === undefined || trustedProxies.length === 0) return (request) => request.socket.remoteAddress ?? '';
  const trusted = proxyAddr.compile([...trustedProxies]);
  return (request) => proxyAddr(request, trusted);
}
