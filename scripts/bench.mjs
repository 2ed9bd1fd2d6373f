// `npm run bench`: what each part of the CDN bundle costs, in bytes (raw, gzip, brotli) — ratios, not timings.
// Builds, with the CDN build's own plugins, into a temporary directory:
//   lit           Lit alone (with the library's Trusted Types policy it is rewired to), one no-op element
//   lit + shared  Lit and every module of src/shared, with one no-op element (the baseline)
//   <tag>         src/<tag>.ts for each element rollup.config.mjs lists
//   all (CDN)     src/cdn.ts, as dist/cdn/gentle-widgets.js (budget: 14.5 kB brotli, all four elements and Lit)
//   on demand     each file the bundle loads beside itself when a page needs it (rollup.config.mjs's
//                 onDemandFiles): feed reading and parsers, warnings, the journal's export, the booking
//                 frame's code, the strings of each language but English
// and prints each element's own share (its bundle minus the baseline), against the budget its issue gave
// it where there is one: for <related-stories>, its share of the bundle plus the feed code it loads on
// demand, as its budget counts all five formats. `--json` prints JSON instead.
//
// Then, in the system Chromium (playwright-core), on a page served from 127.0.0.1 under the strict CSP
// with the built dist/cdn/gentle-widgets.js (run `npm run build` first), what `<journal-prompts>` costs
// a reader while typing:
//   writes/s      storage writes of the journal's key while typing 10 characters a second for 10 s
//                 (budget: at most 2 a second)
//   keystroke     time from keydown to the end of the input handlers and the layout they cause, in a
//                 field that already holds 20,000 characters, against the same in an empty field and
//                 against a 16.7 ms frame (budget: median at most 8 ms)
// and what `<related-stories>` costs a reader, with RSS feeds generated here (as WordPress writes them):
//   500 items     a feed of 500 stories with excerpts and full text (about 2.6 MB): time from the element
//                 starting to read the body to its load event, with the style and layout of the cards it
//                 rendered; median of 7 runs against the same with 10 items (budget: median at most 50 ms)
//   10,000 items  the longest task while the element reads, parses and renders a feed of 10,000 short
//                 stories (under the element's 5 MB cap), and one of 10,000 full-text stories (refused past
//                 the cap) (budget: no task over 200 ms)
// Then Lighthouse on the demo article, with the bundle and with it blocked (scripts/lighthouse.mjs: three runs
// each, medians side by side, the goals PASS or OVER; informative, it never fails the bench by itself).
// The machine may be shared and noisy: compare the ratios within one run, not timings across runs.
// `--browser-only` skips the size builds, `--sizes-only` the browser and Lighthouse, `--no-lighthouse` Lighthouse.
// `--lighthouse` runs only Lighthouse; `--trace` only the breakdown of the main-thread time the bundle takes
// while the demo loads (scripts/trace.mjs); both together run both. `--help` prints these lines.
// Exits non-zero when a budget is exceeded or a measurement fails.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import typescript from '@rollup/plugin-typescript';
import { chromium } from 'playwright-core';
import rollupConfig, { elements, feedsFile, onDemandFiles } from '../rollup.config.mjs';
import { chromiumArgs, findChromium } from './chromium.mjs';
import { checkGoals, measureLighthouse, printLighthouse } from './lighthouse.mjs';
import { startServer } from './serve.mjs';
import { measureTrace, printTrace } from './trace.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const json = process.argv.includes('--json');
const browserOnly = process.argv.includes('--browser-only');
const sizesOnly = process.argv.includes('--sizes-only');
const lighthouseOnly = process.argv.includes('--lighthouse');
const traceOnly = process.argv.includes('--trace');
const noLighthouse = process.argv.includes('--no-lighthouse');

if (process.argv.includes('--help')) {
  const header = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  console.log(header.slice(0, header.findIndex((line) => !line.startsWith('//'))).map((line) => line.slice(3)).join('\n'));
  process.exit(0);
}

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
  'all (CDN)': `import ${src('cdn.ts')};`,
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
/** The whole CDN bundle, brotli bytes: Lit and all four elements, less than Cal.com's embed loader alone. */
const bundleBudget = 14_500;
/** Each element's own share of the CDN bundle, brotli bytes, as its issue gave it. */
const shareBudgets = { '<journal-prompts>': 2400, '<book-call-cta>': 1800, '<related-stories>': 2200 };
const percent = (part, whole) => `${((100 * part) / whole).toFixed(0)}%`.padStart(6);

/**
 * The files the bundle loads on demand, built by their own configs in rollup.config.mjs (their plugins,
 * a temporary directory): `gentle-widgets-<name>.js` → sizes, by name (`feeds`, `warnings`, `de`, …).
 */
async function buildOnDemand(outDir) {
  const configs = [rollupConfig].flat().filter((c) => String(c.output?.file ?? c.output?.dir).includes('dist/cdn') && !String(c.output?.file).endsWith('/gentle-widgets.js'));
  const sizes = {};
  for (const config of configs) {
    const input = typeof config.input === 'string' ? { [feedsFile.replace(/^gentle-widgets-|\.js$/g, '')]: config.input } : config.input;
    const bundle = await rollup({
      input: Object.fromEntries(Object.entries(input).map(([name, path]) => [name, join(root, path)])),
      onwarn: () => {},
      plugins: config.plugins.map((plugin) =>
        plugin.name === 'typescript'
          ? typescript({ tsconfig: join(root, 'tsconfig.json'), outDir, declaration: false, declarationMap: false, sourceMap: false })
          : plugin,
      ),
    });
    await bundle.write({ dir: outDir, format: 'es', sourcemap: false, entryFileNames: 'gentle-widgets-[name].js' });
    await bundle.close();
    for (const name of Object.keys(input)) {
      const file = join(outDir, `gentle-widgets-${name}.js`);
      const code = readFileSync(file);
      sizes[name] = {
        raw: statSync(file).size,
        gzip: gzipSync(code, { level: 9 }).length,
        brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    }
  }
  const expected = Object.values(onDemandFiles).map((file) => file.replace(/^gentle-widgets-|\.js$/g, ''));
  const missing = expected.filter((name) => !sizes[name]);
  if (missing.length) throw new Error(`rollup.config.mjs: no build of ${missing.join(', ')} any more; update scripts/bench.mjs.`);
  return sizes;
}

async function measureSizes() {
  const outDir = mkdtempSync(join(tmpdir(), 'gentle-bench-'));
  const sizes = {};
  let onDemand;
  try {
    for (const name of Object.keys(entries)) sizes[name] = await build(name, outDir);
    onDemand = await buildOnDemand(outDir);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }

  const baseline = sizes['lit + shared'];
  const shares = {
    Lit: { gzip: sizes.lit.gzip, brotli: sizes.lit.brotli },
    'src/shared': minus(baseline, sizes.lit),
    ...Object.fromEntries(elements.map((tag) => [`<${tag}>`, minus(sizes[tag], baseline)])),
  };
  // Its budget counts all five formats: the parsers count, though only pages that read a feed load them.
  const inBundle = shares['<related-stories>'];
  shares['<related-stories>'] = { gzip: inBundle.gzip + onDemand.feeds.gzip, brotli: inBundle.brotli + onDemand.feeds.brotli, inBundle };
  return { bundles: sizes, shares, onDemand };
}

function printSizes({ bundles: sizes, shares, onDemand }) {
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
    if (share.inBundle) {
      console.log(`${'  in the bundle'.padEnd(width)} ${num(share.inBundle.gzip)} ${num(share.inBundle.brotli)}  ${percent(share.inBundle.brotli, all.brotli)}`);
      console.log(`${'  feeds, on demand'.padEnd(width)} ${num(onDemand.feeds.gzip)} ${num(onDemand.feeds.brotli)}     —  (loaded only to read a feed)`);
    }
  }
  console.log('\nAn element\'s share is its bundle minus "lit + shared"; shares overlap where elements share code.');
  console.log(`\nThe CDN bundle: ${all.brotli} B brotli, budget ${bundleBudget} B${all.brotli > bundleBudget ? `: ${all.brotli - bundleBudget} over` : ''}.`);
  console.log(`\n${'on demand, beside the bundle'.padEnd(width)}      raw     gzip   brotli`);
  for (const [name, size] of Object.entries(onDemand)) {
    console.log(`${`gentle-widgets-${name}.js`.padEnd(width)} ${num(size.raw)} ${num(size.gzip)} ${num(size.brotli)}`);
  }
}

// ---- in the browser -------------------------------------------------------------------------

const cdnBundle = join(root, 'dist/cdn/gentle-widgets.js');
/** The policy the e2e tests serve their pages with (test/e2e/run.mjs). */
const strictCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types gentle-widgets lit-html";
const FRAME_MS = 1000 / 60;
const budgets = { writesPerSecond: 2, keystrokeMedianMs: 8 };

/** A page of the CDN bundle and its stylesheet around `element`, as a site owner's would be. */
const hostPage = (title, element) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Bench: ${title}</title>
  <link rel="stylesheet" href="/dist/cdn/gentle-widgets.css">
  <script type="module" src="/dist/cdn/gentle-widgets.js"></script>
</head>
<body>
  <main>
    ${element}
  </main>
</body>
</html>
`;

const benchPage = (storage) =>
  hostPage(
    'journal-prompts',
    `<p>Article text before the journal.</p>
    <journal-prompts id="journal" storage="${storage}">
      <p slot="heading">Bench prompts</p>
      <ol>
        <li>What was there to be released?</li>
        <li>What is a need I can give more attention to?</li>
      </ol>
    </journal-prompts>`,
  );

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

// ---- <related-stories> -----------------------------------------------------------------------

const storyBudgets = { medianMs: 50, longestTaskMs: 200 };
/** The most the element reads of a feed: its MAX_BYTES, so the feeds stay on the side of it they are meant for. */
const FEED_CAP = Number(/\bMAX_BYTES = ([\d.e_]+);/.exec(readFileSync(join(root, 'src/related-stories/sources/index.ts'), 'utf8'))?.[1].replaceAll('_', ''));
if (!(FEED_CAP > 0)) throw new Error('src/related-stories/sources/index.ts: no MAX_BYTES found; update scripts/bench.mjs.');

const storiesPage = (feed) =>
  hostPage(
    'related-stories',
    `<related-stories id="stories" src="/bench/${feed}.rss" show="date reading-time image excerpt" cache-ttl="0">
      <h2 slot="heading">Read more</h2>
      <ul>
        <li><a href="/bench/posts/written/">A story written in the page</a> <p>What readers get until the feed is read.</p></li>
      </ul>
    </related-stories>`,
  );

const TITLES = [
  'Rest &#038; Recovery: 5 Gentle Evening Rituals',
  'Why it&#8217;s okay to cry after a massage',
  'The moments in between: pauses for a busy nervous system',
  'A journaling exercise for the thoughts you&#8217;d rather not think',
  'Holistic therapy: working with the whole of you',
  'What your jaw is holding (and how to let it soften)',
];
const PARAGRAPHS = [
  'When we slow down, the body often speaks first. A sigh, a softening in the shoulders, a sudden heaviness behind the eyes: these are not interruptions but invitations to notice what has been waiting for our attention. I&#8217;ve learned to meet them with curiosity rather than a plan.',
  'Many of us were taught to solve our problems in the head. That helps — up to a point. But tension, grief and old fear are held in the body as well, in the shoulders, the jaw, the belly and the pelvis, and they ask to be met there too, with <em>breath</em> and with time.',
  'Try this tonight: sit somewhere you feel safe, put one hand on your chest and one on your belly, and let the exhale be a little longer than the inhale. Don&#8217;t change anything else. Notice what happens after five breaths, and after ten. There is nothing to get right.',
  'Stress itself is not the problem; our bodies are made to handle it. The problem is staying in that state without ever coming down. Short, frequent pauses teach the nervous system that it is safe to switch back, so that the next wave meets a calmer, kinder system.',
  'If you&#8217;d like to read more about this, I&#8217;ve written about <a href="/bench/posts/the-power-of-crying/">the power of crying</a> and about the small rituals that mark the end of a working day. Both start from the same idea: your body knows how to come back to rest.',
  'Tears, trembling, a sudden laugh: when something truly safe happens, the body sometimes responds with a quiet exhale — <em>finally, I can let this go</em>. What was frozen begins to thaw. It is not a sign that something is wrong; very often it is a sign that something is moving.',
];

/** A date as WordPress writes it in a feed: RFC 822, +0000. */
const rfc822 = (ms) => new Date(ms).toUTCString().replace('GMT', '+0000');

/**
 * An RSS 2.0 feed of `count` stories, newest first, shaped as WordPress writes /feed/. `full`: each item
 * has categories, an excerpt and a post of about 700 words in content:encoded (an image first); otherwise
 * a title, link, date and a short excerpt only.
 */
function rssFeed(count, full) {
  const items = [];
  for (let i = 0; i < count; i++) {
    const id = count - i;
    const at = rfc822(Date.UTC(2026, 10, 12, 8) - i * 43_200_000);
    const title = `${TITLES[i % TITLES.length]} (${id})`;
    const excerpt = PARAGRAPHS[i % PARAGRAPHS.length];
    if (!full) {
      items.push(`<item><title>${title}</title><link>/bench/posts/${id}/</link><pubDate>${at}</pubDate><guid isPermaLink="false">/?p=${id}</guid><description><![CDATA[${excerpt.slice(0, 160)} [&#8230;]]]></description></item>`);
      continue;
    }
    const body = Array.from({ length: 14 }, (_, k) => `<p>${PARAGRAPHS[(i + k) % PARAGRAPHS.length]}</p>`);
    body.splice(5, 0, '<h2 class="wp-block-heading">Meeting yourself with softness</h2>');
    body.splice(11, 0, '<h2 class="wp-block-heading">Final thoughts</h2>');
    items.push(`<item>
		<title>${title}</title>
		<link>/bench/posts/${id}/</link>
		<comments>/bench/posts/${id}/#respond</comments>
		<dc:creator><![CDATA[Stories With Ease]]></dc:creator>
		<pubDate>${at}</pubDate>
		<category><![CDATA[Body &amp; emotions]]></category>
		<category><![CDATA[nervous system]]></category>
		<guid isPermaLink="false">/?p=${id}</guid>
		<description><![CDATA[${excerpt} [&#8230;]]]></description>
		<content:encoded><![CDATA[
<figure class="wp-block-image size-large"><img decoding="async" loading="lazy" width="1024" height="576" src="/demo/images/stories/holistic-therapy.svg" alt="" class="wp-image-${id + 1}"/></figure>

${body.join('\n\n\n\n')}
]]></content:encoded>
		<slash:comments>0</slash:comments>
	</item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>
<channel>
	<title>Stories With Ease</title>
	<link>/bench/</link>
	<description>Holistic therapy, the body and gentle healing</description>
	<lastBuildDate>${rfc822(Date.UTC(2026, 10, 12, 8))}</lastBuildDate>
	<language>en-GB</language>
	<generator>https://wordpress.org/?v=6.8.3</generator>
	${items.join('\n\t')}
</channel>
</rss>
`;
}

/** The feeds measured: name → items, full text or not, and what the element does with it. */
const storyFeeds = {
  'rss-10': { items: 10, full: true, outcome: 'load' },
  'rss-500': { items: 500, full: true, outcome: 'load' },
  'rss-10000-short': { items: 10_000, full: false, outcome: 'load' },
  'rss-10000-full': { items: 10_000, full: true, outcome: 'too-large' },
};

/** Writes each feed and its page into `dir`; returns the feeds' sizes in bytes. */
function writeStoryFeeds(dir) {
  const sizes = {};
  for (const [name, { items, full, outcome }] of Object.entries(storyFeeds)) {
    const feed = Buffer.from(rssFeed(items, full));
    if ((feed.length > FEED_CAP) !== (outcome === 'too-large')) {
      throw new Error(`the generated ${name} feed is ${feed.length} bytes: ${outcome === 'load' ? 'over' : 'under'} the element's ${FEED_CAP}-byte cap`);
    }
    sizes[name] = feed.length;
    writeFileSync(join(dir, `${name}.rss`), feed);
    writeFileSync(join(dir, `${name}.html`), storiesPage(name));
  }
  return sizes;
}

/**
 * Init script: the element's fetch (when it was called, when the response came, i.e. when the element
 * starts reading the body), its load or error event (then the style and layout of what it rendered,
 * forced at once) and every long task (the Long Tasks API: 50 ms and more).
 */
function instrumentStories() {
  const record = (window.__stories = { tasks: [], fetches: [], events: [] });
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) record.tasks.push({ start: task.startTime, duration: task.duration });
  }).observe({ type: 'longtask', buffered: true });
  const fetch = window.fetch;
  window.fetch = function (...args) {
    const entry = { called: performance.now() };
    record.fetches.push(entry);
    return fetch.apply(window, args).then((response) => {
      entry.read = performance.now();
      entry.url = response.url;
      return response;
    });
  };
  for (const type of ['related-stories-load', 'related-stories-error']) {
    document.addEventListener(type, (event) => {
      const at = performance.now();
      // Style and layout of the cards, now: reading a size forces them.
      window.__layout = document.body.offsetHeight;
      record.events.push({ type, detail: event.detail, at, laidOut: performance.now() });
    });
  }
}

/** Loads the page for `feed` in `page` once; returns the times, from the page's clock, and what showed. */
async function storiesRun(page, origin, feed) {
  await page.goto(`${origin}/bench/${feed}.html`);
  await page.waitForFunction(() => window.__stories.events.length, null, { timeout: 30_000 });
  await page.waitForTimeout(300); // long tasks are reported after they end
  const run = await page.evaluate(() => {
    const { fetches, events, tasks } = window.__stories;
    const [fetched] = fetches;
    const [event] = events;
    const timing = performance.getEntriesByType('resource').find((entry) => entry.name === fetched?.url);
    const until = event.laidOut + 300;
    return {
      fetches: fetches.length,
      events: events.map((e) => `${e.type} ${JSON.stringify(e.detail)}`),
      cards: document.querySelector('#stories').shadowRoot.querySelectorAll('[part~="card"]').length,
      called: fetched?.called,
      read: fetched?.read,
      responseEnd: timing?.responseEnd,
      event: event.at,
      laidOut: event.laidOut,
      // Tasks that ran, even partly, from the fetch to shortly after the cards were laid out.
      longestTask: Math.max(0, ...tasks.filter((t) => t.start + t.duration >= fetched.called && t.start <= until).map((t) => t.duration)),
    };
  });
  const expected = storyFeeds[feed].outcome;
  const wanted = expected === 'load' ? `related-stories-load {"count":3,"format":"rss"}` : `related-stories-error {"reason":"${expected}"}`;
  if (run.fetches !== 1 || run.events.length !== 1 || run.events[0] !== wanted || run.read === undefined) {
    throw new Error(`${feed}: expected one fetch and "${wanted}", got ${run.fetches} fetches and ${JSON.stringify(run.events)}`);
  }
  if (expected === 'load' && run.cards !== 3) throw new Error(`${feed}: ${run.cards} cards rendered, not 3`);
  return run;
}

/** Opens a fresh context for the stories bench; `allowed`: console messages expected from the element. */
async function storiesContext(browser, origin, problems, allowed = []) {
  const context = await browser.newContext();
  await context.route('**/*', (route) =>
    route.request().url().startsWith(origin + '/') ? route.continue() : route.abort('blockedbyclient'),
  );
  await context.addInitScript(instrumentStories);
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if ((message.type() === 'error' || message.type() === 'warning') && !allowed.some((pattern) => pattern.test(text))) {
      problems.push(`${message.type()}: ${text}`);
    }
  });
  return { context, page };
}

/** 500 items against 10, runs interleaved after a warm-up; then the 10,000-item feeds, a few runs each. */
async function measureStories(browser, origin, sizes, problems, runs = 7) {
  const summary = (feed, list) => {
    const fromRead = list.map((r) => r.laidOut - r.read);
    return {
      feed,
      items: storyFeeds[feed].items,
      bytes: sizes[feed],
      runs: list.length,
      median: round(median(fromRead), 2),
      p95: round(quantile(fromRead, 0.95), 2),
      toEvent: round(median(list.map((r) => r.event - r.read)), 2),
      afterLastByte: round(median(list.map((r) => r.laidOut - r.responseEnd)), 2),
      fromFetch: round(median(list.map((r) => r.laidOut - r.called)), 2),
      longestTask: round(Math.max(...list.map((r) => r.longestTask)), 1),
    };
  };
  const timed = { 'rss-10': [], 'rss-500': [] };
  // Over 1 MB, the element tells the site owner that a feed of fewer items loads faster.
  const heavy = /^<related-stories>: \S+ is [\d.]+ MB; a feed of fewer items loads faster\.$/;
  const { context, page } = await storiesContext(browser, origin, problems, [heavy]);
  try {
    for (let i = 0; i <= runs; i++) {
      for (const feed of Object.keys(timed)) {
        const run = await storiesRun(page, origin, feed);
        if (i > 0) timed[feed].push(run); // the first of each warms up
      }
    }
  } finally {
    await context.close();
  }
  const small = summary('rss-10', timed['rss-10']);
  const large = summary('rss-500', timed['rss-500']);

  const huge = [];
  for (const feed of ['rss-10000-short', 'rss-10000-full']) {
    // The element warns that it refused the feed; the event checked in storiesRun says why.
    const allowed = storyFeeds[feed].outcome === 'too-large' ? [/^<related-stories>: could not use /] : [heavy];
    const { context: hugeContext, page: hugePage } = await storiesContext(browser, origin, problems, allowed);
    try {
      const list = [];
      for (let i = 0; i < 3; i++) list.push(await storiesRun(hugePage, origin, feed));
      huge.push({ ...summary(feed, list), outcome: storyFeeds[feed].outcome });
    } finally {
      await hugeContext.close();
    }
  }
  return { small, large, largeVsSmall: round(large.median / small.median, 2), huge, budgets: storyBudgets };
}

function printStories({ small, large, largeVsSmall, huge }) {
  const ms = (n) => `${n.toFixed(2)} ms`;
  const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
  /** A table row: the first cell padded to `first`, the others right-aligned to `widths`. */
  const row = (first, widths, cells) => `  ${cells[0].padEnd(first)}${cells.slice(1).map((cell, i) => String(cell).padStart(widths[i])).join('')}`;
  console.log('\n<related-stories> in Chromium (strict CSP, dist/cdn/gentle-widgets.js), RSS feeds as WordPress writes them');
  const timed = [10, 6, 12, 12, 15, 17, 15];
  console.log(`\n${row(34, timed, ['body read → cards laid out', 'size', 'runs', 'median', 'p95', 'to the event', 'after last byte', 'from fetch()'])}`);
  for (const [name, s] of [['10 items, full text', small], ['500 items, full text', large]]) {
    console.log(row(34, timed, [name, mb(s.bytes), s.runs, ms(s.median), ms(s.p95), ms(s.toEvent), ms(s.afterLastByte), ms(s.fromFetch)]));
  }
  console.log(`  500 items vs. 10: ${largeVsSmall.toFixed(2)}× (budget: median ≤ ${storyBudgets.medianMs} ms for 500 items)`);
  const tasks = [10, 6, 15, 20, 12];
  console.log(`\n${row(40, tasks, ['10,000 items', 'size', 'runs', 'longest task', 'body read → event', 'outcome'])}`);
  for (const h of huge) {
    const name = h.outcome === 'load' ? 'short stories, read whole' : `full text, refused past ${FEED_CAP / 1e6} MB`;
    const task = h.longestTask ? `${h.longestTask.toFixed(1)} ms` : 'none ≥ 50 ms';
    console.log(row(40, tasks, [name, mb(h.bytes), h.runs, task, ms(h.toEvent), h.outcome]));
  }
  console.log(`  (budget: no task over ${storyBudgets.longestTaskMs} ms; the Long Tasks API reports tasks of 50 ms and more)`);
  console.log('  "Body read": the element\'s fetch() has resolved and it starts reading the body. "After last byte" starts at');
  console.log('  the feed\'s responseEnd (Resource Timing), which a small feed reaches before fetch() resolves. Medians;');
  console.log('  the machine may be noisy: read the ratio.');
}

async function measureBrowser() {
  if (!existsSync(cdnBundle)) {
    throw new Error('dist/cdn/gentle-widgets.js is missing: run `npm run build` first.');
  }
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: install one (on Debian: apt-get install -y chromium) or set CHROME_PATH.');
  const pages = mkdtempSync(join(tmpdir(), 'gentle-bench-pages-'));
  for (const storage of ['session', 'local']) writeFileSync(join(pages, `${storage}.html`), benchPage(storage));
  const feedSizes = writeStoryFeeds(pages);
  const server = await startServer({ root, port: 0, headers: { '/bench/': { 'Content-Security-Policy': strictCsp } }, mounts: { '/bench/': pages } });
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true, timeout: 15_000 });
  const problems = [];
  try {
    const writes = [];
    for (const storage of ['local', 'session']) writes.push(await measureWrites(browser, server.url, storage, problems));
    const empty = await measureKeystrokes(browser, server.url, 0, problems);
    const full = await measureKeystrokes(browser, server.url, 20_000, problems);
    const stories = await measureStories(browser, server.url, feedSizes, problems);
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
      stories,
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
function overBudget({ writes, keystroke, stories }) {
  const over = [];
  for (const w of writes) {
    if (w.writesPerSecond > budgets.writesPerSecond) over.push(`storage="${w.storage}": ${w.writesPerSecond} writes/s while typing (budget ${budgets.writesPerSecond})`);
  }
  if (keystroke.full.median > budgets.keystrokeMedianMs) {
    over.push(`a keystroke in a 20,000-character answer takes ${keystroke.full.median} ms (median; budget ${budgets.keystrokeMedianMs} ms)`);
  }
  if (stories.large.median > storyBudgets.medianMs) {
    over.push(`<related-stories> takes ${stories.large.median} ms to read and render a 500-item feed (median; budget ${storyBudgets.medianMs} ms)`);
  }
  for (const h of stories.huge) {
    if (h.longestTask > storyBudgets.longestTaskMs) {
      over.push(`<related-stories> with ${h.feed}: a ${h.longestTask} ms task (budget: none over ${storyBudgets.longestTaskMs} ms)`);
    }
  }
  return over;
}

/** `--lighthouse` and `--trace`: those measurements alone. */
async function pageLoadOnly() {
  const lighthouse = lighthouseOnly ? await measureLighthouse() : undefined;
  const trace = traceOnly ? await measureTrace() : undefined;
  if (json) {
    console.log(JSON.stringify({ lighthouse: lighthouse && { ...lighthouse, goals: checkGoals(lighthouse) }, trace }, null, 2));
    return;
  }
  if (lighthouse) printLighthouse(lighthouse);
  if (trace) printTrace(trace);
}

async function main() {
  if (lighthouseOnly || traceOnly) return pageLoadOnly();
  const sizes = browserOnly ? {} : await measureSizes();
  const browser = sizesOnly ? { writes: [], keystroke: null } : await measureBrowser();
  let lighthouse;
  let lighthouseError;
  if (!sizesOnly && !noLighthouse) {
    try {
      lighthouse = await measureLighthouse();
    } catch (error) {
      lighthouseError = error;
    }
  }
  const bundle = sizes.bundles?.['all (CDN)'];
  const over = [
    ...(bundle && bundle.brotli > bundleBudget ? [`the CDN bundle is ${bundle.brotli} B brotli (budget ${bundleBudget} B)`] : []),
    ...Object.entries(sizes.shares ?? {})
      .filter(([name, share]) => share.brotli > (shareBudgets[name] ?? Infinity))
      .map(
        ([name, share]) =>
          `${name}'s share of the CDN bundle is ${share.brotli} B brotli (budget ${shareBudgets[name]} B)` +
          (share.inBundle ? `: ${share.inBundle.brotli} B in the bundle and ${share.brotli - share.inBundle.brotli} B of feed code loaded on demand` : ''),
      ),
    ...(sizesOnly ? [] : overBudget(browser)),
  ];
  if (json) {
    const lighthouseJson = lighthouse && { ...lighthouse, goals: checkGoals(lighthouse) };
    console.log(JSON.stringify({ ...sizes, browser: { ...browser, overBudget: over }, lighthouse: lighthouseJson }, null, 2));
  } else {
    if (!browserOnly) printSizes(sizes);
    if (!sizesOnly) {
      printBrowser(browser);
      printStories(browser.stories);
    }
    if (lighthouse) printLighthouse(lighthouse);
  }
  if (lighthouseError) {
    console.error(`\nLighthouse could not measure the demo: ${lighthouseError?.message ?? lighthouseError}`);
    process.exitCode = 1;
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
