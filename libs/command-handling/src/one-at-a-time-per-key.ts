/**
 * Runs tasks one at a time per key, in the order they arrive; tasks of different keys run
 * side by side. The command runner queues the commands of one stream here: with group commit, commands
 * on one shop that decided on the same revision would otherwise reach the same transaction,
 * where all but one fail their expected revision, retry together, and lose again round after
 * round. Queued, they each decide on the state the previous one left. Other processes writing
 * the same shop are still caught by the expected revision.
 */
export class OneAtATimePerKey {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    // The previous task's outcome is its caller's business; this one runs either way.
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
