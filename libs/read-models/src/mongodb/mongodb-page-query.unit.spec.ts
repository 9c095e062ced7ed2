import { documentPath, pageOf, superseded, toMongoFindBy, toMongoIndex, toMongoPageQuery } from './mongodb-page-query';
import { SHOP_LIST_INDEXES } from '@shoplink/shops';

const NOT_ARRAY = { $not: { $type: 'array' } };
const ORDERABLE = { $type: ['number', 'string'], ...NOT_ARRAY };

describe('MongoDB page queries: filter and sort translation', () => {
  it('pages one filter in order: equality, order field present and orderable, sort by the field then id, one extra row', () => {
    expect(toMongoPageQuery('timeline', { where: { shopId: 's-1' }, orderBy: 'revision', limit: 3 })).toEqual({
      filter: { c: 'timeline', $and: [{ 'd.shopId': { $eq: 's-1', ...NOT_ARRAY } }, { 'd.revision': ORDERABLE }] },
      sort: { 'd.revision': 1, i: 1 },
      limit: 4,
    });
  });

  it('combines equalities, any-of lists and one range', () => {
    const { filter } = toMongoPageQuery('timeline~rebuild', {
      where: { shopId: 's-1', type: ['OrderPlaced', 'NeverRecorded'], actor: 'member:m-17' },
      range: { field: 'occurredAt', gte: '2026-01-01T00:00:03.000Z', lt: '2026-01-01T00:00:09.000Z' },
      orderBy: 'revision',
      limit: 50,
    });
    expect(filter).toEqual({
      c: 'timeline~rebuild',
      $and: [
        { 'd.shopId': { $eq: 's-1', ...NOT_ARRAY } },
        { 'd.type': { $in: ['OrderPlaced', 'NeverRecorded'], ...NOT_ARRAY } },
        { 'd.actor': { $eq: 'member:m-17', ...NOT_ARRAY } },
        { 'd.occurredAt': { ...NOT_ARRAY, $gte: '2026-01-01T00:00:03.000Z', $lt: '2026-01-01T00:00:09.000Z' } },
        { 'd.revision': ORDERABLE },
      ],
    });
  });

  it('keeps JSON types: values pass through as they are, so MongoDB compares them within their type', () => {
    const where = (value: string | number | boolean) =>
      (toMongoPageQuery('typed', { where: { v: value }, orderBy: 'k', limit: 10 }).filter.$and as object[])[0];
    expect(where(1)).toEqual({ 'd.v': { $eq: 1, ...NOT_ARRAY } });
    expect(where('1')).toEqual({ 'd.v': { $eq: '1', ...NOT_ARRAY } });
    expect(where(true)).toEqual({ 'd.v': { $eq: true, ...NOT_ARRAY } });
  });

  it('matches null to null or absent, and an empty any-of list to nothing', () => {
    const conditions = toMongoPageQuery('n', { where: { closedAt: null, type: [] }, orderBy: 'k', limit: 1 }).filter.$and;
    expect(conditions).toEqual([
      { 'd.closedAt': { $eq: null, ...NOT_ARRAY } },
      { 'd.type': { $in: [], ...NOT_ARRAY } },
      { 'd.k': ORDERABLE },
    ]);
  });

  it('starts strictly after the key: a greater value, or the same and a greater id; after a number, every string too', () => {
    const textKey = toMongoPageQuery('ties', { orderBy: 'status', after: { value: 'active', id: 'x-2' }, limit: 2 }).filter
      .$and as object[];
    expect(textKey.at(-1)).toEqual({ $or: [{ 'd.status': { $gt: 'active' } }, { 'd.status': 'active', i: { $gt: 'x-2' } }] });

    const numberKey = toMongoPageQuery('t', { orderBy: 'revision', after: { value: 1, id: 's-2/0001' }, limit: 2 }).filter.$and as object[];
    expect(numberKey.at(-1)).toEqual({
      $or: [{ 'd.revision': { $gt: 1 } }, { 'd.revision': 1, i: { $gt: 's-2/0001' } }, { 'd.revision': { $type: 'string' } }],
    });
  });

  it('refuses what the port does not allow: mixed types, bad names, bad limits, bad keys', () => {
    expect(() => toMongoPageQuery('c', { where: { v: ['a', 1] }, orderBy: 'k', limit: 1 })).toThrow(/one JSON type/);
    expect(() => toMongoPageQuery('c', { range: { field: 'v', gte: 'a', lt: 3 }, orderBy: 'k', limit: 1 })).toThrow(/one JSON type/);
    expect(() => toMongoPageQuery('c', { where: { 'a.b': 1 }, orderBy: 'k', limit: 1 })).toThrow(/field name/);
    expect(() => toMongoPageQuery('c', { where: { $where: 1 }, orderBy: 'k', limit: 1 })).toThrow(/field name/);
    expect(() => toMongoPageQuery('c', { orderBy: 'k', limit: 0 })).toThrow(/limit/);
    expect(() => toMongoPageQuery('c', { orderBy: 'k', limit: 1.5 })).toThrow(/limit/);
    expect(() => toMongoPageQuery('c', { orderBy: 'k', after: { value: { $gt: '' } as never, id: 'x' }, limit: 1 })).toThrow(/after.value/);
    expect(() => toMongoPageQuery('c', { where: { v: Number.NaN }, orderBy: 'k', limit: 1 })).toThrow(/Unsupported query value/);
  });

  it('answers the key of the last document as next only when a further document matched', () => {
    const rows = [
      { i: 'a', d: { n: 1 } },
      { i: 'b', d: { n: 2 } },
      { i: 'c', d: { n: 3 } },
    ];
    expect(pageOf(rows, { orderBy: 'n', limit: 2 })).toEqual({ documents: [{ n: 1 }, { n: 2 }], next: { value: 2, id: 'b' } });
    expect(pageOf(rows, { orderBy: 'n', limit: 3 })).toEqual({ documents: [{ n: 1 }, { n: 2 }, { n: 3 }], next: null });
  });
});

describe('MongoDB page queries: findBy', () => {
  it('compares an identifier field by path, type-exact and never inside an array, ordered by id', () => {
    expect(toMongoFindBy('shops', 'region', 'GB', 2)).toEqual({
      filter: { c: 'shops', 'd.region': { $eq: 'GB', ...NOT_ARRAY } },
      sort: { i: 1 },
      limit: 2,
    });
    expect(toMongoFindBy('shops', 'region', 'GB').limit).toBe(0); // MongoDB's "no limit"
  });

  it('treats a dotted (or $-leading) field name as one top-level key, never as a path or an operator', () => {
    expect(toMongoFindBy('shops', 'a.b', 'x').filter).toEqual({
      c: 'shops',
      $expr: { $eq: [{ $getField: { field: { $literal: 'a.b' }, input: '$d' } }, { $literal: 'x' }] },
    });
    expect(toMongoFindBy('shops', '$where', 'x').filter.$expr).toEqual({
      $eq: [{ $getField: { field: { $literal: '$where' }, input: '$d' } }, { $literal: 'x' }],
    });
  });
});

describe('MongoDB page queries: indexes', () => {
  it('indexes the stored name, the declared fields in order, then the id', () => {
    expect(toMongoIndex({ collection: 'timeline', fields: ['shopId', 'type', 'revision'] })).toEqual({
      key: { c: 1, 'd.shopId': 1, 'd.type': 1, 'd.revision': 1, i: 1 },
      name: 'rm_timeline__shopId_type_revision',
      partialFilterExpression: { c: { $gte: 'timeline', $lte: 'timeline~rebuild' } },
    });
    expect(Object.keys(toMongoIndex({ collection: 'x', fields: ['b', 'a'] }).key)).toEqual(['c', 'd.b', 'd.a', 'i']);
  });

  it('refuses an index without fields or with a name that is not an identifier', () => {
    expect(() => toMongoIndex({ collection: 'x', fields: [] })).toThrow(/at least one field/);
    expect(() => toMongoIndex({ collection: 'x', fields: ['a.b'] })).toThrow(/field name/);
    expect(documentPath('shopId')).toBe('d.shopId');
  });

  it('makes every index partial on its collection: the live stored name and the rebuilt one, nothing else', () => {
    const live = toMongoIndex({ collection: 'shop_status', fields: ['status', 'shopId'] });
    // rebuild-projections declares the same index on the shadow collection: the same spec, so createIndex is a no-op.
    expect(toMongoIndex({ collection: 'shop_status~rebuild', fields: ['status', 'shopId'] })).toEqual(live);
    const { $gte, $lte } = live.partialFilterExpression.c;
    const covered = (c: string) => c >= $gte && c <= $lte; // BSON strings compare by bytes, as JS does for ASCII
    expect(['shop_status', 'shop_status~rebuild'].filter(covered)).toEqual(['shop_status', 'shop_status~rebuild']);
    expect(
      ['accounts', 'shop_timeline_index', 'withdrawals', 'account_claim_workflows', 'shop_statu', 'shop_status~rebuilt'].filter(covered),
    ).toEqual([]);
  });

  it('gives the shop list indexes (all on shop_status) distinct names, all partial on shop_status', () => {
    const specs = SHOP_LIST_INDEXES.map(toMongoIndex);
    expect(new Set(specs.map((spec) => spec.name)).size).toBe(SHOP_LIST_INDEXES.length);
    for (const spec of specs) {
      expect(spec.name.startsWith('rm_shop_status__')).toBe(true);
      expect(spec.partialFilterExpression).toEqual({ c: { $gte: 'shop_status', $lte: 'shop_status~rebuild' } });
    }
  });

  it('drops the non-partial rm_ indexes of earlier versions, never the key index, _id or partial ones', () => {
    expect(
      superseded([
        { name: '_id_' },
        { name: 'collection_id' },
        { name: 'rm_status_shopId' },
        { name: 'rm_shop_status__status_shopId', partialFilterExpression: { c: { $gte: 'shop_status', $lte: 'shop_status~rebuild' } } },
      ]),
    ).toEqual(['rm_status_shopId']);
  });
});
