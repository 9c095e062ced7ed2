import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequiresScope } from '../auth/route-access.decorator';
import { callingServiceOf } from '../auth/calling-service';
import { ApiReadAnswer, ApiReadRefusals } from '../http/api-query.decorators';
import { ErrorBodySchema } from '../http/api-schemas';
import { errorBody } from '../http/error-body';
import { ID_FORMAT, ID_PATTERN } from '../http/identifiers';
import { validateDto } from '../http/validate-dto';
import { FieldProblem, ValidationFailedError } from '../http/validation-failed.error';
import { CreateSubscriptionRequest, ReplayRequest, SecretRotationRequest } from './subscription.request.dto';
import { SubscriptionNotFoundError, SubscriptionsService } from './subscriptions.service';

const SUBSCRIPTION_ID = {
  name: 'subscriptionId',
  description: ID_FORMAT,
  example: 'sub-3f0c2a9e-4b1d-4c8e-9f00-1a2b3c4d5e6f',
  schema: { type: 'string' as const, pattern: ID_PATTERN.source },
};
const DELIVERY_ID = { name: 'deliveryId', description: ID_FORMAT, schema: { type: 'string' as const, pattern: ID_PATTERN.source } };
const LIMIT = {
  name: 'limit',
  required: false,
  description: 'At most this many (1-500, default 100)',
  schema: { type: 'integer' as const, minimum: 1, maximum: 500 },
};
const NOT_FOUND = 'SUBSCRIPTION_NOT_FOUND: no such subscription (or dead letter)';
const WRITE_REFUSALS = [
  ApiResponse({ status: 400, description: 'VALIDATION_FAILED: every bad field named in details', type: ErrorBodySchema }),
  ApiResponse({ status: 404, description: NOT_FOUND, type: ErrorBodySchema }),
];

/**
 * Push delivery to other services (docs/webhooks.md): subscriptions, their delivery attempts and
 * dead letters. Reading needs subscriptions:read; every change needs subscriptions:write.
 */
@ApiTags('subscriptions')
@Controller('v1/subscriptions')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post()
  @RequiresScope('subscriptions:write')
  @ApiOperation({
    summary:
      'Subscribe a URL to events (empty eventTypes: every type), delivered from the head of the log on. The destination is checked against SHOPLINK_WEBHOOK_ALLOWED_DESTINATIONS now and at every delivery. Answers the subscription and its signing secret, shown this once',
  })
  @ApiBody({ type: CreateSubscriptionRequest })
  @ApiResponse({
    status: 201,
    description: 'subscriptionId, secret (shown once), subscription',
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiResponse({
    status: 400,
    description: 'VALIDATION_FAILED: every bad field named; DESTINATION_NOT_ALLOWED names the url',
    type: ErrorBodySchema,
  })
  async create(@Body() body: unknown, @Req() request: FastifyRequest) {
    const input = valid(CreateSubscriptionRequest, body);
    return this.subscriptions.create(input, callingServiceOf(request)?.name ?? 'unknown');
  }

  @Get()
  @RequiresScope('subscriptions:read')
  @ApiOperation({ summary: 'Every subscription with its state, cursor position and lag (never its secret)' })
  @ApiReadRefusals({ readModel: false })
  @ApiReadAnswer(
    'subscriptions [{ subscriptionId, url, eventTypes, description, state, createdAt, cursorPosition, headPosition, lagSeconds, failing, secretsValid }]',
  )
  async list() {
    return { subscriptions: await this.subscriptions.list() };
  }

  @Get(':subscriptionId')
  @RequiresScope('subscriptions:read')
  @ApiOperation({ summary: 'One subscription with its state, cursor position and lag (never its secret)' })
  @ApiParam(SUBSCRIPTION_ID)
  @ApiReadRefusals({ notFound: NOT_FOUND, readModel: false })
  @ApiReadAnswer(
    'subscriptionId, url, eventTypes, description, state, createdAt, cursorPosition, headPosition, lagSeconds, failing, secretsValid',
  )
  get(@Param('subscriptionId') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return found(reply, () => this.subscriptions.view(checkedId(id)));
  }

  @Delete(':subscriptionId')
  @RequiresScope('subscriptions:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unsubscribe: deliveries stop and the secrets are destroyed' })
  @ApiParam(SUBSCRIPTION_ID)
  @ApiResponse({ status: 204, description: 'Unsubscribed' })
  @WriteRefusals()
  remove(@Param('subscriptionId') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return found(reply, () => this.subscriptions.remove(checkedId(id)));
  }

  @Post(':subscriptionId/pause')
  @RequiresScope('subscriptions:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop delivering; the cursor is kept' })
  @ApiParam(SUBSCRIPTION_ID)
  @ApiReadAnswer('the subscription')
  @WriteRefusals()
  pause(@Param('subscriptionId') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return found(reply, () => this.subscriptions.pause(checkedId(id)));
  }

  @Post(':subscriptionId/resume')
  @RequiresScope('subscriptions:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deliver again from the kept cursor' })
  @ApiParam(SUBSCRIPTION_ID)
  @ApiReadAnswer('the subscription')
  @WriteRefusals()
  resume(@Param('subscriptionId') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return found(reply, () => this.subscriptions.resume(checkedId(id)));
  }

  @Post(':subscriptionId/secret-rotation')
  @RequiresScope('subscriptions:write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A new signing secret (shown once); the previous ones keep signing deliveries (one v1= each) until previousSecretValidUntil',
  })
  @ApiParam(SUBSCRIPTION_ID)
  @ApiBody({ type: SecretRotationRequest, required: false })
  @ApiReadAnswer('secret, previousSecretValidUntil, subscription')
  @WriteRefusals()
  rotate(@Param('subscriptionId') id: string, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const input = valid(SecretRotationRequest, body);
    return found(reply, () => this.subscriptions.rotateSecret(checkedId(id), input.graceSeconds));
  }

  @Post(':subscriptionId/replay')
  @RequiresScope('subscriptions:write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deliver again every matching event from fromPosition on (inclusive): the cursor moves back (or forward) there',
  })
  @ApiParam(SUBSCRIPTION_ID)
  @ApiBody({ type: ReplayRequest })
  @ApiReadAnswer('the subscription')
  @WriteRefusals()
  replay(@Param('subscriptionId') id: string, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const input = valid(ReplayRequest, body);
    return found(reply, () => this.subscriptions.replay(checkedId(id), input.fromPosition));
  }

  @Get(':subscriptionId/deliveries')
  @RequiresScope('subscriptions:read')
  @ApiOperation({
    summary: 'The latest delivery attempts, newest first (the last 500 are kept): event, attempt, outcome, status code, latency, error',
  })
  @ApiParam(SUBSCRIPTION_ID)
  @ApiQuery(LIMIT)
  @ApiReadRefusals({ notFound: NOT_FOUND, readModel: false })
  @ApiReadAnswer('deliveries [{ seq, eventId, eventType, streamId, position, attempt, at, outcome, statusCode, latencyMs, error }]')
  deliveries(
    @Param('subscriptionId') id: string,
    @Query('limit') limit: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const max = checkedLimit(limit);
    return found(reply, async () => ({ deliveries: await this.subscriptions.deliveries(checkedId(id), max) }));
  }

  @Get(':subscriptionId/dead-letters')
  @RequiresScope('subscriptions:read')
  @ApiOperation({ summary: 'Events parked after the last attempt failed, oldest first, with the payload as sent' })
  @ApiParam(SUBSCRIPTION_ID)
  @ApiQuery(LIMIT)
  @ApiReadRefusals({ notFound: NOT_FOUND, readModel: false })
  @ApiReadAnswer('deadLetters [{ deliveryId, parkedAt, attempts, lastError, lastStatusCode, payload }]')
  deadLetters(
    @Param('subscriptionId') id: string,
    @Query('limit') limit: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const max = checkedLimit(limit);
    return found(reply, async () => ({ deadLetters: await this.subscriptions.deadLetters(checkedId(id), max) }));
  }

  @Post(':subscriptionId/dead-letters/:deliveryId/redelivery')
  @RequiresScope('subscriptions:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a parked event again, now, once: on a 2xx it leaves the dead letters; the attempt is logged either way' })
  @ApiParam(SUBSCRIPTION_ID)
  @ApiParam(DELIVERY_ID)
  @ApiReadAnswer('deliveryId, outcome (delivered | failed), statusCode, error')
  @WriteRefusals()
  redeliver(@Param('subscriptionId') id: string, @Param('deliveryId') deliveryId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return found(reply, () => this.subscriptions.redeliver(checkedId(id), checkedId(deliveryId, 'deliveryId')));
  }
}

function WriteRefusals(): MethodDecorator {
  return (target, key, descriptor) => {
    for (const decorate of WRITE_REFUSALS) decorate(target, key, descriptor);
  };
}

function valid<T extends object>(dto: new () => T, body: unknown): T {
  const { value, problems } = validateDto(dto, body, 'body');
  if (problems.length > 0) throw new ValidationFailedError(problems);
  return value;
}

function checkedId(id: string, name = 'subscriptionId'): string {
  if (!ID_PATTERN.test(id))
    throw new ValidationFailedError([{ field: `path.${name}`, code: 'INVALID_ID', message: `${name} must be ${ID_FORMAT}` }]);
  return id;
}

function checkedLimit(text: string | undefined): number {
  if (text === undefined) return 100;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 500) {
    const problem: FieldProblem = { field: 'query.limit', code: 'INVALID_LIMIT', message: 'limit must be a whole number from 1 to 500' };
    throw new ValidationFailedError([problem]);
  }
  return n;
}

/** 404 SUBSCRIPTION_NOT_FOUND when the subscription (or dead letter) is not there. */
async function found<T>(reply: FastifyReply, run: () => Promise<T>): Promise<T | ReturnType<typeof errorBody>> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof SubscriptionNotFoundError)) throw error;
    void reply.status(404);
    return errorBody(404, 'SUBSCRIPTION_NOT_FOUND', `No subscription (or parked delivery) ${error.message}`);
  }
}
