import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SlowedConnections } from './slowed-connections';

/** A real server and keep-alive connections: whether a connection's next request waits is up to Node's sockets. */
describe('SlowedConnections', () => {
  const DELAY_MS = 300;
  let server: http.Server;
  let slowed: SlowedConnections;
  let port: number;

  const start = async (delayMs: number, max = 10) => {
    slowed = new SlowedConnections(delayMs, max, () => 0.5);
    server = http.createServer((request, response) => {
      response.writeHead(429, { 'content-length': '2' }).end('no');
      slowed.slowAfter(response, request.socket);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  };

  /** Milliseconds from sending to the whole answer, on the agent's one connection. */
  const timed = (agent: http.Agent) =>
    new Promise<number>((resolve, reject) => {
      const sent = performance.now();
      http
        .get({ host: '127.0.0.1', port, path: '/', agent }, (response) => {
          response.resume();
          response.on('end', () => resolve(performance.now() - sent));
        })
        .on('error', reject);
    });

  const agents: http.Agent[] = [];
  const connection = () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(agent);
    return agent;
  };

  afterEach(async () => {
    for (const agent of agents.splice(0)) agent.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('answers at once, then reads the connection’s next request only after the delay; another connection is not slowed', async () => {
    await start(DELAY_MS);
    const attacker = connection();
    expect(await timed(attacker)).toBeLessThan(DELAY_MS / 2);
    expect(slowed.size).toBe(1);
    expect(await timed(attacker)).toBeGreaterThanOrEqual(DELAY_MS - 20);
    expect(await timed(connection())).toBeLessThan(DELAY_MS / 2);
  });

  it('closes every waiting connection when asked (the service is stopping): a request sent on one meanwhile was never read', async () => {
    await start(60_000);
    const attacker = connection();
    await timed(attacker);
    const waiting = timed(attacker).then(
      () => 'answered',
      (error: NodeJS.ErrnoException) => error.code,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    slowed.closeAll();
    expect(await waiting).toBe('ECONNRESET');
    expect(slowed.size).toBe(0);
  });

  it('slows at most `max` connections at once, and none with a delay of 0', async () => {
    await start(60_000, 1);
    const first = connection();
    const second = connection();
    await timed(first);
    await timed(second);
    expect(slowed.size).toBe(1);
    expect(await timed(second)).toBeLessThan(1_000);
    slowed.closeAll();
    await new Promise((resolve) => server.close(resolve));
    server.closeAllConnections();
    await start(0);
    const unslowed = connection();
    await timed(unslowed);
    expect(slowed.size).toBe(0);
    expect(await timed(unslowed)).toBeLessThan(1_000);
  });
});
