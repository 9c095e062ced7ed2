import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { parseAllowList } from '@shoplink/subscriptions';
import { RESPONSE_CAP_BYTES, sendWebhook } from './webhook-sender';

const loopback = parseAllowList('127.0.0.1/32');

describe('sendWebhook', () => {
  let server: Server;
  let base = '';
  const bodies: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        bodies.push(Buffer.concat(chunks).toString('utf8'));
        if (request.url === '/ok') response.writeHead(202).end();
        else if (request.url === '/redirect') response.writeHead(302, { location: '/ok' }).end();
        else if (request.url === '/huge') response.writeHead(200).end(Buffer.alloc(RESPONSE_CAP_BYTES * 8, 'x'));
        else if (request.url === '/slow') setTimeout(() => response.writeHead(200).end(), 1_000);
        else response.writeHead(500).end('nope');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const send = (path: string, timeoutMs = 2_000, allowList = loopback) =>
    sendWebhook(new URL(`${base}${path}`), '{"id":"e-1"}', { 'Shoplink-Event-Id': 'e-1' }, allowList, timeoutMs);

  it('counts any 2xx as delivered, and posts the body as given', async () => {
    expect(await send('/ok')).toEqual({ ok: true, statusCode: 202 });
    expect(bodies[bodies.length - 1]).toBe('{"id":"e-1"}');
  });

  it('does not follow a redirect: a 3xx is a failure', async () => {
    const before = bodies.length;
    expect(await send('/redirect')).toEqual({ ok: false, statusCode: 302, error: 'HTTP 302' });
    expect(bodies.length).toBe(before + 1);
  });

  it('fails a non-2xx and an answer that comes too late', async () => {
    expect(await send('/fail')).toEqual({ ok: false, statusCode: 500, error: 'HTTP 500' });
    expect(await send('/slow', 200)).toEqual({ ok: false, statusCode: null, error: 'no answer within 200 ms' });
  });

  it('reads no more than the cap of a large answer', async () => {
    expect(await send('/huge')).toEqual({ ok: true, statusCode: 200 });
  });

  it('checks the destination again at delivery: a loopback receiver not allowed any more is not called', async () => {
    const before = bodies.length;
    const outcome = await send('/ok', 2_000, parseAllowList(''));
    expect(outcome).toMatchObject({ ok: false, statusCode: null, error: expect.stringMatching(/127\.0\.0\.1.*not allow/) });
    expect(bodies.length).toBe(before);
  });

  it('fails a refused connection without throwing', async () => {
    const outcome = await sendWebhook(new URL('http://127.0.0.1:1/x'), '{}', {}, loopback, 2_000);
    expect(outcome).toMatchObject({ ok: false, statusCode: null });
  });
});
