import { ShopStatusDocument } from '../projections/shop-status.document';
import { overdueRequests } from './overdue-requests';

const NOW = new Date('2026-06-03T10:00:00.000Z');
const shop = (shopId: string, parts: Partial<ShopStatusDocument>): ShopStatusDocument =>
  ({ shopId, openLinkRequests: [], openUnlinkRequests: [], ...parts }) as ShopStatusDocument;
const linkRequest = (accountId: string, authorizationExpiresAt: string | null) =>
  ({ accountId, requestedAt: '2026-06-01T10:00:00.000Z', authorizationExpiresAt }) as ShopStatusDocument['openLinkRequests'][number];
const unlinkRequest = (requestId: string, expiresAt: string) =>
  ({ accountId: 'acc-u', requestId, expiresAt }) as ShopStatusDocument['openUnlinkRequests'][number];

describe('overdue requests: what the expiry automation expires at a moment', () => {
  it('an authorization whose window has ended, at exactly its end, and an unlink code past its window', () => {
    const shops = [
      shop('s-1', {
        openLinkRequests: [linkRequest('acc-due', NOW.toISOString()), linkRequest('acc-open', '2026-06-03T10:00:00.001Z')],
        openUnlinkRequests: [unlinkRequest('unl-due', '2026-06-03T09:59:00.000Z'), unlinkRequest('unl-open', '2026-06-03T10:14:00.000Z')],
      }),
    ];
    expect(overdueRequests(shops, NOW)).toEqual([
      {
        shopId: 's-1',
        command: { type: 'ExpireLinkAuthorization', data: { accountId: 'acc-due' } },
        commandId: 'expire-link:s-1:acc-due:2026-06-01T10:00:00.000Z',
      },
      {
        shopId: 's-1',
        command: { type: 'ExpireUnlinkRequest', data: { accountId: 'acc-u', requestId: 'unl-due' } },
        commandId: 'expire-unlink:s-1:unl-due',
      },
    ]);
  });

  it('a request without an authorization window, or shops with nothing open, expire nothing', () => {
    expect(overdueRequests([shop('s-1', { openLinkRequests: [linkRequest('acc-x', null)] }), shop('s-2', {})], NOW)).toEqual([]);
  });
});
