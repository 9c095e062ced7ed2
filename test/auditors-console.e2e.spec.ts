import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { consoleToken } from './support/console-token';
import { eventually } from './support/eventually';
import { launchChromium } from './support/headless-chromium';
import { registerShopBody } from './support/shop-fixtures';
import { PAYOUTS, ShopScenario } from './support/shop-scenarios';
import { ShoplinkTestApp } from './support/shoplink-test-app';
import { DataFileTamperer } from './support/tamper-with-data-file';
import { TestClock } from './support/test-clock';

const ARTIFACTS = join(__dirname, 'artifacts');

// A browser on two cores: each step waits on the page, which waits on the service.
jest.setTimeout(30_000);

/**
 * The auditor's console in a real browser (Debian's Chromium, headless) against the running
 * service: open a shop with a few days of history, move through time and see the state change,
 * filter the timeline, download the export, and run the integrity check before and after the
 * data file is tampered with. Screenshots land in test/artifacts/.
 */
describe("Auditor's console in the browser", () => {
  const clock = new TestClock('2026-11-01T09:00:00.000Z');
  let app: ShoplinkTestApp;
  let browser: Browser;
  let page: Page;

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `console-${name}.png`), fullPage: true });
  const stateValue = (term: string) => page.locator('#state-summary dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');

  async function openConsole(): Promise<void> {
    await page.goto(`${app.baseUrl}/console`);
    await page.getByLabel('Access token').fill(await consoleToken());
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.getByLabel('Shop id').fill('console-shop');
    await page.getByLabel('Shop id').press('Enter');
    await page.locator('#shop-title').getByText('Shop console-shop').waitFor();
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    app = await ShoplinkTestApp.start({ clock });
    const scenario = new ShopScenario(app);
    // Three days of history: registered and verified on day one, accounts linked on day two, money on day three.
    expect((await app.command('POST', '/v1/shops', registerShopBody('console-shop', { name: 'Console Brand Store' }))).status).toBe(201);
    clock.advanceHours(2);
    expect(
      (await app.command('POST', '/v1/shops/console-shop/verification', { documents: ['doc:incorporation', 'doc:bank'] })).status,
    ).toBe(200);
    clock.advanceHours(3);
    expect(
      (await app.command('POST', '/v1/shops/console-shop/verification/decision', { outcome: 'verified' }, { actor: 'system:kyb' })).status,
    ).toBe(200);
    expect((await app.command('POST', '/v1/shops/console-shop/graduation', undefined, { actor: 'system:onboarding' })).status).toBe(200);
    clock.advanceHours(20);
    await scenario.link('console-shop', 'tt-console-official', 'official');
    clock.advanceHours(1);
    await scenario.link('console-shop', 'tt-console-ads', 'marketing');
    await scenario.grant('console-shop', 'm-finance', 'finance');
    clock.advanceHours(24);
    await scenario.placeOrder('console-shop', 'order-1', 4_999);
    const last = await app.command(
      'POST',
      '/v1/shops/console-shop/credits',
      { settlementId: 'settle-1', orderId: 'order-1', amount: 4_999 },
      PAYOUTS,
    );
    expect(last.status).toBe(200);
    expect((await app.query('/v1/shops/console-shop', last)).status).toBe(200);

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.destroy();
  });

  it('serves a static page with labelled controls and a strict content security policy', async () => {
    const answer = await app.request('GET', '/console');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(answer.body).not.toContain('console-shop'); // a shell: the data comes from the JSON routes, with the token
    expect((await app.request('GET', '/console/console.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('opens a shop, shows its timeline, and moves through time with the slider to show the state as it was', async () => {
    const requests: { url: string; authorization: string | undefined }[] = [];
    page.on('request', (request) => requests.push({ url: request.url(), authorization: request.headers().authorization }));
    await openConsole();
    await eventually(async () => expect(await page.locator('#timeline tbody tr').count()).toBe(13));
    // A member's command shows how the member was proven (a password and a one-time code); a service's shows none.
    const registration = page.locator('#timeline tbody tr[data-revision="0"] td').nth(3);
    await eventually(async () => expect(await registration.textContent()).toMatch(/^member:m-owner\s*Signed in with pwd \+ otp at \d{4}-/));
    const kyb = page.locator('#timeline tbody tr[data-revision="2"] td').nth(3);
    await eventually(async () => expect(await kyb.textContent()).toBe('system:kyb'));
    await eventually(async () => expect(await stateValue('Status').textContent()).toBe('active'));
    await eventually(async () => expect(await stateValue('Money available').textContent()).toBe('£49.99'));
    await eventually(async () =>
      expect(await stateValue('Linked accounts').textContent()).toContain('@tt_console_official (tt-console-official): official, linked'),
    );
    await shot('now');

    // Keyboard only: the slider to the first moment, the registration.
    await page.getByLabel("Moment in the shop's history").focus();
    await page.keyboard.press('Home');
    await eventually(async () =>
      expect(await page.locator('#moment-label').textContent()).toMatch(
        /2026-11-01 09:00:00 UTC: after ShopRegistered \(moment 1 of \d+\)/,
      ),
    );
    await page
      .locator('#state-summary dt', { hasText: 'Events replayed' })
      .locator('xpath=following-sibling::dd[1]', { hasText: '1 (up to revision 0' })
      .waitFor();
    await eventually(async () => expect(await stateValue('Verification').textContent()).toBe('unverified'));
    await eventually(async () => expect(await stateValue('Linked accounts').textContent()).toBe('none'));
    await eventually(async () => expect(await stateValue('Money available').textContent()).toBe('£0.00'));
    await shot('registered');

    // Forward through the moments to the official account's link (day two).
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight');
    await eventually(async () =>
      expect(await page.locator('#moment-label').textContent()).toMatch(
        /2026-11-02 10:00:00 UTC: after AccountLinkRequested, AccountLinkAuthorized, AccountLinked \(moment 4 of 6\)/,
      ),
    );
    await page.locator('#state-summary dd', { hasText: 'official, linked' }).waitFor();
    await eventually(async () => expect(await stateValue('Verification').textContent()).toBe('verified'));
    await eventually(async () => expect(await stateValue('Linked accounts').textContent()).not.toContain('tt-console-ads'));
    await eventually(async () => expect(await page.locator('#timeline tr.current td').first().textContent()).toBe('6'));
    await shot('linked');

    // A date typed in: day two, 10:59:59, a second before the marketing account was asked for.
    await page.getByLabel('Or a date and time (UTC)').fill('2026-11-02T10:59:59');
    await page.getByRole('button', { name: 'Show state' }).click();
    await page.locator('#state-summary dd', { hasText: '2026-11-02 10:59:59 UTC' }).waitFor();
    await eventually(async () =>
      expect(await stateValue('Linked accounts').textContent()).toBe('@tt_console_official (tt-console-official): official, linked'),
    );

    // Every data request carried the pasted token; nothing went to another origin.
    const token = await consoleToken();
    const dataRequests = requests.filter((r) => r.url.includes('/v1/'));
    expect(dataRequests.length).toBeGreaterThan(3);
    expect(dataRequests.every((r) => r.authorization === `Bearer ${token}`)).toBe(true);
    expect(requests.every((r) => r.url.startsWith(app.baseUrl))).toBe(true);
  });

  it('filters the timeline and downloads the export', async () => {
    await page.getByLabel('Event type').selectOption('AccountLinked');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await eventually(async () => expect(await page.locator('#timeline tbody tr').count()).toBe(2));
    await eventually(async () =>
      expect(await page.locator('#timeline-caption').textContent()).toBe('2 events shown, oldest first (filtered)'),
    );
    await shot('filtered');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('shop-console-shop-history.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n').filter((line) => line !== '')).toHaveLength(3); // header and the two AccountLinked entries
    await page.getByRole('button', { name: 'Clear' }).click();
    await eventually(async () => expect(await page.locator('#timeline tbody tr').count()).toBe(13));
  });

  it('checks integrity: green while intact, red naming the first bad event once the data file is altered', async () => {
    await page.getByRole('button', { name: 'Check integrity' }).click();
    const verdict = page.locator('#integrity-verdict');
    await eventually(async () => expect(await verdict.textContent()).toMatch(/Intact/));
    expect(await verdict.getAttribute('class')).toMatch(/\bok\b/);
    await eventually(async () =>
      expect(await verdict.textContent()).toMatch(/All 13 events of shop-console-shop and 2 account streams chain correctly/),
    );
    expect(await verdict.evaluate((node) => (globalThis as any).getComputedStyle(node).backgroundColor)).toBe('rgb(218, 251, 225)');
    await shot('intact');

    // An intruder with write access to the file changes who got the finance role.
    await app.stop();
    new DataFileTamperer(app.config.dataFile).alterData('shop-console-shop', 10, '$.role', 'admin');
    await app.boot();
    const events = await app.request('GET', '/v1/audit/streams/shop-console-shop/events?fromRevision=10&limit=1');
    const altered = events.body.events[0];
    expect(altered).toMatchObject({ type: 'AccessGranted', data: { role: 'admin' } });

    await openConsole();
    await page.getByRole('button', { name: 'Check integrity' }).click();
    await eventually(async () => expect(await verdict.textContent()).toMatch(/Tampered/));
    expect(await verdict.getAttribute('class')).toMatch(/\bbad\b/);
    await eventually(async () =>
      expect(await verdict.textContent()).toMatch(
        new RegExp(`First bad event: shop-console-shop revision 10, event ${altered.id} \\(altered\\)`),
      ),
    );
    expect(await verdict.evaluate((node) => (globalThis as any).getComputedStyle(node).backgroundColor)).toBe('rgb(255, 235, 233)');
    await shot('tampered');
  });
});
