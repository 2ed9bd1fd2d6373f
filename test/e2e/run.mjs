// End-to-end tests: the system Chromium (playwright-core, never a downloaded browser) against the
// built CDN bundle, served from 127.0.0.1 under a strict Content-Security-Policy with Trusted Types.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { findChromium, chromiumArgs } from '../../scripts/chromium.mjs';
import { demoCsp, startServer } from '../../scripts/serve.mjs';
import { relatedStoriesTests, startRelatedStories } from './related-stories.mjs';
import { layoutShiftTests } from './layout-shift.mjs';
import { onDemandTests } from './on-demand.mjs';
import { bfcacheTests } from './bfcache.mjs';
import { sriTests } from './sri.mjs';
import { squarespaceTests } from './squarespace.mjs';
import { quickExitTests } from './quick-exit.mjs';
import { journalLockTests } from './journal-lock.mjs';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const artifacts = fileURLToPath(new URL('./.artifacts/', import.meta.url));
const bundle = join(repoRoot, 'dist/cdn/gentle-widgets.js');

const strictCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types gentle-widgets lit-html";

// The machine running these may be shared and slow (two cores); the journal tests wait out real
// debounce timers and type at a reader's pace, so they take a few seconds each.
const TEST_TIMEOUT = 30_000;
const RUN_TIMEOUT = 240_000;

// ---- a tiny harness -------------------------------------------------------------------------

const tests = [];
/** `node test/e2e/run.mjs <words>` runs only the tests whose name contains <words>. */
const only = process.argv.slice(2).join(' ');
const selected = [];
/** Registers a test; `fn` receives a fresh `open()` whose pages are closed after the test. */
function test(name, fn) {
  tests.push({ name, fn });
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---- shared state, set up in main() ---------------------------------------------------------

let browser;
let server;
let origin;

/**
 * Opens `path` in a fresh context and records everything that went wrong on the page: console
 * errors and warnings (Chromium reports CSP and Trusted Types violations as console errors),
 * uncaught exceptions, failed or 4xx/5xx requests, requests leaving 127.0.0.1, and — through an
 * init script, which CSP does not block — every `securitypolicyviolation` event. `initScripts` run
 * before any page script in every tab of the context; `tab(path)` opens another tab in the same
 * context (same storage, same permissions), watched the same way. `setup(context)` runs before the
 * first tab opens: it may add routes (they take precedence over the catch-all) and listeners.
 */
async function openPage(contexts, path, options = {}) {
  const { javaScriptEnabled = true, initScripts = [], setup, ...contextOptions } = options;
  const context = await browser.newContext({ javaScriptEnabled, ...contextOptions });
  contexts.push(context);
  const problems = { errors: [], warnings: [], requests: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/')) return route.continue();
    problems.requests.push(`left 127.0.0.1: ${url}`);
    return route.abort('blockedbyclient');
  });
  if (javaScriptEnabled) {
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}: ${event.sample}`);
      });
    });
    for (const script of initScripts) await context.addInitScript(script);
  }
  // More routes, registered after the catch-all above, so they answer first (Playwright tries the latest first).
  await setup?.(context);
  const pages = [];

  /** Opens `at` in a new tab of this context, recording its problems with the others'. */
  async function tab(at) {
    const page = await context.newPage();
    pages.push(page);
    page.setDefaultTimeout(5_000);
    page.setDefaultNavigationTimeout(10_000);
    page.on('console', (message) => {
      const text = `${message.text()} (${message.location().url || 'page'})`;
      if (message.type() === 'error') problems.errors.push(text);
      else if (message.type() === 'warning') problems.warnings.push(message.text());
    });
    page.on('pageerror', (error) => problems.errors.push(`uncaught: ${error.message}`));
    page.on('requestfailed', (request) => {
      const error = request.failure()?.errorText;
      // The quick exit's code is asked for as soon as a notice with exit-href connects: a test that leaves
      // the page at once cancels that fetch, which is nothing the page did wrong.
      if (error === 'net::ERR_ABORTED' && request.url().endsWith('/gentle-widgets-exit.js')) return;
      if (request.url().startsWith(origin + '/')) problems.requests.push(`failed: ${request.url()} (${error})`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.requests.push(`${response.status()}: ${response.url()}`);
    });
    const response = await page.goto(origin + at, { waitUntil: 'load' });
    assert.equal(response?.status(), 200, `${at} answered ${response?.status()}`);
    // Every page here is meant to run under Trusted Types: a page served without the header proves nothing.
    assert.match(response.headers()['content-security-policy'] ?? '', /require-trusted-types-for 'script'/, `${at} has no strict CSP`);
    return page;
  }
  const page = await tab(path);

  /** Asserts every tab stayed clean; `warnings` lists the warnings this test expects (regexes). */
  async function assertClean({ warnings = [] } = {}) {
    const violations = [];
    if (javaScriptEnabled) {
      for (const open of pages.filter((p) => !p.isClosed())) violations.push(...(await open.evaluate(() => window.__violations)));
    }
    const found = {
      violations,
      errors: problems.errors,
      requests: problems.requests,
      warnings: problems.warnings.filter((text) => !warnings.some((pattern) => pattern.test(text))),
    };
    assert.deepEqual(found, { violations: [], errors: [], requests: [], warnings: [] }, 'the page reported problems');
  }
  return { page, context, problems, assertClean, tab };
}

/**
 * Waits until every `<content-notice>` and every `<journal-prompts>` on the page has upgraded and
 * rendered its shadow root.
 */
async function upgraded(page) {
  await page.evaluate(() =>
    Promise.all(
      ['content-notice', 'journal-prompts'].filter((tag) => document.querySelector(tag)).map((tag) => customElements.whenDefined(tag)),
    ),
  );
  await page.waitForFunction(() =>
    [...document.querySelectorAll('content-notice')].every(
      (el) => el.shadowRoot?.querySelector('[part~="notice"]') && el.updateComplete !== undefined,
    ) && [...document.querySelectorAll('journal-prompts')].every((el) => el.shadowRoot && el.hasUpdated),
  );
  await page.evaluate(() =>
    Promise.all([...document.querySelectorAll('content-notice, journal-prompts')].map((el) => el.updateComplete)),
  );
}

/** The element that really has focus, looking through open shadow roots. */
function deepActive(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    return {
      tag: el.localName,
      id: el.id,
      part: el.getAttribute('part'),
      expanded: el.getAttribute('aria-expanded'),
      host: el.getRootNode()?.host?.id ?? null,
    };
  });
}

/** Names of the accessibility tree's non-ignored nodes, from Chromium itself (CDP). */
async function accessibleNames(context, page) {
  const cdp = await context.newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes.filter((node) => !node.ignored).map((node) => String(node.name?.value ?? ''));
  } finally {
    await cdp.detach();
  }
}

/** The gated notice's reveal button (inside its shadow root; Playwright's CSS engine pierces it). */
const revealButton = (page) => page.locator('#gated').locator('button[part~="reveal-button"]');

// ---- the tests ------------------------------------------------------------------------------

test('article demo: notices upgrade under the demo CSP, text visible, no errors or violations', async (open) => {
  const { page, assertClean } = await open('/demo/', { viewport: { width: 1100, height: 900 } });
  const inline = await page.evaluate(() => document.querySelectorAll('script:not([src]), style, [style]').length);
  assert.equal(inline, 0, 'the demo has no inline scripts or styles');
  await upgraded(page);
  assert.ok(await page.evaluate(() => !!customElements.get('content-notice')), 'content-notice is defined');
  const notices = await page.evaluate(() =>
    [...document.querySelectorAll('content-notice')].map((el) => ({ variant: el.getAttribute('variant'), shadow: !!el.shadowRoot })),
  );
  assert.deepEqual(notices, [
    { variant: 'distinction', shadow: true },
    { variant: 'disclaimer', shadow: true },
  ]);
  await assertVisible(page, [
    'Why you might cry after sex (and why it’s completely normal)',
    'First, an important distinction',
    'That is your body and soul waving a big red flag.',
    'Let’s start with a little body science.',
    'What is something nourishing I can give myself right now?',
    'Just to clarify: the massages I give and teach are not erotic.',
    'Read more Stories With Ease',
  ]);
  assert.ok(await page.locator('a[href="tel:116123"]').isVisible(), 'the Samaritans link is visible');
  await bookingUpgraded(page);
  const booking = page.locator('#book-call book-call-cta [part="button"]');
  assert.ok(await booking.isVisible(), 'the booking button is visible');
  assert.equal((await booking.textContent()).trim(), 'Book a free discovery call');
  assert.ok(await page.locator('#book-call book-call-cta [part="consent"]').isVisible(), 'the consent line is visible');
  assert.equal(
    await page.locator('#important-note').evaluate((el) => el.shadowRoot.querySelector('[part~="notice"]').getAttribute('role')),
    'note',
    'the disclaimer is a note',
  );
  await mkdir(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'demo.png'), fullPage: true });
  await assertClean();
});

test('article demo: mobile width in dark mode has no horizontal scrolling', async (open) => {
  const { page, assertClean } = await open('/demo/', { viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
  await upgraded(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px at 360px`);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(background, 'rgb(251, 248, 243)', 'dark mode changes the page background');
  await page.screenshot({ path: join(artifacts, 'demo-mobile-dark.png'), fullPage: true });
  await assertClean();
});

test('article demo without JavaScript: notice text, support links and booking link are readable', async (open) => {
  const { page, assertClean } = await open('/demo/', { javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
  await assertVisible(page, [
    'First, an important distinction',
    'That is your body and soul waving a big red flag.',
    'If you need to talk to someone now',
    'Important note',
    'The couple massage workshops offer a non-sexual but deeply connecting way',
    'If another question feels more alive for you, follow that.',
  ]);
  for (const href of ['tel:116123', 'https://findahelpline.com', '/demo/scheduler/discovery-call', '/demo/stories/holistic-therapy.html']) {
    assert.ok(await page.locator(`a[href="${href}"]`).isVisible(), `link ${href} is visible`);
  }
  assert.equal(await page.locator('content-notice').first().evaluate((el) => !!el.shadowRoot), false, 'nothing upgraded');
  await mkdir(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'demo-no-js.png'), fullPage: true });
  await assertClean();
});

test('article demo: the booking dialog opens the local stand-in under the demo CSP, books, and closes; nothing leaves 127.0.0.1', async (open) => {
  const { page, assertClean } = await open('/demo/', { viewport: { width: 1100, height: 900 }, initScripts: [recordBooking] });
  await bookingUpgraded(page);
  const id = await page.locator('#book-call book-call-cta').evaluate((el) => (el.id ||= 'demo-booking'));
  await clickCta(page, id);
  await page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelector('dialog').open, id);
  const frame = await (await page.locator(`#${id} iframe`).elementHandle()).contentFrame();
  await frame.waitForURL((url) => url.origin === origin && url.pathname.startsWith('/demo/scheduler/discovery-call/embed'));
  // The stand-in shows itself only once the page has answered its CAL::__iframeReady.
  await frameCondition(frame, () => !document.documentElement.classList.contains('waiting'));
  await frame.locator('input[name="time"]').first().check();
  await frame.locator('button.confirm').click();
  await page.waitForFunction(() => window.__ctaEvents.some((event) => event.startsWith('book-call-cta-scheduled')));
  await page.locator(`#${id} [part="close-button"]`).click();
  await closed(page, id, 1);
  assert.deepEqual(await ctaEvents(page), [
    `book-call-cta-open #${id} {"provider":"cal","mode":"popup"}`,
    `book-call-cta-scheduled #${id} {"provider":"cal"}`,
    `book-call-cta-close #${id} {"provider":"cal"}`,
  ]);
  // The demo's stand-in shares the page's origin, so Chromium warns that the element's sandbox
  // (allow-scripts allow-same-origin, right for a scheduler on its own origin) cannot hold it.
  await assertClean({ warnings: [/^An iframe which has both allow-scripts and allow-same-origin for its sandbox attribute can escape its sandboxing\.$/] });
});

test('strict CSP + Trusted Types: a gated warning hides its content until revealed', async (open) => {
  const { page, assertClean } = await open('/test/e2e/pages/gate.html');
  await upgraded(page);
  const gated = page.locator('#gated-text');
  assert.equal(await gated.isVisible(), false, 'gated text hidden before reveal');
  assert.equal(await gated.boundingBox(), null, 'gated text has no box before reveal');
  const button = revealButton(page);
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  await page.evaluate(() => {
    window.__events = [];
    for (const type of ['content-notice-reveal', 'content-notice-hide']) {
      document.addEventListener(type, (event) => window.__events.push(`${type}:${event.detail?.id}`));
    }
  });
  await button.click();
  await gated.waitFor({ state: 'visible' });
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  await button.click();
  await gated.waitFor({ state: 'hidden' });
  assert.deepEqual(await page.evaluate(() => window.__events), ['content-notice-reveal:gated', 'content-notice-hide:gated']);
  await assertClean();
});

test('bundle loaded twice from two URLs: one warning, no errors, elements work', async (open) => {
  const { page, problems, assertClean } = await open('/host/twice.html');
  await upgraded(page);
  await revealButton(page).click();
  await page.locator('#gated-text').waitFor({ state: 'visible' });
  const twice = problems.warnings.filter((text) => text.includes('loads the library twice'));
  assert.equal(twice.length, 1, `expected exactly one "loads the library twice" warning, got ${JSON.stringify(problems.warnings)}`);
  await assertClean({ warnings: [/loads the library twice/] });
});

for (const order of ['first', 'last']) {
  test(`host runs its own Lit (loaded ${order}): both render under strict CSP`, async (open) => {
    const { page, assertClean } = await open(`/host/host-lit-${order}.html`);
    await page.evaluate(() => customElements.whenDefined('host-card'));
    await upgraded(page);
    const hostText = await page.locator('host-card #host-text').textContent();
    assert.equal(hostText, 'Rendered by the host’s own Lit for the host page.');
    await revealButton(page).click();
    await page.locator('#gated-text').waitFor({ state: 'visible' });
    await assertClean();
  });
}

for (const order of ['npm-first', 'cdn-first']) {
  test(`npm build and CDN bundle on one page (${order}): one warning, no errors, the notice works`, async (open) => {
    const { page, problems, assertClean } = await open(`/host/${order}.html`);
    await upgraded(page);
    await revealButton(page).click();
    await page.locator('#gated-text').waitFor({ state: 'visible' });
    const copies = problems.warnings.filter((text) => /<content-notice>: another copy of gentle-widgets defined it first/.test(text));
    assert.equal(copies.length, 1, `one "another copy" warning, got: ${JSON.stringify(problems.warnings)}`);
    await assertClean({ warnings: [/<content-notice>: another copy of gentle-widgets defined it first/] });
  });
}

test('hostile theme: gated text stays hidden, out of Tab order and the accessibility tree', async (open) => {
  const { page, context, assertClean } = await open('/test/e2e/pages/hostile.html');
  await upgraded(page);
  const gated = page.locator('#gated-text');
  assert.equal(await gated.isVisible(), false, 'hostile CSS must not reveal gated text');
  assert.equal(await gated.boundingBox(), null, 'gated text has no box');
  assert.ok(!(await accessibleNames(context, page)).some((name) => name.includes('gated secret')), 'gated text is not in the a11y tree');

  await page.focus('#before');
  await page.keyboard.press('Tab');
  assert.equal((await deepActive(page))?.part, 'reveal-button', 'Tab goes from the link before to the reveal button');
  await page.keyboard.press('Tab');
  assert.equal((await deepActive(page))?.id, 'after', 'Tab skips the link inside the gated text');

  const button = revealButton(page);
  await button.click();
  await gated.waitFor({ state: 'visible' });
  assert.ok((await accessibleNames(context, page)).some((name) => name.includes('gated secret')), 'revealed text is in the a11y tree');
  await button.focus();
  await page.keyboard.press('Tab');
  assert.equal((await deepActive(page))?.id, 'gated-link', 'after reveal, Tab reaches the link inside');

  await button.click();
  await gated.waitFor({ state: 'hidden' });
  assert.equal(await gated.isVisible(), false, 'hidden again');
  await assertClean();
});

test('forced colours and print: the notice keeps a visible edge, buttons stay usable on screen and leave the print', async (open) => {
  const { page, assertClean } = await open('/test/e2e/pages/gate.html', { forcedColors: 'active' });
  await upgraded(page);
  const look = () =>
    page.evaluate(() => {
      const root = document.querySelector('content-notice').shadowRoot;
      const box = getComputedStyle(root.querySelector('[part="notice"]'));
      const button = root.querySelector('[part="reveal-button"]');
      const buttonStyle = getComputedStyle(button);
      return {
        edge: `${box.borderLeftStyle} ${parseFloat(box.borderLeftWidth) > 0}`,
        frame: `${box.borderTopStyle} ${parseFloat(box.borderTopWidth) > 0}`,
        button: buttonStyle.display === 'none' ? 'none' : `${buttonStyle.borderTopStyle} ${button.getBoundingClientRect().height > 20}`,
      };
    });
  assert.deepEqual(await look(), { edge: 'solid true', frame: 'solid true', button: 'solid true' }, 'forced colours');

  await page.emulateMedia({ media: 'print', forcedColors: 'none' });
  const printed = await look();
  assert.equal(printed.button, 'none', 'buttons do not print');
  assert.equal(printed.frame, 'solid true', 'the notice prints with a plain frame');
  await assertClean();
});

test('keyboard: Tab reaches the reveal button, Enter and Space toggle, focus stays, aria-expanded follows', async (open) => {
  const { page, assertClean } = await open('/test/e2e/pages/gate.html');
  await upgraded(page);
  const gated = page.locator('#gated-text');
  await page.focus('#before');
  await page.keyboard.press('Tab');
  let active = await deepActive(page);
  assert.deepEqual([active?.tag, active?.part, active?.host, active?.expanded], ['button', 'reveal-button', 'gated', 'false']);
  const controls = await revealButton(page).getAttribute('aria-controls');
  assert.ok(controls, 'the button names what it controls');

  await page.keyboard.press('Enter');
  await gated.waitFor({ state: 'visible' });
  active = await deepActive(page);
  assert.deepEqual([active?.part, active?.expanded], ['reveal-button', 'true'], 'Enter reveals; focus stays on the button');

  await page.keyboard.press('Space');
  await gated.waitFor({ state: 'hidden' });
  active = await deepActive(page);
  assert.deepEqual([active?.part, active?.expanded], ['reveal-button', 'false'], 'Space hides; focus stays on the button');

  await page.keyboard.press('Space');
  await gated.waitFor({ state: 'visible' });
  active = await deepActive(page);
  assert.deepEqual([active?.part, active?.expanded], ['reveal-button', 'true'], 'Space reveals; focus stays on the button');
  await assertClean();
});

test('states page: German labels, remembered reveal and collapse survive a reload, only the expected warnings', async (open) => {
  const { page, assertClean } = await open('/demo/states.html');
  await upgraded(page);
  const german = page.locator('section[lang="de"] content-notice[gate]');
  assert.equal((await german.locator('button[part~="reveal-button"]').textContent())?.trim(), 'Diesen Teil anzeigen');
  assert.equal((await german.locator('button[part~="dismiss-button"]').textContent())?.trim(), 'Hinweis einklappen');

  const session = page.locator('#state-remember-session button[part~="reveal-button"]');
  await session.click();
  await page.locator('#state-remember-session p:not([slot])').waitFor({ state: 'visible' });
  assert.match(await page.locator('#event-log').textContent(), /content-notice-reveal {2}#state-remember-session/);
  const local = page.locator('#state-remember-local button[part~="dismiss-button"]');
  await local.click();
  assert.equal(await local.getAttribute('aria-expanded'), 'false');
  await page.locator('#state-remember-local p:not([slot])').waitFor({ state: 'hidden' });

  await page.reload();
  await upgraded(page);
  assert.equal(await session.getAttribute('aria-expanded'), 'true', 'the reveal is remembered for the tab');
  assert.ok(await page.locator('#state-remember-session p:not([slot])').isVisible());
  assert.equal(await local.getAttribute('aria-expanded'), 'false', 'the collapse is remembered on the device');
  assert.equal(await page.locator('#state-remember-local p:not([slot])').isVisible(), false);

  await page.locator('#forget').click();
  await page.waitForLoadState('load');
  await upgraded(page);
  assert.equal(await session.getAttribute('aria-expanded'), 'false', 'forgotten after clearing');
  assert.equal(await local.getAttribute('aria-expanded'), 'true', 'forgotten after clearing');
  // The "Bad attributes" section warns on purpose, once per problem (and again after each reload).
  await assertClean({ warnings: [/<content-notice>: variant="loud"/, /<content-notice>: gate /] });
});

// ---- <journal-prompts> ----------------------------------------------------------------------

const journalPage = '/test/e2e/pages/journal.html';
const journalLocalPage = '/host/journal-local.html';
const journalStepsPage = '/host/journal-steps.html';
const journalPrefix = 'gentle-widgets:journal-prompts:';
const journalHeading = 'Prompts for a quiet evening';
const journalPrompts = [
  'What was there to be released?',
  'What is a need I can give more attention to?',
  'What is something nourishing I can give myself right now?',
];
/** What the reader types into each field, in the order the fields come: the three prompts, then `q` and `o`. */
const journalWords = [
  'Tears came like rain, quietlantern.\nThen calm.',
  'More sleep — saltmeadow',
  'A warm bath, Zärtlichkeit',
  'What does my body ask, velvetmoss?',
  'Rest, ambergrove',
];
/** One word of each answer that appears nowhere else: none may ever leave the fields but by export. */
const secretWords = ['quietlantern', 'saltmeadow', 'Zärtlichkeit', 'velvetmoss', 'ambergrove', 'Tears came'];

const journalField = (page, n) => page.locator('#journal textarea').nth(n);
const journalButton = (page, part) => page.locator(`#journal button[part~="${part}"]`);
const journalStatus = (page) => page.locator('#journal [part="status"]');
const journalSwitch = (page) => page.locator('#journal [part="storage"] input');

/**
 * Init script: every `journal-prompts-*` event, whatever its name, as dispatched (a wrapper around
 * dispatchEvent) and as heard on `document`, with its detail as JSON.
 */
function recordJournalEvents() {
  window.__journalDispatched = [];
  window.__journalHeard = [];
  const dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (event) {
    if (event.type.startsWith('journal-prompts')) {
      window.__journalDispatched.push(event.type);
      if (!window.__journalListening?.has(event.type)) {
        (window.__journalListening ??= new Set()).add(event.type);
        document.addEventListener(event.type, (heard) => {
          window.__journalHeard.push({ type: heard.type, detail: JSON.stringify(heard.detail) ?? 'undefined' });
        });
      }
    }
    return dispatch.call(this, event);
  };
}

/** Init script: `window.print` still prints, and records each call with what the page looked like then. */
function spyOnPrint() {
  window.__printCalls = [];
  const print = window.print;
  window.print = function () {
    const host = document.querySelector('journal-prompts');
    const root = host.shadowRoot;
    const shown = (el) => el.getClientRects().length > 0;
    window.__printCalls.push({
      printing: host.hasAttribute('data-journal-printing'),
      othersWithBoxes: [...document.body.querySelectorAll('*')]
        .filter((el) => !el.contains(host) && !host.contains(el) && shown(el))
        .map((el) => el.localName + (el.id ? `#${el.id}` : '')),
      journalShown: shown(host),
      buttonsShown: [...root.querySelectorAll('button')].filter(shown).map((el) => el.getAttribute('part')),
      fields: [...root.querySelectorAll('textarea')].map((el) => ({ shown: shown(el), value: el.value })),
      prompts: [...root.querySelectorAll('[part="label"]')].filter(shown).map((el) => el.textContent.trim()),
    });
    return print.call(this);
  };
}

/** Init script: the browser refuses both storage areas the way a "block site data" setting does. */
function blockStorage() {
  for (const name of ['localStorage', 'sessionStorage']) {
    Object.defineProperty(window, name, {
      configurable: true,
      get() {
        throw new DOMException(`Access to '${name}' is denied for this document.`, 'SecurityError');
      },
    });
  }
}

/** This page's journal entries in one storage area: key → stored JSON (parsed). */
const storedJournal = (page, area) =>
  page.evaluate(
    ({ area, prefix }) => {
      const storage = area === 'local' ? localStorage : sessionStorage;
      return Object.fromEntries(
        Object.keys(storage)
          .filter((key) => key.startsWith(prefix))
          .map((key) => [key, JSON.parse(storage.getItem(key))]),
      );
    },
    { area, prefix: journalPrefix },
  );

/** Waits until `area` holds a journal whose stored answers include every text in `texts`. */
async function waitStored(page, area, texts) {
  await page.waitForFunction(
    ({ area, prefix, texts }) => {
      const storage = area === 'local' ? localStorage : sessionStorage;
      const values = Object.keys(storage)
        .filter((key) => key.startsWith(prefix))
        .flatMap((key) => Object.values(JSON.parse(storage.getItem(key))?.a ?? {}));
      return texts.every((text) => values.includes(text));
    },
    { area, prefix: journalPrefix, texts },
  );
}

/** Waits (a little) for the status line to match `pattern`, then asserts it does, showing what it says. */
async function assertStatus(page, pattern, message) {
  await page
    .waitForFunction((source) => new RegExp(source).test(document.querySelector('#journal').shadowRoot.querySelector('[part="status"]').textContent), pattern.source, { timeout: 2_000 })
    .catch(() => {});
  const text = await journalStatus(page).textContent();
  assert.match(text, pattern, `${message ?? 'status line'}: it says “${text.trim()}”`);
}

const fieldValues = (page) => page.locator('#journal textarea').evaluateAll((fields) => fields.map((field) => field.value));

/** Types each text into its field (by number), the way a reader does: click, then keys. */
async function typeAnswers(page, texts) {
  for (const [n, text] of Object.entries(texts)) {
    await journalField(page, Number(n)).click();
    await page.keyboard.type(text);
  }
}

/** The exports the element should produce for `answers` (field order), written out here by hand. */
function expectedExports(date, answers) {
  const [a1, a2, a3, q, o] = answers;
  return {
    markdown:
      `# ${journalHeading}\n\n${date}\n\n` +
      `## ${journalPrompts[0]}\n\n${a1}\n\n## ${journalPrompts[1]}\n\n${a2}\n\n## ${journalPrompts[2]}\n\n${a3}\n\n## ${q}\n\n${o}\n`,
    text:
      `${journalHeading}\n${date}\n\n` +
      `${journalPrompts[0]}\n${a1}\n\n${journalPrompts[1]}\n${a2}\n\n${journalPrompts[2]}\n${a3}\n\n${q}\n${o}\n`,
  };
}

/** Clicks a download button; returns the file's suggested name and its content. */
async function downloadFrom(page, part) {
  const [download] = await Promise.all([page.waitForEvent('download'), journalButton(page, part).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), url: download.url(), content: await readFile(path, 'utf8') };
}

test('journal: typing, the switch both ways, copy, both downloads, print and delete send nothing anywhere; the first word typed loads the export code, once', async (open) => {
  const { page, context, assertClean } = await open(journalPage, {
    permissions: ['clipboard-read', 'clipboard-write'],
    initScripts: [recordJournalEvents, spyOnPrint],
  });
  await upgraded(page);
  await page.waitForLoadState('networkidle');
  // From here on, every request of every kind, to any URL (127.0.0.1 included), counts.
  const requests = [];
  context.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.accept();
  });

  assert.deepEqual(requests, [], 'nothing before the reader types');
  await typeAnswers(page, journalWords);
  assert.deepEqual(await fieldValues(page), journalWords, 'every field holds what was typed');
  // The Copy, Download and Print code: a GET of the library's own file, with nothing of the reader's in it.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/gentle-widgets-export.js')));
  const whileTyping = requests.splice(0);
  assert.equal(whileTyping.length, 1, `while typing, only the export code loads: ${JSON.stringify(whileTyping)}`);
  assert.match(whileTyping[0], /^GET http:\/\/127\.0\.0\.1:\d+\/[^?#]*\/gentle-widgets-export\.js$/);
  await waitStored(page, 'session', journalWords);
  await assertStatus(page, /in this tab until you close it\. They are never sent anywhere\./);

  const toggle = journalSwitch(page);
  assert.equal(await toggle.getAttribute('role'), 'switch');
  await toggle.check();
  await waitStored(page, 'local', journalWords);
  assert.deepEqual(await storedJournal(page, 'session'), {}, 'moved to local: no copy left in the tab');
  await toggle.uncheck();
  await waitStored(page, 'session', journalWords);
  assert.deepEqual(await storedJournal(page, 'local'), {}, 'moved back: no copy left on the device');

  const { date, day } = await page.evaluate(() => ({
    date: new Date().toLocaleDateString('en', { dateStyle: 'long' }),
    day: new Date().toLocaleDateString('sv'),
  }));
  const expected = expectedExports(date, journalWords);
  await journalButton(page, 'copy').click();
  await page.waitForFunction(() => /Copied\./.test(document.querySelector('#journal').shadowRoot.querySelector('[part="status"]').textContent));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected.text, 'the clipboard holds the plain-text export');

  const markdown = await downloadFrom(page, 'markdown');
  assert.equal(markdown.name, `journal-${day}.md`);
  assert.equal(markdown.content, expected.markdown, 'the .md file');
  const text = await downloadFrom(page, 'text');
  assert.equal(text.name, `journal-${day}.txt`);
  assert.equal(text.content, expected.text, 'the .txt file');
  assert.match(await journalStatus(page).textContent(), /Downloaded\./);
  for (const { url } of [markdown, text]) assert.match(url, /^blob:http:\/\/127\.0\.0\.1:\d+\//, 'downloads come from blob: URLs');

  await journalButton(page, 'print').click();
  await page.waitForFunction(() => window.__printCalls.length > 0);
  const printCalls = await page.evaluate(() => window.__printCalls);
  assert.equal(printCalls.length, 1, 'Print calls window.print once');
  assert.equal(printCalls[0].printing, true, 'the journal is marked for printing while window.print runs');
  assert.equal(await page.locator('#journal').getAttribute('data-journal-printing'), null, 'and unmarked afterwards');

  await journalButton(page, 'delete').click();
  assert.equal(dialogs.length, 1, 'Delete asks once');
  assert.match(dialogs[0], /^confirm: Delete all your answers\?/);
  await page.waitForFunction(() => /Your answers are deleted\./.test(document.querySelector('#journal').shadowRoot.querySelector('[part="status"]').textContent));
  assert.deepEqual(await fieldValues(page), ['', '', '', '', ''], 'every field is empty');
  assert.deepEqual([await storedJournal(page, 'session'), await storedJournal(page, 'local')], [{}, {}], 'no stored copy left');

  // blob: downloads are read by the browser from memory, not fetched: if Chromium ever reports one
  // as a request it is listed here, and only blob: URLs of this origin are allowed.
  const network = requests.filter((request) => !request.startsWith(`GET blob:${origin}/`));
  assert.deepEqual(network, [], `requests after load: ${JSON.stringify(requests)}`);
  const seen = requests.length;
  // The recorder itself is live: a request the page makes now is heard.
  await page.evaluate(() => fetch('/demo/favicon.svg').then((response) => response.text()));
  assert.deepEqual(requests.slice(seen), [`GET ${origin}/demo/favicon.svg`], 'the request recorder hears a request');

  const { dispatched, heard } = await page.evaluate(() => ({ dispatched: window.__journalDispatched, heard: window.__journalHeard }));
  assert.deepEqual(heard.map((event) => event.type), dispatched, 'every journal-prompts-* event reaches document');
  for (const { type, detail } of heard) {
    for (const word of secretWords) assert.ok(!detail.includes(word), `${type} detail ${detail} holds “${word}”`);
  }
  const exports = heard.filter((event) => event.type === 'journal-prompts-export').map((event) => event.detail);
  assert.deepEqual(exports, ['{"format":"clipboard"}', '{"format":"markdown"}', '{"format":"text"}', '{"format":"print"}']);
  assert.deepEqual(heard.filter((event) => event.type === 'journal-prompts-clear').map((event) => event.detail), ['{}']);
  const saves = new Set(heard.filter((event) => event.type === 'journal-prompts-save').map((event) => event.detail));
  assert.deepEqual([...saves].sort(), ['{"storage":"local"}', '{"storage":"session"}']);
  console.log(`    requests while the reader used the journal: ${seen} (${requests.slice(0, seen).join(', ') || 'none'}); events: ${heard.length}`);
  await assertClean();
});

test('journal: a reload keeps the tab’s answers, a new tab starts empty, moved answers follow to a new tab', async (open) => {
  const { page, tab, assertClean } = await open(journalPage);
  await upgraded(page);
  await typeAnswers(page, { 0: journalWords[0], 3: journalWords[3] });
  await waitStored(page, 'session', [journalWords[0], journalWords[3]]);
  await page.reload();
  await upgraded(page);
  assert.deepEqual(await fieldValues(page), [journalWords[0], '', '', journalWords[3], ''], 'reload keeps the answers');

  const second = await tab(journalPage);
  await upgraded(second);
  assert.deepEqual(await fieldValues(second), ['', '', '', '', ''], 'a new tab starts empty on session');
  assert.deepEqual(await storedJournal(second, 'session'), {});

  // The reader keeps them on the device: a new tab of the same page (storage="session") finds them there.
  await journalSwitch(page).check();
  await waitStored(page, 'local', [journalWords[0], journalWords[3]]);
  const third = await tab(journalPage);
  await upgraded(third);
  assert.deepEqual(await fieldValues(third), [journalWords[0], '', '', journalWords[3], ''], 'moved answers are found in a new tab');
  assert.equal(await journalSwitch(third).isChecked(), true, 'and the switch says so');
  await assertClean();
});

test('journal: the status line follows the switch, to this device and back to the tab', async (open) => {
  const { page, assertClean } = await open(journalPage);
  await upgraded(page);
  await typeAnswers(page, { 0: journalWords[0] });
  await waitStored(page, 'session', [journalWords[0]]);
  await assertStatus(page, /in this tab until you close it\. They are never sent anywhere\./);
  await journalSwitch(page).check();
  await waitStored(page, 'local', [journalWords[0]]);
  await assertStatus(page, /on this device\. They are never sent anywhere\./, 'after moving the answers to the device');
  await journalSwitch(page).uncheck();
  await waitStored(page, 'session', [journalWords[0]]);
  await assertStatus(page, /in this tab until you close it\./, 'after moving them back to the tab');
  await assertClean();
});

test('journal on local: a new tab sees the answers', async (open) => {
  const { page, tab, assertClean } = await open(journalLocalPage);
  await upgraded(page);
  await assertStatus(page, /on this device\. They are never sent anywhere\./);
  await typeAnswers(page, { 1: journalWords[1], 4: journalWords[4] });
  await waitStored(page, 'local', [journalWords[1], journalWords[4]]);
  const second = await tab(journalLocalPage);
  await upgraded(second);
  assert.deepEqual(await fieldValues(second), ['', journalWords[1], '', '', journalWords[4]]);
  await assertClean();
});

/** A long answer typed as fast as the keyboard goes, ending in characters that must survive too. */
const lastMinute = 'I closed the tab at once — every word of this sentence should still be here, even the last: ✓.';

test('journal: closing the tab right after typing keeps every character on local', async (open) => {
  const { page, tab, assertClean } = await open(journalLocalPage);
  await upgraded(page);
  await journalField(page, 2).click();
  await page.keyboard.type(lastMinute);
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  const next = await tab(journalLocalPage);
  await upgraded(next);
  const survived = (await fieldValues(next))[2];
  assert.equal(survived, lastMinute, `survived ${survived.length} of ${lastMinute.length} characters`);
  await assertClean();
});

test('journal: reloading right after typing keeps every character on session', async (open) => {
  const { page, assertClean } = await open(journalPage);
  await upgraded(page);
  await journalField(page, 2).click();
  await page.keyboard.type(lastMinute);
  await page.reload();
  await upgraded(page);
  const survived = (await fieldValues(page))[2];
  assert.equal(survived, lastMinute, `survived ${survived.length} of ${lastMinute.length} characters`);
  await assertClean();
});

test('journal on local in two tabs: the tab not typing picks up the other’s answers, nothing throws', async (open) => {
  const { page: a, tab, assertClean } = await open(journalLocalPage);
  await upgraded(a);
  const b = await tab(journalLocalPage);
  await upgraded(b);
  await typeAnswers(a, { 0: 'From tab A' });
  await b.waitForFunction(() => document.querySelector('#journal').shadowRoot.querySelector('textarea').value === 'From tab A');
  await a.keyboard.type(', then more');
  await b.waitForFunction(() => document.querySelector('#journal').shadowRoot.querySelector('textarea').value === 'From tab A, then more');
  assert.deepEqual(await fieldValues(b), ['From tab A, then more', '', '', '', '']);
  assert.deepEqual(await fieldValues(a), ['From tab A, then more', '', '', '', ''], 'tab A keeps its own words');
  await assertClean();
});

test('journal with storage blocked: says so, warns once, keeps every word for copy and download', async (open) => {
  const { page, problems, assertClean } = await open(journalPage, {
    permissions: ['clipboard-read', 'clipboard-write'],
    initScripts: [blockStorage, recordJournalEvents],
  });
  await upgraded(page);
  assert.match(
    await journalStatus(page).textContent(),
    /This browser blocks saving\b.*\bThey are never sent anywhere\./,
  );
  assert.equal(await page.locator('#journal [part="storage"]').isVisible(), false, 'no switch to a place that cannot be used');
  await typeAnswers(page, journalWords);
  await page.waitForTimeout(1_200); // past the longest a save can wait
  assert.deepEqual(await fieldValues(page), journalWords, 'every typed word is still in its field');
  const { date } = await page.evaluate(() => ({ date: new Date().toLocaleDateString('en', { dateStyle: 'long' }) }));
  const expected = expectedExports(date, journalWords);
  await journalButton(page, 'copy').click();
  await page.waitForFunction(() => /Copied\./.test(document.querySelector('#journal').shadowRoot.querySelector('[part="status"]').textContent));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected.text);
  assert.equal((await downloadFrom(page, 'markdown')).content, expected.markdown);
  const saves = await page.evaluate(() => window.__journalHeard.filter((event) => event.type === 'journal-prompts-save'));
  assert.deepEqual(saves, [], 'nothing claims to have saved');
  const blocked = problems.warnings.filter((text) => text.startsWith('<journal-prompts>: '));
  assert.equal(blocked.length, 1, `one warning, got ${JSON.stringify(blocked)}`);
  assert.match(blocked[0], /storage is blocked/);
  await assertClean({ warnings: [/^<journal-prompts>: storage is blocked/] });
});

test('journal steps by keyboard: Tab to Next, Enter shows “2 of 4” and focuses its field, Previous goes back with the text', async (open) => {
  const { page, assertClean } = await open(journalStepsPage);
  await upgraded(page);
  const counter = page.locator('#journal [part="counter"]');
  assert.equal((await counter.textContent()).trim(), '1 of 4');
  await page.focus('#before');
  await page.keyboard.press('Tab');
  const first = await deepActive(page);
  assert.deepEqual([first?.tag, first?.part, first?.host], ['textarea', 'answer', 'journal'], 'Tab reaches the first step’s field');
  await page.keyboard.type('First step, by keyboard');
  await page.keyboard.press('Tab');
  assert.equal((await deepActive(page))?.part, 'button next', 'Tab skips the disabled Previous and reaches Next');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#journal').shadowRoot.querySelector('[part="counter"]').textContent.trim() === '2 of 4');
  let active = await deepActive(page);
  assert.equal(active?.tag, 'textarea', 'focus moves into the new step’s field');
  assert.equal(await page.evaluate(() => document.querySelector('#journal').shadowRoot.activeElement.labels[0].textContent.trim()), journalPrompts[1]);
  assert.equal(await journalField(page, 0).isVisible(), false, 'the first step is out of view');
  await page.keyboard.type('Second step');

  await page.keyboard.press('Shift+Tab');
  assert.notEqual((await deepActive(page))?.host, 'journal', 'Shift+Tab leaves the journal: the hidden first step is not in the Tab order');
  await page.keyboard.press('Tab');
  assert.equal((await deepActive(page))?.tag, 'textarea', 'Tab comes back to the current field');
  await page.keyboard.press('Tab');
  assert.equal((await deepActive(page))?.part, 'button previous');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#journal').shadowRoot.querySelector('[part="counter"]').textContent.trim() === '1 of 4');
  active = await deepActive(page);
  assert.equal(active?.tag, 'textarea');
  assert.equal(await journalField(page, 0).inputValue(), 'First step, by keyboard', 'the first answer is intact');
  assert.equal(await journalField(page, 1).inputValue(), 'Second step', 'the second answer is intact');
  await assertClean();
});

test('journal print: only the journal prints, every step’s field shows, no buttons; forced colours keep borders', async (open) => {
  const { page, assertClean } = await open(journalStepsPage, { initScripts: [spyOnPrint] });
  await upgraded(page);
  await typeAnswers(page, { 0: 'Printed first answer' });
  await journalButton(page, 'next').click();
  await journalButton(page, 'next').click();
  await journalField(page, 2).click();
  await page.keyboard.type('Printed third answer');

  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.querySelector('#journal').print());
  const [call] = await page.evaluate(() => window.__printCalls);
  assert.equal(call.printing, true);
  assert.deepEqual(call.othersWithBoxes, [], 'nothing outside the journal prints');
  assert.equal(call.journalShown, true, 'the journal prints');
  assert.deepEqual(call.buttonsShown, [], 'no buttons print');
  assert.deepEqual(call.prompts, [...journalPrompts, 'Your own question', 'Your answer'], 'every step prints');
  assert.deepEqual(
    call.fields,
    [
      { shown: true, value: 'Printed first answer' },
      { shown: true, value: '' },
      { shown: true, value: 'Printed third answer' },
      { shown: true, value: '' },
      { shown: true, value: '' },
    ],
    'every step’s field prints, with its answer',
  );
  await page.emulateMedia({ media: 'screen', forcedColors: 'active' });
  const edges = await page.evaluate(() =>
    [...document.querySelector('#journal').shadowRoot.querySelectorAll('textarea, button')]
      .filter((el) => el.getClientRects().length)
      .map((el) => {
        const style = getComputedStyle(el);
        const visible = style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) >= 1 && !/rgba\(.*, 0\)$/.test(style.borderTopColor);
        return `${el.localName}[${el.getAttribute('part')}]: ${visible ? 'border' : `no border (${style.borderTopStyle} ${style.borderTopWidth} ${style.borderTopColor})`}`;
      }),
  );
  assert.ok(edges.length >= 7, `fields and buttons on screen: ${edges.length}`);
  assert.deepEqual(edges.filter((edge) => !edge.endsWith(': border')), [], 'every field and button keeps a visible border in forced colours');
  await assertClean();
});

test('journal print: after the journal’s Print, the browser’s own Print still prints the whole page', async (open) => {
  const { page, assertClean } = await open(journalPage, { initScripts: [spyOnPrint] });
  await upgraded(page);
  const page_ = ['#site-header', '#intro', '#outro', '#site-footer'];
  const printed = () => page.evaluate((selectors) => selectors.filter((s) => document.querySelector(s).getClientRects().length), page_);
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await printed(), page_, 'before: the browser prints the whole page');
  await page.emulateMedia({ media: 'screen' });
  await journalButton(page, 'print').click();
  await page.waitForFunction(() => window.__printCalls.length > 0);
  assert.equal((await page.evaluate(() => window.__printCalls)).length, 1);
  // Later the reader prints the article from the browser's menu (Ctrl+P): nothing marks the journal now.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('[data-journal-printing]').count(), 0);
  assert.deepEqual(await printed(), page_, 'after: the browser still prints the whole page, not a blank one');
  await assertClean();
});

test('journal before the script runs: the pre-upgrade stylesheet keeps the upgraded height, and gives it back when no script comes', async (open) => {
  const height = (page) => page.locator('#journal').evaluate((el) => el.getBoundingClientRect().height);
  const viewport = { width: 1100, height: 900 };
  const { page: upgradedPage, assertClean } = await open(journalPage, { viewport });
  await upgraded(upgradedPage);
  const after = await height(upgradedPage);
  const { page: noJs } = await open(journalPage, { viewport, javaScriptEnabled: false });
  const plain = await height(noJs);
  // The same page with its script tag gone: what a reader gets while the script is still loading.
  const { page, assertClean: assertCleanLoading } = await open('/host/journal-no-script.html', { viewport });
  const loading = await height(page);
  assert.ok(after > 2 * plain, `the upgraded journal (${after}px) is much taller than the plain list (${plain}px)`);
  assert.ok(Math.abs(loading - after) <= 0.1 * after, `while loading, ${loading}px is within 10% of the upgraded ${after}px`);
  await page.waitForTimeout(4500);
  const gaveBack = await height(page);
  assert.ok(Math.abs(gaveBack - plain) <= 0.1 * plain, `after 4 s without a script, ${gaveBack}px is back near the plain list's ${plain}px`);
  await assertClean();
  await assertCleanLoading();
});

// ---- <book-call-cta> ------------------------------------------------------------------------

const bookingPage = '/test/e2e/pages/booking.html';
/** The booking page's policy: the strict one, plus the schedulers' frames (hosts must allow theirs). */
const bookingFrames = ['https://calendly.com', 'https://app.cal.com', 'https://cal.example.org', 'https://evil.example'];
const bookingCsp = `${strictCsp}; frame-src ${bookingFrames.join(' ')}`;
/** Every scheduler origin the booking page may reach: the frames, and cal.com, where a new tab goes. */
const schedulerOrigins = [...bookingFrames, 'https://cal.com'];
/** Which messages the stand-in on each origin speaks; evil.example speaks what `?as=` says. */
const standInSpeaks = { 'https://calendly.com': 'calendly', 'https://app.cal.com': 'cal', 'https://cal.example.org': 'cal' };

/**
 * The stand-in scheduler's only script. It records every message from the page around it
 * (`__heard`), posts with `__post(data)` exactly as the schedulers do (to '*'), and, speaking
 * Cal.com, first says `CAL::__iframeReady` and refuses to say anything else through `__say` until
 * the page has answered `parentKnowsIframeReady` (Cal.com keeps its page hidden until then).
 * `__focus` lists focus moving in and out of its two buttons.
 */
const standInScript = `(() => {
  const cal = document.documentElement.dataset.speaks === 'cal';
  const heard = (window.__heard = []);
  const focus = (window.__focus = []);
  addEventListener('focusin', (event) => focus.push('in ' + event.target.textContent));
  addEventListener('focusout', (event) => focus.push('out ' + event.target.textContent));
  window.__answered = !cal;
  window.__post = (data) => parent.postMessage(data, '*');
  window.__say = (data) => {
    if (!window.__answered) throw new Error('the page has not answered CAL::__iframeReady');
    window.__post(data);
  };
  addEventListener('message', (event) => {
    if (event.source !== parent) return;
    heard.push({ origin: event.origin, data: event.data });
    const data = event.data;
    if (cal && data && data.originator === 'CAL' && data.method === 'parentKnowsIframeReady') window.__answered = true;
  });
  if (cal && parent !== window) {
    addEventListener('load', () =>
      window.__post({ originator: 'CAL', type: '__iframeReady', namespace: '', fullType: 'CAL::__iframeReady', data: { isPrerendering: false } }),
    );
  }
})();`;
const standInHash = createHash('sha256').update(standInScript).digest('base64');

/** The stand-in page for `url`, with headers that let the booking page (and only it) frame it. */
function standIn(url) {
  const { origin: at, searchParams } = new URL(url);
  const speaks = standInSpeaks[at] ?? searchParams.get('as') ?? 'nothing';
  return {
    status: 200,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': `default-src 'none'; script-src 'sha256-${standInHash}'; frame-ancestors ${origin}`,
    },
    body:
      `<!doctype html><html lang="en" data-speaks="${speaks}"><head><meta charset="utf-8">` +
      `<title>Stand-in scheduler on ${at}</title><script>${standInScript}</script></head>` +
      '<body><h1>Pick a time</h1><button type="button">Tomorrow, 10:30</button> <button type="button">Confirm</button></body></html>',
  };
}

/**
 * `setup` for openPage: every scheduler origin answers with a stand-in, inside the browser, and
 * every request to one is written to `log` with the frame that made it.
 */
const schedulers = (log) => async (context) => {
  context.on('request', (request) => {
    if (!schedulerOrigins.includes(new URL(request.url()).origin)) return;
    let frame = null;
    try {
      frame = request.frame();
    } catch {
      // a navigation whose frame does not exist yet
    }
    log.push({ url: request.url(), type: request.resourceType(), frame });
  });
  await context.route(
    (url) => schedulerOrigins.includes(url.origin),
    (route) => route.fulfill(standIn(route.request().url())),
  );
};

/**
 * What `log` holds, per scheduler origin, as seen from `page`: requests by the page itself
 * (`page`), by frames in it (`frames`, as `type url`), by other tabs (`tabs`).
 */
function schedulerRequests(log, page) {
  const seen = {};
  for (const { url, type, frame } of log) {
    const where = frame === page.mainFrame() ? 'page' : frame?.page() === page ? 'frames' : 'tabs';
    ((seen[new URL(url).origin] ??= { page: [], frames: [], tabs: [] })[where]).push(`${type} ${url}`);
  }
  return seen;
}

/** Init script (top window only): every message the page receives, focus moving, and every book-call-cta-* event. */
function recordBooking() {
  if (window !== window.top) return;
  window.__messages = [];
  addEventListener('message', (event) => window.__messages.push({ origin: event.origin, data: event.data }));
  // Focus moving in the document, and in each shadow root given to __watchFocus (a move between two
  // elements of one shadow root is not seen outside it): `in|out`, `dialog` or `page`, the element.
  window.__focus = [];
  window.__watchFocus = (root) => {
    for (const type of ['focusin', 'focusout']) {
      root.addEventListener(
        type,
        (event) => {
          const el = event.composedPath()[0];
          if (el.getRootNode?.() !== root) return;
          const where = el.closest?.('dialog') ? 'dialog' : 'page';
          window.__focus.push(`${type.slice(5)} ${where} ${el.getAttribute?.('part') ?? el.localName + (el.id ? `#${el.id}` : '')}`);
        },
        true,
      );
    }
  };
  window.__watchFocus(document);
  window.__ctaEvents = [];
  for (const type of ['book-call-cta-open', 'book-call-cta-close', 'book-call-cta-scheduled']) {
    document.addEventListener(type, (event) => window.__ctaEvents.push(`${type} #${event.target.id} ${JSON.stringify(event.detail)}`));
  }
}

const ctaEvents = (page) => page.evaluate(() => window.__ctaEvents);

async function bookingUpgraded(page) {
  await page.evaluate(() => customElements.whenDefined('book-call-cta'));
  await page.waitForFunction(() => [...document.querySelectorAll('book-call-cta')].every((el) => el.hasUpdated));
  await page.evaluate(() => Promise.all([...document.querySelectorAll('book-call-cta')].map((el) => el.updateComplete)));
}

const ctaButton = (page, id) => page.locator(`#${id} [part="button"]`);

/**
 * Clicks element `id`'s button as a reader would, once it is on screen and painted there: a click
 * sent right after a scroll can be routed by where a scheduler's frame (another process) was before
 * it, and land in that frame.
 */
async function clickCta(page, id) {
  const button = ctaButton(page, id);
  await button.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await button.click();
}

/**
 * Everything on the page that could reach a scheduler before the reader acts: frames, resource
 * hints, scripts, speculation rules, anything with a src or srcset pointing off the page, resource
 * timings, and web fonts (in the document and every open shadow root).
 */
const reachesOut = (page) =>
  page.evaluate((origins) => {
    const roots = [document];
    for (let i = 0; i < roots.length; i++) {
      for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    }
    const found = [];
    const hints = /\b(preconnect|dns-prefetch|prefetch|preload|modulepreload|prerender)\b/;
    for (const root of roots) {
      for (const el of root.querySelectorAll('iframe, frame, object, embed, portal, fencedframe')) found.push(`<${el.localName}> ${el.src ?? el.data ?? ''}`);
      for (const el of root.querySelectorAll('link')) if (hints.test(el.rel)) found.push(`<link rel="${el.rel}"> ${el.href}`);
      for (const el of root.querySelectorAll('script')) {
        if (el.type === 'speculationrules') found.push('<script type="speculationrules">');
        else if (el.src && new URL(el.src).origin !== location.origin) found.push(`<script> ${el.src}`);
      }
      for (const el of root.querySelectorAll('[src], [srcset], [poster]')) {
        const urls = [el.getAttribute('src'), el.getAttribute('poster'), ...(el.getAttribute('srcset') ?? '').split(',')].filter(Boolean);
        for (const url of urls) if (new URL(url.trim().split(/\s+/)[0], location.href).origin !== location.origin) found.push(`<${el.localName}> ${url}`);
      }
    }
    for (const entry of performance.getEntriesByType('resource')) if (origins.includes(new URL(entry.name).origin)) found.push(`fetched ${entry.name}`);
    for (const font of document.fonts) found.push(`font ${font.family} (${font.status})`);
    return found;
  }, schedulerOrigins);

/** Before the reader acts: not one request to any scheduler, and nothing on the page that would make one. */
async function assertNothingFromSchedulers(page, log, when) {
  await page.waitForLoadState('networkidle');
  assert.deepEqual(schedulerRequests(log, page), {}, `${when}: requests to a scheduler`);
  assert.deepEqual(await reachesOut(page), [], `${when}: the page points at a scheduler`);
}

/**
 * Waits until `fn(arg)` is true in `frame`, checking every 50 ms: Chromium holds back animation
 * frames in a cross-origin frame that is off screen, so the default (once per frame) may never check.
 */
const frameCondition = (frame, fn, arg) => frame.waitForFunction(fn, arg, { polling: 50 });

/** The scheduler frame of element `id`, once the stand-in on `at` has loaded in it. */
async function schedulerFrame(page, id, at) {
  const handle = await page.locator(`#${id} iframe`).elementHandle();
  const frame = await handle.contentFrame();
  await frame.waitForURL((url) => url.origin === at);
  await frame.waitForLoadState('load');
  await frameCondition(frame, () => Array.isArray(window.__heard));
  return frame;
}

/** Height in CSS px of element `id`'s part `part` (`iframe` for its frame). */
const partHeight = (page, id, part = 'iframe') =>
  page.evaluate(
    ({ id, part }) => {
      const el = document.getElementById(id).shadowRoot.querySelector(part === 'iframe' ? 'iframe' : `[part="${part}"]`);
      return el ? el.getBoundingClientRect().height : null;
    },
    { id, part },
  );

/** Waits (a little) for element `id`'s frame to be `height` px tall, then asserts it is. */
async function assertFrameHeight(page, id, height, message) {
  await page
    .waitForFunction(({ id, height }) => document.getElementById(id).shadowRoot.querySelector('iframe')?.getBoundingClientRect().height === height, { id, height }, { timeout: 2_000 })
    .catch(() => {});
  assert.equal(await partHeight(page, id), height, message);
}

/** A Cal.com embed message, as its embed page posts it (test/providers.test.ts has the sources). */
const calMessage = (type, data) => ({ originator: 'CAL', type, namespace: '', fullType: `CAL::${type}`, data });
const calHeight = (iframeHeight, isFirstTime = false) => calMessage('__dimensionChanged', { iframeHeight, iframeWidth: 640, isFirstTime });
const calBooked = calMessage('bookingSuccessfulV2', {
  uid: 'abc123',
  title: '20 Min Discovery Call between Jane Doe and Ana Reader',
  startTime: '2026-12-01T09:00:00.000Z',
  endTime: '2026-12-01T09:20:00.000Z',
  status: 'ACCEPTED',
  attendees: [{ name: 'Ana Reader', email: 'ana@example.org' }],
});
const calendlyHeight = (height) => ({ event: 'calendly.page_height', payload: { height } });
const calendlyBooked = {
  event: 'calendly.event_scheduled',
  payload: {
    event: { uri: 'https://api.calendly.com/scheduled_events/ABCDABCDABCDABCD' },
    invitee: { uri: 'https://api.calendly.com/scheduled_events/ABCDABCDABCDABCD/invitees/ABCDABCDABCDABCD' },
  },
};

/**
 * Posts `messages` from `frame` (a stand-in, with `__post`), and waits until the page has received
 * every one: by then each has gone through the element's listener too (one dispatch, one task).
 */
async function postFrom(page, frame, messages) {
  const before = await page.evaluate(() => window.__messages.length);
  for (const data of messages) await frame.evaluate((data) => window.__post(data), data);
  await page.waitForFunction((n) => window.__messages.length >= n, before + messages.length);
}

/**
 * What `frame` has heard from the page, up to a marker the page posts to it now: one window's
 * messages to another arrive in order, so anything the element sent it before is in the list.
 * `target` names the frame in the page: `{ id }` of an iframe in the document, or `{ cta }`, the id
 * of the element whose frame it is.
 */
async function heardBy(page, frame, target) {
  const marker = `marker ${Math.random()}`;
  await page.evaluate(
    ({ id, cta, marker }) => {
      const iframe = cta ? document.getElementById(cta).shadowRoot.querySelector('iframe') : document.getElementById(id);
      iframe.contentWindow.postMessage(marker, '*');
    },
    { ...target, marker },
  );
  await frameCondition(frame, (marker) => window.__heard.some((m) => m.data === marker), marker);
  return frame.evaluate((marker) => window.__heard.filter((m) => m.data !== marker), marker);
}

/** Puts another frame into the page, as a third party could, and waits for its stand-in. */
async function injectFrame(page, id, src) {
  await page.evaluate(
    ({ id, src }) => {
      const iframe = document.createElement('iframe');
      iframe.id = id;
      iframe.title = 'Another frame';
      iframe.src = src;
      document.querySelector('main').append(iframe);
    },
    { id, src },
  );
  const frame = await (await page.locator(`#${id}`).elementHandle()).contentFrame();
  await frame.waitForURL((url) => url.origin === new URL(src).origin);
  await frame.waitForLoadState('load');
  await frameCondition(frame, () => Array.isArray(window.__heard));
  return frame;
}

const calendlyUrl = 'https://calendly.com/stories-with-ease/discovery-call';
const calUrl = 'https://cal.com/stories-with-ease/discovery-call';

test('booking, link mode: nothing from Calendly or Cal.com before the click; the click opens the booking page in a new tab, the page itself requests nothing from them', async (open) => {
  const log = [];
  const { page, context, assertClean } = await open(bookingPage, { setup: schedulers(log), initScripts: [recordBooking] });
  await bookingUpgraded(page);
  await assertNothingFromSchedulers(page, log, 'before any click');

  const expected = {};
  for (const [id, url] of [
    ['calendly-link', `${calendlyUrl}?utm_source=e2e`],
    ['cal-link', calUrl],
  ]) {
    const button = ctaButton(page, id);
    assert.equal(await button.evaluate((el) => `${el.localName} ${el.target} ${el.rel}`), 'a _blank noopener', `#${id} is a new-tab link`);
    const [tab] = await Promise.all([context.waitForEvent('page'), clickCta(page, id)]);
    await tab.waitForLoadState('load');
    assert.equal(tab.url(), url, `#${id} opens the booking page`);
    assert.equal(await tab.evaluate(() => window.opener), null, 'the booking page has no handle on the article');
    await tab.close();
    const at = new URL(url).origin;
    expected[at] = { page: [], frames: [], tabs: [`document ${url}`] };
    assert.deepEqual(schedulerRequests(log, page), expected, `after #${id}: one request, from the new tab only`);
  }
  assert.deepEqual(await reachesOut(page), [], 'the page still points at no scheduler');
  assert.deepEqual(await ctaEvents(page), [
    'book-call-cta-open #calendly-link {"provider":"calendly","mode":"link"}',
    'book-call-cta-open #cal-link {"provider":"cal","mode":"link"}',
  ]);
  await assertClean();
});

for (const mode of ['popup', 'inline']) {
  test(`booking, ${mode} mode: nothing from a scheduler before the click; then only the frame’s document, from each one activated`, async (open) => {
    const log = [];
    const { page, assertClean } = await open(bookingPage, { setup: schedulers(log), initScripts: [recordBooking] });
    await bookingUpgraded(page);
    await assertNothingFromSchedulers(page, log, 'before any click');
    const host = new URL(origin).host;
    const embeds =
      mode === 'popup'
        ? [
            ['calendly-popup', `${calendlyUrl}?embed_domain=${encodeURIComponent(host)}&embed_type=PopupText`],
            ['cal-popup', 'https://app.cal.com/stories-with-ease/discovery-call/embed?embed=&embedType=modal'],
            ['self-hosted-popup', 'https://cal.example.org/stories-with-ease/discovery-call/embed?embed=&embedType=modal'],
          ]
        : [
            ['calendly-inline', `${calendlyUrl}?embed_domain=${encodeURIComponent(host)}&embed_type=Inline`],
            ['cal-inline', 'https://app.cal.com/stories-with-ease/discovery-call/embed?embed=&embedType=inline'],
            ['self-hosted-inline', 'https://cal.example.org/stories-with-ease/discovery-call/embed?embed=&embedType=inline'],
          ];
    // The consent line names the scheduler before anything loads from it.
    const consent = await page.locator(`#cal-${mode} [part="consent"]`).textContent();
    assert.match(consent, /^Opens Cal\.com, an external service that may set cookies\. Open it in a new tab instead\s*$/);
    assert.equal(await page.locator(`#cal-${mode} [part="elsewhere"]`).getAttribute('href'), calUrl);

    const expected = {};
    for (const [id, embed] of embeds) {
      const at = new URL(embed).origin;
      const reserved = mode === 'inline' ? await partHeight(page, id, 'frame') : null;
      await clickCta(page, id);
      const frame = await schedulerFrame(page, id, at);
      assert.equal(frame.url(), embed, `#${id} frames the embed page`);
      expected[at] = { page: [], frames: [`document ${embed}`], tabs: [] };
      assert.deepEqual(schedulerRequests(log, page), expected, `after #${id}: one request, the frame’s document`);
      if (mode === 'popup') {
        assert.equal(await page.locator(`#${id} dialog`).evaluate((el) => el.open && el.matches(':modal')), true, `#${id} opened its dialog`);
        await page.keyboard.press('Escape');
        await page.waitForFunction((id) => !document.getElementById(id).shadowRoot.querySelector('dialog').open, id);
      } else {
        // Nothing jumps: the frame takes the box the placeholder held.
        assert.ok(Math.abs((await partHeight(page, id, 'frame')) - reserved) <= 2, `#${id}: the placeholder held ${reserved}px, the loaded frame box is ${await partHeight(page, id, 'frame')}px`);
      }
    }
    assert.deepEqual(
      (await ctaEvents(page)).filter((event) => event.startsWith('book-call-cta-open')),
      embeds.map(([id]) => `book-call-cta-open #${id} {"provider":"${id.startsWith('calendly') ? 'calendly' : 'cal'}","mode":"${mode}"}`),
    );
    await assertClean();
  });
}

/** Where focus is, seen from the page: in element `id`'s dialog (the part, or `iframe`), `nowhere`, or elsewhere. */
const focusInDialog = (page, id) =>
  page.evaluate((id) => {
    const host = document.getElementById(id);
    const active = document.activeElement;
    if (!active || active === document.body) return 'nowhere';
    if (active !== host) return `outside: ${active?.localName}${active?.id ? `#${active.id}` : ''}`;
    const inner = host.shadowRoot.activeElement;
    if (!host.shadowRoot.querySelector('dialog').contains(inner)) return `outside the dialog: ${inner?.getAttribute('part') ?? inner?.localName}`;
    return inner.getAttribute('part') ?? inner.localName;
  }, id);

/** While element `id`'s dialog is open: can the page around it be pointed at, clicked, focused, read? */
async function assertBackgroundInert(page, context, id) {
  const link = page.locator('#before-dialogs');
  const box = await link.boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box && box.y >= 0 && box.y + box.height <= viewport.height, 'the link before the dialogs is on screen behind the dialog');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const hit = await page.evaluate(({ x, y }) => {
    const el = document.elementFromPoint(x, y);
    return el?.id || el?.localName;
  }, { x, y });
  assert.equal(hit, id, 'what lies under the pointer is the dialog’s backdrop, not the page');
  await page.mouse.click(x, y);
  assert.equal(await page.evaluate(() => location.hash), '', 'a click on the page behind does not reach its link');
  const focused = await link.evaluate((el) => {
    el.focus();
    return document.activeElement === el;
  });
  assert.equal(focused, false, 'the page behind cannot take focus');
  assert.ok(!(await accessibleNames(context, page)).includes('A link before the dialogs'), 'the page behind is out of the accessibility tree');
  assert.equal(await page.locator(`#${id} dialog`).evaluate((el) => el.open && el.matches(':modal')), true, 'the dialog is still open and modal');
}

/** Waits until element `id`'s dialog is closed and `book-call-cta-close` has fired `count` times in all. */
async function closed(page, id, count) {
  await page.waitForFunction(
    ({ id, count }) =>
      !document.getElementById(id).shadowRoot.querySelector('dialog').open &&
      window.__ctaEvents.filter((event) => event.startsWith('book-call-cta-close')).length >= count,
    { id, count },
  );
}

/**
 * Presses Tab 5 times from Close in element `id`'s open dialog, each time waiting until focus has
 * moved (in the page or in the scheduler's `frame`) and settled. Focus into and out of a frame on
 * another origin moves in steps, so this reads where it went from the focus events. Asserts it went
 * through the scheduler, never reached the page behind, and came back around into the dialog: past
 * the last stop Chromium hands focus to its own toolbar (no element of the page has it), and from
 * there to Close or, at times, straight to the scheduler's first stop.
 */
async function assertTabStaysInDialog(page, frame, id) {
  const times = 5;
  assert.equal(await focusInDialog(page, id), 'close-button', 'Tab starts from Close');
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('book-call-cta:not([data-focus-watched])')) {
      window.__watchFocus(el.shadowRoot);
      el.dataset.focusWatched = '';
    }
  });
  // Settled: on an element of the scheduler, or out of the scheduler's document altogether (on Close,
  // or past the dialog's last stop, where Chromium hands focus to its own toolbar). Not settled: the
  // scheduler's document still has focus but none of its elements does, as focus leaves it.
  const settled = () => frame.evaluate(() => !document.hasFocus() || document.activeElement !== document.body);
  const moves = async () => (await page.evaluate(() => window.__focus.length)) + (await frame.evaluate(() => window.__focus.length));
  const [pageFrom, frameFrom] = [await page.evaluate(() => window.__focus.length), await frame.evaluate(() => window.__focus.length)];
  for (let i = 0; i < times; i++) {
    const before = await moves();
    await page.keyboard.press('Tab');
    const deadline = Date.now() + 3_000;
    while ((await moves()) === before || !(await settled())) {
      assert.ok(Date.now() < deadline, `Tab ${i + 1}: focus did not settle`);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    }
  }
  const inPage = (await page.evaluate(() => window.__focus)).slice(pageFrom).filter((move) => move.startsWith('in '));
  const inFrame = (await frame.evaluate(() => window.__focus)).slice(frameFrom).filter((move) => move.startsWith('in '));
  assert.deepEqual(inPage.filter((move) => !/^in dialog (close-button|iframe)$/.test(move)), [], `Tab never reaches the page behind: ${inPage.join(', ')}`);
  assert.deepEqual([...new Set(inFrame)], ['in Tomorrow, 10:30', 'in Confirm'], 'Tab goes through the scheduler');
  // Focus that came back from the toolbar straight into the scheduler leaves the page's activeElement on <body>.
  const inScheduler = await frame.evaluate(() => document.hasFocus() && document.activeElement !== document.body);
  const last = inScheduler ? 'the scheduler' : await focusInDialog(page, id);
  assert.match(last, /^(close-button|iframe|the scheduler)$/, 'Tab comes back around into the dialog');
}

test('booking dialog by keyboard: Tab to the button, Enter opens it with focus on Close, Tab stays inside, the page behind is inert, Escape closes and focus returns', async (open) => {
  const log = [];
  const { page, context, assertClean } = await open(bookingPage, { setup: schedulers(log), initScripts: [recordBooking] });
  await bookingUpgraded(page);
  const id = 'calendly-popup';
  await page.focus('#before-dialogs');
  await page.keyboard.press('Tab');
  let active = await deepActive(page);
  assert.deepEqual([active?.tag, active?.part, active?.host], ['button', 'button', id], 'Tab reaches the button');
  assert.equal(await ctaButton(page, id).getAttribute('aria-haspopup'), 'dialog');

  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelector('dialog').open, id);
  assert.equal(await focusInDialog(page, id), 'close-button', 'focus starts on the close button');
  const dialog = page.locator(`#${id} dialog`);
  const name = await dialog.evaluate((el) => el.getRootNode().getElementById(el.getAttribute('aria-labelledby'))?.textContent.trim());
  assert.equal(name, 'Book a call on Calendly', 'the dialog is named');
  assert.equal(await page.locator(`#${id} [part="close-button"]`).textContent().then((text) => text.trim()), 'Close');
  const frame = await schedulerFrame(page, id, 'https://calendly.com');
  assert.equal(await page.locator(`#${id} iframe`).getAttribute('title'), 'Book a call on Calendly (Calendly)');

  await assertTabStaysInDialog(page, frame, id);
  await assertBackgroundInert(page, context, id);

  await page.locator(`#${id} [part="close-button"]`).focus();
  await page.keyboard.press('Escape');
  await closed(page, id, 1);
  active = await deepActive(page);
  assert.deepEqual([active?.part, active?.host], ['button', id], 'focus is back on the button');
  assert.ok((await accessibleNames(context, page)).includes('A link before the dialogs'), 'the page is back in the accessibility tree');
  assert.deepEqual(await ctaEvents(page), [
    `book-call-cta-open #${id} {"provider":"calendly","mode":"popup"}`,
    `book-call-cta-close #${id} {"provider":"calendly"}`,
  ]);
  await assertClean();
});

test('booking dialog by keyboard: Space opens it, Enter on Close closes it, focus returns; again with Enter and Space; then by pointer, with a click that does not focus (Safari)', async (open) => {
  const log = [];
  const { page, context, assertClean } = await open(bookingPage, { setup: schedulers(log), initScripts: [recordBooking] });
  await bookingUpgraded(page);
  const id = 'cal-popup';
  await page.focus('#before-dialogs');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  let active = await deepActive(page);
  assert.deepEqual([active?.part, active?.host], ['button', id], 'Tab reaches the second dialog’s button');
  assert.equal(await ctaButton(page, id).getAttribute('aria-describedby'), 'consent', 'the button is described by the consent line');

  let closes = 0;
  for (const [opener, closer] of [
    ['Space', 'Enter'],
    ['Enter', 'Space'],
  ]) {
    await page.keyboard.press(opener);
    await page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelector('dialog').open, id);
    assert.equal(await focusInDialog(page, id), 'close-button', `${opener} opens the dialog, with focus on Close`);
    const frame = await schedulerFrame(page, id, 'https://app.cal.com');
    await assertTabStaysInDialog(page, frame, id);
    await assertBackgroundInert(page, context, id);
    await page.locator(`#${id} [part="close-button"]`).focus();
    await page.keyboard.press(closer);
    await closed(page, id, ++closes);
    active = await deepActive(page);
    assert.deepEqual([active?.part, active?.host], ['button', id], `${closer} on Close closes it; focus is back on the button`);
  }

  // Clicked as in Safari, where a click does not focus the button: left alone, the browser would give
  // focus back to what had it before (nothing), so the element has to bring it to the button.
  await page.evaluate((id) => {
    document.getElementById(id).shadowRoot.querySelector('[part="button"]').addEventListener('mousedown', (event) => event.preventDefault());
    document.activeElement.blur();
  }, id);
  await clickCta(page, id);
  await page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelector('dialog').open, id);
  await page.locator(`#${id} [part="close-button"]`).click();
  await closed(page, id, ++closes);
  active = await deepActive(page);
  assert.deepEqual([active?.part, active?.host], ['button', id], 'a click on Close closes it; focus is on the button, though the click that opened it did not put it there');

  assert.deepEqual(
    (await ctaEvents(page)).filter((event) => event.startsWith('book-call-cta-close')),
    Array(closes).fill(`book-call-cta-close #${id} {"provider":"cal"}`),
    'one close event each time',
  );
  await assertClean();
});

/** Navigates the stand-in in `frame` to `url` from inside (as a redirect or a link in it would), and waits for the new stand-in. */
async function navigateFrom(frame, url) {
  await frame.evaluate((url) => {
    location.href = url;
  }, url);
  await frame.waitForURL((at) => at.origin === new URL(url).origin);
  await frame.waitForLoadState('load');
  await frameCondition(frame, () => Array.isArray(window.__heard));
}

const scheduledEvents = async (page) => (await ctaEvents(page)).filter((event) => event.startsWith('book-call-cta-scheduled'));

test('booking, Calendly inline: the frame follows calendly.page_height, clamped; event_scheduled fires book-call-cta-scheduled with {provider}; the same from another frame or another origin is ignored', async (open) => {
  const log = [];
  const { page, assertClean } = await open(bookingPage, { setup: schedulers(log), initScripts: [recordBooking], viewport: { width: 1100, height: 900 } });
  await bookingUpgraded(page);
  const id = 'calendly-inline';
  assert.equal(await partHeight(page, id, 'frame'), 630 + 2, 'the placeholder holds Calendly’s own height (630px, plus its border)');
  await clickCta(page, id);
  const frame = await schedulerFrame(page, id, 'https://calendly.com');
  await assertFrameHeight(page, id, 630, 'before any message: the reserved height');
  for (const [sent, height, why] of [
    ['1000px', 1000, 'follows the scheduler'],
    ['300px', 630, 'never below the reserved height'],
    ['50000px', 2400, 'never above 2400px inline'],
    ['812.5px', 812.5, 'follows the scheduler again'],
  ]) {
    await postFrom(page, frame, [calendlyHeight(sent)]);
    await assertFrameHeight(page, id, height, `page_height ${sent}: ${why}`);
  }
  const ignored = [calendlyHeight('1500px'), calendlyBooked];

  // Another frame on Calendly's own origin, put into the page: right origin, wrong window.
  const sameOrigin = await injectFrame(page, 'impostor', `${calendlyUrl}?another=frame`);
  await postFrom(page, sameOrigin, ignored);
  await assertFrameHeight(page, id, 812.5, 'another frame on calendly.com does not size ours');
  assert.deepEqual(await scheduledEvents(page), [], 'another frame on calendly.com does not book');

  // A frame on another origin.
  const elsewhere = await injectFrame(page, 'elsewhere', 'https://evil.example/stories-with-ease/discovery-call?as=calendly');
  await postFrom(page, elsewhere, ignored);
  await assertFrameHeight(page, id, 812.5, 'a frame on evil.example does not size ours');
  assert.deepEqual(await scheduledEvents(page), [], 'a frame on evil.example does not book');

  await postFrom(page, frame, [calendlyBooked]);
  await page.waitForFunction(() => window.__ctaEvents.some((event) => event.startsWith('book-call-cta-scheduled')));
  assert.deepEqual(await scheduledEvents(page), [`book-call-cta-scheduled #${id} {"provider":"calendly"}`], 'our frame books: the provider, nothing else');

  // Our own frame, sent on to another origin: right window, wrong origin.
  await navigateFrom(frame, 'https://evil.example/stories-with-ease/discovery-call?as=calendly');
  await postFrom(page, frame, ignored);
  await assertFrameHeight(page, id, 812.5, 'our frame, now on evil.example, does not size it');
  assert.equal((await scheduledEvents(page)).length, 1, 'our frame, now on evil.example, does not book');
  await assertClean();
});

test('booking, Cal.com inline: answers CAL::__iframeReady to its own frame only; __dimensionChanged sizes it, clamped; bookingSuccessfulV2 fires book-call-cta-scheduled with {provider}; others are ignored', async (open) => {
  const log = [];
  const { page, assertClean } = await open(bookingPage, { setup: schedulers(log), initScripts: [recordBooking], viewport: { width: 1100, height: 900 } });
  await bookingUpgraded(page);
  const id = 'cal-inline';
  await clickCta(page, id);
  const frame = await schedulerFrame(page, id, 'https://app.cal.com');
  // The stand-in said CAL::__iframeReady on load; it speaks only once the page has answered.
  await frameCondition(frame, () => window.__answered);
  assert.deepEqual(
    await heardBy(page, frame, { cta: id }),
    [{ origin, data: { originator: 'CAL', method: 'parentKnowsIframeReady' } }],
    'the page answers once, exactly as Cal.com’s embed.js does',
  );
  await assertFrameHeight(page, id, 450, 'before any size: the reserved height');
  for (const [sent, height, why] of [
    [760, 760, 'follows the scheduler'],
    [120, 450, 'never below the reserved height'],
    [60_000, 2400, 'never above 2400px inline'],
    [900, 900, 'follows the scheduler again'],
  ]) {
    await frame.evaluate((data) => window.__say(data), calHeight(sent, sent === 760));
    await page.waitForFunction((n) => window.__messages.filter((m) => m.data?.fullType === 'CAL::__dimensionChanged').length >= n, [760, 120, 60_000, 900].indexOf(sent) + 1);
    await assertFrameHeight(page, id, height, `iframeHeight ${sent}: ${why}`);
  }
  const ignored = [calMessage('__iframeReady', { isPrerendering: false }), calHeight(1500), calBooked];

  // Another frame on app.cal.com, put into the page: right origin, wrong window.
  const sameOrigin = await injectFrame(page, 'impostor', 'https://app.cal.com/stories-with-ease/discovery-call/embed?embed=&embedType=inline');
  await postFrom(page, sameOrigin, ignored);
  assert.deepEqual(await heardBy(page, sameOrigin, { id: 'impostor' }), [], 'another frame on app.cal.com gets no answer');
  await assertFrameHeight(page, id, 900, 'another frame on app.cal.com does not size ours');
  assert.deepEqual(await scheduledEvents(page), [], 'another frame on app.cal.com does not book');

  // A frame on another origin.
  const elsewhere = await injectFrame(page, 'elsewhere', 'https://evil.example/stories-with-ease/discovery-call/embed?as=cal');
  await postFrom(page, elsewhere, ignored);
  assert.deepEqual(await heardBy(page, elsewhere, { id: 'elsewhere' }), [], 'a frame on evil.example gets no answer');
  await assertFrameHeight(page, id, 900, 'a frame on evil.example does not size ours');
  assert.deepEqual(await scheduledEvents(page), [], 'a frame on evil.example does not book');

  await frame.evaluate((data) => window.__say(data), calBooked);
  await page.waitForFunction(() => window.__ctaEvents.some((event) => event.startsWith('book-call-cta-scheduled')));
  assert.deepEqual(await scheduledEvents(page), [`book-call-cta-scheduled #${id} {"provider":"cal"}`], 'our frame books: the provider, no name or email');

  // Our own frame, sent on to another origin: right window, wrong origin.
  await navigateFrom(frame, 'https://evil.example/stories-with-ease/discovery-call/embed?as=cal');
  await postFrom(page, frame, ignored);
  assert.deepEqual(await heardBy(page, frame, { cta: id }), [], 'our frame, now on evil.example, gets no answer');
  await assertFrameHeight(page, id, 900, 'our frame, now on evil.example, does not size it');
  assert.equal((await scheduledEvents(page)).length, 1, 'our frame, now on evil.example, does not book');
  await assertClean();
});

test('booking, self-hosted Cal.com in the dialog: its messages size the frame, never taller than the screen (also full-screen on a phone); others are ignored', async (open) => {
  const log = [];
  const { page, assertClean } = await open(bookingPage, { setup: schedulers(log), initScripts: [recordBooking], viewport: { width: 1000, height: 700 } });
  await bookingUpgraded(page);
  const id = 'self-hosted-popup';
  await clickCta(page, id);
  const frame = await schedulerFrame(page, id, 'https://cal.example.org');
  await frameCondition(frame, () => window.__answered);
  const box = (part) =>
    page.evaluate(
      ({ id, part }) => {
        const { top, bottom, left, right, height } = document.getElementById(id).shadowRoot.querySelector(part).getBoundingClientRect();
        return { top, bottom, left, right, height };
      },
      { id, part },
    );
  const fits = async (what) => {
    for (const part of ['dialog', 'iframe']) {
      const { top, bottom, left, right } = await box(part);
      const { width, height } = page.viewportSize();
      assert.ok(top >= 0 && left >= 0 && bottom <= height && right <= width, `${what}: the ${part} (${JSON.stringify(await box(part))}) fits the ${width}×${height} screen`);
    }
  };
  await assertFrameHeight(page, id, 450, 'before any size: the reserved height');
  await fits('reserved');
  await frame.evaluate((data) => window.__say(data), calHeight(520, true));
  await assertFrameHeight(page, id, 520, 'follows the scheduler');
  await fits('520px');
  await frame.evaluate((data) => window.__say(data), calHeight(2000));
  await page.waitForFunction(() => window.__messages.filter((m) => m.data?.fullType === 'CAL::__dimensionChanged').length === 2);
  const tall = (await box('iframe')).height;
  assert.ok(tall > 520, `it grows as far as the screen allows (${tall}px)`);
  await fits('2000px');
  await page.setViewportSize({ width: 360, height: 640 });
  await page.waitForFunction(() => innerWidth === 360);
  const dialog = await box('dialog');
  assert.deepEqual([dialog.top, dialog.left, dialog.bottom, dialog.right], [0, 0, 640, 360], 'on a phone the dialog takes the whole screen');
  await fits('2000px on a phone');
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.waitForFunction(() => innerWidth === 1000);

  const sameOrigin = await injectFrame(page, 'impostor', 'https://cal.example.org/stories-with-ease/discovery-call/embed?embed=&embedType=modal');
  await postFrom(page, sameOrigin, [calMessage('__iframeReady', { isPrerendering: false }), calHeight(480), calBooked]);
  assert.deepEqual(await heardBy(page, sameOrigin, { id: 'impostor' }), [], 'another frame on cal.example.org gets no answer');
  assert.equal((await box('iframe')).height, tall, 'another frame on cal.example.org does not size ours');
  assert.deepEqual(await scheduledEvents(page), [], 'another frame on cal.example.org does not book');

  await frame.evaluate((data) => window.__say(data), calMessage('bookingSuccessful', { booking: { uid: 'abc123' }, organizer: { name: 'Jane Doe', email: 'jane@example.org' }, confirmed: true }));
  await page.waitForFunction(() => window.__ctaEvents.some((event) => event.startsWith('book-call-cta-scheduled')));
  assert.deepEqual(await scheduledEvents(page), [`book-call-cta-scheduled #${id} {"provider":"cal"}`], 'bookingSuccessful books too: the provider, nothing else');
  await assertClean();
});

test('booking before the script runs: the pre-upgrade stylesheet gives each call to action its upgraded height, the inline placeholder its scheduler’s', async (open) => {
  const heights = (page) =>
    page.$$eval('book-call-cta', (elements) => elements.map((el) => [el.id, el.getBoundingClientRect().height]));
  for (const [width, tolerance] of [
    [1000, 4],
    // Narrow, the consent line under the button wraps onto more lines than the stylesheet can know.
    [360, 16],
  ]) {
    const viewport = { width, height: 900 };
    const { page: upgradedPage, assertClean } = await open(bookingPage, { viewport });
    await upgradedPage.waitForFunction(() => [...document.querySelectorAll('book-call-cta')].every((el) => el.shadowRoot?.querySelector('[part=button]')));
    const after = await heights(upgradedPage);
    // The same page with its script tag gone: what a reader sees while the script is still loading.
    const { page, assertClean: assertCleanLoading } = await open('/host/booking-no-script.html', { viewport });
    const loading = await heights(page);
    for (const [i, [id, height]] of after.entries()) {
      const shift = Math.abs(loading[i][1] - height);
      assert.ok(shift <= tolerance, `${width}px wide, #${id} moves ${shift.toFixed(1)}px when the script runs (${loading[i][1]} → ${height}; at most ${tolerance})`);
    }
    const inline = Object.fromEntries(after.filter(([id]) => id.endsWith('-inline')));
    assert.ok(inline['calendly-inline'] > 630 && inline['cal-inline'] > 450, 'the inline placeholders hold the schedulers’ heights');
    await assertClean();
    await assertCleanLoading();
  }
});

// ---- <related-stories> (test/e2e/related-stories.mjs) ---------------------------------------

relatedStoriesTests(test, () => origin);
onDemandTests(test);
bfcacheTests(test, () => origin);
sriTests(test);
squarespaceTests(test);
layoutShiftTests(test);
quickExitTests(test, () => origin);
journalLockTests(test);

async function assertVisible(page, texts) {
  for (const text of texts) {
    // Some element showing the text: an upgraded element's light-DOM source may be hidden behind its rendering.
    assert.ok(await page.getByText(text, { exact: false }).filter({ visible: true }).first().isVisible(), `visible: “${text}”`);
  }
}

// ---- setup, run, teardown -------------------------------------------------------------------

/**
 * Bundles, into `dir`, what a host page brings of its own: a Lit component (`host-card.js`; the host
 * then owns the `lit-html` policy), and our npm entry `dist/content-notice.js` as an app's bundler
 * would ship it, with the app's copy of Lit (`npm-content-notice.js`).
 */
async function buildHostBundles(dir) {
  const inputs = {
    'host-card.js': fileURLToPath(new URL('./host/host-card.js', import.meta.url)),
    'npm-content-notice.js': join(repoRoot, 'dist/content-notice.js'),
  };
  for (const [file, input] of Object.entries(inputs)) {
    const build = await rollup({
      input,
      plugins: [nodeResolve()],
      onwarn: (warning) => {
        throw new Error(`${file}: ${warning.message}`);
      },
    });
    try {
      // One file, as the host would ship it (our strings and warnings, loaded on demand, included).
      await build.write({ file: join(dir, file), format: 'es', inlineDynamicImports: true });
    } finally {
      await build.close();
    }
  }
}

/**
 * Pages that differ from pages/gate.html only in the scripts they load (and a host element): written
 * into `dir`, served under /host/, so the one gated notice is described once.
 */
const cdn = '/dist/cdn/gentle-widgets.js';
const hostCard = '<host-card name="the host page"></host-card>';
const scriptPages = {
  'twice.html': ['the bundle loaded twice', [cdn, `${cdn}?copy=2`]],
  'host-lit-first.html': ['the host’s Lit loads first', ['/host/host-card.js', cdn], hostCard],
  'host-lit-last.html': ['the host’s Lit loads last', [cdn, '/host/host-card.js'], hostCard],
  'npm-first.html': ['npm build and CDN bundle, the npm build loads first', ['/host/npm-content-notice.js', cdn]],
  'cdn-first.html': ['npm build and CDN bundle, the CDN bundle loads first', [cdn, '/host/npm-content-notice.js']],
};

/** Pages that differ from pages/journal.html only in the journal's attributes, served under /host/ too. */
const journalVariants = {
  'journal-local.html': ['journal prompts kept on this device', 'storage="local"'],
  'journal-steps.html': ['journal prompts one step at a time', 'layout="steps"'],
};

async function writeJournalVariants(dir) {
  const template = await readFile(fileURLToPath(new URL('./pages/journal.html', import.meta.url)), 'utf8');
  const tag = '<journal-prompts id="journal">';
  assert.ok(template.includes(tag), `pages/journal.html has ${tag}`);
  for (const [file, [title, attributes]] of Object.entries(journalVariants)) {
    const page = template
      .replace(/<title>.*<\/title>/, `<title>Strict CSP: ${title}</title>`)
      .replace(tag, `<journal-prompts id="journal" ${attributes}>`);
    await writeFile(join(dir, file), page);
  }
  const scriptTag = `  <script type="module" src="${cdn}"></script>\n`;
  assert.ok(template.includes(scriptTag), 'pages/journal.html loads the CDN bundle with one script tag');
  await writeFile(join(dir, 'journal-no-script.html'), template.replace(scriptTag, ''));
}

async function writeBookingVariants(dir) {
  const template = await readFile(fileURLToPath(new URL('./pages/booking.html', import.meta.url)), 'utf8');
  const scriptTag = `  <script type="module" src="${cdn}"></script>\n`;
  assert.ok(template.includes(scriptTag), 'pages/booking.html loads the CDN bundle with one script tag');
  await writeFile(join(dir, 'booking-no-script.html'), template.replace(scriptTag, ''));
}

async function writeScriptPages(dir) {
  const template = await readFile(fileURLToPath(new URL('./pages/gate.html', import.meta.url)), 'utf8');
  const scriptTag = `  <script type="module" src="${cdn}"></script>\n`;
  assert.ok(template.includes(scriptTag), 'pages/gate.html loads the CDN bundle with one script tag');
  for (const [file, [title, scripts, extra = '']] of Object.entries(scriptPages)) {
    const page = template
      .replace(/<title>.*<\/title>/, `<title>Strict CSP: ${title}</title>`)
      .replace(scriptTag, scripts.map((src) => `  <script type="module" src="${src}"></script>\n`).join(''))
      .replace('<main>', `<main>\n    ${extra}`);
    await writeFile(join(dir, file), page);
  }
}

async function main() {
  selected.push(...tests.filter(({ name }) => name.includes(only)));
  if (!selected.length) {
    console.error(`No test name contains "${only}".`);
    return 1;
  }
  if (!existsSync(bundle)) {
    console.error('dist/cdn/gentle-widgets.js is missing: run npm run build first.');
    return 1;
  }
  const executablePath = findChromium();
  if (!executablePath) {
    console.error('No Chromium found: install one (on Debian: apt-get install -y chromium) or set CHROME_PATH.');
    return 1;
  }
  const hostDir = await mkdtemp(join(tmpdir(), 'gentle-widgets-e2e-'));
  let passed = 0;
  let related;
  let failed = 0;
  try {
    await buildHostBundles(hostDir);
    await writeScriptPages(hostDir);
    await writeJournalVariants(hostDir);
    await writeBookingVariants(hostDir);
    if (selected.some(({ name }) => name.startsWith('related-stories'))) related = await startRelatedStories(hostDir, strictCsp);
    server = await startServer({
      root: repoRoot,
      port: 0,
      headers: {
        '/demo/': { 'Content-Security-Policy': demoCsp },
        '/test/e2e/pages/': { 'Content-Security-Policy': strictCsp },
        [bookingPage]: { 'Content-Security-Policy': bookingCsp },
        '/host/': { 'Content-Security-Policy': strictCsp },
        ...related?.headers,
      },
      mounts: { '/host/': hostDir },
    });
    origin = server.url;
    browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true, timeout: 15_000 });

    for (const { name, fn } of selected) {
      const contexts = [];
      const started = Date.now();
      try {
        await withTimeout(
          fn((path, options) => openPage(contexts, path, options)),
          TEST_TIMEOUT,
          'test',
        );
        passed++;
        console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed++;
        console.log(`  ✘ ${name}\n    ${String(error?.stack ?? error).split('\n').slice(0, 12).join('\n    ')}`);
      } finally {
        await Promise.all(contexts.map((context) => context.close().catch(() => {})));
      }
    }
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    await related?.close().catch(() => {});
    await rm(hostDir, { recursive: true, force: true });
  }
  if (passed + failed < selected.length) failed = selected.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

const watchdog = setTimeout(() => {
  console.error(`e2e run exceeded ${RUN_TIMEOUT / 1000} s; stopping.`);
  console.log(`0 passed, ${(selected.length || tests.length)} failed`);
  process.exit(1);
}, RUN_TIMEOUT);
watchdog.unref();

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    console.log(`0 passed, ${(selected.length || tests.length)} failed`);
    process.exitCode = 1;
  },
);
