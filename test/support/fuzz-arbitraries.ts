import fc from 'fast-check';
import { RawRequest } from './raw-http';

/**
 * Generators for hostile HTTP requests, shaped by the service's own OpenAPI document so that a
 * good share of them get past validation into the domain, and the rest probe the edges.
 *
 * Bodies are built as JSON text, not as objects: objects cannot hold duplicate keys, and
 * `__proto__` as an own key is easy to lose on the way through JSON.stringify.
 */

type OpenApiSchema = Record<string, any>;

export interface OpenApiOperation {
  readonly method: string;
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  readonly bodySchema: OpenApiSchema | null;
}

export interface FuzzTokens {
  /** Every scope: gets furthest. */
  readonly valid: string;
  readonly readOnly: string;
  readonly otherSecret: string;
  readonly expired: string;
  /** X-Actor-Assertion for each person the generators may name (signed with the test secret, stepped up). */
  readonly assertions: Readonly<Record<string, string>>;
}

export interface FuzzCase {
  readonly request: RawRequest;
  /** The token sent (if any) is genuine and unexpired: without one, no answer may be 2xx. */
  readonly validToken: boolean;
  readonly label: string;
}

/** Operations of the document, with the ids of their path and query parameters. */
export function operationsOf(document: {
  paths: Record<string, Record<string, any>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}): OpenApiOperation[] {
  const schemas = document.components?.schemas ?? {};
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const params = (operation.parameters ?? []) as { in: string; name: string }[];
      const ref = operation.requestBody?.content?.['application/json']?.schema;
      return {
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        bodySchema: ref ? resolve(ref, schemas) : null,
      };
    }),
  );
}

function resolve(schema: OpenApiSchema, schemas: Record<string, OpenApiSchema>): OpenApiSchema {
  if (typeof schema.$ref === 'string') return resolve(schemas[schema.$ref.split('/').pop()!], schemas);
  if (schema.type === 'object' && schema.properties) {
    return {
      ...schema,
      properties: Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolve(v as OpenApiSchema, schemas)])),
    };
  }
  if (schema.type === 'array' && schema.items) return { ...schema, items: resolve(schema.items, schemas) };
  return schema;
}

// ---------------------------------------------------------------- hostile values

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf'];

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uFEFF',
  '\u202Eevil',
  '😀'.repeat(50),
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '١٢٣',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x10',
  'null',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '${jndi:ldap://x/a}',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  'member:m-owner',
  'system:kyb',
  'x'.repeat(5_000),
];

/** 70,000 characters: more than the 64 KiB body limit on its own. */
const HUGE = 'y'.repeat(70_000);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constant(HUGE) },
);

/** Number tokens as written in the body, including ones JSON has no word for. */
const hostileNumberText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '-1',
    '0',
    '-0',
    '0.5',
    '1.0000001',
    '1e12',
    '1000000000001',
    '9007199254740993',
    '1e308',
    '1e999',
    '-1e999',
    '5e-324',
    '123456789012345678901234567890',
    'NaN',
    'Infinity',
    '-Infinity',
    '0x10',
    '01',
    '+1',
    '.5',
  ),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  // numbers as strings
  fc.oneof(fc.integer(), fc.constantFrom(1e12, 2599)).map((n) => JSON.stringify(String(n))),
);

type Json = string; // JSON text (possibly invalid where the generator means it)

const str = (s: string): Json => JSON.stringify(s);
const obj = (entries: readonly (readonly [string, Json])[]): Json => `{${entries.map(([k, v]) => `${str(k)}:${v}`).join(',')}}`;

const hostileKey = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PROTO_KEYS) }, { weight: 1, arbitrary: hostileString });

const hostileLeaf: fc.Arbitrary<Json> = fc.oneof(hostileString.map(str), hostileNumberText, fc.constantFrom('true', 'false', 'null'));

export const hostileJson: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: hostileLeaf },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`) },
    { weight: 1, arbitrary: fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map(obj) },
  ),
})).value;

/** Nesting deeper than any parser or validator should need to recurse through. */
const deeplyNested: fc.Arbitrary<Json> = fc
  .tuple(fc.integer({ min: 50, max: 13_000 }), fc.boolean())
  .map(([depth, arrays]) => (arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));

const RAW_BODIES = [
  '',
  '{',
  'null',
  '[]',
  '"shop"',
  '42',
  'NaN',
  '{"amount":NaN}',
  '{"amount":1e999}',
  '\uFEFF{}',
  'shopId=x&amount=1',
  '{"__proto__":{"isAdmin":true,"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"a":1,"a":2}',
  '\u0000',
];

// ---------------------------------------------------------------- bodies from the schema

/** Ids the seeded shop answers to, so a share of the requests reach the domain's rules. */
export const ID_POOL: Record<string, readonly string[]> = {
  shopId: ['fz-shop', 'fz-shop', 'fz-other', 'no-such-shop'],
  accountId: ['fz-official', 'fz-ads', 'fz-new', 'nobody'],
  memberId: ['m-owner', 'm-fin', 'm-none'],
  requestId: ['fz-unlink', 'req-none'],
  orderId: ['fz-order', 'order-none'],
  withdrawalId: ['fz-wd', 'wd-new', 'wd-none'],
  campaignId: ['fz-campaign', 'camp-none'],
  incidentId: ['fz-incident', 'inc-none'],
  settlementId: ['fz-settle', 'settle-new'],
  streamId: ['shop-fz-shop', 'account-fz-official', '$all', 'nope'],
};
const GENERIC_IDS = ['fz-shop', 'fz-official', 'm-owner', 'x1'];

const idLike = (name: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(ID_POOL[name] ?? GENERIC_IDS)) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/) },
  );

function validish(name: string, schema: OpenApiSchema): fc.Arbitrary<Json> {
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[])).map((v) => JSON.stringify(v));
  switch (schema.type) {
    case 'object':
      return objectBody(schema);
    case 'array':
      return fc.oneof(
        fc.constant(JSON.stringify(schema.example ?? [])),
        fc.array(validish(name, schema.items ?? { type: 'string' }), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
      );
    case 'number':
    case 'integer': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
      const max = typeof schema.maximum === 'number' ? schema.maximum : 1_000_000;
      return fc.oneof(fc.integer({ min, max: Math.min(max, 100_000) }).map(String), fc.constant(JSON.stringify(schema.example ?? min)));
    }
    case 'boolean':
      return fc.boolean().map(String);
    default:
      if (schema.pattern?.startsWith('^[A-Za-z0-9]')) return idLike(name).map(str);
      return fc.oneof(
        fc.constant(str(String(schema.example ?? 'text'))),
        fc.constantFrom('GB', 'GBP', 'DE', 'EUR', 'business_pivot', 'security_breach', 'brand', 'doc:1').map(str),
        fc.string({ maxLength: 12 }).map(str),
      );
  }
}

/** Each field valid-ish, hostile or left out; now and then an unknown or repeated key. */
function objectBody(schema: OpenApiSchema): fc.Arbitrary<Json> {
  const fields = Object.entries((schema.properties ?? {}) as Record<string, OpenApiSchema>).map(([name, property]) =>
    fc.oneof(
      { weight: 12, arbitrary: validish(name, property).map((v) => [[name, v] as const]) },
      { weight: 2, arbitrary: hostileJson.map((v) => [[name, v] as const]) },
      { weight: 1, arbitrary: fc.constant([] as (readonly [string, Json])[]) },
      { weight: 1, arbitrary: fc.tuple(validish(name, property), hostileJson).map(([a, b]) => [[name, a] as const, [name, b] as const]) },
    ),
  );
  const extra = fc.oneof(
    { weight: 8, arbitrary: fc.constant([] as (readonly [string, Json])[]) },
    { weight: 1, arbitrary: fc.array(fc.tuple(hostileKey, hostileJson), { minLength: 1, maxLength: 3 }) },
  );
  return fc.tuple(fc.tuple(...fields), extra).map(([chosen, more]) => obj([...chosen.flat(), ...more]));
}

const bodyFor = (operation: OpenApiOperation): fc.Arbitrary<Json | undefined> => {
  const hostile = fc.oneof(hostileJson, deeplyNested, fc.constantFrom(...RAW_BODIES));
  if (operation.bodySchema === null) {
    return fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: hostile });
  }
  return fc.oneof(
    { weight: 12, arbitrary: objectBody(operation.bodySchema) },
    { weight: 3, arbitrary: hostile },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
};

// ---------------------------------------------------------------- headers, paths, queries

/** Header values go out as bytes: unicode is sent as its UTF-8 bytes, control characters are dropped (Node refuses to send them). */
const headerSafe = (s: string): string =>
  Buffer.from(s, 'utf8')
    .toString('latin1')
    .replace(/[^\t\x20-\x7e\x80-\xff]/g, '');

const hostileHeader = hostileString.map((s) => headerSafe(s.slice(0, 2_000)));

/** A few keys reused across requests: replays and IDEMPOTENCY_KEY_REUSED. */
const REUSED_KEYS = ['fuzz-key-0001', 'fuzz-key-0002', 'fuzz-key-0003'];

const maybeTwice = <T>(one: fc.Arbitrary<T>, other: fc.Arbitrary<T>): fc.Arbitrary<T | T[]> =>
  fc.oneof({ weight: 12, arbitrary: one }, { weight: 1, arbitrary: fc.tuple(one, other).map(([a, b]) => [a, b]) });

function headersFor(
  tokens: FuzzTokens,
  hasBody: boolean,
): fc.Arbitrary<{ headers: Record<string, string | string[]>; validToken: boolean }> {
  const auth = fc.oneof(
    { weight: 14, arbitrary: fc.constant({ value: `Bearer ${tokens.valid}` as string | string[] | undefined, valid: true }) },
    { weight: 1, arbitrary: fc.constant({ value: undefined, valid: false }) },
    { weight: 1, arbitrary: fc.constant({ value: `Bearer ${tokens.readOnly}`, valid: true }) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          `Bearer ${tokens.otherSecret}`,
          `Bearer ${tokens.expired}`,
          'Bearer',
          'Bearer ',
          'bearer x.y.z',
          'Basic YTpi',
          `Bearer ${tokens.valid}x`,
          `Bearer ${tokens.valid.split('.').slice(0, 2).join('.')}.`,
        )
        .map((value) => ({ value: value, valid: false })),
    },
    { weight: 1, arbitrary: hostileHeader.map((value) => ({ value: value, valid: false })) },
    // Duplicate lines: Node keeps the first authorization and drops the rest, so the first decides.
    { weight: 1, arbitrary: fc.constant({ value: [`Bearer ${tokens.valid}`, 'Bearer forged'], valid: true }) },
    { weight: 1, arbitrary: fc.constant({ value: ['Bearer forged', `Bearer ${tokens.valid}`], valid: false }) },
  );
  const key = fc.oneof(
    { weight: 10, arbitrary: fc.uuid().map((u) => u as string | undefined) },
    { weight: 2, arbitrary: fc.constantFrom(...REUSED_KEYS) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: hostileHeader },
  );
  const actor = fc.oneof(
    {
      weight: 10,
      arbitrary: fc.constantFrom(
        'member:m-owner',
        'member:m-fin',
        'member:m-none',
        'system:kyb',
        'system:payouts',
        'system:security',
        'support:agent-1',
      ),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: hostileHeader },
  );
  // Most requests prove their person as a calling service would; some send another's, none or garbage.
  const assertionChoice = fc.oneof(
    { weight: 10, arbitrary: fc.constant('matching' as const) },
    { weight: 1, arbitrary: fc.constantFrom('someone-else' as const, 'none' as const) },
    { weight: 1, arbitrary: hostileHeader },
  );
  const ifMatch = fc.oneof(
    { weight: 10, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom('0', '"3"', '-1', '999999999999999999999999', 'W/"1"', '*', '1.5', '1e3') },
    { weight: 1, arbitrary: hostileHeader },
  );
  const contentType = fc.oneof(
    { weight: 12, arbitrary: fc.constant('application/json') },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'application/vnd.api+json',
        'APPLICATION/JSON',
        'application/json;;;',
        '',
        'application/octet-stream',
      ),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const extras = fc.oneof(
    { weight: 8, arbitrary: fc.constant({}) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'x-correlation-id',
            'last-event-id',
            'accept',
            'x-forwarded-for',
            'accept-encoding',
            'x-calling-service',
            'origin',
          ),
          hostileHeader,
        )
        .map(([k, v]) => ({ [k]: v })),
    },
  );
  return fc
    .record({
      auth,
      key: maybeTwice(key, key),
      actor: maybeTwice(actor, actor),
      ifMatch,
      contentType: maybeTwice(contentType, contentType),
      extras,
      assertion: assertionChoice,
      // A quarter of bodies go chunked, without a content-length.
      chunked: fc.tuple(fc.boolean(), fc.boolean()).map(([a, b]) => a && b),
    })
    .map(({ auth: a, key: k, actor: x, ifMatch: m, contentType: ct, extras: e, assertion: as, chunked }) => {
      const headers: Record<string, string | string[]> = { ...e };
      const set = (name: string, value: string | undefined | readonly (string | undefined)[]) => {
        const values = (typeof value === 'string' || value === undefined ? [value] : [...value]).filter(
          (v): v is string => v !== undefined,
        );
        if (values.length > 0) headers[name] = values.length === 1 ? values[0] : values;
      };
      set('authorization', a.value);
      set('idempotency-key', k);
      set('x-actor', x);
      const named = typeof x === 'string' && Object.hasOwn(tokens.assertions, x) ? tokens.assertions[x] : undefined;
      if (as === 'matching') set('x-actor-assertion', named ?? undefined);
      else if (as === 'someone-else') set('x-actor-assertion', tokens.assertions['member:m-fin']);
      else if (as !== 'none') set('x-actor-assertion', as);
      set('if-match', m);
      if (hasBody) set('content-type', ct);
      if (hasBody && chunked) headers['transfer-encoding'] = 'chunked';
      return { headers, validToken: a.valid };
    });
}

/** A path segment as a client might send it: a known id, a random one, encoded hostile text, or raw oddities. */
const segment = (name: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 10, arbitrary: idLike(name) },
    { weight: 2, arbitrary: hostileString.map((s) => encodeURIComponent(s.slice(0, 3_000))) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '..',
        '.',
        '%',
        '%zz',
        '%00',
        '%2F',
        '%2e%2e',
        'a%ZZb',
        ';',
        'a;b=c',
        '%C0%AE',
        '%FF%FE',
        '\u00ff\u00e9',
        '*',
        '~',
        "'",
        '"',
        'x'.repeat(5_000),
      ),
    },
  );

const queryValue = (name: string): fc.Arbitrary<string> => {
  const sensible: Record<string, readonly string[]> = {
    limit: ['1', '100', '500', '1000'],
    minPosition: ['1', '5'],
    after: ['0', '3'],
    fromRevision: ['0', '2'],
    revision: ['0', '3'],
    format: ['csv', 'jsonl'],
    type: ['FundsCredited', 'ShopRegistered,AccountLinked'],
    types: ['FundsCredited', 'AccountUnlinked,UnlinkRequested'],
    from: ['2026-11-01T00:00:00Z', '2026-11-01'],
    to: ['2026-12-01T00:00:00+01:00'],
    asOf: ['2026-11-01T12:00:00Z'],
    status: ['active', 'deactivated'],
    blocked: ['true', 'false'],
    frozen: ['true', 'false'],
    awaitingConfirmation: ['true', 'false'],
    actor: ['member:m-owner', 'system:kyb'],
    cursor: ['MA', 'ZnotAcursor'],
  };
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(sensible[name] ?? ['1'])) },
    { weight: 1, arbitrary: fc.constantFrom('-1', '0x10', 'NaN', '1e3', '9'.repeat(40), '', '[]', '%zz', 'true', '1.5') },
    { weight: 1, arbitrary: hostileString.map((s) => encodeURIComponent(s.slice(0, 2_000))) },
  );
};

const queryFor = (operation: OpenApiOperation): fc.Arbitrary<string> => {
  const known = operation.queryParams.map((name) =>
    fc.option(
      queryValue(name).map((v) => `${name}=${v}`),
      { freq: 2 },
    ),
  );
  const extra = fc.oneof(
    { weight: 8, arbitrary: fc.constant([] as string[]) },
    {
      weight: 1,
      arbitrary: fc.array(
        fc
          .tuple(
            fc.constantFrom('__proto__', 'constructor', '__proto__[polluted]', 'constructor[prototype][polluted]', 'a[]', 'limit', 'x'),
            queryValue('x'),
          )
          .map(([k, v]) => `${encodeURIComponent(k)}=${v}`),
        { minLength: 1, maxLength: 3 },
      ),
    },
  );
  return fc.tuple(fc.tuple(...known), extra).map(([chosen, more]) => {
    const parts = [...chosen.filter((p): p is string => p !== null), ...more];
    return parts.length === 0 ? '' : `?${parts.join('&')}`;
  });
};

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];

/** A request to one of the documented routes (now and then with another verb). */
function knownRoute(operation: OpenApiOperation, tokens: FuzzTokens): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      method: fc.oneof({ weight: 12, arbitrary: fc.constant(operation.method) }, { weight: 1, arbitrary: fc.constantFrom(...METHODS) }),
      segments: fc.tuple(...operation.pathParams.map(segment)),
      query: queryFor(operation),
      body: bodyFor(operation),
    })
    .chain(({ method, segments, query, body }) =>
      headersFor(tokens, body !== undefined).map(({ headers, validToken }) => {
        let i = 0;
        const path = operation.path.replace(/\{[^}]+\}/g, () => segments[i++]) + query;
        return { request: { method, path, headers, body }, validToken, label: `${operation.method} ${operation.path}` };
      }),
    );
}

/** Routes that do not exist, or that try to climb out of the ones that do. */
function unknownRoute(tokens: FuzzTokens): fc.Arbitrary<FuzzCase> {
  const paths = fc.oneof(
    fc.constantFrom(
      '/',
      '/v1',
      '/v1/',
      '//v1//shops',
      '/v1/shops/fz-shop/../../health',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/v2/shops',
      '/v1/shops/fz-shop/nothing',
      '/docs',
      '/docs-json',
      '/v1/shops?',
    ),
    fc.array(segment('x'), { minLength: 1, maxLength: 6 }).map((s) => `/v1/${s.join('/')}`),
    fc.constant(`/v1/shops/${'a'.repeat(20_000)}`),
  );
  return fc.tuple(fc.constantFrom(...METHODS), paths, fc.option(hostileJson, { freq: 3 })).chain(([method, path, body]) =>
    headersFor(tokens, body !== null).map(({ headers, validToken }) => ({
      request: { method, path, headers, body: body ?? undefined },
      validToken,
      label: 'unknown route',
    })),
  );
}

export function fuzzCase(operations: readonly OpenApiOperation[], tokens: FuzzTokens): fc.Arbitrary<FuzzCase> {
  return fc
    .oneof(
      { weight: 9, arbitrary: fc.oneof(...operations.map((o) => knownRoute(o, tokens))) },
      { weight: 1, arbitrary: unknownRoute(tokens) },
    )
    .map(headOnlyOnShortUrls);
}

/**
 * Node's parser refuses a request line over 16 KiB (431) or with raw bytes outside ASCII (400)
 * with an answer that has a body, which a HEAD client cannot read (it expects none): that would
 * test Node's client, so such requests are GETs.
 */
function headOnlyOnShortUrls(generated: FuzzCase): FuzzCase {
  const readable = generated.request.path.length < 8_000 && /^[\x21-\x7e]*$/.test(generated.request.path);
  if (generated.request.method !== 'HEAD' || readable) return generated;
  return { ...generated, request: { ...generated.request, method: 'GET' } };
}
