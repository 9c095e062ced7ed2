import { AccountClaimRefused, DecideAccountCommand } from '@shoplink/accounts';
import { CommandEnvelope, CommandSender } from '@shoplink/command-handling';
import { ShopEvent } from '../domain/shop.events';
import { ShopRuleViolation } from '../domain/shop-rule-violation';
import {
  AccountClaimStep,
  AccountClaimWorkflowContext,
  AccountClaimWorkflowInput,
  decideAccountClaimSteps,
  initialAccountClaimWorkflow,
} from './account-claim.workflow';

/**
 * The account-claim workflow run inline for one shop command (see account-claim.workflow.ts): its
 * account commands go through the one command path, caused by the shop command. Begin one per
 * command; `decided` before the shop's append, `recorded` after it, and always `settle` at the end.
 */
export class AccountClaimSteps {
  /** Accounts this command claimed that no recorded AccountLinked of it holds yet. */
  private readonly unconfirmed = new Set<string>();

  constructor(
    private readonly commands: CommandSender,
    private readonly shopId: string,
    private readonly envelope: CommandEnvelope,
    private readonly ctx: AccountClaimWorkflowContext,
  ) {}

  /** Claims the accounts the decision links; a claim refused refuses the shop command (ACCOUNT_LINKED_ELSEWHERE, RELINK_LIMIT_REACHED). */
  async decided(events: readonly ShopEvent[]): Promise<void> {
    for (const step of this.steps({ type: 'ShopCommandDecided', shopId: this.shopId, commandId: this.envelope.commandId, events })) {
      try {
        await this.send(step);
      } catch (error) {
        if (!(error instanceof AccountClaimRefused)) throw error;
        const kind = error.code === 'ACCOUNT_LINKED_ELSEWHERE' ? 'conflict' : 'rule';
        throw new ShopRuleViolation(error.code, kind, error.message, [{ code: error.code, message: error.message }]);
      }
      this.unconfirmed.add(step.command.data.accountId);
    }
  }

  /** The shop's events are in its stream: its links hold their claims, and its unlinks give theirs back. */
  async recorded(events: readonly ShopEvent[]): Promise<void> {
    for (const event of events) if (event.type === 'AccountLinked') this.unconfirmed.delete(event.data.accountId);
    for (const step of this.steps({ type: 'ShopCommandRecorded', shopId: this.shopId, commandId: this.envelope.commandId, events })) {
      await this.send(step);
    }
  }

  /** Claims made for links that in the end were not written are given back (compensation). */
  async settle(): Promise<void> {
    if (this.unconfirmed.size === 0) return;
    const claimedAccountIds = [...this.unconfirmed];
    this.unconfirmed.clear();
    for (const step of this.steps({
      type: 'ShopCommandAbandoned',
      shopId: this.shopId,
      commandId: this.envelope.commandId,
      claimedAccountIds,
    })) {
      await this.send(step);
    }
  }

  private steps(input: AccountClaimWorkflowInput): AccountClaimStep[] {
    // Inline, every step follows from the shop command alone: no state of the account is needed.
    return decideAccountClaimSteps(initialAccountClaimWorkflow(''), input, this.ctx);
  }

  private async send(step: AccountClaimStep): Promise<void> {
    const envelope: CommandEnvelope = {
      ...this.envelope,
      commandId: step.commandId,
      causationId: this.envelope.commandId,
      expectedRevision: undefined,
    };
    await this.commands.send(new DecideAccountCommand(step.command, envelope));
  }
}
