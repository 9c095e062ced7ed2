import { IDEMPOTENCY_RETENTION_MS, IdempotencyRecord } from '../idempotency-store.port';
import { fromIdempotencyDocument, idempotencyTtlIndex, isDuplicateKeyError, toIdempotencyDocument } from './mongodb-idempotency-records';

describe('MongoDB idempotency records', () => {
  const record: IdempotencyRecord = {
    key: '6f1c2a4e-7b0d-4d7e-9a51-2f3c8e1b0a99',
    requestHash: 'sha256:aaa',
    statusCode: 201,
    body: { streamId: 'shop-s-1', revision: 0, position: '18446744073709551615', events: [{ id: 'e-1', type: 'ShopRegistered' }] },
    createdAt: new Date('2025-03-01T10:00:00.123Z'),
  };

  it('keys the record by the Idempotency-Key and keeps the body as JSON text', () => {
    expect(toIdempotencyDocument(record)).toEqual({
      _id: record.key,
      requestHash: 'sha256:aaa',
      statusCode: 201,
      body: JSON.stringify(record.body),
      createdAt: new Date('2025-03-01T10:00:00.123Z'),
    });
    expect(fromIdempotencyDocument(toIdempotencyDocument(record))).toEqual(record);
  });

  it('tells an answer without body from a JSON null body', () => {
    expect(toIdempotencyDocument({ ...record, body: undefined }).body).toBeNull();
    expect(toIdempotencyDocument({ ...record, body: null }).body).toBe('null');
    expect(fromIdempotencyDocument(toIdempotencyDocument({ ...record, body: undefined })).body).toBeUndefined();
    expect(fromIdempotencyDocument(toIdempotencyDocument({ ...record, body: null })).body).toBeNull();
  });

  it('recognises the duplicate-key error a second save of the same key gets', () => {
    expect(isDuplicateKeyError(Object.assign(new Error('E11000 duplicate key'), { code: 11000 }))).toBe(true);
    expect(isDuplicateKeyError(new Error('network'))).toBe(false);
  });
});

describe('MongoDB idempotency records: retention', () => {
  it('expires records through a TTL index on createdAt, the retention window in seconds', () => {
    expect(IDEMPOTENCY_RETENTION_MS).toBe(30 * 86_400_000);
    expect(idempotencyTtlIndex()).toEqual({
      key: { createdAt: 1 },
      options: { name: 'expire_after_retention', expireAfterSeconds: 30 * 86_400 },
    });
    expect(idempotencyTtlIndex(90_500).options.expireAfterSeconds).toBe(90);
    expect(() => idempotencyTtlIndex(999)).toThrow('retentionMs');
  });
});
