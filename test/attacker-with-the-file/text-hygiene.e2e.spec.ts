import { ShoplinkTestApp } from '../support/shoplink-test-app';
import { linkBody, registerShopBody } from '../support/shop-fixtures';

/**
 * Text a caller sends is well-formed Unicode, and names and descriptions hold no control, bidi or
 * zero-width character; regions are ISO 3166-1 alpha-2 codes, currencies ISO 4217 codes. Anything
 * else answers 400 naming the field, and nothing is written.
 */
describe('Text hygiene: malformed or deceptive text is refused and nothing is written', () => {
  let app: ShoplinkTestApp;

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    expect((await app.command('POST', '/v1/shops', registerShopBody('text-shop'))).status).toBe(201);
  });

  afterAll(async () => {
    await app.destroy();
  });

  const head = async (): Promise<string> => (await app.request('GET', '/health/ready')).body.eventStore.head;

  /** The body as JSON text with `"<field>": "<raw>"` in it: `raw` is JSON source, so `\ud800` arrives as a lone surrogate. */
  const withRawText = (body: object, field: string, raw: string): string =>
    JSON.stringify({ ...body, [field]: 'PLACEHOLDER' }).replace('"PLACEHOLDER"', `"${raw}"`);

  const refusals = (answer: { body: { details: { field: string; code: string }[] } }) =>
    answer.body.details.map((d) => `${d.field} ${d.code}`).sort();

  /** Each bad text, as JSON source, and the code it is refused with. */
  const BAD_TEXT: [string, string, string][] = [
    ['a lone surrogate', 'Bad \\ud800 name', 'IS_WELL_FORMED_TEXT'],
    ['a lone low surrogate', 'Bad \\udc00 name', 'IS_WELL_FORMED_TEXT'],
    ['NUL', 'Bad \\u0000 name', 'HAS_NO_HIDDEN_CHARACTERS'],
    ['a C1 control', 'Bad \\u0085 name', 'HAS_NO_HIDDEN_CHARACTERS'],
    ['a newline', 'Bad \\n name', 'HAS_NO_HIDDEN_CHARACTERS'],
    ['U+202E (right-to-left override)', 'Bad \\u202e eman', 'HAS_NO_HIDDEN_CHARACTERS'],
    ['U+2066 (left-to-right isolate)', 'Bad \\u2066 name', 'HAS_NO_HIDDEN_CHARACTERS'],
    ['U+200B (zero-width space)', 'Bad\\u200bname', 'HAS_NO_HIDDEN_CHARACTERS'],
    ['U+200D (zero-width joiner)', 'Bad\\u200dname', 'HAS_NO_HIDDEN_CHARACTERS'],
    ['U+2060 (word joiner)', 'Bad\\u2060name', 'HAS_NO_HIDDEN_CHARACTERS'],
    ['U+FEFF (zero-width no-break space)', '\\ufeffBad name', 'HAS_NO_HIDDEN_CHARACTERS'],
  ];

  /** Every route with a name or description, its field, and a body that is otherwise valid. */
  const TEXT_FIELDS: { route: string; field: string; body: object; actor?: string }[] = [
    { route: 'POST /v1/shops', field: 'name', body: registerShopBody('text-new') },
    { route: 'POST /v1/shops/text-shop/security-incidents', field: 'description', body: { incidentId: 'inc-t' } },
    { route: 'POST /v1/shops/text-shop/security-incidents/inc-t/resolution', field: 'resolution', body: {} },
    { route: 'POST /v1/shops/text-shop/links/acct-t/emergency-unlink', field: 'description', body: { incidentId: 'inc-t' } },
    { route: 'POST /v1/shops/text-shop/withdrawals/w-t/failure', field: 'reason', body: {}, actor: 'system:payouts' },
  ];

  describe.each(TEXT_FIELDS)('$route $field', ({ route, field, body, actor }) => {
    const [method, path] = route.split(' ');
    it.each(BAD_TEXT)('refuses %s (sent as "%s"): 400 %s naming the field, nothing written', async (_, raw, code) => {
      const before = await head();
      const answer = await app.command(method, path, withRawText(body, field, raw), actor ? { actor } : {});
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(refusals(answer)).toEqual([`body.${field} ${code}`]);
      expect(await head()).toBe(before);
    });
  });

  it('refuses a lone surrogate or a control character in a document reference', async () => {
    const before = await head();
    const answer = await app.command('POST', '/v1/shops/text-shop/verification', '{"documents": ["doc:\\ud800", "doc:\\u0000"]}');
    expect(answer.status).toBe(400);
    expect(refusals(answer)).toEqual(['body.documents HAS_NO_HIDDEN_CHARACTERS', 'body.documents IS_WELL_FORMED_TEXT']);
    expect(await head()).toBe(before);
  });

  it.each(['ZZ', 'XX', 'AA', 'EU', 'UK'])('refuses region %s, which is not an ISO 3166-1 alpha-2 code: 400 naming it', async (region) => {
    const before = await head();
    const shop = await app.command('POST', '/v1/shops', registerShopBody('text-region', { region }));
    expect(shop.status).toBe(400);
    expect(refusals(shop)).toEqual(['body.region IS_REGION']);
    const link = linkBody('acct-region', 'marketing');
    const answer = await app.command('POST', '/v1/shops/text-shop/links', { ...link, profile: { ...link.profile, region } });
    expect(answer.status).toBe(400);
    expect(refusals(answer)).toEqual(['body.profile.region IS_REGION']);
    expect(await head()).toBe(before);
  });

  it.each(['QQQ', 'XXX', 'gbp', 'GB'])('refuses currency %s, which is not an ISO 4217 code: 400 naming it', async (currency) => {
    const before = await head();
    const answer = await app.command('POST', '/v1/shops', registerShopBody('text-currency', { currency }));
    expect(answer.status).toBe(400);
    expect(refusals(answer)).toEqual(['body.currency IS_CURRENCY']);
    expect(await head()).toBe(before);
  });

  it('refuses region ZZ with currency QQQ, naming both', async () => {
    const before = await head();
    const answer = await app.command('POST', '/v1/shops', registerShopBody('text-zz', { region: 'ZZ', currency: 'QQQ' }));
    expect(answer.status).toBe(400);
    expect(refusals(answer)).toEqual(['body.currency IS_CURRENCY', 'body.region IS_REGION']);
    expect(await head()).toBe(before);
  });

  it('accepts real codes and ordinary text: GB, US, DE; GBP, USD, EUR; accents, CJK, emoji (joined ones too), right-to-left script', async () => {
    const shops: [string, string, string, string][] = [
      ['text-gb', 'GB', 'GBP', 'Crème Brûlée & Co'],
      ['text-us', 'US', 'USD', '東京ストア 🛍️ 👩🏽‍💻 🏳️‍🌈'], // a zero-width joiner inside an emoji sequence is what it looks like
      ['text-de', 'DE', 'EUR', 'متجر العلامة'],
    ];
    for (const [shopId, region, currency, name] of shops) {
      const answer = await app.command('POST', '/v1/shops', registerShopBody(shopId, { region, currency, name }));
      expect(answer.status).toBe(201);
    }
  });
});
