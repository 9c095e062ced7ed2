import { PolicyDocument } from './policy-document';
import { PolicyEvent } from './policy.events';

/** What the policy stream says: the version last activated and the content hash of every version recorded. */
export interface PolicyHistory {
  readonly current: { readonly version: string; readonly contentHash: string } | null;
  readonly hashByVersion: Readonly<Record<string, string>>;
}

export const EMPTY_POLICY_HISTORY: PolicyHistory = { current: null, hashByVersion: {} };

export function evolvePolicyHistory(history: PolicyHistory, event: PolicyEvent): PolicyHistory {
  const { version, contentHash } = event.data;
  return { current: { version, contentHash }, hashByVersion: { ...history.hashByVersion, [version]: contentHash } };
}

/** A version number already recorded with other content: the file was changed without changing its version. */
export class PolicyVersionReusedError extends Error {
  constructor(
    readonly version: string,
    readonly recordedHash: string,
    readonly presentedHash: string,
  ) {
    super(
      `policy version ${version} was recorded with other content (sha256 ${recordedHash}, this file ${presentedHash}); give the changed policy a new version`,
    );
    this.name = 'PolicyVersionReusedError';
  }
}

/**
 * Whether starting with this policy records an activation. The same version and content as the one
 * in force: nothing. Another version (new, or an earlier one coming back with its recorded content):
 * `PolicyVersionActivated`. A version recorded before with other content is refused, so a version
 * number always means one set of numbers and an auditor can trust it.
 */
export function decidePolicyActivation(history: PolicyHistory, document: PolicyDocument, contentHash: string, now: Date): PolicyEvent[] {
  const recorded = Object.hasOwn(history.hashByVersion, document.version) ? history.hashByVersion[document.version] : undefined;
  if (recorded !== undefined && recorded !== contentHash) throw new PolicyVersionReusedError(document.version, recorded, contentHash);
  if (history.current !== null && history.current.version === document.version) return [];
  return [
    {
      type: 'PolicyVersionActivated',
      data: {
        version: document.version,
        contentHash,
        policy: document as PolicyDocument & Record<string, unknown>,
        activatedAt: now.toISOString(),
        previousVersion: history.current?.version ?? null,
      },
    },
  ];
}
