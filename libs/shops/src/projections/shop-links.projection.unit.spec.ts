import { positionAt, RecordedEvent } from '@shoplink/event-store';
import { Document, PageQuery } from '@shoplink/read-models';
import { findPageInMemory } from '../../../read-models/src/testing/find-page-in-memory';
import { ShopLinkDocument, ShopLinksProjection, shopLinkId } from './shop-links.projection';
import { ShopStatusDocument } from './shop-status.document';
import { RECENT_PAST_LINKS } from './shop-status.links';
import { ShopStatusProjection } from './shop-status.projection';

const SHOP = 's-1';
const profile = {
  handle: 'brand',
  kind: 'business',
  followers: 10,
  ownerAge: 30,
  region: 'GB',
  ecommercePermissionRevoked: false,
  activeGuidelineRestriction: false,
  recentViolations: 0,
};

/** A shop's log written by hand: each event at its own second, so every ending has its own time. */
class ShopLog {
  readonly events: RecordedEvent[] = [];

  add(type: string, data: Record<string, unknown>): this {
    const revision = this.events.length;
    const at = new Date(Date.UTC(2026, 0, 5, 8) + revision * 1000).toISOString();
    this.events.push({
      streamId: `shop-${SHOP}`,
      revision,
      position: positionAt(revision + 1),
      id: `e-${revision}`,
      type,
      data: { shopId: SHOP, ...withTimes(type, data, at) },
      metadata: { occurredAt: at },
      createdAt: new Date(at),
    });
    return this;
  }

  registered(): this {
    return this.add('ShopRegistered', { name: 'S', region: 'GB', currency: 'GBP', kind: 'business', ownerMemberId: 'm-1' });
  }

  requested(accountId: string): this {
    return this.add('AccountLinkRequested', {
      accountId,
      role: 'marketing',
      profile: { ...profile, handle: accountId },
      requestedScopes: ['ads.manage'],
      authorizationExpiresAt: '2026-02-01T00:00:00.000Z',
      replacesAccountId: null,
    });
  }

  linked(accountId: string): this {
    return this.requested(accountId)
      .add('AccountLinkAuthorized', { accountId, role: 'marketing', grantedScopes: ['ads.manage'] })
      .add('AccountLinked', { accountId, handle: accountId, role: 'marketing', scopes: ['ads.manage'] });
  }

  unlinked(accountId: string): this {
    return this.add('AccountUnlinked', {
      accountId,
      handle: accountId,
      role: 'marketing',
      reason: 'business_closure',
      mode: 'confirmed',
      requestId: `r-${accountId}`,
      incidentId: null,
      ticketId: null,
      agentId: null,
      officialUnlinkCount: 0,
    });
  }

  cancelled(accountId: string): this {
    return this.add('LinkRequestCancelled', { accountId, role: 'marketing' });
  }

  status(): ShopStatusDocument {
    return this.events.reduce<ShopStatusDocument | null>((doc, event) => ShopStatusProjection.evolve(doc, event, SHOP), null)!;
  }

  /** The shop_links documents, by id. */
  links(): Map<string, ShopLinkDocument> {
    const docs = new Map<string, ShopLinkDocument>();
    for (const event of this.events) {
      if (!ShopLinksProjection.handles.includes(event.type)) continue;
      const [id] = ShopLinksProjection.documentIds(event);
      const next = ShopLinksProjection.evolve(docs.get(id) ?? null, event, id);
      if (next === null) docs.delete(id);
      else docs.set(id, next);
    }
    return docs;
  }
}

const TIME_FIELD: Record<string, string> = {
  ShopRegistered: 'registeredAt',
  AccountLinkRequested: 'requestedAt',
  AccountLinkAuthorized: 'authorizedAt',
  AccountLinked: 'linkedAt',
  AccountUnlinked: 'unlinkedAt',
  LinkRequestCancelled: 'cancelledAt',
};
const withTimes = (type: string, data: Record<string, unknown>, at: string) => ({ ...data, [TIME_FIELD[type]]: at });

const cycles = (log: ShopLog, count: number, prefix = 'acct'): ShopLog => {
  for (let i = 0; i < count; i++) log.linked(`${prefix}-${String(i).padStart(4, '0')}`).unlinked(`${prefix}-${String(i).padStart(4, '0')}`);
  return log;
};

describe('the status document after many link-and-unlink cycles', () => {
  it('holds the current links and the last ended ones, with counts', () => {
    const log = cycles(new ShopLog().registered(), 25).linked('acct-live').requested('acct-waiting');
    const doc = log.status();
    expect(doc.links.map((l) => l.accountId)).toEqual([
      ...Array.from({ length: RECENT_PAST_LINKS }, (_, i) => `acct-${String(15 + i).padStart(4, '0')}`),
      'acct-live',
      'acct-waiting',
    ]);
    expect(doc.links.filter((l) => l.state === 'unlinked')).toHaveLength(RECENT_PAST_LINKS);
    expect(doc.linkCounts).toEqual({ linked: 1, awaitingAuthorization: 1, past: 25 });
    expect(doc.marketingAccounts.map((l) => l.accountId)).toEqual(['acct-live']);
    expect(doc.openLinkRequests.map((l) => l.accountId)).toEqual(['acct-waiting']);
  });

  it('stays the same size however long the past', () => {
    const size = (count: number) => JSON.stringify(cycles(new ShopLog().registered(), count).status()).length;
    // Only numbers gain digits (the count, the revision, the position); each cycle used to add about 500 bytes.
    expect(size(400) - size(20)).toBeLessThanOrEqual(12);
  });

  it('keeps a shop with few past links as before: every account it asked for', () => {
    const doc = cycles(new ShopLog().registered(), 3).requested('acct-x').cancelled('acct-x').status();
    expect(doc.links.map((l) => [l.accountId, l.state])).toEqual([
      ['acct-0000', 'unlinked'],
      ['acct-0001', 'unlinked'],
      ['acct-0002', 'unlinked'],
      ['acct-x', 'request_cancelled'],
    ]);
    expect(doc.linkCounts).toEqual({ linked: 0, awaitingAuthorization: 0, past: 4 });
  });

  it('counts each ending: an account relinked and unlinked again counts twice and is listed once', () => {
    const log = new ShopLog().registered().linked('a').unlinked('a').linked('a');
    expect(log.status().linkCounts).toEqual({ linked: 1, awaitingAuthorization: 0, past: 1 });
    expect(log.status().links.map((l) => [l.accountId, l.state])).toEqual([['a', 'linked']]);
    log.unlinked('a');
    expect(log.status().linkCounts.past).toBe(2);
    expect(log.status().links.map((l) => [l.accountId, l.state])).toEqual([['a', 'unlinked']]);
  });
});

describe('ShopLinksProjection', () => {
  it('keeps every account the shop asked for, its latest word, with the revision that ended it', () => {
    const log = cycles(new ShopLog().registered(), 12).linked('acct-live');
    const docs = log.links();
    expect(docs.size).toBe(13);
    const first = docs.get(shopLinkId(SHOP, 'acct-0000'))!;
    expect(first).toMatchObject({ shopId: SHOP, accountId: 'acct-0000', state: 'unlinked', endedRevision: 4 });
    expect(first.unlinked).toMatchObject({ mode: 'confirmed', reason: 'business_closure' });
    expect(docs.get(shopLinkId(SHOP, 'acct-live'))).toMatchObject({ state: 'linked', endedRevision: null });
  });

  it('tells each link as the status document does', () => {
    const log = cycles(new ShopLog().registered(), 4).linked('acct-live').requested('acct-waiting').cancelled('acct-0001');
    const docs = log.links();
    for (const view of log.status().links) {
      const { shopId: _shopId, endedRevision: _endedRevision, ...stored } = docs.get(shopLinkId(SHOP, view.accountId))!;
      expect(stored).toEqual(view);
    }
  });

  it('a relinked account leaves the past links; ended again it comes last', () => {
    const log = new ShopLog().registered().linked('a').unlinked('a').linked('b').unlinked('b').linked('a');
    expect(log.links().get(shopLinkId(SHOP, 'a'))).toMatchObject({ state: 'linked', endedRevision: null });
    log.unlinked('a');
    const past = pastLinks(log.links(), 10);
    expect(past.map((d) => d.accountId)).toEqual(['b', 'a']);
  });

  it('pages the past links in the order they ended, nothing missing or repeated, current ones never', () => {
    const docs = cycles(new ShopLog().registered(), 37).linked('acct-live').links();
    const seen: string[] = [];
    let after: PageQuery['after'] = null;
    for (;;) {
      const page = findPageInMemory(docs as Map<string, Document>, {
        where: { shopId: SHOP },
        orderBy: 'endedRevision',
        after,
        limit: 5,
      });
      seen.push(...page.documents.map((d) => String(d.accountId)));
      if (page.next === null) break;
      after = page.next;
    }
    expect(seen).toEqual(Array.from({ length: 37 }, (_, i) => `acct-${String(i).padStart(4, '0')}`));
  });
});

function pastLinks(docs: Map<string, ShopLinkDocument>, limit: number): ShopLinkDocument[] {
  const page = findPageInMemory(docs as Map<string, Document>, {
    where: { shopId: SHOP },
    orderBy: 'endedRevision',
    limit,
  });
  return page.documents as ShopLinkDocument[];
}
