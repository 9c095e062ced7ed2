import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { LogDigest, lastAnchor, writeAnchor } from '@shoplink/event-store';
import { LogDigests } from './log-digests';

/**
 * Writes a signed digest into the anchor directory every SHOPLINK_DIGEST_ANCHOR_INTERVAL_SECONDS
 * when the log moved (0: never), and one last time as the service stops, so the log as it was left
 * is anchored before anyone can touch the file. The timer never keeps the process alive. A failed
 * write is logged and retried at the next tick: anchors are evidence, not a reason to stop serving.
 */
@Injectable()
export class DigestAnchorTimer implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('DigestAnchors');
  private timer: NodeJS.Timeout | null = null;
  private lastPosition: string | null | undefined;
  private writing: Promise<LogDigest | null> | null = null;

  constructor(@Inject(LogDigests) private readonly digests: LogDigests) {}

  onApplicationBootstrap(): void {
    const seconds = this.digests.config.anchorIntervalSeconds;
    if (seconds === 0) return;
    try {
      this.lastPosition = lastAnchor(this.digests.config.anchorDirectory)?.position;
    } catch (error) {
      this.logger.warn(`could not read the last anchor in ${this.digests.config.anchorDirectory}: ${String(error)}`);
    }
    this.timer = setInterval(() => void this.anchorIfMoved(), seconds * 1000);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer === null) return;
    clearInterval(this.timer);
    this.timer = null;
    await this.anchorIfMoved();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One anchor, if the log moved since the last; never two at once. Answers the digest written, if any. */
  anchorIfMoved(): Promise<LogDigest | null> {
    this.writing ??= this.write().finally(() => (this.writing = null));
    return this.writing;
  }

  private async write(): Promise<LogDigest | null> {
    try {
      const digest = await this.digests.current();
      if (digest.position === null || digest.position === this.lastPosition) return null;
      writeAnchor(this.digests.config.anchorDirectory, digest);
      this.lastPosition = digest.position;
      return digest;
    } catch (error) {
      this.logger.warn(`could not write a digest anchor to ${this.digests.config.anchorDirectory}: ${String(error)}`);
      return null;
    }
  }
}
