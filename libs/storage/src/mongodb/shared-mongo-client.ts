import { MongoClient } from 'mongodb';

/**
 * One MongoClient (one connection pool) for the stores of a process, closed when the last of
 * them is. Majority writes, journaled: a write acknowledged survives the loss of the primary.
 * Server selection fails after 5 s, so a MongoDB that is down shows up as an error (and on
 * /health/ready) instead of requests that wait for it.
 */
export function sharedMongoClient(uri: string, users: number): { client: MongoClient; release: () => Promise<void> } {
  // A timeout or name given in the URI is the operator's and is kept; the write concern is not negotiable.
  const client = new MongoClient(uri, {
    ...(/[?&]serverSelectionTimeoutMS=/i.test(uri) ? {} : { serverSelectionTimeoutMS: 5_000 }),
    ...(/[?&]appName=/i.test(uri) ? {} : { appName: 'shoplink' }),
    writeConcern: { w: 'majority', journal: true },
  });
  let remaining = users;
  return {
    client,
    release: async () => {
      remaining -= 1;
      if (remaining === 0) await client.close();
    },
  };
}
