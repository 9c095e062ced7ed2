/**
 * Everything about a command that is not its intent: who sent it, on whose behalf, and
 * how to recognise a retry. Copied into the metadata of every event it produces.
 */
export interface CommandEnvelope {
  /** The Idempotency-Key: one id per user intent, the same on every retry. */
  readonly commandId: string;
  readonly correlationId: string;
  /** The message that caused this command; the command itself when a caller sent it directly. */
  readonly causationId: string;
  readonly actor: { readonly kind: string; readonly id: string };
  readonly callingService: string;
  /** If-Match: the stream revision the caller saw; a different one refuses the command. */
  readonly expectedRevision?: number;
}

export interface EventMetadata {
  readonly [key: string]: unknown;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: { readonly kind: string; readonly id: string };
  readonly callingService: string;
  readonly occurredAt: string;
  /** The version of the event type's data schema it was written in; older ones are upcast on read. */
  readonly schemaVersion: number;
}

export function eventMetadata(envelope: CommandEnvelope, occurredAt: Date, schemaVersion: number): EventMetadata {
  return {
    commandId: envelope.commandId,
    correlationId: envelope.correlationId,
    causationId: envelope.causationId,
    actor: { kind: envelope.actor.kind, id: envelope.actor.id },
    callingService: envelope.callingService,
    occurredAt: occurredAt.toISOString(),
    schemaVersion,
  };
}
