import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { RateLimitedError } from './auth.errors';
import { callingServiceOf } from './calling-service';
import { PUBLIC_ROUTE } from './route-access.decorator';

/**
 * One budget per calling service across all routes (not per route, not per IP: many services
 * share a gateway's address), told on every answer: X-RateLimit-Limit, -Remaining, -Reset
 * (seconds). Runs after ServiceAuthGuard, so the service is known; public probes are not counted.
 */
@Injectable()
export class ServiceRateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]) === true;
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return callingServiceOf(request)?.name ?? 'unauthenticated';
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }

  /** A refused caller gets the same budget headers as the others (the throttler sets them only on passing requests). */
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    void context
      .switchToHttp()
      .getResponse<FastifyReply>()
      .header('X-RateLimit-Limit', detail.limit)
      .header('X-RateLimit-Remaining', 0)
      .header('X-RateLimit-Reset', detail.timeToExpire);
    throw new RateLimitedError(Math.max(1, Math.ceil(detail.timeToBlockExpire)));
  }
}
