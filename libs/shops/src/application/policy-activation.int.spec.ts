import { CommandEnvelope } from '@shoplink/command-handling';
import { HashChainingEventStore, StreamNotFoundError } from '@shoplink/event-store';
import { SqliteEventStore } from '@shoplink/event-store/sqlite';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolicyVersionReusedError } from '../domain/policy/decide-policy-activation';
import { PolicyDocument } from '../domain/policy/policy-document';
import { PolicyInForce } from '../domain/policy/policy-in-force';
import { POLICY_STREAM_ID } from '../domain/policy/policy.events';
import { DEFAULT_SHOP_POLICY } from '../domain/shop-policy';
import { ShopCommand } from '../domain/shop.commands';
import { ShopRuleViolation } from '../domain/shop-rule-violation';
import { shopStreamId } from '../domain/shop.events';
import { localCommandPath } from '../testing/local-command-path';
import { DecideShopCommand } from './decide-shop-command';
import { activatePolicy, policyContentHash, recordedPolicyActivations, recordedPolicyVersion } from './policy-activation';

const policy = (version: string, earliestUnlinkHours = 24): PolicyDocument => ({
  version,
  defaults: { ...DEFAULT_SHOP_POLICY, earliestUnlinkHours },
  markets: { GB: { currency: 'GBP', overrides: {} }, DE: { currency: 'EUR', overrides: { deactivationCoolingDays: 0 } } },
});

/** The policy's versions on the real SQLite store, through the one write path, and the version stamped on decisions. */
describe('Policy activation and the version on every decision', () => {
  let dir: string;
  let raw: SqliteEventStore;
  let store: HashChainingEventStore;
  let clock = new Date('2026-12-01T08:00:00.000Z');
  const now = () => clock;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'policy-activation-'));
    raw = new SqliteEventStore(join(dir, 'events.db'));
    store = new HashChainingEventStore(raw);
  });
  afterEach(async () => {
    await raw.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records the first version, nothing on a restart with the same file, a new version when it changes, and refuses a reused one', async () => {
    await expect(activatePolicy(store, policy('1'), now)).resolves.toEqual({ version: '1', recorded: true });
    await expect(activatePolicy(store, policy('1'), now)).resolves.toEqual({ version: '1', recorded: false });
    clock = new Date('2026-12-02T08:00:00.000Z');
    await expect(activatePolicy(store, policy('2', 0), now)).resolves.toEqual({ version: '2', recorded: true });
    await expect(activatePolicy(store, policy('1', 12), now)).rejects.toBeInstanceOf(PolicyVersionReusedError);
    // Back to version 1 as it was recorded: in force again, recorded again.
    await expect(activatePolicy(store, policy('1'), now)).resolves.toEqual({ version: '1', recorded: true });

    const activations = await recordedPolicyActivations(store);
    expect(activations.map((event) => [event.data.version, event.data.previousVersion])).toEqual([
      ['1', null],
      ['2', '1'],
      ['1', '2'],
    ]);
    expect(activations[0].data).toMatchObject({ contentHash: policyContentHash(policy('1')), policy: policy('1') });
    expect(activations.map((event) => event.metadata.policyVersion)).toEqual(['1', '2', '1']);
    expect(activations[0].metadata).toMatchObject({ actor: { kind: 'system', id: 'shoplink' }, schemaVersion: 1 });
    await expect(recordedPolicyVersion(store, '2')).resolves.toMatchObject({ policy: { defaults: { earliestUnlinkHours: 0 } } });
    await expect(recordedPolicyVersion(store, '3')).resolves.toBeNull();
  });

  it('hashes the content, not the key order', () => {
    const { markets, defaults, version } = policy('1');
    expect(policyContentHash({ markets, defaults, version })).toBe(policyContentHash(policy('1')));
    expect(policyContentHash(policy('1', 0))).not.toBe(policyContentHash(policy('1')));
  });

  it("stamps every decision event with the version in force, and registers shops only in the policy's markets", async () => {
    const path = localCommandPath({ eventStore: store, now, policy: new PolicyInForce(policy('de-fast')) });
    const envelope = (): CommandEnvelope => {
      const commandId = randomUUID();
      return {
        commandId,
        correlationId: commandId,
        causationId: commandId,
        actor: { kind: 'system', id: 'onboarding' },
        callingService: 'tests',
      };
    };
    const register = (shopId: string, region: string, currency: string): ShopCommand => ({
      type: 'RegisterShop',
      data: { shopId, name: shopId, region, currency, kind: 'business', ownerMemberId: 'm-1' },
    });
    await path.send(new DecideShopCommand('de-shop', register('de-shop', 'DE', 'EUR'), envelope()));
    const [registered] = await store.readStream(shopStreamId('de-shop'));
    expect(registered.metadata.policyVersion).toBe('de-fast');

    const refused = path.send(new DecideShopCommand('fr-shop', register('fr-shop', 'FR', 'EUR'), envelope()));
    await expect(refused).rejects.toBeInstanceOf(ShopRuleViolation);
    await expect(refused).rejects.toMatchObject({ code: 'MARKET_NOT_SUPPORTED', details: [{ code: 'REGION_NOT_SUPPORTED' }] });
    await expect(store.readStream(shopStreamId('fr-shop'))).rejects.toBeInstanceOf(StreamNotFoundError);
    // The command path records no policy itself: that is the service's start.
    await expect(store.readStream(POLICY_STREAM_ID)).rejects.toBeInstanceOf(StreamNotFoundError);
  });
});
