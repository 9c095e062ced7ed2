import { Module } from '@nestjs/common';
import { AuditController } from './audit.http.controller';

/**
 * Auditors' routes: raw events, state as of a moment or revision, integrity. They read the
 * event store (EVENT_STORE, from the global StorageModule) and nothing else.
 */
@Module({ controllers: [AuditController] })
export class AuditModule {}
