import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InvalidServiceTokenError, ServiceScope } from '@shoplink/service-auth';
import type { FastifyRequest } from 'fastify';
import { ForbiddenScopeError, UnauthenticatedError } from './auth.errors';
import { rememberCallingService } from './calling-service';
import { PUBLIC_ROUTE, REQUIRED_SCOPE } from './route-access.decorator';
import { VerifiedTokens } from './verified-tokens';

export const VERIFIED_TOKENS = Symbol('VERIFIED_TOKENS');

const BEARER = /^Bearer ([A-Za-z0-9_-]{1,2048}\.[A-Za-z0-9_-]{1,4096}\.[A-Za-z0-9_-]{1,1024})$/;

/** Every route needs a valid service token granting its scope, except those marked PublicRoute. */
@Injectable()
export class ServiceAuthGuard implements CanActivate {
  private readonly logger = new Logger('ServiceAuth');

  constructor(
    private readonly reflector: Reflector,
    @Inject(VERIFIED_TOKENS) private readonly tokens: VerifiedTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) === true) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const scope = this.reflector.getAllAndOverride<ServiceScope | undefined>(REQUIRED_SCOPE, targets);
    const header = request.headers.authorization;
    const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    if (token === undefined) throw new UnauthenticatedError();
    let service;
    try {
      service = await this.tokens.verify(token);
    } catch (error) {
      if (error instanceof InvalidServiceTokenError) {
        this.logger.warn(`refused a token (${error.reason}) on ${request.method} ${request.routeOptions.url ?? 'unknown route'}`);
        throw new UnauthenticatedError();
      }
      throw error;
    }
    // Fail closed: a route nobody gave a scope is a route nobody may call.
    if (scope === undefined) throw new ForbiddenScopeError('a scope this route does not declare');
    if (!service.scopes.has(scope)) throw new ForbiddenScopeError(scope);
    rememberCallingService(request, service);
    return true;
  }
}
