import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InvalidServiceTokenError, ServiceScope } from '@shoplink/service-auth';
import type { FastifyRequest } from 'fastify';
import { ForbiddenScopeError, UnauthenticatedError } from './auth.errors';
import { bearerTokenOf } from './bearer-token';
import { rememberCallingService } from './calling-service';
import { PUBLIC_ROUTE, REQUIRED_SCOPE } from './route-access.decorator';
import { UnauthenticatedThrottle } from './unauthenticated-throttle';
import { VERIFIED_TOKENS, VerifiedTokens } from './verified-tokens';

/** Every route needs a valid service token granting its scope, except those marked PublicRoute. */
@Injectable()
export class ServiceAuthGuard implements CanActivate {
  private readonly logger = new Logger('ServiceAuth');

  constructor(
    private readonly reflector: Reflector,
    @Inject(VERIFIED_TOKENS) private readonly tokens: VerifiedTokens,
    private readonly throttle: UnauthenticatedThrottle,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    try {
      return await this.authenticate(context, request);
    } finally {
      // Another request of the same address without a verified token may now be checked.
      this.throttle.checked(request);
    }
  }

  private async authenticate(context: ExecutionContext, request: FastifyRequest): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) === true) return true;
    const scope = this.reflector.getAllAndOverride<ServiceScope | undefined>(REQUIRED_SCOPE, targets);
    const token = bearerTokenOf(request.headers.authorization);
    if (token === undefined) throw this.refused(request, 'no-bearer-token');
    let service;
    try {
      service = await this.tokens.verify(token);
    } catch (error) {
      if (error instanceof InvalidServiceTokenError) {
        this.logger.warn(`refused a token (${error.reason}) on ${request.method} ${request.routeOptions.url ?? 'unknown route'}`);
        throw this.refused(request, error.reason);
      }
      throw error;
    }
    // Fail closed: a route nobody gave a scope is a route nobody may call.
    if (scope === undefined) throw new ForbiddenScopeError('a scope this route does not declare');
    if (!service.scopes.has(scope)) throw new ForbiddenScopeError(scope);
    rememberCallingService(request, service);
    return true;
  }

  /** Every refusal spends from the client address's budget, whatever its reason. */
  private refused(request: FastifyRequest, reason: string): UnauthenticatedError {
    this.throttle.failed(request, reason);
    return new UnauthenticatedError();
  }
}
