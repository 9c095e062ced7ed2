import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/**
 * OpenAPI shapes of the answers every route shares. Documentation only: the answers themselves are
 * built by errorBody() (error-body.ts) and the command gateway.
 */
@ApiSchema({ name: 'RecordedEvent', description: 'An event a command appended' })
export class RecordedEventRefSchema {
  @ApiProperty({ example: '0b6f2a52-2b0e-4a4e-8f41-4d1b0d2b3c11' })
  id: string;

  @ApiProperty({ example: 'ShopRegistered' })
  type: string;
}

@ApiSchema({
  name: 'ErrorBody',
  description:
    'The one error shape of every answer (errorBody in apps/api/src/http/error-body.ts); a refusal of a command recorded by the domain adds streamId, revision, position and events',
})
export class ErrorBodySchema {
  @ApiProperty({ type: 'integer', example: 400, description: 'The HTTP status, again' })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request', description: 'The HTTP reason phrase of the status' })
  error: string;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'A stable, machine-readable code: branch on this' })
  code: string;

  @ApiProperty({ example: 'The request has invalid fields', description: 'For people; may change' })
  message: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Every problem found (a bad field, a failed rule, a blocker), each with its own code',
    example: [{ field: 'header.X-Actor', code: 'REQUIRED', message: 'X-Actor (<kind>:<id>) is required on every command' }],
  })
  details: unknown[];

  @ApiPropertyOptional({ description: 'A refusal the domain records (422): the Idempotency-Key of the command' })
  commandId?: string;

  @ApiPropertyOptional({ description: 'A refusal the domain records (422): the shop stream', example: 'shop-brand' })
  streamId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'A refusal the domain records (422): the revision after it' })
  revision?: number;

  @ApiPropertyOptional({
    pattern: '^(0|[1-9][0-9]{0,19})(\\.(0|[1-9][0-9]{0,19}))?$',
    description: 'A refusal the domain records (422): its position',
  })
  position?: string;

  @ApiPropertyOptional({
    type: [RecordedEventRefSchema],
    description: 'A refusal the domain records (422): the events appended, e.g. AccountLinkRejected',
  })
  events?: RecordedEventRefSchema[];
}

@ApiSchema({
  name: 'CommandAnswer',
  description:
    "A command's answer: the shop stream it was decided on, the stream's revision after it, its global position (pass it as minPosition to read your write) and the events appended (none on a retry or a no-op). Some commands add fields (an unlink request its requestId and, once, confirmationCode).",
})
export class CommandAnswerSchema {
  @ApiProperty({ description: 'The Idempotency-Key the command was sent with', example: '5f0b3c7e-5d1a-4d7a-9a55-1f7c1a0e8f42' })
  commandId: string;

  @ApiProperty({ example: 'shop-brand' })
  streamId: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 0 })
  revision: number;

  @ApiProperty({ pattern: '^(0|[1-9][0-9]{0,19})(\\.(0|[1-9][0-9]{0,19}))?$', example: '42' })
  position: string;

  @ApiProperty({ type: [RecordedEventRefSchema] })
  events: RecordedEventRefSchema[];

  @ApiPropertyOptional({ description: 'RequestUnlink: the unlink request id' })
  requestId?: string;

  @ApiPropertyOptional({
    pattern: '^[0-9]{8}$',
    description: 'RequestUnlink: the one-time 8-digit code, in the first answer only (never on a retry)',
  })
  confirmationCode?: string;
}
