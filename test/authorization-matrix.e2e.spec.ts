import { ActorKind, SHOP_ACCESS_TABLE, ShopCommandType, SYSTEM_ACTORS } from '@shoplink/shops';
import { randomUUID } from 'node:crypto';
import { ServiceScope } from '@shoplink/service-auth';
import { steppedUpAssertionFor, testAssertion, testToken } from './support/service-tokens';
import { linkBody, OFFICIAL_SCOPES, profile, registerShopBody } from './support/shop-fixtures';
import { logHead, ShopScenario } from './support/shop-scenarios';
import { HttpAnswer, ShoplinkTestApp } from './support/shoplink-test-app';

/**
 * The authorization matrix, generated from the same tables the service enforces: every command route
 * of the OpenAPI document (its scope, `x-required-scope`, and its domain command, `x-shop-command`) ×
 * the actor kinds the role table (SHOP_ACCESS_TABLE) allows or refuses × a token with or without the
 * scope and the actor grant × a person with or without a valid assertion and a second factor. Each
 * combination gets its expected status through the real app, and no refusal appends anything.
 */

/** A request body each command's DTO accepts; the path ids are the shop's, set up below. */
const BODIES: Partial<Record<ShopCommandType, () => unknown>> = {
  RegisterShop: () => registerShopBody(`mx-${randomUUID().slice(0, 8)}`),
  SubmitBusinessVerification: () => ({ documents: ['doc:1'] }),
  RecordVerificationDecision: () => ({ outcome: 'verified' }),
  GrantAccess: () => ({ memberId: 'm-new', role: 'viewer' }),
  RequestLink: () => linkBody(`acct-${randomUUID().slice(0, 8)}`, 'marketing'),
  AnswerLinkAuthorization: () => ({ decision: 'granted', grantedScopes: OFFICIAL_SCOPES }),
  RequestUnlink: () => ({ reason: 'business_pivot' }),
  ConfirmUnlink: () => ({ code: '12345678' }),
  EmergencyUnlink: () => ({ incidentId: 'inc-mx', description: 'credentials leaked' }),
  AssistedUnlink: () => ({ reason: 'business_pivot', ticketId: 'T-1' }),
  SwitchOfficialAccount: () => ({ accountId: 'acct-next', profile: profile('next'), requestedScopes: OFFICIAL_SCOPES }),
  PlaceOrder: () => ({ orderId: `o-${randomUUID().slice(0, 8)}`, amount: 100 }),
  CreditFunds: () => ({ settlementId: `s-${randomUUID().slice(0, 8)}`, orderId: 'o-1', amount: 100 }),
  RequestWithdrawal: () => ({ withdrawalId: `w-${randomUUID().slice(0, 8)}`, amount: 1 }),
  FailWithdrawal: () => ({ reason: 'bank refused' }),
  StartCampaign: () => ({ campaignId: `c-${randomUUID().slice(0, 8)}`, accountId: 'acct-off' }),
  ReportSecurityIncident: () => ({ incidentId: `inc-${randomUUID().slice(0, 8)}`, description: 'suspicious sign-in' }),
  ResolveSecurityIncident: () => ({ resolution: 'passwords rotated' }),
  ForgetPersonalData: () => ({ ticketId: 'PRIV-1' }),
  DeactivateShop: () => ({ ticketId: 'T-2' }),
  EnforceUnlink: () => ({ violation: 'counterfeit goods' }),
  RestrictShop: () => ({ restrictionId: `r-${randomUUID().slice(0, 8)}`, reason: 'counterfeit listings', scope: ['campaigns'] }),
  LiftShopRestriction: () => ({ reason: 'appeal upheld' }),
  CloseShop: () => ({ reason: 'retiring' }),
  OpenAfterSalesCase: () => ({ caseId: `case-${randomUUID().slice(0, 8)}`, kind: 'refund', orderId: 'o-1' }),
};

/** Path ids: the shop the matrix acts on, its official account (so unlinks of it are sensitive steps), and stand-ins. */
const PATH_IDS: Record<string, string> = {
  shopId: 'mx-shop',
  accountId: 'acct-off',
  requestId: 'unl-none',
  memberId: 'm-viewer',
  orderId: 'o-1',
  withdrawalId: 'w-1',
  campaignId: 'c-1',
  incidentId: 'inc-1',
  restrictionId: 'r-none',
  caseId: 'case-none',
};

/** Steps a person may take only with a recent second factor, on the shop as set up (its official account in the path). */
const SENSITIVE: ReadonlySet<ShopCommandType> = new Set([
  'RequestUnlink',
  'EmergencyUnlink',
  'AssistedUnlink',
  'SwitchOfficialAccount',
  'RequestWithdrawal',
  'DeactivateShop',
  'CloseShop',
  'ForgetPersonalData',
]);

interface Route {
  readonly method: string;
  readonly path: string;
  readonly scope: ServiceScope;
  readonly command: ShopCommandType;
}

interface Row {
  readonly route: Route;
  readonly case: string;
  readonly actor: string;
  readonly scopes: readonly ServiceScope[];
  readonly grants: readonly string[];
  /** 'stepped-up' | 'password-only' | 'none' | 'someone-else' (a person's), ignored for system actors. */
  readonly proof: 'stepped-up' | 'password-only' | 'none' | 'someone-else';
  readonly expected: { readonly status: number; readonly code: string } | 'past the boundary';
}

function routesOf(document: {
  paths: Record<string, Record<string, { 'x-required-scope'?: ServiceScope; 'x-shop-command'?: ShopCommandType }>>;
}): Route[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).flatMap(([method, op]) =>
      op['x-shop-command'] && op['x-required-scope']
        ? [{ method: method.toUpperCase(), path, scope: op['x-required-scope'], command: op['x-shop-command'] }]
        : [],
    ),
  );
}

/** The rows of one route: the credential layers with the actor the role table allows first, then the role layer itself. */
function rowsOf(route: Route): Row[] {
  const allowed = SHOP_ACCESS_TABLE[route.command];
  const otherScope: ServiceScope = route.scope === 'audit:read' ? 'shops:read' : 'audit:read';
  const person = allowed.memberRoles.includes('admin') ? 'member:m-owner' : allowed.support ? 'support:agent-1' : null;
  const system = allowed.systems.length > 0 ? `system:${allowed.systems[0]}` : null;
  const grantOf = (actor: string) => (actor.startsWith('system:') ? actor : actor.slice(0, actor.indexOf(':')));
  const rows: Row[] = [];
  const add = (
    c: string,
    actor: string,
    proof: Row['proof'],
    expected: Row['expected'],
    scopes = [route.scope],
    grants = [grantOf(actor)],
  ) => rows.push({ route, case: c, actor, scopes, grants, proof, expected });

  for (const actor of [person, system].filter((a): a is string => a !== null)) {
    const isPerson = !actor.startsWith('system:');
    add('token without the route’s scope', actor, 'stepped-up', { status: 403, code: 'FORBIDDEN_SCOPE' }, [otherScope]);
    add('token granting no actor', actor, 'stepped-up', { status: 403, code: 'FORBIDDEN_ACTOR' }, [route.scope], []);
    add(
      'token granting another actor',
      actor,
      'stepped-up',
      { status: 403, code: 'FORBIDDEN_ACTOR' },
      [route.scope],
      [isPerson ? 'system:*' : 'member'],
    );
    if (isPerson) {
      add('a person without an assertion', actor, 'none', { status: 401, code: 'ACTOR_ASSERTION_INVALID' });
      add('a person with someone else’s assertion', actor, 'someone-else', { status: 401, code: 'ACTOR_ASSERTION_INVALID' });
      if (SENSITIVE.has(route.command))
        add('a sensitive step with a password only', actor, 'password-only', { status: 403, code: 'STEP_UP_REQUIRED' });
    }
    add('everything in order', actor, 'stepped-up', 'past the boundary');
  }
  // The role layer: every system actor the table does not name for this command, a member without access, support where not allowed.
  for (const name of Object.keys(SYSTEM_ACTORS).filter((n) => !(allowed.systems as readonly string[]).includes(n))) {
    add(`system:${name} is not this command’s service`, `system:${name}`, 'none', { status: 403, code: 'FORBIDDEN_ROLE' });
  }
  if (route.command !== 'RegisterShop')
    add('a member without access to the shop', 'member:m-stranger', 'stepped-up', { status: 403, code: 'FORBIDDEN_ROLE' });
  if (!allowed.support) add('a support agent', 'support:agent-1', 'stepped-up', { status: 403, code: 'FORBIDDEN_ROLE' });
  return rows;
}

const kindOf = (actor: string): ActorKind => actor.slice(0, actor.indexOf(':')) as ActorKind;

describe('Authorization matrix: every command route × actor × credentials', () => {
  let app: ShoplinkTestApp;
  let rows: Row[] = [];

  beforeAll(async () => {
    app = await ShoplinkTestApp.start({ rateLimit: { limit: 10_000_000, windowMs: 10_000 } });
    const shops = new ShopScenario(app);
    await shops.verifiedShop('mx-shop', { graduate: true });
    await shops.link('mx-shop', 'acct-off', 'official');
    await shops.grant('mx-shop', 'm-viewer', 'viewer');
    await shops.placeOrder('mx-shop', 'o-1');
    await shops.credit('mx-shop', 's-1', 5_000, 'o-1');
    app.clock.advanceHours(25); // past the earliest unlink, so the unlinks of the official account reach their step-up
    const document = (await app.request('GET', '/docs-json', undefined, { authorization: '' })).body;
    // Refusals first, on the shop as set up; the combinations that pass (and may change it, an emergency unlink say) last.
    const all = routesOf(document).flatMap(rowsOf);
    rows = [...all.filter((r) => r.expected !== 'past the boundary'), ...all.filter((r) => r.expected === 'past the boundary')];
  }, 60_000);

  afterAll(async () => {
    await app.destroy();
  });

  const send = async (row: Row): Promise<HttpAnswer> => {
    const token = await testToken({ service: 'matrix', scopes: row.scopes, actors: row.grants });
    const path = row.route.path.replace(/\{(\w+)\}/g, (_, name: string) => PATH_IDS[name]);
    const body = BODIES[row.route.command]?.();
    const kind = kindOf(row.actor);
    const id = row.actor.slice(row.actor.indexOf(':') + 1);
    let assertion: string | null = null;
    if (kind === 'member' || kind === 'support') {
      if (row.proof === 'stepped-up') assertion = await steppedUpAssertionFor(row.actor);
      if (row.proof === 'password-only') assertion = await testAssertion({ kind, id, amr: ['pwd'] });
      if (row.proof === 'someone-else') assertion = await testAssertion({ kind, id: `${id}-other`, amr: ['pwd', 'otp'] });
    }
    return app.request(row.route.method, path, body, {
      authorization: `Bearer ${token}`,
      'idempotency-key': randomUUID(),
      'x-actor': row.actor,
      ...(assertion === null ? {} : { 'x-actor-assertion': assertion }),
    });
  };

  it('covers every command route the service publishes, each with its scope and its domain command', () => {
    const routes = new Set(rows.map((r) => `${r.route.method} ${r.route.path} ${r.route.command}`));
    expect(routes.size).toBeGreaterThanOrEqual(30);
    const commands = new Set(rows.map((r) => r.route.command));
    // Every command the role table knows has a route, but those only the service itself sends (expiry, link supersession).
    expect(Object.keys(SHOP_ACCESS_TABLE).filter((c) => !commands.has(c as ShopCommandType))).toEqual([
      'SupersedeLinkRequest',
      'ExpireUnlinkRequest',
    ]);
  });

  it('answers each combination as the tables say, and no refusal appends anything', async () => {
    const mismatches: unknown[] = [];
    for (const row of rows) {
      const before = await logHead(app);
      const answer = await send(row);
      const after = await logHead(app);
      const seen = { status: answer.status, code: answer.body?.code };
      const where = `${row.route.method} ${row.route.path} as ${row.actor}: ${row.case}`;
      if (row.expected === 'past the boundary') {
        // The domain decides from here (a success, or a business rule's refusal); the boundary let it through, and the body was valid.
        if (
          [400, 401].includes(seen.status) ||
          ['FORBIDDEN_SCOPE', 'FORBIDDEN_ACTOR', 'FORBIDDEN_ROLE', 'STEP_UP_REQUIRED'].includes(seen.code)
        )
          mismatches.push({ where, expected: row.expected, seen });
      } else if (seen.status !== row.expected.status || seen.code !== row.expected.code) {
        mismatches.push({ where, expected: row.expected, seen });
      }
      const recordedRefusal = seen.status >= 400 && Array.isArray(answer.body?.events) && answer.body.events.length > 0;
      if (seen.status >= 400 && !recordedRefusal && after !== before) mismatches.push({ where, appended: Number(after) - Number(before) });
    }
    expect(mismatches).toEqual([]);
    expect(rows.length).toBeGreaterThan(300);
  }, 120_000);
});
