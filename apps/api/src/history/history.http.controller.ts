import { applyDecorators, Controller, Get, Inject, StreamableFile } from '@nestjs/common';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@shoplink/personal-data';
import { ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ExportShopHistory, GetShopHistory, SHOP_EVENT_TYPES, TimelineEntry } from '@shoplink/shops';
import { Readable } from 'node:stream';
import { encodeHistoryCursor } from './history-cursor';
import {
  checkHistoryExportQuery,
  checkHistoryQuery,
  HISTORY_DEFAULT_LIMIT,
  HISTORY_MAX_LIMIT,
  HistoryExportQuery,
  HistoryExportRequest,
  HistoryQuery,
  HistoryRequest,
} from './history.request.dto';
import { csvHeader, csvRecord, jsonLine } from './timeline-csv';
import { QueryGateway } from '../messaging/query-gateway';
import { ListQueryInput, ValidListQuery } from '../http/valid-list-query';
import { ACTOR_PATTERN } from '../http/identifiers';
import { RequiresScope } from '../auth/route-access.decorator';
import { ApiCursor, ApiLimit, ApiMinPosition, ApiReadAnswer, ApiReadRefusals } from '../http/api-query.decorators';

/** As checked by TimelineFilterQuery (history.request.dto.ts). */
const TIME_SCHEMA = {
  type: 'string' as const,
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?$',
};

const FILTER_QUERIES = [
  {
    name: 'type',
    required: false,
    description: `Event types, comma-separated, any of: ${SHOP_EVENT_TYPES.join(', ')}`,
    schema: { type: 'string' as const, pattern: '^[A-Za-z]{1,64}(,[A-Za-z]{1,64}){0,63}$' },
  },
  {
    name: 'from',
    required: false,
    description: 'Entries that occurred at or after this time (inclusive); ISO-8601 with Z or an offset, or a date (UTC midnight)',
    schema: TIME_SCHEMA,
    example: '2026-11-01T09:30:00Z',
  },
  {
    name: 'to',
    required: false,
    description: 'Entries that occurred before this time (exclusive); same format as from',
    schema: TIME_SCHEMA,
  },
  {
    name: 'actor',
    required: false,
    description: 'Only what this actor did, e.g. member:m-17',
    schema: { type: 'string' as const, pattern: ACTOR_PATTERN.source },
  },
];

const ApiFilterQueries = () => applyDecorators(...FILTER_QUERIES.map((query) => ApiQuery(query)), ApiMinPosition(), ApiReadRefusals());

@ApiTags('history')
@RequiresScope('audit:read')
@Controller('v1/shops/:shopId/history')
export class HistoryController {
  constructor(
    private readonly queries: QueryGateway,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "The shop's timeline, oldest first: one entry per event with time, type, actor, calling service, reason, ids and a summary. " +
      'Pass nextCursor back as cursor for the next page; pages never shift when events are appended meanwhile. nextCursor is null when nothing further matched.',
  })
  @ApiFilterQueries()
  @ApiLimit(HISTORY_MAX_LIMIT, HISTORY_DEFAULT_LIMIT, 'Entries')
  @ApiCursor()
  @ApiReadAnswer('A page of the timeline: shopId, entries [timeline entries], nextCursor (null when nothing further matched)')
  async history(@ValidListQuery(HistoryQuery, checkHistoryQuery) input: ListQueryInput<HistoryRequest>) {
    const { filter, limit, afterRevision } = input.query;
    const page = await this.queries.ask(new GetShopHistory(input.params.shopId, filter, afterRevision, limit), input.minPosition);
    return {
      shopId: page.shopId,
      entries: page.entries,
      nextCursor: page.lastRevision === null ? null : encodeHistoryCursor(page.lastRevision),
    };
  }

  @Get('export')
  @ApiOperation({
    summary:
      'The timeline (with the same filters) as a download, streamed: JSON Lines (one entry per line, values exact) or CSV (RFC 4180, header row, ' +
      "CRLF; values starting with = + - @ TAB or CR get a leading ' so spreadsheets never run them). Holds the entries up to the shop's revision when the export started.",
  })
  @ApiProduces('application/x-ndjson', 'text/csv')
  @ApiQuery({ name: 'format', required: true, enum: ['jsonl', 'csv'], description: 'JSON Lines or CSV' })
  @ApiResponse({
    status: 200,
    description: 'The timeline as a download (Content-Disposition: attachment)',
    content: {
      'application/x-ndjson': { schema: { type: 'string', description: 'One timeline entry per line, as JSON' } },
      'text/csv': { schema: { type: 'string', description: 'RFC 4180, a header row, CRLF' } },
    },
  })
  @ApiFilterQueries()
  async export(
    @ValidListQuery(HistoryExportQuery, checkHistoryExportQuery) input: ListQueryInput<HistoryExportRequest>,
  ): Promise<StreamableFile> {
    const { shopId } = input.params;
    const { filter, format } = input.query;
    const pages = revealed(await this.queries.ask(new ExportShopHistory(shopId, filter), input.minPosition), this.vault);
    const body = format === 'csv' ? csvChunks(pages) : jsonLineChunks(pages);
    return new StreamableFile(Readable.from(body, { objectMode: false }), {
      type: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson',
      // Shop ids are letters, digits, '.', '_' and '-', so the name needs no escaping.
      disposition: `attachment; filename="shop-${shopId}-history.${format}"`,
    });
  }
}

/**
 * Entries keep personal fields sealed in the read model; an export opens them page by page (RevealPersonalData does it
 * for JSON answers).
 */
async function* revealed(pages: AsyncIterable<TimelineEntry[]>, vault: PersonalDataVault): AsyncGenerator<TimelineEntry[]> {
  for await (const entries of pages) yield await vault.reveal(entries);
}

/** One chunk per page of entries: few writes to the socket, one page in memory. */
async function* csvChunks(pages: AsyncIterable<TimelineEntry[]>): AsyncGenerator<string> {
  yield csvHeader();
  for await (const entries of pages) yield entries.map(csvRecord).join('');
}

async function* jsonLineChunks(pages: AsyncIterable<TimelineEntry[]>): AsyncGenerator<string> {
  for await (const entries of pages) yield entries.map(jsonLine).join('');
}
