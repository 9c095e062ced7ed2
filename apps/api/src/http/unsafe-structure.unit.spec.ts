import 'reflect-metadata';
import { validateDto } from './validate-dto';
import { RegisterShopRequest } from '../shops/register-shop/register-shop.request.dto';
import { MAX_NESTING } from './unsafe-structure';

const registration = { shopId: 's-1', name: 'Shop', region: 'GB', currency: 'GBP', kind: 'business', ownerMemberId: 'm-1' };

// Both found by test/fuzz.e2e.spec.ts: each made class-transformer throw, and the route answer 500.
describe('validateDto with keys no DTO can hold, and with deep nesting', () => {
  it('refuses an own constructor key inside a field as an unknown field instead of throwing', () => {
    const { problems } = validateDto(RegisterShopRequest, { ...registration, name: { constructor: [1] } }, 'body');
    expect(problems).toEqual([
      { field: 'body.name.constructor', code: 'UNKNOWN_FIELD', message: 'body.name.constructor is not a known field' },
    ]);
  });

  it('refuses a top-level constructor key, which was dropped silently before', () => {
    const { problems } = validateDto(RegisterShopRequest, { constructor: 1, ...registration }, 'body');
    expect(problems.map((p) => [p.field, p.code])).toEqual([['body.constructor', 'UNKNOWN_FIELD']]);
  });

  it('refuses nesting deeper than any request needs, naming where it went too deep, instead of overflowing the stack', () => {
    let nested: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 100_000; i++) nested = { a: nested };
    const { problems } = validateDto(RegisterShopRequest, { ...registration, name: nested }, 'body');
    expect(problems).toEqual([
      {
        field: `body.name${'.a'.repeat(MAX_NESTING - 1)}`,
        code: 'NESTED_TOO_DEEP',
        message: expect.stringContaining('nests more than 32 levels'),
      },
    ]);
    let arrays: unknown = [];
    for (let i = 0; i < 100_000; i++) arrays = [arrays];
    expect(validateDto(RegisterShopRequest, { ...registration, name: arrays }, 'body').problems.map((p) => p.code)).toEqual([
      'NESTED_TOO_DEEP',
    ]);
  });

  it('refuses inherited names like toString at the top level; ordinary bodies go to the DTO rules', () => {
    expect(validateDto(RegisterShopRequest, registration, 'body').problems).toEqual([]);
    expect(validateDto(RegisterShopRequest, { ...registration, toString: 1 }, 'body').problems.map((p) => p.field)).toEqual([
      'body.toString',
    ]);
    expect(validateDto(RegisterShopRequest, { ...registration, extra: 1 }, 'body').problems.map((p) => p.code)).toEqual(['UNKNOWN_FIELD']);
  });
});
