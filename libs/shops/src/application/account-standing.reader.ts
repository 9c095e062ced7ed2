import { AccountStanding } from '../domain/account-standing';

/** Where the command path learns what other shops know of an account (a read model today; see README, "Cross-shop rules"). */
export interface AccountStandingReader {
  standingOf(accountId: string): Promise<AccountStanding>;
}
