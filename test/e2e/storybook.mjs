// Checks the built Storybook (storybook-static/, from `npm run build-storybook`): every story renders
// with no console error and no warning except the one it is about, passes axe with the a11y addon's
// own settings, and nothing — manager, stories or docs pages — asks for anything off this machine.
// Usage: node test/e2e/storybook.mjs   (prints `N passed, N failed`; exit code 1 on any failure)
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { entryName, entryPath, inParallel, open, rendered, reporter } from './storybook-pages.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const staticDir = `${root}storybook-static`;
if (!existsSync(`${staticDir}/index.json`)) {
  console.error('storybook-static/ is missing: run `npm run build-storybook` first.');
  process.exit(1);
}
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const sameOriginSandbox = /An iframe which has both allow-scripts and allow-same-origin for its sandbox attribute can escape its sandboxing/;

/** Warnings a story exists to show; any other warning or error fails it. */
const expectedWarnings = {
  'elements-content-notice--storage-blocked': /<content-notice>: remember="local": storage is blocked/,
  'elements-content-notice--empty': /<content-notice>: is empty, so it is hidden/,
  'elements-journal-prompts--storage-blocked': /<journal-prompts>: storage is blocked/,
  'elements-journal-prompts--no-prompts': /<journal-prompts>: has no prompts/,
  // The docs page shows its first story twice (on top and in the list): the second copy says it saves apart.
  'elements-journal-prompts--docs': /<journal-prompts>: another journal on this page has the same storage key.*story-empty#2/,
  'elements-book-call-cta--refused-url': /<book-call-cta>: refused the booking URL "javascript:/,
  'elements-book-call-cta--no-link': /<book-call-cta>: has no booking link/,
  'elements-book-call-cta--unknown-mode': /<book-call-cta>: mode="modal" is unknown/,
  'elements-book-call-cta--unknown-scheduler': /<book-call-cta>: mode="popup" needs a scheduler it knows/,
  // The local stand-in shares Storybook's origin, so Chromium warns that a frame allowed both scripts and
  // its own origin could lift its sandbox. A real scheduler is on its own origin, where it cannot.
  'elements-book-call-cta--dialog-open': sameOriginSandbox,
  'elements-book-call-cta--inline-loaded': sameOriginSandbox,
  'elements-related-stories--feed-failed': /<related-stories>: could not use \S+\/demo\/ \(unreadable: not a feed/,
  'elements-related-stories--unknown-layout': /<related-stories>: layout="cards" is not grid or list; using grid\./,
};

/** Whether `message` is a warning some story (of `title`, if given) exists to show. */
function expectedAnywhere(message, title) {
  return (
    message.startsWith('warning:') &&
    Object.entries(expectedWarnings).some(
      ([id, pattern]) => (!title || index.entries[id]?.title === title) && pattern.test(message),
    )
  );
}

/** Behaviour a reader would notice, per story: returns a problem, or nothing. */
const checks = {
  'elements-content-notice--warning-gated': gateHolds,
  'elements-content-notice--inside-a-hostile-theme': gateHolds,
  'elements-content-notice--storage-blocked': async (page) =>
    (await gateHolds(page)) ??
    ((await page.locator('pre[id^="console-"]').textContent()).includes('storage is blocked')
      ? undefined
      : 'the console box does not show the storage warning'),
  'elements-content-notice--before-the-script-loads': (page) =>
    // A gated note is folded while a script may still come; the story's tag is never defined, so it shows after 4 s.
    page
      .getByText('first step is softening')
      .waitFor({ state: 'visible', timeout: 6000 })
      .then(
        () => undefined,
        () => 'the gated text did not show once no script came',
      ),
  'elements-journal-prompts--empty': async (page) =>
    (await journalProblem(page, { fields: 5, status: /this tab.*never sent anywhere/ })) ??
    (await page.getByRole('switch', { name: 'Keep my answers on this device' }).isVisible() ? undefined : 'no storage switch'),
  'elements-journal-prompts--written': async (page) =>
    journalProblem(page, { fields: 5, values: { [prompts[1]]: 'Rest. Saying no a little sooner, before I am tired.', 'Your own question': 'What does my body want me to know today?' } }),
  'elements-journal-prompts--steps': async (page) =>
    (await journalProblem(page, { fields: 1, counter: '1 of 4' })) ??
    (await journal(page).getByRole('button', { name: 'Next' }).click(),
    journalProblem(page, { fields: 1, counter: '2 of 4', values: { [prompts[1]]: '' } })),
  'elements-journal-prompts--steps-last-step': async (page) =>
    (await journalProblem(page, { fields: 2, counter: '4 of 4', values: { 'Your own question': '', 'Your answer': '' } })) ??
    ((await journal(page).getByRole('button', { name: 'Next' }).isDisabled()) ? undefined : 'Next is enabled on the last step'),
  'elements-journal-prompts--storage-locked': (page) =>
    journalProblem(page, { fields: 5, switch: false, status: /on this device.*never sent anywhere/ }),
  'elements-journal-prompts--storage-none': (page) => journalProblem(page, { fields: 5, switch: false, status: /not saved.*never sent anywhere/ }),
  'elements-journal-prompts--storage-blocked': async (page) =>
    (await journalProblem(page, { fields: 5, switch: false, status: /blocks saving/ })) ??
    ((await page.locator('pre[id^="console-"]').textContent()).includes('storage is blocked')
      ? undefined
      : 'the console box does not show the storage warning'),
  'elements-journal-prompts--dutch': (page) =>
    journalProblem(page, { fields: 5, buttons: ['Alles kopiëren', 'Mijn antwoorden wissen'], status: /tabblad.*nooit/ }),
  'elements-journal-prompts--custom-labels': (page) =>
    journalProblem(page, { fields: 5, buttons: ['Copy my journal', 'Clear my journal'], values: { 'A question of my own': '' } }),
  'elements-journal-prompts--before-the-script-loads': async (page) =>
    (await page.getByText(prompts[2]).isVisible()) && (await page.getByText('If another question feels more alive').isVisible())
      ? undefined
      : 'the prompts are not readable before the script runs',
  'elements-journal-prompts--inside-a-hostile-theme': (page) => journalProblem(page, { fields: 1, counter: '1 of 4' }),
  'elements-journal-prompts--the-printed-page': async (page) =>
    (await journalProblem(page, { fields: 5, buttons: [], values: { [prompts[0]]: /^Something old/ } })) ??
    ((await journal(page).getByRole('status').isVisible()) ? 'the status line shows on the printed page' : undefined),
  'elements-journal-prompts--no-prompts': async (page) =>
    (await page.locator('journal-prompts').evaluate((el) => el.shadowRoot.querySelectorAll('textarea, button').length)) === 0 &&
    (await page.locator('pre[id^="console-"]').textContent()).includes('has no prompts') &&
    (await page.getByText(prompts[0]).isVisible())
      ? undefined
      : 'an empty journal shows fields or buttons, hides the text beside it, or the console box lacks the warning',
  'elements-book-call-cta--link': async (page) =>
    (await ctaProblem(page, { button: 'a', href: calendly, text: bookingText })) ??
    ((await cta(page).locator('[part~="button"]').evaluate((a) => `${a.target} ${a.rel}`)) === '_blank noopener'
      ? undefined
      : 'the link does not open a new tab with rel="noopener"'),
  'elements-book-call-cta--popup': async (page) =>
    (await ctaProblem(page, { button: 'button', text: bookingText, popup: 'dialog', consent: null })) ?? keptClosed(page),
  'elements-book-call-cta--dialog-open': async (page) => {
    const dialog = cta(page).locator('dialog[part~="dialog"]');
    if (!(await dialog.evaluate((d) => d.open && d.matches(':modal')))) return 'the dialog is not open as a modal';
    if ((await page.getByRole('dialog', { name: bookingText }).count()) !== 1) return 'no dialog named by the call to action';
    const frame = cta(page).locator('iframe[part~="iframe"]');
    const title = await frame.getAttribute('title');
    if (!title?.includes(bookingText)) return `the frame's title is “${title}”`;
    if ((await frame.getAttribute('sandbox')) !== sandbox) return `the frame's sandbox is “${await frame.getAttribute('sandbox')}”`;
    const scheduled = await bookInStandIn(page);
    if (scheduled !== '{"provider":"cal"}') return `book-call-cta-scheduled carried ${scheduled}`;
    await cta(page).getByRole('button', { name: 'Close' }).click();
    if (await dialog.evaluate((d) => d.open)) return 'Close did not close the dialog';
    // The element moves focus on the dialog's `close` event, which the browser fires a moment later.
    const back = () => document.querySelector('book-call-cta').shadowRoot.activeElement?.getAttribute('part') === 'button';
    if (await page.waitForFunction(back, null, { timeout: 2000 }).then(() => true, () => false)) return undefined;
    return `focus went to ${await cta(page).evaluate((el) => el.shadowRoot.activeElement?.getAttribute('part'))}, not back to the button`;
  },
  'elements-book-call-cta--inline-placeholder': async (page) =>
    (await ctaProblem(page, { button: 'button', text: bookingText, popup: 'false', consent: null })) ??
    (await placeholderHeight(page, 630)) ??
    keptClosed(page),
  'elements-book-call-cta--inline-loaded': async (page) => {
    const frame = cta(page).locator('iframe[part~="iframe"]');
    // The stand-in reports its page's height; the frame follows it above the 450 px Cal.com keeps.
    const reported = await page.frameLocator('book-call-cta >> iframe').locator('.page').evaluate((p) => Math.ceil(p.getBoundingClientRect().height));
    if (reported <= 450) return `the stand-in is only ${reported}px tall, so the frame has nothing to grow to`;
    await page.waitForFunction(
      (height) => document.querySelector('book-call-cta').shadowRoot.querySelector('iframe').getBoundingClientRect().height === height,
      reported,
      { timeout: 5000 },
    ).catch(() => {});
    const height = await frame.evaluate((f) => f.getBoundingClientRect().height);
    if (height !== reported) return `the frame is ${height}px tall, not the ${reported}px the stand-in reported`;
    if (await cta(page).locator('[part~="button"]').count()) return 'the placeholder button is still there';
    const violations = await axeInStandIn(page);
    if (violations.length) return `the stand-in page: ${violations.join('; ')}`;
    const scheduled = await bookInStandIn(page);
    return scheduled === '{"provider":"cal"}' ? undefined : `book-call-cta-scheduled carried ${scheduled}`;
  },
  'elements-book-call-cta--consent-popup': async (page) =>
    (await ctaProblem(page, { button: 'button', text: bookingText, popup: 'dialog', consent: /^Opens Calendly, an external service that may set cookies\./ })) ??
    (await elsewhereProblem(page, 'Open it in a new tab instead')) ??
    keptClosed(page),
  'elements-book-call-cta--consent-inline': async (page) =>
    (await ctaProblem(page, { button: 'button', text: bookingText, popup: 'false', consent: /^Opens Calendly, an external service that may set cookies\./ })) ??
    (await elsewhereProblem(page, 'Open it in a new tab instead')) ??
    (await placeholderHeight(page, 630)) ??
    keptClosed(page),
  'elements-book-call-cta--refused-url': async (page) =>
    (await noLinkProblem(page, bookingText)) ?? consoleShows(page, 'refused the booking URL'),
  'elements-book-call-cta--no-link': async (page) =>
    (await noLinkProblem(page)) ??
    ((await page.getByText('see if it’s the right fit for you').isVisible()) ? undefined : 'the text is not visible') ??
    consoleShows(page, 'has no booking link'),
  'elements-book-call-cta--unknown-mode': async (page) =>
    (await ctaProblem(page, { button: 'a', href: calendly, text: bookingText })) ?? consoleShows(page, 'mode="modal" is unknown'),
  'elements-book-call-cta--unknown-scheduler': async (page) =>
    (await ctaProblem(page, { button: 'a', href: 'https://stories-with-ease.example/book-a-call', text: bookingText })) ??
    consoleShows(page, 'needs a scheduler it knows'),
  'elements-book-call-cta--french': async (page) =>
    (await ctaProblem(page, {
      button: 'button',
      text: 'Réserver un appel découverte gratuit',
      popup: 'dialog',
      consent: /^Ouvre Calendly, un service externe qui peut déposer des cookies\./,
    })) ??
    (await elsewhereProblem(page, 'L’ouvrir plutôt dans un nouvel onglet')) ??
    ((await cta(page).locator('[part~="close-button"]').textContent()).trim() === 'Fermer' ? undefined : 'the close button is not French'),
  'elements-book-call-cta--custom-labels': async (page) => {
    const problem =
      (await ctaProblem(page, {
        button: 'button',
        text: bookingText,
        popup: 'dialog',
        consent: /^The booking calendar comes from Cal\.com, which may set its own cookies\./,
      })) ?? (await elsewhereProblem(page, 'Book on its own page instead'));
    if (problem) return problem;
    await cta(page).getByRole('button', { name: bookingText }).click();
    const close = cta(page).getByRole('button', { name: 'Back to the article' });
    await close.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
    if (!(await close.isVisible())) return 'the dialog has no “Back to the article” button';
    await close.click();
    return undefined;
  },
  'elements-book-call-cta--with-utm': (page) =>
    ctaProblem(page, {
      button: 'a',
      href: `${calendly}?utm_source=stories-with-ease&utm_medium=blog&utm_campaign=crying-after-sex`,
      text: bookingText,
    }),
  'elements-book-call-cta--before-the-script-loads': async (page) =>
    (await page.getByText('Let’s explore how working with your body').isVisible()) &&
    (await page.getByRole('link', { name: bookingText }).getAttribute('href')) === calendly
      ? undefined
      : 'the text and the booking link are not readable before the script runs',
  'elements-book-call-cta--inside-a-hostile-theme': async (page) =>
    (await ctaProblem(page, { button: 'button', text: bookingText, popup: 'dialog' })) ??
    ((await cta(page).locator('[part~="button"]').evaluate((b) => getComputedStyle(b).textTransform)) === 'none'
      ? undefined
      : 'the theme restyled the button'),
  'elements-related-stories--written-in-the-page': (page) =>
    storiesProblem(page, { titles: writtenTitles, images: false, meta: null, layout: 'grid' }),
  'elements-related-stories--written-as-articles': (page) => storiesProblem(page, { titles: writtenTitles, images: true, meta: /2026$/ }),
  'elements-related-stories--from-wordpress': (page) => storiesProblem(page, { titles: feedTitles, images: true, meta: null, layout: 'grid' }),
  'elements-related-stories--from-squarespace': (page) => storiesProblem(page, { titles: feedTitles, images: true, meta: null }),
  'elements-related-stories--from-rss': (page) => storiesProblem(page, { titles: feedTitles, images: true, meta: null }),
  'elements-related-stories--from-atom': (page) => storiesProblem(page, { titles: feedTitles, images: true, meta: null }),
  'elements-related-stories--from-json-feed': (page) => storiesProblem(page, { titles: feedTitles, images: true, meta: null }),
  'elements-related-stories--list': (page) =>
    storiesProblem(page, { titles: feedTitles, images: true, meta: /2026 · \d+ min read$/, layout: 'list' }),
  'elements-related-stories--date-and-reading-time': (page) =>
    storiesProblem(page, { titles: feedTitles, images: true, meta: /2026 · \d+ min read$/, layout: 'grid' }),
  'elements-related-stories--titles-only': (page) =>
    storiesProblem(page, { titles: feedTitles, images: false, meta: null, excerpts: false, layout: 'list' }),
  'elements-related-stories--custom-label': (page) =>
    storiesProblem(page, { titles: feedTitles, images: false, meta: /2026 · a \d+-minute read$/ }),
  'elements-related-stories--feed-failed': async (page) =>
    (await storiesProblem(page, { titles: writtenTitles, images: false, meta: null })) ?? consoleShows(page, 'could not use'),
  'elements-related-stories--empty': async (page) => {
    const element = page.locator('related-stories');
    if (!(await element.evaluate((el) => el.hidden))) return 'the element is not hidden';
    if (await element.isVisible()) return 'the empty element still shows';
    if (await page.getByText(relatedHeading).isVisible()) return 'the heading still shows';
    return (await page.getByText('The footer of the page.').isVisible()) ? undefined : 'the text after it is hidden too';
  },
  'elements-related-stories--unknown-layout': async (page) =>
    (await storiesProblem(page, { titles: writtenTitles, images: false, meta: null, layout: 'grid' })) ??
    consoleShows(page, 'layout="cards" is not grid or list'),
  'elements-related-stories--before-the-script-loads': async (page) => {
    if (!(await page.getByRole('heading', { name: relatedHeading }).isVisible())) return 'the heading is not visible';
    for (const title of writtenTitles) {
      const link = page.getByRole('link', { name: title, exact: true });
      if (!(await link.isVisible())) return `no visible link “${title}” before the script runs`;
      if (!(await link.getAttribute('href')).startsWith('/demo/stories/')) return `“${title}” links to ${await link.getAttribute('href')}`;
    }
    return undefined;
  },
  'elements-related-stories--inside-a-hostile-theme': (page) =>
    storiesProblem(page, { titles: feedTitles, images: true, meta: /2026 · \d+ min read$/, layout: 'grid' }),
  'elements-related-stories--storage-blocked': async (page) =>
    (await storiesProblem(page, { titles: feedTitles, images: true, meta: /2026 · \d+ min read$/ })) ??
    ((await page.evaluate(() => {
      try {
        return !window.sessionStorage;
      } catch {
        return true;
      }
    }))
      ? undefined
      : 'sessionStorage is not blocked') ??
    ((await page.locator('pre[id^="console-"]').textContent()) === '(no warnings yet)' ? undefined : 'the console box shows a warning'),
  'elements-related-stories--spanish': (page) =>
    storiesProblem(page, {
      titles: ['El poder del llanto', 'Un tacto que escucha: qué ocurre en un taller de masaje en pareja', 'Un ejercicio de escritura para mirar de frente tus pensamientos más temidos, con claridad y calma'],
      images: true,
      meta: /^\d{1,2} [a-z]+\.? 2026 · \d+ min de lectura$/,
      layout: 'list',
    }),
  'pages-article--article': async (page) => {
    // The article's booking call to action opens the local stand-in in its dialog, after its consent line.
    const problem = await ctaProblem(page, { button: 'button', text: 'Book a free discovery call', popup: 'dialog', consent: /^Opens Cal\.com/ });
    if (problem) return problem;
    await cta(page).getByRole('button', { name: 'Book a free discovery call' }).click();
    await standInShown(page);
    const scheduled = await bookInStandIn(page);
    return scheduled === '{"provider":"cal"}' ? undefined : `book-call-cta-scheduled carried ${scheduled}`;
  },
};

/**
 * What a story does before it is judged: its play function opens a scheduler, which then loads and
 * greets; or its element reads its feed (and shows its stories, hides itself, or warns).
 */
const settled = {
  'elements-book-call-cta--dialog-open': (page) => standInShown(page),
  'elements-book-call-cta--inline-loaded': (page) => standInShown(page),
  ...Object.fromEntries(
    ['from-wordpress', 'from-squarespace', 'from-rss', 'from-atom', 'from-json-feed', 'list', 'date-and-reading-time', 'titles-only', 'custom-label', 'inside-a-hostile-theme', 'storage-blocked'].map(
      (name) => [`elements-related-stories--${name}`, (page) => firstCardIs(page, feedTitles[0])],
    ),
  ),
  'elements-related-stories--spanish': (page) => firstCardIs(page, 'El poder del llanto'),
  'elements-related-stories--feed-failed': (page) =>
    page.locator('pre[id^="console-"]', { hasText: 'could not use' }).waitFor({ timeout: 10000 }),
  'elements-related-stories--empty': (page) =>
    page.waitForFunction(() => document.querySelector('related-stories')?.hidden, null, { timeout: 10000 }),
};

const cta = (page) => page.locator('book-call-cta');
const calendly = 'https://calendly.com/stories-with-ease/discovery-call';
const bookingText = 'Book a free discovery call';
const sandbox = 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox';

/**
 * What a reader sees of the story's call to action: the heading and text, the button (an `a` with
 * `href`, or a `button` with `aria-haspopup`) and its words, the consent line (a pattern, or `null` for
 * none), and the link's own line given way to the button. Returns the first difference, or nothing.
 */
async function ctaProblem(page, expected) {
  const root = cta(page);
  await root.evaluate((el) => el.updateComplete);
  if (!(await root.locator('h2').isVisible())) return 'the heading is not visible';
  const button = root.locator('[part~="button"]');
  if (!(await button.isVisible())) return 'no visible button';
  const tag = await button.evaluate((el) => el.localName);
  if (tag !== expected.button) return `the button is a <${tag}>, not a <${expected.button}>`;
  const text = (await button.textContent()).replace(/\s+/g, ' ').trim();
  if (text !== expected.text) return `the button says “${text}”`;
  if (expected.href && (await button.getAttribute('href')) !== expected.href) return `the button goes to ${await button.getAttribute('href')}`;
  if (expected.popup && (await button.getAttribute('aria-haspopup')) !== expected.popup) {
    return `aria-haspopup is ${await button.getAttribute('aria-haspopup')}, not ${expected.popup}`;
  }
  const consent = root.locator('[part~="consent"]');
  if (expected.consent === null && (await consent.count())) return 'a consent line shows';
  if (expected.consent) {
    if (!(await consent.isVisible())) return 'no consent line';
    const line = (await consent.textContent()).replace(/\s+/g, ' ').trim();
    if (!expected.consent.test(line)) return `the consent line says “${line}”`;
    if ((await button.getAttribute('aria-describedby')) !== (await consent.getAttribute('id'))) return 'the button is not described by the consent line';
  }
  // The light-DOM link's line gives way to the button: its words are not shown (or read) twice.
  if (await root.evaluate((el) => [...el.querySelectorAll('a[href]')].pop().checkVisibility())) return 'the link’s own line still shows beside the button';
  if (await root.locator('iframe').count()) return 'a frame loaded before the reader pressed the button';
  return undefined;
}

/** The consent line's new-tab link: its words, a new tab, `rel="noopener"`. */
async function elsewhereProblem(page, words) {
  const link = cta(page).locator('[part~="elsewhere"]');
  if (!(await link.isVisible())) return 'no “open in a new tab instead” link';
  const [text, target, rel] = await link.evaluate((a) => [a.textContent.trim(), a.target, a.rel]);
  if (text !== words) return `the new-tab link says “${text}”`;
  return target === '_blank' && rel === 'noopener' ? undefined : 'the new-tab link does not open a new tab with rel="noopener"';
}

/** The inline placeholder keeps the scheduler's height before anything loads. */
async function placeholderHeight(page, height) {
  const box = await cta(page).locator('[part~="frame"]').boundingBox();
  return box && Math.round(box.height) >= height ? undefined : `the placeholder is ${box?.height}px tall, not ${height}px`;
}

/** Pressing the button of a story whose scheduler is real opens nothing, and the story says why. */
async function keptClosed(page) {
  await cta(page).locator('[part~="button"]').click();
  await page.waitForTimeout(200);
  if (await cta(page).locator('iframe, dialog[open]').count()) return 'a real scheduler opened in Storybook';
  return (await page.locator('.kept-closed').textContent()).includes('keeps real schedulers closed') ? undefined : 'no line says why nothing opened';
}

/** A refused or missing link: the words as plain text, no link or button anywhere, the light-DOM link hidden. */
async function noLinkProblem(page, label) {
  const root = cta(page);
  await root.evaluate((el) => el.updateComplete);
  if (await root.locator('[part~="button"], [part~="elsewhere"], iframe, dialog').count()) return 'a button, link or frame renders';
  if (await root.locator('a[href]').filter({ visible: true }).count()) return 'a link shows';
  if (label && (await root.locator('[part~="label"]').textContent()).trim() !== label) return 'the call to action is not shown as text';
  return undefined;
}

async function consoleShows(page, words) {
  return (await page.locator('pre[id^="console-"]').textContent()).includes(words) ? undefined : `the console box does not show “${words}”`;
}

/** Waits until the stand-in scheduler in the element's frame has had its handshake answered and shows. */
async function standInShown(page) {
  await page.frameLocator('book-call-cta >> iframe').getByRole('heading', { name: 'Discovery call · 20 min' }).waitFor({ state: 'visible', timeout: 10000 });
}

/** Books a time in the stand-in; returns the `book-call-cta-scheduled` detail, as JSON. */
async function bookInStandIn(page) {
  const scheduled = cta(page).evaluate(
    (el) => new Promise((resolve) => el.addEventListener('book-call-cta-scheduled', (event) => resolve(JSON.stringify(event.detail)), { once: true })),
  );
  const frame = page.frameLocator('book-call-cta >> iframe');
  await frame.getByRole('radio', { name: '10:30' }).check();
  await frame.getByRole('button', { name: 'Confirm' }).click();
  return Promise.race([scheduled, new Promise((resolve) => setTimeout(() => resolve('nothing: no event within 5 s'), 5000))]);
}

/** axe inside the stand-in page (same origin as Storybook, so it can be injected there). */
async function axeInStandIn(page) {
  const frame = await cta(page).locator('iframe').elementHandle().then((handle) => handle.contentFrame());
  // Evaluated, not added as a script tag: the stand-in is served under the demo's CSP, which refuses inline scripts.
  await frame.evaluate(axeSource);
  return frame.evaluate(async () => {
    const { violations } = await window.axe.run(document, { rules: { region: { enabled: false } } });
    return violations.map((v) => `axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** The stories the seed article closes with, as the related-stories stories write them in the page. */
const relatedHeading = 'Read more Stories With Ease';
const writtenTitles = [
  'Mastering Stress and Overwhelm while Working - The power of the moments in between',
  'A Journaling Exercise to Face Your Scariest Thoughts with Clarity and Ease',
  'Holistic therapy: working with the whole of you',
];
/** The demo blog's three newest stories after the article itself, which every story's canonical URL leaves out. */
const feedTitles = [
  'The power of crying',
  'Touch that listens: what happens in a couple massage workshop',
  'A Journaling Exercise to Face Your Scariest Thoughts with Clarity and Ease',
];

/** Waits until the element's first card is the story `title` (its feed has been read). */
async function firstCardIs(page, title) {
  await page.waitForFunction(
    (first) => document.querySelector('related-stories')?.shadowRoot?.querySelector('[part~="link"]')?.textContent.trim() === first,
    title,
    { timeout: 10000 },
  );
}

/**
 * What a reader sees of the story's related stories: the heading, the cards' titles in order (each a
 * link to a story under /demo/), whether every card has its image (loaded, lazy, async, no referrer,
 * no alt text), the date and reading-time line (a pattern each card's matches, or `null` for none),
 * the excerpts (unless `excerpts: false`), cards side by side (`grid`) or one under another (`list`),
 * and the list written in the page not shown a second time. Returns the first difference, or nothing.
 */
async function storiesProblem(page, expected) {
  const root = page.locator('related-stories');
  await root.evaluate((el) => el.updateComplete);
  if (!(await root.locator('[slot="heading"]').isVisible())) return 'the heading is not visible';
  const cards = root.locator('[part~="card"]');
  const links = cards.locator('[part~="link"]');
  const titles = (await links.allTextContents()).map((title) => title.trim());
  if (titles.join('\n') !== expected.titles.join('\n')) return `the cards are “${titles.join('”, “')}”`;
  const paths = await links.evaluateAll((all) => all.map((a) => new URL(a.href).pathname));
  const stray = paths.find((path) => !path.startsWith('/demo/stories/'));
  if (stray) return `a card links to ${stray}`;
  const images = cards.locator('[part~="image"]');
  const imageCount = await images.count();
  if (imageCount !== (expected.images ? titles.length : 0)) return `${imageCount} of ${titles.length} cards have an image`;
  for (const image of await images.all()) {
    await image.evaluate((img) => img.decode().catch(() => {}));
    const [loaded, attributes] = await image.evaluate((img) => [
      img.complete && img.naturalWidth > 0,
      ['loading', 'decoding', 'referrerpolicy', 'alt'].map((name) => img.getAttribute(name)).join(' '),
    ]);
    if (!loaded) return `the image ${await image.getAttribute('src')} did not load`;
    if (attributes !== 'lazy async no-referrer ') return `an image has loading decoding referrerpolicy alt “${attributes}”`;
  }
  const metas = (await cards.locator('[part~="meta"]').allTextContents()).map((meta) => meta.replace(/\s+/g, ' ').trim());
  if (expected.meta === null && metas.length) return `a date or reading time shows: “${metas[0]}”`;
  if (expected.meta && (metas.length !== titles.length || !metas.every((meta) => expected.meta.test(meta)))) {
    return `the date lines say “${metas.join('”, “')}”`;
  }
  const excerpts = await cards.locator('[part~="excerpt"]').count();
  if (excerpts !== (expected.excerpts === false ? 0 : titles.length)) return `${excerpts} of ${titles.length} cards have an excerpt`;
  if (await root.evaluate((el) => [...el.querySelectorAll(':scope > ul, :scope > ol, :scope > article')].some((node) => node.checkVisibility()))) {
    return 'the stories written in the page show beside the cards';
  }
  if (expected.layout) {
    const [first, second] = await cards.evaluateAll((all) => all.slice(0, 2).map((card) => card.getBoundingClientRect()));
    const sideBySide = Math.abs(first.top - second.top) < 1 && second.left > first.right;
    const underneath = Math.abs(first.left - second.left) < 1 && second.top >= first.bottom;
    if (expected.layout === 'grid' && !sideBySide) return 'the cards are not side by side';
    if (expected.layout === 'list' && !underneath) return 'the cards are not one under another';
  }
  return undefined;
}

/** The seed article's prompts, as every journal story shows them. */
const prompts = [
  'What was there to be released, and what do I want to do with it?',
  'What is a need I can give more attention to?',
  'What is something nourishing I can give myself right now?',
];
const journal = (page) => page.locator('journal-prompts');

/**
 * What a reader sees of the story's journal: how many answer fields show, their text by accessible
 * name (a string, or a pattern), the steps counter, the buttons, the storage switch and the status
 * line. Returns the first difference, or nothing.
 */
async function journalProblem(page, expected) {
  const root = journal(page);
  await root.evaluate((el) => el.updateComplete);
  const fields = await root.getByRole('textbox').filter({ visible: true }).count();
  if (fields !== expected.fields) return `${fields} answer fields show, not ${expected.fields}`;
  for (const [name, value] of Object.entries(expected.values ?? {})) {
    const field = root.getByRole('textbox', { name, exact: true });
    if (!(await field.isVisible())) return `no visible field named “${name}”`;
    const text = await field.inputValue();
    if (typeof value === 'string' ? text !== value : !value.test(text)) return `the field “${name}” holds “${text}”`;
  }
  if (expected.counter !== undefined) {
    const counter = root.locator('[part="counter"]');
    if (!(await counter.isVisible()) || (await counter.textContent()) !== expected.counter) {
      return `the steps counter does not say “${expected.counter}”`;
    }
  }
  const buttons = root.getByRole('button').filter({ visible: true });
  if (expected.buttons && !expected.buttons.length && (await buttons.count())) return 'buttons show';
  for (const name of expected.buttons ?? []) {
    if (!(await root.getByRole('button', { name, exact: true }).isVisible())) return `no button “${name}”`;
  }
  if (expected.switch === false && (await root.getByRole('switch').isVisible())) return 'the storage switch shows';
  if (expected.status && !expected.status.test(await root.getByRole('status').textContent())) {
    return `the status line says “${(await root.getByRole('status').textContent()).trim()}”`;
  }
  return undefined;
}

async function gateHolds(page) {
  const text = page.getByText('first step is softening');
  if (await text.isVisible()) return 'gated text is visible before the reveal';
  await page.getByRole('button', { name: /show this part/i }).click();
  if (!(await text.isVisible())) return 'gated text stays hidden after the reveal';
  return undefined;
}

const server = await startServer({ root: staticDir, port: 0 });
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
const index = JSON.parse(readFileSync(`${staticDir}/index.json`, 'utf8'));
const entries = Object.values(index.entries);
const { report, summary, failures } = reporter();

try {
  const context = await browser.newContext();
  {
    const { page, messages, remote } = await open(context, server.url, 'index.html');
    await page.waitForSelector('#storybook-explorer-tree', { timeout: 15000 });
    // The manager opens the first docs page, whose stories include the ones that warn on purpose.
    // Storybook 10.6's own toolbar logs a deprecation notice about its PopoverProvider; not ours to fix.
    const storybooks = /'ariaLabel' prop on 'PopoverProvider'/;
    report('manager loads offline', [
      ...remote.map((url) => `fetched ${url}`),
      ...messages.filter((m) => !expectedAnywhere(m) && !storybooks.test(m)),
    ]);
    await page.close();
  }

  /** Everything wrong with one index entry (a story, or a docs page). */
  async function problemsOf(entry) {
    const isStory = entry.type === 'story';
    const { page, messages, remote } = await open(context, server.url, entryPath(entry));
    const problems = [];
    const errorDisplay = await rendered(page, entry);
    if (errorDisplay) problems.push(errorDisplay);
    // Let the elements finish their first render (and warn, if they will).
    await page.evaluate(() => Promise.all([...document.querySelectorAll('content-notice')].map((el) => el.updateComplete)));
    await page.waitForTimeout(100);
    if (isStory) await settled[entry.id]?.(page).catch((error) => problems.push(`did not settle: ${error.message.split('\n')[0]}`));
    if (!isStory) {
      // A docs page renders all of its component's stories.
      problems.push(...messages.filter((m) => !expectedAnywhere(m, entry.title)));
      await page.close();
      return [...problems, ...remote.map((url) => `fetched ${url}`)];
    }
    const expected = expectedWarnings[entry.id];
    // A warning's words load on demand: give an expected one a few seconds to arrive.
    for (let waited = 0; expected && !messages.some((message) => expected.test(message)) && waited < 5000; waited += 100) await page.waitForTimeout(100);
    problems.push(...messages.filter((message) => !(expected && message.startsWith('warning:') && expected.test(message))));
    if (expected && !messages.some((message) => expected.test(message))) problems.push(`missing warning ${expected}`);
    await page.addScriptTag({ content: axeSource });
    // The a11y addon's settings: the story's body minus Storybook's own furniture, "region" off.
    // The addon runs axe itself after each render; axe runs one check at a time, so wait for it.
    const violations = await page.evaluate(async () => {
      const run = () =>
        window.axe.run(
          { include: document.body, exclude: ['.sb-wrapper', '#storybook-docs', '#storybook-highlights-root'] },
          { rules: { region: { enabled: false } } },
        );
      let result;
      for (let tries = 0; !result; tries++) {
        try {
          result = await run();
        } catch (error) {
          if (tries > 100 || !/already running/.test(error.message)) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      const { violations } = result;
      return violations.map((v) => `axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    problems.push(...violations);
    const problem = await checks[entry.id]?.(page);
    if (problem) problems.push(problem);
    await page.close();
    return [...problems, ...remote.map((url) => `fetched ${url}`)];
  }

  // Three pages at a time (each entry gets its own page and storage), reported in index order.
  const results = await inParallel(entries, 3, problemsOf);
  entries.forEach((entry, i) => report(entryName(entry), results[i]));
} finally {
  await browser.close();
  await server.close();
}

console.log(summary());
process.exitCode = failures() ? 1 : 0;
