import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * After a refusal, the connection it came on reads nothing more for a moment: the refusal is
 * answered at once, and the connection's next request is read only after a delay drawn between half
 * and one and a half times `delayMs` (so that many connections do not come back in step, as bursts
 * other callers' requests would queue behind). A sender that waits for each answer before sending
 * again on its connection (a retry loop with a bad token, most flood tools) then gets about one
 * request a delay through each connection, instead of as many as the service can refuse.
 *
 * Why the connection waits and not the answer: holding each refusal back kept its request and
 * response alive across young-generation collections; measured under a flood, each scavenge then
 * copied about 3 MB of held requests into the old generation and took 10–25 ms, which every other
 * caller waited behind. Answered at once, the request is garbage within microseconds (scavenges
 * about 1 ms); what waits is the socket, alive anyway.
 *
 * At most `max` connections wait at once (beyond, they are not slowed), so slowing them costs
 * bounded memory; with a delay of 0 nothing is slowed.
 */
export class SlowedConnections {
  private readonly paused = new Set<Socket>();

  constructor(
    private readonly delayMs: number,
    private readonly max: number,
    private readonly random: () => number = Math.random,
  ) {}

  /** Connections waiting now. */
  get size(): number {
    return this.paused.size;
  }

  /** Once `response` has been sent, its connection reads its next request only after the delay. */
  slowAfter(response: ServerResponse, socket: Socket): void {
    if (this.delayMs === 0) return;
    response.once('finish', () => this.pause(socket));
  }

  /**
   * Closes every waiting connection: the service is stopping and should not wait for them. A request
   * one of them sent meanwhile was never read, so its client sees the connection reset, as when any
   * idle keep-alive connection is closed under it (and, for an idempotent request, retries).
   */
  closeAll(): void {
    for (const socket of [...this.paused]) {
      this.paused.delete(socket);
      socket.destroy();
    }
  }

  private pause(socket: Socket): void {
    if (socket.destroyed || this.paused.has(socket) || this.paused.size >= this.max) return;
    this.paused.add(socket);
    socket.pause();
    setTimeout(() => this.resume(socket), this.delayMs * (0.5 + this.random())).unref();
  }

  private resume(socket: Socket): void {
    if (!this.paused.delete(socket)) return;
    if (!socket.destroyed) socket.resume();
  }
}
