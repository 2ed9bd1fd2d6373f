// Squarespace end to end, included by run.mjs: the pages under pages/squarespace/ are blog posts as a
// Squarespace 7.0 template serves them (Text and Code block wrappers, header and navigation outside the
// content region, the template's Ajax loader swapping the content region the way Mercury does), and the
// site owner's guide's header snippet (stories/embedding.mdx: pinned version, SRI) is put where
// Squarespace's Code Injection puts it. jsDelivr is answered from `dist/cdn/` with its CORS header.
//
// Proved: every element in a Code block upgrades; after an Ajax page swap every element of the new post
// upgrades without the bundle being fetched or run again, the gated notice reveals, focus and live
// regions stay where the loader left them, and back works too; a script in a per-page header does not
// come along on a swap (the text stays readable); a Text block shows pasted tags as words, a Markdown
// block leaves the notice empty and it says so once in the console.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pages = '/test/e2e/pages/squarespace/';
const cdn = /^https:\/\/cdn\.jsdelivr\.net\/npm\/gentle-widgets@[^/]+\/dist\/cdn\/([\w.-]+)$/;
const tags = ['content-notice', 'journal-prompts', 'book-call-cta', 'related-stories'];

/** What Squarespace's header allows beside the page's own files: jsDelivr, and its own loader's policy. */
const csp = [
  "default-src 'self'",
  "script-src 'self' https://cdn.jsdelivr.net",
  "style-src 'self' https://cdn.jsdelivr.net",
  "img-src 'self' data:",
  "require-trusted-types-for 'script'",
  'trusted-types gentle-widgets lit-html squarespace-loader',
].join('; ');

/** The guide's Squarespace header snippet (stylesheet and script, pinned, with SRI), as a site owner copies it. */
function headerSnippet() {
  const guide = readFileSync(`${root}stories/embedding.mdx`, 'utf8');
  const blocks = [...guide.matchAll(/```html\n([\s\S]*?)```/g)].map(([, body]) => body.trim());
  const snippet = blocks.find((body) => /gentle-widgets\.css" integrity=/.test(body) && /gentle-widgets\.js" integrity=/.test(body));
  assert.ok(snippet, 'stories/embedding.mdx shows the header snippet: the stylesheet and the script, with integrity');
  return snippet;
}

/**
 * Serves pages/squarespace/ from the e2e server with the header code injection where Squarespace
 * puts it: `siteWide` in every page's head (Settings → Advanced → Code Injection → Header), or only
 * in the heads of the pages named in `perPage` (Page Settings → Advanced → Page Header Code
 * Injection). Answers jsDelivr from `dist/cdn/`, and records each request for the bundle.
 */
const squarespace =
  ({ siteWide = true, perPage = [] } = {}, bundleRequests = []) =>
  async (context) => {
    const snippet = headerSnippet();
    await context.route(`**${pages}*.html`, async (route) => {
      const response = await route.fetch();
      const name = new URL(route.request().url()).pathname.slice(pages.length);
      let body = await response.text();
      assert.ok(body.includes('<!-- Code Injection: Header -->') && body.includes('<!-- Page Header Code Injection -->'), `${name} marks both injection points`);
      if (siteWide) body = body.replace('<!-- Code Injection: Header -->', snippet);
      if (perPage.includes(name)) body = body.replace('<!-- Page Header Code Injection -->', snippet);
      await route.fulfill({ response, body, headers: { ...response.headers(), 'content-security-policy': csp } });
    });
    await context.route(cdn, (route) => {
      const file = cdn.exec(route.request().url())[1];
      if (file === 'gentle-widgets.js') bundleRequests.push(route.request().url());
      route.fulfill({
        status: 200,
        contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript',
        headers: { 'access-control-allow-origin': '*' },
        body: readFileSync(`${root}dist/cdn/${file}`),
      });
    });
  };

/** Counts, from before any page script, every <script> for the bundle that enters the document. */
function watchScripts() {
  window.__bundleScripts = 0;
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        const scripts = node.nodeType === 1 ? [node, ...node.querySelectorAll('script')] : [];
        window.__bundleScripts += scripts.filter((el) => el.localName === 'script' && /gentle-widgets\.js/.test(el.src)).length;
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Every one of our elements on the page: its tag, id, whether it is :defined and has rendered a shadow root. */
const elementsOnPage = (page) =>
  page.evaluate(
    (tags) =>
      [...document.querySelectorAll(tags.join())].map((el) => ({
        tag: el.localName,
        id: el.id,
        defined: el.matches(':defined'),
        rendered: !!el.shadowRoot && el.shadowRoot.childElementCount > 0,
      })),
    tags,
  );

/** Waits until every element of ours in the content region is defined and has rendered. */
async function allUpgraded(page) {
  await page.waitForFunction(
    (tags) =>
      [...document.querySelectorAll(tags.join())].every(
        (el) => el.matches(':defined') && el.shadowRoot?.childElementCount > 0 && el.hasUpdated,
      ),
    tags,
  );
  await page.evaluate((tags) => Promise.all([...document.querySelectorAll(tags.join())].map((el) => el.updateComplete)), tags);
}

/** The text of every live region (role status/alert, aria-live) in the page and in our shadow roots. */
const liveRegions = (page) =>
  page.evaluate(() => {
    const found = [];
    const visit = (scope) => {
      for (const el of scope.querySelectorAll('[role=status], [role=alert], [aria-live]')) {
        found.push(`${el.getAttribute('role') ?? ''}|${el.getAttribute('aria-live') ?? ''}|${el.textContent.replace(/\s+/g, ' ').trim()}`);
      }
      for (const el of scope.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
    };
    visit(document);
    return found;
  });

/** Follows the header's link to `id` from the keyboard, as the template's Ajax loader handles it, and waits for `mercury:load`. */
async function ajaxNavigate(page, id) {
  await page.evaluate(() => {
    window.__swapped = new Promise((resolve) => window.addEventListener('mercury:load', resolve, { once: true }));
    // Set on this document only: a full page load would lose it.
    window.__sameDocument = true;
  });
  await page.focus(`#${id}`);
  await page.keyboard.press('Enter');
  await page.evaluate(() => window.__swapped);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page did not reload');
}

/** Registers the tests with run.mjs's `test`. */
export function squarespaceTests(test) {
  test('Squarespace site: the header code injection’s pinned snippet upgrades all four elements in Code blocks; the Text blocks stay text', async (open) => {
    const requests = [];
    const { page, assertClean } = await open(`${pages}article.html`, { setup: squarespace({}, requests), initScripts: [watchScripts] });
    await allUpgraded(page);
    assert.deepEqual(await elementsOnPage(page), [
      { tag: 'content-notice', id: 'a-distinction', defined: true, rendered: true },
      { tag: 'journal-prompts', id: 'a-journal', defined: true, rendered: true },
      { tag: 'book-call-cta', id: 'a-booking', defined: true, rendered: true },
      { tag: 'related-stories', id: 'a-stories', defined: true, rendered: true },
    ]);
    const wrappers = await page.evaluate((tags) => [...document.querySelectorAll(tags.join())].map((el) => el.parentElement.parentElement.className), tags);
    assert.deepEqual(wrappers, Array(4).fill('sqs-block code-block sqs-block-code'), 'each element sits in a Code block’s wrapper');
    assert.equal(requests.length, 1, `the bundle was requested once: ${requests.join(', ')}`);
    assert.ok(await page.getByText('That is your body and soul releasing what it has been holding.').isVisible(), 'the Text block reads as written');
    await assertClean();
  });

  test('Squarespace site: an Ajax page swap upgrades every element of the new post, the bundle neither fetched nor run again; reveal, focus, live regions and back all behave', async (open) => {
    const requests = [];
    const { page, assertClean } = await open(`${pages}article.html`, { setup: squarespace({}, requests), initScripts: [watchScripts] });
    await allUpgraded(page);
    const before = await page.evaluate(() => {
      window.__noticeClass = customElements.get('content-notice');
      return { history: history.length, policy: !!globalThis[Symbol.for('gentle-widgets:policy')] };
    });
    assert.equal(before.policy, true, 'the bundle made its Trusted Types policy');

    await ajaxNavigate(page, 'nav-next');
    assert.equal(new URL(page.url()).pathname, `${pages}next.html`, 'the address bar shows the new post');
    assert.equal(await page.evaluate(() => history.length), before.history + 1, 'the swap pushed one history entry');
    assert.equal(await page.title(), 'Holistic therapy: working with the whole of you — Stories With Ease');
    await allUpgraded(page);
    assert.deepEqual(await elementsOnPage(page), [
      { tag: 'content-notice', id: 'b-gated', defined: true, rendered: true },
      { tag: 'journal-prompts', id: 'b-journal', defined: true, rendered: true },
      { tag: 'content-notice', id: 'b-disclaimer', defined: true, rendered: true },
      { tag: 'book-call-cta', id: 'b-booking', defined: true, rendered: true },
      { tag: 'related-stories', id: 'b-stories', defined: true, rendered: true },
    ]);
    assert.equal(requests.length, 1, `the bundle was requested once in all: ${requests.join(', ')}`);
    assert.equal(await page.evaluate(() => window.__bundleScripts), 1, 'one <script> for the bundle ever entered the document: the header’s');
    assert.equal(await page.evaluate(() => customElements.get('content-notice') === window.__noticeClass), true, 'the elements are the first run’s');

    // Focus: the loader replaced the navigation, so focus is back on the body; nothing of ours took it.
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'focus stays where the loader left it (the body)');
    // Live regions: none assertive, and none changes on its own after the upgrade.
    const regions = await liveRegions(page);
    assert.deepEqual(regions.filter((region) => /alert|assertive/.test(region)), [], `no assertive live region: ${regions.join(' / ')}`);
    await page.waitForTimeout(500);
    assert.deepEqual(await liveRegions(page), regions, 'no live region changed without the reader doing anything');

    // The gated warning of the new post reveals, and focus stays on its button.
    const gated = page.locator('#b-gated-text');
    assert.equal(await gated.isVisible(), false, 'gated text hidden before reveal');
    const button = page.locator('#b-gated').locator('button[part~="reveal-button"]');
    await button.focus();
    await page.keyboard.press('Enter');
    await gated.waitFor({ state: 'visible' });
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'b-gated', 'focus stays in the notice, on its button');

    // Back: the loader fetches the first post again and swaps it in; its elements upgrade once more.
    await page.evaluate(() => {
      window.__swapped = new Promise((resolve) => window.addEventListener('mercury:load', resolve, { once: true }));
    });
    await page.goBack();
    await page.evaluate(() => window.__swapped);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'back did not reload the page');
    await allUpgraded(page);
    assert.deepEqual((await elementsOnPage(page)).map(({ id }) => id), ['a-distinction', 'a-journal', 'a-booking', 'a-stories']);
    assert.equal(requests.length, 1, 'still one request for the bundle');
    await assertClean();
  });

  test('Squarespace site: a script in one page’s header does not come along on an Ajax page swap; the new post stays readable text until a full load', async (open) => {
    const requests = [];
    const { page, assertClean } = await open(`${pages}article.html`, { setup: squarespace({ siteWide: false, perPage: ['next.html'] }, requests) });
    await ajaxNavigate(page, 'nav-next');
    assert.deepEqual(await elementsOnPage(page), [
      { tag: 'content-notice', id: 'b-gated', defined: false, rendered: false },
      { tag: 'journal-prompts', id: 'b-journal', defined: false, rendered: false },
      { tag: 'content-notice', id: 'b-disclaimer', defined: false, rendered: false },
      { tag: 'book-call-cta', id: 'b-booking', defined: false, rendered: false },
      { tag: 'related-stories', id: 'b-stories', defined: false, rendered: false },
    ]);
    assert.equal(requests.length, 0, 'the page header’s script never loaded');
    for (const text of ['This part talks about boundaries being crossed', 'Where in my body do I feel calm right now?', 'Book a free discovery call', 'Keep reading']) {
      assert.ok(await page.getByText(text).first().isVisible(), `readable without the script: “${text}”`);
    }
    // A full load of the same address runs that page's header, and everything upgrades.
    await page.reload();
    await allUpgraded(page);
    assert.equal((await elementsOnPage(page)).every(({ defined, rendered }) => defined && rendered), true, 'after a full load every element upgraded');
    assert.equal(requests.length, 1);
    await assertClean();
  });

  test('Squarespace site: pasted into a Text block the tags show as words; in a Markdown block the notice arrives empty, hides, its text stays readable, and one warning says so; elements new to the page upgrade after a swap', async (open) => {
    const { page, problems, assertClean } = await open(`${pages}pasted.html`, { setup: squarespace() });
    await page.evaluate(() => customElements.whenDefined('content-notice'));
    // Text block: the tags are words on the page, and there is no element.
    const text = page.locator('#block-text-pasted');
    assert.equal(await text.locator('content-notice').count(), 0, 'the Text block holds no element');
    assert.ok(await text.getByText('<content-notice variant="distinction">', { exact: true }).isVisible(), 'the reader sees the opening tag as text');
    // Markdown block: the notice is there but empty, and its text stands beside it.
    const markdown = page.locator('#block-markdown-pasted');
    const notice = await markdown.locator('content-notice').evaluate(async (el) => {
      await el.updateComplete;
      const { height } = el.getBoundingClientRect();
      return { empty: !el.textContent.trim() && el.childElementCount === 0, height, parent: el.parentElement.localName, preserved: el.getAttribute('data-preserve-html-node') };
    });
    assert.deepEqual(notice, { empty: true, height: 0, parent: 'p', preserved: 'true' }, 'the browser emptied the notice Markdown put in a paragraph');
    assert.ok(await markdown.getByText('First, an important distinction').isVisible(), 'its heading is a plain paragraph beside it');
    assert.ok(await markdown.locator('a[href="tel:116123"]').isVisible(), 'its support link is readable beside it');
    const warned = () => problems.warnings.filter((message) => message.startsWith('<content-notice>: is empty'));
    for (let waited = 0; !warned().length && waited < 3000; waited += 100) await page.waitForTimeout(100);
    assert.equal(warned().length, 1, `one warning: ${JSON.stringify(problems.warnings)}`);
    assert.match(warned()[0], /^<content-notice>: is empty, so it is hidden\./);

    // From here, a page that had only a notice, the Ajax loader brings a post with all four elements:
    // those never on the page before upgrade too.
    await ajaxNavigate(page, 'nav-next');
    await allUpgraded(page);
    assert.deepEqual(
      (await elementsOnPage(page)).filter(({ defined, rendered }) => !defined || !rendered),
      [],
      'every element of the post swapped in upgraded',
    );
    await assertClean({ warnings: [/^<content-notice>: is empty, so it is hidden\./] });
  });
}
