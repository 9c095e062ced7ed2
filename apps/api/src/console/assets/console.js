// Shoplink auditor's console: a static page that reads the service's JSON routes with the
// auditor's bearer token. Nothing here writes; no request leaves this origin.
'use strict';

(() => {
  const TOKEN_KEY = 'shoplink.console.token';
  const HISTORY_PAGE = 500;
  const MAX_TIMELINE_PAGES = 20; // the slider covers at most 10,000 events
  const $ = (selector) => document.querySelector(selector);

  const view = {
    shopId: null,
    moments: [], // distinct occurredAt values of the whole (unfiltered) timeline, oldest first
    nextCursor: null,
    stateRequest: 0,
  };

  // --- The one place requests are sent: every call carries the pasted token. ---------------

  /** GET a route of this service with the auditor's token; throws an Error naming the refusal. */
  async function api(path) {
    const headers = { accept: 'application/json, application/x-ndjson, text/csv' };
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(path, { headers, credentials: 'omit', cache: 'no-store' });
    if (response.ok) return response;
    let body = null;
    try {
      body = await response.json();
    } catch {
      // not JSON: the status says enough
    }
    const error = new Error(refusalText(response.status, body));
    error.status = response.status;
    error.code = body && body.code;
    throw error;
  }

  const json = async (path) => (await api(path)).json();

  function refusalText(status, body) {
    if (status === 401) return 'The service wants a token: paste one with the audit:read scope above.';
    if (status === 403) return 'This token may not read audits (it needs the audit:read scope).';
    if (body && body.message) return `${body.message}${body.code ? ` (${body.code})` : ''}`;
    return `The service answered ${status}.`;
  }

  // --- Small helpers -------------------------------------------------------------------------

  function say(text, isError = false) {
    const message = $('#message');
    message.textContent = text;
    message.classList.toggle('error', isError);
  }

  function el(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else node.setAttribute(key, value);
    }
    for (const child of [].concat(children)) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    return node;
  }

  const utc = (iso) =>
    iso
      ? iso
          .replace('T', ' ')
          .replace(/\.\d{3}Z$/, 'Z')
          .replace(/Z$/, ' UTC')
      : '';

  function minor(amount, currency) {
    if (typeof amount !== 'number') return String(amount);
    try {
      const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
      return new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount / 10 ** digits);
    } catch {
      return `${amount} (minor units)`;
    }
  }

  async function busy(button, work) {
    button.disabled = true;
    try {
      await work();
    } catch (error) {
      say(error.message, true);
    } finally {
      button.disabled = false;
    }
  }

  // --- Token ---------------------------------------------------------------------------------

  $('#token').value = sessionStorage.getItem(TOKEN_KEY) || '';
  $('#token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('#token').value.trim();
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
    say(token ? 'Token set for this tab.' : 'No token set.');
    void loadKnownShops();
    if (view.shopId) void openShop(view.shopId);
  });
  $('#forget-token').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    $('#token').value = '';
    say('Token forgotten.');
  });

  // --- Search a shop -------------------------------------------------------------------------

  /** Suggestions for the shop field: the first page of the operational list, when the token may read it. */
  async function loadKnownShops() {
    if (!sessionStorage.getItem(TOKEN_KEY)) return; // nothing is asked before the auditor has given a token
    try {
      const page = await json('/v1/shops?limit=200');
      const list = $('#known-shops');
      list.replaceChildren(...page.shops.map((shop) => el('option', { value: shop.shopId }, shop.name ? [shop.name] : [])));
    } catch {
      // Suggestions only; the field still takes any id.
    }
  }

  $('#shop-search').addEventListener('submit', (event) => {
    event.preventDefault();
    const shopId = $('#shop-id').value.trim();
    if (shopId) void openShop(shopId);
  });

  async function openShop(shopId) {
    say(`Opening ${shopId}…`);
    try {
      const moments = await allMoments(shopId);
      view.shopId = shopId;
      view.moments = moments;
      history.replaceState(null, '', `/console?shop=${encodeURIComponent(shopId)}`);
      $('#shop').hidden = false;
      $('#shop-title').textContent = `Shop ${shopId}`;
      $('#integrity-verdict').hidden = true;
      const slider = $('#moment');
      slider.max = String(Math.max(0, moments.length - 1));
      slider.value = slider.max;
      await Promise.all([showTimeline(true), showMoment(moments.length - 1)]);
      say(`${shopId}: ${moments.length} moment${moments.length === 1 ? '' : 's'} in its history.`);
      $('#shop-title').focus();
    } catch (error) {
      say(error.status === 404 ? `No shop ${shopId}.` : error.message, true);
    }
  }

  /** The distinct moments of the whole history, for the slider (the timeline's filters do not apply to it). */
  async function allMoments(shopId) {
    const moments = [];
    let cursor = null;
    for (let page = 0; page < MAX_TIMELINE_PAGES; page++) {
      const query = new URLSearchParams({ limit: String(HISTORY_PAGE) });
      if (cursor) query.set('cursor', cursor);
      const answer = await json(`/v1/shops/${encodeURIComponent(shopId)}/history?${query}`);
      for (const entry of answer.entries) {
        const last = moments[moments.length - 1];
        if (last && last.occurredAt === entry.occurredAt) last.entries.push(entry);
        else moments.push({ occurredAt: entry.occurredAt, entries: [entry] });
      }
      cursor = answer.nextCursor;
      if (!cursor) break;
    }
    return moments;
  }

  // --- Timeline with filters -----------------------------------------------------------------

  function filterQuery() {
    const query = new URLSearchParams();
    const type = $('#filter-type').value;
    const from = $('#filter-from').value;
    const to = $('#filter-to').value;
    const actor = $('#filter-actor').value.trim();
    if (type) query.set('type', type);
    if (from) query.set('from', from);
    if (to) query.set('to', to);
    if (actor) query.set('actor', actor);
    return query;
  }

  async function showTimeline(fresh) {
    const query = filterQuery();
    query.set('limit', '100');
    if (!fresh && view.nextCursor) query.set('cursor', view.nextCursor);
    const answer = await json(`/v1/shops/${encodeURIComponent(view.shopId)}/history?${query}`);
    const body = $('#timeline tbody');
    if (fresh) body.replaceChildren();
    for (const entry of answer.entries) {
      body.append(
        el('tr', { 'data-revision': String(entry.revision) }, [
          el('td', { class: 'num', 'data-label': 'Rev.', text: String(entry.revision) }),
          el('td', { class: 'when', 'data-label': 'When (UTC)', text: utc(entry.occurredAt) }),
          el('td', { class: 'type', 'data-label': 'Event', text: entry.type }),
          el('td', { class: 'actor', 'data-label': 'Actor' }, [
            entry.actor ?? '',
            entry.authMethods
              ? el('div', {
                  class: 'hint',
                  'data-auth': entry.authMethods,
                  text: `Signed in with ${entry.authMethods.split(' ').join(' + ')} at ${utc(entry.authTime)}`,
                  title: `Assertion ${entry.assertionId ?? ''} from ${entry.authIssuer ?? 'the identity provider'}`,
                })
              : '',
          ]),
          el('td', { class: 'what', 'data-label': 'What happened' }, [
            entry.summary,
            entry.reason ? el('div', { class: 'hint', text: `Reason: ${entry.reason}` }) : '',
          ]),
        ]),
      );
    }
    view.nextCursor = answer.nextCursor;
    $('#more').hidden = !answer.nextCursor;
    const shown = body.children.length;
    $('#timeline-caption').textContent =
      `${shown} event${shown === 1 ? '' : 's'} shown, oldest first${query.has('type') || query.has('from') || query.has('to') || query.has('actor') ? ' (filtered)' : ''}`;
    markCurrent();
  }

  $('#filters').addEventListener('submit', (event) => {
    event.preventDefault();
    if (view.shopId) void showTimeline(true).catch((error) => say(error.message, true));
  });
  $('#filters').addEventListener('reset', () => {
    setTimeout(() => view.shopId && void showTimeline(true).catch((error) => say(error.message, true)));
  });
  $('#more').addEventListener('click', (event) => busy(event.currentTarget, () => showTimeline(false)));

  // --- State as of a moment ------------------------------------------------------------------

  let sliderTimer = null;
  $('#moment').addEventListener('input', () => {
    const index = Number($('#moment').value);
    describeMoment(index);
    clearTimeout(sliderTimer);
    sliderTimer = setTimeout(() => void showMoment(index), 120);
  });

  function describeMoment(index) {
    const moment = view.moments[index];
    const slider = $('#moment');
    if (!moment) {
      $('#moment-label').textContent = 'No events yet.';
      return;
    }
    const types = moment.entries.map((entry) => entry.type).join(', ');
    const text = `${utc(moment.occurredAt)}: after ${types} (moment ${index + 1} of ${view.moments.length})`;
    $('#moment-label').textContent = text;
    slider.setAttribute('aria-valuetext', text);
  }

  async function showMoment(index) {
    describeMoment(index);
    const moment = view.moments[index];
    if (!moment) return;
    $('#moment-date').value = `${moment.occurredAt.slice(0, 19)}Z`;
    markDate(true);
    await showState(moment.occurredAt);
  }

  /**
   * The instant typed in, always read as UTC on a 24-hour clock: `YYYY-MM-DDTHH:MM:SSZ` (a space for
   * the T, no seconds or no Z are taken too). Null when it is not such an instant, or names one that
   * does not exist (2026-02-30, 24:30). A field of type datetime-local would show the browser's own
   * locale (12-hour in some) and mean local time, beside labels that say UTC.
   */
  function parseUtcInstant(text) {
    const parts = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?Z?$/i.exec(text.trim());
    if (!parts) return null;
    const [, year, month, day, hour, minute, second = '00'] = parts;
    const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}Z`;
    const date = new Date(iso);
    return !Number.isNaN(date.getTime()) && date.toISOString() === iso.replace('Z', '.000Z') ? iso : null;
  }

  const DATE_FORMAT = 'Type the moment as a 24-hour UTC date and time, e.g. 2026-03-01T14:30:00Z.';

  function markDate(valid) {
    const field = $('#moment-date');
    field.setCustomValidity(valid ? '' : DATE_FORMAT);
    if (valid) field.removeAttribute('aria-invalid');
    else field.setAttribute('aria-invalid', 'true');
  }

  $('#moment-date').addEventListener('input', () => markDate(true));
  $('#moment-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const asOf = parseUtcInstant($('#moment-date').value);
    markDate(asOf !== null);
    if (asOf === null) {
      say(DATE_FORMAT, true);
      $('#moment-date').focus();
      return;
    }
    $('#moment-date').value = asOf;
    say(`State as of ${utc(asOf)}.`);
    void showState(asOf);
  });

  async function showState(asOf) {
    const request = ++view.stateRequest;
    try {
      const answer = await json(`/v1/audit/shops/${encodeURIComponent(view.shopId)}/state?asOf=${encodeURIComponent(asOf)}`);
      if (request !== view.stateRequest) return; // a later move of the slider won
      renderState(answer);
      view.currentRevision = answer.stoppedAt ? answer.stoppedAt.revision : null;
      markCurrent();
    } catch (error) {
      if (request !== view.stateRequest) return;
      $('#state').replaceChildren(
        el('p', {
          class: 'hint',
          text: error.code === 'SHOP_NOT_YET_REGISTERED' ? 'The shop was not registered yet at that moment.' : error.message,
        }),
      );
      $('#state-json').textContent = '';
    }
  }

  function renderState(answer) {
    const state = answer.state;
    const rows = [
      ['As of', utc(answer.asOf)],
      ['Events replayed', `${answer.eventsApplied} (up to revision ${answer.stoppedAt.revision}, ${answer.stoppedAt.type})`],
      // Which numbers the last decision was made under; events from before the policy was data name none.
      ['Decided under policy', answer.stoppedAt.policyVersion ? `version ${answer.stoppedAt.policyVersion}` : 'not recorded'],
      ['Name', state.name],
      ['Status', state.status],
      ['Verification', state.verification],
      ['Stage', state.stage],
      ['Kind · region · currency', `${state.kind} · ${state.region} · ${state.currency}`],
      ['Money available', minor(state.money.available, state.currency)],
      ['Pending withdrawal', minor(state.money.pendingWithdrawal, state.currency)],
      ['Frozen', minor(state.money.frozen, state.currency)],
      ['Members', Object.entries(state.members).map(([id, role]) => el('span', { class: 'pill', text: `${id}: ${role}` }))],
      ['Linked accounts', linkPills(state.links)],
      ['Open unlink requests', String(Object.keys(state.unlinkRequests).length)],
      ['Official unlinks so far', String(state.officialUnlinkCount)],
      ['Open incidents', String(Object.values(state.incidents).filter((s) => s === 'open').length)],
    ];
    const list = el('dl', { class: 'state', id: 'state-summary' });
    for (const [term, value] of rows)
      list.append(el('dt', { text: term }), el('dd', {}, value === '' || (Array.isArray(value) && value.length === 0) ? ['none'] : value));
    const next = answer.nextEvent
      ? el('p', {
          class: 'hint',
          text: `Next: revision ${answer.nextEvent.revision}, ${answer.nextEvent.type} at ${utc(answer.nextEvent.occurredAt)}`,
        })
      : el('p', { class: 'hint', text: 'This is the shop as it is now.' });
    $('#state').replaceChildren(list, next);
    $('#state-json').textContent = JSON.stringify(answer, null, 2);
  }

  function linkPills(links) {
    return Object.values(links).map((link) =>
      el('span', { class: 'pill', text: `@${link.handle} (${link.accountId}): ${link.role}, ${link.state.replace(/_/g, ' ')}` }),
    );
  }

  /** Highlights the timeline row of the last event the state includes. */
  function markCurrent() {
    for (const row of document.querySelectorAll('#timeline tbody tr')) {
      const current = view.currentRevision !== null && row.dataset.revision === String(view.currentRevision);
      row.classList.toggle('current', current);
      if (current) {
        row.setAttribute('aria-current', 'true');
        row.scrollIntoView({ block: 'nearest' });
      } else row.removeAttribute('aria-current');
    }
  }

  // --- Integrity -----------------------------------------------------------------------------

  $('#check-integrity').addEventListener('click', (event) =>
    busy(event.currentTarget, async () => {
      const verdict = await json(`/v1/audit/shops/${encodeURIComponent(view.shopId)}/integrity`);
      const box = $('#integrity-verdict');
      box.hidden = false;
      box.classList.toggle('ok', verdict.intact);
      box.classList.toggle('bad', !verdict.intact);
      const streams = 1 + verdict.accountStreams.length;
      if (verdict.intact) {
        box.replaceChildren(
          el('strong', { text: '✔ Intact' }),
          `All ${verdict.events} events of ${verdict.streamId} and ${streams - 1} account stream${streams === 2 ? '' : 's'} chain correctly. Last hash ${verdict.lastHash ? verdict.lastHash.slice(0, 16) : 'none'}…`,
        );
      } else {
        const problem = verdict.firstProblem;
        box.replaceChildren(
          el('strong', { text: '✘ Tampered' }),
          `First bad event: ${problem.streamId} revision ${problem.revision}${problem.eventId ? `, event ${problem.eventId}` : ''} (${problem.kind}).`,
          el('ul', {}, [el('li', { text: problem.message })]),
        );
      }
      say(`Integrity checked at ${new Date().toISOString().slice(11, 19)} UTC.`);
    }),
  );

  // --- Export (fetch + Blob: a plain link could not carry the token) ---------------------------

  for (const button of document.querySelectorAll('button.export')) {
    button.addEventListener('click', (event) =>
      busy(event.currentTarget, async () => {
        const format = event.currentTarget.dataset.format;
        const query = filterQuery();
        query.set('format', format);
        const response = await api(`/v1/shops/${encodeURIComponent(view.shopId)}/history/export?${query}`);
        const blob = await response.blob();
        const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') || '');
        const link = el('a', { href: URL.createObjectURL(blob), download: named ? named[1] : `shop-${view.shopId}-history.${format}` });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
        say(`Export downloaded (${blob.size.toLocaleString('en')} bytes).`);
      }),
    );
  }

  // --- Start ---------------------------------------------------------------------------------

  void loadKnownShops();
  const asked = new URLSearchParams(location.search).get('shop');
  if (asked) {
    $('#shop-id').value = asked;
    void openShop(asked);
  }
})();
