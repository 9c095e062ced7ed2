interface Held {
  readonly answer: () => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Refusals answered after a delay: a sender that waits for each answer before its next request (a
 * retry loop, most flood tools) then sends about one request per delay and connection, instead of
 * as many as the service can refuse. Each delay is drawn between half and one and a half times
 * `delayMs`, so the refusals of many connections do not come back in step, as bursts the requests
 * of other callers would queue behind. At most `max` wait at once, so holding them costs bounded
 * memory; beyond, and with a delay of 0, a refusal is answered at once.
 */
export class HeldRefusals {
  private readonly waiting = new Set<Held>();

  constructor(
    private readonly delayMs: number,
    private readonly max: number,
    private readonly random: () => number = Math.random,
  ) {}

  /** Refusals waiting now. */
  get size(): number {
    return this.waiting.size;
  }

  /** Runs `answer` after the delay, or at once; answers a function that drops it unanswered (the client has gone). */
  hold(answer: () => void): () => void {
    if (this.delayMs === 0 || this.waiting.size >= this.max) {
      answer();
      return () => undefined;
    }
    const delay = this.delayMs * (0.5 + this.random());
    const held: Held = { answer, timer: setTimeout(() => this.release(held), delay) };
    this.waiting.add(held);
    return () => {
      if (this.waiting.delete(held)) clearTimeout(held.timer);
    };
  }

  /** Answers every refusal still waiting, now: the service is stopping and should not wait for them. */
  releaseAll(): void {
    for (const held of [...this.waiting]) this.release(held);
  }

  private release(held: Held): void {
    if (!this.waiting.delete(held)) return;
    clearTimeout(held.timer);
    held.answer();
  }
}
