import { Decoded, EventCodec } from '@shoplink/event-store';
import { POLICY_EVENT_TYPES, PolicyEvent } from '../domain/policy/policy.events';

/** Where a recorded policy activation becomes a PolicyEvent. Every type is still at version 1. */
export const policyEventCodec = new EventCodec<PolicyEvent>(POLICY_EVENT_TYPES, []);

export type RecordedPolicyEvent = Decoded<PolicyEvent>;
