// What the Storybook checks share (storybook.mjs: the build; storybook-dev.mjs: the dev server):
// opening a page with what it logs and fetches recorded, waiting for an index entry to render, and
// the one-line-per-check report.

/**
 * Opens `origin/path` in a new page of `context` (`timeout` in ms for it to load, Playwright's default
 * when not given); nothing off `origin` loads. Returns the page and what `watch` records.
 */
export async function open(context, origin, path, timeout) {
  const page = await context.newPage();
  const record = await watch(page, origin);
  await page.goto(`${origin}/${path}`, { waitUntil: 'load', timeout });
  return { page, ...record };
}

/**
 * Records what `page` logs (`warning: …`, `error: …`, `pageerror: …`; with `where`, followed by the
 * address that logged it), what it tries to fetch from off `origin` (and stops it), and every request
 * to `origin` that fails or answers 4xx/5xx.
 */
export async function watch(page, origin, { where = false } = {}) {
  const messages = [];
  const remote = [];
  const failedRequests = [];
  page.on('console', (message) => {
    // A page opened on its own asks for /favicon.ico; inside Storybook the manager has the icon.
    const { url } = message.location();
    if (url.endsWith('/favicon.ico')) return;
    if (['warning', 'error'].includes(message.type())) messages.push(`${message.type()}: ${message.text()}${where && url ? ` (${url})` : ''}`);
  });
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(origin)) failedRequests.push(`${request.failure()?.errorText ?? 'failed'}: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.url().startsWith(origin) && response.status() >= 400) failedRequests.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    remote.push(url);
    return route.abort();
  });
  return { messages, remote, failedRequests };
}

/** The preview page of an index entry (a story, or a docs page). */
export const entryPath = (entry) => `iframe.html?id=${entry.id}&viewMode=${entry.type === 'story' ? 'story' : 'docs'}`;

/** How the report names an index entry. */
export const entryName = (entry) => `${entry.title} › ${entry.name}${entry.type === 'story' ? '' : ' (docs)'}`;

/**
 * Waits until the entry has rendered or Storybook shows its error display; returns that error, if any.
 * `timeout` in ms (Playwright's default when not given).
 */
export async function rendered(page, entry, timeout) {
  await page.waitForFunction(
    (story) =>
      document.body.classList.contains('sb-show-errordisplay') ||
      (story ? document.body.classList.contains('sb-show-main') : document.querySelector('#storybook-docs .sbdocs-content')),
    entry.type === 'story',
    { timeout },
  );
  if (await page.locator('body.sb-show-errordisplay').count()) {
    return `error display: ${await page.locator('#error-message').textContent()}`;
  }
  return undefined;
}

/** Runs `task` on every item, `width` at a time; the results in the items' order. */
export async function inParallel(items, width, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

/**
 * `report()` prints `✓ name`, or `✗ name` and its problems one a line; `failures()` counts the ✗ so far;
 * `summary()` is the closing `N passed, N failed` (plus `extraFailed`, for checks that never got a line).
 */
export function reporter() {
  let passed = 0;
  let failed = 0;
  return {
    report(name, problems) {
      if (problems.length) {
        failed += 1;
        console.log(`✗ ${name}\n${problems.map((problem) => `    ${problem}`).join('\n')}`);
      } else {
        passed += 1;
        console.log(`✓ ${name}`);
      }
    },
    failures: () => failed,
    summary: (extraFailed = 0) => `${passed} passed, ${failed + extraFailed} failed`,
  };
}
