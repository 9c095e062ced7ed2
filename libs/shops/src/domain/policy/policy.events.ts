import { PolicyDocument } from './policy-document';

/** The stream the policy versions in force are recorded in, one event per activation (`<category>-<id>` like every stream). */
export const POLICY_STREAM_ID = 'policy-versions';

/**
 * A policy version came into force: the whole content, so an auditor can read the numbers a decision
 * citing this version was made with even after the file is gone. `contentHash` (SHA-256 of the
 * canonical JSON of `policy`) lets two activations of one version be compared at a glance.
 */
export interface PolicyVersionActivated {
  readonly type: 'PolicyVersionActivated';
  readonly data: {
    readonly version: string;
    readonly contentHash: string;
    readonly policy: PolicyDocument & Record<string, unknown>;
    readonly activatedAt: string;
    /** The version in force before, null for the first. */
    readonly previousVersion: string | null;
  };
}

export type PolicyEvent = PolicyVersionActivated;
export const POLICY_EVENT_TYPES: readonly PolicyEvent['type'][] = ['PolicyVersionActivated'];
