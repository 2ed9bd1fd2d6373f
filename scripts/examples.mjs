// `npm run test:examples`: proves the projects in examples/ work with the package as npm would ship it.
//
// It builds the library, packs it (`examples/.pack/gentle-widgets.tgz`), and for each bundler example
// (vite-ts, react, vue, svelte) installs that tarball with the example's pinned dependencies, runs the
// example's strict type-check and its production build (React also renders on the server). Then it serves
// each built page, and the plain HTML page that loads the library from jsDelivr, under a strict
// Content-Security-Policy in Chromium: every element upgrades, pressing "Show this part" reaches the page's
// own handler, typing in the journal reaches its save handler, and nothing is logged as an error or a
// warning.
//
//   node scripts/examples.mjs               every example
//   node scripts/examples.mjs react vue     only these
//   node scripts/examples.mjs --keep        keeps the temporary copies (their path is printed)
//   node scripts/examples.mjs --no-build    packs dist/ as it is, for a caller that has just built it
//
// Each bundler example is copied to a temporary directory and installed there, never in place: a fresh
// clone stays clean, and every run installs the tarball it just packed. In place, npm would keep the
// package it installed last time ("up to date"), and with a lockfile it would even fetch the old
// tarball's bytes from its cache by their recorded integrity, so the examples would test a stale build.
//
// The last line is `N passed, N failed`, one test per example.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { cp, lstat, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs } from './chromium.mjs';
import { ensureChromium } from './ensure-chromium.mjs';
import { demoCsp, startServer } from './serve.mjs';
import { sri } from './sri.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const examplesDir = join(root, 'examples');
const packDir = join(examplesDir, '.pack');
const tarballName = 'gentle-widgets.tgz';
const tags = ['content-notice', 'journal-prompts', 'book-call-cta', 'related-stories'];

/**
 * The bundler examples. Each has the npm scripts `typecheck` (strict) and `build`. `mistakes` is the
 * file of wrong uses the type-check reads but the app never imports, each marked by a directive that
 * the type-check requires to be needed; `ssr` adds the server rendering proof (`build:ssr`);
 * `policies` are the framework's own Trusted Types policies, which its page's CSP allows.
 */
const bundlerExamples = [
  { name: 'vite-ts', mistakes: 'src/type-errors.ts' },
  { name: 'react', mistakes: 'src/type-errors.tsx', ssr: true },
  { name: 'vue', mistakes: 'src/type-errors.vue', policies: ['vue'] },
  { name: 'svelte', mistakes: 'src/type-errors.svelte', policies: ['svelte-trusted-html'] },
];
const htmlCdn = 'html-cdn';
const cdnFiles = ['gentle-widgets.js', 'gentle-widgets.css'];
const cdnUrlPattern = /https:\/\/cdn\.jsdelivr\.net\/npm\/gentle-widgets@([^/"']+)\/dist\/cdn\/([^"'?#]+)/;

const INSTALL_TIMEOUT = 300_000;
const STEP_TIMEOUT = 120_000;
const PAGE_TIMEOUT = 10_000;

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const skipBuild = args.includes('--no-build');
const only = args.filter((arg) => !arg.startsWith('--'));
const jobsArg = args.find((arg) => arg.startsWith('--jobs='));
/**
 * Examples in flight at once. Installs wait on the network and the disk as much as on a CPU: measured on
 * two CPUs, one at a time took 47 s, two 32-36 s, four 40 s.
 */
const jobs = jobsArg ? Math.max(1, Number(jobsArg.slice('--jobs='.length)) || 1) : Math.max(2, Math.min(4, cpus().length));

// ---- running commands -----------------------------------------------------------------------

/** The environment for npm inside an example: what `npm run` set for this repository must not leak into it. */
function exampleEnv() {
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const name of Object.keys(env)) {
    if (/^npm_(package|lifecycle|config_local_prefix)/i.test(name) || name === 'INIT_CWD') delete env[name];
  }
  return env;
}

/** `npm` as the npm that runs this script (under `npm run`), else the one on PATH. */
function npm(...npmArgs) {
  const cli = process.env.npm_execpath;
  if (cli && /\.[cm]?js$/.test(cli)) return [process.execPath, [cli, ...npmArgs]];
  return [process.platform === 'win32' ? 'npm.cmd' : 'npm', npmArgs];
}

/** Runs a command; resolves with its exit code, its output (stdout and stderr together) and how long it took. */
function run([command, commandArgs], { cwd, timeout = STEP_TIMEOUT, env = exampleEnv() } = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, commandArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    const timer = setTimeout(() => {
      output += `\n(killed after ${timeout / 1000} s)`;
      child.kill('SIGTERM');
    }, timeout);
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, output: `${output}\n${error.message}`, ms: performance.now() - started });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: performance.now() - started });
    });
  });
}

/** A failed step: its message, and the end of the command's output when there is one. */
class StepError extends Error {
  constructor(step, message, output = '') {
    super(`${step}: ${message}`);
    this.output = output;
  }
}

/** How a command reads in a message: `npm run build` rather than the paths of node and npm's CLI. */
function label([command, commandArgs]) {
  const npmCli = process.env.npm_execpath;
  if (command === process.execPath && commandArgs[0] === npmCli) return `npm ${commandArgs.slice(1).join(' ')}`;
  if (command === process.execPath) return `node ${commandArgs.join(' ')}`;
  return [command, ...commandArgs].join(' ');
}

async function mustRun(step, command, options) {
  const result = await run(command, options);
  if (result.code !== 0) throw new StepError(step, `\`${label(command)}\` exited with ${result.code ?? 'no code'}`, result.output);
  return result;
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;
const tail = (text, lines = 30) => text.trim().split('\n').slice(-lines).map((line) => `      ${line}`).join('\n');

// ---- build, pack, unpack --------------------------------------------------------------------

/** Builds the library and packs it into examples/.pack/gentle-widgets.tgz; returns the tarball and the unpacked package. */
async function buildAndPack(scratch) {
  const build = skipBuild ? { ms: 0 } : await mustRun('build', npm('run', 'build'), { cwd: root, env: process.env });
  await rm(packDir, { recursive: true, force: true });
  await mkdir(packDir, { recursive: true });
  // Scripts are skipped: the build just ran, and a `prepack` building again would only cost time.
  const pack = await mustRun('pack', npm('pack', '--json', '--ignore-scripts', '--pack-destination', packDir), { cwd: root, env: process.env });
  const [{ filename, version }] = JSON.parse(pack.output.slice(pack.output.indexOf('[')));
  const tarball = join(packDir, tarballName);
  await rename(join(packDir, basename(filename)), tarball);
  const unpacked = join(scratch, 'unpacked');
  await mkdir(unpacked);
  await mustRun('unpack', ['tar', ['-xzf', tarball, '-C', unpacked]]);
  return { tarball, version, pkg: join(unpacked, 'package'), ms: build.ms + pack.ms };
}

// ---- the CDN page's pinned files ------------------------------------------------------------

/** The jsDelivr tags of the html-cdn page: each file it pins, with its version, integrity and crossorigin. */
function cdnTags(html) {
  const found = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const url = cdnUrlPattern.exec(tag);
    if (!url) continue;
    found.push({
      tag,
      version: url[1],
      file: url[2],
      integrity: /\sintegrity="([^"]*)"/.exec(tag)?.[1],
      crossorigin: /\scrossorigin="([^"]*)"/.exec(tag)?.[1],
    });
  }
  return found;
}

/**
 * Checks the html-cdn page's version and hashes against the packed files (`npm run snippets` rewrites
 * them, with every other CDN snippet of the project), so a stale pin fails with its reason rather than
 * as a page whose elements never upgrade.
 */
async function checkCdnPins({ pkg, version }) {
  const html = await readFile(join(examplesDir, htmlCdn, 'index.html'), 'utf8');
  const expected = Object.fromEntries(cdnFiles.map((file) => [file, sri(join(pkg, 'dist/cdn', file))]));
  const pins = cdnTags(html);
  const problems = [];
  for (const file of cdnFiles) {
    const pin = pins.find((candidate) => candidate.file === file);
    if (!pin) {
      problems.push(`${file} is not loaded from jsDelivr`);
      continue;
    }
    if (pin.version !== version) problems.push(`${file} pins gentle-widgets@${pin.version}, the package is ${version}`);
    if (pin.integrity !== expected[file]) problems.push(`${file} has integrity="${pin.integrity ?? ''}", the built file is ${expected[file]}`);
    if (pin.crossorigin !== 'anonymous') problems.push(`${file} needs crossorigin="anonymous" (integrity is checked only on a CORS request)`);
  }
  if (problems.length) {
    throw new StepError('integrity', `${problems.join('; ')}; after a deliberate change, \`npm run snippets\` rewrites them`);
  }
}

// ---- type-check proofs ----------------------------------------------------------------------

/** The directives in a file of mistakes, by line (1-based), and the file with each one disarmed. */
function disarm(text) {
  // A directive opens its comment; a comment that only mentions one (as the files' headers do) is not one.
  const directive = /(?<=(?:\/\/|\/\*|\{\/\*|<!--)\s*)@(?:ts|vue)-expect-error\b/;
  const marked = [];
  const lines = text.split('\n').map((line, index) => {
    if (!directive.test(line)) return line;
    marked.push(index + 2); // the mistake is on the line after its directive
    return line.replace(directive, '(expected error)');
  });
  return { marked, disarmed: lines.join('\n') };
}

/** Lines of `file` that the type-checker's output reports an error on. */
function errorLines(output, file) {
  const name = basename(file).replace(/\./g, '\\.');
  const lines = new Set();
  // tsc and vue-tsc: `src/x.tsx(12,7): error TS2322`; svelte-check: `/abs/src/x.svelte:12:7\nError: …`.
  for (const match of output.matchAll(new RegExp(`${name}(?:\\((\\d+),\\d+\\): error|:(\\d+):\\d+\\s*\\n\\s*Error)`, 'g'))) {
    lines.add(Number(match[1] ?? match[2]));
  }
  return lines;
}

/**
 * Runs the example's type-check as it is (it must pass), then again with every directive in its file of
 * mistakes disarmed: it must fail on exactly the marked lines. So the file is really read, and each wrong
 * use is an error of its own.
 */
async function typeCheck(dir, example) {
  const clean = await mustRun('typecheck', npm('run', 'typecheck'), { cwd: dir });
  const path = join(dir, example.mistakes);
  const original = await readFile(path, 'utf8');
  const { marked, disarmed } = disarm(original);
  if (!marked.length) throw new StepError('typecheck', `${example.mistakes} marks no mistakes`);
  await writeFile(path, disarmed);
  const broken = await run(npm('run', 'typecheck'), { cwd: dir });
  await writeFile(path, original);
  const reported = errorLines(broken.output, example.mistakes);
  const missed = marked.filter((line) => !reported.has(line));
  const stray = [...reported].filter((line) => !marked.includes(line));
  if (broken.code === 0 || missed.length || stray.length) {
    const what = [
      broken.code === 0 && 'passed without its directives',
      missed.length && `no error on line ${missed.join(', ')}`,
      stray.length && `errors on unmarked line ${stray.join(', ')}`,
    ].filter(Boolean);
    throw new StepError('typecheck', `${example.mistakes}: the wrong uses must each be an error, but the check ${what.join('; ')}`, broken.output);
  }
  return { ms: clean.ms + broken.ms, caught: marked.length };
}

// ---- the browser ----------------------------------------------------------------------------

/**
 * Opens `url` in a fresh context and proves the page: every element defined and upgraded, the reveal
 * button's event and the journal's save event shown by the page's own handlers, and no console error,
 * warning, uncaught exception, CSP violation, failed request or request leaving 127.0.0.1 (`routes`
 * may answer other URLs first).
 */
async function checkPage(browser, url, { routes } = {}) {
  const context = await browser.newContext();
  const problems = [];
  try {
    await context.route('**/*', (route) => {
      const requested = route.request().url();
      if (new URL(requested).hostname === '127.0.0.1') return route.continue();
      problems.push(`request left 127.0.0.1: ${requested}`);
      return route.abort('blockedbyclient');
    });
    await routes?.(context);
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
      });
    });
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT);
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('requestfailed', (request) => {
      if (new URL(request.url()).hostname === '127.0.0.1') problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
    });

    const response = await page.goto(url, { waitUntil: 'load' });
    assert.equal(response?.status(), 200, `${url} answered ${response?.status()}`);
    assert.match(response.headers()['content-security-policy'] ?? '', /require-trusted-types-for 'script'/, 'the page was served without the strict CSP');

    const elements = await page
      .waitForFunction(
        (names) => {
          const all = names.flatMap((name) => [...document.querySelectorAll(name)]);
          const ready = all.filter((element) => element.matches(':defined') && element.shadowRoot?.childNodes.length);
          return names.every((name) => document.querySelector(name)) && ready.length === all.length ? all.length : false;
        },
        tags,
        { timeout: PAGE_TIMEOUT },
      )
      .then((handle) => handle.jsonValue())
      .catch(async () => {
        const state = await page.evaluate(
          (names) => names.map((name) => `${name}: ${document.querySelectorAll(name).length} on the page, ${customElements.get(name) ? 'defined' : 'not defined'}`),
          tags,
        );
        throw new Error(`not every element upgraded within ${PAGE_TIMEOUT / 1000} s (${state.join('; ')})${problems.length ? `; ${problems.join('; ')}` : ''}`);
      });

    const output = page.locator('#last-event');
    const shows = async (text, after) => {
      try {
        await page.waitForFunction((expected) => document.querySelector('#last-event')?.textContent?.trim() === expected, text, { timeout: PAGE_TIMEOUT });
      } catch {
        throw new Error(`after ${after}, the page's output should say "${text}" but says "${(await output.textContent())?.trim()}"`);
      }
    };

    await page.getByRole('button', { name: 'Show this part' }).click();
    await shows('content-notice-reveal: boundaries', 'pressing "Show this part"');
    assert.equal(await page.locator('content-notice').evaluate((notice) => notice.revealed), true, 'the notice did not reveal its text');

    await page.locator('journal-prompts textarea').first().fill('Softness, and some rest.');
    await shows('journal-prompts-save: session', 'typing an answer in the journal');

    const violations = await page.evaluate(() => window.__violations);
    problems.push(...violations.map((violation) => `CSP: ${violation}`));
    if (problems.length) throw new Error(problems.join('; '));
    return { elements };
  } finally {
    await context.close();
  }
}

/**
 * The demo's CSP for a page a bundler built (its scripts and styles are files of its own), with the
 * framework's own Trusted Types policy allowed beside the library's: Vue creates `vue` and Svelte
 * `svelte-trusted-html` for the HTML they write, and a strict host allows them by name.
 */
function bundledCsp(policies = []) {
  return demoCsp.replace(/trusted-types ([^;]+)/, (_, names) => `trusted-types ${[names, ...policies].join(' ')}`);
}

/** Serves `dir` on 127.0.0.1 with `csp` on every response, and proves its index.html. */
async function servePage(browser, dir, csp, options) {
  const server = await startServer({ root: dir, headers: { '/': { 'Content-Security-Policy': csp } }, versionedPages: [] });
  try {
    return await checkPage(browser, `${server.url}/index.html`, options);
  } finally {
    await server.close();
  }
}

const mimeTypes = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8' };

/**
 * Serves the html-cdn page with jsDelivr answered by the packed package's own dist/cdn/ files, so the
 * browser checks their integrity as it would against the real CDN. `tamper` changes the bundle's bytes on
 * the way.
 */
async function withCdnPage({ pkg, version }, { tamper = false } = {}, use) {
  const cdnBase = `https://cdn.jsdelivr.net/npm/gentle-widgets@${version}/dist/cdn/`;
  // The demo's policy, with the pinned CDN folder allowed for scripts and styles: nothing else from it.
  const csp = demoCsp.replace("script-src 'self'", `script-src 'self' ${cdnBase}`).replace("style-src 'self'", `style-src 'self' ${cdnBase}`);
  const routes = (context) =>
    context.route(`${cdnBase}**`, async (route) => {
      const name = new URL(route.request().url()).pathname.slice(new URL(cdnBase).pathname.length);
      let body;
      try {
        body = await readFile(join(pkg, 'dist/cdn', name));
      } catch {
        return route.fulfill({ status: 404, body: 'Not found', headers: { 'Access-Control-Allow-Origin': '*' } });
      }
      if (tamper && name === 'gentle-widgets.js') body = Buffer.concat([body, Buffer.from('\n// changed on the way\n')]);
      // jsDelivr answers every file with CORS allowed, which a `crossorigin` request needs.
      return route.fulfill({ status: 200, body, headers: { 'Content-Type': mimeTypes[extname(name)] ?? 'application/octet-stream', 'Access-Control-Allow-Origin': '*' } });
    });
  const server = await startServer({ root: join(examplesDir, htmlCdn), headers: { '/': { 'Content-Security-Policy': csp } }, versionedPages: [] });
  try {
    return await use(`${server.url}/index.html`, routes);
  } finally {
    await server.close();
  }
}

const checkCdnPage = (browser, packed) => withCdnPage(packed, {}, (url, routes) => checkPage(browser, url, { routes }));

/** With the bundle's bytes changed on the way, the browser must refuse it: an integrity error, and no element defined. */
function provesTamperRefused(browser, packed) {
  return withCdnPage(packed, { tamper: true }, async (url, routes) => {
    const context = await browser.newContext();
    try {
      await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient')));
      await routes(context);
      const page = await context.newPage();
      const refused = page.waitForEvent('console', { predicate: (message) => /integrity/i.test(message.text()), timeout: PAGE_TIMEOUT });
      await page.goto(url, { waitUntil: 'load' });
      await refused.catch(() => {
        throw new StepError('integrity', 'the browser ran a bundle whose bytes differ from its integrity hash, without an integrity error');
      });
      const defined = await page.evaluate((names) => names.filter((name) => customElements.get(name)), tags);
      if (defined.length) throw new StepError('integrity', `a bundle refused for its integrity still defined ${defined.join(', ')}`);
    } finally {
      await context.close();
    }
  });
}

// ---- the examples ---------------------------------------------------------------------------

/** A copy of an example beside a copy of the tarball, as `file:../.pack/gentle-widgets.tgz` expects. */
async function copyExample(name, scratch, tarball) {
  const dir = join(scratch, name);
  const skipped = new Set(['node_modules', 'dist', 'dist-ssr', 'package-lock.json']);
  await cp(join(examplesDir, name), dir, { recursive: true, filter: (source) => !skipped.has(basename(source)) });
  await mkdir(join(scratch, '.pack'), { recursive: true });
  await cp(tarball, join(scratch, '.pack', tarballName), { force: false, errorOnExist: false });
  return dir;
}

/** The installed package is a real copy of the packed one (a link would test the working tree instead). */
async function assertInstalledFromTarball(dir, pkg) {
  const installed = join(dir, 'node_modules/gentle-widgets');
  if ((await lstat(installed)).isSymbolicLink()) throw new StepError('install', 'gentle-widgets is a link, not the packed tarball');
  for (const file of ['package.json', 'dist/cdn/gentle-widgets.js']) {
    const [a, b] = await Promise.all([readFile(join(installed, file)), readFile(join(pkg, file))]);
    if (!a.equals(b)) throw new StepError('install', `node_modules/gentle-widgets/${file} differs from the packed tarball's`);
  }
}

/** React's server build: `renderToString(<App />)` in Node must not throw and must hold the elements' light DOM. */
async function serverRender(dir) {
  const build = await mustRun('ssr', npm('run', 'build:ssr'), { cwd: dir });
  const script = "const { render } = await import('./dist-ssr/entry-server.js'); process.stdout.write(render());";
  const rendered = await mustRun('ssr', [process.execPath, ['--input-type=module', '-e', script]], { cwd: dir });
  const html = rendered.output;
  const expected = [
    '<content-notice variant="warning" gate="" id="boundaries">',
    '<p slot="heading">This part talks about boundaries being crossed.</p>',
    'What is something nourishing I can give myself right now?',
    'Ready to try out holistic therapy?',
    'Read more Stories With Ease',
  ];
  const missing = expected.filter((text) => !html.includes(text));
  if (missing.length) throw new StepError('ssr', `renderToString(<App />) lacks ${missing.map((text) => JSON.stringify(text)).join(', ')}`, html);
  return { ms: build.ms + rendered.ms };
}

async function bundlerExample(example, { scratch, packed, browser, times }) {
  const dir = await copyExample(example.name, scratch, packed.tarball);
  // Every dependency is pinned exactly, so npm may trust the metadata it cached (a cold cache still fetches).
  const install = await mustRun('install', npm('install', '--no-audit', '--no-fund', '--prefer-offline'), { cwd: dir, timeout: INSTALL_TIMEOUT });
  times.install = install.ms;
  await assertInstalledFromTarball(dir, packed.pkg);
  const check = await typeCheck(dir, example);
  times.typecheck = check.ms;
  times.build = (await mustRun('build', npm('run', 'build'), { cwd: dir })).ms;
  if (example.ssr) times.ssr = (await serverRender(dir)).ms;
  const started = performance.now();
  let page;
  try {
    page = await servePage(await browser, join(dir, 'dist'), bundledCsp(example.policies));
  } catch (error) {
    throw new StepError('browser', error.message);
  }
  times.browser = performance.now() - started;
  const proved = [
    `${page.elements} elements upgraded under the demo's CSP`,
    'reveal and save reached the page\'s handlers',
    `${check.caught} wrong uses are type errors`,
    example.ssr && 'renderToString keeps the light DOM',
  ].filter(Boolean);
  return { proved };
}

async function htmlCdnExample({ packed, browser, times }) {
  let started = performance.now();
  await checkCdnPins(packed);
  times.integrity = performance.now() - started;
  started = performance.now();
  let page;
  try {
    page = await checkCdnPage(await browser, packed);
  } catch (error) {
    throw new StepError('browser', error.message);
  }
  await provesTamperRefused(await browser, packed);
  times.browser = performance.now() - started;
  const proved = [
    'integrity matches the packed dist/cdn files',
    'a changed bundle is refused',
    `${page.elements} elements upgraded under the demo's CSP + jsDelivr`,
    'reveal and save reached the page\'s handlers',
  ];
  return { proved };
}

/** Runs `tasks` (functions returning promises) with at most `limit` at once, in order of the list. */
async function pool(tasks, limit) {
  const results = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]();
      }
    }),
  );
  return results;
}

async function main() {
  const names = [htmlCdn, ...bundlerExamples.map((example) => example.name)];
  const unknown = only.filter((name) => !names.includes(name));
  if (unknown.length) {
    console.error(`Unknown example ${unknown.join(', ')}. Examples: ${names.join(', ')}.`);
    return 2;
  }
  const selected = only.length ? names.filter((name) => only.includes(name)) : names;
  for (const name of names) {
    const present = await readdir(join(examplesDir, name)).catch(() => null);
    if (!present) throw new Error(`examples/${name} is missing`);
  }

  const started = performance.now();
  const scratch = await mkdtemp(join(tmpdir(), 'gentle-widgets-examples-'));
  let failed = 0;
  let passed = 0;
  let browserInstance;
  try {
    let packed;
    try {
      packed = await buildAndPack(scratch);
    } catch (error) {
      console.log(`FAIL ${error.message}${error.output ? `\n${tail(error.output)}` : ''}`);
      console.log(`0 passed, ${selected.length} failed`);
      return 1;
    }
    console.log(`${skipBuild ? 'packed' : 'built and packed'} gentle-widgets@${packed.version} in ${seconds(packed.ms)}: ${relative(root, packed.tarball)}`);
    // Chromium starts while the first examples install; each example waits for it only when it needs it.
    const browser = (async () => {
      browserInstance = await chromium.launch({ executablePath: ensureChromium(), args: chromiumArgs });
      return browserInstance;
    })();
    browser.catch(() => {});

    const tasks = selected.map((name) => async () => {
      const exampleStarted = performance.now();
      // Steps record their time here as they finish, so a failure still shows what went before it.
      const times = {};
      const timing = () =>
        `${seconds(performance.now() - exampleStarted)}: ${Object.entries(times).map(([step, ms]) => `${step} ${seconds(ms)}`).join(', ') || 'no step finished'}`;
      try {
        const example = bundlerExamples.find((candidate) => candidate.name === name);
        const { proved } = example
          ? await bundlerExample(example, { scratch, packed, browser, times })
          : await htmlCdnExample({ packed, browser, times });
        console.log(`ok   ${name.padEnd(9)} ${proved.join('; ')} (${timing()})`);
        passed++;
      } catch (error) {
        failed++;
        const message = error instanceof StepError ? error.message : `${error.stack ?? error}`;
        console.log(`FAIL ${name.padEnd(9)} ${message} (${timing()})${error.output ? `\n${tail(error.output)}` : ''}`);
      }
    });
    await pool(tasks, jobs);
  } finally {
    await browserInstance?.close();
    if (keep || failed) console.log(`the examples' copies are kept in ${scratch}`);
    else await rm(scratch, { recursive: true, force: true });
  }
  if (passed + failed < selected.length) failed = selected.length - passed;
  console.log(`examples took ${seconds(performance.now() - started)} with ${jobs} at a time`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
