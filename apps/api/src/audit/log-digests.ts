import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CLOCK, Clock } from '@shoplink/command-handling';
import {
  compareLogWithDigests,
  comparePositions,
  EventStore,
  FirstDifference,
  LogDigest,
  LogHashFollower,
  parsePosition,
  PublishedDigestKey,
  readAnchors,
  signDigest,
  STORED_EVENT_STORE,
  verifyDigestSignature,
} from '@shoplink/event-store';
import { DigestConfig } from '../config/digest-config';

export const DIGEST_CONFIG = Symbol('DIGEST_CONFIG');

/** What POST /v1/audit/digest/verification answers. */
export type DigestVerification =
  | {
      readonly matches: false;
      readonly signatureValid: false;
      readonly signatureProblem: 'unknown-key' | 'unsupported-algorithm' | 'bad-signature';
      readonly checkedUpTo: null;
      readonly message: string;
    }
  | {
      readonly matches: boolean;
      readonly signatureValid: true;
      readonly keyId: string;
      readonly position: string | null;
      /** The highest position the log was recomputed to: the digest's. */
      readonly checkedUpTo: string | null;
      /** The log as recomputed from its events now, up to the digest's position (or as far as it goes). */
      readonly recomputed: { readonly position: string | null; readonly logHash: string; readonly events: number };
      readonly firstDifference?: FirstDifference;
      /** How many of this service's own anchors (valid signatures, earlier positions) were used to narrow a difference. */
      readonly anchorsConsulted: number;
      readonly message: string;
    };

/**
 * Signed digests of the log for auditors: the current one (from a follower that keeps the head's log
 * hash, folding forward on demand), the public keys, and the check of a digest someone kept, which
 * recomputes the log from its events and uses the service's own anchors to narrow where it differs.
 */
@Injectable()
export class LogDigests implements OnApplicationBootstrap {
  readonly follower: LogHashFollower;

  constructor(
    @Inject(STORED_EVENT_STORE) private readonly stored: EventStore,
    @Inject(DIGEST_CONFIG) readonly config: DigestConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    // The log as stored, beneath the personal-data sealing: the bytes the hashes cover.
    this.follower = new LogHashFollower(stored);
  }

  /**
   * A fresh process folds the whole log once; started here, in the background and in pages that let
   * the event loop go, so the first digest asked for does not wait for it. A failure is retried on demand.
   */
  onApplicationBootstrap(): void {
    void this.follower.current().catch(() => undefined);
  }

  async current(): Promise<LogDigest> {
    return signDigest(await this.follower.current(), this.config.keys, this.clock.now());
  }

  publishedKeys(): { keys: PublishedDigestKey[] } {
    return { keys: this.config.keys.published() };
  }

  async verify(digest: LogDigest): Promise<DigestVerification> {
    const signature = verifyDigestSignature(digest, this.config.keys);
    if (!signature.valid)
      return {
        matches: false,
        signatureValid: false,
        signatureProblem: signature.problem,
        checkedUpTo: null,
        message: `${signature.message}. Nothing about the log can be concluded from this digest.`,
      };
    const anchors = this.anchorsBefore(digest);
    const comparison = await compareLogWithDigests(this.stored, [digest, ...anchors]);
    const own = comparison.checks.find((check) => check.position === digest.position && check.signedAt === digest.signedAt)!;
    return {
      matches: own.matches,
      signatureValid: true,
      keyId: signature.keyId,
      position: digest.position,
      checkedUpTo: digest.position,
      recomputed: own.recomputed,
      ...(own.matches || comparison.firstDifference === null ? {} : { firstDifference: comparison.firstDifference }),
      anchorsConsulted: anchors.length,
      message: own.matches ? own.message : (comparison.firstDifference?.message ?? own.message),
    };
  }

  /** This service's own anchors before the digest, signed with a key it knows: the finer grid a difference is placed on. */
  private anchorsBefore(digest: LogDigest): LogDigest[] {
    const limit = digest.position === null ? null : parsePosition(digest.position);
    if (limit === null) return [];
    return readAnchors(this.config.anchorDirectory).digests.filter((anchor) => {
      const at = anchor.position === null ? null : parsePosition(anchor.position);
      return at !== null && comparePositions(at, limit) < 0 && verifyDigestSignature(anchor, this.config.keys).valid;
    });
  }
}
