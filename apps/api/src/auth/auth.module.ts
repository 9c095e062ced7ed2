import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig, DEFAULT_RATE_LIMIT } from '../config/app-config';
import { APP_CONFIG } from '../config/tokens';
import { FixedWindowThrottlerStorage } from './fixed-window-throttler.storage';
import { ShoplinkMetrics } from '../observability/metrics/shoplink-metrics';
import { ServiceAuthGuard } from './service-auth.guard';
import { ServiceRateLimitGuard } from './service-rate-limit.guard';
import { UnauthenticatedThrottle } from './unauthenticated-throttle';
import { VERIFIED_TOKENS, VerifiedTokens } from './verified-tokens';

/**
 * Who may call: a verified service token granting the route's scope (ServiceAuthGuard), then
 * that service's request budget (ServiceRateLimitGuard). Guards run in this order. Before both,
 * on arrival, an address that sent too many requests without a valid token is turned away
 * (UnauthenticatedThrottle, installed by createApp as a Fastify hook). Token
 * lifetimes follow the wall clock, never the service's injectable domain clock.
 */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const { limit, windowMs } = config.rateLimit ?? DEFAULT_RATE_LIMIT;
        return {
          // Named 'default' so the headers are plain X-RateLimit-Limit, -Remaining, -Reset (seconds) and Retry-After.
          throttlers: [{ name: 'default', limit, ttl: windowMs }],
          storage: new FixedWindowThrottlerStorage(),
          setHeaders: true,
        };
      },
    }),
  ],
  providers: [
    {
      provide: VERIFIED_TOKENS,
      inject: [APP_CONFIG, ShoplinkMetrics],
      useFactory: (config: AppConfig, metrics: ShoplinkMetrics) =>
        new VerifiedTokens(
          config.tokenSecret,
          () => new Date(),
          (outcome) => metrics.tokenVerifications.inc({ outcome }),
        ),
    },
    UnauthenticatedThrottle,
    { provide: APP_GUARD, useClass: ServiceAuthGuard },
    { provide: APP_GUARD, useClass: ServiceRateLimitGuard },
  ],
  exports: [UnauthenticatedThrottle],
})
export class AuthModule {}
