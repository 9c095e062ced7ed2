import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyShoplinkSignature } from '../../../docs/examples/verify-shoplink-signature';
import { hmacHex, signatureHeader } from './signature';

const body = JSON.stringify({ id: 'e-1', type: 'ShopRegistered', data: { shopId: 's-1' } });

describe('Shoplink-Signature', () => {
  it('is t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">', () => {
    const header = signatureHeader(body, ['whsec_a'], 1_700_000_000.9);
    expect(header).toBe(`t=1700000000,v1=${hmacHex('whsec_a', `1700000000.${body}`)}`);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
  });

  it('carries one v1= per valid secret during a rotation', () => {
    const header = signatureHeader(body, ['new', 'old'], 1_700_000_000);
    expect(header.split(',').filter((part) => part.startsWith('v1='))).toHaveLength(2);
  });

  describe('the receiver snippet docs/webhooks.md shows', () => {
    const now = 1_700_000_000;
    it('accepts a delivery signed with its secret, with either secret during a rotation', () => {
      expect(verifyShoplinkSignature(signatureHeader(body, ['s1'], now), body, 's1', 300, now)).toBe(true);
      const rotating = signatureHeader(body, ['s2', 's1'], now);
      expect(verifyShoplinkSignature(rotating, body, 's1', 300, now)).toBe(true);
      expect(verifyShoplinkSignature(rotating, body, 's2', 300, now)).toBe(true);
    });

    it('refuses another secret, an altered body, an old timestamp and garbage', () => {
      const header = signatureHeader(body, ['s1'], now);
      expect(verifyShoplinkSignature(header, body, 'other', 300, now)).toBe(false);
      expect(verifyShoplinkSignature(header, body.replace('s-1', 's-2'), 's1', 300, now)).toBe(false);
      expect(verifyShoplinkSignature(header, body, 's1', 300, now + 301)).toBe(false);
      expect(verifyShoplinkSignature('t=abc,v1=zz', body, 's1', 300, now)).toBe(false);
      expect(verifyShoplinkSignature(`t=${now}`, body, 's1', 300, now)).toBe(false);
    });

    it('is the very code docs/webhooks.md shows', () => {
      const root = join(__dirname, '../../..');
      const snippet = readFileSync(join(root, 'docs/examples/verify-shoplink-signature.ts'), 'utf8').trim();
      expect(readFileSync(join(root, 'docs/webhooks.md'), 'utf8')).toContain(snippet);
    });
  });
});
