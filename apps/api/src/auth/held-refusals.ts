interface Held {
  readonly answer: () => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Refusals answered after a delay: a sender that waits for each answer before its next request (a
 * retry loop, most flood tools) then sends at most one request per delay and connection, instead
 * of as many as the service can refuse. At most `max` wait at once, so holding them costs bounded
 * memory; beyond, and with a delay of 0, a refusal is answered at once.
 */
export class HeldRefusals {
  private readonly waiting = new Set<Held>();

  constructor(
    private readonly delayMs: number,
    private readonly max: number,
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
    const held: Held = { answer, timer: setTimeout(() => this.release(held), this.delayMs) };
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
