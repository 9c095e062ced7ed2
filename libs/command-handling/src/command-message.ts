import { CommandEnvelope } from './command-envelope';

/**
 * What travels on the command bus: one command for one stream, with its envelope. The one path
 * every sender uses (HTTP routes, automations, workflows) reads these three fields to trace,
 * log and check a command without knowing its bounded context.
 *
 * `R` is the result its handler answers; `resultType` is never set, it only carries `R` so a
 * sender gets a typed answer.
 */
export interface CommandMessage<R = unknown> {
  readonly streamId: string;
  readonly commandType: string;
  readonly envelope: CommandEnvelope;
  readonly resultType?: R;
}

/** The one path commands take to their handler (implemented by the service's command gateway). */
export interface CommandSender {
  send<R>(message: CommandMessage<R>): Promise<R>;
}
