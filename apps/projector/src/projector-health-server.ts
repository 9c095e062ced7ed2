import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Readiness } from '@shoplink/storage';

/**
 * The projector's only HTTP surface, for orchestrators: `GET /health` (the process answers) and
 * `GET /health/ready` (the stores answer; the projection's checkpoint and lag), 200 or 503.
 * Plain node:http: a process with two routes needs no framework.
 */
export async function startHealthServer(
  host: string,
  port: number,
  readiness: () => Promise<Readiness>,
): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    void answer(request, response, readiness);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return { server, url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}` };
}

async function answer(request: IncomingMessage, response: ServerResponse, readiness: () => Promise<Readiness>): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  try {
    if (request.method !== 'GET') return send(response, 405, { status: 'method not allowed' });
    if (path === '/health') return send(response, 200, { status: 'ok' });
    if (path === '/health/ready') {
      const { ready, body } = await readiness();
      return send(response, ready ? 200 : 503, body);
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
