import type { EventStore } from '@shoplink/event-store';
import type { StorageConfig } from '@shoplink/storage';

/**
 * What the audit commands read, as the service reads it (the EventStore port): the configuration is the
 * service's own (`loadStorageConfig`: `EVENTSTORE_URL` selects KurrentDB, `MONGODB_URI` MongoDB for the
 * personal-data keys; otherwise the embedded SQLite file), with `--data-file` naming the embedded file.
 */
export interface AuditSource {
  readonly config: StorageConfig;
  /** The SQLite file holding the events, or null when they are on a KurrentDB server. */
  readonly embeddedFile: string | null;
  /** One line, without credentials: where the events (and the keys that open personal fields) are read. */
  readonly description: string;
}

/** The log through the EventStore port, opened from an AuditSource. */
export interface AuditStores {
  /** The log exactly as stored (personal fields sealed): what hash chains are checked on. Nothing is added or fixed. */
  readonly stored: EventStore;
  /**
   * The same log with personal fields opened with the shop keys (or shown as "[erased]" once forgotten), as
   * the service's history, state and export answers show them.
   */
  readable(): EventStore;
  /**
   * Only the embedded SQLite file numbers its positions 1, 2, 3… and remembers the highest it ever handed out
   * (sqlite_sequence); null on KurrentDB, whose positions are byte offsets with gaps.
   */
  readonly embeddedLog: {
    highestPositionIssued(): bigint | null;
    /** SQLite's page check of the file (quick_check): whether every page is well formed, and SQLite's lines if not. */
    checkPages?(): { readonly ok: boolean; readonly problems: readonly string[] };
  } | null;
  close(): Promise<void>;
}

export type OpenAuditStores = (source: AuditSource) => AuditStores;
