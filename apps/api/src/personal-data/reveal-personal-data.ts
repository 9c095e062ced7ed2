import { Inject, Injectable } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@shoplink/personal-data';
import type { FastifyInstance } from 'fastify';

const KEEP_SEALED = 'shoplink:keep-personal-data-sealed';

/** For routes that answer the log as stored (raw audit events): their hashes are over the sealed bytes. */
export const KeepPersonalDataSealed = (): MethodDecorator => RouteConfig({ [KEEP_SEALED]: true });

/**
 * Read models keep personal fields sealed (the projections fold the log as stored); queries
 * open them here, as they answer, so a forgotten shop's fields read as erased at once in every
 * document, with no read model to scrub. Streamed answers (exports) open their own entries.
 *
 * A Fastify preSerialization hook: it sees the object a GET route answers, before it becomes JSON
 * (strings, buffers and streams are not serialized, so not seen; nor are answers of other
 * methods), and only successful answers (an error body is the error filter's, not the route's).
 * It was a global Nest interceptor, which put every route, commands included, through Nest's
 * interceptor pipeline (rxjs and an AsyncResource per interceptor) for nothing but GETs.
 */
@Injectable()
export class RevealPersonalData {
  constructor(@Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault) {}

  install(fastify: FastifyInstance): void {
    fastify.addHook('preSerialization', async (request, reply, payload: unknown) => {
      if (request.method !== 'GET' || reply.statusCode >= 400 || typeof payload !== 'object' || payload === null) return payload;
      if ((request.routeOptions.config as unknown as Record<string, unknown> | undefined)?.[KEEP_SEALED] === true) return payload;
      return this.vault.reveal(payload);
    });
  }
}
