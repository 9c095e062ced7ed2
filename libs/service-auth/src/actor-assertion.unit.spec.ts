import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  ACTOR_ASSERTION_AUDIENCE,
  issueActorAssertion,
  MAX_ACTOR_ASSERTION_LIFETIME_SECONDS,
  verifyActorAssertion,
} from './actor-assertion';
import { ActorAssertionKeys } from './actor-assertion-keys';
import { InvalidActorAssertionError } from './invalid-actor-assertion.error';

const secret = new TextEncoder().encode('unit-test-assertion-secret-0123456789abcdef');
const otherSecret = new TextEncoder().encode('another-assertion-secret-0123456789abcdef');
const now = new Date('2026-11-22T10:00:00Z');
const nowSeconds = now.getTime() / 1000;
const member = { kind: 'member', id: 'm-17' } as const;
const local = ActorAssertionKeys.fromSecret(secret);

const ed25519 = generateKeyPairSync('ed25519');
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwkOf = (key: KeyObject, kid: string) => ({ ...key.export({ format: 'jwk' }), kid });
const idp = ActorAssertionKeys.fromJwks({ keys: [jwkOf(ed25519.publicKey, 'ed-1'), jwkOf(p256.publicKey, 'ec-1')] });

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InvalidActorAssertionError) return error.reason;
    throw error;
  }
  throw new Error('the assertion was accepted');
}

/** Claims as an identity provider would send them, for tests that leave one out or bend one. */
function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    sub: 'm-17',
    aud: ACTOR_ASSERTION_AUDIENCE,
    iat: nowSeconds,
    exp: nowSeconds + 300,
    jti: 'a-1',
    amr: ['pwd'],
    auth_time: nowSeconds - 60,
  };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete base[name];
    else base[name] = value;
  }
  return base;
}

const signHs256 = (payload: Record<string, unknown>, key: Uint8Array = secret) =>
  new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(key);

const unsigned = (payload: Record<string, unknown>) =>
  `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;

describe('actor assertions', () => {
  it('answers who authenticated, how and when, for the actor the calling service names', async () => {
    const token = await issueActorAssertion(secret, {
      ...member,
      amr: ['pwd', 'otp'],
      authTime: new Date(now.getTime() - 120_000),
      ttlSeconds: 300,
      jti: 'assertion-1',
      issuer: 'https://id.example',
      now,
    });
    expect(await verifyActorAssertion(local, token, member, now)).toEqual({
      issuer: 'https://id.example',
      subject: 'm-17',
      jti: 'assertion-1',
      amr: ['pwd', 'otp'],
      authTime: new Date(now.getTime() - 120_000),
      issuedAt: now,
      expiresAt: new Date(now.getTime() + 300_000),
    });
    const agent = await issueActorAssertion(secret, { kind: 'support', id: 'agent-4', amr: ['hwk'], ttlSeconds: 60, now });
    const verified = await verifyActorAssertion(local, agent, { kind: 'support', id: 'agent-4' }, now);
    expect(verified).toMatchObject({ issuer: null, subject: 'agent-4', amr: ['hwk'], authTime: now });
    expect(verified.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a genuine assertion about someone else', async () => {
    const token = await issueActorAssertion(secret, { ...member, amr: ['pwd'], ttlSeconds: 300, now });
    expect(await reasonOf(verifyActorAssertion(local, token, { kind: 'member', id: 'm-18' }, now))).toBe('wrong-subject');
    expect(await reasonOf(verifyActorAssertion(local, token, { kind: 'support', id: 'M-17' }, now))).toBe('wrong-subject');
  });

  it('refuses an assertion meant to live longer than ten minutes, and will not issue one', async () => {
    expect(await reasonOf(verifyActorAssertion(local, await signHs256(claims({ exp: nowSeconds + 601 })), member, now))).toBe(
      'too-long-lived',
    );
    expect(await verifyActorAssertion(local, await signHs256(claims({ exp: nowSeconds + 600 })), member, now)).toMatchObject({
      subject: 'm-17',
    });
    await expect(
      issueActorAssertion(secret, { ...member, amr: ['pwd'], ttlSeconds: MAX_ACTOR_ASSERTION_LIFETIME_SECONDS + 1 }),
    ).rejects.toThrow(RangeError);
  });

  it('refuses an expired assertion, and one not valid yet, beyond a few seconds of clock tolerance', async () => {
    const token = await issueActorAssertion(secret, { ...member, amr: ['pwd'], ttlSeconds: 60, now });
    expect(await verifyActorAssertion(local, token, member, new Date(now.getTime() + 64_000))).toMatchObject({ subject: 'm-17' });
    expect(await reasonOf(verifyActorAssertion(local, token, member, new Date(now.getTime() + 66_000)))).toBe('expired');
    expect(await verifyActorAssertion(local, token, member, new Date(now.getTime() - 4_000))).toMatchObject({ subject: 'm-17' });
    expect(await reasonOf(verifyActorAssertion(local, token, member, new Date(now.getTime() - 30_000)))).toBe('not-yet-valid');
    const later = await signHs256(claims({ nbf: nowSeconds + 60 }));
    expect(await reasonOf(verifyActorAssertion(local, later, member, now))).toBe('not-yet-valid');
  });

  it.each([
    ['no jti', { jti: undefined }],
    ['an empty jti', { jti: '' }],
    ['no amr', { amr: undefined }],
    ['amr as a string', { amr: 'pwd' }],
    ['an empty amr', { amr: [] }],
    ['no auth_time', { auth_time: undefined }],
    ['auth_time in milliseconds', { auth_time: now.getTime() }],
    ['auth_time as text', { auth_time: '2026-11-22T09:59:00Z' }],
    ['no sub', { sub: undefined }],
    ['no iat', { iat: undefined }],
    ['iat as text', { iat: String(nowSeconds) }],
    ['no exp', { exp: undefined }],
    ['another audience', { aud: 'shoplink-api' }],
    ['no audience', { aud: undefined }],
    ['an issuer that is not text', { iss: 42 }],
  ])('refuses an assertion with %s', async (_case, overrides) => {
    expect(await reasonOf(verifyActorAssertion(local, await signHs256(claims(overrides)), member, now))).toBe('wrong-claims');
  });

  it('ignores act_kind: the kind is the one X-Actor names', async () => {
    const token = await signHs256(claims({ act_kind: 'support' }));
    expect(await verifyActorAssertion(local, token, member, now)).toMatchObject({ subject: 'm-17' });
  });

  it('refuses unsigned assertions (alg none), other algorithms, other secrets, altered claims and garbage', async () => {
    expect(await reasonOf(verifyActorAssertion(local, unsigned(claims()), member, now))).toBe('wrong-algorithm');
    expect(await reasonOf(verifyActorAssertion(idp, unsigned(claims()), member, now))).toBe('wrong-algorithm');
    const hs512 = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS512' }).sign(secret);
    expect(await reasonOf(verifyActorAssertion(local, hs512, member, now))).toBe('wrong-algorithm');
    expect(await reasonOf(verifyActorAssertion(local, await signHs256(claims(), otherSecret), member, now))).toBe('bad-signature');
    const [header, , signature] = (await signHs256(claims({ sub: 'm-1' }))).split('.');
    const altered = `${header}.${Buffer.from(JSON.stringify(claims())).toString('base64url')}.${signature}`;
    expect(await reasonOf(verifyActorAssertion(local, altered, member, now))).toBe('bad-signature');
    for (const garbage of ['', 'not.a.token', 'abc', `${'a'.repeat(9000)}.b.c`])
      expect(await reasonOf(verifyActorAssertion(local, garbage, member, now))).toBe('malformed');
  });

  it('refuses an authentication later than the assertion about it', async () => {
    expect(await reasonOf(verifyActorAssertion(local, await signHs256(claims({ auth_time: nowSeconds + 60 })), member, now))).toBe(
      'wrong-claims',
    );
  });

  it('will not vouch for a system actor', async () => {
    const token = await signHs256(claims());
    await expect(verifyActorAssertion(local, token, { kind: 'system' as never, id: 'm-17' }, now)).rejects.toThrow(RangeError);
    await expect(issueActorAssertion(secret, { kind: 'system' as never, id: 'kyb', amr: ['pwd'], ttlSeconds: 60 })).rejects.toThrow(
      RangeError,
    );
  });

  describe('with the identity provider’s public keys (JWKS)', () => {
    it('verifies Ed25519 (EdDSA) and P-256 (ES256) assertions, each by its kid', async () => {
      const byEd = await issueActorAssertion(ed25519.privateKey, { ...member, amr: ['pwd', 'hwk'], ttlSeconds: 300, kid: 'ed-1', now });
      expect(JSON.parse(Buffer.from(byEd.split('.')[0], 'base64url').toString())).toMatchObject({ alg: 'EdDSA', kid: 'ed-1' });
      expect(await verifyActorAssertion(idp, byEd, member, now)).toMatchObject({ subject: 'm-17', amr: ['pwd', 'hwk'] });
      const byEc = await issueActorAssertion(p256.privateKey, {
        kind: 'support',
        id: 'agent-4',
        amr: ['otp'],
        ttlSeconds: 300,
        kid: 'ec-1',
        now,
      });
      expect(JSON.parse(Buffer.from(byEc.split('.')[0], 'base64url').toString())).toMatchObject({ alg: 'ES256', kid: 'ec-1' });
      expect(await verifyActorAssertion(idp, byEc, { kind: 'support', id: 'agent-4' }, now)).toMatchObject({ subject: 'agent-4' });
    });

    it('refuses an HS256 assertion, whatever secret signed it, including the public key itself', async () => {
      expect(await reasonOf(verifyActorAssertion(idp, await signHs256(claims()), member, now))).toBe('wrong-algorithm');
      const publicKeyBytes = new Uint8Array(ed25519.publicKey.export({ format: 'der', type: 'spki' }));
      const confused = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: 'ed-1' }).sign(publicKeyBytes);
      expect(await reasonOf(verifyActorAssertion(idp, confused, member, now))).toBe('wrong-algorithm');
      const publicJwkX = new TextEncoder().encode(String(ed25519.publicKey.export({ format: 'jwk' }).x));
      expect(await reasonOf(verifyActorAssertion(idp, await signHs256(claims(), publicJwkX), member, now))).toBe('wrong-algorithm');
    });

    it('refuses a kid it does not know, no kid among several keys, and an algorithm other than the key’s', async () => {
      const unknown = await issueActorAssertion(ed25519.privateKey, { ...member, amr: ['pwd'], ttlSeconds: 60, kid: 'ed-2', now });
      expect(await reasonOf(verifyActorAssertion(idp, unknown, member, now))).toBe('unknown-key');
      const unnamed = await issueActorAssertion(ed25519.privateKey, { ...member, amr: ['pwd'], ttlSeconds: 60, now });
      expect(await reasonOf(verifyActorAssertion(idp, unnamed, member, now))).toBe('unknown-key');
      const misfiled = await issueActorAssertion(p256.privateKey, { ...member, amr: ['pwd'], ttlSeconds: 60, kid: 'ed-1', now });
      expect(await reasonOf(verifyActorAssertion(idp, misfiled, member, now))).toBe('wrong-algorithm');
      const single = ActorAssertionKeys.fromJwks({ keys: [ed25519.publicKey.export({ format: 'jwk' })] });
      expect(await verifyActorAssertion(single, unnamed, member, now)).toMatchObject({ subject: 'm-17' });
    });

    it('refuses an assertion signed by another key under a configured kid', async () => {
      const impostor = generateKeyPairSync('ed25519');
      const forged = await issueActorAssertion(impostor.privateKey, { ...member, amr: ['pwd'], ttlSeconds: 60, kid: 'ed-1', now });
      expect(await reasonOf(verifyActorAssertion(idp, forged, member, now))).toBe('bad-signature');
    });

    it('still checks every claim', async () => {
      const sign = (payload: Record<string, unknown>) =>
        new SignJWT(payload).setProtectedHeader({ alg: 'EdDSA', kid: 'ed-1' }).sign(ed25519.privateKey);
      expect(await reasonOf(verifyActorAssertion(idp, await sign(claims({ exp: nowSeconds + 3600 })), member, now))).toBe('too-long-lived');
      expect(await reasonOf(verifyActorAssertion(idp, await sign(claims({ jti: undefined })), member, now))).toBe('wrong-claims');
      expect(await reasonOf(verifyActorAssertion(idp, await sign(claims({ sub: 'm-99' })), member, now))).toBe('wrong-subject');
    });
  });

  it('will not issue with a short secret, a key of another kind, a bad actor id or no methods', async () => {
    const request = { ...member, amr: ['pwd'], ttlSeconds: 60 };
    await expect(issueActorAssertion(new Uint8Array(8), request)).rejects.toThrow(/at least 32/);
    await expect(issueActorAssertion(ed25519.publicKey, request)).rejects.toThrow(/private key/);
    await expect(issueActorAssertion(generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey, request)).rejects.toThrow(
      /private key/,
    );
    await expect(issueActorAssertion(secret, { ...request, id: 'not valid' })).rejects.toThrow(/actor id/);
    await expect(issueActorAssertion(secret, { ...request, amr: [] })).rejects.toThrow(/amr/);
    await expect(issueActorAssertion(secret, { ...request, authTime: new Date(Date.now() + 60_000) })).rejects.toThrow(/authTime/);
  });
});
