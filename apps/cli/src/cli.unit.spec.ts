import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AllSubscription,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  JsonObject,
  Position,
  positionAt,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  START,
  StreamNotFoundError,
} from '@shoplink/event-store';
import { PersonalDataSealingEventStore, PersonalDataVault } from '@shoplink/personal-data';
import { InMemoryPersonalDataKeys } from '@shoplink/personal-data/testing/in-memory-personal-data-keys';
import { SHOP_PERSONAL_DATA } from '@shoplink/shops';
import { AuditSource, AuditStores } from './audit-stores';
import { runCli } from './cli';
import { EXIT } from './cli-command';

/**
 * The audit commands through the EventStore port alone, on an in-memory store standing in for a server
 * (positions with gaps, as KurrentDB's are; no SQLite file behind it). Not a test against a real KurrentDB.
 */
class InMemoryEventStore implements EventStore {
  constructor(readonly events: RecordedEvent[]) {}

  async appendToStream(_streamId: string, _events: readonly EventToAppend[], _expected: ExpectedRevision): Promise<AppendResult> {
    throw new Error('the audit commands never append');
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const stream = this.events.filter((e) => e.streamId === streamId).sort((a, b) => a.revision - b.revision);
    if (stream.length === 0) throw new StreamNotFoundError(streamId);
    const limit = options.maxCount ?? Infinity;
    if (options.direction === 'backwards') {
      const from = options.fromRevision ?? Infinity;
      return stream
        .filter((e) => e.revision <= from)
        .reverse()
        .slice(0, limit);
    }
    const from = options.fromRevision ?? 0;
    return stream.filter((e) => e.revision >= from).slice(0, limit);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? START;
    return [...this.events]
      .sort((a, b) => Number(a.position.commit - b.position.commit))
      .filter((e) => e.position.commit > after.commit)
      .slice(0, options.maxCount ?? Infinity);
  }

  async headPosition(): Promise<Position> {
    return this.events.length === 0 ? START : this.events[this.events.length - 1].position;
  }

  subscribeToAll(): AllSubscription {
    throw new Error('the audit commands never subscribe');
  }

  async close(): Promise<void> {}
}

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

/** The recorded shop story (hash-chained, as the service wrote it), at positions 100, 200, … */
function storyEvents(): RecordedEvent[] {
  return readFileSync(join(__dirname, '../../../libs/shops/src/codec/fixtures/shop-story.v1.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as StoredLine)
    .map((l) => ({ ...l, position: positionAt(BigInt(l.position) * 100n), createdAt: new Date(l.createdAt) }));
}

function inMemoryStores(events: RecordedEvent[]): { open: (source: AuditSource) => AuditStores; sources: AuditSource[] } {
  const sources: AuditSource[] = [];
  const stored = new InMemoryEventStore(events);
  const readable = new PersonalDataSealingEventStore(stored, new PersonalDataVault(new InMemoryPersonalDataKeys()), SHOP_PERSONAL_DATA);
  return {
    sources,
    open: (source) => {
      sources.push(source);
      return { stored, readable: () => readable, embeddedLog: null, close: async () => {} };
    },
  };
}

async function run(
  argv: string[],
  events = storyEvents(),
  env: NodeJS.ProcessEnv = { EVENTSTORE_URL: 'kurrentdb://kurrent.test:2113?tls=false' },
) {
  let stdout = '';
  let stderr = '';
  const stores = inMemoryStores(events);
  const code = await runCli(
    argv,
    {
      out: async (text) => {
        stdout += text;
      },
      err: (text) => {
        stderr += text;
      },
    },
    env,
    { openAuditStores: stores.open },
  );
  return { code, stdout, stderr, sources: stores.sources };
}

describe('audit commands through the EventStore port (in-memory store)', () => {
  it('the source is the one the storage settings select: KurrentDB when EVENTSTORE_URL is set', async () => {
    const { code, sources } = await run(['history', 'story', '--json']);
    expect(code).toBe(EXIT.ok);
    expect(sources.map((s) => [s.config.eventStore.kind, s.embeddedFile])).toEqual([['kurrentdb', null]]);
  });

  it('history filters by --from (inclusive), --to (exclusive), --actor and --type, all together', async () => {
    const revisions = async (...flags: string[]) => {
      const answer = await run(['history', 'story', '--json', ...flags]);
      expect({ flags, code: answer.code, stderr: answer.stderr }).toEqual({ flags, code: EXIT.ok, stderr: '' });
      return (JSON.parse(answer.stdout) as { entries: { revision: number }[] }).entries.map((e) => e.revision);
    };
    expect(await revisions()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(await revisions('--from', '2026-03-03T05:30:00Z')).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(await revisions('--to', '2026-03-03T05:30:00Z')).toEqual([0, 1]);
    expect(await revisions('--from', '2026-03-03', '--to', '2026-03-04')).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(await revisions('--actor', 'member:m-owner')).toEqual([0, 1, 3, 6, 9]);
    expect(await revisions('--actor', 'member:m-owner', '--from', '2026-03-03T08:30:00+03:00')).toEqual([3, 6, 9]);
    expect(await revisions('--actor', 'system:oauth-relay', '--type', 'AccountLinked', '--type', 'AccountUnlinked')).toEqual([
      5, 8, 11, 12,
    ]);
    expect(await revisions('--type', 'AccountLinked,AccountUnlinked', '--to', '2026-03-04')).toEqual([5, 8]);
  });

  it('bad filters are usage errors (2) naming each option', async () => {
    const bad = await run(['history', 'story', '--from', 'tomorrow', '--actor', 'owner', '--type', 'Nope']);
    expect({ code: bad.code, stdout: bad.stdout }).toEqual({ code: EXIT.usage, stdout: '' });
    expect(bad.stderr).toContain('--type: Nope is not a shop event type');
    expect(bad.stderr).toContain('--from: from must be an ISO-8601 date');
    expect(bad.stderr).toContain('--actor: actor must be <kind>:<id>');
    expect((await run(['history', 'story', '--from', '2026-03-04', '--to', '2026-03-03'])).code).toBe(EXIT.usage);
    expect((await run(['export', 'story', '--format', 'csv', '--to', '2026-13-01'])).code).toBe(EXIT.usage);
  });

  it('export filters the same way', async () => {
    const answer = await run(['export', 'story', '--format', 'jsonl', '--actor', 'member:m-owner', '--to', '2026-03-03']);
    expect(answer.code).toBe(EXIT.ok);
    expect(
      answer.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { revision: number }).revision),
    ).toEqual([0, 1]);
  });

  it('not found is 4: an unknown shop (history, export, state, verify), a moment before it was registered, a revision past its end', async () => {
    for (const argv of [
      ['history', 'nobody'],
      ['export', 'nobody', '--format', 'csv'],
      ['state', 'nobody', '--revision', '0'],
      ['verify', 'nobody'],
      ['state', 'story', '--as-of', '2026-03-01T00:00:00Z'],
      ['state', 'story', '--revision', '13'],
    ]) {
      const answer = await run(argv);
      expect({ argv, code: answer.code, stdout: answer.stdout }).toEqual({ argv, code: EXIT.notFound, stdout: '' });
    }
  });

  it('state replays the stream read through the port', async () => {
    const answer = await run(['state', 'story', '--revision', '5', '--json']);
    expect(answer.code).toBe(EXIT.ok);
    expect(JSON.parse(answer.stdout)).toMatchObject({ shopId: 'story', revision: 5, eventsApplied: 6, lastRevision: 12 });
  });

  it('verify checks the chains (0 intact, 1 tampered) and says the positions are not checked off the embedded file', async () => {
    const shop = await run(['verify', 'story']);
    expect(shop.code).toBe(EXIT.ok);
    const all = await run(['verify', '--all']);
    expect(all.code).toBe(EXIT.ok);
    expect(all.stdout).toContain('Not checked: log positions');
    expect(all.stdout).toContain('Verdict: hash chains intact: 17 events in 4 streams');
    const json = JSON.parse((await run(['verify', '--all', '--json'])).stdout);
    expect(json).toMatchObject({ intact: true, checks: { contiguousPositions: false, expectedHead: null } });
    expect(json.notChecked).toEqual([expect.stringContaining('log positions')]);

    const events = storyEvents();
    events[3] = { ...events[3], data: { ...events[3].data, handle: 'someone-else' } };
    const tampered = await run(['verify', 'story'], events);
    expect(tampered.code).toBe(EXIT.tampered);
    expect(tampered.stdout).toContain('Verdict: TAMPERING FOUND; first bad event: shop-story revision 3 (altered');
    expect((await run(['verify', '--all'], events)).code).toBe(EXIT.tampered);
  });

  it('state and history on a broken chain print what the stored events say, warn on stderr and exit 6 (not 0, 1, 4 or 5)', async () => {
    const shopEvents = storyEvents().filter((e) => e.streamId === 'shop-story');
    const altered = storyEvents().map((e) =>
      e.streamId === 'shop-story' && e.revision === 3 ? { ...e, data: { ...e.data, handle: 'someone-else' } } : e,
    );

    const state = await run(['state', 'story', '--revision', '5', '--json'], altered);
    expect(state.code).toBe(EXIT.brokenChain);
    expect(JSON.parse(state.stdout)).toMatchObject({
      revision: 5,
      integrity: { intact: false, checkedThrough: 5, firstProblem: { kind: 'altered', revision: 3 } },
    });
    expect(state.stderr).toMatch(/^WARNING: The hash chain of shop-story breaks at revision 3 \(altered\)/);
    const before = await run(['state', 'story', '--revision', '2'], altered);
    expect({ code: before.code, chain: before.stdout.match(/Hash chain: .*/)?.[0] }).toEqual({
      code: EXIT.ok,
      chain: 'Hash chain: intact through revision 2',
    });

    const history = await run(['history', 'story'], altered);
    expect(history.code).toBe(EXIT.brokenChain);
    expect(history.stdout.trim().split('\n')).toHaveLength(shopEvents.length);
    expect(history.stderr).toMatch(/WARNING: the hash chain of shop-story breaks at revision 3 \(altered\)/);
    expect((await run(['history', 'story'])).code).toBe(EXIT.ok);
  });

  it('state across a removed event is refused with exit 6, naming the hole and its neighbours', async () => {
    const holed = storyEvents().filter((e) => !(e.streamId === 'shop-story' && e.revision === 4));
    const answer = await run(['state', 'story', '--revision', '6', '--json'], holed);
    expect(answer.code).toBe(EXIT.brokenChain);
    expect(answer.stdout).toBe('');
    expect(JSON.parse(answer.stderr).error).toMatchObject({
      code: 'STREAM_INTEGRITY_BROKEN',
      details: [{ kind: 'removed', revision: 4, eventId: null, before: { revision: 3 }, after: { revision: 5 } }],
    });
  });

  it('state just before a removed event is answered intact; by a moment just after the one before the hole, refused', async () => {
    const holed = storyEvents().filter((e) => !(e.streamId === 'shop-story' && e.revision === 4));
    // Revision 3 occurred 06:30, the removed revision 4 at 08:30: a moment in between may have seen it or not.
    expect((await run(['state', 'story', '--revision', '3'], holed)).code).toBe(EXIT.ok);
    const byMoment = await run(['state', 'story', '--as-of', '2026-03-03T07:00:00Z', '--json'], holed);
    expect(byMoment.code).toBe(EXIT.brokenChain);
    expect(JSON.parse(byMoment.stderr).error).toMatchObject({
      code: 'STREAM_INTEGRITY_BROKEN',
      details: [{ kind: 'removed', revision: 4 }],
    });
    expect((await run(['state', 'story', '--as-of', '2026-03-03T06:00:00Z'], holed)).code).toBe(EXIT.ok);
  });

  it('rebuild-projections refuses (2) off the embedded file instead of pretending', async () => {
    const answer = await run(['rebuild-projections']);
    expect(answer.code).toBe(EXIT.usage);
    expect(answer.stderr).toContain('(SQLITE_ONLY)');
  });

  it('an error the store throws is an internal error (3)', async () => {
    const broken = storyEvents();
    const answer = await runCli(
      ['verify', '--all'],
      { out: async () => {}, err: () => {} },
      {},
      {
        openAuditStores: () => ({
          stored: Object.assign(new InMemoryEventStore(broken), {
            readAll: () => Promise.reject(new Error('connection refused')),
          }),
          readable: () => new InMemoryEventStore(broken),
          embeddedLog: null,
          close: async () => {},
        }),
      },
    );
    expect(answer).toBe(EXIT.internal);
  });

  it('verify --all on an embedded file SQLite finds malformed: MALFORMED with its lines, exit 1, the chains not read', async () => {
    const stored = Object.assign(new InMemoryEventStore(storyEvents()), {
      readAll: () => Promise.reject(new Error('the chains must not be read')),
    });
    const malformed = (json: boolean) => {
      let stdout = '';
      const code = runCli(
        ['verify', '--all', ...(json ? ['--json'] : [])],
        { out: async (text) => void (stdout += text), err: () => {} },
        {},
        {
          openAuditStores: () => ({
            stored,
            readable: () => stored,
            embeddedLog: {
              highestPositionIssued: () => null,
              checkPages: () => ({ ok: false, problems: ['Tree 3 page 3: btreeInitPage() returns error code 11'] }),
            },
            close: async () => {},
          }),
        },
      );
      return code.then((exit) => ({ exit, stdout }));
    };
    const text = await malformed(false);
    expect(text.exit).toBe(EXIT.tampered);
    expect(text.stdout).toContain('Verdict: MALFORMED');
    expect(text.stdout).toContain('btreeInitPage() returns error code 11');
    const json = await malformed(true);
    expect(json.exit).toBe(EXIT.tampered);
    expect(JSON.parse(json.stdout)).toMatchObject({ intact: false, malformed: true, problems: [expect.stringContaining('Tree 3')] });
  });
});
