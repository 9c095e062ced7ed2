import { createHash } from 'node:crypto';
import { sortKeys } from '../canonical-json';
import { JsonObject } from '../event-store.port';

/**
 * Tamper evidence: every event carries, in its metadata, a SHA-256 over its own canonical
 * serialisation (type, data, metadata without the hash fields, revision) and the hash of
 * the event before it in its stream. Changing, removing, inserting or reordering any event
 * breaks the chain from that event on. Computed by the application, so any store carries it.
 */
export const GENESIS_HASH = '0'.repeat(64);
export const HASH_ALGORITHM = 'sha256-chain-v1';

export interface ChainFields {
  readonly hash: string;
  readonly previousHash: string;
  readonly hashAlgorithm: string;
}

export function eventHash(previousHash: string, event: { type: string; data: JsonObject; metadata: JsonObject; revision: number }): string {
  // canonicalJson({ previousHash, revision, type, data, metadata without the chain fields }), built
  // directly in key order: every event a cold load reads is hashed again, so the copies it saves count.
  const hashed = {
    data: sortKeys(event.data),
    metadata: sortKeys(withoutChainFields(event.metadata)),
    previousHash,
    revision: event.revision,
    type: event.type,
  };
  return createHash('sha256').update(JSON.stringify(hashed)).digest('hex');
}

function withoutChainFields(metadata: JsonObject): JsonObject {
  const { hash: _hash, previousHash: _previous, hashAlgorithm: _algorithm, ...rest } = metadata;
  return rest;
}

/** The chain fields an event's metadata carries, or null when it has none (written before chaining, or stripped). */
export function chainOf(metadata: JsonObject): ChainFields | null {
  const { hash, previousHash, hashAlgorithm } = metadata;
  return typeof hash === 'string' && typeof previousHash === 'string' && typeof hashAlgorithm === 'string'
    ? { hash, previousHash, hashAlgorithm }
    : null;
}
