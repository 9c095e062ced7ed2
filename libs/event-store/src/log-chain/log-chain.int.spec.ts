import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HashChainingEventStore } from '../hash-chain/hash-chaining-event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { compareLogWithDigests } from './compare-log-with-digests';
import { loadDigestKeyDirectory } from './digest-key-directory';
import { signDigest } from './log-digest';
import { EMPTY_LOG, foldEvents } from './log-hash';
import { LogHashFollower } from './log-hash-follower';

/** The follower and the comparison on the embedded adapter, through the port, as the service and the CLI run them. */
describe('The log chain on the SQLite event store', () => {
  let dir: string;
  let store: HashChainingEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shoplink-log-chain-'));
    store = new HashChainingEventStore(new SqliteEventStore(join(dir, 'shoplink.db')));
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const append = (stream: string, n: number) =>
    store.appendToStream(
      stream,
      [{ id: `${stream}-${n}`, type: 'Noted', data: { n }, metadata: { actor: 'member:m-1' } }],
      n === 0 ? 'no_stream' : n - 1,
    );

  it('follows appends as they come, to the head a full fold of the log gives; a digest of it matches, across pages', async () => {
    const follower = new LogHashFollower(store, 3);
    expect(await follower.current()).toEqual(EMPTY_LOG);
    for (let n = 0; n < 4; n++) for (const stream of ['shop-a', 'shop-b']) await append(stream, n);
    const midway = await follower.current();
    expect(midway).toMatchObject({ position: '8', events: 8 });
    for (let n = 4; n < 6; n++) await append('shop-a', n);
    const head = await follower.current();
    expect(head).toEqual(foldEvents(EMPTY_LOG, await store.readAll()));
    expect(head).toMatchObject({ position: '10', events: 10 });

    const { ring } = loadDigestKeyDirectory(join(dir, 'keys'), { createIfEmpty: true });
    const digests = [signDigest(midway, ring, new Date()), signDigest(head, ring, new Date())];
    const verdict = await compareLogWithDigests(store, digests, { pageSize: 4 });
    expect(verdict).toMatchObject({ matches: true, checkedUpTo: '10', events: 10, firstDifference: null });
  });
});
