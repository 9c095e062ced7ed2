import { AccountClaimsReader } from '@shoplink/accounts';
import { AccountStanding } from '../domain/account-standing';
import { AccountStandingReader } from './account-standing.reader';

/** An account's standing read from its own stream: the claim that really holds it, and every past claim. */
export class AccountStreamStanding implements AccountStandingReader {
  constructor(private readonly claims: AccountClaimsReader) {}

  async standingOf(accountId: string): Promise<AccountStanding> {
    const { claim, history } = await this.claims.holder(accountId);
    return {
      linkedTo: claim ? { shopId: claim.shopId, role: claim.role } : null,
      recentLinks: history.map((c) => ({ shopId: c.shopId, role: c.role, linkedAt: c.claimedAt })),
    };
  }
}
