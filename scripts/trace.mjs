// Where the CDN bundle's main-thread time goes while the demo article loads. The system Chromium
// (playwright-core) loads /demo/ from scripts/serve.mjs with the CPU slowed 4× (CDP
// `Emulation.setCPUThrottlingRate`) and records a performance trace, three loads with the bundle and three
// with it blocked (the same patterns as scripts/lighthouse.mjs), interleaved. From the trace's main thread:
//   - the library's own tasks (any task running its scripts): compiling and evaluating the bundle, each
//     element's definition with the upgrade of the elements already on the page (constructor,
//     attributeChangedCallback, connectedCallback), its first render and later updates (Lit's
//     performUpdate), the rest of its script (timers, events, fetch, microtasks), and the style and
//     layout those tasks force;
//   - every task of the load, with the bundle and blocked, side by side: the difference is what the
//     bundle adds, with the style, layout and painting the elements cause in the frames that follow;
//   - the tasks of 50 ms or more: start, duration, what is inside.
// Nothing is added to the library: an init script wraps `customElements.define` and each defined class's
// `performUpdate` from outside and marks where they begin and end with `console.timeStamp` (a trace event,
// no console output). The machine may be shared and noisy: medians, and compare within one run.
// `npm run bench -- --trace`, or `node scripts/trace.mjs [--runs N] [--rate N] [--json]` (5 loads each by default).
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from './chromium.mjs';
import { bundleBlockPatterns, demoPath, interleaved, isLibraryScript } from './lighthouse.mjs';
import { startServer } from './serve.mjs';

const marker = 'gentle-widgets-trace';
const longTaskMs = 50;

// No invalidation tracking and no stacks: both slow the page down while it is traced.
const categories = [
  '-*',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'loading',
];

/**
 * Runs in the page before any of its scripts. Marks `define(tag)` (which upgrades the elements already
 * in the document) and each `performUpdate` of a defined class (the first one is the first render).
 */
function instrument(marker) {
  const registry = CustomElementRegistry.prototype;
  const define = registry.define;
  const wrappers = new WeakSet();
  let next = 0;
  const around = (label, run) => {
    const id = ++next;
    console.timeStamp(`${marker} < ${id} ${label}`);
    try {
      return run();
    } finally {
      console.timeStamp(`${marker} > ${id}`);
    }
  };
  registry.define = function (tag, constructor, options) {
    const proto = constructor?.prototype;
    const performUpdate = proto?.performUpdate;
    if (typeof performUpdate === 'function' && !wrappers.has(performUpdate)) {
      const wrapper = function (...args) {
        const label = `${this.hasUpdated ? 'update' : 'first render'} <${this.localName}>`;
        return around(label, () => performUpdate.apply(this, args));
      };
      wrappers.add(wrapper);
      Object.defineProperty(proto, 'performUpdate', { value: wrapper, writable: true, configurable: true });
    }
    return around(`define <${tag}>`, () => define.call(this, tag, constructor, options));
  };
}

const styleEvents = new Set(['UpdateLayoutTree', 'RecalculateStyles']);
const layoutEvents = new Set(['Layout']);
const renderingEvents = new Set(['PrePaint', 'Paint', 'Layerize', 'UpdateLayer', 'Commit', 'PaintImage', 'UpdateLayerTree']);
const isGc = (name) => name === 'MinorGC' || name === 'MajorGC' || name.startsWith('V8.GC') || name.startsWith('BlinkGC');
const scriptUrl = (event) => event.args?.data?.url ?? event.args?.fileName ?? '';

/**
 * Categories that are the library's script. Style and layout that script forces are `style|<owner>` and
 * `layout|<owner>`, the owner being the library category they ran in.
 */
export const isLibraryCategory = (category) =>
  !category.includes('|') && (category === 'compile' || category === 'evaluate' || category === 'library script' || category.includes('<'));
/** `style|first render <x>` → `style`. */
const kindOf = (category) => category.split('|')[0];

/**
 * The main-thread breakdown of one trace.
 * @param {object[]} events the trace's `traceEvents`
 * @param {string} pageUrl the page's URL as loaded
 */
export function analyseTrace(events, pageUrl) {
  const navigation = events.find(
    (e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === pageUrl && e.args.data.isOutermostMainFrame,
  );
  if (!navigation) throw new Error(`The trace has no navigation to ${pageUrl}.`);
  const { pid, tid, ts: start } = navigation;
  const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ts >= start);

  // The marked spans, paired by id, as complete events.
  const spans = [];
  const counts = {};
  const open = new Map();
  for (const e of main) {
    const message = e.name === 'TimeStamp' ? e.args?.data?.message : undefined;
    if (!message?.startsWith(marker)) continue;
    const [, direction, id, ...label] = message.split(' ');
    if (direction === '<') open.set(id, { ts: e.ts, label: label.join(' ') });
    else if (open.has(id)) {
      const begin = open.get(id);
      open.delete(id);
      spans.push({ name: marker, ph: 'X', ts: begin.ts, dur: e.ts - begin.ts, span: begin.label });
      counts[begin.label] = (counts[begin.label] ?? 0) + 1;
    }
  }

  // Module evaluation carries no URL: it is the library's when the only modules compiled are.
  const compiled = main.filter((e) => e.name === 'v8.compileModule').map(scriptUrl);
  const modulesAreLibrary = compiled.length > 0 && compiled.every(isLibraryScript);

  const classify = (e, inherited) => {
    if (e.span) return e.span;
    const owner = inherited && isLibraryCategory(inherited) ? `|${inherited}` : '';
    if (styleEvents.has(e.name)) return `style${owner}`;
    if (layoutEvents.has(e.name)) return `layout${owner}`;
    if (renderingEvents.has(e.name)) return 'rendering';
    if (isGc(e.name)) return 'gc';
    if (inherited && isLibraryCategory(inherited)) return inherited;
    if (e.name === 'v8.compileModule' || e.name === 'v8.compile') return isLibraryScript(scriptUrl(e)) ? 'compile' : 'page script';
    if (e.name === 'v8.evaluateModule') return modulesAreLibrary ? 'evaluate' : 'page script';
    if (e.name === 'EvaluateScript' || e.name === 'FunctionCall') return isLibraryScript(scriptUrl(e)) ? 'library script' : 'page script';
    if (e.name === 'RunMicrotasks') return 'microtasks';
    if (e.name === 'ParseHTML') return 'parse HTML';
    return inherited ?? 'other';
  };

  // Nest the complete events (and the spans) into trees, one per task; a child never outlasts its parent.
  const complete = [...main.filter((e) => e.ph === 'X' && typeof e.dur === 'number'), ...spans].sort(
    (a, b) => a.ts - b.ts || b.dur - a.dur,
  );
  const roots = [];
  const stack = [];
  for (const event of complete) {
    while (stack.length && stack.at(-1).end <= event.ts) stack.pop();
    const parent = stack.at(-1);
    const node = { event, start: event.ts, end: Math.min(event.ts + event.dur, parent?.end ?? Infinity), children: [] };
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  }

  // Each node's self time goes to its category; a task is the library's when any of its time is.
  const tasks = roots.map((root) => {
    const categories = {};
    const walk = (node, inherited) => {
      const category = classify(node.event, inherited);
      const inChildren = node.children.reduce((sum, child) => sum + child.end - child.start, 0);
      categories[category] = (categories[category] ?? 0) + (node.end - node.start - inChildren) / 1000;
      for (const child of node.children) walk(child, category);
    };
    walk(root, undefined);
    const library = Object.keys(categories).some(isLibraryCategory);
    if (library) {
      // Promise callbacks carry no script URL; in the library's task they are its own (the demo has no script).
      if (categories.microtasks !== undefined) {
        categories['library script'] = (categories['library script'] ?? 0) + categories.microtasks;
        delete categories.microtasks;
      }
    }
    return { start: (root.start - start) / 1000, duration: (root.end - root.start) / 1000, library, categories };
  });
  return { tasks, counts };
}

const sum = (values) => values.reduce((a, b) => a + b, 0);
const add = (into, from) => {
  for (const [key, value] of Object.entries(from)) into[key] = (into[key] ?? 0) + value;
  return into;
};

/** Totals per category: over the library's tasks, and over every task of the load by kind. */
export function summariseLoad({ tasks, counts }) {
  const libraryTasks = tasks.filter((task) => task.library);
  const byKind = {};
  for (const task of tasks) {
    for (const [category, ms] of Object.entries(task.categories)) {
      const kind = isLibraryCategory(category) ? 'library script' : category === 'microtasks' ? 'page script' : kindOf(category);
      byKind[kind] = (byKind[kind] ?? 0) + ms;
    }
  }
  return {
    library: libraryTasks.reduce((into, task) => add(into, task.categories), {}),
    libraryTotal: sum(libraryTasks.map((task) => task.duration)),
    counts,
    load: byKind,
    loadTotal: sum(tasks.map((task) => task.duration)),
    longTasks: tasks.filter((task) => task.duration >= longTaskMs),
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Median per key over runs (a key a run lacks counts as 0 there). */
function medianOf(records) {
  const keys = new Set(records.flatMap((record) => Object.keys(record)));
  return Object.fromEntries([...keys].map((key) => [key, median(records.map((record) => record[key] ?? 0))]));
}

async function loadOnce(browser, url, { blocked, rate }) {
  const context = await browser.newContext();
  try {
    await context.addInitScript(instrument, marker);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    if (blocked) {
      await cdp.send('Network.enable');
      await cdp.send('Network.setBlockedURLs', { urls: bundleBlockPatterns });
    }
    const scripts = [];
    page.on('requestfinished', (request) => isLibraryScript(request.url()) && scripts.push(request.url()));
    await browser.startTracing(page, { categories });
    await page.goto(url, { waitUntil: 'networkidle' });
    // Let the last renders and the frames after them finish.
    await page.waitForTimeout(1000);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
    if (!blocked && !scripts.some((script) => /\/gentle-widgets\.js(\?|$)/.test(script))) {
      throw new Error(`${demoPath} did not load gentle-widgets.js.`);
    }
    if (blocked && scripts.length) throw new Error(`${bundleBlockPatterns.join(' ')} did not block ${scripts.join(', ')}.`);
    return summariseLoad(analyseTrace(trace.traceEvents, url));
  } finally {
    await context.close();
  }
}

/**
 * Traces `runs` loads of the demo with the bundle and as many with it blocked.
 * @param {{ runs?: number, rate?: number, log?: (line: string) => void }} [options]
 */
export async function measureTrace({ runs = 5, rate = 4, log = (line) => console.error(line) } = {}) {
  if (!existsSync(new URL('../dist/cdn/gentle-widgets.js', import.meta.url))) {
    throw new Error('dist/cdn/gentle-widgets.js is missing: run `npm run build` first.');
  }
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH, or run `node scripts/ensure-chromium.mjs`.');
  const server = await startServer({ port: 0 });
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const url = new URL(demoPath, server.url).href;
  try {
    const { withBundle, blocked } = await interleaved(runs, 'Trace', log, (block) => loadOnce(browser, url, { blocked: block, rate }));
    // The run whose library time is the median shows its long tasks.
    const order = withBundle.map((run, i) => [run.libraryTotal, i]).sort((a, b) => a[0] - b[0]);
    const medianRun = order[(order.length - 1) >> 1][1];
    return {
      url: demoPath,
      chromium: browser.version(),
      loadAverage: loadavg()[0].toFixed(1),
      cpus: cpus().length,
      rate,
      runs,
      library: medianOf(withBundle.map((run) => run.library)),
      libraryTotal: median(withBundle.map((run) => run.libraryTotal)),
      counts: medianOf(withBundle.map((run) => run.counts)),
      load: { withBundle: medianOf(withBundle.map((run) => run.load)), blocked: medianOf(blocked.map((run) => run.load)) },
      loadTotal: { withBundle: median(withBundle.map((run) => run.loadTotal)), blocked: median(blocked.map((run) => run.loadTotal)) },
      longTaskCounts: {
        withBundle: withBundle.map((run) => run.longTasks.length),
        library: withBundle.map((run) => run.longTasks.filter((task) => task.library).length),
        blocked: blocked.map((run) => run.longTasks.length),
      },
      medianRun: medianRun + 1,
      longTasks: withBundle[medianRun].longTasks,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const labels = {
  compile: 'compile the bundle',
  evaluate: 'evaluate the bundle (module body)',
  'library script': 'other library script (timers, events, fetch, promises)',
  'page script': 'page script',
  style: 'style recalculation',
  layout: 'layout',
  rendering: 'pre-paint, paint, layerize, commit',
  gc: 'garbage collection',
  'parse HTML': 'HTML parsing',
  microtasks: 'microtasks',
  other: 'other (loading, task scheduling, untraced)',
};
const spanLabel = (span) => span.replace(/^(define|first render|update) (<.+>)$/, (_, what, tag) => `${tag} ${what === 'define' ? 'define + upgrade' : what}`);
const label = (category) => {
  const [kind, owner] = category.split('|');
  return owner ? `${labels[kind]} forced in ${spanLabel(owner)}` : (labels[kind] ?? spanLabel(kind));
};
const fixed = (ms) => ms.toFixed(1);

/** The elements seen in the spans, in order of first appearance. */
function tagsOf(categories) {
  const tags = [];
  for (const key of Object.keys(categories)) {
    const tag = key.match(/<[^>]+>/)?.[0];
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

export function printTrace(result) {
  const { library, load } = result;
  const column = (values, width = 11) => values.map((v) => String(v).padStart(width)).join('');
  const row = (name, ...values) => console.log(`  ${name.padEnd(56)}${column(values)}`);
  console.log(
    `\nMain-thread trace of ${result.url}, ${result.rate}× CPU throttling (CDP), Chromium ${result.chromium}, ` +
      `load average ${result.loadAverage} on ${result.cpus} CPUs; milliseconds, median of ${result.runs} loads each`,
  );

  console.log(`\nThe library's tasks (every task that runs its script, and what else ran in them)`);
  row('compile the bundle', fixed(library.compile ?? 0));
  row('evaluate the bundle (module body)', fixed(library.evaluate ?? 0));
  const owned = (owner) => sum(['style', 'layout'].map((kind) => library[`${kind}|${owner}`] ?? 0));
  if (owned('evaluate')) row('style and layout forced in the module body', fixed(owned('evaluate')));
  const tags = tagsOf(library);
  const widths = [7, 17, 14, 10, 22];
  const cells = (values) => values.map((v, i) => String(v).padStart(widths[i])).join('');
  console.log(`  ${'element'.padEnd(20)}${cells(['count', 'define + upgrade', 'first render', 'updates', 'forced style+layout'])}`);
  for (const tag of tags) {
    const keys = [`define ${tag}`, `first render ${tag}`, `update ${tag}`];
    const forced = sum(keys.map(owned));
    console.log(`  ${tag.padEnd(20)}${cells([result.counts[`first render ${tag}`] ?? 0, ...keys.map((key) => fixed(library[key] ?? 0)), fixed(forced)])}`);
  }
  row('other library script (timers, events, fetch, promises)', fixed(library['library script'] ?? 0));
  if (owned('library script')) row('style and layout forced there', fixed(owned('library script')));
  for (const [key, ms] of Object.entries(library)) {
    if (!isLibraryCategory(key) && !key.includes('|') && ms >= 0.05) row(`${label(key)}${['style', 'layout', 'rendering'].includes(key) ? ', not forced by script' : ''}`, fixed(ms));
  }
  row('total', fixed(result.libraryTotal));

  console.log(`\nEvery task of the load (from navigation start)${''.padEnd(10)}${column(['with bundle', 'blocked', 'added'])}`);
  const kinds = [...new Set([...Object.keys(load.withBundle), ...Object.keys(load.blocked)])].sort(
    (a, b) => (load.withBundle[b] ?? 0) - (load.withBundle[a] ?? 0),
  );
  for (const kind of kinds) {
    const w = load.withBundle[kind] ?? 0;
    const b = load.blocked[kind] ?? 0;
    if (w < 0.05 && b < 0.05) continue;
    row(kind === 'library script' ? "the library's script (its tasks above)" : label(kind), fixed(w), fixed(b), fixed(w - b));
  }
  const totals = result.loadTotal;
  row('total main-thread time', fixed(totals.withBundle), fixed(totals.blocked), fixed(totals.withBundle - totals.blocked));

  const counts = result.longTaskCounts;
  console.log(
    `\nTasks of ${longTaskMs} ms or more, each load: ${counts.withBundle.join(', ')} with the bundle (${counts.library.join(', ')} of them ` +
      `the library's), ${counts.blocked.join(', ')} with it blocked. In load ${result.medianRun} (the median library time):`,
  );
  if (!result.longTasks.length) console.log('  none');
  for (const task of result.longTasks) {
    console.log(`  at ${fixed(task.start)} ms, ${fixed(task.duration)} ms, ${task.library ? "the library's" : "the page's"}:`);
    const inside = Object.entries(task.categories)
      .filter(([, ms]) => ms >= 0.5)
      .sort((a, b) => b[1] - a[1]);
    for (let i = 0; i < inside.length; i += 3) {
      console.log(`    ${inside.slice(i, i + 3).map(([key, ms]) => `${label(key)} ${fixed(ms)}`).join(', ')}`);
    }
  }
  console.log('  (each row is a median of its own, so rows need not add up to the total; the machine may be noisy:');
  console.log('  compare within one run.)');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const option = (name, fallback) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? Number(process.argv[at + 1]) : fallback;
  };
  try {
    const runs = option('--runs', 5);
    const rate = option('--rate', 4);
    if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of loads.');
    if (!(rate >= 1)) throw new Error('--rate takes a CPU slowdown factor of 1 or more.');
    const result = await measureTrace({ runs, rate });
    if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
    else printTrace(result);
  } catch (error) {
    console.error(error?.stack ?? error);
    process.exitCode = 1;
  }
}
