import { connect, Socket } from 'node:net';

export interface BenchRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** Carried to onResponse, e.g. which operation of a mix this was. */
  readonly tag?: string;
}

export interface LoadOptions {
  readonly port: number;
  readonly connections: number;
  readonly durationMs: number;
  /** The next request connection `c` sends. */
  readonly next: (connection: number) => BenchRequest;
  /** Requests per second over all connections; absent: each connection sends as fast as it is answered. */
  readonly ratePerSecond?: number;
  /** Requests to send over all connections, at most; the run ends when they are answered, or at `durationMs`. */
  readonly maxRequests?: number;
  /** Asked before each request: true ends the run early (e.g. once another load is over). */
  readonly stop?: () => boolean;
  readonly onResponse?: (request: BenchRequest, status: number, body: string, answeredAt: number) => void;
}

export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly statuses: Record<string, number>;
  /** Every request's latency, sorted, for pooling several runs. */
  readonly latenciesMs: readonly number[];
}

/**
 * A closed-loop HTTP/1.1 load generator on raw keep-alive sockets: each connection sends a
 * request, reads the whole answer (Content-Length bodies only, which is what the services
 * send), records its latency and sends the next. Much lighter than an HTTP client library, so
 * the generator is not what limits a fast server. Runs in this process, beside the server's.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const started = performance.now();
  const deadline = started + options.durationMs;
  const interval = options.ratePerSecond ? 1000 / options.ratePerSecond : 0;
  let scheduled = 0;
  let sent = 0;

  const runConnection = (c: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const socket: Socket = connect({ port: options.port, host: '127.0.0.1', noDelay: true });
      let buffer: Buffer = Buffer.alloc(0);
      let current: BenchRequest | undefined;
      let sentAt = 0;
      const sendNext = (): void => {
        const now = performance.now();
        if (now >= deadline || (options.maxRequests !== undefined && sent >= options.maxRequests) || options.stop?.()) {
          socket.end();
          return;
        }
        if (interval > 0) {
          const due = started + scheduled++ * interval;
          if (due > now) {
            setTimeout(() => (options.stop?.() ? socket.end() : sendNext0()), due - now);
            return;
          }
        }
        sendNext0();
      };
      const sendNext0 = (): void => {
        sent += 1;
        current = options.next(c);
        const body = current.body ?? '';
        let head = `${current.method} ${current.path} HTTP/1.1\r\nhost: 127.0.0.1\r\n`;
        for (const [name, value] of Object.entries(current.headers)) head += `${name}: ${value}\r\n`;
        if (body.length > 0 || current.method !== 'GET') head += `content-length: ${Buffer.byteLength(body)}\r\n`;
        sentAt = performance.now();
        socket.write(head + '\r\n' + body);
      };
      socket.on('connect', sendNext);
      socket.on('data', (chunk: Buffer) => {
        buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
        for (;;) {
          const headEnd = buffer.indexOf('\r\n\r\n');
          if (headEnd < 0) return;
          const head = buffer.subarray(0, headEnd).toString('latin1');
          const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
          if (buffer.length < headEnd + 4 + length) return;
          const body = buffer.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8');
          buffer = buffer.subarray(headEnd + 4 + length);
          const answeredAt = performance.now();
          const status = Number(head.slice(9, 12));
          latencies.push(answeredAt - sentAt);
          statuses[status] = (statuses[status] ?? 0) + 1;
          options.onResponse?.(current!, status, body, answeredAt);
          sendNext();
        }
      });
      socket.on('error', reject);
      socket.on('close', () => resolve());
    });

  await Promise.all(Array.from({ length: options.connections }, (_, c) => runConnection(c)));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds,
    perSecond: Math.round(latencies.length / seconds),
    p50Ms: round(percentile(latencies, 0.5)),
    p99Ms: round(percentile(latencies, 0.99)),
    statuses,
    latenciesMs: latencies,
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
