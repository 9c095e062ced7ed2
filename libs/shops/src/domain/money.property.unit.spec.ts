import fc from 'fast-check';
import { Actor } from './actor';
import { decideShop } from './decide-shop';
import { evolveShop, foldShop, foldShopInPlace } from './evolve-shop';
import { initialShopState } from './shop.state';
import { ShopCommand } from './shop.commands';
import { ShopEvent } from './shop.events';
import { ShopRuleViolation } from './shop-rule-violation';
import { isMoneyFrozen, RegisteredShop, ShopState } from './shop.state';
import {
  completeWithdrawal,
  creditFunds,
  defaultContext,
  failWithdrawal,
  NOW,
  OWNER,
  PAYOUT_SERVICE,
  registeredShop,
  reportIncident,
  requestWithdrawal,
  resolveIncident,
  SECURITY_SERVICE,
  verifiedShop,
} from './testing/shop.specification';

/**
 * Whatever money commands arrive, in whatever order, with whatever ids and amounts: every
 * one is decided on the state the accepted ones left, and the books always balance.
 */

const settlementIds = fc.constantFrom('s-0', 's-1', 's-2', 's-3', 's-4', 's-5', 's-6', 's-7');
const withdrawalIds = fc.constantFrom('w-0', 'w-1', 'w-2', 'w-3', 'w-4', 'w-5');
const incidentIds = fc.constantFrom('inc-0', 'inc-1', 'inc-2');
/** Mostly valid amounts, now and then an invalid one (or one too large to add to any balance). */
const amounts = fc.oneof(
  { weight: 9, arbitrary: fc.integer({ min: 1, max: 20_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 0.5, Number.NaN, Number.MAX_SAFE_INTEGER) },
);

/** A command, or one worked out from the shop as it stands (to probe the edges of the balance). */
interface Step {
  readonly command: ShopCommand | ((shop: RegisteredShop) => ShopCommand);
  readonly actor: Actor;
}

/** The amount a settlement is usually sent with, so a settlement sent again often agrees with itself. */
const usualAmount = (settlementId: string): number => 100 * (Number(settlementId.slice(2)) + 1) ** 2;

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: settlementIds.map((s) => ({ command: creditFunds(s, usualAmount(s)), actor: PAYOUT_SERVICE })) },
  {
    weight: 3,
    arbitrary: fc.record({ s: settlementIds, a: amounts }).map(({ s, a }) => ({ command: creditFunds(s, a), actor: PAYOUT_SERVICE })),
  },
  {
    weight: 3,
    arbitrary: fc.record({ w: withdrawalIds, a: amounts }).map(({ w, a }) => ({ command: requestWithdrawal(w, a), actor: OWNER })),
  },
  {
    weight: 3,
    arbitrary: fc.record({ w: withdrawalIds, delta: fc.integer({ min: -2, max: 2 }) }).map(({ w, delta }) => ({
      command: (shop: RegisteredShop) => requestWithdrawal(w, shop.money.available + delta), // just under, at and just over the balance
      actor: OWNER,
    })),
  },
  { weight: 2, arbitrary: withdrawalIds.map((w) => ({ command: completeWithdrawal(w), actor: PAYOUT_SERVICE })) },
  { weight: 2, arbitrary: withdrawalIds.map((w) => ({ command: failWithdrawal(w), actor: PAYOUT_SERVICE })) },
  { weight: 1, arbitrary: incidentIds.map((i) => ({ command: reportIncident(i), actor: SECURITY_SERVICE })) },
  { weight: 1, arbitrary: incidentIds.map((i) => ({ command: resolveIncident(i), actor: SECURITY_SERVICE })) },
);

const commandOf = (command: Step['command'], state: ShopState): ShopCommand =>
  typeof command === 'function' ? command(state as RegisteredShop) : command;

/** Sequences of up to 60 commands, their lengths spread over the whole range (fast-check favours short ones by default). */
const steps = fc.array(step, { maxLength: 60, size: 'max' });

/** Every refusal a money command may meet; anything else (or a plain Error) fails the property. */
const EXPECTED_REFUSALS = new Set([
  'INVALID_AMOUNT',
  'SETTLEMENT_CONFLICT',
  'BALANCE_LIMIT_EXCEEDED',
  'INSUFFICIENT_FUNDS',
  'BANK_ACCOUNT_NOT_VERIFIED',
  'FUNDS_FROZEN',
  'WITHDRAWAL_REFUSED',
  'WITHDRAWAL_ALREADY_EXISTS',
  'WITHDRAWAL_NOT_FOUND',
  'WITHDRAWAL_ALREADY_SETTLED',
  'INCIDENT_ALREADY_OPEN',
  'INCIDENT_NOT_FOUND',
  'INCIDENT_ALREADY_RESOLVED',
]);

/**
 * What the accepted events say happened, kept apart from the shop's own state. Totals are
 * BigInt: over a long life a shop may credit and withdraw more than 2^53 in all, even though
 * what it holds at any moment stays a safe integer.
 */
interface Ledger {
  readonly credited: Map<string, number>;
  readonly settled: Map<string, 'withdrawn' | 'failed'>;
  withdrawn: bigint;
}

/** A cheap assertion (jest's expect is too slow for tens of thousands of checks); fast-check shrinks what fails. */
function check(holds: boolean, what: string, shop?: RegisteredShop): void {
  if (!holds)
    throw new Error(`${what}${shop ? ` (money ${JSON.stringify(shop.money)}, incidents ${JSON.stringify(shop.incidents)})` : ''}`);
}

function record(ledger: Ledger, event: ShopEvent): void {
  switch (event.type) {
    case 'FundsCredited':
      check(!ledger.credited.has(event.data.settlementId), `settlement ${event.data.settlementId} credited twice`);
      ledger.credited.set(event.data.settlementId, event.data.amount);
      return;
    case 'FundsWithdrawn':
    case 'FundsWithdrawalFailed':
      check(!ledger.settled.has(event.data.withdrawalId), `withdrawal ${event.data.withdrawalId} settled twice`);
      ledger.settled.set(event.data.withdrawalId, event.type === 'FundsWithdrawn' ? 'withdrawn' : 'failed');
      if (event.type === 'FundsWithdrawn') ledger.withdrawn += BigInt(event.data.amount);
      return;
    default:
      return;
  }
}

function assertBooksBalance(shop: RegisteredShop, ledger: Ledger): void {
  const { available, pendingWithdrawal, frozen } = shop.money;
  for (const [bucket, amount] of Object.entries(shop.money)) {
    check(Number.isSafeInteger(amount) && amount >= 0, `${bucket} is not a non-negative integer`, shop);
  }
  let credited = 0n;
  for (const amount of ledger.credited.values()) credited += BigInt(amount);
  const held = BigInt(available) + BigInt(pendingWithdrawal) + BigInt(frozen);
  check(held + ledger.withdrawn === credited, `money created or lost: credited ${credited}, withdrawn ${ledger.withdrawn}`, shop);
  check(BigInt(pendingWithdrawal) + ledger.withdrawn <= credited, 'more requested or withdrawn than was ever credited', shop);
  let inFlight = 0;
  for (const w of Object.values(shop.withdrawals)) if (w.state === 'requested') inFlight += w.amount;
  check(pendingWithdrawal === inFlight, `pending ${pendingWithdrawal} is not the sum of withdrawals in flight (${inFlight})`, shop);
  // money is frozen exactly while an incident is open, and then none of it is available
  if (isMoneyFrozen(shop)) check(available === 0, 'money available during an incident', shop);
  else check(frozen === 0, 'money frozen with no incident open', shop);
}

describe('money, property: the books balance under any sequence of commands', () => {
  it('never negative, never created or lost, never withdrawn twice', () => {
    fc.assert(
      fc.property(fc.boolean(), steps, (verified, sequence) => {
        const history = verified ? verifiedShop() : registeredShop();
        let state: ShopState = foldShop(history);
        const appended: ShopEvent[] = [...history];
        const ledger: Ledger = { credited: new Map(), settled: new Map(), withdrawn: 0n };
        sequence.forEach(({ command, actor }, i) => {
          let events: ShopEvent[] = [];
          try {
            events = decideShop(state, commandOf(command, state), defaultContext({ actor, now: new Date(NOW.getTime() + i * 60_000) }));
          } catch (error) {
            if (!(error instanceof ShopRuleViolation)) throw error;
            check(EXPECTED_REFUSALS.has(error.code), `unexpected refusal ${error.code}`); // refused: nothing applied
          }
          for (const event of events) {
            record(ledger, event);
            state = evolveShop(state, event);
          }
          appended.push(...events);
          assertBooksBalance(state as RegisteredShop, ledger);
        });
        // replaying what was appended gives the same shop, and so does the in-place fold the executor's cache uses
        expect(foldShop(appended)).toEqual(state);
        expect(foldShopInPlace(initialShopState, appended)).toEqual(state);
      }),
      { numRuns: 1000 },
    );
  });

  it('the generator reaches the interesting cases (withdrawals settled both ways, frozen credits, duplicates)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(steps, (sequence) => {
        let state: ShopState = foldShop(verifiedShop());
        for (const { command, actor } of sequence) {
          try {
            const events = decideShop(state, commandOf(command, state), defaultContext({ actor }));
            if (events.length === 0) seen.add('duplicate settlement, no events');
            for (const event of events) {
              seen.add(
                event.type === 'FundsCredited'
                  ? `FundsCredited to ${event.data.creditedTo}`
                  : event.type === 'FundsWithdrawalFailed'
                    ? `failed to ${event.data.returnedTo}`
                    : event.type,
              );
              state = evolveShop(state, event);
            }
          } catch (error) {
            seen.add((error as ShopRuleViolation).code);
          }
        }
      }),
      { numRuns: 100, seed: 42 },
    );
    expect([...seen]).toEqual(
      expect.arrayContaining([
        'FundsCredited to available',
        'FundsCredited to frozen',
        'duplicate settlement, no events',
        'SETTLEMENT_CONFLICT',
        'FundsWithdrawalRequested',
        'FundsWithdrawn',
        'failed to available',
        'failed to frozen',
        'FundsFrozen',
        'FundsUnfrozen',
        'INSUFFICIENT_FUNDS',
        'WITHDRAWAL_REFUSED',
        'WITHDRAWAL_ALREADY_SETTLED',
        'WITHDRAWAL_ALREADY_EXISTS',
        'INVALID_AMOUNT',
      ]),
    );
  });
});
