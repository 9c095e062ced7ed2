import { SignJWT } from 'jose';
import {
  InvalidServiceTokenError,
  issueServiceToken,
  MAX_TOKEN_LIFETIME_SECONDS,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  verifyServiceToken,
} from './service-token';

const secret = new TextEncoder().encode('unit-test-secret-0123456789abcdef-0123');
const otherSecret = new TextEncoder().encode('another-secret-0123456789abcdef-012345');
const now = new Date('2026-11-22T10:00:00Z');

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InvalidServiceTokenError) return error.reason;
    throw error;
  }
  throw new Error('the token was accepted');
}

describe('service tokens', () => {
  it('names the service and its scopes, and expires when it says', async () => {
    const token = await issueServiceToken(secret, {
      service: 'seller-center',
      scopes: ['shops:write', 'shops:read'],
      actors: ['member', 'system:kyb'],
      ttlSeconds: 600,
      now,
    });
    const verified = await verifyServiceToken(secret, token, now);
    expect(verified.name).toBe('seller-center');
    expect([...verified.scopes].sort()).toEqual(['shops:read', 'shops:write']);
    expect([...verified.actors].sort()).toEqual(['member', 'system:kyb']);
    expect(verified.expiresAt).toBe(now.getTime() / 1000 + 600);
    expect(await reasonOf(verifyServiceToken(secret, token, new Date(now.getTime() + 606_000)))).toBe('expired');
  });

  it('refuses a token signed with another secret, or altered after signing', async () => {
    const token = await issueServiceToken(otherSecret, {
      service: 'seller-center',
      scopes: ['shops:read'],
      actors: [],
      ttlSeconds: 600,
      now,
    });
    expect(await reasonOf(verifyServiceToken(secret, token, now))).toBe('bad-signature');
    const genuine = await issueServiceToken(secret, { service: 'seller-center', scopes: ['shops:read'], actors: [], ttlSeconds: 600, now });
    const [header, , signature] = genuine.split('.');
    const widened = Buffer.from(
      JSON.stringify({
        scope: 'shops:read money:write',
        sub: 'seller-center',
        iss: TOKEN_ISSUER,
        aud: TOKEN_AUDIENCE,
        iat: 1,
        exp: 9_999_999_999,
      }),
    ).toString('base64url');
    expect(await reasonOf(verifyServiceToken(secret, `${header}.${widened}.${signature}`, now))).toBe('bad-signature');
  });

  it('refuses unsigned tokens (alg none), other algorithms, and garbage', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ sub: 'x', scope: 'audit:read', iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: 1, exp: 9_999_999_999 }),
    ).toString('base64url');
    expect(await reasonOf(verifyServiceToken(secret, `${header}.${payload}.`, now))).toBe('malformed');
    const hs512 = await new SignJWT({ scope: 'audit:read' })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('x')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(secret);
    expect(await reasonOf(verifyServiceToken(secret, hs512))).toBe('malformed');
    expect(await reasonOf(verifyServiceToken(secret, 'not.a.token', now))).toBe('malformed');
  });

  it('refuses another issuer or audience, a missing expiry, and lifetimes beyond the maximum', async () => {
    const sign = (build: (jwt: SignJWT) => SignJWT) =>
      build(
        new SignJWT({ scope: 'audit:read' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('auditor')
          .setIssuedAt(now.getTime() / 1000),
      ).sign(secret);
    expect(
      await reasonOf(
        verifyServiceToken(
          secret,
          await sign((j) =>
            j
              .setIssuer('elsewhere')
              .setAudience(TOKEN_AUDIENCE)
              .setExpirationTime(now.getTime() / 1000 + 60),
          ),
          now,
        ),
      ),
    ).toBe('wrong-claims');
    expect(
      await reasonOf(
        verifyServiceToken(
          secret,
          await sign((j) =>
            j
              .setIssuer(TOKEN_ISSUER)
              .setAudience('other-api')
              .setExpirationTime(now.getTime() / 1000 + 60),
          ),
          now,
        ),
      ),
    ).toBe('wrong-claims');
    expect(await reasonOf(verifyServiceToken(secret, await sign((j) => j.setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE)), now))).toBe(
      'wrong-claims',
    );
    const forever = await sign((j) =>
      j
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setExpirationTime(now.getTime() / 1000 + MAX_TOKEN_LIFETIME_SECONDS + 3600),
    );
    expect(await reasonOf(verifyServiceToken(secret, forever, now))).toBe('wrong-claims');
    await expect(
      issueServiceToken(secret, { service: 'x', scopes: [], actors: [], ttlSeconds: MAX_TOKEN_LIFETIME_SECONDS + 1 }),
    ).rejects.toThrow(RangeError);
  });

  it('ignores scopes it does not know, and will not issue them', async () => {
    const token = await new SignJWT({ scope: 'shops:read admin:everything' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('svc')
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(now.getTime() / 1000)
      .setExpirationTime(now.getTime() / 1000 + 60)
      .sign(secret);
    expect([...(await verifyServiceToken(secret, token, now)).scopes]).toEqual(['shops:read']);
    await expect(
      issueServiceToken(secret, { service: 'svc', scopes: ['admin:everything' as never], actors: [], ttlSeconds: 60 }),
    ).rejects.toThrow(/unknown scopes/);
    await expect(issueServiceToken(secret, { service: 'Bad Name', scopes: [], actors: [], ttlSeconds: 60 })).rejects.toThrow(
      /service name/,
    );
  });

  it('grants no actor without the actors claim, ignores grants it cannot read, and will not issue a malformed one', async () => {
    const signed = (claims: Record<string, unknown>, service = 'svc') =>
      new SignJWT({ scope: 'shops:write', ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(service)
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt(now.getTime() / 1000)
        .setExpirationTime(now.getTime() / 1000 + 60)
        .sign(secret);
    expect([...(await verifyServiceToken(secret, await signed({}, 'old-service'), now)).actors]).toEqual([]);
    const odd = await signed({ actors: ['system:kyb', 'root', 'member:m-1'] });
    expect([...(await verifyServiceToken(secret, odd, now)).actors]).toEqual(['system:kyb']);
    expect(await reasonOf(verifyServiceToken(secret, await signed({ actors: 'member' }), now))).toBe('wrong-claims');
    await expect(issueServiceToken(secret, { service: 'svc', scopes: [], actors: ['member:m-1'], ttlSeconds: 60 })).rejects.toThrow(
      /actors/,
    );
  });
});
