import { requestSlot } from './request-slot';

describe('requestSlot', () => {
  it('keeps one value per request, apart from other slots and other requests, and none before it is set', () => {
    const route = requestSlot<object, string>('route');
    const other = requestSlot<object, string>('route');
    const first = {};
    const second = {};
    expect(route.get(first)).toBeUndefined();
    route.set(first, '/v1/shops');
    other.set(first, 'another slot of the same name');
    route.set(second, '/v1/accounts/:accountId');
    expect([route.get(first), route.get(second), other.get(first)]).toEqual([
      '/v1/shops',
      '/v1/accounts/:accountId',
      'another slot of the same name',
    ]);
    expect(Object.keys(first)).toEqual([]);
  });
});
