import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDigestKeyDirectory, readAnchors, RecordedEvent, verifyDigestSignature } from '@shoplink/event-store';
import { CREDIT_LOG, chainedLog, storeOf } from '@shoplink/event-store/testing/log-chain-fixtures';
import { DigestConfig } from '../config/digest-config';
import { DigestAnchorTimer } from './digest-anchor-timer';
import { LogDigests } from './log-digests';

describe('Digest anchors on a timer', () => {
  let dir: string;
  let visible: RecordedEvent[];
  let timer: DigestAnchorTimer;
  let config: DigestConfig;
  const log = chainedLog(CREDIT_LOG);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shoplink-anchor-timer-'));
    const { ring } = loadDigestKeyDirectory(join(dir, 'keys'), { createIfEmpty: true });
    config = {
      keyDirectory: join(dir, 'keys'),
      keys: ring,
      keysSource: 'test',
      anchorDirectory: join(dir, 'anchors'),
      anchorIntervalSeconds: 60,
    };
    visible = log.slice(0, 2);
    const digests = new LogDigests(storeOf(visible), config, { now: () => new Date('2026-11-01T09:00:00.000Z') });
    timer = new DigestAnchorTimer(digests);
  });

  afterEach(() => {
    timer.onApplicationShutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a signed anchor only when the log moved, and once more at shutdown', async () => {
    timer.onApplicationBootstrap();
    expect((await timer.anchorIfMoved())?.position).toBe('2');
    expect(await timer.anchorIfMoved()).toBeNull();
    visible.push(...log.slice(2, 4));
    expect((await timer.anchorIfMoved())?.position).toBe('4');
    visible.push(...log.slice(4));
    await timer.beforeApplicationShutdown();
    const { digests, problems } = readAnchors(config.anchorDirectory);
    expect(problems).toEqual([]);
    expect(digests.map((d) => d.position)).toEqual(['2', '4', '6']);
    expect(digests.every((d) => verifyDigestSignature(d, config.keys).valid)).toBe(true);
    expect(readdirSync(config.anchorDirectory)).toEqual(['digests-2026-11-01.jsonl']);
  });

  it('never keeps the process alive: the interval is unref’d, and stops at shutdown', async () => {
    timer.onApplicationBootstrap();
    const interval = (timer as unknown as { timer: NodeJS.Timeout }).timer;
    expect(interval.hasRef()).toBe(false);
    await timer.beforeApplicationShutdown();
    expect((timer as unknown as { timer: NodeJS.Timeout | null }).timer).toBeNull();
  });

  it('after a restart, does not anchor the same position again', async () => {
    timer.onApplicationBootstrap();
    await timer.anchorIfMoved();
    const again = new DigestAnchorTimer(new LogDigests(storeOf(visible), config, { now: () => new Date('2026-11-01T09:05:00.000Z') }));
    again.onApplicationBootstrap();
    expect(await again.anchorIfMoved()).toBeNull();
    again.onApplicationShutdown();
  });

  it('with an interval of 0, writes nothing, not even at shutdown', async () => {
    const off = new DigestAnchorTimer(new LogDigests(storeOf(visible), { ...config, anchorIntervalSeconds: 0 }, { now: () => new Date() }));
    off.onApplicationBootstrap();
    await off.beforeApplicationShutdown();
    expect(readAnchors(config.anchorDirectory).digests).toEqual([]);
  });
});
