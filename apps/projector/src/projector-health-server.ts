import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Readiness } from '@shoplink/storage';

/** GET /metrics: who may scrape (a status to refuse with, or null), and the Prometheus text. */
export interface MetricsEndpoint {
  readonly contentType: string;
  authorize(authorization: string | undefined): Promise<401 | 403 | null>;
  scrape(): Promise<string>;
}

/**
 * The projector's only HTTP surface, for orchestrators and Prometheus: `GET /health` (the process
 * answers) and `GET /health/ready` (the stores answer; the projection's checkpoint and lag), 200
 * or 503, and `GET /metrics` (a service token with `metrics:read`, as for the API's).
 * Plain node:http: a process with three routes needs no framework. Nothing here is traced.
 */
export async function startHealthServer(
  host: string,
  port: number,
  readiness: () => Promise<Readiness>,
  metrics: MetricsEndpoint,
): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    void answer(request, response, readiness, metrics);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return { server, url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}` };
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  readiness: () => Promise<Readiness>,
  metrics: MetricsEndpoint,
): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  try {
    if (request.method !== 'GET') return send(response, 405, { status: 'method not allowed' });
    if (path === '/health') return send(response, 200, { status: 'ok' });
    if (path === '/health/ready') {
      const { ready, body } = await readiness();
      return send(response, ready ? 200 : 503, body);
    }
    if (path === '/metrics') {
      const refused = await metrics.authorize(request.headers.authorization);
      if (refused === 401) {
        response.setHeader('www-authenticate', 'Bearer');
        return send(response, 401, { code: 'UNAUTHENTICATED', message: 'a valid service token is required' });
      }
      if (refused === 403)
        return send(response, 403, { code: 'FORBIDDEN_SCOPE', message: 'the service token lacks the metrics:read scope' });
      const text = await metrics.scrape();
      response.writeHead(200, {
        'content-type': metrics.contentType,
        'cache-control': 'no-store',
        'content-length': Buffer.byteLength(text),
      });
      response.end(text);
      return;
    }
    return send(response, 404, { status: 'not found' });
  } catch (error) {
    send(response, 500, { status: 'error', error: error instanceof Error ? error.message : String(error) });
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
