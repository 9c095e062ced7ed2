import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

/** Liveness and readiness, open to every caller (no token): what a supervisor or load balancer asks. */
@Module({ controllers: [HealthController] })
export class HealthModule {}
