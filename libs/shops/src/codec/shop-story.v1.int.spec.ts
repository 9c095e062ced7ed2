import { CommandEnvelope } from '@shoplink/command-handling';
import { Document } from '@shoplink/read-models';
import { HashChainingEventStore, JsonObject, RecordedEvent, encodePosition, verifyChain } from '@shoplink/event-store';
import { SqliteEventStore } from '@shoplink/event-store/sqlite';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DecideShopCommand } from '../application/decide-shop-command';
import { auditViewOfShop, shopStateAsOf } from '../application/shop-state-as-of';
import { localCommandPath } from '../testing/local-command-path';
import { foldShop } from '../domain/evolve-shop';
import { DEFAULT_SHOP_POLICY } from '../domain/shop-policy';
import { RegisteredShop } from '../domain/shop.state';
import { SHOP_READ_MODELS } from '../projections/shop-read-models';
import { SHOP_STORY, STORY_CREATED_AT_LAG_MS, STORY_SHOP_ID, STORY_START } from './fixtures/shop-story';
import { RecordedShopEvent, shopEventCodec } from './shop-event-codec';

/** The envelope as the command gateway hands it on today: a member's command carries the proof of their sign-in. */
function provenToday(envelope: CommandEnvelope, at: Date): CommandEnvelope {
  if (envelope.actor.kind === 'system') return envelope;
  const actorProof = {
    issuer: 'story-idp',
    jti: `jti-${envelope.commandId}`,
    amr: ['pwd', 'otp'],
    authTime: at.toISOString(),
    secondFactorAgeSeconds: 10,
  };
  return { ...envelope, actorProof };
}

/** One line of the fixture: an event as the store held it. */
interface StoredLine {
  readonly position: string;
  readonly streamId: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly createdAt: string;
}

const V1_STORY: readonly StoredLine[] = readFileSync(join(__dirname, 'fixtures', 'shop-story.v1.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as StoredLine);

const HOUR_MS = 3_600_000;
const SHOP_STREAM = `shop-${STORY_SHOP_ID}`;

const lineOf = (e: RecordedEvent): StoredLine => ({
  position: encodePosition(e.position),
  streamId: e.streamId,
  revision: e.revision,
  id: e.id,
  type: e.type,
  data: e.data,
  metadata: e.metadata,
  createdAt: e.createdAt.toISOString(),
});

const withoutChain = ({ hash: _hash, previousHash: _previous, hashAlgorithm: _algorithm, ...rest }: JsonObject): JsonObject => rest;

/** What the service's projector would hold after these events: every read model, document by document. */
function readModelsOf(events: readonly RecordedEvent[]): Record<string, Record<string, Document>> {
  const collections: Record<string, Record<string, Document>> = {};
  for (const projection of SHOP_READ_MODELS.projections) {
    const documents = new Map<string, Document>();
    for (const event of events) {
      if (!projection.handles.includes(event.type)) continue;
      for (const id of projection.documentIds(event)) {
        const next = projection.evolve(documents.get(id) ?? null, event, id);
        if (next === null) documents.delete(id);
        else documents.set(id, next);
      }
    }
    collections[projection.collection] = Object.fromEntries(documents);
  }
  return collections;
}

/**
 * Events are never rewritten: a store holds AccountLinkRequested as version 1 wrote it for as
 * long as it lives. These are such events, stored by the command path before version 2, put
 * back into a real store byte for byte and read through the codec.
 */
describe('a shop story stored with AccountLinkRequested version 1, read today', () => {
  let dir: string;
  const opened: SqliteEventStore[] = [];
  let v1Store: SqliteEventStore;
  let v1Events: RecordedEvent[];
  let shopStream: RecordedEvent[];
  let decoded: RecordedShopEvent[];

  /** A store holding the fixture's events as they were stored: ids, data, metadata with its chain, createdAt. */
  async function storeOfFixture(): Promise<SqliteEventStore> {
    let createdAt = new Date(0);
    const store = new SqliteEventStore(join(dir, 'v1.db'), { now: () => createdAt });
    opened.push(store);
    for (const line of V1_STORY) {
      createdAt = new Date(line.createdAt);
      const { id, type, data, metadata } = line;
      await store.appendToStream(line.streamId, [{ id, type, data, metadata }], line.revision === 0 ? 'no_stream' : line.revision - 1);
    }
    return store;
  }

  /** The same story, run today through the command path on the service's clock. */
  async function storyWrittenToday(): Promise<RecordedEvent[]> {
    let clock = STORY_START;
    const raw = new SqliteEventStore(join(dir, 'today.db'), { now: () => new Date(clock.getTime() + STORY_CREATED_AT_LAG_MS) });
    opened.push(raw);
    const eventStore = new HashChainingEventStore(raw);
    const path = localCommandPath({ eventStore, now: () => clock, policy: DEFAULT_SHOP_POLICY });
    for (const step of SHOP_STORY) {
      clock = new Date(clock.getTime() + step.hoursLater * HOUR_MS);
      await path.send(new DecideShopCommand(STORY_SHOP_ID, step.command, provenToday(step.envelope, clock)));
    }
    return raw.readAll();
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shop-story-v1-'));
    v1Store = await storeOfFixture();
    v1Events = await v1Store.readAll();
    shopStream = v1Events.filter((e) => e.streamId === SHOP_STREAM);
    decoded = shopStream.map((e) => shopEventCodec.decode(e));
  });
  afterAll(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is stored and read back exactly as it was written, every hash chain intact', () => {
    expect(v1Events.map(lineOf)).toEqual(V1_STORY);
    for (const streamId of new Set(v1Events.map((e) => e.streamId))) {
      expect(
        verifyChain(
          streamId,
          v1Events.filter((e) => e.streamId === streamId),
        ),
      ).toMatchObject({ intact: true });
    }
    const requests = V1_STORY.filter((e) => e.type === 'AccountLinkRequested');
    expect(requests.map((e) => e.metadata.schemaVersion)).toEqual([1, 1, 1]);
    // Version 1 only wrote the field when a switch set it.
    expect(requests.map((e) => 'replacesAccountId' in e.data)).toEqual([false, false, true]);
  });

  it('decodes every AccountLinkRequested to version 2: replacesAccountId null, or the account a switch replaces', () => {
    const requests = decoded.flatMap((e) => (e.type === 'AccountLinkRequested' ? [e] : []));
    expect(requests.map((e) => [e.data.accountId, e.data.replacesAccountId, e.metadata.schemaVersion])).toEqual([
      ['acct-official-1', null, 2],
      ['acct-marketing-1', null, 2],
      ['acct-official-2', 'acct-official-1', 2],
    ]);
    // ShopRegistered is upcast too (version 2 names the business registration number: none then).
    const registered = decoded.find((e) => e.type === 'ShopRegistered');
    expect(registered?.type === 'ShopRegistered' && [registered.data.registrationNumber, registered.metadata.schemaVersion]).toEqual([
      null,
      2,
    ]);
    // Everything else is at its current version already, so it is the stored event itself.
    decoded.forEach((event, i) => {
      if (event.type !== 'AccountLinkRequested' && event.type !== 'ShopRegistered') expect(event).toBe(shopStream[i]);
    });
    // The events read are not touched by decoding them: the hash chain still covers them.
    expect(shopStream.map(lineOf)).toEqual(V1_STORY.filter((e) => e.streamId === SHOP_STREAM));
    expect(verifyChain(SHOP_STREAM, shopStream)).toMatchObject({ intact: true });
  });

  it('folds with evolveShop into the shop whose official account was switched', async () => {
    const shop = foldShop(decoded) as RegisteredShop;
    expect(shop).toMatchObject({ shopId: STORY_SHOP_ID, verification: 'verified', officialUnlinkCount: 1 });
    expect(Object.values(shop.links).map((l) => [l.accountId, l.role, l.state, l.replacesAccountId])).toEqual([
      ['acct-marketing-1', 'marketing', 'linked', null],
      ['acct-official-2', 'official', 'linked', null],
    ]);
    // While the marketing request and the switch awaited their owners, the state said what each replaced.
    const awaitingMarketing = foldShop(decoded.slice(0, 7)) as RegisteredShop;
    expect(awaitingMarketing.links['acct-marketing-1'].replacesAccountId).toBeNull();
    const awaitingSwitch = foldShop(decoded.slice(0, 10)) as RegisteredShop;
    expect(awaitingSwitch.links['acct-official-2']).toMatchObject({
      state: 'awaiting_authorization',
      replacesAccountId: 'acct-official-1',
    });
    expect(awaitingSwitch.links['acct-official-1'].state).toBe('linked');
    // The audit replay reads the stored stream through the same codec.
    const asOf = await shopStateAsOf(v1Store, STORY_SHOP_ID, { revision: decoded.length - 1 });
    expect(asOf.state).toEqual(auditViewOfShop(shop));
  });

  it('is what the command path writes for the same story today, AccountLinkRequested in its version 2 shape', async () => {
    const today = await storyWrittenToday();
    expect(today.map((e) => [e.position, e.streamId, e.revision, e.type, e.createdAt])).toEqual(
      v1Events.map((e) => [e.position, e.streamId, e.revision, e.type, e.createdAt]),
    );
    // Shop events keep their ids (derived from the command id alone). Account claims are now commands of
    // their own, caused by the shop command: their ids and command ids derive from it, and their causation names it.
    const shopIds = (events: readonly RecordedEvent[]) => events.filter((e) => e.streamId === SHOP_STREAM).map((e) => e.id);
    expect(shopIds(today)).toEqual(shopIds(v1Events));
    const requestsToday = today.filter((e) => e.type === 'AccountLinkRequested');
    expect(requestsToday.map((e) => e.data.replacesAccountId)).toEqual([null, null, 'acct-official-1']);
    expect(requestsToday.map((e) => e.metadata.schemaVersion)).toEqual([2, 2, 2]);
    today.forEach((event, i) => {
      const { schemaVersion: _today, actorProof: proofToday, policyVersion, ...metadataToday } = withoutChain(event.metadata);
      // Decisions today name the policy they were made under; the fixture's, written before the policy was data, name none.
      expect({ today: policyVersion, v1: v1Events[i].metadata.policyVersion }).toEqual({ today: '2', v1: undefined });
      // People are proven today: their events record the sign-in behind them.
      expect({ actor: metadataToday.actor, proven: proofToday !== undefined }).toEqual({
        actor: metadataToday.actor,
        proven: (metadataToday.actor as { kind: string }).kind !== 'system',
      });
      const { schemaVersion: _v1, ...metadataV1 } = withoutChain(v1Events[i].metadata);
      if (event.streamId === SHOP_STREAM) {
        expect(metadataToday).toEqual(metadataV1);
        expect(shopEventCodec.decode(event).data).toEqual(shopEventCodec.decode(v1Events[i]).data);
      } else {
        const { commandId, causationId, ...rest } = metadataToday;
        const { commandId: shopCommandId, causationId: _causation, ...restV1 } = metadataV1;
        expect(rest).toEqual(restV1);
        expect(causationId).toBe(shopCommandId);
        expect(String(commandId)).toMatch(new RegExp(`^${String(shopCommandId)}:(claim|release-[a-z]+):`));
        expect(event.data).toEqual(v1Events[i].data);
      }
    });
  });

  it('projects into the same read models as the story written today, after every one of its events', async () => {
    const today = await storyWrittenToday();
    for (let n = 1; n <= v1Events.length; n++) {
      expect({ after: n, readModels: readModelsOf(v1Events.slice(0, n)) }).toStrictEqual({
        after: n,
        readModels: readModelsOf(today.slice(0, n)),
      });
    }
    const fromV1 = readModelsOf(v1Events);
    expect(fromV1.shop_status[STORY_SHOP_ID]).toMatchObject({
      officialAccount: { accountId: 'acct-official-2', replacesAccountId: null },
      marketingAccounts: [{ accountId: 'acct-marketing-1' }],
      officialUnlinkCount: 1,
      revision: 12,
    });
    expect(Object.keys(fromV1.accounts).sort()).toEqual(['acct-marketing-1', 'acct-official-1', 'acct-official-2']);
  });
});
