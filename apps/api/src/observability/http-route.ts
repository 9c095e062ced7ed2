import type { IncomingMessage } from 'node:http';
import { requestSlot } from '../http/request-slot';

/**
 * The route template a request matched (`/v1/shops/:shopId/links`), kept by the HTTP hooks for
 * the request log line, which only sees Node's raw request. Templates, not paths, so labels and
 * log fields stay few and carry no ids.
 */
const routes = requestSlot<IncomingMessage, string>('shoplink.route');

export function rememberRoute(request: IncomingMessage, route: string): void {
  routes.set(request, route);
}

export function routeOf(request: IncomingMessage): string | undefined {
  return routes.get(request);
}
