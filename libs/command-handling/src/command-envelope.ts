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
  /**
   * What the acting person's verified actor assertion proved (members and support agents): the
   * identity provider, the sign-in, its methods and time, and how long ago (wall clock, at the check)
   * a second factor was used, null without one. Decisions read it; events record all but the age.
   */
  readonly actorProof?: {
    readonly issuer: string | null;
    readonly jti: string;
    readonly amr: readonly string[];
    readonly authTime: string;
    readonly secondFactorAgeSeconds: number | null;
  };
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
  /** Present when a person acted with a verified assertion (see CommandEnvelope.actorProof). */
  readonly actorProof?: {
    readonly issuer: string | null;
    readonly jti: string;
    readonly amr: readonly string[];
    readonly authTime: string;
  };
  /** The policy version the decision was made under (see CommandRunnerDeps.policyVersion); absent on events from before. */
  readonly policyVersion?: string;
}

export function eventMetadata(envelope: CommandEnvelope, occurredAt: Date, schemaVersion: number, policyVersion?: string): EventMetadata {
  return {
    commandId: envelope.commandId,
    correlationId: envelope.correlationId,
    causationId: envelope.causationId,
    actor: { kind: envelope.actor.kind, id: envelope.actor.id },
    callingService: envelope.callingService,
    occurredAt: occurredAt.toISOString(),
    schemaVersion,
    ...(envelope.actorProof === undefined ? {} : { actorProof: recordedProof(envelope.actorProof) }),
    ...(policyVersion === undefined ? {} : { policyVersion }),
  };
}

/** The proof as an auditor reads it in the event: who vouched, for which sign-in, by which methods, when. */
function recordedProof({ issuer, jti, amr, authTime }: NonNullable<CommandEnvelope['actorProof']>) {
  return { issuer, jti, amr: [...amr], authTime };
}
