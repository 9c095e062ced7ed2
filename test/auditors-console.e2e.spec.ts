import { DEFAULT_POLICY_JSON } from '@shoplink/shops';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

const SHIPPED_POLICY_VERSION = (DEFAULT_POLICY_JSON as { version: string }).version;

const ARTIFACTS = join(__dirname, 'artifacts');
const DOCS = join(__dirname, '..', 'docs');
/** `UPDATE_SCREENSHOTS=1 npx jest test/auditors-console.e2e.spec.ts` also refreshes the console's pictures in docs/. */
const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
const AXE = require.resolve('axe-core');

/** What axe-core reports of one rule the page breaks (the fields the test prints). */
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Boxes that stick out: an element wider than the viewport, or whose content is wider than itself. */
interface Clipped {
  what: string;
  left: number;
  right: number;
  scrollWidth: number;
  clientWidth: number;
}

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

  /** A screenshot in test/artifacts/; with UPDATE_SCREENSHOTS=1, also copied to docs/ under `docsName`. */
  async function shot(name: string, docsName?: string, on: Page = page): Promise<void> {
    const path = join(ARTIFACTS, `console-${name}.png`);
    await on.screenshot({ path, fullPage: true });
    if (UPDATE_SCREENSHOTS && docsName) copyFileSync(path, join(DOCS, docsName));
  }
  const stateValue = (term: string) => page.locator('#state-summary dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');

  async function openConsole(on: Page = page): Promise<void> {
    await on.goto(`${app.baseUrl}/console`);
    await on.getByLabel('Access token').fill(await consoleToken());
    await on.getByRole('button', { name: 'Use token' }).click();
    await on.getByLabel('Shop id').fill('console-shop');
    await on.getByLabel('Shop id').press('Enter');
    await on.locator('#shop-title').getByText('Shop console-shop').waitFor();
  }

  /** axe-core's violations on the page as it is (every impact; the test keeps the serious and critical ones). */
  async function axeViolations(on: Page): Promise<AxeViolation[]> {
    await on.addScriptTag({ path: AXE });
    return on.evaluate(async () => {
      const results = await (globalThis as any).axe.run((globalThis as any).document, { resultTypes: ['violations'] });
      return results.violations.map((v: any) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n: any) => ({ target: n.target })),
      }));
    });
  }

  /**
   * Every card, column and form of the page, and every cell of the timeline, that is clipped: wider
   * than its content box allows (scrollWidth > clientWidth), or reaching past the viewport (a card)
   * or past the timeline's scroll box (a cell, which would then need a sideways scroll to be read).
   */
  async function clippedBoxes(on: Page): Promise<Clipped[]> {
    return on.evaluate(() => {
      const doc = (globalThis as any).document;
      const viewport = doc.documentElement.clientWidth;
      const wrap = doc.querySelector('.table-wrap').getBoundingClientRect();
      const name = (node: any) =>
        `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.className ? `.${String(node.className).trim().split(/\s+/).join('.')}` : ''}` +
        ` "${String(node.textContent).trim().replace(/\s+/g, ' ').slice(0, 30)}"`;
      const clipped: Clipped[] = [];
      const check = (node: any, right: number, left: number) => {
        const box = node.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) return; // not shown
        if (box.left < left - 0.5 || box.right > right + 0.5 || node.scrollWidth > node.clientWidth + 1)
          clipped.push({
            what: name(node),
            left: box.left,
            right: box.right,
            scrollWidth: node.scrollWidth,
            clientWidth: node.clientWidth,
          });
      };
      for (const node of doc.querySelectorAll('header, form, main, .columns, .column, .card, .table-wrap, .verdict, dl.state, footer'))
        check(node, viewport, 0);
      // On a narrow screen the header row is hidden but for screen readers (a 1 px box): each cell names its column.
      const headerShown = doc.querySelector('#timeline thead').getBoundingClientRect().width > 1;
      for (const node of doc.querySelectorAll(headerShown ? '#timeline th, #timeline td' : '#timeline td'))
        check(node, wrap.right, wrap.left);
      if (doc.documentElement.scrollWidth > viewport)
        clipped.push({
          what: 'the page (scrolls sideways)',
          left: 0,
          right: viewport,
          scrollWidth: doc.documentElement.scrollWidth,
          clientWidth: viewport,
        });
      return clipped;
    });
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
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
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
    // The policy the registration was decided under (the shipped one).
    await eventually(async () => expect(await stateValue('Decided under policy').textContent()).toBe(`version ${SHIPPED_POLICY_VERSION}`));
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
    await shot('linked', 'auditors-console.png');

    // A date typed in: day two, 10:59:59, a second before the marketing account was asked for.
    await page.getByLabel('Or a date and time (UTC)').fill('2026-11-02T10:59:59Z');
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

  // 1,400 px: a laptop; 420 px: a phone held upright.
  it.each([1400, 420])(
    'at %i px wide: no serious or critical axe-core violation, no card or column clipped, and a 24-hour UTC date-time field',
    async (width) => {
      // axe-core goes in as an inline script, which the console's policy (script-src 'self') would refuse: this context bypasses it.
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const narrow = await context.newPage();
      try {
        const stateAsked: string[] = [];
        narrow.on('request', (request) => request.url().includes('/state?') && stateAsked.push(request.url()));
        await openConsole(narrow);
        await eventually(async () => expect(await narrow.locator('#timeline tbody tr').count()).toBe(13));
        await narrow.locator('#state-summary').waitFor();
        await narrow.getByText('Full replayed state (JSON)').click(); // its scroll box is checked too

        await shot(`${width}`, `auditors-console-${width}.png`, narrow);
        const violations = await axeViolations(narrow);
        const clipped = await clippedBoxes(narrow);
        writeFileSync(join(ARTIFACTS, `console-axe-${width}.json`), JSON.stringify({ violations, clipped }, null, 2));
        const serious = violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
        expect(serious).toEqual([]);
        expect(clipped).toEqual([]);
        if (width === 1400) {
          // Two columns: the timeline's "What happened" gets room to be read, not a strip of a word or two per line.
          const [what, table] = await Promise.all([
            narrow.locator('#timeline th.what').boundingBox(),
            narrow.locator('#timeline').boundingBox(),
          ]);
          expect(what!.width / table!.width).toBeGreaterThanOrEqual(0.25); // about a fifth before the left column was capped
        }

        // The timeline's scroll box is the next stop after the filters' last button, and scrolls from the keyboard.
        await narrow.getByRole('button', { name: 'Clear' }).focus();
        await narrow.keyboard.press('Tab');
        const timeline = narrow.getByRole('region', { name: 'Timeline events (scrolls)' });
        expect(await timeline.evaluate((node) => node === (globalThis as any).document.activeElement)).toBe(true);
        await narrow.keyboard.press('End');
        await eventually(async () => expect(await timeline.evaluate((node: any) => node.scrollTop)).toBeGreaterThan(0));
        await narrow.keyboard.press('Home');
        await eventually(async () => expect(await timeline.evaluate((node: any) => node.scrollTop)).toBe(0));

        // The field shows and takes a 24-hour UTC instant; the slider's last moment, 11:00 on day three, fills it.
        const field = narrow.getByLabel('Or a date and time (UTC)');
        expect(await field.getAttribute('type')).toBe('text');
        await eventually(async () => expect(await field.inputValue()).toBe('2026-11-03T11:00:00Z'));
        // An afternoon instant, typed in: the state is asked as of that very instant.
        await field.fill('2026-11-01T14:30:00Z');
        await narrow.getByRole('button', { name: 'Show state' }).click();
        await narrow.locator('#state-summary dd', { hasText: '2026-11-01 14:30:00 UTC' }).waitFor();
        expect(new URL(stateAsked[stateAsked.length - 1]).searchParams.get('asOf')).toBe('2026-11-01T14:30:00Z');
        await eventually(async () =>
          expect(
            await narrow.locator('#state-summary dt', { hasText: 'Verification' }).locator('xpath=following-sibling::dd[1]').textContent(),
          ).toBe('verified'),
        );
        // A 12-hour time, or an instant that does not exist, is refused without asking the service.
        const asked = stateAsked.length;
        for (const wrong of ['2026-11-01 2:30 PM', '2026-11-01T24:30:00Z', '2026-02-30T10:00:00Z']) {
          await field.fill(wrong);
          await narrow.getByRole('button', { name: 'Show state' }).click();
          await eventually(async () => expect(await field.getAttribute('aria-invalid')).toBe('true'));
          await eventually(async () => expect(await narrow.locator('#message').textContent()).toMatch(/24-hour UTC/));
        }
        expect(stateAsked).toHaveLength(asked);
        await field.fill('2026-11-01T14:30:00Z');
        await narrow.getByRole('button', { name: 'Show state' }).click();
        await eventually(async () => expect(await field.getAttribute('aria-invalid')).toBeNull());
      } finally {
        await context.close();
      }
    },
  );

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
    await shot('tampered', 'auditors-console-tampered.png');
  });
});
