import { steppedUpAssertionFor } from './service-tokens';
import { randomUUID } from 'node:crypto';
import { linkBody, MARKETING_SCOPES, OFFICIAL_SCOPES, registerShopBody } from './shop-fixtures';

/** One command the workload sent, and what it learned of it. */
export interface SentCommand {
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly actor: string;
  /** `unknown`: no answer came (the service died, or was dead): the command may or may not have happened. */
  outcome: 'answered' | 'unknown';
  status?: number;
  answer?: any;
  /** The answer's Retry-After header, when it had one (a 503 says when to try again). */
  retryAfter?: string;
}

interface ShopState {
  readonly shopId: string;
  stage: 'registered' | 'submitted' | 'verified' | 'graduated';
  settlements: number;
  withdrawals: string[];
  pendingLinks: Array<{ accountId: string; role: 'official' | 'marketing' }>;
  hasOfficial: boolean;
  links: number;
}

/** Events in an answer: a success's, or a refusal's that was recorded (a rejected link). */
export const answerEvents = (command: SentCommand): Array<{ id: string; type: string }> =>
  Array.isArray(command.answer?.events) ? command.answer.events : [];

/**
 * A realistic mix of commands from several concurrent callers: shops registered and verified,
 * settlements credited, withdrawals asked for and paid out, accounts linked and authorized, now
 * and then the same request sent again with its key (a client retrying). Every command is
 * recorded with what came back, so the test can hold the log to what was acknowledged.
 */
export class CrashWorkload {
  readonly sent: SentCommand[] = [];
  private readonly shops: ShopState[] = [];
  private shopCounter = 0;
  private accountCounter = 0;
  private running = false;
  private workers: Promise<void>[] = [];

  constructor(
    private readonly token: string,
    private readonly prefix: string,
  ) {}

  start(baseUrl: string, callers: number): void {
    this.running = true;
    this.workers = Array.from({ length: callers }, () => this.work(baseUrl));
  }

  /** Stops sending new commands and waits for those in flight to answer or fail. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  /** Sends a command (or a recorded one again, same key and request) and records the outcome. */
  async send(baseUrl: string, command: SentCommand): Promise<SentCommand> {
    try {
      const response = await fetch(`${baseUrl}${command.path}`, {
        method: command.method,
        headers: {
          authorization: `Bearer ${this.token}`,
          'idempotency-key': command.key,
          'x-actor': command.actor,
          ...(await assertionHeader(command.actor)),
          ...(command.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: command.body === undefined ? undefined : JSON.stringify(command.body),
        signal: AbortSignal.timeout(15_000),
      });
      const text = await response.text();
      command.status = response.status;
      command.retryAfter = response.headers.get('retry-after') ?? undefined;
      command.answer = text === '' ? null : JSON.parse(text);
      command.outcome = 'answered';
    } catch {
      // Refused connection, reset, cut answer: whether it happened is for the log to say.
    }
    return command;
  }

  private async work(baseUrl: string): Promise<void> {
    while (this.running) {
      const next = this.nextCommand();
      this.sent.push(next);
      const done = await this.send(baseUrl, next);
      if (done.outcome === 'answered') this.learn(done);
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private command(method: string, path: string, body: unknown, actor = 'member:m-owner'): SentCommand {
    return { key: randomUUID(), method, path, body, actor, outcome: 'unknown' };
  }

  private nextCommand(): SentCommand {
    const roll = Math.random();
    if (roll < 0.05 && this.sent.length > 0) {
      // A client retrying an earlier command with its key.
      const earlier = this.sent[Math.floor(Math.random() * this.sent.length)];
      return { ...earlier, outcome: 'unknown', status: undefined, answer: undefined, key: earlier.key };
    }
    const ready = this.shops.filter((s) => s.stage === 'graduated');
    if (this.shops.length < 3 || roll < 0.12 || ready.length === 0) {
      const unfinished = this.shops.filter((s) => s.stage !== 'graduated');
      if (unfinished.length > 0 && roll >= 0.06) return this.advance(unfinished[Math.floor(Math.random() * unfinished.length)]);
      const shopId = `${this.prefix}-${++this.shopCounter}`;
      return this.command('POST', '/v1/shops', registerShopBody(shopId));
    }
    const shop = ready[Math.floor(Math.random() * ready.length)];
    const base = `/v1/shops/${shop.shopId}`;
    const pick = Math.random();
    if (pick < 0.3)
      return this.command(
        'POST',
        `${base}/credits`,
        {
          settlementId: `st-${shop.settlements + 1}-${randomUUID().slice(0, 8)}`,
          orderId: 'order-1',
          amount: 500 + Math.floor(Math.random() * 5_000),
        },
        'system:payouts',
      );
    if (pick < 0.55)
      return this.command('POST', `${base}/withdrawals`, {
        withdrawalId: `wd-${randomUUID().slice(0, 8)}`,
        amount: 100 + Math.floor(Math.random() * 4_000),
      });
    if (pick < 0.65 && shop.withdrawals.length > 0)
      return this.command('POST', `${base}/withdrawals/${shop.withdrawals[0]}/completion`, undefined, 'system:payouts');
    if (pick < 0.8 && shop.pendingLinks.length > 0) {
      const { accountId, role } = shop.pendingLinks[0];
      return this.command(
        'POST',
        `${base}/links/${accountId}/authorization`,
        { decision: 'granted', grantedScopes: role === 'official' ? OFFICIAL_SCOPES : MARKETING_SCOPES },
        'system:oauth-relay',
      );
    }
    if (pick < 0.9) {
      const role = shop.hasOfficial ? 'marketing' : 'official';
      // One request in three asks for an account another shop is waiting on: whichever links it first,
      // the other's request must be closed (superseded), even when a kill lands in between.
      const contested = Math.random() < 0.34 ? this.accountAwaitedElsewhere(shop) : null;
      return this.command('POST', `${base}/links`, linkBody(contested ?? `${this.prefix}-acct-${++this.accountCounter}`, role));
    }
    return this.command('POST', `${base}/members`, { memberId: `m-${randomUUID().slice(0, 6)}`, role: 'viewer' });
  }

  private accountAwaitedElsewhere(shop: ShopState): string | null {
    const awaited = this.shops.filter((s) => s !== shop).flatMap((s) => s.pendingLinks.map((l) => l.accountId));
    return awaited.length === 0 ? null : awaited[Math.floor(Math.random() * awaited.length)];
  }

  private advance(shop: ShopState): SentCommand {
    const base = `/v1/shops/${shop.shopId}`;
    if (shop.stage === 'registered') return this.command('POST', `${base}/verification`, { documents: ['doc:incorporation', 'doc:bank'] });
    if (shop.stage === 'submitted') return this.command('POST', `${base}/verification/decision`, { outcome: 'verified' }, 'system:kyb');
    return this.command('POST', `${base}/graduation`, undefined, 'system:onboarding');
  }

  /** Follows the acknowledged state of the shops, so that later commands make sense. */
  private learn(done: SentCommand): void {
    const shopOf = this.shops.find((s) => done.path.startsWith(`/v1/shops/${s.shopId}/`));
    // A payout answered either way is not asked for again.
    if (shopOf && done.path.endsWith('/completion')) shopOf.withdrawals = shopOf.withdrawals.filter((id) => !done.path.includes(`/${id}/`));
    if (done.status! >= 300) return;
    const body = done.body as Record<string, any> | undefined;
    if (done.path === '/v1/shops') {
      if (!this.shops.some((s) => s.shopId === body!.shopId)) {
        this.shops.push({
          shopId: body!.shopId,
          stage: 'registered',
          settlements: 0,
          withdrawals: [],
          pendingLinks: [],
          hasOfficial: false,
          links: 0,
        });
      }
      return;
    }
    const shop = this.shops.find((s) => done.path.startsWith(`/v1/shops/${s.shopId}/`));
    if (!shop) return;
    const types = answerEvents(done).map((e) => e.type);
    if (types.includes('BusinessVerificationSubmitted')) shop.stage = 'submitted';
    if (types.includes('BusinessVerified')) shop.stage = 'verified';
    if (types.includes('ShopGraduatedFromProbation')) shop.stage = 'graduated';
    if (types.includes('FundsCredited')) shop.settlements += 1;
    if (types.includes('FundsWithdrawalRequested')) shop.withdrawals.push(body!.withdrawalId);
    if (types.includes('AccountLinkRequested')) shop.pendingLinks.push({ accountId: body!.accountId, role: body!.role });
    if (done.path.endsWith('/authorization'))
      shop.pendingLinks = shop.pendingLinks.filter((l) => !done.path.includes(`/links/${l.accountId}/`));
    if (types.includes('AccountLinked')) shop.links += 1;
    if (body?.role === 'official' && types.includes('AccountLinkRequested')) shop.hasOfficial = true;
  }
}

/** A person is proven as a calling service would prove them: a fresh stepped-up assertion with each command. */
async function assertionHeader(actor: string): Promise<Record<string, string>> {
  const assertion = await steppedUpAssertionFor(actor);
  return assertion === null ? {} : { 'x-actor-assertion': assertion };
}
