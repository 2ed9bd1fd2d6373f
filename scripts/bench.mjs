// `npm run bench`: what each part of the CDN bundle costs, in bytes (raw, gzip, brotli) — ratios, not timings.
// Builds, with the CDN build's own plugins, into a temporary directory:
//   lit           Lit alone (with the library's Trusted Types policy it is rewired to), one no-op element
//   lit + shared  Lit and every module of src/shared, with one no-op element (the baseline)
//   <tag>         src/<tag>.ts for each element rollup.config.mjs lists
//   all (CDN)     src/all.ts, as dist/cdn/gentle-widgets.js
// and prints each element's own share (its bundle minus the baseline), against the budget its issue gave
// it where there is one. `--json` prints JSON instead.
//
// Then, in the system Chromium (playwright-core), on a page served from 127.0.0.1 under the strict CSP
// with the built dist/cdn/gentle-widgets.js (run `npm run build` first), what `<journal-prompts>` costs
// a reader while typing:
//   writes/s      storage writes of the journal's key while typing 10 characters a second for 10 s
//                 (budget: at most 2 a second)
//   keystroke     time from keydown to the end of the input handlers and the layout they cause, in a
//                 field that already holds 20,000 characters, against the same in an empty field and
//                 against a 16.7 ms frame (budget: median at most 8 ms)
// The machine may be shared and noisy: compare the ratios within one run, not timings across runs.
// `--browser-only` skips the size builds, `--sizes-only` the browser. Exits non-zero when a budget is exceeded.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import typescript from '@rollup/plugin-typescript';
import { chromium } from 'playwright-core';
import rollupConfig, { elements } from '../rollup.config.mjs';
import { chromiumArgs, findChromium } from './chromium.mjs';
import { startServer } from './serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const json = process.argv.includes('--json');
const browserOnly = process.argv.includes('--browser-only');
const sizesOnly = process.argv.includes('--sizes-only');

// The CDN build's own plugin instances (resolve, Trusted Types rewiring, evaluate-once guard, terser with
// its options…), so these numbers follow every change to that build. Only the TypeScript plugin is made
// anew, to write into the temporary directory; the stylesheet asset is left out.
const cdnConfig = [rollupConfig].flat().find((config) => String(config.output?.file).endsWith('cdn/gentle-widgets.js'));
const cdnPlugins = (cdnConfig?.plugins ?? []).filter(Boolean);
for (const name of ['typescript', 'terser', 'gentle-widgets-trusted-types', 'gentle-widgets-evaluate-once']) {
  if (!cdnPlugins.some((plugin) => plugin.name === name)) {
    throw new Error(`rollup.config.mjs: the CDN build has no "${name}" plugin any more; update scripts/bench.mjs.`);
  }
}
const pluginsFor = (outDir) =>
  cdnPlugins
    .filter((plugin) => plugin.name !== 'gentle-widgets-css')
    .map((plugin) =>
      plugin.name === 'typescript'
        ? typescript({ tsconfig: join(root, 'tsconfig.json'), outDir, declaration: false, declarationMap: false, sourceMap: false })
        : plugin,
    );

const src = (path) => JSON.stringify(join(root, 'src', path));
const sharedModules = readdirSync(join(root, 'src/shared'))
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.includes('.test.'))
  .sort();

/** Entry code per bundle. Each registers something so tree-shaking cannot drop the code being measured. */
const entries = {
  lit: `import { LitElement, html, css } from 'lit';
class BenchElement extends LitElement { static styles = css\`:host { display: block }\`; render() { return html\`<slot></slot>\`; } }
customElements.define('bench-element', BenchElement);`,
  'lit + shared': `import { html } from 'lit';
${sharedModules.map((file, i) => `import * as shared${i} from ${src(`shared/${file}`)};`).join('\n')}
import { GentleElement } from ${src('shared/base.ts')};
globalThis[Symbol.for('gentle-bench')] = [${sharedModules.map((_, i) => `shared${i}`).join(', ')}];
class BenchElement extends GentleElement { render() { return html\`<slot></slot>\`; } }
BenchElement.define('bench-element');`,
  ...Object.fromEntries(elements.map((tag) => [tag, `import ${src(`${tag}.ts`)};`])),
  'all (CDN)': `import ${src('all.ts')};`,
};

const slug = (name) => name.replace(/\W+/g, '-');

async function build(name, outDir) {
  // The entry is served from memory as if it lived in the project root, so that `lit` resolves.
  const id = join(root, `.bench-entry-${slug(name)}.js`);
  const warnings = [];
  const bundle = await rollup({
    input: id,
    onwarn: (warning) => warnings.push(warning.message),
    plugins: [
      {
        name: 'bench-entry',
        resolveId: (source) => (source === id ? id : null),
        load: (loading) => (loading === id ? entries[name] : null),
      },
      ...pluginsFor(outDir),
    ],
  });
  const file = join(outDir, `${slug(name)}.js`);
  await bundle.write({ file, format: 'es', sourcemap: false });
  await bundle.close();
  for (const warning of warnings) console.warn(`${name}: ${warning}`);
  const code = readFileSync(file);
  return {
    raw: statSync(file).size,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const minus = (a, b) => ({ gzip: a.gzip - b.gzip, brotli: a.brotli - b.brotli });
/** Each element's own share of the CDN bundle, brotli bytes, as its issue gave it. */
const shareBudgets = { '<journal-prompts>': 2400, '<book-call-cta>': 1800 };
const percent = (part, whole) => `${((100 * part) / whole).toFixed(0)}%`.padStart(6);

async function measureSizes() {
  const outDir = mkdtempSync(join(tmpdir(), 'gentle-bench-'));
  const sizes = {};
  try {
    for (const name of Object.keys(entries)) sizes[name] = await build(name, outDir);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }

  const baseline = sizes['lit + shared'];
  const shares = {
    Lit: { gzip: sizes.lit.gzip, brotli: sizes.lit.brotli },
    'src/shared': minus(baseline, sizes.lit),
    ...Object.fromEntries(elements.map((tag) => [`<${tag}>`, minus(sizes[tag], baseline)])),
  };
  return { bundles: sizes, shares };
}

function printSizes({ bundles: sizes, shares }) {
  const all = sizes['all (CDN)'];
  const width = Math.max(...[...Object.keys(sizes), ...Object.keys(shares)].map((name) => name.length));
  const num = (n) => String(n).padStart(8);
  console.log(`\n${'bundle'.padEnd(width)}      raw     gzip   brotli`);
  for (const [name, size] of Object.entries(sizes)) {
    console.log(`${name.padEnd(width)} ${num(size.raw)} ${num(size.gzip)} ${num(size.brotli)}`);
  }
  console.log(`\n${'share'.padEnd(width)}     gzip   brotli  of CDN (brotli)`);
  for (const [name, share] of Object.entries(shares)) {
    const budget = shareBudgets[name];
    const against = budget ? `  budget ${budget}${share.brotli > budget ? `: ${share.brotli - budget} over` : ''}` : '';
    console.log(`${name.padEnd(width)} ${num(share.gzip)} ${num(share.brotli)}  ${percent(share.brotli, all.brotli)}${against}`);
  }
  console.log('\nAn element\'s share is its bundle minus "lit + shared"; shares overlap where elements share code.');
}

// ---- in the browser -------------------------------------------------------------------------

const cdnBundle = join(root, 'dist/cdn/gentle-widgets.js');
/** The policy the e2e tests serve their pages with (test/e2e/run.mjs). */
const strictCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types gentle-widgets lit-html";
const FRAME_MS = 1000 / 60;
const budgets = { writesPerSecond: 2, keystrokeMedianMs: 8 };

const benchPage = (storage) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Bench: journal-prompts</title>
  <link rel="stylesheet" href="/dist/cdn/gentle-widgets.css">
  <script type="module" src="/dist/cdn/gentle-widgets.js"></script>
</head>
<body>
  <main>
    <p>Article text before the journal.</p>
    <journal-prompts id="journal" storage="${storage}">
      <p slot="heading">Bench prompts</p>
      <ol>
        <li>What was there to be released?</li>
        <li>What is a need I can give more attention to?</li>
      </ol>
    </journal-prompts>
  </main>
</body>
</html>
`;

/**
 * Init script: counts `setItem` calls on the journal's key (and on any key), with their times, and
 * times each keystroke in the measured field from keydown to the end of the input handlers plus the
 * style and layout they caused (forced at once, so the wait for the next frame is not counted), and
 * to the next frame (a rAF, then a task: includes waiting for the frame).
 */
function instrument() {
  window.__writes = [];
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    window.__writes.push({ key: String(key), at: performance.now() });
    return setItem.call(this, key, value);
  };
  window.__keys = [];
  window.__samples = [];
  window.__watch = (field) => {
    let down = 0;
    field.addEventListener('keydown', () => {
      down = performance.now();
      window.__keys.push(down);
    });
    // Added after the element's own listener, so it runs after it.
    field.addEventListener('input', () => {
      if (!down) return;
      const start = down;
      down = 0;
      // Style and layout, now: reading a size forces them.
      window.__layout = field.getBoundingClientRect().height + document.body.offsetHeight;
      const sample = { handled: performance.now() - start, frame: 0 };
      window.__samples.push(sample);
      requestAnimationFrame(() => setTimeout(() => (sample.frame = performance.now() - start)));
    });
  };
}

const median = (values) => quantile(values, 0.5);
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.ceil(at)] - sorted[low]) * (at - low);
}

/** Opens the bench page with `storage` in a fresh context; returns the page and the journal's first field. */
async function openJournal(browser, origin, storage, problems) {
  const context = await browser.newContext();
  await context.route('**/*', (route) =>
    route.request().url().startsWith(origin + '/') ? route.continue() : route.abort('blockedbyclient'),
  );
  await context.addInitScript(instrument);
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  await page.goto(`${origin}/bench/${storage}.html`);
  await page.waitForFunction(() => document.querySelector('#journal')?.shadowRoot?.querySelector('textarea'));
  await page.evaluate(() => window.__watch(document.querySelector('#journal').shadowRoot.querySelector('textarea')));
  return { context, page, field: page.locator('#journal textarea').first() };
}

/** Types 10 characters a second for 10 s and counts the writes of the journal's key. */
async function measureWrites(browser, origin, storage, problems) {
  const { context, page, field } = await openJournal(browser, origin, storage, problems);
  try {
    await field.click();
    const text = 'Slow, steady words typed the way a reader writes them: ten a second, for ten seconds. '.repeat(2).slice(0, 100);
    // One key every 100 ms by the clock: `keyboard.type`'s own delay comes on top of each key's round trip.
    const start = Date.now();
    for (const [i, char] of [...text].entries()) {
      await new Promise((resolve) => setTimeout(resolve, start + 100 * i - Date.now()));
      await page.keyboard.type(char);
    }
    await page.waitForTimeout(1_200); // the last save waits for a pause
    const { writes, keys, value } = await page.evaluate(() => ({
      writes: window.__writes,
      keys: window.__keys,
      value: document.querySelector('#journal').shadowRoot.querySelector('textarea').value,
    }));
    if (value !== text) throw new Error(`the field holds ${value.length} of ${text.length} typed characters`);
    const journal = writes.filter((write) => write.key.startsWith('gentle-widgets:journal-prompts:'));
    const first = keys[0];
    const last = keys.at(-1);
    const seconds = (last - first) / 1000;
    const whileTyping = journal.filter((write) => write.at >= first && write.at <= last).length;
    return {
      storage,
      characters: keys.length,
      seconds: round(seconds, 2),
      charactersPerSecond: round(keys.length / seconds, 1),
      writesWhileTyping: whileTyping,
      writesAfter: journal.filter((write) => write.at > last).length,
      writesPerSecond: round(whileTyping / seconds, 2),
      setItemCallsAnyKey: writes.length,
    };
  } finally {
    await context.close();
  }
}

/** Per-keystroke times in a field holding `filled` characters. */
async function measureKeystrokes(browser, origin, filled, problems, count = 50) {
  const { context, page, field } = await openJournal(browser, origin, 'session', problems);
  try {
    await page.evaluate((length) => {
      const textarea = document.querySelector('#journal').shadowRoot.querySelector('textarea');
      const words = 'gentle words for a quiet evening, written slowly and kept close. ';
      textarea.value = words.repeat(Math.ceil(length / words.length)).slice(0, length);
      textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      textarea.focus();
      textarea.setSelectionRange(length, length);
    }, filled);
    await field.focus();
    await page.waitForTimeout(1_200); // let the fill's own save pass
    for (let i = 0; i < count + 5; i++) {
      await page.keyboard.type('x');
      await page.waitForTimeout(40);
    }
    await page.waitForTimeout(100);
    const { samples, length } = await page.evaluate(() => ({
      samples: window.__samples,
      length: document.querySelector('#journal').shadowRoot.querySelector('textarea').value.length,
    }));
    if (length !== filled + count + 5) throw new Error(`the field holds ${length} characters, not ${filled + count + 5}`);
    const measured = samples.slice(5); // the first few warm up
    const handled = measured.map((sample) => sample.handled);
    const frame = measured.map((sample) => sample.frame).filter(Boolean);
    return {
      characters: filled,
      keystrokes: measured.length,
      median: round(median(handled), 2),
      p95: round(quantile(handled, 0.95), 2),
      frameMedian: round(median(frame), 2),
      frameP95: round(quantile(frame, 0.95), 2),
    };
  } finally {
    await context.close();
  }
}

const round = (n, digits) => Math.round(n * 10 ** digits) / 10 ** digits;

async function measureBrowser() {
  if (!existsSync(cdnBundle)) {
    throw new Error('dist/cdn/gentle-widgets.js is missing: run `npm run build` first.');
  }
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: install one (on Debian: apt-get install -y chromium) or set CHROME_PATH.');
  const pages = mkdtempSync(join(tmpdir(), 'gentle-bench-pages-'));
  for (const storage of ['session', 'local']) writeFileSync(join(pages, `${storage}.html`), benchPage(storage));
  const server = await startServer({ root, port: 0, headers: { '/bench/': { 'Content-Security-Policy': strictCsp } }, mounts: { '/bench/': pages } });
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true, timeout: 15_000 });
  const problems = [];
  try {
    const writes = [];
    for (const storage of ['local', 'session']) writes.push(await measureWrites(browser, server.url, storage, problems));
    const empty = await measureKeystrokes(browser, server.url, 0, problems);
    const full = await measureKeystrokes(browser, server.url, 20_000, problems);
    if (problems.length) throw new Error(`the bench page reported problems:\n  ${problems.join('\n  ')}`);
    return {
      writes,
      keystroke: {
        empty,
        full,
        medianVsEmpty: round(full.median / empty.median, 2),
        medianVsFrame: round(full.median / FRAME_MS, 3),
        p95VsFrame: round(full.p95 / FRAME_MS, 3),
      },
      budgets,
    };
  } finally {
    await browser.close().catch(() => {});
    await server.close();
    rmSync(pages, { recursive: true, force: true });
  }
}

function printBrowser({ writes, keystroke }) {
  console.log('\n<journal-prompts> in Chromium (strict CSP, dist/cdn/gentle-widgets.js)');
  console.log('\nstorage writes while typing    chars   seconds  chars/s  writes  writes/s  after  budget  setItem, any key');
  for (const w of writes) {
    console.log(
      `  storage="${w.storage}"`.padEnd(30) +
        `${String(w.characters).padStart(7)} ${w.seconds.toFixed(2).padStart(9)} ${w.charactersPerSecond.toFixed(1).padStart(8)}` +
        ` ${String(w.writesWhileTyping).padStart(7)} ${w.writesPerSecond.toFixed(2).padStart(9)} ${String(w.writesAfter).padStart(6)}  ≤ ${budgets.writesPerSecond}` +
        `${String(w.setItemCallsAnyKey).padStart(18)}`,
    );
  }
  const { empty, full } = keystroke;
  const ms = (n) => `${n.toFixed(2)} ms`.padStart(10);
  console.log('\none keystroke, keydown → input handled + layout     median        p95   to next frame (median, p95)');
  for (const [name, k] of [['empty field', empty], ['field with 20,000 characters', full]]) {
    console.log(`  ${name.padEnd(46)} ${ms(k.median)} ${ms(k.p95)}   ${ms(k.frameMedian)} ${ms(k.frameP95)}`);
  }
  console.log(
    `  20,000 characters vs. empty: ${keystroke.medianVsEmpty.toFixed(2)}×; vs. a 16.7 ms frame: median ${(100 * keystroke.medianVsFrame).toFixed(1)}%, p95 ${(100 * keystroke.p95VsFrame).toFixed(1)}%` +
      ` (budget: median ≤ ${budgets.keystrokeMedianMs} ms)`,
  );
  console.log('  "To next frame" includes waiting for the frame; the machine may be noisy: read the ratios.');
  console.log('  "writes" counts setItem on the journal\'s key while typing, "after" the save after the last key;');
  console.log('  "setItem, any key" counts every write to storage while the page runs, whatever its key.');
}

/** Budgets the browser numbers break, as sentences. */
function overBudget({ writes, keystroke }) {
  const over = [];
  for (const w of writes) {
    if (w.writesPerSecond > budgets.writesPerSecond) over.push(`storage="${w.storage}": ${w.writesPerSecond} writes/s while typing (budget ${budgets.writesPerSecond})`);
  }
  if (keystroke.full.median > budgets.keystrokeMedianMs) {
    over.push(`a keystroke in a 20,000-character answer takes ${keystroke.full.median} ms (median; budget ${budgets.keystrokeMedianMs} ms)`);
  }
  return over;
}

async function main() {
  const sizes = browserOnly ? {} : await measureSizes();
  const browser = sizesOnly ? { writes: [], keystroke: null } : await measureBrowser();
  const over = [
    ...Object.entries(sizes.shares ?? {})
      .filter(([name, share]) => share.brotli > (shareBudgets[name] ?? Infinity))
      .map(([name, share]) => `${name}'s share of the CDN bundle is ${share.brotli} B brotli (budget ${shareBudgets[name]} B)`),
    ...(sizesOnly ? [] : overBudget(browser)),
  ];
  if (json) {
    console.log(JSON.stringify({ ...sizes, browser: { ...browser, overBudget: over } }, null, 2));
  } else {
    if (!browserOnly) printSizes(sizes);
    if (!sizesOnly) printBrowser(browser);
  }
  if (over.length) {
    console.error(`\nOver budget:\n  ${over.join('\n  ')}`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  console.error(error?.message ?? error);
  process.exitCode = 1;
}
