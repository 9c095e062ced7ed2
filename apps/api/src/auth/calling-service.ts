import type { CallingService } from '@shoplink/service-auth';

const CALLING_SERVICE = Symbol('shoplink.callingService');

type WithCallingService = { [CALLING_SERVICE]?: CallingService };

/**
 * Set by ServiceAuthGuard once the token is verified; read by the command decorator, the rate
 * limiter and the request log. Kept on Fastify's request and on the Node request beneath it,
 * which is what the request logger (pino-http) sees.
 */
export function rememberCallingService(request: object, service: CallingService): void {
  (request as WithCallingService)[CALLING_SERVICE] = service;
  const raw = (request as { raw?: object }).raw;
  if (typeof raw === 'object' && raw !== null) (raw as WithCallingService)[CALLING_SERVICE] = service;
}

export function callingServiceOf(request: object): CallingService | undefined {
  return (request as WithCallingService)[CALLING_SERVICE];
}
