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

/** Warnings a story exists to show; any other warning or error fails it. */
const expectedWarnings = {
  'elements-content-notice--storage-blocked': /<content-notice>: remember="local": storage is blocked/,
  'elements-content-notice--empty': /<content-notice>: is empty, so it is hidden/,
  'elements-journal-prompts--storage-blocked': /<journal-prompts>: storage is blocked/,
  'elements-journal-prompts--no-prompts': /<journal-prompts>: has no prompts/,
  // The docs page shows its first story twice (on top and in the list): the second copy says it saves apart.
  'elements-journal-prompts--docs': /<journal-prompts>: another journal on this page has the same storage key.*story-empty#2/,
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
  'elements-content-notice--before-the-script-loads': async (page) =>
    (await page.getByText('first step is softening').isVisible()) ? undefined : 'the fallback text is not visible',
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
};

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
    if (!isStory) {
      // A docs page renders all of its component's stories.
      problems.push(...messages.filter((m) => !expectedAnywhere(m, entry.title)));
      await page.close();
      return [...problems, ...remote.map((url) => `fetched ${url}`)];
    }
    const expected = expectedWarnings[entry.id];
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
