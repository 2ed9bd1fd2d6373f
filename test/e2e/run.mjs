// End-to-end tests: the system Chromium (playwright-core, never a downloaded browser) against the
// built CDN bundle, served from 127.0.0.1 under a strict Content-Security-Policy with Trusted Types.
import assert from 'node:assert/strict';
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

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const artifacts = fileURLToPath(new URL('./.artifacts/', import.meta.url));
const bundle = join(repoRoot, 'dist/cdn/gentle-widgets.js');

const strictCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types gentle-widgets lit-html";

const TEST_TIMEOUT = 20_000;
const RUN_TIMEOUT = 55_000;

// ---- a tiny harness -------------------------------------------------------------------------

const tests = [];
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
 * init script, which CSP does not block — every `securitypolicyviolation` event.
 */
async function openPage(contexts, path, options = {}) {
  const { javaScriptEnabled = true, ...contextOptions } = options;
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
  }
  const page = await context.newPage();
  page.setDefaultTimeout(5_000);
  page.setDefaultNavigationTimeout(10_000);
  page.on('console', (message) => {
    const text = `${message.text()} (${message.location().url || 'page'})`;
    if (message.type() === 'error') problems.errors.push(text);
    else if (message.type() === 'warning') problems.warnings.push(message.text());
  });
  page.on('pageerror', (error) => problems.errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(origin + '/')) problems.requests.push(`failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.requests.push(`${response.status()}: ${response.url()}`);
  });
  const response = await page.goto(origin + path, { waitUntil: 'load' });
  assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`);
  // Every page here is meant to run under Trusted Types: a page served without the header proves nothing.
  assert.match(response.headers()['content-security-policy'] ?? '', /require-trusted-types-for 'script'/, `${path} has no strict CSP`);

  /** Asserts the page stayed clean; `warnings` lists the warnings this test expects (regexes). */
  async function assertClean({ warnings = [] } = {}) {
    const found = {
      violations: javaScriptEnabled ? await page.evaluate(() => window.__violations) : [],
      errors: problems.errors,
      requests: problems.requests,
      warnings: problems.warnings.filter((text) => !warnings.some((pattern) => pattern.test(text))),
    };
    assert.deepEqual(found, { violations: [], errors: [], requests: [], warnings: [] }, 'the page reported problems');
  }
  return { page, context, problems, assertClean };
}

/** Waits until every `<content-notice>` on the page has upgraded and rendered its shadow root. */
async function upgraded(page) {
  await page.evaluate(() => customElements.whenDefined('content-notice'));
  await page.waitForFunction(() =>
    [...document.querySelectorAll('content-notice')].every(
      (el) => el.shadowRoot?.querySelector('[part~="notice"]') && el.updateComplete !== undefined,
    ),
  );
  await page.evaluate(() => Promise.all([...document.querySelectorAll('content-notice')].map((el) => el.updateComplete)));
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
  assert.ok(await page.locator('a[href="https://calendly.com/stories-with-ease/discovery-call"]').isVisible(), 'booking link visible');
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
  for (const href of ['tel:116123', 'https://findahelpline.com', 'https://calendly.com/stories-with-ease/discovery-call', '/demo/stories/holistic-therapy.html']) {
    assert.ok(await page.locator(`a[href="${href}"]`).isVisible(), `link ${href} is visible`);
  }
  assert.equal(await page.locator('content-notice').first().evaluate((el) => !!el.shadowRoot), false, 'nothing upgraded');
  await mkdir(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'demo-no-js.png'), fullPage: true });
  await assertClean();
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

async function assertVisible(page, texts) {
  for (const text of texts) {
    assert.ok(await page.getByText(text, { exact: false }).first().isVisible(), `visible: “${text}”`);
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
      await build.write({ file: join(dir, file), format: 'es' });
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
  let failed = 0;
  try {
    await buildHostBundles(hostDir);
    await writeScriptPages(hostDir);
    server = await startServer({
      root: repoRoot,
      port: 0,
      headers: {
        '/demo/': { 'Content-Security-Policy': demoCsp },
        '/test/e2e/pages/': { 'Content-Security-Policy': strictCsp },
        '/host/': { 'Content-Security-Policy': strictCsp },
      },
      mounts: { '/host/': hostDir },
    });
    origin = server.url;
    browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true, timeout: 15_000 });

    for (const { name, fn } of tests) {
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
    await rm(hostDir, { recursive: true, force: true });
  }
  if (passed + failed < tests.length) failed = tests.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

const watchdog = setTimeout(() => {
  console.error(`e2e run exceeded ${RUN_TIMEOUT / 1000} s; stopping.`);
  console.log(`0 passed, ${tests.length} failed`);
  process.exit(1);
}, RUN_TIMEOUT);
watchdog.unref();

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    console.log(`0 passed, ${tests.length} failed`);
    process.exitCode = 1;
  },
);
