import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { LogDigest } from '@shoplink/event-store';
import { GetShopStateAsOf, GetStreamEvents, INSTANT_FORMAT, ReplayPoint, VerifyShopIntegrity } from '@shoplink/shops';
import {
  RAW_EVENTS_DEFAULT_LIMIT,
  RAW_EVENTS_MAX_LIMIT,
  RawEventsInput,
  STREAM_ID_FORMAT,
  STREAM_ID_PATTERN,
  StateAsOfInput,
  ValidRawEventsQuery,
  ValidShopPath,
  ValidStateAsOfQuery,
} from './audit-input';
import { RequiresScope } from '../auth/route-access.decorator';
import { ApiLimit, ApiReadAnswer, ApiReadRefusals } from '../http/api-query.decorators';
import { ErrorBodySchema } from '../http/api-schemas';
import { KeepPersonalDataSealed } from '../personal-data/reveal-personal-data';
import { QueryGateway } from '../messaging/query-gateway';
import { LogDigestBody, ValidDigestBody } from './digest-input';
import { LogDigests } from './log-digests';

/**
 * Read-only answers for auditors, straight from the event store: never from a read model, so
 * they hold even when a projection is behind or wrong.
 */
@ApiTags('audit')
@RequiresScope('audit:read')
@Controller('v1/audit')
export class AuditController {
  constructor(
    private readonly queries: QueryGateway,
    private readonly digests: LogDigests,
  ) {}

  @Get('streams/:streamId/events')
  @KeepPersonalDataSealed()
  @ApiOperation({
    summary:
      'The raw events of a stream as stored (personal fields sealed, as the hashes cover them), in revision order: revision, global position, id, type, data, metadata (with the hash chain: hash, previousHash, hashAlgorithm) and createdAt; page with fromRevision and nextRevision',
  })
  @ApiParam({
    name: 'streamId',
    description: STREAM_ID_FORMAT,
    example: 'shop-brand',
    schema: { type: 'string', pattern: STREAM_ID_PATTERN.source },
  })
  @ApiQuery({
    name: 'fromRevision',
    required: false,
    description: 'First revision (inclusive), default 0',
    schema: { type: 'integer', minimum: 0, default: 0 },
  })
  @ApiLimit(RAW_EVENTS_MAX_LIMIT, RAW_EVENTS_DEFAULT_LIMIT, 'Events')
  @ApiReadRefusals({ notFound: 'STREAM_NOT_FOUND: no event in that stream', readModel: false })
  @ApiReadAnswer('streamId, events [{ revision, position, id, type, data, metadata, createdAt }], nextRevision (null at the end)')
  rawEvents(@ValidRawEventsQuery() input: RawEventsInput) {
    return this.queries.ask(new GetStreamEvents(input.streamId, input.fromRevision, input.limit));
  }

  @Get('shops/:shopId/state')
  @ApiOperation({
    summary:
      "The shop as it was at a moment (asOf, compared with each event's metadata.occurredAt) or at a revision, rebuilt by replaying the domain's own evolve over its stream; names the event it stopped at and the next one",
  })
  @ApiQuery({
    name: 'asOf',
    required: false,
    description: `${INSTANT_FORMAT}; exactly one of asOf and revision`,
    schema: { type: 'string', format: 'date-time' },
    example: '2026-11-01T09:00:00Z',
  })
  @ApiQuery({
    name: 'revision',
    required: false,
    description: 'A stream revision (inclusive); exactly one of asOf and revision',
    schema: { type: 'integer', minimum: 0 },
  })
  @ApiReadRefusals({ notFound: 'SHOP_NOT_FOUND', readModel: false })
  @ApiResponse({
    status: 409,
    description: 'STREAM_INTEGRITY_BROKEN: an event before the point asked was removed from the stream (no such state existed)',
    type: ErrorBodySchema,
  })
  @ApiReadAnswer(
    'shopId, streamId, asOf or revision, stoppedAt, nextEvent, eventsApplied, lastRevision, state, integrity { intact, checkedThrough, firstProblem } and warnings (a state rebuilt from altered events is answered, flagged)',
  )
  async stateAsOf(@ValidStateAsOfQuery() input: StateAsOfInput) {
    const point: ReplayPoint = 'asOf' in input ? { asOf: input.asOf } : { revision: input.revision };
    const replayed = await this.queries.ask(new GetShopStateAsOf(input.shopId, point));
    const asked = 'asOf' in point ? { asOf: point.asOf.toISOString() } : { revision: point.revision };
    const { shopId, streamId, stoppedAt, nextEvent, eventsApplied, lastRevision, state, integrity, warnings } = replayed;
    return { shopId, streamId, ...asked, stoppedAt, nextEvent, eventsApplied, lastRevision, state, integrity, warnings };
  }

  @Get('shops/:shopId/integrity')
  @ApiOperation({
    summary:
      "Verifies the hash chain of the shop's stream and of the account streams its links went through; 200 either way, the verdict (intact, firstProblem: altered | removed | inserted | reordered, with the revision and event id) is the answer",
  })
  @ApiReadRefusals({ notFound: 'SHOP_NOT_FOUND', readModel: false })
  @ApiReadAnswer(
    'The verdict: intact, and when not, firstProblem (altered | removed | inserted | reordered) with the revision and event id',
  )
  integrity(@ValidShopPath() input: { shopId: string }) {
    return this.queries.ask(new VerifyShopIntegrity(input.shopId));
  }

  @Get('digest')
  @ApiOperation({
    summary:
      'A signed digest of the whole log: the position of its last event, the log hash there (one SHA-256 chain over every event in position order), the number of events, signedAt, keyId and an Ed25519 signature. Keep it: POST /v1/audit/digest/verification (or shoplink-audit verify --all --digest) later proves nothing up to it was altered, removed, reordered or re-hashed',
  })
  @ApiReadRefusals({ readModel: false })
  @ApiReadAnswer('position, logHash, events, logHashAlgorithm, signedAt, keyId, algorithm (Ed25519), signature (base64)', {
    position: '42',
    logHash: 'ab'.repeat(32),
    events: 42,
    logHashAlgorithm: 'sha256-log-chain-v1',
    signedAt: '2026-11-01T09:00:00.000Z',
    keyId: '20261101T090000Z-0a1b2c3d',
    algorithm: 'Ed25519',
    signature: 'bWFkZSB1cCBmb3IgdGhlIGV4YW1wbGU=',
  })
  digest(): Promise<LogDigest> {
    return this.digests.current();
  }

  @Get('digest-keys')
  @ApiOperation({
    summary:
      'The public keys digests are signed with, by key id, as JWK (RFC 8037, OKP / Ed25519) and PEM (SPKI); `signing` marks the one new digests use. Older keys stay listed so digests signed before a rotation still verify',
  })
  @ApiReadRefusals({ readModel: false })
  @ApiReadAnswer('keys [{ keyId, algorithm, jwk { kty, crv, x, kid }, publicKeyPem, signing }]')
  digestKeys() {
    return this.digests.publishedKeys();
  }

  @Post('digest/verification')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Holds a digest an auditor kept against the log as it is now, recomputed from the events (never from a stored hash): 200 with matches, signatureValid, checkedUpTo and, when it does not match, firstDifference (kind log-hash-differs | position-missing | log-ends-before, position, matchesUpTo, logEndsAt, the altered event when its own hash shows it). A digest not signed by a key of this service answers signatureValid false and concludes nothing',
  })
  @ApiBody({ type: LogDigestBody })
  @ApiResponse({
    status: 400,
    description: 'VALIDATION_FAILED: the body is not a digest; every bad field named in details',
    type: ErrorBodySchema,
  })
  @ApiReadAnswer(
    'matches, signatureValid (with signatureProblem unknown-key | unsupported-algorithm | bad-signature when false), keyId, position, checkedUpTo, recomputed { position, logHash, events }, firstDifference { kind, position, matchesUpTo, logEndsAt?, alteredEvent?, message }, anchorsConsulted, message',
  )
  verifyDigest(@ValidDigestBody() digest: LogDigest) {
    return this.digests.verify(digest);
  }
}
