// The demo as `npm start` serves it, end to end, included by run.mjs: like a CDN (compressed, the
// CDN files at a versioned URL cached for a year, pages revalidated, an absolute canonical link), and
// restored from the back/forward cache. Playwright starts Chromium with --disable-back-forward-cache,
// so these tests start their own, without it. Playwright's request routing does not keep a page out
// of that cache (checked in Chromium 156), but it turns the HTTP cache off: the back/forward tests
// route (every request that would leave 127.0.0.1 is refused), the caching test does not (it fails on
// any request that leaves). Chromium's own reasons for not restoring a page (CDP
// Page.backForwardCacheNotUsed) are in the failure message.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { demoCsp, startServer } from '../../scripts/serve.mjs';

const cdnDir = fileURLToPath(new URL('../../dist/cdn/', import.meta.url));

/** What the reader writes: a field typed key by key, and the reader's own question with its answer. */
const typed = {
  answer: 'Tears came, then a long breath — and calm.',
  question: 'What does my body ask for tonight?',
  own: 'Rest, warmth, and no explaining.',
};
const sandboxWarning = /^An iframe which has both allow-scripts and allow-same-origin for its sandbox attribute can escape its sandboxing\.$/;

/**
 * Leaving a page before Chromium has fetched its icon, or the quick exit's code (the demo's notice asks
 * for it as soon as it connects), cancels that fetch: nothing the page did wrong.
 */
const iconCancelled = /^failed: \S+\/(favicon\.svg|gentle-widgets-exit\.js) \(net::ERR_ABORTED\)$/;

/** Init script: every pageshow and pagehide of the top document, with `persisted`, and every CSP violation. */
function recordHistory() {
  if (window !== window.top) return;
  window.__history = [];
  for (const type of ['pageshow', 'pagehide']) addEventListener(type, (event) => window.__history.push(`${type} ${event.persisted}`));
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`));
  window.__ctaEvents = [];
  for (const type of ['book-call-cta-open', 'book-call-cta-close']) {
    document.addEventListener(type, () => window.__ctaEvents.push(type));
  }
  window.__saves = 0;
  document.addEventListener('journal-prompts-save', () => window.__saves++);
}

/**
 * A Chromium with the back/forward cache on, one context watched as run.mjs watches its own: console
 * errors and warnings, uncaught exceptions, failed or 4xx/5xx requests, requests leaving `origin`
 * (refused when `route`, else only recorded), CSP violations, and every time Chromium did not restore
 * a page from the cache.
 */
async function cachingBrowser(origin, { route = true } = {}) {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: chromiumArgs,
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
    headless: true,
    timeout: 15_000,
  });
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const problems = { errors: [], warnings: [], requests: [], notRestored: [] };
  if (route) {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin + '/')) return route.continue();
      problems.requests.push(`left 127.0.0.1: ${url}`);
      return route.abort('blockedbyclient');
    });
  } else {
    context.on('request', (request) => {
      if (!request.url().startsWith(origin + '/')) problems.requests.push(`left 127.0.0.1: ${request.url()}`);
    });
  }
  await context.addInitScript(recordHistory);
  const page = await context.newPage();
  page.setDefaultTimeout(5_000);
  page.setDefaultNavigationTimeout(10_000);
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(`${message.text()} (${message.location().url || 'page'})`);
    else if (message.type() === 'warning') problems.warnings.push(message.text());
  });
  page.on('pageerror', (error) => problems.errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    const failed = `failed: ${request.url()} (${request.failure()?.errorText})`;
    if (!iconCancelled.test(failed)) problems.requests.push(failed);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.requests.push(`${response.status()}: ${response.url()}`);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.enable');
  cdp.on('Page.backForwardCacheNotUsed', ({ notRestoredExplanations }) =>
    problems.notRestored.push(notRestoredExplanations.map(({ reason, context }) => reason + (context ? ` (${context})` : '')).join(', ')),
  );

  /** Opens `path` as the reader's first page: it answers 200 under the demo's strict CSP. */
  async function visit(path) {
    const response = await page.goto(origin + path, { waitUntil: 'load' });
    assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`);
    assert.match(response.headers()['content-security-policy'] ?? '', /require-trusted-types-for 'script'/, `${path} has no strict CSP`);
    assert.doesNotMatch(response.headers()['cache-control'] ?? '', /no-store/, `${path} is sent with no-store`);
  }

  /** Leaves with `leave()`, waits for the next page, goes back, and asserts the page came back from the cache. */
  async function awayAndBack(leave, nextPath) {
    await page.evaluate(() => (window.__before = true));
    await leave();
    await page.waitForURL(origin + nextPath);
    await page.waitForLoadState('load');
    await page.goBack({ waitUntil: 'commit' });
    await page.waitForFunction(() => document.readyState === 'complete' && window.__history?.at(-1)?.startsWith('pageshow'));
    const history = await page.evaluate(() => ({ before: window.__before === true, history: window.__history }));
    assert.deepEqual(problems.notRestored, [], 'Chromium kept the page out of the back/forward cache');
    assert.deepEqual(history, { before: true, history: ['pageshow false', 'pagehide true', 'pageshow true'] }, 'the page was restored from the back/forward cache');
    await page.evaluate(() => (window.__history = []));
  }

  /** Asserts nothing went wrong on any page; `warnings` lists the warnings expected (regexes). */
  async function assertClean({ warnings = [] } = {}) {
    const found = {
      violations: await page.evaluate(() => window.__violations),
      errors: problems.errors,
      requests: problems.requests,
      warnings: problems.warnings.filter((text) => !warnings.some((pattern) => pattern.test(text))),
    };
    assert.deepEqual(found, { violations: [], errors: [], requests: [], warnings: [] }, 'the page reported problems');
  }

  return { page, cdp, visit, awayAndBack, assertClean, close: () => browser.close() };
}

/** Waits (within the page's timeout) until every gentle-widgets element on the page has rendered. */
async function rendered(page) {
  await page.waitForFunction(() =>
    ['content-notice', 'journal-prompts', 'book-call-cta'].every((tag) =>
      [...document.querySelectorAll(tag)].every((el) => customElements.get(tag) && el.hasUpdated && !el.isUpdatePending),
    ),
  );
}

/** Each notice's state as a reader sees it: revealed, collapsed, its buttons' aria-expanded, whether its text shows. */
const noticeStates = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('content-notice')].map((el) => {
      const root = el.shadowRoot;
      const expanded = (part) => root.querySelector(`[part~="${part}"]`)?.getAttribute('aria-expanded') ?? null;
      const shown = (part) => {
        const box = root.querySelector(`[part~="${part}"]`);
        return !!box && box.checkVisibility() && box.getBoundingClientRect().height > 0;
      };
      return { id: el.id, revealed: el.revealed, dismissed: el.dismissed, reveal: expanded('reveal-button'), dismiss: expanded('dismiss-button'), body: shown('body'), content: shown('content') };
    }),
  );

/** The journal's fields, by part, with what they hold. */
const journalFields = (page) =>
  page.locator('journal-prompts').evaluate((el) => [...el.shadowRoot.querySelectorAll('textarea')].map((field) => `${field.getAttribute('part')}: ${field.value}`));

/** Types into the demo's journal as a reader does: the first prompt's field key by key, then the reader's own question and answer. */
async function writeInJournal(page) {
  await page.locator('journal-prompts textarea[part~="answer"]').first().pressSequentially(typed.answer);
  await page.locator('journal-prompts textarea[part~="question"]').fill(typed.question);
  await page.locator('journal-prompts textarea[part~="answer"]').last().fill(typed.own);
  const fields = await journalFields(page);
  assert.deepEqual([fields[0], ...fields.slice(-2)], [`answer: ${typed.answer}`, `question: ${typed.question}`, `answer: ${typed.own}`], 'the journal holds what was typed');
  return fields;
}

/** The element that really has focus, looking through open shadow roots: its part (or tag) and whether it is in a dialog. */
const focused = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? { part: el.getAttribute('part') ?? el.localName, inDialog: !!el.closest('dialog') } : null;
  });

/** One plain HTTP GET, its body as sent (compressed or not). */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

/** A response's body, decompressed as its Content-Encoding says. */
const decoded = ({ headers, body }) => ({ br: brotliDecompressSync, gzip: gunzipSync })[headers['content-encoding']]?.(body) ?? body;

const immutable = 'public, max-age=31536000, immutable';

export function bfcacheTests(test, origin) {
  test('npm start: pages revalidated, the CDN files at a versioned URL for a year, brotli or gzip, an absolute canonical link', async () => {
    // The server as `npm start` runs it: default headers and pages.
    const server = await startServer({ port: 0 });
    try {
      const page = await get(`${server.url}/demo/`, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
      assert.equal(page.status, 200);
      assert.equal(page.headers['content-encoding'], 'br', 'brotli when the browser takes it');
      assert.match(page.headers.vary ?? '', /Accept-Encoding/);
      assert.equal(page.headers['cache-control'], 'no-cache', 'the page is asked about again before each use, never no-store');
      assert.ok(page.headers.etag && page.headers['last-modified'], 'the page has an ETag and a Last-Modified');
      assert.equal(page.headers['content-security-policy'], demoCsp);
      const html = decoded(page).toString();
      assert.ok(html.includes(`<link rel="canonical" href="${server.url}/demo/">`), 'the canonical link is absolute');
      const version = /<script type="module" src="\/cdn\/([0-9a-f]{12})\/gentle-widgets\.js"[^>]*><\/script>/.exec(html)?.[1];
      assert.ok(version, 'the page loads the bundle from a versioned URL');
      assert.ok(html.includes(`<link rel="stylesheet" href="/cdn/${version}/gentle-widgets.css">`), 'and the stylesheet from the same version');
      assert.doesNotMatch(html, /(?:src|href)=["']?\/dist\/cdn\//, 'no unversioned CDN URL is left in the page');
      const elsewhere = decoded(await get(`${server.url}/demo/`, { Host: `localhost:${server.port}` })).toString();
      assert.ok(elsewhere.includes(`<link rel="canonical" href="http://localhost:${server.port}/demo/">`), 'the canonical link names the host the reader asked');
      assert.equal((await get(`${server.url}/demo/`, { 'If-None-Match': page.headers.etag })).status, 304, 'an unchanged page is not sent again');

      // Every file of dist/cdn/ is there, under the one version: the bundle loads its siblings relative to its own URL.
      const files = (await readdir(cdnDir)).filter((name) => !name.startsWith('.'));
      assert.ok(files.includes('gentle-widgets.js') && files.includes('gentle-widgets-feeds.js'), `dist/cdn/ holds ${files.join(', ')}`);
      for (const name of files) {
        const onDisk = await readFile(cdnDir + name);
        for (const [accept, encoding] of [['gzip, deflate, br, zstd', 'br'], ['gzip', 'gzip'], ['', undefined]]) {
          const file = await get(`${server.url}/cdn/${version}/${name}`, { 'Accept-Encoding': accept });
          const what = `/cdn/${version}/${name} (Accept-Encoding: ${accept || 'none'})`;
          assert.equal(file.status, 200, what);
          assert.equal(file.headers['cache-control'], immutable, what);
          assert.match(file.headers.vary ?? '', /Accept-Encoding/, what);
          assert.equal(file.headers['content-encoding'], encoding, what);
          assert.ok(decoded(file).equals(onDisk), `${what} is the file on disk`);
          assert.equal((await get(`${server.url}/cdn/${version}/${name}`, { 'Accept-Encoding': accept, 'If-None-Match': file.headers.etag })).status, 304, `${what}: revalidated`);
        }
      }
      assert.equal((await get(`${server.url}/cdn/000000000000/gentle-widgets.js`)).status, 404, 'a version never built is not found');
      for (const path of ['/dist/cdn/gentle-widgets.js', '/demo/demo.css', '/demo/feed.xml']) {
        const file = await get(server.url + path, { 'Accept-Encoding': 'gzip, deflate, br' });
        assert.deepEqual([file.status, file.headers['cache-control'], !!file.headers.etag, file.headers['content-encoding']], [200, 'no-cache', true, 'br'], `${path}: unversioned, revalidated, compressed`);
      }
    } finally {
      await server.close();
    }
  });

  test('npm start in Chromium: a second visit takes the CDN files from its cache and only revalidates the page; the article leaves itself out of its related stories', async () => {
    const server = await startServer({ port: 0 });
    // By name, as a reader types it: the canonical link must follow the host asked for.
    const site = `http://localhost:${server.port}`;
    const { page, cdp, visit, assertClean, close } = await cachingBrowser(site, { route: false });
    try {
      await cdp.send('Network.enable');
      const responses = [];
      const urls = new Map();
      cdp.on('Network.requestWillBeSent', ({ requestId, request }) => urls.set(requestId, request.url.slice(site.length)));
      // Sent for every response that came over the network (not for one taken from the cache), at times
      // before the request's own event: its URL is looked up when the lines are read.
      cdp.on('Network.responseReceivedExtraInfo', ({ requestId, statusCode }) => responses.push({ requestId, statusCode }));
      const lines = (list) => list.map(({ requestId, statusCode }) => `${statusCode} ${urls.get(requestId)}`);
      await visit('/demo/');
      await rendered(page);
      assert.equal(await page.evaluate(() => document.querySelector('link[rel=canonical]').getAttribute('href')), `${site}/demo/`);
      await page.evaluate(() => {
        document.addEventListener('related-stories-load', (event) => (window.__related = event.detail.count));
        document.querySelector('related-stories').scrollIntoView();
      });
      assert.equal(await (await page.waitForFunction(() => window.__related)).jsonValue(), 3, 'three stories from the feed');
      const titles = await page.locator('related-stories').evaluate((el) => [...el.shadowRoot.querySelectorAll('[part~="link"]')].map((link) => link.textContent.trim()));
      assert.equal(titles.length, 3);
      assert.ok(!titles.some((title) => title.startsWith('Why you might cry after sex')), `the article itself is left out: ${titles.join(' / ')}`);
      const first = lines(responses.splice(0));
      const cdnFiles = first.filter((line) => /^200 \/cdn\/[0-9a-f]{12}\//.test(line)).map((line) => line.replace(/^200 \/cdn\/[0-9a-f]{12}\//, ''));
      assert.deepEqual(cdnFiles.filter((name) => ['gentle-widgets.js', 'gentle-widgets.css', 'gentle-widgets-feeds.js'].includes(name)).sort(), ['gentle-widgets-feeds.js', 'gentle-widgets.css', 'gentle-widgets.js'], `the bundle, its stylesheet and the feed parsers come from one version: ${first.join(', ')}`);

      await page.goto(`${site}/demo/stories/holistic-therapy.html`);
      await page.goto(`${site}/demo/`);
      await rendered(page);
      const second = lines(responses).filter((line) => !line.endsWith('/holistic-therapy.html'));
      assert.ok(second.includes('304 /demo/'), `the page is revalidated: ${second.join(', ')}`);
      assert.deepEqual(second.filter((line) => line.includes('/cdn/')), [], 'no CDN file is asked for again');
      await assertClean();
    } finally {
      await close();
      await server.close();
    }
  });

  test('back/forward cache: the article demo is restored with what the reader wrote, revealed and collapsed', async () => {
    const { page, visit, awayAndBack, assertClean, close } = await cachingBrowser(origin());
    try {
      await visit('/demo/');
      await rendered(page);
      // Whatever notices the article has: gated ones revealed, dismissible ones collapsed.
      for (const button of await page.locator('content-notice[gate] button[part~="reveal-button"], content-notice[dismissible] button[part~="dismiss-button"]').all()) await button.click();
      const notices = await noticeStates(page);
      assert.ok(notices.length >= 2, 'the article has its notices');
      const fields = await writeInJournal(page);
      const saves = await page.evaluate(() => window.__saves);

      // The reader follows the article's own link to another story, then comes back.
      const story = '/demo/stories/the-power-of-crying.html';
      await awayAndBack(() => page.locator(`a[href="${story}"]`).first().click(), story);

      assert.deepEqual(await journalFields(page), fields, 'the journal holds exactly what was typed');
      assert.deepEqual(await noticeStates(page), notices, 'every notice kept its state');
      assert.ok((await page.evaluate(() => window.__saves)) > saves, 'leaving the page saved the answers at once');
      // Still working after the restore: another word is saved after the pause in typing.
      const afterRestore = await page.evaluate(() => window.__saves);
      await page.locator('journal-prompts textarea[part~="answer"]').first().press('End');
      await page.keyboard.type(' Again.');
      await page.waitForFunction((n) => window.__saves > n, afterRestore, { timeout: 5_000 });
      assert.equal((await journalFields(page))[0], `answer: ${typed.answer} Again.`);
      await assertClean();
    } finally {
      await close();
    }
  });

  test('back/forward cache: the open booking dialog comes back intact, its scheduler where the reader left it, and closes', async () => {
    const { page, visit, awayAndBack, assertClean, close } = await cachingBrowser(origin());
    try {
      await visit('/demo/');
      await rendered(page);
      const cta = page.locator('#book-call book-call-cta');
      const button = cta.locator('[part="button"]');
      await button.scrollIntoViewIfNeeded();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await button.click();
      await page.waitForFunction(() => document.querySelector('#book-call book-call-cta').shadowRoot.querySelector('dialog').open);
      const frame = await (await cta.locator('iframe').elementHandle()).contentFrame();
      await frame.waitForFunction(() => document.readyState === 'complete' && !document.documentElement.classList.contains('waiting'));
      await frame.locator('input[name="time"]').nth(1).check();
      const chosen = await frame.locator('input[name="time"]').nth(1).getAttribute('value');
      const frameUrl = frame.url();

      // The reader goes elsewhere with the dialog open (a bookmark, the address bar), then back.
      const elsewhere = '/demo/stories/holistic-therapy.html';
      await awayAndBack(() => page.goto(origin() + elsewhere), elsewhere);

      const dialog = await cta.evaluate((el) => {
        const found = el.shadowRoot.querySelector('dialog');
        return { open: found.open, modal: found.matches(':modal'), frames: found.querySelectorAll('iframe').length };
      });
      assert.deepEqual(dialog, { open: true, modal: true, frames: 1 }, 'the dialog is still open, modal, with its one scheduler');
      // Playwright loses track of frames restored with their page; the stand-in shares the page's origin, so the page can look in.
      const scheduler = await cta.evaluate((el) => {
        const inside = el.shadowRoot.querySelector('iframe').contentWindow;
        return { url: inside.location.href, time: inside.document.querySelector('input[name="time"]:checked')?.value ?? null };
      });
      assert.deepEqual(scheduler, { url: frameUrl, time: chosen }, 'the scheduler is the page it was, with the time the reader chose');
      const where = await focused(page);
      assert.ok(where?.inDialog || where?.part === 'iframe', `focus is in the dialog, not on ${JSON.stringify(where)}`);

      await cta.locator('[part="close-button"]').click();
      await page.waitForFunction(() => !document.querySelector('#book-call book-call-cta').shadowRoot.querySelector('dialog').open);
      assert.deepEqual(await focused(page), { part: 'button', inDialog: false }, 'closing returns focus to the booking button');
      // And it opens again, and Escape closes it.
      await button.click();
      await page.waitForFunction(() => document.querySelector('#book-call book-call-cta').shadowRoot.querySelector('dialog').open);
      await cta.locator('[part="close-button"]').focus();
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('#book-call book-call-cta').shadowRoot.querySelector('dialog').open);
      // A dialog's close event is queued as a task of its own after it closes: wait for it, whatever its count.
      await page.waitForFunction(() => window.__ctaEvents.length >= 4).catch(() => {});
      assert.deepEqual(await page.evaluate(() => window.__ctaEvents), ['book-call-cta-open', 'book-call-cta-close', 'book-call-cta-open', 'book-call-cta-close']);
      // The stand-in scheduler shares the demo's origin, so Chromium warns about the element's sandbox (as in run.mjs's booking test).
      await assertClean({ warnings: [sandboxWarning] });
    } finally {
      await close();
    }
  });

  test('back/forward cache: notices revealed and collapsed for this visit only keep their state after going back', async () => {
    const { page, visit, awayAndBack, assertClean, close } = await cachingBrowser(origin());
    try {
      await visit('/demo/states.html');
      await rendered(page);
      // remember="none" on both: a reload would fold them again, the cache must not.
      await page.locator('#state-gate button[part~="reveal-button"]').click();
      await page.locator('#state-dismissible button[part~="dismiss-button"]').click();
      const notices = await noticeStates(page);
      const byId = Object.fromEntries(notices.filter(({ id }) => id).map(({ id, ...state }) => [id, state]));
      assert.deepEqual([byId['state-gate'].reveal, byId['state-gate'].content], ['true', true], 'the gated text shows');
      assert.deepEqual([byId['state-dismissible'].dismiss, byId['state-dismissible'].body], ['false', false], 'the dismissible notice is collapsed');
      const log = await page.locator('#event-log').textContent();

      await awayAndBack(() => page.locator('a[href="/demo/"]').last().click(), '/demo/');

      assert.deepEqual(await noticeStates(page), notices, 'every notice kept its state');
      assert.equal(await page.locator('#event-log').textContent(), log, 'the page’s own log is as it was');
      await page.locator('#state-gate button[part~="reveal-button"]').click();
      await page.locator('#state-gate p:not([slot])').first().waitFor({ state: 'hidden' });
      // The "Bad attributes" section warns on purpose (run.mjs's states test expects the same).
      await assertClean({ warnings: [/<content-notice>: variant="loud"/, /<content-notice>: gate /] });
    } finally {
      await close();
    }
  });

  test('journal without the back/forward cache: a reload right after typing and a back navigation that reloads keep every word (session storage)', async (open) => {
    // run.mjs's Chromium has the cache off, as a browser that evicted the page would.
    const { page, problems, assertClean } = await open('/demo/', { viewport: { width: 1100, height: 900 }, initScripts: [recordHistory] });
    await rendered(page);
    const fields = await writeInJournal(page);
    // At once, within the save's pause: pagehide must save what the debounce has not yet.
    await page.reload();
    await rendered(page);
    assert.deepEqual(await journalFields(page), fields, 'the reload restored every word');
    assert.match(await page.locator('journal-prompts').locator('[part~="status"]').textContent(), /tab/i, 'the status line says the words stay in this tab');

    await page.locator('a[href="/demo/stories/the-power-of-crying.html"]').first().click();
    await page.waitForURL('**/demo/stories/the-power-of-crying.html');
    await page.goBack({ waitUntil: 'load' });
    await rendered(page);
    assert.deepEqual(await page.evaluate(() => window.__history), ['pageshow false'], 'the page was loaded again, not restored');
    assert.deepEqual(await journalFields(page), fields, 'going back restored every word');
    problems.requests = problems.requests.filter((text) => !iconCancelled.test(text));
    await assertClean();
  });
}
