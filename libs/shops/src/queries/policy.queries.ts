import { QueryMessage } from '@shoplink/command-handling';
import { EventStore } from '@shoplink/event-store';
import { policyContentHash, recordedPolicyActivations } from '../application/policy-activation';
import { PolicyDocument } from '../domain/policy/policy-document';
import { PolicyInForce } from '../domain/policy/policy-in-force';
import { ShopRuleViolation } from '../domain/shop-rule-violation';

/** A policy version as the routes show it: its whole content, and when it came into force. */
export interface PolicyVersionView {
  readonly version: string;
  /** SHA-256 of the canonical JSON of `policy`, as recorded in PolicyVersionActivated. */
  readonly contentHash: string;
  /** True for the version this service decides under now. */
  readonly inForce: boolean;
  /** Each time this version came into force (PolicyVersionActivated), oldest first. */
  readonly activatedAt: readonly string[];
  readonly policy: PolicyDocument;
}

/** GET /v1/policy: the version in force and its full content. */
export class GetPolicyInForce implements QueryMessage<PolicyVersionView> {
  declare readonly resultType?: PolicyVersionView;
  readonly queryType = 'GetPolicyInForce';
}

/** GET /v1/policy/versions/:version: any version ever recorded (POLICY_VERSION_NOT_FOUND otherwise). */
export class GetPolicyVersion implements QueryMessage<PolicyVersionView> {
  declare readonly resultType?: PolicyVersionView;
  readonly queryType = 'GetPolicyVersion';
  constructor(readonly version: string) {}
}

/**
 * Both answered from the policy stream (what was recorded is what decisions cite), the version in
 * force from the service's own policy: the start-up activated it, so its record is there.
 */
export class PolicyQueriesHandler {
  constructor(
    private readonly events: EventStore,
    private readonly inForce: PolicyInForce,
  ) {}

  async execute(query: GetPolicyInForce | GetPolicyVersion): Promise<PolicyVersionView> {
    const version = query instanceof GetPolicyVersion ? query.version : this.inForce.version;
    const activations = (await recordedPolicyActivations(this.events)).filter((event) => event.data.version === version);
    if (activations.length === 0) {
      if (version === this.inForce.version) return this.viewOf(this.inForce.document, policyContentHash(this.inForce.document), []);
      throw new ShopRuleViolation('POLICY_VERSION_NOT_FOUND', 'not_found', `No policy version ${version} was ever in force`, [
        { code: 'POLICY_VERSION_NOT_FOUND', message: `Policy version ${version} is not recorded` },
      ]);
    }
    const { policy, contentHash } = activations[0].data;
    return this.viewOf(
      policy,
      contentHash,
      activations.map((event) => event.data.activatedAt),
    );
  }

  private viewOf(policy: PolicyDocument, contentHash: string, activatedAt: string[]): PolicyVersionView {
    return { version: policy.version, contentHash, inForce: policy.version === this.inForce.version, activatedAt, policy };
  }
}
