// What the CDN bundle loads beside itself, and when, end to end on the article demo, included by
// run.mjs: an English page loads the bundle alone, a German one its strings before its elements are
// defined; each element is defined in a task of its own; the journal's export code and the booking
// frame's code come when the reader needs them, and their absence loses nothing.
import assert from 'node:assert/strict';

const tags = ['content-notice', 'journal-prompts', 'book-call-cta', 'related-stories'];

/**
 * Records every `customElements.define` of ours: when, and whether it ran in the same task as the
 * one before (a microtask clears the flag; microtasks run before the next task, never within one).
 */
function recordDefines() {
  window.__defines = [];
  const define = customElements.define.bind(customElements);
  let sameTask = false;
  customElements.define = (name, constructor, options) => {
    window.__defines.push({ name, at: performance.now(), sameTask });
    sameTask = true;
    queueMicrotask(() => (sameTask = false));
    return define(name, constructor, options);
  };
}

/** `gentle-widgets-<name>.js` files the page requested, with when their response ended. */
const loadedBeside = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => [/\/gentle-widgets-(\w+)\.js$/.exec(entry.name)?.[1], entry.responseEnd])
      .filter(([name]) => name),
  );

const allDefined = (page) => page.evaluate((names) => Promise.all(names.map((name) => customElements.whenDefined(name))).then(() => true), tags);

/** Removes the problems a test expects (a file it withholds: its 404 and the console's error). */
function expect404(problems, file) {
  const pattern = new RegExp(`${file.replace('.', '\\.')}|404`);
  for (const list of [problems.errors, problems.requests]) {
    for (let i = list.length - 1; i >= 0; i--) if (pattern.test(list[i])) list.splice(i, 1);
  }
}

/** The demo served as written, but in another language: its `<html lang>` changed on the way. */
const speaking = (lang) => async (context) => {
  await context.route(/\/demo\/(index\.html)?$/, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('<html lang="en">', `<html lang="${lang}">`);
    assert.ok(body.includes(`<html lang="${lang}">`), 'the demo starts with <html lang="en">');
    await route.fulfill({ response, body });
  });
};

/** Answers 404 for the file `name` beside the bundle, as a host that did not copy it would. */
const without = (name) => (context) => context.route(`**/gentle-widgets-${name}.js`, (route) => route.fulfill({ status: 404, body: 'Not found' }));

/** Registers the tests with run.mjs's `test`. */
export function onDemandTests(test) {
  test('on demand: an English article loads the bundle and, for its quick exit, the exit\'s code alone, and defines each element in a task of its own, in page order', async (open) => {
    const { page, assertClean } = await open('/demo/', { initScripts: [recordDefines] });
    assert.equal(await allDefined(page), true);
    const defines = await page.evaluate(() => window.__defines);
    assert.deepEqual(
      defines.map(({ name }) => name),
      tags,
      'defined in the order the page uses them',
    );
    assert.deepEqual(
      defines.filter(({ sameTask }) => sameTask).map(({ name }) => name),
      [],
      'no element is defined in the same task as another',
    );
    // Nothing beside the bundle but the quick exit (the opening distinction has `exit-href`, so its keys
    // must work at once): English strings are in the bundle, nothing warned, nobody typed or booked.
    // (The related stories' feed is far below the first screen.)
    const loaded = (await loadedBeside(page)).map(([name]) => name);
    assert.deepEqual(
      loaded.filter((name) => name !== 'feeds'),
      ['exit'],
      `loaded beside the bundle: ${loaded.join(', ')}`,
    );
    await assertClean();
  });

  test('on demand: a page whose notices have no exit-href never loads the quick exit', async (open) => {
    const { page, assertClean } = await open('/test/e2e/pages/gate.html');
    await page.evaluate(() => customElements.whenDefined('content-notice'));
    await page.waitForTimeout(300);
    const loaded = (await loadedBeside(page)).map(([name]) => name);
    assert.ok(!loaded.includes('exit'), `loaded beside the bundle: ${loaded.join(', ')}`);
    await assertClean();
  });

  test('on demand: a German article loads its strings, and only those, before any element is defined; every label is German', async (open) => {
    const { page, assertClean } = await open('/demo/', { initScripts: [recordDefines], setup: speaking('de') });
    assert.equal(await allDefined(page), true);
    const loaded = await loadedBeside(page);
    const languages = loaded.filter(([name]) => ['de', 'nl', 'fr', 'es'].includes(name));
    assert.deepEqual(
      languages.map(([name]) => name),
      ['de'],
    );
    const firstDefine = Math.min(...(await page.evaluate(() => window.__defines.map(({ at }) => at))));
    assert.ok(languages[0][1] <= firstDefine, `the strings arrived at ${languages[0][1]} ms, the first element was defined at ${firstDefine} ms`);
    const labels = await page.evaluate(() => ({
      journal: [...document.querySelector('journal-prompts').shadowRoot.querySelectorAll('[part~="button"]')].map((b) => b.textContent.trim()),
      consent: document.querySelector('book-call-cta').shadowRoot.querySelector('[part="consent"]').textContent.replace(/\s+/g, ' ').trim(),
    }));
    assert.deepEqual(labels.journal.slice(-6), ['Alles kopieren', '.md herunterladen', '.txt herunterladen', 'Drucken', 'Meine Antworten löschen', 'Meine Antworten sperren']);
    assert.match(labels.consent, /^Öffnet Cal\.com, einen externen Dienst, der Cookies setzen kann\. Stattdessen in einem neuen Tab öffnen$/);
    await assertClean();
  });

  test('on demand: a German article whose strings file is missing shows English labels and warns once', async (open) => {
    const { page, problems, assertClean } = await open('/demo/', { setup: (context) => Promise.all([speaking('de')(context), without('de')(context)]) });
    assert.equal(await allDefined(page), true);
    const buttons = await page.evaluate(() =>
      [...document.querySelector('journal-prompts').shadowRoot.querySelectorAll('[part~="button"]')].map((b) => b.textContent.trim()),
    );
    assert.deepEqual(buttons.slice(-6), ['Copy all', 'Download .md', 'Download .txt', 'Print', 'Delete my answers', 'Lock my answers']);
    const warned = problems.warnings.filter((text) => text.startsWith('gentle-widgets:'));
    assert.equal(warned.length, 1, JSON.stringify(problems.warnings));
    assert.match(warned[0], /^gentle-widgets: the de strings did not load \(.*gentle-widgets-de\.js.*\), so English is shown\.$/);
    expect404(problems, 'gentle-widgets-de.js');
    await assertClean({ warnings: [/^gentle-widgets: the de strings did not load/] });
  });

  test('on demand: an element added later in a language the page has not used shows its text until its strings arrive, then its labels in that language', async (open) => {
    const { page, assertClean } = await open('/demo/', {
      setup: (context) =>
        context.route('**/gentle-widgets-fr.js', async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 600));
          await route.continue();
        }),
    });
    assert.equal(await allDefined(page), true);
    const before = await page.evaluate(() => {
      const notice = document.createElement('content-notice');
      notice.id = 'later';
      notice.lang = 'fr';
      notice.setAttribute('variant', 'warning');
      notice.setAttribute('gate', '');
      notice.append(Object.assign(document.createElement('p'), { textContent: 'Ce passage parle de limites franchies.' }));
      document.querySelector('#distinction').after(notice);
      return { shadow: !!notice.shadowRoot, height: notice.getBoundingClientRect().height };
    });
    assert.deepEqual([before.shadow, before.height > 0], [false, true], `while its strings load: ${JSON.stringify(before)}`);
    await page.waitForFunction(() => document.querySelector('#later').shadowRoot?.querySelector('[part~="reveal-button"]'));
    const label = await page.evaluate(() => document.querySelector('#later').shadowRoot.querySelector('[part~="reveal-button"]').textContent.trim());
    assert.equal(label, 'Afficher ce passage');
    await assertClean();
  });

  test('on demand: without the export file beside the bundle, the journal keeps every word and says the download did not work', async (open) => {
    const { page, problems, assertClean } = await open('/demo/', {
      setup: without('export'),
      initScripts: [
        () => {
          window.__exports = 0;
          document.addEventListener('journal-prompts-export', () => window.__exports++);
        },
      ],
    });
    assert.equal(await allDefined(page), true);
    const field = page.locator('journal-prompts textarea').first();
    await field.click();
    await page.keyboard.type('Something I felt.');
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.locator('journal-prompts [part~="markdown"]').click();
    await page.waitForFunction(() =>
      /That did not work; please try again\./.test(document.querySelector('journal-prompts').shadowRoot.querySelector('[part="status"]').textContent),
    );
    assert.equal(await field.inputValue(), 'Something I felt.');
    assert.deepEqual([downloads, await page.evaluate(() => window.__exports)], [0, 0], 'no download, no export event');
    expect404(problems, 'gentle-widgets-export.js');
    await assertClean();
  });

  test('on demand: the booking frame’s code loads on the first activation only; without it, the booking page opens in a new tab', async (open) => {
    const { page, assertClean } = await open('/demo/');
    assert.equal(await allDefined(page), true);
    assert.ok(!(await loadedBeside(page)).some(([name]) => name === 'scheduler'), 'nothing before the reader asks');
    await page.locator('book-call-cta [part="button"]').click();
    await page.waitForFunction(() => document.querySelector('book-call-cta').shadowRoot.querySelector('dialog')?.open);
    assert.equal((await loadedBeside(page)).filter(([name]) => name === 'scheduler').length, 1);
    await page.keyboard.press('Escape');
    // The demo's stand-in shares the page's origin, so Chromium notes that the frame could leave its sandbox.
    await assertClean({ warnings: [/^An iframe which has both allow-scripts and allow-same-origin for its sandbox attribute can escape its sandboxing\.$/] });

    const other = await open('/demo/', { setup: without('scheduler') });
    assert.equal(await allDefined(other.page), true);
    const [tab] = await Promise.all([other.context.waitForEvent('page'), other.page.locator('book-call-cta [part="button"]').click()]);
    await tab.waitForLoadState('domcontentloaded');
    assert.match(tab.url(), /\/demo\/scheduler\/discovery-call\/?(\?|$)/);
    assert.equal(await other.page.evaluate(() => document.querySelector('book-call-cta').shadowRoot.querySelector('dialog')?.open ?? false), false);
    expect404(other.problems, 'gentle-widgets-scheduler.js');
    await tab.close();
    await other.assertClean();
  });
}
