import { request as httpRequest, IncomingMessage, ClientRequest } from 'node:http';
import { RecordedEvent, STORED_EVENT_STORE, encodePosition } from '@shoplink/event-store';
import { SqliteEventStore } from '@shoplink/event-store/sqlite/sqlite-event-store';
import { FeedStreams } from '../apps/api/src/feed/feed-streams.service';
import { ShoplinkTestApp } from './support/shoplink-test-app';
import { ShopScenario, SECURITY } from './support/shop-scenarios';
import { bearer } from './support/service-tokens';

/** One Server-Sent Events message as the client parsed it. */
interface SseMessage {
  readonly id: string | null;
  readonly event: string | null;
  readonly data: string | null;
  readonly comment: string | null;
}

/**
 * A bare SSE client on node:http: parses the stream into messages as they arrive, and can
 * disconnect mid-stream (destroying the socket, as a crashed client or a dropped network would).
 */
class SseClient {
  readonly messages: SseMessage[] = [];
  status = 0;
  headers: IncomingMessage['headers'] = {};
  ended = false;
  private buffer = '';
  private readonly waiters = new Set<() => void>();
  private readonly request: ClientRequest;
  private response: IncomingMessage | null = null;

  private constructor(
    url: string,
    headers: Record<string, string>,
    readonly body: Promise<string>,
  ) {
    let resolveBody!: (text: string) => void;
    this.body = new Promise((resolve) => (resolveBody = resolve));
    this.request = httpRequest(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      this.response = response;
      this.status = response.statusCode ?? 0;
      this.headers = response.headers;
      response.setEncoding('utf8');
      let all = '';
      response.on('data', (chunk: string) => {
        all += chunk;
        if (this.status === 200) this.parse(chunk);
        this.notify();
      });
      const finish = (): void => {
        this.ended = true;
        resolveBody(all);
        this.notify();
      };
      response.on('end', finish);
      response.on('close', finish);
      response.on('error', finish);
    });
    this.request.on('error', () => {
      this.ended = true;
      resolveBody('');
      this.notify();
    });
    this.request.end();
  }

  static open(app: ShoplinkTestApp, path: string, headers: Record<string, string> = {}): SseClient {
    return new SseClient(`${app.baseUrl}${path}`, { ...app.authorization, ...headers }, Promise.resolve(''));
  }

  get events(): SseMessage[] {
    return this.messages.filter((m) => m.data !== null);
  }

  get ids(): string[] {
    return this.events.map((m) => m.id!);
  }

  /** Stops reading from the socket (a slow client), or resumes. */
  pause(): void {
    this.response?.pause();
  }

  /** Resolves once `predicate` holds (checked on every chunk), or fails after `timeoutMs`. */
  async until(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline)
        throw new Error(`SSE client: condition not met in ${timeoutMs} ms; got ${this.messages.length} messages, ended=${this.ended}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Disconnects as a client that goes away mid-stream. */
  disconnect(): void {
    this.request.destroy();
  }

  private notify(): void {
    for (const wake of [...this.waiters]) wake();
    this.waiters.clear();
  }

  private parse(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let id: string | null = null;
      let event: string | null = null;
      let data: string | null = null;
      let comment: string | null = null;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) comment = line.slice(1).trim();
        else if (line.startsWith('id: ')) id = line.slice(4);
        else if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data = line.slice(6);
      }
      this.messages.push({ id, event, data, comment });
    }
  }
}

describe('Event feed for other services', () => {
  let app: ShoplinkTestApp;
  let scenario: ShopScenario;
  let log: SqliteEventStore;

  const allEvents = async (): Promise<RecordedEvent[]> => log.readAll({ maxCount: 1_000_000 });
  const positionsOf = (events: readonly RecordedEvent[]): string[] => events.map((e) => encodePosition(e.position));
  const streams = (): FeedStreams => app.nest.get(FeedStreams);
  /** The embedded store's own count of open $all subscriptions (private: read here to prove the feed closes its own). */
  const storeSubscriptions = (): number => app.nest.get<any>(STORED_EVENT_STORE).inner.subscriptions.size;
  const waitForNoOpenStreams = async (): Promise<void> => {
    const deadline = Date.now() + 5_000;
    while (streams().openStreams > 0) {
      if (Date.now() > deadline) throw new Error(`${streams().openStreams} feed streams still open`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  /** A shop whose official account is linked then unlinked with a code, with money and an order. */
  const shopWithADisconnect = async (shopId: string): Promise<void> => {
    await scenario.verifiedShop(shopId);
    await scenario.link(shopId, `${shopId}-official`, 'official');
    await scenario.link(shopId, `${shopId}-ads`, 'marketing');
    await scenario.credit(shopId, `${shopId}-settlement-1`, 4_500);
    app.clock.advanceHours(25); // an account may be unlinked 24 hours after linking
    await scenario.unlink(shopId, `${shopId}-ads`, 'privacy');
  };

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    scenario = new ShopScenario(app);
    log = new SqliteEventStore(app.config.dataFile);
    await shopWithADisconnect('feed-a');
    await shopWithADisconnect('feed-b');
  });

  afterAll(async () => {
    await log.close();
    await app.destroy();
  });

  describe('GET /v1/feed (catch-up)', () => {
    it('pages through the whole log in $all order, with nextAfter as the cursor and caughtUp at the end', async () => {
      const expected = await allEvents();
      const pages: any[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 100; guard++) {
        const page = await app.request('GET', `/v1/feed?limit=7${after ? `&after=${after}` : ''}`);
        expect(page.status).toBe(200);
        pages.push(page.body);
        after = page.body.nextAfter;
        if (page.body.caughtUp) break;
      }

      const received = pages.flatMap((p) => p.events);
      expect(received.map((e: any) => e.position)).toEqual(positionsOf(expected));
      expect(received.map((e: any) => e.id)).toEqual(expected.map((e) => e.id));
      expect(pages.slice(0, -1).every((p) => p.events.length === 7)).toBe(true);
      expect(after).toBe(encodePosition(expected[expected.length - 1].position));

      // Caught up: asking again after the end answers nothing new and the same cursor.
      const again = await app.request('GET', `/v1/feed?after=${after}`);
      expect(again.body).toEqual({ events: [], nextAfter: after, caughtUp: true });
    });

    it('answers lean events: position, stream, revision, id, type, data, occurredAt, actor, correlationId', async () => {
      // The log opens with the policy the service started under; the shop's registration follows.
      const [activation, first] = (await app.request('GET', '/v1/feed?limit=2')).body.events;
      expect(activation).toMatchObject({ streamId: 'policy-versions', type: 'PolicyVersionActivated', actor: 'system:shoplink' });
      const [, recorded] = await allEvents();
      expect(first).toEqual({
        position: encodePosition(recorded.position),
        streamId: 'shop-feed-a',
        revision: 0,
        id: recorded.id,
        type: 'ShopRegistered',
        data: recorded.data,
        occurredAt: recorded.metadata.occurredAt,
        actor: 'member:m-owner',
        correlationId: recorded.metadata.correlationId,
      });
    });

    it('filters by type ("tell me when a disconnect happens") and hides the unlink code hash and salt', async () => {
      const page = await app.request('GET', '/v1/feed?types=UnlinkRequested,AccountUnlinked');
      expect(page.status).toBe(200);
      expect(page.body.caughtUp).toBe(true);
      expect(page.body.events.map((e: any) => [e.streamId, e.type])).toEqual([
        ['shop-feed-a', 'UnlinkRequested'],
        ['shop-feed-a', 'AccountUnlinked'],
        ['shop-feed-b', 'UnlinkRequested'],
        ['shop-feed-b', 'AccountUnlinked'],
      ]);
      const [requested, unlinked] = page.body.events;
      expect(requested.data).not.toHaveProperty('codeHash');
      expect(requested.data).not.toHaveProperty('codeSalt');
      expect(requested.data).toMatchObject({ shopId: 'feed-a', accountId: 'feed-a-ads', reason: 'privacy', requestId: expect.any(String) });
      expect(unlinked.data).toMatchObject({ shopId: 'feed-a', accountId: 'feed-a-ads', mode: 'confirmed', reason: 'privacy' });
      expect(JSON.stringify(page.body)).not.toMatch(/codeHash|codeSalt|previousHash|"hash"/);

      // The raw events do hold them: the feed drops them on the way out.
      const raw = (await allEvents()).find((e) => e.type === 'UnlinkRequested')!;
      expect(raw.data).toHaveProperty('codeHash');

      // Repeated parameters work too, and account-stream events can be followed.
      const claims = await app.request('GET', '/v1/feed?types=AccountReleased&types=AccountUnlinked');
      expect(claims.body.events.map((e: any) => e.type).sort()).toEqual([
        'AccountReleased',
        'AccountReleased',
        'AccountUnlinked',
        'AccountUnlinked',
      ]);
      expect(claims.body.events.filter((e: any) => e.type === 'AccountReleased').map((e: any) => e.streamId)).toEqual([
        'account-feed-a-ads',
        'account-feed-b-ads',
      ]);
    });

    it('moves the cursor past events filtered out, so a filtered page never rescans them', async () => {
      const expected = await allEvents();
      const page = await app.request('GET', '/v1/feed?types=AccountUnlinked&limit=1');
      const firstUnlink = expected.find((e) => e.type === 'AccountUnlinked')!;
      expect(page.body.events.map((e: any) => e.position)).toEqual([encodePosition(firstUnlink.position)]);
      expect(page.body.nextAfter).toBe(encodePosition(firstUnlink.position));
      expect(page.body.caughtUp).toBe(false);

      const rest = await app.request('GET', `/v1/feed?types=ShopRegistered&after=${page.body.nextAfter}`);
      expect(rest.body.events).toEqual([expect.objectContaining({ streamId: 'shop-feed-b', type: 'ShopRegistered' })]);
      expect(rest.body.nextAfter).toBe(encodePosition(expected[expected.length - 1].position));
    });

    it('refuses unknown types, bad positions and limits, and unknown parameters, naming each', async () => {
      const bad = await app.request('GET', '/v1/feed?types=AccountUnlinked,ShopExploded&after=abc&limit=1001&since=1');
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect(bad.body.details.map((d: any) => [d.field, d.code])).toEqual(
        expect.arrayContaining([
          ['query.types', 'UNKNOWN_EVENT_TYPE'],
          ['query.after', 'INVALID_POSITION'],
          ['query.limit', 'INVALID_LIMIT'],
          ['query.since', 'UNKNOWN_FIELD'],
        ]),
      );
      expect((await app.request('GET', '/v1/feed?limit=0')).status).toBe(400);
      expect((await app.request('GET', '/v1/feed?types=')).status).toBe(400);
    });
  });

  describe('GET /v1/feed/stream (Server-Sent Events)', () => {
    it('streams every event as id/event/data, then live appends, with the same JSON as the catch-up', async () => {
      const expected = await allEvents();
      const client = SseClient.open(app, '/v1/feed/stream');
      await client.until(() => client.events.length >= expected.length);
      expect(client.status).toBe(200);
      expect(client.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(client.ids).toEqual(positionsOf(expected));
      expect(client.events.map((m) => m.event)).toEqual(expected.map((e) => e.type));
      const catchUp = (await app.request('GET', `/v1/feed?limit=${expected.length}`)).body.events;
      expect(client.events.map((m) => JSON.parse(m.data!))).toEqual(catchUp);

      const order = await scenario.placeOrder('feed-a', 'order-live-1');
      await client.until(() => client.ids.includes(order.body.position));
      expect(client.events.at(-1)).toMatchObject({ id: order.body.position, event: 'OrderPlaced' });
      client.disconnect();
      await waitForNoOpenStreams();
    });

    it('resumes after a disconnect with Last-Event-ID: exactly the missed events, in order, no loss, no duplicates', async () => {
      const before = await allEvents();
      const first = SseClient.open(app, '/v1/feed/stream');
      // Reads part of the log, then drops mid-stream.
      await first.until(() => first.events.length >= 9);
      first.disconnect();
      await waitForNoOpenStreams();
      const seen = first.ids;
      expect(seen.length).toBeGreaterThanOrEqual(9);
      expect(seen).toEqual(positionsOf(before).slice(0, seen.length));

      // Appends happen while it is away (a disconnect among them).
      await scenario.placeOrder('feed-b', 'order-away-1');
      await scenario.credit('feed-b', 'settlement-away-1', 1_250, 'order-away-1');
      await scenario.fulfil('feed-b', 'order-away-1');
      app.clock.advanceHours(25); // past the 24 hours before an account may be unlinked
      await scenario.unlink('feed-b', 'feed-b-official', 'closure');
      const incident = await app.command(
        'POST',
        '/v1/shops/feed-b/security-incidents',
        { incidentId: 'incident-away', description: 'Token leaked' },
        SECURITY,
      );
      expect(incident.status).toBe(200);
      const whileAway = await allEvents();
      expect(whileAway.length).toBeGreaterThan(before.length);

      // The reconnect sends the original URL and Last-Event-ID, as an EventSource does.
      const second = SseClient.open(app, '/v1/feed/stream', { 'last-event-id': seen[seen.length - 1] });
      await second.until(() => second.ids.includes(encodePosition(whileAway[whileAway.length - 1].position)));
      const live = await scenario.placeOrder('feed-b', 'order-after-reconnect');
      await second.until(() => second.ids.includes(live.body.position));
      second.disconnect();

      const everything = positionsOf(await allEvents());
      const received = [...seen, ...second.ids];
      expect(received).toEqual(everything);
      expect(new Set(received).size).toBe(received.length);
      await waitForNoOpenStreams();
    });

    it('filters a stream by type and starts after a position; Last-Event-ID wins over after', async () => {
      const events = await allEvents();
      const unlinks = events.filter((e) => e.type === 'AccountUnlinked');
      const client = SseClient.open(app, `/v1/feed/stream?types=AccountUnlinked&after=${encodePosition(unlinks[0].position)}`);
      await client.until(() => client.events.length >= unlinks.length - 1);
      expect(client.ids).toEqual(positionsOf(unlinks.slice(1)));
      expect(client.events.every((m) => m.event === 'AccountUnlinked' && !m.data!.includes('codeHash'))).toBe(true);
      client.disconnect();

      const resumed = SseClient.open(app, `/v1/feed/stream?types=AccountUnlinked&after=0`, {
        'last-event-id': encodePosition(unlinks[1].position),
      });
      await resumed.until(() => resumed.events.length >= unlinks.length - 2);
      expect(resumed.ids).toEqual(positionsOf(unlinks.slice(2)));
      resumed.disconnect();
      await waitForNoOpenStreams();
    });

    it('refuses a bad Last-Event-ID or type before streaming, as a JSON error', async () => {
      const badId = SseClient.open(app, '/v1/feed/stream', { 'last-event-id': 'yesterday' });
      const body = JSON.parse(await badId.body);
      expect(badId.status).toBe(400);
      expect(body.details).toEqual([expect.objectContaining({ field: 'header.Last-Event-ID', code: 'INVALID_POSITION' })]);

      const badType = SseClient.open(app, '/v1/feed/stream?types=Nope&limit=3');
      expect(JSON.parse(await badType.body).details.map((d: any) => d.field)).toEqual(['query.limit', 'query.types']);
      expect(streams().openStreams).toBe(0);
    });

    it('closes the subscription when a client disconnects, through many connects and disconnects', async () => {
      const openedBefore = streams().opened;
      const baseline = storeSubscriptions(); // the projector's own
      for (let round = 0; round < 5; round++) {
        const clients = Array.from({ length: 8 }, () => SseClient.open(app, '/v1/feed/stream?types=ShopRegistered'));
        await Promise.all(clients.map((c) => c.until(() => c.events.length >= 2)));
        expect(streams().openStreams).toBe(8);
        expect(storeSubscriptions()).toBe(baseline + 8);
        for (const c of clients) c.disconnect();
        await waitForNoOpenStreams();
        expect(storeSubscriptions()).toBe(baseline);
      }
      expect(streams().opened - openedBefore).toBe(40);
      // Still serving, and a new stream still gets live events.
      expect((await app.request('GET', '/health/ready')).status).toBe(200);
      const client = SseClient.open(app, '/v1/feed/stream?types=OrderPlaced');
      await client.until(() => client.events.length >= 1);
      const order = await scenario.placeOrder('feed-a', 'order-after-churn');
      await client.until(() => client.ids.includes(order.body.position));
      client.disconnect();
      await waitForNoOpenStreams();
    });

    it('sends heartbeat comments on an idle stream', async () => {
      Object.assign(app.config, { feedStreams: { heartbeatMs: 100 } });
      try {
        const client = SseClient.open(app, `/v1/feed/stream?after=${encodePosition(await log.headPosition())}`);
        await client.until(() => client.messages.filter((m) => m.comment === 'heartbeat').length >= 2);
        expect(client.events).toEqual([]);
        client.disconnect();
        await waitForNoOpenStreams();
      } finally {
        Object.assign(app.config, { feedStreams: undefined });
      }
    });

    it("answers HEAD at once with the stream's headers, holding no stream open (the fuzzer found it hanging)", async () => {
      const started = Date.now();
      const answer = await app.request('HEAD', '/v1/feed/stream');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toContain('text/event-stream');
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(streams().openStreams).toBe(0);
    });

    it('answers 503 with Retry-After when the most streams are open', async () => {
      Object.assign(app.config, { feedStreams: { maxStreams: 2 } });
      try {
        const open = [SseClient.open(app, '/v1/feed/stream'), SseClient.open(app, '/v1/feed/stream')];
        await Promise.all(open.map((c) => c.until(() => c.events.length >= 1)));
        const third = SseClient.open(app, '/v1/feed/stream');
        expect(JSON.parse(await third.body)).toMatchObject({ statusCode: 503, code: 'FEED_STREAMS_EXHAUSTED' });
        expect(third.headers['retry-after']).toBe('5');
        for (const c of open) c.disconnect();
        await waitForNoOpenStreams();
      } finally {
        Object.assign(app.config, { feedStreams: undefined });
      }
    });

    it('gives each calling service a share of the streams: one over its share gets 429 with Retry-After, another still streams', async () => {
      Object.assign(app.config, { feedStreams: { maxStreamsPerService: 2 } });
      try {
        const greedy = await bearer({ service: 'greedy-reader', scopes: ['feed:read'] });
        const open = [SseClient.open(app, '/v1/feed/stream', greedy), SseClient.open(app, '/v1/feed/stream', greedy)];
        await Promise.all(open.map((c) => c.until(() => c.events.length >= 1)));
        const third = SseClient.open(app, '/v1/feed/stream', greedy);
        expect(JSON.parse(await third.body)).toEqual({
          statusCode: 429,
          error: 'Too Many Requests',
          code: 'RATE_LIMITED',
          message: 'This service already holds 2 feed streams open, its most; close one, or retry after 5 s',
          details: [{ code: 'FEED_STREAMS_PER_SERVICE', openStreams: 2, maxStreamsPerService: 2 }],
        });
        expect(third.status).toBe(429);
        expect(third.headers['retry-after']).toBe('5');

        // Another service is not held back by it.
        const fair = SseClient.open(app, '/v1/feed/stream', await bearer({ service: 'fair-reader', scopes: ['feed:read'] }));
        await fair.until(() => fair.events.length >= 1);
        expect(fair.status).toBe(200);
        expect([streams().openStreams, streams().openStreamsOf('greedy-reader'), streams().openStreamsOf('fair-reader')]).toEqual([
          3, 2, 1,
        ]);

        // Closing one of its streams gives the greedy service its share back.
        open[0].disconnect();
        const deadline = Date.now() + 5_000;
        while (streams().openStreamsOf('greedy-reader') > 1 && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 20));
        const again = SseClient.open(app, '/v1/feed/stream', greedy);
        await again.until(() => again.events.length >= 1);
        expect(again.status).toBe(200);

        for (const c of [open[1], fair, again]) c.disconnect();
        await waitForNoOpenStreams();
        expect(streams().openStreamsOf('greedy-reader')).toBe(0);
      } finally {
        Object.assign(app.config, { feedStreams: undefined });
      }
    });

    it('disconnects a client that stops reading instead of buffering for it, and it resumes with Last-Event-ID', async () => {
      // More than the socket buffers hold (~30 MB: Linux lets a receive buffer grow to 32 MB, a send buffer to 4 MB),
      // appended straight to the log through a second connection, as another process would.
      const writer = new SqliteEventStore(app.config.dataFile);
      try {
        for (let batch = 0; batch < 80; batch++) {
          const events = Array.from({ length: 250 }, (_, i) => ({
            id: `bulk-${batch}-${i}`,
            type: 'OrderPlaced',
            data: {
              shopId: 'feed-bulk',
              orderId: `bulk-${batch}-${i}`,
              amount: 100,
              currency: 'GBP',
              placedAt: '2026-01-01T00:00:00.000Z',
              note: 'x'.repeat(1_000),
            },
            metadata: {
              occurredAt: '2026-01-01T00:00:00.000Z',
              actor: { kind: 'system', id: 'order-service' },
              correlationId: `bulk-${batch}`,
            },
          }));
          await writer.appendToStream('shop-feed-bulk', events, 'any');
        }
      } finally {
        await writer.close();
      }
      const head = encodePosition(await log.headPosition());
      Object.assign(app.config, { feedStreams: { slowClientTimeoutMs: 300 } });
      try {
        const slow = SseClient.open(app, '/v1/feed/stream');
        await slow.until(() => slow.events.length >= 1);
        slow.pause();
        // The server gives up on it rather than holding the rest of the log for it.
        await waitForNoOpenStreams();
        expect(slow.ended || streams().openStreams === 0).toBe(true);
        slow.disconnect();

        // What it did receive is a prefix of the log; resuming after it delivers the rest. The
        // resuming client reads at the machine's pace, which on a busy machine can itself fall
        // behind a 300 ms patience: it resumes with the usual one, and the wait is for the stream's
        // head or its end (checked next), not for a time budget sized on a quiet machine.
        Object.assign(app.config, { feedStreams: undefined });
        const got = slow.ids;
        const resumed = SseClient.open(app, '/v1/feed/stream', { 'last-event-id': got[got.length - 1] });
        await resumed.until(() => resumed.ids.includes(head) || resumed.ended, 120_000);
        expect(resumed.ended).toBe(false);
        resumed.disconnect();
        const everything = positionsOf(await allEvents());
        expect([...got, ...resumed.ids]).toEqual(everything);
        await waitForNoOpenStreams();
      } finally {
        Object.assign(app.config, { feedStreams: undefined });
      }
    }, 180_000);

    it('ends open streams when the service stops, so it stops promptly', async () => {
      const client = SseClient.open(app, '/v1/feed/stream?types=ShopRegistered');
      await client.until(() => client.events.length >= 1);
      const started = Date.now();
      await app.restart();
      expect(Date.now() - started).toBeLessThan(5_000);
      await client.until(() => client.ended);
      expect((await app.request('GET', '/v1/feed?limit=1')).status).toBe(200);
    });
  });
});
