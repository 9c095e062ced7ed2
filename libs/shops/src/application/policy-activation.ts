import { createHash } from 'node:crypto';
import { CommandRunner, FoldedStreamStates, readStreamOrEmpty } from '@shoplink/command-handling';
import { canonicalJson, EventStore } from '@shoplink/event-store';
import { policyEventCodec, RecordedPolicyEvent } from '../codec/policy-event-codec';
import {
  decidePolicyActivation,
  EMPTY_POLICY_HISTORY,
  evolvePolicyHistory,
  PolicyHistory,
} from '../domain/policy/decide-policy-activation';
import { PolicyDocument } from '../domain/policy/policy-document';
import { POLICY_STREAM_ID, PolicyEvent, PolicyVersionActivated } from '../domain/policy/policy.events';

/** SHA-256 of the canonical JSON: the same numbers hash the same whatever the file's key order or spacing. */
export const policyContentHash = (document: PolicyDocument): string => createHash('sha256').update(canonicalJson(document)).digest('hex');

export interface PolicyActivation {
  readonly version: string;
  /** True when this start recorded a PolicyVersionActivated; false when the version was already in force. */
  readonly recorded: boolean;
}

/**
 * Records the policy the service starts with, through the one write path (so the event carries the
 * usual metadata and the stream's expected revision): an activation when its version is not the one
 * in force, nothing when it is; a version recorded before with other content throws
 * PolicyVersionReusedError and the service must not start.
 */
export async function activatePolicy(eventStore: EventStore, document: PolicyDocument, now: () => Date): Promise<PolicyActivation> {
  const contentHash = policyContentHash(document);
  const runner = new CommandRunner<PolicyHistory, PolicyEvent>({
    eventStore,
    states: new FoldedStreamStates(eventStore, policyEventCodec, evolvePolicyHistory, EMPTY_POLICY_HISTORY),
    codec: policyEventCodec,
    now,
    policyVersion: document.version,
    // A version may come back after another one (A, B, A): the decider, not the command id, tells a repeat.
    repeats: 'decided-again',
  });
  const commandId = `policy-${document.version}-${contentHash.slice(0, 16)}`;
  const handled = await runner.handle(
    POLICY_STREAM_ID,
    {
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: { kind: 'system', id: 'shoplink' },
      callingService: 'shoplink',
    },
    (history, _revision, at) => decidePolicyActivation(history, document, contentHash, at),
  );
  return { version: document.version, recorded: handled.decided.length > 0 };
}

/** Every activation recorded, oldest first. */
export async function recordedPolicyActivations(eventStore: EventStore): Promise<RecordedPolicyEvent[]> {
  const events = await readStreamOrEmpty(eventStore, POLICY_STREAM_ID, 0);
  return events.map((event) => policyEventCodec.decode(event));
}

/** The content recorded for a version (the same for each of its activations), or null when it was never in force. */
export async function recordedPolicyVersion(eventStore: EventStore, version: string): Promise<PolicyVersionActivated['data'] | null> {
  const activations = await recordedPolicyActivations(eventStore);
  return activations.find((event) => event.data.version === version)?.data ?? null;
}
