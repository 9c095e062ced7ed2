import { IdempotencyStore } from '@shoplink/command-handling';
import { PersonalDataKeys } from '@shoplink/personal-data';
import { MongoPersonalDataKeys } from '@shoplink/personal-data/mongodb/mongodb-personal-data-keys';
import { MongoIdempotencyStore } from '@shoplink/command-handling/mongodb/mongodb-idempotency-store';
import { ReadModelStore } from '@shoplink/read-models';
import { MongoReadModelStore } from '@shoplink/read-models/mongodb/mongodb-read-model-store';
import { sharedMongoClient } from './shared-mongo-client';

/** The read models, the idempotency records and the personal data keys in one MongoDB database, over one client. */
export function openMongoStores(
  uri: string,
  database: string,
): { readModels: ReadModelStore; idempotency: IdempotencyStore; personalDataKeys: PersonalDataKeys } {
  const { client, release } = sharedMongoClient(uri, 3);
  return {
    readModels: new MongoReadModelStore(client, database, { release }),
    idempotency: new MongoIdempotencyStore(client, database, { release }),
    personalDataKeys: new MongoPersonalDataKeys(client, database, release),
  };
}
