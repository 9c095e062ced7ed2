import type { FastifyReply } from 'fastify';
import { CommandAnswer } from './command-gateway.service';

/** Writes a command answer on the reply; a replayed answer says so, for the caller's logs. */
export function sendAnswer(reply: FastifyReply, answer: CommandAnswer): Record<string, unknown> {
  void reply.status(answer.statusCode);
  if (answer.replayed) void reply.header('Idempotent-Replayed', 'true');
  return answer.body;
}
