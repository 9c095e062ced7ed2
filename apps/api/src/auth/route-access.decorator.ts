import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiResponse } from '@nestjs/swagger';
import { SERVICE_SCOPES, ServiceScope } from '@shoplink/service-auth';
import { ErrorBodySchema } from '../http/api-schemas';

export const REQUIRED_SCOPE = 'shoplink:required-scope';
export const PUBLIC_ROUTE = 'shoplink:public-route';

/**
 * The scope a route needs. Every route declares one (or is PublicRoute): the guard refuses
 * routes that declare neither, so a new route is closed until someone decides who may call it.
 */
export function RequiresScope(scope: ServiceScope): ClassDecorator & MethodDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_SCOPE, scope),
    ApiBearerAuth('service-token'),
    ApiExtension('x-required-scope', scope),
    ApiResponse({ status: 401, description: 'UNAUTHENTICATED: no service token, or one that is not valid', type: ErrorBodySchema }),
    ApiResponse({
      status: 403,
      description: `FORBIDDEN_SCOPE: the token does not grant ${scope} (${SERVICE_SCOPES[scope]})`,
      type: ErrorBodySchema,
    }),
    ApiResponse({
      status: 429,
      description: 'RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After',
      type: ErrorBodySchema,
    }),
  );
}

/** Liveness and readiness: probes carry no token. */
export const PublicRoute = (): ClassDecorator & MethodDecorator => SetMetadata(PUBLIC_ROUTE, true);
