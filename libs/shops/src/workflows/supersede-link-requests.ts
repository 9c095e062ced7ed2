import { CommandSender } from '@shoplink/command-handling';
import { ReadModelStore } from '@shoplink/read-models';
import { DecideShopCommand } from '../application/decide-shop-command';
import { ShopRuleViolation } from '../domain/shop-rule-violation';
import { decideLinkSupersessionSteps } from './link-supersession.workflow';
import { LINK_SUPERSESSION_WORKFLOWS_COLLECTION, LinkSupersessionWorkflowDocument } from './link-supersession-workflow.projection';

export interface SupersedeLinkRequestsDeps {
  readonly readModels: ReadModelStore;
  readonly commands: CommandSender;
}

export interface SupersessionRun {
  /** Requests closed by this run. */
  readonly superseded: number;
  /** Steps that failed for another reason than a refusal (the next run tries them again). */
  readonly failed: readonly { readonly shopId: string; readonly commandId: string; readonly error: unknown }[];
}

/**
 * Closes the pending requests of accounts linked elsewhere, as the projector left the workflows:
 * those of the accounts named, or (on start, and on the automations' timer) every open one, which
 * finishes what a crash interrupted. Each step goes through the one command path as `system:links`
 * under a command id derived from the request, so a step already applied is recognised and not
 * applied again. A refusal means there is nothing left to close (answered, cancelled, expired, or the
 * account unlinked meanwhile): the step is done.
 */
export async function supersedeLinkRequests(deps: SupersedeLinkRequestsDeps, accountIds?: readonly string[]): Promise<SupersessionRun> {
  const workflows =
    accountIds === undefined
      ? ((await deps.readModels.findBy(LINK_SUPERSESSION_WORKFLOWS_COLLECTION, 'open', true)) as LinkSupersessionWorkflowDocument[])
      : await documentsOf(deps.readModels, accountIds);
  let superseded = 0;
  const failed: { shopId: string; commandId: string; error: unknown }[] = [];
  for (const workflow of workflows) {
    for (const step of decideLinkSupersessionSteps(workflow)) {
      const envelope = {
        commandId: step.commandId,
        correlationId: step.commandId,
        causationId: step.commandId,
        actor: { kind: 'system', id: 'links' },
        callingService: 'shoplink',
      };
      try {
        await deps.commands.send(new DecideShopCommand(step.shopId, step.command, envelope));
        superseded += 1;
      } catch (error) {
        if (error instanceof ShopRuleViolation) continue;
        // A conflict or a failure: the workflow stays open and the next run sends the same step again.
        failed.push({ shopId: step.shopId, commandId: step.commandId, error });
      }
    }
  }
  return { superseded, failed };
}

async function documentsOf(readModels: ReadModelStore, accountIds: readonly string[]): Promise<LinkSupersessionWorkflowDocument[]> {
  const docs = await Promise.all([...new Set(accountIds)].map((id) => readModels.get(LINK_SUPERSESSION_WORKFLOWS_COLLECTION, id)));
  return docs.filter((doc): doc is LinkSupersessionWorkflowDocument => doc !== null);
}
