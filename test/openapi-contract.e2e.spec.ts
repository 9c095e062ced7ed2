import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ShoplinkTestApp } from './support/shoplink-test-app';
import { ShopScenario } from './support/shop-scenarios';

const ROOT = join(__dirname, '..');
const COMMITTED_TYPES = join(ROOT, 'test/support/api-client/schema.d.ts');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

interface LintProblem {
  readonly severity: string;
  readonly rule: string;
  readonly message: string;
  readonly where: string;
}

/**
 * The OpenAPI document is the contract a client team builds on: it lints clean with Redocly's
 * recommended rules, it declares what every route reads and answers, and the typed client the
 * tests use (test/support/api-client) is generated from it, so the two cannot drift apart.
 * The linter and the generator are ES modules Jest cannot load: they run as the scripts a person runs.
 */
describe('OpenAPI contract: lint, completeness, the committed client types', () => {
  let app: ShoplinkTestApp;
  let document: any;
  let scratch: string;
  let documentFile: string;

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    document = (await app.request('GET', '/docs-json', undefined, { authorization: '' })).body;
    scratch = mkdtempSync(join(tmpdir(), 'shoplink-openapi-'));
    documentFile = join(scratch, 'docs-json.json');
    writeFileSync(documentFile, JSON.stringify(document));
  });

  afterAll(async () => {
    await app.destroy();
    rmSync(scratch, { recursive: true, force: true });
  });

  const operations = (): { path: string; method: string; operation: any }[] =>
    Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method] !== undefined).map((method) => ({ path, method, operation: item[method] })),
    );

  it('lints with zero errors under the recommended rules of @redocly/openapi-core', () => {
    const output = execFileSync(process.execPath, ['scripts/lint-openapi.js', '--document', documentFile, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const { errors, warnings } = JSON.parse(output) as { errors: LintProblem[]; warnings: LintProblem[] };
    // Listed whole on failure: rule, where and why.
    expect(errors).toEqual([]);
    // Known and accepted: no license URL (the service is private); the health probes have no 4xx answer.
    expect(warnings.map((w) => w.rule).sort()).toEqual(['info-license-strict', 'operation-4xx-response', 'operation-4xx-response']);
  });

  it('declares every path parameter, with the id format, so Swagger UI and clients send the real ids', () => {
    const missing = operations().flatMap(({ path, method, operation }) =>
      [...path.matchAll(/\{([^}]+)\}/g)]
        .map((match) => match[1])
        .filter(
          (name) =>
            !(operation.parameters ?? []).some(
              (p: any) => p.in === 'path' && p.name === name && p.required === true && p.schema?.type === 'string',
            ),
        )
        .map((name) => `${method.toUpperCase()} ${path}: ${name}`),
    );
    expect(missing).toEqual([]);
    const shop = document.paths['/v1/shops/{shopId}'].get;
    expect(shop.parameters[0]).toMatchObject({
      name: 'shopId',
      in: 'path',
      required: true,
      schema: { pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' },
    });
  });

  it('documents each command: its headers with their formats, its body, its real success status and its refusals as ErrorBody', () => {
    const commands = operations().filter(({ operation }) => operation['x-shop-command'] !== undefined);
    expect(commands.length).toBeGreaterThanOrEqual(30);
    for (const { path, method, operation } of commands) {
      const where = `${method.toUpperCase()} ${path}`;
      const header = (name: string) => operation.parameters.find((p: any) => p.in === 'header' && p.name === name);
      expect({ where, key: header('Idempotency-Key') }).toMatchObject({
        where,
        key: { required: true, schema: { pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$', minLength: 8, maxLength: 128 } },
      });
      expect({ where, actor: header('X-Actor') }).toMatchObject({
        where,
        actor: { required: true, schema: { pattern: '^(member|support|system):([A-Za-z0-9][A-Za-z0-9._-]{0,63})$' } },
      });
      for (const name of ['X-Actor-Assertion', 'X-Correlation-Id', 'If-Match'])
        expect({ where, name, required: header(name)?.required }).toEqual({ where, name, required: false });
      const success = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
      expect({ where, success }).toEqual({ where, success: [path === '/v1/shops' ? '201' : '200'] });
      expect(operation.responses[success[0]].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CommandAnswer' });
      for (const status of ['400', '401', '403', '404', '409', '422', '429'])
        expect({ where, status, schema: operation.responses[status]?.content?.['application/json']?.schema }).toEqual({
          where,
          status,
          schema: { $ref: '#/components/schemas/ErrorBody' },
        });
    }
    expect(document.components.schemas.ErrorBody.required).toEqual(['statusCode', 'error', 'code', 'message', 'details']);
  });

  it('names the response headers: X-Correlation-Id on every answer, the rate limit on authenticated ones, Retry-After on 429', () => {
    for (const { path, method, operation } of operations()) {
      const authenticated = (operation.security ?? []).some((s: object) => 'service-token' in s);
      const isPublic = path.startsWith('/health');
      expect({ where: `${method} ${path}`, authenticated }).toEqual({ where: `${method} ${path}`, authenticated: !isPublic });
      if (isPublic) expect(operation.security).toEqual([]);
      for (const [status, response] of Object.entries(operation.responses as Record<string, any>)) {
        const names = Object.keys(response.headers ?? {});
        const where = `${method} ${path} ${status}`;
        expect({ where, correlation: names.includes('X-Correlation-Id') }).toEqual({ where, correlation: true });
        if (authenticated && status !== '401')
          expect({ where, names }).toEqual({
            where,
            names: expect.arrayContaining(['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset']),
          });
        if (status === '429') expect({ where, names }).toEqual({ where, names: expect.arrayContaining(['Retry-After']) });
      }
    }
  });

  it('describes real shop status and account answers exactly: every field the schema names, of its type, and no other', async () => {
    const shops = new ShopScenario(app);
    await shops.verifiedShop('contract-shop');
    await shops.link('contract-shop', 'acct-contract', 'official');
    await shops.link('contract-shop', 'acct-contract-ads', 'marketing');
    await shops.grant('contract-shop', 'm-viewer', 'viewer');
    await shops.startCampaign('contract-shop', 'c-contract', 'acct-contract-ads');
    const last = await shops.placeOrder('contract-shop', 'o-contract');
    const answer = await app.query('/v1/shops/contract-shop', last);
    expect(answer.status).toBe(200);
    const schema = document.paths['/v1/shops/{shopId}'].get.responses['200'].content['application/json'].schema;
    expect(mismatches(answer.body, schema, document.components.schemas, '$')).toEqual([]);
    const account = await app.query('/v1/accounts/acct-contract', last);
    expect(account.status).toBe(200);
    const accountSchema = document.paths['/v1/accounts/{accountId}'].get.responses['200'].content['application/json'].schema;
    expect(mismatches(account.body, accountSchema, document.components.schemas, '$')).toEqual([]);
  });

  it('matches the committed client types: regenerating them from this document changes nothing', () => {
    const regenerated = join(scratch, 'schema.d.ts');
    execFileSync(process.execPath, ['scripts/generate-api-client.js', '--document', documentFile, '--out', regenerated], { cwd: ROOT });
    const committed = readFileSync(COMMITTED_TYPES, 'utf8');
    const verdict = readFileSync(regenerated, 'utf8') === committed ? 'current' : 'stale: run npm run generate:api-client and commit it';
    expect(`test/support/api-client/schema.d.ts is ${verdict}`).toBe('test/support/api-client/schema.d.ts is current');
  });
});

/**
 * Where a JSON value departs from an OpenAPI schema (the subset Nest writes: $ref, allOf, nullable,
 * type, enum, properties with required, items), each as `path: problem`. A property the schema does
 * not name counts too, so a field added to the read model without the schema shows up.
 */
function mismatches(value: unknown, schema: any, schemas: Record<string, any>, at: string): string[] {
  if (schema.$ref) return mismatches(value, schemas[schema.$ref.split('/').pop()], schemas, at);
  if (value === null) return schema.nullable ? [] : [`${at}: null, not nullable`];
  if (schema.allOf) return schema.allOf.flatMap((part: any) => mismatches(value, part, schemas, at));
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} not in ${schema.enum.join('|')}`];
  const actual = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  const expected = schema.type ?? 'object';
  if (!(actual === expected || (expected === 'number' && actual === 'integer'))) return [`${at}: ${actual}, not ${expected}`];
  if (actual === 'array') return (value as unknown[]).flatMap((item, i) => mismatches(item, schema.items, schemas, `${at}[${i}]`));
  if (actual !== 'object' || schema.properties === undefined) return [];
  const record = value as Record<string, unknown>;
  return [
    ...Object.keys(record)
      .filter((key) => !(key in schema.properties))
      .map((key) => `${at}.${key}: not in the schema`),
    ...(schema.required ?? []).filter((key: string) => !(key in record)).map((key: string) => `${at}.${key}: missing`),
    ...Object.entries(schema.properties)
      .filter(([key]) => key in record)
      .flatMap(([key, property]) => mismatches(record[key], property, schemas, `${at}.${key}`)),
  ];
}
