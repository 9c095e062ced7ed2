interface Turn {
  state: 'waiting' | 'going' | 'over';
  readonly go: (leave: Leave) => void;
}

interface Lane {
  readonly waiting: Turn[];
}

/** A place in a lane: `leave` once the request is over, whether it went through or is still waiting. */
export type Leave = () => void;

export interface SingleFileOptions {
  /** Most requests waiting behind one key. */
  readonly maxWaitingPerKey: number;
  /** Most requests waiting over all keys, so memory stays bounded however many keys turn up. */
  readonly maxWaiting: number;
  /** How the next waiter is started; setImmediate by default, after the I/O already read is handled. */
  readonly schedule?: (run: () => void) => void;
}

/**
 * One request at a time per key (a client address), the others waiting their turn. Requests without
 * an already verified token go single file: a burst of them from one address (64 connections opening
 * at once, or a budget window starting afresh) is then checked one after another, each started after
 * the I/O already read is handled, instead of all at once with every other caller's request queued
 * behind the lot. A caller whose token was verified already never enters a lane.
 */
export class SingleFileByAddress {
  /** Keys with a request going through; a key's lane holds the ones waiting behind it. */
  private readonly lanes = new Map<string, Lane>();
  private waiting = 0;
  private readonly schedule: (run: () => void) => void;

  constructor(private readonly options: SingleFileOptions) {
    this.schedule = options.schedule ?? ((run) => void setImmediate(run));
  }

  /** Requests waiting now, over all keys. */
  get size(): number {
    return this.waiting;
  }

  /**
   * Calls `go` when it is this request's turn (at once when the key has none going through) with the
   * function that ends its turn. Answers that same function, to call when the request is over: it
   * also takes a request still waiting out of the lane. Answers undefined, and never calls `go`,
   * when too many wait already.
   */
  enter(key: string, go: (leave: Leave) => void): Leave | undefined {
    const turn: Turn = { state: 'waiting', go };
    const leave = (): void => this.over(key, turn);
    const lane = this.lanes.get(key);
    if (lane === undefined) {
      this.lanes.set(key, { waiting: [] });
      this.start(key, turn);
      return leave;
    }
    if (lane.waiting.length >= this.options.maxWaitingPerKey || this.waiting >= this.options.maxWaiting) return undefined;
    lane.waiting.push(turn);
    this.waiting += 1;
    return leave;
  }

  private start(key: string, turn: Turn): void {
    turn.state = 'going';
    turn.go(() => this.over(key, turn));
  }

  private over(key: string, turn: Turn): void {
    const was = turn.state;
    turn.state = 'over';
    if (was === 'going') return this.next(key);
    if (was !== 'waiting') return;
    // Still in the lane; or already handed the turn, which then passes it on when it finds this one over.
    const lane = this.lanes.get(key)!;
    const at = lane.waiting.indexOf(turn);
    if (at >= 0) {
      lane.waiting.splice(at, 1);
      this.waiting -= 1;
    }
  }

  /** The key's turn is over: the next waiter goes, or the lane closes. */
  private next(key: string): void {
    const lane = this.lanes.get(key)!;
    const turn = lane.waiting.shift();
    if (turn === undefined) {
      this.lanes.delete(key);
      return;
    }
    this.waiting -= 1;
    this.schedule(() => (turn.state === 'over' ? this.next(key) : this.start(key, turn)));
  }
}
