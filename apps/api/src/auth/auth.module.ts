import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig, DEFAULT_RATE_LIMIT } from '../config/app-config';
import { APP_CONFIG } from '../config/tokens';
import { FixedWindowThrottlerStorage } from './fixed-window-throttler.storage';
import { ServiceAuthGuard, VERIFIED_TOKENS } from './service-auth.guard';
import { ServiceRateLimitGuard } from './service-rate-limit.guard';
import { VerifiedTokens } from './verified-tokens';

/**
 * Who may call: a verified service token granting the route's scope (ServiceAuthGuard), then
 * that service's request budget (ServiceRateLimitGuard). Guards run in this order. Token
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
          throttlers: [{ name: 'per-service', limit, ttl: windowMs }],
          storage: new FixedWindowThrottlerStorage(),
          setHeaders: false,
        };
      },
    }),
  ],
  providers: [
    {
      provide: VERIFIED_TOKENS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new VerifiedTokens(config.tokenSecret, () => new Date()),
    },
    { provide: APP_GUARD, useClass: ServiceAuthGuard },
    { provide: APP_GUARD, useClass: ServiceRateLimitGuard },
  ],
})
export class AuthModule {}
