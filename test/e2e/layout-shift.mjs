// Layout shift, included by run.mjs. The article demo is loaded with the CDN bundle held back, so the
// page paints with the pre-upgrade stylesheet alone; then the elements upgrade and the Layout Instability
// API says what moved. Under the demo's own theme and under test/e2e/themes/aggressive.css (a theme that
// knows nothing of the library), on a phone and on a desktop screen.
import assert from 'node:assert/strict';

const tags = ['content-notice', 'journal-prompts', 'book-call-cta', 'related-stories'];
/** How long the bundle is held back: long enough for the page to paint without it. */
const hold = 400;
const devices = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 } },
};
/** The demo's theme as served, or another theme in its place. */
const themes = { 'the demo theme': null, 'an aggressive theme': '/test/e2e/themes/aggressive.css' };
/**
 * Where the reader is when the script runs: at the top, then scrolling through the whole article (the
 * feed of related stories loads on the way, off screen); or with one element in view and what follows it
 * too. While an element is in view the feed is held back: its stories replace the written ones, a shift
 * no stylesheet can prevent (see docs/decisions.md), and not the one measured here.
 */
const positions = ['top', '#distinction', '#journal-prompts', '#important-note', 'book-call-cta', 'related-stories'];

/** Init script: records every layout shift (none follows input here) and the related stories' outcome. */
function watchShifts() {
  const describe = (node) => {
    if (!node) return 'a node since removed';
    const parts = [];
    for (let el = node.nodeType === 1 ? node : node.parentElement; el; ) {
      const slot = el.getAttribute('slot');
      const part = el.getAttribute('part');
      parts.unshift(`${el.localName}${el.id ? `#${el.id}` : ''}${slot ? `[slot=${slot}]` : ''}${part ? `[part=${part}]` : ''}`);
      if (el.id || parts.length > 3) break;
      const host = el.parentElement ? null : el.parentNode?.host;
      if (host) parts.unshift('(shadow)');
      el = el.parentElement ?? host;
    }
    return parts.join(' > ');
  };
  const box = (rect) => `${Math.round(rect.x)},${Math.round(rect.y)} ${Math.round(rect.width)}×${Math.round(rect.height)}`;
  const shifts = (window.__shifts = []);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      const sources = entry.sources.map((source) => `${describe(source.node)}: ${box(source.previousRect)} → ${box(source.currentRect)}`);
      shifts.push({ value: entry.value, at: Math.round(entry.startTime), sources });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  window.__feed = '';
  for (const type of ['related-stories-load', 'related-stories-error']) addEventListener(type, () => (window.__feed = type));
}

/** Every element's box on the page, and where its light-DOM children's content sits inside it (unrendered: null). */
function boxes(tagList) {
  return [...document.querySelectorAll(tagList.join())].map((el, i) => {
    const box = el.getBoundingClientRect();
    // Where each child's content starts: a stylesheet may draw the upgraded wrapper's padding and rule on the child itself.
    const children = [...el.children].map((child) => {
      const rect = child.getBoundingClientRect();
      const style = getComputedStyle(child);
      const top = rect.top + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop) - box.top;
      return rect.width || rect.height ? Math.round(top * 10) / 10 : null;
    });
    return { name: `${el.localName}${el.id ? `#${el.id}` : ''} (${i + 1})`, top: box.top + scrollY, height: box.height, children };
  });
}

/**
 * Puts the reader at `position`: a selector's element in view, with room under it for what follows
 * (its top a tenth of the way down, or its bottom at 60% of the screen when it is taller).
 */
async function place(position) {
  if (position !== 'top') {
    const { top, bottom } = document.querySelector(position).getBoundingClientRect();
    scrollTo({ top: scrollY + Math.max(top - 0.1 * innerHeight, bottom - 0.6 * innerHeight), behavior: 'instant' });
  }
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/** Every element defined and rendered, its updates done, fonts in, and two frames painted. */
async function settle(tagList) {
  const present = tagList.filter((tag) => document.querySelector(tag));
  await Promise.all(present.map((tag) => customElements.whenDefined(tag)));
  await Promise.all([...document.querySelectorAll(present.join())].map((el) => el.updateComplete));
  await document.fonts.ready;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/**
 * One stop of a reader scrolling to the end half a screen at a time; returns whether there is more.
 * Related stories with a feed start loading it some way before they come into view: before the stop
 * that brings them into view, their feed is given up to five seconds to arrive and be drawn, as a
 * reader's pace gives it.
 */
async function scrollOn() {
  const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const end = document.documentElement.scrollHeight - innerHeight;
  const next = Math.min(scrollY + innerHeight / 2, end);
  const feeds = [...document.querySelectorAll('related-stories[src]')];
  if (!window.__feed && feeds.some((el) => el.getBoundingClientRect().top - (next - scrollY) < innerHeight)) {
    await new Promise((resolve) => {
      setTimeout(resolve, 5000);
      for (const type of ['related-stories-load', 'related-stories-error']) addEventListener(type, resolve, { once: true });
    });
    await frames();
  }
  scrollTo({ top: next, behavior: 'instant' });
  await frames();
  return scrollY < end;
}

/**
 * Opens `path` as `device` under `theme` with the bundle held back `hold` ms (matched by its file name,
 * wherever it is served from): the page is parsed and painted, the reader placed at `position`, and the
 * boxes taken, before the bundle arrives. `holdFeed` keeps the related stories' feed back until released.
 */
async function load(open, path, { device, theme = null, position = 'top', holdFeed = false, ...options }) {
  const taken = {};
  let release;
  const feedReleased = new Promise((resolve) => (release = resolve));
  let feedRequested = false;
  const setup = async (context) => {
    await context.route(
      (url) => url.pathname.endsWith('/gentle-widgets.js'),
      async (route) => {
        const started = Date.now();
        try {
          const page = route.request().frame().page();
          await page.waitForFunction(() => document.readyState !== 'loading');
          await page.evaluate(place, position);
          taken.before = await page.evaluate(boxes, tags);
          taken.defined = await page.evaluate((list) => list.filter((tag) => customElements.get(tag)), tags);
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, hold - (Date.now() - started))));
        } catch (error) {
          taken.error = error;
        }
        await route.continue().catch(() => {});
      },
    );
    if (theme) {
      await context.route(
        (url) => url.pathname === new URL(path, 'http://x').pathname,
        async (route) => {
          const response = await route.fetch();
          const html = await response.text();
          const link = '<link rel="stylesheet" href="/demo/demo.css">';
          assert.ok(html.includes(link), `${path} links the demo theme as ${link}`);
          await route.fulfill({ response, body: html.replace(link, `<link rel="stylesheet" href="${theme}">`) });
        },
      );
    }
    if (holdFeed) {
      await context.route(
        (url) => url.pathname.endsWith('/feed.xml'),
        async (route) => {
          feedRequested = true;
          await feedReleased;
          await route.continue().catch(() => {});
        },
      );
    }
  };
  const opened = await open(path, { ...devices[device], initScripts: [watchShifts], setup, ...options });
  if (taken.error) throw taken.error;
  assert.ok(taken.before, 'the bundle was requested, held back and released');
  assert.deepEqual(taken.defined, [], 'no element was defined before the bundle arrived');
  /** Lets the held feed through and, when the page asked for it, waits until the stories have used it. */
  const releaseFeed = async () => {
    release();
    if (feedRequested) await opened.page.waitForFunction(() => window.__feed);
  };
  return { ...opened, before: taken.before, releaseFeed };
}

/** The shifts, their sum, and a description of each source for a failure message. */
async function shifts(page) {
  const list = await page.evaluate(() => window.__shifts);
  const cls = list.reduce((sum, entry) => sum + entry.value, 0);
  const details = list.map((entry) => `    ${entry.value.toFixed(4)} at ${entry.at} ms\n${entry.sources.map((s) => `      ${s}`).join('\n')}`);
  return { cls, details: details.join('\n') || '    (none)' };
}

/** What moved between two `boxes()` readings by more than `tolerance` px, as lines. */
function moved(before, after, tolerance) {
  const lines = [];
  for (const [i, b] of before.entries()) {
    const a = after[i];
    if (Math.abs(a.height - b.height) > tolerance) lines.push(`${b.name}: ${b.height.toFixed(1)} → ${a.height.toFixed(1)} px tall`);
    for (const [j, top] of b.children.entries()) {
      const now = a.children[j];
      if (top !== null && now !== null && Math.abs(now - top) > tolerance) lines.push(`${b.name}, child ${j + 1}: ${top} → ${now} px from its top`);
    }
  }
  return lines;
}

export function layoutShiftTests(test) {
  for (const device of Object.keys(devices)) {
    for (const [themeName, theme] of Object.entries(themes)) {
      test(`layout shift, ${device}, ${themeName}: with the bundle held back ${hold} ms, each element keeps its box and CLS stays under 0.01 wherever the reader is`, async (open) => {
        const results = [];
        // Three pages at a time: the positions are independent, and the whole run has a time budget.
        const queue = [...positions];
        const worker = async () => {
          for (let position; (position = queue.shift()); ) {
            const top = position === 'top';
            const { page, before, releaseFeed, assertClean } = await load(open, '/demo/', { device, theme, position, holdFeed: !top });
            await page.evaluate(settle, tags);
            const after = await page.evaluate(boxes, tags);
            if (top) {
              while (await page.evaluate(scrollOn));
              await page.waitForFunction(() => window.__feed);
              assert.equal(await page.evaluate(() => window.__feed), 'related-stories-load', 'the related stories loaded their feed');
              await page.evaluate(settle, tags);
            }
            const { cls, details } = await shifts(page);
            results.push({ position, cls, details, changes: top ? moved(before, after, 1) : [] });
            await releaseFeed();
            await assertClean();
          }
        };
        // Settled, so that a failing page never leaves the other one running into closed contexts.
        const failed = (await Promise.allSettled([worker(), worker(), worker()])).find((outcome) => outcome.status === 'rejected');
        if (failed) throw failed.reason;
        results.sort((a, b) => positions.indexOf(a.position) - positions.indexOf(b.position));
        const summary = results.map(({ position, cls }) => `${position} ${cls.toFixed(4)}`).join(', ');
        const failures = results.filter(({ cls }) => cls >= 0.01).map(({ position, cls, details }) => `CLS ${cls.toFixed(4)} with the reader at ${position}:\n${details}`);
        const changes = results.flatMap((result) => result.changes);
        if (changes.length) failures.push(`boxes that changed at upgrade (more than 1 px), the reader at the top:\n    ${changes.join('\n    ')}`);
        assert.ok(!failures.length, `CLS: ${summary}\n  ${failures.join('\n  ')}`);
      });
    }
  }

  test('layout shift: a gated warning before the script has its upgraded box, the text folded away; no script in 4 s and the text shows; no JavaScript and it shows at once', async (open) => {
    const gate = '/test/e2e/pages/gate.html';
    const text = (page) =>
      page.locator('#gated-text').evaluate((el) => ({
        seen: el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().height > 0,
      }));
    for (const device of Object.keys(devices)) {
      const { page, before, assertClean } = await load(open, gate, { device });
      await page.evaluate(settle, tags);
      const after = await page.evaluate(boxes, tags);
      const changes = moved(before, after, 1);
      assert.deepEqual(changes, [], `${device}: the gated notice's box changed at upgrade:\n  ${changes.join('\n  ')}`);
      const { cls, details } = await shifts(page);
      assert.ok(cls < 0.01, `${device}: CLS ${cls.toFixed(4)} around the gated notice; the shifts:\n${details}`);
      await assertClean();
    }
    // What a reader gets while the script is still on its way: the page with its script tag gone.
    const { page: waiting, assertClean } = await open(gate, {
      ...devices.phone,
      setup: (context) =>
        context.route(
          (url) => url.pathname === gate,
          async (route) => {
            const response = await route.fetch();
            const html = (await response.text()).replace(/ *<script[^>]*\/gentle-widgets\.js"[^>]*><\/script>\n?/, '');
            assert.ok(!html.includes('gentle-widgets.js'), 'the page without its script');
            await route.fulfill({ response, body: html });
          },
        ),
    });
    assert.equal((await text(waiting)).seen, false, 'while the script may still come, the gated text is not shown');
    assert.ok(await waiting.getByText('This part talks about boundaries being crossed').isVisible(), 'the heading shows');
    await waiting.keyboard.press('Tab');
    await waiting.keyboard.press('Tab');
    assert.equal(await waiting.evaluate(() => document.activeElement?.id), 'after', 'the folded link is out of the Tab order');
    await waiting.waitForTimeout(4500);
    assert.equal((await text(waiting)).seen, true, 'four seconds on without a script, the gated text shows');
    await assertClean();
    const { page: noJs } = await open(gate, { ...devices.phone, javaScriptEnabled: false });
    assert.equal((await text(noJs)).seen, true, 'without JavaScript the gated text shows at once');
  });
}
