import { CommandEnvelope } from '@shoplink/command-handling';
import { EventStore, EventToAppend, HashChainingEventStore, RecordedEvent } from '@shoplink/event-store';
import { SqliteEventStore } from '@shoplink/event-store/sqlite';
import { rebuildProjections } from '@shoplink/read-models';
import { SqliteReadModelStore } from '@shoplink/read-models/sqlite/sqlite-read-model-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SHOP_POLICY } from '../domain/shop-policy';
import { DecideShopCommand, ShopCommandIntent } from '../application/decide-shop-command';
import { grantAuthorization, registerShop, requestLink } from '../domain/testing/shop.specification';
import { localCommandPath } from '../testing/local-command-path';
import { AccountClaimWorkflowProjection } from './account-claim-workflow.projection';
import { resumeAccountClaims } from './resume-account-claims';

/**
 * A process stopped between two steps of the account-claim workflow (its pending append never
 * returns, as under kill -9: nothing after it runs, not even the compensation). Another process on
 * the same file rebuilds the workflow's state from the log and finishes the step.
 */
describe('the account-claim workflow after a crash between its steps', () => {
  let dir: string;
  let file: string;
  const opened: { close(): Promise<void> }[] = [];
  let now = new Date('2026-06-01T10:00:00.000Z');
  const clock = () => now;
  const later = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'claim-crash-'));
    file = join(dir, 'shoplink.db');
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One process's command path on the shared file; `freezeWhen` makes the matching append hang for good. */
  function process(freezeWhen: (streamId: string, events: readonly EventToAppend[]) => boolean = () => false) {
    const raw = new SqliteEventStore(file);
    opened.push(raw);
    const freezing: EventStore = new Proxy(raw, {
      get(target, property, receiver) {
        if (property !== 'appendToStream') return Reflect.get(target, property, receiver);
        return (...args: Parameters<EventStore['appendToStream']>) =>
          freezeWhen(args[0], args[1]) ? new Promise(() => undefined) : target.appendToStream(...args);
      },
    });
    const eventStore = new HashChainingEventStore(freezing);
    return { eventStore, path: localCommandPath({ eventStore, now: clock }) };
  }

  const envelope = (kind: 'member' | 'system', id: string): CommandEnvelope => {
    const commandId = randomUUID();
    // A member acts with a fresh sign-in and a one-time code, as the command gateway would have proven it.
    const actorProof = {
      issuer: 'test-idp',
      jti: randomUUID(),
      amr: ['pwd', 'otp'],
      authTime: clock().toISOString(),
      secondFactorAgeSeconds: 30,
    };
    return {
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: { kind, id },
      callingService: 'test',
      ...(kind === 'member' ? { actorProof } : {}),
    };
  };
  const OWNER = ['member', 'm-owner'] as const;
  const send = (path: ReturnType<typeof process>['path'], command: ShopCommandIntent, actor: readonly ['member' | 'system', string]) =>
    path.send(new DecideShopCommand('shop-a', command, envelope(...actor)));

  async function linkedShop(path: ReturnType<typeof process>['path']) {
    await send(path, registerShop({ shopId: 'shop-a' }), ['system', 'onboarding']);
    await send(path, { type: 'SubmitBusinessVerification', data: { documents: ['doc-1'] } }, OWNER);
    await send(path, { type: 'RecordVerificationDecision', data: { outcome: 'verified', reasons: [] } }, ['system', 'kyb']);
    await send(path, requestLink('acct-1', 'official'), OWNER);
  }

  /** What a restarted process does: the workflow's read model rebuilt from the log, then the automation. */
  async function resume(eventStore: EventStore, path: ReturnType<typeof process>['path']): Promise<number> {
    const readModels = new SqliteReadModelStore(join(dir, `read-models-${randomUUID()}.db`));
    opened.push(readModels);
    await rebuildProjections({ projector: 'claims', projections: [AccountClaimWorkflowProjection], eventStore, store: readModels });
    return resumeAccountClaims({ readModels, commands: path, claimGraceSeconds: DEFAULT_SHOP_POLICY.accountClaimGraceSeconds }, clock());
  }

  const accountStream = async (store: EventStore): Promise<RecordedEvent[]> => store.readStream('account-acct-1');

  it('a claim whose shop append never happened is released as abandoned once the grace period has passed, and only once', async () => {
    const first = process((streamId, events) => streamId === 'shop-shop-a' && events.some((e) => e.type === 'AccountLinked'));
    await linkedShop(first.path);
    const stuck = send(first.path, grantAuthorization('acct-1', DEFAULT_SHOP_POLICY.requiredScopes.official), ['system', 'oauth-relay']);
    void stuck.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await accountStream(first.eventStore)).map((e) => e.type)).toEqual(['AccountClaimed']);

    const second = process();
    expect(await resume(second.eventStore, second.path)).toBe(0); // within the grace period the claim may still become a link
    later(DEFAULT_SHOP_POLICY.accountClaimGraceSeconds);
    expect(await resume(second.eventStore, second.path)).toBe(1);
    const released = (await accountStream(second.eventStore)).at(-1);
    expect(released).toMatchObject({ type: 'AccountReleased', data: { shopId: 'shop-a', reason: 'abandoned' } });
    expect(released?.metadata).toMatchObject({ actor: { kind: 'system', id: 'claims' } });
    expect(await resume(second.eventStore, second.path)).toBe(0);
    expect((await accountStream(second.eventStore)).map((e) => e.type)).toEqual(['AccountClaimed', 'AccountReleased']);
  });

  it('an unlink whose release never happened gets its release', async () => {
    const first = process((streamId, events) => streamId === 'account-acct-1' && events.some((e) => e.type === 'AccountReleased'));
    await linkedShop(first.path);
    await send(first.path, grantAuthorization('acct-1', DEFAULT_SHOP_POLICY.requiredScopes.official), ['system', 'oauth-relay']);
    later(DEFAULT_SHOP_POLICY.earliestUnlinkHours * 3600);
    const requested = await send(first.path, { type: 'RequestUnlink', data: { accountId: 'acct-1', reason: 'business_pivot' } }, OWNER);
    const { requestId } = requested.answer as { requestId: string };
    const code = String(requested.answeredOnce.confirmationCode);
    const stuck = send(first.path, { type: 'ConfirmUnlink', data: { accountId: 'acct-1', requestId, code } }, OWNER);
    void stuck.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await first.eventStore.readStream('shop-shop-a')).at(-1)?.type).toBe('AccountUnlinked');
    expect((await accountStream(first.eventStore)).map((e) => e.type)).toEqual(['AccountClaimed']);

    const second = process();
    expect(await resume(second.eventStore, second.path)).toBe(1);
    expect((await accountStream(second.eventStore)).at(-1)).toMatchObject({
      type: 'AccountReleased',
      data: { shopId: 'shop-a', reason: 'unlinked' },
    });
    expect(await resume(second.eventStore, second.path)).toBe(0);
  });

  it('a claim its shop did link is never released, however long ago it was made', async () => {
    const only = process();
    await linkedShop(only.path);
    await send(only.path, grantAuthorization('acct-1', DEFAULT_SHOP_POLICY.requiredScopes.official), ['system', 'oauth-relay']);
    later(30 * 86_400);
    expect(await resume(only.eventStore, only.path)).toBe(0);
    expect((await accountStream(only.eventStore)).map((e) => e.type)).toEqual(['AccountClaimed']);
  });
});
