/**
 * A realistic shop event log, generated fast for benchmarks: many shops, each registered,
 * verified and graduated, with an official and two marketing accounts linked, then orders,
 * settlements, withdrawals (some failing), campaigns, marketing accounts unlinked with a code
 * and relinked, cancelled orders and security incidents that freeze and unfreeze the money.
 * Data has the shape of the domain's events (libs/shops/src/domain/shop.events.ts) and the
 * metadata the service writes (command, correlation and causation ids, actor, calling
 * service, occurred-at, schema version, and hash-chain fields of the real length; the hashes
 * are not computed, since a rebuild does not verify them).
 *
 * Account claim streams (`account-*`) are left out: the read models do not read them, and
 * their one-event appends would make building the log fsync-bound.
 */
import type { EventStore, EventToAppend } from '@shoplink/event-store';

type Data = Record<string, unknown>;
interface Planned {
  readonly type: string;
  readonly data: Data;
}

const BASE_TIME = Date.parse('2026-01-05T08:00:00.000Z');
const OFFICIAL_SCOPES = ['user.info.basic', 'video.list', 'live.room.manage', 'shop.showcase.manage'];
const MARKETING_SCOPES = ['user.info.basic', 'ads.manage'];
const REGIONS = ['GB', 'DE', 'FR', 'ES', 'IT'];
const CURRENCIES: Record<string, string> = { GB: 'GBP', DE: 'EUR', FR: 'EUR', ES: 'EUR', IT: 'EUR' };

let idCounter = 0;
/** UUID-shaped and time-ordered (v7 layout), from a counter: unique and cheap. */
function nextId(): string {
  idCounter += 1;
  const hex = idCounter.toString(16).padStart(20, '0');
  return `0190a1b2-${hex.slice(0, 4)}-7${hex.slice(4, 7)}-8${hex.slice(7, 10)}-${hex.slice(10, 20)}00`;
}

const HEX = '0123456789abcdef';
function fakeHash(seed: number): string {
  let out = '';
  let x = seed * 2654435761;
  for (let i = 0; i < 64; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += HEX[x & 15];
  }
  return out;
}

/** One shop's life, as commands each producing one or more events, until `target` events. */
function* shopLife(shop: number, target: number): Generator<Planned[]> {
  const shopId = `brand-${shop.toString().padStart(6, '0')}`;
  const region = REGIONS[shop % REGIONS.length];
  const currency = CURRENCIES[region];
  let minute = shop % 1440;
  const at = (): string => new Date(BASE_TIME + (minute += 7) * 60_000).toISOString();
  const profile = (handle: string) => ({
    handle,
    kind: 'business',
    followers: 1_000 + (shop % 50_000),
    ownerAge: 25 + (shop % 40),
    region,
    ecommercePermissionRevoked: false,
    activeGuidelineRestriction: false,
    recentViolations: 0,
  });
  const link = (accountId: string, role: 'official' | 'marketing'): Planned[][] => {
    const requestedAt = at();
    const scopes = role === 'official' ? OFFICIAL_SCOPES : MARKETING_SCOPES;
    const authorizedAt = at();
    return [
      [
        {
          type: 'AccountLinkRequested',
          data: {
            shopId,
            accountId,
            role,
            profile: profile(accountId.replace(/-/g, '_')),
            requestedScopes: scopes,
            requestedAt,
            authorizationExpiresAt: new Date(Date.parse(requestedAt) + 48 * 3_600_000).toISOString(),
            replacesAccountId: null,
          },
        },
      ],
      [
        { type: 'AccountLinkAuthorized', data: { shopId, accountId, role, grantedScopes: scopes, authorizedAt } },
        { type: 'AccountLinked', data: { shopId, accountId, handle: accountId.replace(/-/g, '_'), role, scopes, linkedAt: authorizedAt } },
      ],
    ];
  };

  let emitted = 0;
  const emit = function* (commands: Planned[][]): Generator<Planned[]> {
    for (const command of commands) {
      emitted += command.length;
      yield command;
    }
  };

  const registeredAt = at();
  yield* emit([
    [
      {
        type: 'ShopRegistered',
        data: { shopId, name: `Shop ${shop}`, region, currency, kind: 'business', ownerMemberId: 'm-owner', registeredAt },
      },
    ],
    [
      {
        type: 'BusinessVerificationSubmitted',
        data: { shopId, documents: ['doc:incorporation', 'doc:bank', 'doc:director-id'], submittedAt: at() },
      },
    ],
    [{ type: 'BusinessVerified', data: { shopId, verifiedAt: at() } }],
    [{ type: 'ShopGraduatedFromProbation', data: { shopId, graduatedAt: at() } }],
    [{ type: 'AccessGranted', data: { shopId, memberId: 'm-finance', role: 'finance', grantedAt: at() } }],
  ]);
  let marketing = `acct-${shop}-m2`;
  yield* emit([...link(`acct-${shop}-official`, 'official'), ...link(`acct-${shop}-m1`, 'marketing'), ...link(marketing, 'marketing')]);

  let available = 0;
  let frozen = 0;
  let relinks = 0;
  let campaign: string | null = null;
  for (let cycle = 1; emitted < target; cycle++) {
    const orderId = `order-${shop}-${cycle}`;
    const amount = 500 + ((shop * 31 + cycle * 17) % 20_000);
    const cancelled = cycle % 23 === 0;
    yield* emit([[{ type: 'OrderPlaced', data: { shopId, orderId, amount, currency, placedAt: at() } }]]);
    if (cancelled) {
      yield* emit([[{ type: 'OrderCancelled', data: { shopId, orderId, cancelledAt: at() } }]]);
    } else {
      const incident = frozen > 0 || cycle % 41 === 0;
      yield* emit([
        [
          {
            type: 'FundsCredited',
            data: {
              shopId,
              settlementId: `settle-${shop}-${cycle}`,
              orderId,
              amount,
              currency,
              creditedTo: incident && frozen > 0 ? 'frozen' : 'available',
              creditedAt: at(),
            },
          },
        ],
        [{ type: 'OrderFulfilled', data: { shopId, orderId, fulfilledAt: at() } }],
      ]);
      if (incident && frozen > 0) frozen += amount;
      else available += amount;
    }
    if (cycle % 41 === 0 && frozen === 0) {
      const incidentId = `incident-${shop}-${cycle}`;
      yield* emit([
        [
          {
            type: 'SecurityIncidentReported',
            data: { shopId, incidentId, description: 'Suspicious login from a new device', reportedAt: at() },
          },
          { type: 'FundsFrozen', data: { shopId, incidentId, amount: available, frozenAt: at() } },
        ],
      ]);
      frozen = available;
      available = 0;
    } else if (cycle % 41 === 3 && frozen > 0) {
      const incidentId = `incident-${shop}-${cycle - 3}`;
      yield* emit([
        [
          {
            type: 'SecurityIncidentResolved',
            data: { shopId, incidentId, resolution: 'Password reset, sessions revoked', resolvedAt: at() },
          },
          { type: 'FundsUnfrozen', data: { shopId, incidentId, amount: frozen, unfrozenAt: at() } },
        ],
      ]);
      available += frozen;
      frozen = 0;
    }
    if (cycle % 10 === 0 && available > 0 && frozen === 0) {
      const withdrawalId = `wd-${shop}-${cycle}`;
      const requested = available;
      yield* emit([[{ type: 'FundsWithdrawalRequested', data: { shopId, withdrawalId, amount: requested, currency, requestedAt: at() } }]]);
      if (cycle % 70 === 0) {
        yield* emit([
          [
            {
              type: 'FundsWithdrawalFailed',
              data: { shopId, withdrawalId, amount: requested, reason: 'bank_rejected', returnedTo: 'available', failedAt: at() },
            },
          ],
        ]);
      } else {
        available = 0;
        yield* emit([[{ type: 'FundsWithdrawn', data: { shopId, withdrawalId, amount: requested, withdrawnAt: at() } }]]);
      }
    }
    if (cycle % 25 === 0 && campaign === null) {
      campaign = `campaign-${shop}-${cycle}`;
      yield* emit([[{ type: 'CampaignStarted', data: { shopId, campaignId: campaign, accountId: `acct-${shop}-m1`, startedAt: at() } }]]);
    } else if (cycle % 25 === 6 && campaign !== null) {
      yield* emit([[{ type: 'CampaignEnded', data: { shopId, campaignId: campaign, endedAt: at() } }]]);
      campaign = null;
    }
    if (cycle % 60 === 0) {
      // The second marketing account is unlinked with a code, and another one linked instead.
      const requestId = nextId();
      const requestedAt = at();
      yield* emit([
        [
          {
            type: 'UnlinkRequested',
            data: {
              shopId,
              accountId: marketing,
              role: 'marketing',
              requestId,
              reason: 'switching_accounts',
              consequences: { showcaseRemoved: false, campaignsTerminated: [], salesDataAccessLost: true },
              codeHash: fakeHash(shop * 1000 + cycle),
              codeSalt: fakeHash(cycle).slice(0, 32),
              requestedAt,
              expiresAt: new Date(Date.parse(requestedAt) + 15 * 60_000).toISOString(),
            },
          },
        ],
        [
          {
            type: 'AccountUnlinked',
            data: {
              shopId,
              accountId: marketing,
              handle: marketing.replace(/-/g, '_'),
              role: 'marketing',
              reason: 'switching_accounts',
              mode: 'confirmed',
              requestId,
              incidentId: null,
              ticketId: null,
              agentId: null,
              officialUnlinkCount: 0,
              unlinkedAt: at(),
            },
          },
        ],
      ]);
      marketing = `acct-${shop}-m2-${++relinks}`;
      yield* emit(link(marketing, 'marketing'));
    }
  }
}

const ACTORS: Record<string, { kind: string; id: string; service: string }> = {
  owner: { kind: 'member', id: 'm-owner', service: 'seller-center' },
  kyb: { kind: 'system', id: 'kyb', service: 'kyb-service' },
  oauth: { kind: 'system', id: 'tiktok-oauth', service: 'oauth-gateway' },
  orders: { kind: 'system', id: 'order-service', service: 'order-service' },
  payouts: { kind: 'system', id: 'payout-service', service: 'payout-service' },
  security: { kind: 'system', id: 'security', service: 'security-service' },
  ads: { kind: 'system', id: 'ads', service: 'ads-service' },
};
const ACTOR_OF: Record<string, string> = {
  BusinessVerified: 'kyb',
  ShopGraduatedFromProbation: 'kyb',
  AccountLinkAuthorized: 'oauth',
  AccountLinked: 'oauth',
  OrderPlaced: 'orders',
  OrderFulfilled: 'orders',
  OrderCancelled: 'orders',
  FundsCredited: 'payouts',
  FundsWithdrawn: 'payouts',
  FundsWithdrawalFailed: 'payouts',
  SecurityIncidentReported: 'security',
  SecurityIncidentResolved: 'security',
  FundsFrozen: 'security',
  FundsUnfrozen: 'security',
  CampaignStarted: 'ads',
  CampaignEnded: 'ads',
};

export interface BuildLogOptions {
  readonly events: number;
  readonly shops: number;
  /** Most events per append (one shop's next commands); default 100. */
  readonly eventsPerAppend?: number;
  readonly onProgress?: (eventsAppended: number) => void;
}

/**
 * Appends `events` events (exactly) through the port: shops take turns, each appending its
 * next commands as one batch, so `$all` interleaves the shops as a live service would.
 */
export async function buildShopEventLog(store: EventStore, options: BuildLogOptions): Promise<number> {
  const perShop = Math.ceil(options.events / options.shops);
  const perAppend = options.eventsPerAppend ?? 100;
  const lives = Array.from({ length: options.shops }, (_, shop) => ({
    shop,
    life: shopLife(shop, perShop),
    revision: -1,
    previousHash: '0'.repeat(64),
    done: false,
  }));
  let appended = 0;
  while (appended < options.events && lives.some((l) => !l.done)) {
    for (const life of lives) {
      if (life.done || appended >= options.events) continue;
      const batch: EventToAppend[] = [];
      while (batch.length < perAppend && appended + batch.length < options.events) {
        const next = life.life.next();
        if (next.done) {
          life.done = true;
          break;
        }
        const commandId = nextId();
        const correlationId = nextId();
        const occurredAt = String(Object.values(next.value[0].data).find((v) => typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)));
        // The very last command is cut to fit, so the log holds exactly `events` events.
        for (const planned of next.value.slice(0, options.events - appended - batch.length)) {
          const actor = ACTORS[ACTOR_OF[planned.type] ?? 'owner'];
          const hash = fakeHash(appended + batch.length + 1);
          batch.push({
            id: nextId(),
            type: planned.type,
            data: planned.data,
            metadata: {
              commandId,
              correlationId,
              causationId: commandId,
              actor: { kind: actor.kind, id: actor.id },
              callingService: actor.service,
              occurredAt,
              schemaVersion: 1,
              hashAlgorithm: 'sha256-chain-v1',
              previousHash: life.previousHash,
              hash,
            },
          });
          life.previousHash = hash;
        }
      }
      if (batch.length === 0) continue;
      const streamId = `shop-${(batch[0].data as { shopId: string }).shopId}`;
      const result = await store.appendToStream(streamId, batch, life.revision < 0 ? 'no_stream' : life.revision);
      life.revision = result.nextExpectedRevision;
      appended += batch.length;
      options.onProgress?.(appended);
    }
  }
  return appended;
}
