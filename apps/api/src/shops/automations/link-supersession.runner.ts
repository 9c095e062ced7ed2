import { Inject, Injectable, Logger } from '@nestjs/common';
import { parsePosition } from '@shoplink/event-store';
import { READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import { supersedeLinkRequests } from '@shoplink/shops';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/tokens';
import { CommandGateway } from '../../messaging/command-gateway';
import { PROJECTION_PROGRESS, ProjectionProgress } from '../../projections/projection-progress';

/**
 * Runs the link-supersession workflow (libs/shops/src/workflows/link-supersession.workflow.ts):
 * right after a link is recorded, once the read models include it, for the accounts it linked (so
 * the losers of a race are free before the winner is answered); and for every open workflow on
 * start and on the automations' timer (what a crash left). A failure here never fails the link:
 * the next run closes what is left.
 */
@Injectable()
export class LinkSupersessionRunner {
  private readonly logger = new Logger('LinkSupersession');

  constructor(
    private readonly commands: CommandGateway,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(PROJECTION_PROGRESS) private readonly progress: ProjectionProgress,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * After a command about `accountId` answered with its recorded events (types only): when it linked
   * the account, closes other shops' requests of it.
   */
  async afterRecorded(accountId: string, body: Record<string, unknown>): Promise<void> {
    const position = typeof body.position === 'string' ? parsePosition(body.position) : null;
    if (!linkedOne(body.events) || position === null) return;
    const accountIds = [accountId];
    try {
      if (!(await this.progress.waitFor(position, this.config.readYourWritesTimeoutMs))) return;
      await this.run(accountIds);
    } catch (error) {
      this.logger.error(`closing the requests superseded by a link failed (the next run retries): ${String(error)}`);
    }
  }

  /** Every open workflow (accountIds omitted), or those of the accounts named; answers how many requests it closed. */
  async run(accountIds?: readonly string[]): Promise<number> {
    const { superseded, failed } = await supersedeLinkRequests({ readModels: this.readModels, commands: this.commands }, accountIds);
    for (const { shopId, commandId, error } of failed) this.logger.error(`${commandId} on ${shopId} failed: ${String(error)}`);
    return superseded;
  }
}

const linkedOne = (events: unknown): boolean =>
  Array.isArray(events) && events.some((event: { type?: unknown }) => event.type === 'AccountLinked');
