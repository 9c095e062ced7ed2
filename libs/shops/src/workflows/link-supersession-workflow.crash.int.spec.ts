import { CommandEnvelope } from '@shoplink/command-handling';
import { EventStore, HashChainingEventStore } from '@shoplink/event-store';
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
import { decideLinkSupersessionSteps } from './link-supersession.workflow';
import { LINK_SUPERSESSION_WORKFLOWS_COLLECTION, LinkSupersessionWorkflowProjection } from './link-supersession-workflow.projection';
import { supersedeLinkRequests } from './supersede-link-requests';

/**
 * A process killed right after a link was recorded, before it closed the other shops' pending
 * requests (the library's command path never runs that step inline, as a kill -9 would leave it).
 * A restarted process rebuilds the workflow's state from the log and closes each request, once.
 */
describe('the link-supersession workflow after a crash', () => {
  let dir: string;
  const opened: { close(): Promise<void> }[] = [];
  const now = new Date('2026-06-01T10:00:00.000Z');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'supersede-crash-'));
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function openProcess() {
    const raw = new SqliteEventStore(join(dir, 'shoplink.db'));
    opened.push(raw);
    const eventStore = new HashChainingEventStore(raw);
    return { eventStore, path: localCommandPath({ eventStore, now: () => now }) };
  }

  const envelope = (kind: 'member' | 'system', id: string, commandId: string = randomUUID()): CommandEnvelope => ({
    commandId,
    correlationId: commandId,
    causationId: commandId,
    actor: { kind, id },
    callingService: 'test',
    ...(kind === 'member'
      ? {
          actorProof: {
            issuer: 'test-idp',
            jti: randomUUID(),
            amr: ['pwd', 'otp'],
            authTime: now.toISOString(),
            secondFactorAgeSeconds: 30,
          },
        }
      : {}),
  });
  type Path = ReturnType<typeof openProcess>['path'];
  const send = (path: Path, shopId: string, command: ShopCommandIntent, actor: readonly ['member' | 'system', string]) =>
    path.send(new DecideShopCommand(shopId, command, envelope(...actor)));

  async function shopAwaiting(path: Path, shopId: string): Promise<void> {
    const owner = ['member', 'm-owner'] as const;
    await send(path, shopId, registerShop({ shopId }), ['system', 'onboarding']);
    await send(path, shopId, { type: 'SubmitBusinessVerification', data: { documents: ['doc-1'] } }, owner);
    await send(path, shopId, { type: 'RecordVerificationDecision', data: { outcome: 'verified', reasons: [] } }, ['system', 'kyb']);
    await send(path, shopId, requestLink('acct-1', 'official'), owner);
  }

  async function readModelsFromTheLog(eventStore: EventStore): Promise<SqliteReadModelStore> {
    const readModels = new SqliteReadModelStore(join(dir, `read-models-${randomUUID()}.db`));
    opened.push(readModels);
    await rebuildProjections({
      projector: 'supersession',
      projections: [LinkSupersessionWorkflowProjection],
      eventStore,
      store: readModels,
    });
    return readModels;
  }

  const typesOf = async (store: EventStore, shopId: string) => (await store.readStream(`shop-${shopId}`)).map((e) => e.type);

  it('closes every other shop’s pending request exactly once, and a step sent again appends nothing', async () => {
    const first = openProcess();
    for (const shopId of ['shop-a', 'shop-b', 'shop-c']) await shopAwaiting(first.path, shopId);
    const scopes = DEFAULT_SHOP_POLICY.requiredScopes.official;
    await send(first.path, 'shop-a', grantAuthorization('acct-1', scopes), ['system', 'oauth-relay']);
    expect((await typesOf(first.eventStore, 'shop-b')).at(-1)).toBe('AccountLinkRequested');

    const second = openProcess();
    const readModels = await readModelsFromTheLog(second.eventStore);
    const [workflow] = await readModels.findBy(LINK_SUPERSESSION_WORKFLOWS_COLLECTION, 'open', true);
    const steps = decideLinkSupersessionSteps(workflow as never);
    expect(steps.map((s) => s.shopId)).toEqual(['shop-b', 'shop-c']);

    expect(await supersedeLinkRequests({ readModels, commands: second.path })).toEqual({ superseded: 2, failed: [] });
    for (const shopId of ['shop-b', 'shop-c']) {
      const superseded = (await second.eventStore.readStream(`shop-${shopId}`)).at(-1);
      expect(superseded).toMatchObject({ type: 'LinkRequestSuperseded', data: { accountId: 'acct-1', linkedShopId: 'shop-a' } });
      expect(superseded?.metadata).toMatchObject({
        actor: { kind: 'system', id: 'links' },
        commandId: steps.find((s) => s.shopId === shopId)?.commandId,
      });
    }

    // Killed again before the read models saw the supersessions: the same steps are sent again and append nothing.
    const head = (await second.eventStore.readAll({ maxCount: 1_000_000 })).length;
    for (const step of steps) {
      await second.path.send(new DecideShopCommand(step.shopId, step.command, envelope('system', 'links', step.commandId)));
    }
    expect((await second.eventStore.readAll({ maxCount: 1_000_000 })).length).toBe(head);

    // Resumed from the log as it is now: nothing left to close.
    expect(await supersedeLinkRequests({ readModels: await readModelsFromTheLog(second.eventStore), commands: second.path })).toEqual({
      superseded: 0,
      failed: [],
    });
    expect((await typesOf(second.eventStore, 'shop-a')).at(-1)).toBe('AccountLinked');
  });
});
