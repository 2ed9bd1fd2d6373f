// Checks the Storybook dev server (`npm run storybook`, how designers preview), which the built
// Storybook's check cannot see: the dev server answers requests in its own order (its static dirs
// before Vite) and bundles nothing ahead. Starts it on a free port, opens every index entry, and fails
// an entry on Storybook's error display, a module that does not load, an uncaught error, a console
// error, or a request to the dev server that fails or answers 4xx/5xx. Warnings are the built check's
// concern (test/e2e/storybook.mjs). The server is always stopped, also on failure or timeout.
// Usage: node test/e2e/storybook-dev.mjs   (prints `N passed, N failed`; exit code 1 on any failure)
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { HOW_TO_GET_ONE } from '../../scripts/ensure-chromium.mjs';
import { entryName, entryPath, inParallel, rendered, reporter, watch } from './storybook-pages.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const storybookPackage = require('storybook/package.json');
const storybookBin = join(
  dirname(require.resolve('storybook/package.json')),
  typeof storybookPackage.bin === 'string' ? storybookPackage.bin : storybookPackage.bin.storybook,
);

// Measured on 2 cores with other work running: the server answers in 2–5 s; the first entry, which
// waits for Vite's pre-bundling (no cache on a fresh clone) and first transforms, takes 4–10 s; then
// 1–3 s an entry, two at a time: 31 entries in 45–85 s, 67 (with the related-stories stories, which read
// their feeds) in 108 s. The limits leave room for a slower machine.
const seconds = 1000;
const limits = { start: 120 * seconds, firstEntry: 120 * seconds, entry: 30 * seconds, whole: 600 * seconds };

const executablePath = findChromium();
if (!executablePath) {
  console.log(`✗ ${HOW_TO_GET_ONE}\n0 passed, 1 failed`);
  process.exit(1);
}

const { report, summary, failures } = reporter();
const started = performance.now();
const elapsed = (since = started) => `${((performance.now() - since) / seconds).toFixed(1)} s`;
const indent = (text) => text.replace(/^/gm, '    ');

/** A port nothing listens on right now (`--exact-port` makes Storybook fail rather than pick another). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** `storybook dev` in its own process group, so stopping it also stops what it spawned (esbuild). */
function startStorybook(port) {
  const child = spawn(
    process.execPath,
    [storybookBin, 'dev', '--port', String(port), '--host', '127.0.0.1', '--exact-port', '--ci', '--no-open', '--no-version-updates', '--disable-telemetry'],
    { cwd: root, env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let log = '';
  const keep = (chunk) => {
    log = (log + chunk).slice(-20000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  return {
    exited,
    /** The end of its output, for a failure's report. */
    log: () =>
      log
        // eslint-disable-next-line no-control-regex
        .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
        .trimEnd()
        .split('\n')
        .slice(-30)
        .join('\n'),
    /** SIGTERM to the group, SIGKILL if it is still there after 5 s. */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const signalGroup = (signal) => {
        try {
          process.kill(-child.pid, signal);
        } catch {
          // already gone
        }
      };
      signalGroup('SIGTERM');
      const killer = setTimeout(() => signalGroup('SIGKILL'), 5 * seconds);
      await exited;
      clearTimeout(killer);
    },
    /** For `process.on('exit')`, where nothing asynchronous runs. */
    kill: () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}

/** Polls `url` until it answers 200 with JSON; rejects when the server exits or `timeout` passes. */
async function waitForIndex(url, storybook, timeout) {
  const deadline = performance.now() + timeout;
  let exited = false;
  storybook.exited.then(() => (exited = true));
  while (performance.now() < deadline) {
    if (exited) throw new Error('the dev server exited before it answered');
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10 * seconds) });
      if (response.ok) return await response.json();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the dev server did not answer ${url} within ${timeout / seconds} s`);
}

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const storybook = startStorybook(port);
let browser;
process.on('exit', storybook.kill);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await storybook.stop();
    process.exit(1);
  });
}
/** Entries open right now, for the watchdog's report. */
const opened = new Set();
let timedOut = false;
const watchdog = setTimeout(async () => {
  timedOut = true;
  const stuck = [...opened].map((entry) => `    still open: ${entryName(entry)}\n`).join('');
  console.log(`✗ the whole check did not finish within ${limits.whole / seconds} s\n${stuck}${indent(storybook.log())}`);
  console.log(summary(1));
  await browser?.close().catch(() => {});
  await storybook.stop();
  process.exit(1);
}, limits.whole);
/** After the watchdog has printed the summary, nothing else is printed. */
const say = (...lines) => timedOut || console.log(...lines);
const note = (name, problems) => timedOut || report(name, problems);

/** Everything wrong with one index entry (a story, or a docs page): errors only, warnings are fine. */
async function problemsOf(context, entry, timeout) {
  opened.add(entry);
  const page = await context.newPage();
  const { messages, remote, failedRequests } = await watch(page, origin, { where: true });
  const problems = [];
  const settle = async () => {
    const errorDisplay = await rendered(page, entry, timeout);
    if (errorDisplay) problems.push(errorDisplay);
    // Let the elements finish their first render (and fail, if they will).
    await page.evaluate(() => Promise.all([...document.querySelectorAll('*')].map((el) => el.updateComplete)));
    await page.waitForTimeout(100);
  };
  try {
    await page.goto(`${origin}/${entryPath(entry)}`, { waitUntil: 'load', timeout });
    // Once, after pre-bundling a dependency it had not seen, Vite reloads the page: wait again.
    await settle().catch(async (error) => {
      if (!/context was destroyed|navigat/i.test(error.message)) throw error;
      await page.waitForLoadState('load', { timeout });
      await settle();
    });
  } catch (error) {
    problems.push(`did not render: ${error.message.split('\n')[0]}`);
  }
  problems.push(
    ...messages.filter((message) => !message.startsWith('warning:')),
    // The browser cancels what is in flight when Vite reloads the page or when the page is closed:
    // not the server's failure (a module that does not load shows as a console error as well).
    ...failedRequests.filter((failure) => !failure.startsWith('net::ERR_ABORTED')),
    ...remote.map((url) => `fetched ${url}`),
  );
  await page.close();
  opened.delete(entry);
  return problems;
}

let extraFailed = 0;
try {
  const index = await waitForIndex(`${origin}/index.json`, storybook, limits.start);
  const entries = Object.values(index.entries);
  say(`dev server on ${origin} answered after ${elapsed()}`);
  browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const context = await browser.newContext();
  if (entries.length === 0) {
    extraFailed = 1;
    say('✗ the index lists no stories');
  }
  // The first page alone: it waits for Vite to pre-bundle the dependencies. Then two at a time (2 cores).
  const [first, ...rest] = entries;
  if (first) {
    const firstStarted = performance.now();
    note(entryName(first), await problemsOf(context, first, limits.firstEntry));
    say(`  (the first entry waits for Vite's pre-bundling and first transforms: ${elapsed(firstStarted)})`);
  }
  const results = await inParallel(rest, 2, (entry) => problemsOf(context, entry, limits.entry));
  rest.forEach((entry, i) => note(entryName(entry), results[i]));
  say(`${entries.length} entries checked; ${elapsed()} in all`);
} catch (error) {
  extraFailed = 1;
  say(`✗ ${error.message}\n${indent(storybook.log())}`);
} finally {
  clearTimeout(watchdog);
  await browser?.close().catch(() => {});
  await storybook.stop();
}

say(summary(extraFailed));
process.exitCode = failures() + extraFailed ? 1 : 0;
