import { AccountStanding } from '../domain/account-standing';

/** Where the command path learns what other shops know of an account. */
export interface AccountStandingReader {
  standingOf(accountId: string): Promise<AccountStanding>;
}
