import type { CallingService } from '@shoplink/service-auth';

const CALLING_SERVICE = Symbol('shoplink.callingService');

type WithCallingService = { [CALLING_SERVICE]?: CallingService };

/** Set by ServiceAuthGuard once the token is verified; read by the command decorator and the rate limiter. */
export function rememberCallingService(request: object, service: CallingService): void {
  (request as WithCallingService)[CALLING_SERVICE] = service;
}

export function callingServiceOf(request: object): CallingService | undefined {
  return (request as WithCallingService)[CALLING_SERVICE];
}
