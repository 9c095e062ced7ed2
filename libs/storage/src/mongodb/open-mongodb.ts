import { IdempotencyStore } from '@shoplink/command-handling';
import { MongoIdempotencyStore } from '@shoplink/command-handling/mongodb/mongodb-idempotency-store';
import { ReadModelStore } from '@shoplink/read-models';
import { MongoReadModelStore } from '@shoplink/read-models/mongodb/mongodb-read-model-store';
import { sharedMongoClient } from './shared-mongo-client';

/** The read models and the idempotency records in one MongoDB database, over one client. */
export function openMongoStores(uri: string, database: string): { readModels: ReadModelStore; idempotency: IdempotencyStore } {
  const { client, release } = sharedMongoClient(uri, 2);
  return {
    readModels: new MongoReadModelStore(client, database, { release }),
    idempotency: new MongoIdempotencyStore(client, database, { release }),
  };
}
