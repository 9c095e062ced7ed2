import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { LogDigest, parseDigest } from '@shoplink/event-store';
import { POSITION_PATTERN } from '../http/api-query.decorators';
import { ValidationFailedError } from '../http/validation-failed.error';

/** A digest as GET /v1/audit/digest answers it and an auditor keeps it: the body of POST /v1/audit/digest/verification. */
export class LogDigestBody {
  @ApiProperty({
    description: 'Position of the last event the digest covers; null for a digest of the empty log',
    type: 'string',
    nullable: true,
    pattern: POSITION_PATTERN,
    example: '42',
  })
  position!: string | null;

  @ApiProperty({ description: 'The log hash at that position: SHA-256, hexadecimal', pattern: '^[0-9a-f]{64}$', example: 'ab'.repeat(32) })
  logHash!: string;

  @ApiProperty({ description: 'How many events the log held up to that position', type: 'integer', minimum: 0, example: 42 })
  events!: number;

  @ApiProperty({ description: 'How the log hash is computed', example: 'sha256-log-chain-v1' })
  logHashAlgorithm!: string;

  @ApiProperty({ description: 'When the digest was signed (ISO 8601, UTC)', format: 'date-time', example: '2026-11-01T09:00:00.000Z' })
  signedAt!: string;

  @ApiProperty({ description: 'The key it was signed with (GET /v1/audit/digest-keys)', example: '20261101T090000Z-0a1b2c3d' })
  keyId!: string;

  @ApiProperty({ description: 'The signature algorithm', enum: ['Ed25519'], example: 'Ed25519' })
  algorithm!: string;

  @ApiProperty({
    description:
      'Ed25519 signature, standard base64, over the UTF-8 of the canonical JSON (keys sorted, no whitespace) of every other field (docs/auditing.md)',
    example: 'bWFkZSB1cCBmb3IgdGhlIGV4YW1wbGU=',
  })
  signature!: string;
}

/** The body of POST /v1/audit/digest/verification: a digest, every bad field named (`body.<field>`). */
export const ValidDigestBody = createParamDecorator((_: unknown, ctx: ExecutionContext): LogDigest => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const { digest, problems } = parseDigest(request.body ?? undefined, 'body');
  for (const name of Object.keys(request.query ?? {}))
    problems.push({ field: `query.${name}`, code: 'UNKNOWN_FIELD', message: `query.${name} is not a known field` });
  if (problems.length > 0 || digest === null) throw new ValidationFailedError(problems);
  return digest;
});
