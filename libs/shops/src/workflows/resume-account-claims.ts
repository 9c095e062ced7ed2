import { DecideAccountCommand } from '@shoplink/accounts';
import { CommandSender } from '@shoplink/command-handling';
import { ReadModelStore } from '@shoplink/read-models';
import { decideAccountClaimSteps } from './account-claim.workflow';
import { ACCOUNT_CLAIM_WORKFLOWS_COLLECTION, AccountClaimWorkflowDocument } from './account-claim-workflow.projection';

export interface ResumeAccountClaimsDeps {
  readonly readModels: ReadModelStore;
  readonly commands: CommandSender;
  readonly claimGraceSeconds: number;
}

/**
 * Finishes the account-claim workflows a crash left half done: reads the open ones the projector
 * keeps, asks the workflow what is left at `now`, and sends it through the one command path as
 * `system:claims`. Idempotent: each step's command id derives from the claim it settles.
 */
export async function resumeAccountClaims(deps: ResumeAccountClaimsDeps, now: Date): Promise<number> {
  const open = (await deps.readModels.findBy(ACCOUNT_CLAIM_WORKFLOWS_COLLECTION, 'open', true)) as AccountClaimWorkflowDocument[];
  let sent = 0;
  for (const workflow of open) {
    for (const step of decideAccountClaimSteps(workflow, { type: 'TimePassed', now }, { claimGraceSeconds: deps.claimGraceSeconds })) {
      const envelope = {
        commandId: step.commandId,
        correlationId: step.commandId,
        causationId: workflow.claim?.claimId ?? step.commandId,
        actor: { kind: 'system', id: 'claims' },
        callingService: 'shoplink',
      };
      await deps.commands.send(new DecideAccountCommand(step.command, envelope));
      sent += 1;
    }
  }
  return sent;
}
