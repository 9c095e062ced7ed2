import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { CORRELATION_ID_PATTERN } from '../http/identifiers';

const HEADER = 'x-correlation-id';

/**
 * The correlation id of a request, decided once, first thing: the caller's when it sent a valid
 * one, else a new one written into the request's headers, so the request log line, the spans and
 * the command's events (which read the header) all carry the same id. An invalid header is left
 * as sent (the command answers 400 naming it) and the logs get an id of their own.
 */
export function correlationIdOf(request: IncomingMessage): string {
  const given = request.headers[HEADER];
  if (typeof given === 'string' && CORRELATION_ID_PATTERN.test(given)) return given;
  const generated = randomUUID();
  if (given === undefined) request.headers[HEADER] = generated;
  return generated;
}

/**
 * Every answer names its correlation id (X-Correlation-Id), whatever its route or status, so a
 * caller can quote it to whoever reads the logs: the id the request log line and the events carry.
 */
export function echoCorrelationId(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(HEADER, request.id);
    done();
  });
}
