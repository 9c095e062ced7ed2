import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, SetMetadata, StreamableFile } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@shoplink/personal-data';
import type { FastifyRequest } from 'fastify';
import { from, Observable, switchMap } from 'rxjs';

const KEEP_SEALED = 'shoplink:keep-personal-data-sealed';

/** For routes that answer the log as stored (raw audit events): their hashes are over the sealed bytes. */
export const KeepPersonalDataSealed = (): MethodDecorator => SetMetadata(KEEP_SEALED, true);

/**
 * Read models keep personal fields sealed (the projections fold the log as stored); queries
 * open them here, as they answer, so a forgotten shop's fields read as erased at once in every
 * document, with no read model to scrub. Streamed answers (exports) open their own entries.
 */
@Injectable()
export class RevealPersonalDataInterceptor implements NestInterceptor {
  constructor(
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.switchToHttp().getRequest<FastifyRequest>().method !== 'GET') return next.handle();
    if (this.reflector.get<boolean>(KEEP_SEALED, context.getHandler()) === true) return next.handle();
    return next.handle().pipe(switchMap((body: unknown) => (body instanceof StreamableFile || typeof body !== 'object' || body === null ? [body] : from(this.vault.reveal(body)))));
  }
}
