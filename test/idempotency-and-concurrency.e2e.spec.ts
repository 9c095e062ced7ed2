import { randomUUID } from 'node:crypto';
import { ShoplinkTestApp } from './support/shoplink-test-app';
import { registerShopBody } from './support/shop-fixtures';
import { bearer } from './support/service-tokens';

describe('Retries and concurrent writers', () => {
  let app: ShoplinkTestApp;

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
  });

  afterAll(async () => {
    await app.destroy();
  });

  const head = async () => (await app.request('GET', '/health/ready')).body.eventStore.head;

  it('the same Idempotency-Key and body returns the first answer and appends nothing', async () => {
    const key = randomUUID();
    const first = await app.command('POST', '/v1/shops', registerShopBody('idem-shop'), { key });
    expect(first.status).toBe(201);
    const headAfterFirst = await head();
    const again = await app.command('POST', '/v1/shops', registerShopBody('idem-shop'), { key });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await head()).toBe(headAfterFirst);
  });

  it('a refusal is a first answer too: repeated, not re-decided', async () => {
    const key = randomUUID();
    const first = await app.command('POST', '/v1/shops/ghost-shop/verification', { documents: ['doc:1'] }, { key });
    expect(first.status).toBe(404);
    expect((await app.command('POST', '/v1/shops', registerShopBody('ghost-shop'))).status).toBe(201);
    const again = await app.command('POST', '/v1/shops/ghost-shop/verification', { documents: ['doc:1'] }, { key });
    expect(again.status).toBe(404);
    expect(again.body).toEqual(first.body);
  });

  it('the same key with another body is refused with IDEMPOTENCY_KEY_REUSED and appends nothing', async () => {
    const key = randomUUID();
    expect((await app.command('POST', '/v1/shops', registerShopBody('reuse-shop'), { key })).status).toBe(201);
    const headAfterFirst = await head();
    const other = await app.command('POST', '/v1/shops', registerShopBody('reuse-shop-2'), { key });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const otherActor = await app.command('POST', '/v1/shops', registerShopBody('reuse-shop'), { key, actor: 'system:seller-center' });
    expect(otherActor.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await head()).toBe(headAfterFirst);
  });

  it('the same key sent many times at once yields one set of events and identical answers', async () => {
    expect((await app.command('POST', '/v1/shops', registerShopBody('burst-shop'))).status).toBe(201);
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        app.command('POST', '/v1/shops/burst-shop/members', { memberId: 'm-ops', role: 'operator' }, { key }),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(answers[0].body);
    }
    const events = await app.request('GET', `/v1/shops/burst-shop?minPosition=${answers[0].body.position}`);
    expect(events.body.revision).toBe(1);
    expect(events.body.members).toEqual([
      { memberId: 'm-ops', role: 'operator' },
      { memberId: 'm-owner', role: 'admin' },
    ]);
  });

  it('If-Match with a stale revision answers 409 CONCURRENCY_CONFLICT; the current one succeeds', async () => {
    const registered = await app.command('POST', '/v1/shops', registerShopBody('match-shop'));
    expect(registered.body.revision).toBe(0);
    expect((await app.command('POST', '/v1/shops/match-shop/members', { memberId: 'm-a', role: 'viewer' })).status).toBe(200);
    const stale = await app.command(
      'POST',
      '/v1/shops/match-shop/members',
      { memberId: 'm-b', role: 'viewer' },
      { headers: { 'if-match': '0' } },
    );
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'CONCURRENCY_CONFLICT', actualRevision: 1 });
    const current = await app.command(
      'POST',
      '/v1/shops/match-shop/members',
      { memberId: 'm-b', role: 'viewer' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(current.status).toBe(200);
    expect(current.body.revision).toBe(2);
  });

  it('concurrent different commands on one shop all land, each re-decided after a conflict', async () => {
    expect((await app.command('POST', '/v1/shops', registerShopBody('busy-shop'))).status).toBe(201);
    const answers = await Promise.all(
      ['m-1', 'm-2', 'm-3', 'm-4', 'm-5'].map((memberId) =>
        app.command('POST', '/v1/shops/busy-shop/members', { memberId, role: 'viewer' }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((a) => a.body.revision).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('copies X-Correlation-Id and the actor into the event metadata, and echoes the correlation id', async () => {
    const answer = await app.command('POST', '/v1/shops', registerShopBody('traced-shop'), {
      actor: 'system:onboarding',
      headers: { 'x-correlation-id': 'corr-123', ...(await bearer({ service: 'seller-center' })) },
    });
    expect(answer.headers.get('x-correlation-id')).toBe('corr-123');
    const generated = await app.command('POST', '/v1/shops/traced-shop/members', { memberId: 'm-x', role: 'viewer' });
    expect(generated.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
