import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { verifyShoplinkSignature } from '../docs/examples/verify-shoplink-signature';
import { ShoplinkTestApp } from './support/shoplink-test-app';
import { ShopScenario } from './support/shop-scenarios';

/** How long the receiver stays down in the outage scenario (many retries: backoff capped at 1 s here); the suite takes under 40 s. */
const RECEIVER_DOWN_MS = 30_000;

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly raw: string;
  readonly body: any;
}

/** A real HTTP receiver on loopback: records every delivery, answers `status`; can go down and come back on the same port. */
class Receiver {
  readonly received: Received[] = [];
  status = 204;
  private server: Server | null = null;
  port = 0;

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        this.received.push({ headers: request.headers, raw, body: JSON.parse(raw) });
        response.statusCode = this.status;
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  ids(): string[] {
    return this.received.map((r) => r.body.id);
  }
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The events of the log strictly after `after`, in log order, as the feed lists them. */
async function logAfter(app: ShoplinkTestApp, after: string | null): Promise<any[]> {
  const page = await app.request('GET', `/v1/feed?limit=1000${after ? `&after=${after}` : ''}`);
  expect(page.status).toBe(200);
  return page.body.events;
}

function expectSignedWith(delivery: Received, secret: string): void {
  expect(verifyShoplinkSignature(String(delivery.headers['shoplink-signature']), delivery.raw, secret)).toBe(true);
}

describe('Webhooks: push delivery to subscribed services', () => {
  describe('delivery, outage and rotation', () => {
    let app: ShoplinkTestApp;
    let scenario: ShopScenario;
    const receiver = new Receiver();

    beforeAll(async () => {
      await receiver.start();
      app = await ShoplinkTestApp.start({
        webhooks: { allowedDestinations: '127.0.0.1/32', maxAttempts: 100, backoffBaseMs: 100, backoffMaxMs: 1_000, pollIntervalMs: 50 },
      });
      scenario = new ShopScenario(app);
    });

    afterAll(async () => {
      await app.destroy();
      await receiver.stop();
    });

    it('refuses a destination outside the allow-list, and every bad field, naming them', async () => {
      for (const url of ['http://192.168.1.10/hooks', 'http://169.254.169.254/latest', 'http://10.0.0.1:8080/x', 'ftp://127.0.0.1/x']) {
        const refused = await app.request('POST', '/v1/subscriptions', { url, eventTypes: [], description: 'probe' });
        expect(refused.status).toBe(400);
        expect(refused.body.details).toEqual([expect.objectContaining({ field: 'body.url' })]);
      }
      const bad = await app.request('POST', '/v1/subscriptions', { url: receiver.url, eventTypes: ['NoSuchEvent'], extra: 1 });
      expect(bad.status).toBe(400);
      expect([...new Set(bad.body.details.map((d: any) => d.field))].sort()).toEqual(['body.description', 'body.eventTypes', 'body.extra']);
      expect((await app.request('GET', '/v1/subscriptions')).body.subscriptions).toEqual([]);
    });

    it('delivers every event in log order (so in order per shop), signed, with the event id and attempt number', async () => {
      const created = await app.request('POST', '/v1/subscriptions', { url: receiver.url, eventTypes: [], description: 'storefront' });
      expect(created.status).toBe(201);
      const { subscriptionId, secret } = created.body;
      expect(secret).toMatch(/^whsec_/);
      const startedAt = created.body.subscription.cursorPosition;

      await scenario.verifiedShop('hook-a', { graduate: false });
      await scenario.verifiedShop('hook-b', { graduate: false });
      await scenario.grant('hook-a', 'm-ops', 'operator');
      const expected = await logAfter(app, startedAt);
      expect(expected.length).toBeGreaterThanOrEqual(7);
      await waitFor('every event delivered', () => receiver.received.length >= expected.length);

      expect(receiver.ids()).toEqual(expected.map((e) => e.id));
      for (const [i, delivery] of receiver.received.entries()) {
        expect(delivery.body).toEqual({
          id: expected[i].id,
          type: expected[i].type,
          streamId: expected[i].streamId,
          revision: expected[i].revision,
          position: expected[i].position,
          occurredAt: expected[i].occurredAt,
          data: expected[i].data,
          metadata: { actor: expected[i].actor, correlationId: expected[i].correlationId },
        });
        expect(delivery.headers['shoplink-event-id']).toBe(expected[i].id);
        expect(delivery.headers['shoplink-delivery-attempt']).toBe('1');
        expect(String(delivery.headers['shoplink-signature'])).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
        expectSignedWith(delivery, secret);
        expect(verifyShoplinkSignature(String(delivery.headers['shoplink-signature']), delivery.raw, 'whsec_other')).toBe(false);
      }
      // Per shop: each stream's revisions arrive ascending.
      for (const stream of ['shop-hook-a', 'shop-hook-b']) {
        const revisions = receiver.received.filter((r) => r.body.streamId === stream).map((r) => r.body.revision);
        expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
        expect(revisions.length).toBeGreaterThan(0);
      }

      const shown = await app.request('GET', `/v1/subscriptions/${subscriptionId}`);
      expect(shown.body).toMatchObject({ state: 'active', cursorPosition: expected[expected.length - 1].position, lagSeconds: 0 });
      expect(JSON.stringify(shown.body)).not.toContain(secret);
      const log = await app.request('GET', `/v1/subscriptions/${subscriptionId}/deliveries?limit=3`);
      expect(log.body.deliveries).toHaveLength(3);
      expect(log.body.deliveries[0]).toMatchObject({
        eventId: expected[expected.length - 1].id,
        outcome: 'delivered',
        statusCode: 204,
        attempt: 1,
      });

      // Replay from a position: the same events again, in the same order.
      const from = expected[2];
      const before = receiver.received.length;
      expect((await app.request('POST', `/v1/subscriptions/${subscriptionId}/replay`, { fromPosition: from.position })).status).toBe(200);
      await waitFor('the replay', () => receiver.received.length >= before + expected.length - 2);
      expect(receiver.ids().slice(before)).toEqual(expected.slice(2).map((e) => e.id));

      // Signed with both secrets during a rotation; the new one alone verifies it too.
      const rotated = await app.request('POST', `/v1/subscriptions/${subscriptionId}/secret-rotation`, {});
      expect(rotated.status).toBe(200);
      const afterRotation = receiver.received.length;
      await scenario.grant('hook-b', 'm-ops', 'viewer');
      await waitFor('the delivery after the rotation', () => receiver.received.length > afterRotation);
      const signed = receiver.received[afterRotation];
      expect(String(signed.headers['shoplink-signature']).match(/v1=/g)).toHaveLength(2);
      expectSignedWith(signed, secret);
      expectSignedWith(signed, rotated.body.secret);

      expect((await app.request('DELETE', `/v1/subscriptions/${subscriptionId}`)).status).toBe(204);
      expect((await app.request('GET', `/v1/subscriptions/${subscriptionId}`)).status).toBe(404);
    });

    it(
      `loses nothing while the receiver is down for ${RECEIVER_DOWN_MS / 1000} s and Shoplink restarts meanwhile: retried with backoff, then everything in order`,
      async () => {
        const created = await app.request('POST', '/v1/subscriptions', { url: receiver.url, eventTypes: [], description: 'outage' });
        const { subscriptionId, secret } = created.body;
        const startedAt = created.body.subscription.cursorPosition;
        await receiver.stop();
        receiver.received.length = 0;

        await scenario.verifiedShop('hook-down-a', { graduate: false });
        await scenario.verifiedShop('hook-down-b', { graduate: false });
        // Shoplink restarts in the middle of the outage: the cursor, kept durably, has not moved past anything undelivered.
        await new Promise((resolve) => setTimeout(resolve, RECEIVER_DOWN_MS / 2));
        await app.restart();
        await new Promise((resolve) => setTimeout(resolve, RECEIVER_DOWN_MS / 2));
        const failed = (await app.request('GET', `/v1/subscriptions/${subscriptionId}/deliveries?limit=500`)).body.deliveries;
        expect(failed.length).toBeGreaterThan(3);
        expect(failed.every((d: any) => d.outcome === 'failed' && d.statusCode === null)).toBe(true);
        expect((await app.request('GET', `/v1/subscriptions/${subscriptionId}`)).body.failing).toMatchObject({
          attempts: expect.any(Number),
        });

        await receiver.start();
        const expected = await logAfter(app, startedAt);
        await waitFor('everything after the outage', () => receiver.received.length >= expected.length);
        expect(receiver.ids()).toEqual(expected.map((e) => e.id));
        expect(Number(receiver.received[0].headers['shoplink-delivery-attempt'])).toBeGreaterThan(1);
        for (const delivery of receiver.received) expectSignedWith(delivery, secret);
        expect((await app.request('GET', `/v1/subscriptions/${subscriptionId}/dead-letters`)).body.deadLetters).toEqual([]);
        await app.request('DELETE', `/v1/subscriptions/${subscriptionId}`);
      },
      RECEIVER_DOWN_MS + 30_000,
    );
  });

  describe('a receiver that keeps failing', () => {
    let app: ShoplinkTestApp;
    let scenario: ShopScenario;
    const receiver = new Receiver();

    beforeAll(async () => {
      await receiver.start();
      app = await ShoplinkTestApp.start({
        webhooks: { allowedDestinations: '127.0.0.1/32', maxAttempts: 3, backoffBaseMs: 50, backoffMaxMs: 100, pollIntervalMs: 50 },
      });
      scenario = new ShopScenario(app);
    });

    afterAll(async () => {
      await app.destroy();
      await receiver.stop();
    });

    it('retries, parks each event as a dead letter after the last attempt, and redelivers it on request', async () => {
      receiver.status = 500;
      const created = await app.request('POST', '/v1/subscriptions', {
        url: receiver.url,
        eventTypes: ['ShopRegistered'],
        description: 'dead letters',
      });
      const { subscriptionId, secret } = created.body;
      await scenario.verifiedShop('hook-dead', { graduate: false });
      const path = `/v1/subscriptions/${subscriptionId}`;
      await waitFor('a dead letter', async () => (await app.request('GET', `${path}/dead-letters`)).body.deadLetters.length === 1);

      // Only the subscribed type was sent: three attempts, numbered, each answered 500.
      expect(receiver.received.map((r) => r.body.type)).toEqual(['ShopRegistered', 'ShopRegistered', 'ShopRegistered']);
      expect(receiver.received.map((r) => r.headers['shoplink-delivery-attempt'])).toEqual(['1', '2', '3']);
      const attempts = (await app.request('GET', `${path}/deliveries`)).body.deliveries;
      expect(attempts.map((a: any) => [a.attempt, a.outcome, a.statusCode])).toEqual([
        [3, 'dead-lettered', 500],
        [2, 'failed', 500],
        [1, 'failed', 500],
      ]);
      const [letter] = (await app.request('GET', `${path}/dead-letters`)).body.deadLetters;
      expect(letter).toMatchObject({ attempts: 3, lastStatusCode: 500, payload: { type: 'ShopRegistered', streamId: 'shop-hook-dead' } });
      // Parked, the cursor moved on: the subscription is not stuck.
      expect((await app.request('GET', path)).body.failing).toBeNull();

      receiver.status = 200;
      receiver.received.length = 0;
      const redelivered = await app.request('POST', `${path}/dead-letters/${letter.deliveryId}/redelivery`);
      expect(redelivered.status).toBe(200);
      expect(redelivered.body).toMatchObject({ outcome: 'delivered', statusCode: 200 });
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0].body).toEqual(letter.payload);
      expect(receiver.received[0].headers['shoplink-delivery-attempt']).toBe('4');
      expectSignedWith(receiver.received[0], secret);
      expect((await app.request('GET', `${path}/dead-letters`)).body.deadLetters).toEqual([]);
      expect((await app.request('POST', `${path}/dead-letters/${letter.deliveryId}/redelivery`)).status).toBe(404);

      // Later events flow again.
      await scenario.verifiedShop('hook-alive', { graduate: false });
      await waitFor('the next event', () => receiver.received.some((r) => r.body.streamId === 'shop-hook-alive'));
      expect((await app.request('DELETE', path)).status).toBe(204);

      const metrics = (await app.request('GET', '/metrics')).body as string;
      expect(metrics).toMatch(/shoplink_webhook_deliveries_total\{status="dead_lettered"\} [1-9]/);
      expect(metrics).toMatch(/shoplink_webhook_deliveries_total\{status="failed"\} [1-9]/);
      expect(metrics).toMatch(/shoplink_webhook_deliveries_total\{status="delivered"\} [1-9]/);
      expect(metrics).toContain('shoplink_webhook_lag_seconds{subscription=');
    }, 30_000);

    it('pauses and resumes without losing the cursor', async () => {
      receiver.status = 200;
      const created = await app.request('POST', '/v1/subscriptions', {
        url: receiver.url,
        eventTypes: ['ShopRegistered'],
        description: 'pause',
      });
      const path = `/v1/subscriptions/${created.body.subscriptionId}`;
      expect((await app.request('POST', `${path}/pause`)).body.state).toBe('paused');
      receiver.received.length = 0;
      await scenario.verifiedShop('hook-paused', { graduate: false });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(receiver.received.filter((r) => r.body.streamId === 'shop-hook-paused')).toEqual([]);
      expect((await app.request('POST', `${path}/resume`)).body.state).toBe('active');
      await waitFor('the held event', () => receiver.received.some((r) => r.body.streamId === 'shop-hook-paused'));

      // Replay from "0": the whole log again, only the subscribed type, in log order.
      const registered = (await logAfter(app, null)).filter((e) => e.type === 'ShopRegistered');
      receiver.received.length = 0;
      expect((await app.request('POST', `${path}/replay`, { fromPosition: '0' })).status).toBe(200);
      await waitFor('the replay from the start', () => receiver.received.length >= registered.length);
      expect(receiver.ids()).toEqual(registered.map((e) => e.id));
    });
  });
});
