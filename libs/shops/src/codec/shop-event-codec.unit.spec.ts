import { JsonObject, positionAt, RecordedEvent } from '@shoplink/event-store';
import { AccountLinkRequested, SHOP_EVENT_TYPES } from '../domain/shop.events';
import { shopEventCodec } from './shop-event-codec';

const requestData: JsonObject = {
  shopId: 's-1',
  accountId: 'acct-new',
  role: 'official',
  profile: { handle: '@new', kind: 'business', followers: 10, ownerAge: 30, region: 'GB' },
  requestedScopes: ['user.info.basic'],
  requestedAt: '2026-03-01T10:00:00.000Z',
  authorizationExpiresAt: '2026-03-03T10:00:00.000Z',
};

const stored = (type: string, data: JsonObject, schemaVersion?: number): RecordedEvent => ({
  streamId: 'shop-s-1',
  revision: 3,
  position: positionAt(4),
  id: 'e-4',
  type,
  data,
  metadata: schemaVersion === undefined ? { commandId: 'c-1' } : { commandId: 'c-1', schemaVersion },
  createdAt: new Date('2026-03-01T10:00:00.001Z'),
});

describe('shopEventCodec', () => {
  it('knows every shop event type; AccountLinkRequested, PersonalDataForgotten, ShopDeactivated and ShopRegistered are at version 2, every other type at 1', () => {
    const atTwo = ['AccountLinkRequested', 'PersonalDataForgotten', 'ShopDeactivated', 'ShopRegistered'];
    for (const type of SHOP_EVENT_TYPES) expect(shopEventCodec.schemaVersionOf(type)).toBe(atTwo.includes(type) ? 2 : 1);
  });

  describe('PersonalDataForgotten version 1 to 2', () => {
    it('an erasure recorded before tickets were required gets ticketId null, never a made-up one', () => {
      const v1 = { shopId: 'shop-1', forgottenAt: '2026-03-01T10:00:00.000Z' };
      const decoded = shopEventCodec.decode(stored('PersonalDataForgotten', v1, 1));
      expect(decoded.data).toEqual({ ...v1, ticketId: null });
      expect(decoded.metadata).toEqual({ commandId: 'c-1', schemaVersion: 2 });
    });
  });

  describe('ShopDeactivated version 1 to 2', () => {
    it("a deactivation recorded before support could deactivate was the seller's own: ticketId null", () => {
      const v1 = { shopId: 'shop-1', deactivatedAt: '2026-03-01T10:00:00.000Z' };
      const decoded = shopEventCodec.decode(stored('ShopDeactivated', v1, 1));
      expect(decoded.data).toEqual({ ...v1, ticketId: null });
      expect(decoded.metadata).toEqual({ commandId: 'c-1', schemaVersion: 2 });
    });
  });

  describe('ShopRegistered version 1 to 2', () => {
    it('a shop registered before the registration number was asked has none: null', () => {
      const v1 = { shopId: 'shop-1', name: 'n', region: 'GB', currency: 'GBP', kind: 'business', ownerMemberId: 'm-1', registeredAt: 'x' };
      const decoded = shopEventCodec.decode(stored('ShopRegistered', v1, 1));
      expect(decoded.data).toEqual({ ...v1, registrationNumber: null });
    });
  });

  describe('AccountLinkRequested version 1 to 2', () => {
    it('a request that replaced nothing (the field left out) gets replacesAccountId null', () => {
      for (const schemaVersion of [1, undefined]) {
        const decoded = shopEventCodec.decode(stored('AccountLinkRequested', requestData, schemaVersion));
        expect(decoded.data).toEqual({ ...requestData, replacesAccountId: null });
        expect(decoded.metadata).toEqual({ commandId: 'c-1', schemaVersion: 2 });
      }
    });

    it('a switch keeps the account it replaces', () => {
      const decoded = shopEventCodec.decode(stored('AccountLinkRequested', { ...requestData, replacesAccountId: 'acct-old' }, 1));
      expect(decoded.type === 'AccountLinkRequested' && decoded.data.replacesAccountId).toBe('acct-old');
    });

    it('data labelled 1 that already has the field (written before the label followed the type) keeps its value', () => {
      const decoded = shopEventCodec.decode(stored('AccountLinkRequested', { ...requestData, replacesAccountId: null }, 1));
      expect(decoded.data).toEqual({ ...requestData, replacesAccountId: null });
    });

    it('version 2 is read as it is', () => {
      const v2 = stored('AccountLinkRequested', { ...requestData, replacesAccountId: null }, 2);
      expect(shopEventCodec.decode(v2)).toBe(v2);
    });
  });

  it('encodes AccountLinkRequested as version 2, every other type as 1', () => {
    const request: AccountLinkRequested = {
      type: 'AccountLinkRequested',
      data: {
        shopId: 's-1',
        accountId: 'acct-new',
        role: 'marketing',
        profile: {
          handle: '@new',
          kind: 'business',
          followers: 5000,
          ownerAge: 30,
          region: 'GB',
          ecommercePermissionRevoked: false,
          activeGuidelineRestriction: false,
          recentViolations: 0,
        },
        requestedScopes: ['user.info.basic', 'ads.manage'],
        requestedAt: '2026-03-01T10:00:00.000Z',
        authorizationExpiresAt: '2026-03-03T10:00:00.000Z',
        replacesAccountId: null,
      },
    };
    expect(shopEventCodec.encode(request)).toEqual({ type: 'AccountLinkRequested', data: request.data, schemaVersion: 2 });
    expect(shopEventCodec.encode({ type: 'ShopReactivated', data: { shopId: 's-1', reactivatedAt: '2026-03-01T10:00:00.000Z' } })).toEqual({
      type: 'ShopReactivated',
      data: { shopId: 's-1', reactivatedAt: '2026-03-01T10:00:00.000Z' },
      schemaVersion: 1,
    });
  });
});
