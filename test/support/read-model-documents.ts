import { SqliteEventStore } from '@shoplink/event-store/sqlite/sqlite-event-store';
import { Document, rebuildProjections } from '@shoplink/read-models';
import { SqliteReadModelStore } from '@shoplink/read-models/sqlite/sqlite-read-model-store';
import { SHOP_READ_MODELS } from '@shoplink/shops';

export const READ_MODEL_COLLECTIONS = [...new Set(SHOP_READ_MODELS.projections.map((projection) => projection.collection))];

/** Every document of every shop read model in a data file, by collection. */
export async function readModelDocumentsIn(file: string): Promise<Record<string, Document[]>> {
  const store = new SqliteReadModelStore(file);
  try {
    return Object.fromEntries(
      await Promise.all(READ_MODEL_COLLECTIONS.map(async (collection) => [collection, await store.all(collection)] as const)),
    );
  } finally {
    await store.close();
  }
}

/** The read models a rebuild from scratch makes of the log in `eventsFile`, written to `scratchFile`. */
export async function rebuiltReadModelDocuments(eventsFile: string, scratchFile: string): Promise<Record<string, Document[]>> {
  const eventStore = new SqliteEventStore(eventsFile);
  const store = new SqliteReadModelStore(scratchFile);
  try {
    await rebuildProjections({ ...SHOP_READ_MODELS, eventStore, store });
  } finally {
    await Promise.all([eventStore.close(), store.close()]);
  }
  return readModelDocumentsIn(scratchFile);
}
