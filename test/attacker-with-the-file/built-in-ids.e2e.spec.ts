import fc from 'fast-check';
import { SHOP_ACCESS_TABLE, ShopCommandType } from '@shoplink/shops';
import { linkBody, OFFICIAL_SCOPES, profile, registerShopBody } from '../support/shop-fixtures';
import { logHead, ShopScenario } from '../support/shop-scenarios';
import { HttpAnswer, ShoplinkTestApp } from '../support/shoplink-test-app';

/**
 * Property: an id named like a member of Object.prototype (`constructor`, `toString`, `__proto__`…)
 * is an id like any other. Sent as any id of any command route (each path id, each id in the body)
 * on a shop that exists:
 * - where the id names something that must already exist (a member, link, order, incident…), it is
 *   answered like an id that was never used: 404 or 422 (or 400 when validation refuses the name, as
 *   it does `__proto__`, which does not start with a letter or digit), the same status and code as a
 *   never-used id, and nothing is appended;
 * - where it names something new (an order id, an incident id…), it is accepted like any new id.
 */

/** The names the attacker tried, then every other name Object.prototype answers to. */
const BUILT_IN_NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'prototype', 'isPrototypeOf'];
const OTHER_NAMES = Object.getOwnPropertyNames(Object.prototype).filter((n) => !BUILT_IN_NAMES.includes(n));

/** Body fields that name something new (or only label the command): any valid id is accepted there. */
const NEW_IDS: Partial<Record<ShopCommandType, readonly string[]>> = {
  RegisterShop: ['shopId', 'ownerMemberId'],
  GrantAccess: ['memberId'],
  RequestLink: ['accountId'],
  SwitchOfficialAccount: ['accountId'],
  PlaceOrder: ['orderId'],
  CreditFunds: ['settlementId', 'orderId'],
  RequestWithdrawal: ['withdrawalId'],
  StartCampaign: ['campaignId'],
  ReportSecurityIncident: ['incidentId'],
  EmergencyUnlink: ['incidentId'],
  AssistedUnlink: ['ticketId'],
  ForgetPersonalData: ['ticketId'],
};

interface Shop {
  readonly shopId: string;
  readonly official: string;
  readonly marketing: string;
}

/** A request body each command's DTO accepts, with the shop's own ids. */
const bodyOf = (command: ShopCommandType, shop: Shop, n: number): Record<string, unknown> | undefined =>
  (
    ({
      RegisterShop: () => registerShopBody(`bi-new-${n}`),
      SubmitBusinessVerification: () => ({ documents: ['doc:1'] }),
      RecordVerificationDecision: () => ({ outcome: 'verified' }),
      GrantAccess: () => ({ memberId: `m-new-${n}`, role: 'viewer' }),
      RequestLink: () => linkBody(`acct-new-${n}`, 'marketing'),
      AnswerLinkAuthorization: () => ({ decision: 'granted', grantedScopes: OFFICIAL_SCOPES }),
      RequestUnlink: () => ({ reason: 'business_pivot' }),
      ConfirmUnlink: () => ({ code: '12345678' }),
      EmergencyUnlink: () => ({ incidentId: `inc-${n}`, description: 'credentials leaked' }),
      AssistedUnlink: () => ({ reason: 'business_pivot', ticketId: `T-${n}` }),
      SwitchOfficialAccount: () => ({ accountId: `acct-next-${n}`, profile: profile('next'), requestedScopes: OFFICIAL_SCOPES }),
      PlaceOrder: () => ({ orderId: `o-new-${n}`, amount: 100 }),
      CreditFunds: () => ({ settlementId: `s-new-${n}`, orderId: 'o-1', amount: 100 }),
      RequestWithdrawal: () => ({ withdrawalId: `w-new-${n}`, amount: 1 }),
      FailWithdrawal: () => ({ reason: 'bank refused' }),
      StartCampaign: () => ({ campaignId: `c-new-${n}`, accountId: shop.marketing }),
      ReportSecurityIncident: () => ({ incidentId: `inc-${n}`, description: 'suspicious sign-in', unlinkAccountIds: [shop.marketing] }),
      ResolveSecurityIncident: () => ({ resolution: 'passwords rotated' }),
      ForgetPersonalData: () => ({ ticketId: `PRIV-${n}` }),
    }) as Partial<Record<ShopCommandType, () => Record<string, unknown>>>
  )[command]?.();

interface Route {
  readonly method: string;
  readonly path: string;
  readonly command: ShopCommandType;
  readonly pathIds: readonly string[];
}

/** One id of one route: `path.<name>` or `body.<name>` (an array of ids takes the name as its one item). */
interface Slot {
  readonly route: Route;
  readonly field: string;
  readonly isNew: boolean;
}

type Doc = { paths: Record<string, Record<string, { 'x-shop-command'?: ShopCommandType }>> };

function routesOf(document: Doc): Route[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).flatMap(([method, op]) =>
      op['x-shop-command']
        ? [
            {
              method: method.toUpperCase(),
              path,
              command: op['x-shop-command'],
              pathIds: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
            },
          ]
        : [],
    ),
  );
}

/** The actor the role table allows for the command: the owner when admins may, else its service. */
function actorFor(command: ShopCommandType): string {
  const allowed = SHOP_ACCESS_TABLE[command];
  if (allowed.memberRoles.includes('admin')) return 'member:m-owner';
  if (allowed.systems.length > 0) return `system:${allowed.systems[0]}`;
  return 'support:agent-1';
}

describe('Ids named like Object.prototype members are ordinary ids', () => {
  let app: ShoplinkTestApp;
  let shops: ShopScenario;
  const slots: Slot[] = [];
  let made = 0;
  const shared: Shop = { shopId: 'bi-shop', official: 'bi-off', marketing: 'bi-ads' };

  /** A verified, graduated shop with an official and a marketing account, a viewer, an order, a credit, a withdrawal and a campaign. */
  const setUp = async (shop: Shop): Promise<void> => {
    await shops.verifiedShop(shop.shopId, { graduate: true });
    await shops.link(shop.shopId, shop.official, 'official');
    await shops.link(shop.shopId, shop.marketing, 'marketing');
    await shops.grant(shop.shopId, 'm-viewer', 'viewer');
    await shops.placeOrder(shop.shopId, 'o-1');
    await shops.credit(shop.shopId, 's-1', 50_000, 'o-1');
    await shops.withdraw(shop.shopId, 'w-1', 1_000);
    await shops.startCampaign(shop.shopId, 'c-1', shop.marketing);
  };

  beforeAll(async () => {
    app = await ShoplinkTestApp.start({ rateLimit: { limit: 10_000_000, windowMs: 10_000 } });
    shops = new ShopScenario(app);
    await setUp(shared);
    app.clock.advanceHours(25); // past the earliest unlink
    const document = (await app.request('GET', '/docs-json', undefined, { authorization: '' })).body as Doc & {
      components: { schemas: Record<string, { properties?: Record<string, { pattern?: string; items?: { pattern?: string } }> }> };
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }>>;
    };
    const ID_SOURCE = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';
    for (const route of routesOf(document)) {
      for (const name of route.pathIds.filter((p) => p !== 'shopId')) slots.push({ route, field: `path.${name}`, isNew: false });
      const ref = document.paths[route.path][route.method.toLowerCase()].requestBody?.content?.['application/json']?.schema?.$ref;
      const properties = ref ? (document.components.schemas[ref.split('/').pop()!].properties ?? {}) : {};
      for (const [name, schema] of Object.entries(properties)) {
        const isId = schema.pattern === ID_SOURCE || schema.items?.pattern === ID_SOURCE || name.endsWith('Ids');
        if (isId) slots.push({ route, field: `body.${name}`, isNew: NEW_IDS[route.command]?.includes(name) ?? false });
      }
    }
  }, 60_000);

  afterAll(async () => {
    await app.destroy();
  });

  /** The route's request with `id` in the slot (and the shop's own ids everywhere else). */
  const send = (slot: Slot, shop: Shop, id: string): Promise<HttpAnswer> => {
    const n = ++made;
    const pathIds: Record<string, string> = {
      shopId: shop.shopId,
      accountId: shop.official,
      requestId: 'unl-none',
      memberId: 'm-viewer',
      orderId: 'o-1',
      withdrawalId: 'w-1',
      campaignId: 'c-1',
      incidentId: 'inc-none',
    };
    const [where, name] = slot.field.split('.');
    if (where === 'path') pathIds[name] = id;
    // encodeURIComponent leaves these names as they are: the route sees exactly the name.
    const path = slot.route.path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(pathIds[p]));
    const body = bodyOf(slot.route.command, shop, n);
    if (where === 'body' && body !== undefined) body[name] = Array.isArray(body[name]) || name.endsWith('Ids') ? [id] : id;
    return app.command(slot.route.method, path, body, { actor: actorFor(slot.route.command) });
  };

  it('finds the ids of every command route: path ids and body ids', () => {
    const fields = new Set(slots.map((s) => s.field));
    for (const f of ['path.accountId', 'path.requestId', 'path.memberId', 'path.orderId', 'path.withdrawalId', 'path.incidentId'])
      expect(fields).toContain(f);
    for (const f of ['body.orderId', 'body.incidentId', 'body.unlinkAccountIds', 'body.memberId', 'body.accountId'])
      expect(fields).toContain(f);
    expect(slots.length).toBeGreaterThan(25);
  });

  it('answers a built-in name where an existing id is expected as a never-used id: 404 or 422 (400 if refused), nothing appended', async () => {
    const existing = slots.filter((s) => !s.isNew);
    const mismatches: unknown[] = [];
    let control = 0;
    let tried = 0;
    const examples = existing.flatMap((slot) => BUILT_IN_NAMES.map((name): [Slot, string] => [slot, name]));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...existing), fc.constantFrom(...BUILT_IN_NAMES, ...OTHER_NAMES), async (slot, name) => {
        const where = `${slot.route.method} ${slot.route.path} ${slot.field}=${name}`;
        tried += 1;
        const before = await logHead(app);
        const answer = await send(slot, shared, name);
        const after = await logHead(app);
        const seen = { status: answer.status, code: answer.body?.code };
        if (![400, 404, 422].includes(seen.status)) mismatches.push({ where, seen, message: answer.body?.message });
        else if (after !== before) mismatches.push({ where, seen, appended: Number(after) - Number(before) });
        else if (seen.status !== 400) {
          // Answered as an id that was never used.
          const never = await send(slot, shared, `nx-${++control}`);
          if (never.status !== seen.status || never.body?.code !== seen.code)
            mismatches.push({ where, seen, neverUsed: { status: never.status, code: never.body?.code } });
        }
        return true;
      }),
      // Every slot with every name the attacker tried (examples count within numRuns), then 50 random draws of any Object.prototype name.
      { examples, numRuns: examples.length + 50 },
    );
    expect(mismatches).toEqual([]);
    expect(tried).toBeGreaterThanOrEqual(examples.length);
  }, 180_000);

  it('answers a built-in name where a new id is expected as any new id: same status and code, on an identical shop', async () => {
    const fresh = slots.filter((s) => s.isNew);
    const mismatches: unknown[] = [];
    let n = 0;
    const freshShop = async (): Promise<Shop> => {
      // Each request on a shop of its own: a new order, incident or unlink changes what the next request would meet.
      const shop: Shop = { shopId: `bi-fresh-${++n}`, official: `bi-off-${n}`, marketing: `bi-ads-${n}` };
      await setUp(shop);
      return shop;
    };
    const outcome = (a: HttpAnswer) => ({
      status: a.status,
      code: a.body?.code,
      events: a.body?.events?.map((e: { type: string }) => e.type),
    });
    for (const slot of fresh) {
      const expected = outcome(await send(slot, await freshShop(), `new-${n}`));
      for (const name of BUILT_IN_NAMES.filter((b) => /^[A-Za-z0-9]/.test(b))) {
        const seen = outcome(await send(slot, await freshShop(), name));
        if (JSON.stringify(seen) !== JSON.stringify(expected))
          mismatches.push({ where: `${slot.route.method} ${slot.route.path} ${slot.field}=${name}`, seen, expected });
      }
    }
    expect(mismatches).toEqual([]);
    expect(fresh.length).toBeGreaterThanOrEqual(10);
  }, 300_000);
});
