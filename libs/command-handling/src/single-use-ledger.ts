import { IdempotencyStore } from './idempotency-store.port';

/**
 * Things that may serve one command only (the sign-in behind a sensitive step), each recorded with
 * the command that spent it. Kept in the idempotency store: durable, shared by every instance, and
 * first-writer-wins, so two commands racing for the same thing cannot both spend it.
 */
export interface SingleUseLedger {
  /** True when `thing` is now, or already was, spent by `commandId` (a retry of the same command); false when another command spent it. */
  spend(thing: string, commandId: string): Promise<boolean>;
}

/** A key no Idempotency-Key can take (those never hold "/"), so a caller cannot spend or squat one. */
const keyOf = (thing: string): string => `single-use/${thing}`;

export function singleUseLedgerOn(store: IdempotencyStore, now: () => Date = () => new Date()): SingleUseLedger {
  return {
    async spend(thing, commandId) {
      const key = keyOf(thing);
      await store.save({ key, requestHash: commandId, statusCode: 0, body: {}, createdAt: now() });
      return (await store.find(key))?.requestHash === commandId;
    },
  };
}
