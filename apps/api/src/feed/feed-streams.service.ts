import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AllSubscription, EVENT_STORE, EventStore, RecordedEvent } from '@shoplink/event-store';
import type { FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';
import { AppConfig, DEFAULT_FEED_MAX_STREAMS_PER_SERVICE } from '../config/app-config';
import { APP_CONFIG } from '../config/tokens';
import { FeedInput } from './feed-input';
import { toFeedEvent } from '@shoplink/feed';
import { ShoplinkMetrics } from '../observability/metrics/shoplink-metrics';

/** What the feed streams may use; each has a default and can be set through the configuration. */
export interface FeedStreamSettings {
  /** A comment line this often keeps proxies and clients from timing an idle stream out. */
  readonly heartbeatMs: number;
  /** A client that has not read what was sent within this time is disconnected; it resumes with Last-Event-ID. */
  readonly slowClientTimeoutMs: number;
  /** Streams open at once, for every service together; one more is answered 503 with Retry-After. */
  readonly maxStreams: number;
  /** Streams one calling service may hold open at once, so no service takes the whole pool; one more is answered 429. */
  readonly maxStreamsPerService: number;
}

export const DEFAULT_FEED_STREAM_SETTINGS: FeedStreamSettings = {
  heartbeatMs: 15_000,
  slowClientTimeoutMs: 30_000,
  maxStreams: 200,
  maxStreamsPerService: DEFAULT_FEED_MAX_STREAMS_PER_SERVICE,
};

/** Why a new stream cannot open now: its service holds its share, or the pool is full. */
export type FeedStreamRefusal = 'service-share' | 'pool';

interface OpenStream {
  readonly subscription: AllSubscription;
  readonly response: ServerResponse;
  /** Ends the stream: closes the subscription, stops the heartbeat, ends the response. */
  end(): void;
}

/**
 * Server-Sent Events over `$all`: each event the client asked for is written as
 * `id: <position>`, `event: <type>`, `data: <json>`, straight from a catch-up subscription
 * that starts after the client's position. Memory stays bounded however slow the client:
 * the next event is pulled from the subscription only once the socket has taken the
 * previous one (the subscription reads the log in pages of at most 512 events and reads
 * nothing while it is not pulled), and a client that takes nothing for `slowClientTimeoutMs`
 * is disconnected, to resume with Last-Event-ID. A client that disconnects has its
 * subscription closed at once.
 */
@Injectable()
export class FeedStreams implements OnModuleDestroy {
  private readonly logger = new Logger('FeedStreams');
  private readonly open = new Set<OpenStream>();
  private readonly openByService = new Map<string, number>();
  /** Streams ever opened, for operators and tests. */
  opened = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: ShoplinkMetrics,
  ) {}

  /** Streams open now (each with its own subscription). */
  get openStreams(): number {
    return this.open.size;
  }

  get settings(): FeedStreamSettings {
    return { ...DEFAULT_FEED_STREAM_SETTINGS, ...this.config.feedStreams };
  }

  /** Streams `service` holds open now. */
  openStreamsOf(service: string): number {
    return this.openByService.get(service) ?? 0;
  }

  /**
   * Why `service` may not open one more stream now (its own share first: a service at its share is
   * told so, whatever the pool), or null when it may.
   */
  refusalFor(service: string): FeedStreamRefusal | null {
    const settings = this.settings;
    const refusal =
      this.openStreamsOf(service) >= settings.maxStreamsPerService
        ? 'service-share'
        : this.open.size >= settings.maxStreams
          ? 'pool'
          : null;
    if (refusal !== null) this.metrics.feedStreamsRefused.inc({ reason: refusal });
    return refusal;
  }

  /** Takes the response over and streams, counted against `service`'s share, until the client leaves or the service stops. */
  serve(reply: FastifyReply, input: FeedInput, service: string): void {
    const settings = this.settings;
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // Sent at once, so the client knows the stream is open before the first event.
    response.write(': shoplink event feed\nretry: 2000\n\n');

    const subscription = this.events.subscribeToAll(input.after ? { after: input.after } : {});
    let ended = false;
    let wakeWriter: (() => void) | null = null;
    const heartbeat = setInterval(() => {
      if (!response.writableNeedDrain) response.write(': heartbeat\n\n');
    }, settings.heartbeatMs);
    const stream: OpenStream = {
      subscription,
      response,
      end: () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        this.open.delete(stream);
        const left = this.openStreamsOf(service) - 1;
        if (left > 0) this.openByService.set(service, left);
        else this.openByService.delete(service);
        wakeWriter?.();
        void subscription.close().catch((error: unknown) => this.logger.warn(`closing a feed subscription failed: ${String(error)}`));
        if (!response.writableEnded) response.end();
      },
    };
    this.open.add(stream);
    this.openByService.set(service, this.openStreamsOf(service) + 1);
    this.opened += 1;
    response.on('close', stream.end);
    response.on('error', stream.end);

    const drained = (): Promise<boolean> =>
      new Promise((resolve) => {
        const done = (ok: boolean): void => {
          clearTimeout(timer);
          response.off('drain', onDrain);
          wakeWriter = null;
          resolve(ok);
        };
        const onDrain = (): void => done(true);
        const timer = setTimeout(() => done(false), settings.slowClientTimeoutMs);
        response.on('drain', onDrain);
        wakeWriter = () => done(false);
      });

    void (async () => {
      try {
        for await (const event of subscription) {
          if (ended) break;
          if (input.types && !input.types.has(event.type)) continue;
          if (!response.write(frame(event)) && !(await drained())) {
            if (!ended) this.logger.warn('feed client too slow: disconnected, it can resume with Last-Event-ID');
            break;
          }
        }
      } catch (error) {
        this.logger.error(`feed stream failed: ${String(error)}`);
      } finally {
        // The client resumes with Last-Event-ID after whatever ended the stream.
        if (!ended && !response.writableEnded && response.writableNeedDrain) response.destroy();
        stream.end();
      }
    })();
  }

  /** The service is stopping: every stream ends, so the HTTP server can close. */
  onModuleDestroy(): void {
    for (const stream of [...this.open]) stream.end();
  }
}

/** One SSE message. JSON.stringify escapes line breaks, so the data is always one line. */
function frame(event: RecordedEvent): string {
  const feedEvent = toFeedEvent(event);
  return `id: ${feedEvent.position}\nevent: ${feedEvent.type}\ndata: ${JSON.stringify(feedEvent)}\n\n`;
}
