/**
 * A shop whose past is long in links: registered, verified and graduated, then `cycles` times a
 * marketing account requested, authorized, linked, asked to unlink and unlinked with its code,
 * each cycle with a new account. Appended through the port (hash-chained by the caller's store),
 * much faster than the same commands over HTTP: the service then projects them as it would.
 */
import type { EventStore, EventToAppend } from '@shoplink/event-store';
import { ShopEvent, shopEventCodec } from '@shoplink/shops';

type ShopEventType = ShopEvent['type'];

const SCOPES = ['user.info.basic', 'ads.manage'];
const BASE_TIME = Date.parse('2026-01-05T08:00:00.000Z');
const HEX = '0123456789abcdef';

let counter = 0;
const nextId = (): string => {
  counter += 1;
  const hex = counter.toString(16).padStart(20, '0');
  return `0190c3d4-${hex.slice(0, 4)}-7${hex.slice(4, 7)}-8${hex.slice(7, 10)}-${hex.slice(10, 20)}00`;
};
const fakeHex = (seed: number, length: number): string => Array.from({ length }, (_, i) => HEX[(seed * 31 + i * 17) % 16]).join('');

type Planned = { readonly type: ShopEventType; readonly data: Record<string, unknown> };

function* linkCycles(shopId: string, cycles: number): Generator<Planned[]> {
  let minute = 0;
  const at = (): string => new Date(BASE_TIME + (minute += 3) * 60_000).toISOString();
  yield [
    {
      type: 'ShopRegistered',
      data: {
        shopId,
        name: `Shop ${shopId}`,
        region: 'GB',
        currency: 'GBP',
        kind: 'business',
        ownerMemberId: 'm-owner',
        registeredAt: at(),
      },
    },
    { type: 'BusinessVerificationSubmitted', data: { shopId, documents: ['doc:incorporation', 'doc:bank'], submittedAt: at() } },
    { type: 'BusinessVerified', data: { shopId, verifiedAt: at() } },
    { type: 'ShopGraduatedFromProbation', data: { shopId, graduatedAt: at() } },
  ];
  for (let cycle = 0; cycle < cycles; cycle++) {
    const accountId = `${shopId}-acct-${cycle}`;
    const handle = accountId.replace(/-/g, '_');
    const requestedAt = at();
    const linkedAt = at();
    const unlinkRequestedAt = at();
    const requestId = nextId();
    yield [
      {
        type: 'AccountLinkRequested',
        data: {
          shopId,
          accountId,
          role: 'marketing',
          profile: {
            handle,
            kind: 'business',
            followers: 5_000,
            ownerAge: 30,
            region: 'GB',
            ecommercePermissionRevoked: false,
            activeGuidelineRestriction: false,
            recentViolations: 0,
          },
          requestedScopes: SCOPES,
          requestedAt,
          authorizationExpiresAt: new Date(Date.parse(requestedAt) + 48 * 3_600_000).toISOString(),
          replacesAccountId: null,
        },
      },
      { type: 'AccountLinkAuthorized', data: { shopId, accountId, role: 'marketing', grantedScopes: SCOPES, authorizedAt: linkedAt } },
      { type: 'AccountLinked', data: { shopId, accountId, handle, role: 'marketing', scopes: SCOPES, linkedAt } },
      {
        type: 'UnlinkRequested',
        data: {
          shopId,
          accountId,
          role: 'marketing',
          requestId,
          reason: 'switching_accounts',
          consequences: { showcaseRemoved: false, campaignsTerminated: [], salesDataAccessLost: true },
          codeHash: fakeHex(cycle, 64),
          codeSalt: fakeHex(cycle + 7, 32),
          requestedAt: unlinkRequestedAt,
          expiresAt: new Date(Date.parse(unlinkRequestedAt) + 15 * 60_000).toISOString(),
        },
      },
      {
        type: 'AccountUnlinked',
        data: {
          shopId,
          accountId,
          handle,
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
    ];
  }
}

/** Appends the shop's registration and its `cycles` link-and-unlink cycles, `cyclesPerAppend` cycles per append. */
export async function appendLinkCycles(store: EventStore, shopId: string, cycles: number, cyclesPerAppend = 50): Promise<number> {
  let revision = -1;
  let batch: EventToAppend[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const result = await store.appendToStream(`shop-${shopId}`, batch, revision < 0 ? 'no_stream' : revision);
    revision = result.nextExpectedRevision;
    batch = [];
  };
  let commands = 0;
  for (const command of linkCycles(shopId, cycles)) {
    const commandId = nextId();
    for (const planned of command) {
      batch.push({
        id: nextId(),
        type: planned.type,
        data: planned.data,
        metadata: {
          commandId,
          correlationId: commandId,
          causationId: commandId,
          actor: { kind: 'member', id: 'm-owner' },
          callingService: 'seller-center',
          occurredAt: String(Object.values(planned.data).find((v) => typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v))),
          schemaVersion: shopEventCodec.schemaVersionOf(planned.type),
        },
      });
    }
    commands += 1;
    if (commands % cyclesPerAppend === 0) await flush();
  }
  await flush();
  return revision + 1;
}
