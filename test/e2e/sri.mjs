// Subresource Integrity end to end, included by run.mjs: the README's CDN snippet and import map, taken
// from the README itself, on a German page under a strict CSP, with jsDelivr answered from `dist/cdn/`.
// The published files load and upgrade; a changed bundle is refused and the text stays readable; a
// changed file beside the bundle is refused like a missing one.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cdn = /^https:\/\/cdn\.jsdelivr\.net\/npm\/gentle-widgets@[^/]+\/dist\/cdn\/([\w.-]+)$/;

/** The README's code blocks that hold the CDN snippet and the import map, as a site owner copies them. */
function readmeSnippets() {
  const readme = readFileSync(`${root}README.md`, 'utf8');
  const blocks = [...readme.matchAll(/```html\n([\s\S]*?)```/g)].map(([, body]) => body.trim());
  const snippet = blocks.find((body) => /<script type="module" src="https:\/\/cdn\.jsdelivr\.net\/.*integrity=/.test(body));
  const importMap = blocks.find((body) => body.startsWith('<script type="importmap">'));
  assert.ok(snippet && importMap, 'the README shows the CDN snippet and the import map');
  return { snippet, importMap };
}

/** A German article page built around the README's snippets, and its CSP (the import map allowed by its hash). */
function articlePage() {
  const { snippet, importMap } = readmeSnippets();
  const mapText = importMap.replace(/^<script type="importmap">|<\/script>$/g, '');
  const mapHash = createHash('sha256').update(mapText).digest('base64');
  const body = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Weinen nach dem Sex</title>
${importMap}
${snippet}
</head><body><main>
<content-notice variant="warning" gate>
  <p slot="heading">Dieser Teil spricht über Grenzverletzungen</p>
  <p id="gated">Manches hier kann schwer zu lesen sein.</p>
</content-notice>
<journal-prompts><ol><li>Was brauchst du gerade?</li></ol></journal-prompts>
</main></body></html>`;
  const csp = [
    "default-src 'none'",
    `script-src https://cdn.jsdelivr.net 'sha256-${mapHash}'`,
    'style-src https://cdn.jsdelivr.net',
    "require-trusted-types-for 'script'",
    'trusted-types gentle-widgets lit-html',
  ].join('; ');
  return { body, csp };
}

/**
 * Serves the article at `/sri/`, and jsDelivr from `dist/cdn/` with the CORS header it sends (SRI needs
 * a CORS request); `tamper` names a file whose served bytes get one more comment.
 */
const serve = ({ tamper } = {}) => async (context) => {
  const { body, csp } = articlePage();
  await context.route('**/sri/', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': csp }, body }),
  );
  await context.route(cdn, (route) => {
    const file = cdn.exec(route.request().url())[1];
    let text = readFileSync(`${root}dist/cdn/${file}`, 'utf8');
    if (file === tamper) text += '\n/* changed */';
    route.fulfill({
      status: 200,
      contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript',
      headers: { 'access-control-allow-origin': '*' },
      body: text,
    });
  });
};

/** Removes the browser's report of a refused file, which the test expects. */
function expectRefused(problems, file) {
  const refused = problems.errors.filter((text) => text.includes('integrity') && text.includes(file));
  assert.ok(refused.length >= 1, `the browser reports ${file} refused: ${JSON.stringify(problems.errors)}`);
  problems.errors.splice(0, problems.errors.length, ...problems.errors.filter((text) => !refused.includes(text)));
  for (let i = problems.requests.length - 1; i >= 0; i--) if (problems.requests[i].includes(file)) problems.requests.splice(i, 1);
}

const revealLabel = (page) =>
  page.evaluate(async () => {
    await customElements.whenDefined('content-notice');
    const notice = document.querySelector('content-notice');
    await notice.updateComplete;
    return notice.shadowRoot.querySelector('[part~="reveal-button"]').textContent.trim();
  });

/** Registers the tests with run.mjs's `test`. */
export function sriTests(test) {
  test('SRI: the README snippet and import map load the published files under a strict CSP, German strings included', async (open) => {
    const { page, assertClean } = await open('/sri/', { setup: serve() });
    assert.equal(await revealLabel(page), 'Diesen Teil anzeigen');
    await page.evaluate(() => customElements.whenDefined('journal-prompts'));
    const beside = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name.split('/').pop()));
    assert.ok(beside.includes('gentle-widgets-de.js'), `loaded: ${beside.join(', ')}`);
    await assertClean();
  });

  test('SRI: a changed bundle is refused; nothing runs and the article still reads, gated text included', async (open) => {
    const { page, problems, assertClean } = await open('/sri/', { setup: serve({ tamper: 'gentle-widgets.js' }) });
    // The pre-upgrade stylesheet folds gated text while a script may still come, then shows it.
    await page.locator('#gated').waitFor({ state: 'visible', timeout: 8000 });
    assert.equal(await page.evaluate(() => customElements.get('content-notice')), undefined);
    assert.equal(await page.evaluate(() => globalThis[Symbol.for('gentle-widgets')]), undefined, 'no part of the bundle ran');
    expectRefused(problems, 'gentle-widgets.js');
    await assertClean();
  });

  test('SRI: a changed language file is refused like a missing one: English labels and one warning', async (open) => {
    const { page, problems, assertClean } = await open('/sri/', { setup: serve({ tamper: 'gentle-widgets-de.js' }) });
    assert.equal(await revealLabel(page), 'Show this part');
    // The warning's words come from a file of their own, so it may print a moment later.
    const warned = () => problems.warnings.filter((text) => text.startsWith('gentle-widgets: the de strings did not load'));
    for (let waited = 0; !warned().length && waited < 3000; waited += 100) await page.waitForTimeout(100);
    assert.equal(warned().length, 1, JSON.stringify(problems.warnings));
    expectRefused(problems, 'gentle-widgets-de.js');
    await assertClean({ warnings: [/^gentle-widgets: the de strings did not load/] });
  });
}
