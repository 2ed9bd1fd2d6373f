// Checks the tarball a user installs, not the working tree: packs the built package once and proves, on
// that tarball, what a developer relies on. Needs a build (`npm run build`); never builds itself.
//
//   npm run check:package                 every check; exit code 1 when one fails
//   npm run check:package -- --update     also rewrites test/package-files.txt from the tarball
//
// The checks, in order:
//   files         the packed paths equal test/package-files.txt (a new or lost file is a decision)
//   publint       publint's every message; errors, warnings and unlisted suggestions fail
//   types         arethetypeswrong under the esm-only profile (the package is ESM only, by decision)
//   package.json  the fields registries, editors and bundlers read are there and name shipped files
//   manifest      every path and module custom-elements.json names is shipped
//   source maps   maps carry their sources; no declaration map whose sources are not shipped
//   unused files  every shipped file is reached from package.json, the README or the licence
//   node import   every JS entry imports in plain Node, no DOM, with nothing thrown or printed to stderr
//
// It ends with `N passed, N failed` (one per check), like the other test runners.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const expectedListPath = join(root, 'test/package-files.txt');
const update = process.argv.includes('--update');

/**
 * publint suggestions we accept: `{ code, path, reason }`, `path` as this script prints it after "at"
 * (`exports["./react"].types`; leave it out to accept the code anywhere). Keep it empty unless a
 * suggestion is wrong for this package, and say why in `reason`.
 */
const acceptedSuggestions = [];

/** package.json fields that name one file each, which must therefore be in the tarball. */
const fileFields = ['main', 'module', 'types', 'typings', 'customElements', 'web-types'];

/** Fields users, registries, editors and bundlers read; `check:package` fails without any of them. */
const requiredFields = [
  'license', 'repository', 'homepage', 'bugs', 'engines.node', 'types', 'exports', 'sideEffects', 'customElements',
];

// A module that keeps Node's event loop busy this long is itself a problem for a server or a build.
const IMPORT_TIMEOUT = 20_000;
const INSTALL_TIMEOUT = 180_000;

// ---- small helpers ------------------------------------------------------------------------------

/** Runs a command; resolves with its exit code and output, never rejects. */
function run(command, args, { cwd = root, timeout = 120_000, env = process.env, stdoutFd } = {}) {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const stdio = ['ignore', stdoutFd ?? 'pipe', 'pipe'];
    const child = spawn(command, args, { cwd, env, stdio, shell: process.platform === 'win32' });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeout);
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: stderr + error.message, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** The npm that runs this script when there is one (as in scripts/test.mjs), else `npm` on PATH. */
function npm(args, options) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.[cm]?js$/.test(npmCli)) return run(process.execPath, [npmCli, ...args], options);
  return run(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, options);
}

/** Byte order, so the committed list sorts the same on every machine and locale. */
const byCodePoint = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** At most `limit` lines, then how many more there were: keeps the log readable, never silent. */
function capped(lines, limit = 15) {
  return lines.length <= limit ? lines : [...lines.slice(0, limit), `… and ${lines.length - limit} more`];
}

/** The last lines of a child's stderr, each cut short: Node prints a whole minified line on a throw. */
function tail(text, lines = 6, width = 200) {
  return text
    .trimEnd()
    .split('\n')
    .filter((line) => line.trim())
    .slice(-lines)
    .map((line) => (line.length > width ? `${line.slice(0, width)}…` : line));
}

/**
 * What a failed Node process says: the error's own line and the first frames under it, else the last
 * lines. Node prints the whole source line before the error, which for a minified bundle is the bundle.
 */
function errorSummary(stderr) {
  const lines = stderr.split('\n');
  const at = lines.findIndex((line) => /^(\w*Error|Error \[|Uncaught|\(node:\d+\) \w*Warning)/.test(line));
  if (at < 0) return tail(stderr);
  return lines.slice(at, at + 3).filter((line) => line.trim()).map((line) => (line.length > 200 ? `${line.slice(0, 200)}…` : line));
}

/**
 * The files of a gzipped npm tarball, by path inside the package (npm puts everything under
 * `package/`). Plain ustar plus the PAX headers node-tar writes for long names; enough for npm's output.
 */
function untar(gzipped) {
  const data = gunzipSync(gzipped);
  const files = new Map();
  let pax = {};
  for (let offset = 0; offset + 512 <= data.length; ) {
    const header = data.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start, length) => header.subarray(start, start + length).toString('utf8').replace(/\0[\s\S]*$/, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const prefix = field(345, 155);
    const name = pax.path ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    const body = data.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      pax = Object.fromEntries(
        [...body.toString('utf8').matchAll(/\d+ ([^=]+)=([^\n]*)\n/g)].map(([, key, value]) => [key, value]),
      );
      continue;
    }
    pax = {};
    if (type === '0' || type === '7') files.set(name.replace(/^[^/]+\//, ''), Buffer.from(body));
  }
  return files;
}

/** `./dist/x.js` → `dist/x.js`; a path that leaves the package or is absolute stays as written. */
const packagePath = (path) => posix.normalize(path.replace(/^\.\//, ''));

/** A regular expression for an `exports` pattern or a `sideEffects` glob (`*` one or more segments). */
function patternRegex(pattern, { glob = false } = {}) {
  const escaped = packagePath(pattern).replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const body = glob ? escaped.replace(/\*\*\/?/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\0/g, '(?:.*/)?') : escaped.replace(/\*/g, '.+');
  return new RegExp(`^${body}$`);
}

/** Every target string in an `exports` value, with the conditions that lead to it. */
function exportTargets(value, conditions = []) {
  if (typeof value === 'string') return [{ target: value, conditions }];
  if (Array.isArray(value)) return value.flatMap((item) => exportTargets(item, conditions));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => exportTargets(item, [...conditions, key]));
  }
  return [];
}

/** `exports` as [subpath, value] pairs; a bare string or condition object is the `.` entry. */
function exportEntries(exportsField) {
  if (typeof exportsField === 'string' || Array.isArray(exportsField)) return [['.', exportsField]];
  if (!exportsField || typeof exportsField !== 'object') return [];
  const keys = Object.keys(exportsField);
  if (keys.length && keys.every((key) => !key.startsWith('.'))) return [['.', exportsField]];
  return Object.entries(exportsField);
}

/**
 * Files an `exports` target names: itself, or for a `*` pattern every shipped file it matches, each
 * with the subpath a user imports it by.
 */
function expandTarget(subpath, target, files) {
  if (!target.includes('*')) return [{ subpath, file: packagePath(target) }];
  const regex = patternRegex(target);
  const [before, after] = packagePath(target).split('*');
  return [...files]
    .filter((file) => regex.test(file))
    .map((file) => ({ subpath: subpath.replace('*', file.slice(before.length, file.length - after.length)), file }));
}

// ---- the tarball --------------------------------------------------------------------------------

/** Packs the package as `npm publish` would (without lifecycle scripts: this checks the build as it is). */
async function pack(workDir) {
  const result = await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', workDir]);
  if (result.code !== 0) throw new Error(`npm pack failed (exit ${result.code}):\n${tail(result.stderr, 12).join('\n')}`);
  const [info] = JSON.parse(result.stdout.slice(result.stdout.indexOf('[')));
  const tarballPath = join(workDir, info.filename);
  const files = untar(await readFile(tarballPath));
  return { info, tarballPath, files };
}

// ---- the checks ---------------------------------------------------------------------------------
// Each returns { failures: string[], notes?: string[] }: any failure fails the check; notes are printed
// either way (publint's messages, the arethetypeswrong table).

/** 1. The packed file list equals the committed one, so a file appearing or vanishing is noticed. */
async function checkFileList({ files }) {
  const packed = [...files.keys()].sort(byCodePoint);
  const text = `${packed.join('\n')}\n`;
  const committed = existsSync(expectedListPath)
    ? (await readFile(expectedListPath, 'utf8')).split('\n').map((line) => line.trim()).filter(Boolean)
    : undefined;
  const added = packed.filter((path) => !committed?.includes(path));
  const removed = (committed ?? []).filter((path) => !files.has(path));
  const diff = [...added.map((path) => `+ ${path}   (in the tarball, not in the list)`), ...removed.map((path) => `- ${path}   (in the list, not in the tarball)`)];
  if (update) {
    await writeFile(expectedListPath, text);
    return { failures: [], notes: [`wrote test/package-files.txt: ${packed.length} files`, ...(committed ? diff : [])] };
  }
  if (!committed) return { failures: ['test/package-files.txt is missing; run `npm run check:package -- --update` and commit it.'] };
  const sorted = [...committed].sort(byCodePoint);
  const unsorted = diff.length === 0 && committed.join('\n') !== sorted.join('\n');
  if (!diff.length && !unsorted) return { failures: [], notes: [`${packed.length} files, as listed`] };
  return {
    failures: [
      ...diff,
      ...(unsorted ? ['test/package-files.txt is not sorted'] : []),
      'If the change is intended: `npm run check:package -- --update`, then commit test/package-files.txt.',
    ],
  };
}

/** 2. publint on the tarball, at the most detailed level; every message is printed. */
async function checkPublint({ tarballPath }) {
  const tarball = await readFile(tarballPath);
  const { messages, pkg } = await publint({
    pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
    level: 'suggestion',
  });
  const notes = [];
  const failures = [];
  for (const message of messages) {
    const where = message.path.map((key) => (/^\w+$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`)).join('').replace(/^\./, '') || 'package.json';
    const line = `${message.type} ${message.code} at ${where}: ${formatMessage(message, pkg, { color: false }) ?? ''}`;
    const accepted =
      message.type === 'suggestion' &&
      acceptedSuggestions.find((item) => item.code === message.code && (item.path === undefined || item.path === where));
    if (accepted) notes.push(`${line}\n  accepted: ${accepted.reason}`);
    else failures.push(line);
  }
  if (!messages.length) notes.push('no messages');
  return { failures, notes };
}

/**
 * 3. arethetypeswrong on the tarball under the esm-only profile (CommonJS resolution is ignored: the
 * package is ESM only). The JSON decides; the table is printed for the log.
 */
async function checkTypes({ tarballPath, workDir, pkg }) {
  const cliPackage = require.resolve('@arethetypeswrong/cli/package.json');
  const bin = join(dirname(cliPackage), require(cliPackage).bin.attw);
  const color = process.stdout.isTTY && !process.env.NO_COLOR ? '--color' : '--no-color';
  // A stylesheet entry has no types to resolve (TypeScript only resolves modules), so attw would call
  // it unresolvable; such entries are left out, by name, in the log.
  const assets = exportEntries(pkg.exports)
    .filter(([subpath, value]) => {
      const targets = exportTargets(value).map(({ target }) => target);
      return !subpath.includes('*') && targets.length && targets.every((target) => !/\.([cm]?js|json|d\.[cm]?ts)$/.test(target));
    })
    .map(([subpath]) => subpath);
  const args = [bin, tarballPath, '--profile', 'esm-only', ...(assets.length ? ['--exclude-entrypoints', ...assets] : [])];
  // attw reads ./.attw.json when there is one; the work directory has none, so only these flags count.
  // attw ends with process.exit(), which cuts a long JSON report short on a pipe; a file gets it all.
  const jsonPath = join(workDir, 'attw.json');
  const jsonFile = await open(jsonPath, 'w');
  const [json, table] = await Promise.all([
    run(process.execPath, [...args, '--format', 'json'], { cwd: workDir, stdoutFd: jsonFile.fd }).finally(() => jsonFile.close()),
    run(process.execPath, [...args, '--format', 'table-flipped', color], { cwd: workDir }),
  ]);
  json.stdout = await readFile(jsonPath, 'utf8');
  const notes = table.stdout.replace(/^\s*\n/, '').trimEnd().split('\n');
  if (assets.length) notes.unshift(`not given to attw (no JavaScript, so no types): ${assets.join(', ')}`);
  let result;
  try {
    result = JSON.parse(json.stdout);
  } catch {
    return { failures: [`attw printed no JSON (exit ${json.code}):`, ...tail(json.stderr || json.stdout, 12)], notes };
  }
  // What the esm-only profile ignores: CommonJS `require` (node16-cjs) and pre-`exports` resolution (node10).
  const ignored = ['node10', 'node16-cjs'];
  if (!result.analysis?.types) return { failures: ['attw found no types in the package'], notes };
  const failures = result.analysis.problems
    .filter((problem) => !ignored.includes(problem.resolutionKind))
    .map((problem) => {
      // The resolution trace and character offsets are for attw's own output; the rest says where.
      const where = Object.entries(problem).filter(([key]) => !['kind', 'trace', 'pos', 'end'].includes(key));
      return `${problem.kind}: ${where.map(([key, value]) => `${key} ${JSON.stringify(value)}`).join(', ')}`;
    });
  if (json.code !== 0 && !failures.length) failures.push(`attw exited with ${json.code}:`, ...tail(json.stderr, 12));
  return { failures, notes };
}

/** 4. The fields users and tools read, the ESM-only shape, and the files package.json names. */
async function checkPackageJson({ files, pkg }) {
  const failures = [];
  const get = (path) => path.split('.').reduce((value, key) => value?.[key], pkg);
  for (const field of requiredFields) {
    const value = get(field);
    const empty = value === undefined || value === null || value === '' || (typeof value === 'object' && !Object.keys(value).length);
    if (empty) failures.push(`package.json has no "${field}"`);
  }
  if (pkg.type !== 'module') failures.push('"type" is not "module" (the package is ESM only)');
  const requireTargets = exportEntries(pkg.exports).flatMap(([subpath, value]) =>
    exportTargets(value).filter(({ conditions }) => conditions.includes('require')).map(() => subpath),
  );
  if (requireTargets.length) failures.push(`"exports" has "require" conditions (the package is ESM only): ${[...new Set(requireTargets)].join(', ')}`);
  for (const field of fileFields) {
    const value = pkg[field];
    if (typeof value === 'string' && !files.has(packagePath(value))) failures.push(`"${field}" names ${value}, which is not in the tarball`);
  }
  if (Array.isArray(pkg.sideEffects)) {
    for (const pattern of pkg.sideEffects) {
      // A glob without a slash matches a file name anywhere, as bundlers read it.
      const regex = pattern.includes('/') ? patternRegex(pattern, { glob: true }) : patternRegex(`**/${pattern}`, { glob: true });
      if (![...files.keys()].some((file) => regex.test(file))) failures.push(`"sideEffects" entry ${pattern} matches no file in the tarball`);
    }
  }
  if (![...files.keys()].some((file) => /^licen[cs]e(\.(md|txt))?$/i.test(file))) failures.push('no LICENSE file in the tarball');
  return { failures, notes: failures.length ? [] : [`license ${pkg.license}, engines.node ${pkg.engines.node}, ESM only, LICENSE shipped`] };
}

/**
 * 5. Every module the shipped custom-elements.json names is shipped: editors, Storybook and the
 * framework generators follow these paths. References into another package (`package` set) are skipped.
 */
async function checkManifest({ files, pkg }) {
  const manifestPath = packagePath(pkg.customElements ?? 'custom-elements.json');
  if (!files.has(manifestPath)) return { failures: [`${manifestPath} is not in the tarball`] };
  const manifest = JSON.parse(files.get(manifestPath).toString('utf8'));
  const shipped = (path) => typeof path === 'string' && !path.startsWith('/') && files.has(packagePath(path));
  const modules = manifest.modules ?? [];
  const missingModules = modules.map((module) => module.path).filter((path) => !shipped(path));
  /** a module reference that is not shipped → where it is made */
  const references = new Map();
  const walk = (value, where) => {
    if (Array.isArray(value)) return value.forEach((item) => walk(item, where));
    if (!value || typeof value !== 'object') return;
    if (typeof value.module === 'string' && value.package === undefined && !shipped(value.module)) {
      if (!references.has(value.module)) references.set(value.module, []);
      references.get(value.module).push(where);
    }
    for (const [key, item] of Object.entries(value)) {
      if (!item || typeof item !== 'object') continue;
      walk(item, ['superclass', 'inheritedFrom', 'declaration', 'mixins'].includes(key) ? `${where} (${key})` : where);
    }
  };
  for (const module of modules) {
    for (const item of module.declarations ?? []) walk(item, `${module.path}: ${item.name}`);
    for (const item of module.exports ?? []) walk(item, `${module.path}: export ${item.name}`);
  }
  const failures = [];
  if (missingModules.length) {
    failures.push(`${missingModules.length} of ${modules.length} module paths are not shipped: ${capped(missingModules, 6).join(', ')}`);
  }
  // References to those same paths say nothing new; the others are listed one by one.
  const toMissingModules = [...references].filter(([path]) => missingModules.includes(path));
  if (toMissingModules.length) {
    const count = toMissingModules.reduce((sum, [, where]) => sum + where.length, 0);
    failures.push(`${count} references to those module paths (superclass, inheritedFrom, export declarations)`);
  }
  for (const [path, where] of references) {
    if (missingModules.includes(path)) continue;
    const why = path.startsWith('/') ? 'an absolute path' : 'no such file in the tarball';
    failures.push(`${path}: ${why}, named ${where.length}× (${where.slice(0, 2).join('; ')}${where.length > 2 ? '; …' : ''})`);
  }
  return { failures, notes: failures.length ? [] : [`${modules.length} modules; every path and module reference is shipped`] };
}

/**
 * 6. Source maps a debugger can use: each JavaScript map carries the text of every source it names
 * (the sources themselves are not shipped), and a declaration map ships only when its sources do
 * (it exists to jump to them).
 */
async function checkSourceMaps({ files }) {
  /** kind of problem → the files with it */
  const problems = new Map();
  const add = (kind, line) => {
    if (!problems.has(kind)) problems.set(kind, []);
    problems.get(kind).push(line);
  };
  let maps = 0;
  for (const file of [...files.keys()].sort(byCodePoint)) {
    if (!file.endsWith('.map')) continue;
    const data = files.get(file);
    maps += 1;
    let map;
    try {
      map = JSON.parse(data.toString('utf8'));
    } catch (error) {
      add('not JSON', `${file} (${error.message})`);
      continue;
    }
    const sources = Array.isArray(map.sources) ? map.sources : [];
    if (/\.d\.[cm]?ts\.map$/.test(file)) {
      const base = posix.join(posix.dirname(file), map.sourceRoot ?? '');
      const absent = sources.filter((source) => !files.has(posix.normalize(posix.join(base, source))));
      if (absent.length) add('declaration maps whose sources are not shipped', `${file} → ${absent.join(', ')}`);
      continue;
    }
    // A map with segments but no sources points nowhere.
    if (!sources.length && /[^;,]/.test(map.mappings ?? '')) add('mappings but no sources', file);
    const content = Array.isArray(map.sourcesContent) ? map.sourcesContent : [];
    if (sources.length && !content.length) {
      add('no sourcesContent', `${file} (${sources.length} source${sources.length > 1 ? 's' : ''}: ${sources.join(', ')})`);
      continue;
    }
    if (content.length !== sources.length) add('sourcesContent and sources differ in length', `${file} (${sources.length} sources, ${content.length} texts)`);
    const empty = sources.filter((source, index) => typeof content[index] !== 'string' || !content[index].length);
    if (empty.length) add('sourcesContent without the text of a source (null or empty)', `${file} → ${empty.join(', ')}`);
  }
  // Grouped, so a build that drops sourcesContent everywhere reads as one problem, not forty.
  return {
    failures: [...problems].flatMap(([kind, lines]) => [`${lines.length}× ${kind}:`, ...capped(lines, 12).map((line) => `  ${line}`)]),
    notes: problems.size ? [`${maps} maps`] : [`${maps} maps, each with its sources' text`],
  };
}

/**
 * Where a relative specifier leads from `file`: the shipped file it names, or undefined. Declarations
 * resolve as TypeScript does (`./x.js` → `./x.d.ts`); JavaScript needs the exact file.
 */
function resolveSpecifier(file, specifier, files) {
  const target = posix.normalize(posix.join(posix.dirname(file), specifier));
  if (target.startsWith('../')) return undefined;
  if (!/\.d\.[cm]?ts$/.test(file)) return files.has(target) ? target : undefined;
  const candidates = /\.js$/.test(target)
    ? [target.replace(/\.js$/, '.d.ts')]
    : /\.mjs$/.test(target)
      ? [target.replace(/\.mjs$/, '.d.mts')]
      : /\.cjs$/.test(target)
        ? [target.replace(/\.cjs$/, '.d.cts')]
        : /\.(d\.[cm]?ts|json)$/.test(target)
          ? [target]
          : [`${target}.d.ts`, `${target}/index.d.ts`];
  return candidates.find((candidate) => files.has(candidate));
}

/** The relative files a shipped file points to: its imports, references and source map. */
function referencesOf(file, data) {
  const isCode = /\.([cm]?js|d\.[cm]?ts)$/.test(file);
  const isCss = file.endsWith('.css');
  if (!isCode && !isCss) return [];
  const text = data.toString('utf8');
  const found = [];
  if (isCode) {
    // TypeScript's own pre-scan: static, dynamic and type imports, `/// <reference path>`, and never a
    // string or comment that merely looks like one.
    const scan = ts.preProcessFile(text, true, true);
    for (const { fileName } of scan.importedFiles) found.push({ specifier: fileName, kind: 'import' });
    for (const { fileName } of scan.referencedFiles) {
      found.push({ specifier: fileName.startsWith('.') ? fileName : `./${fileName}`, kind: 'reference' });
    }
  }
  const sourceMap = [...text.matchAll(/[#@] sourceMappingURL=([^\s'"*]+)/g)].at(-1)?.[1];
  if (sourceMap && !sourceMap.startsWith('data:')) {
    const specifier = decodeURIComponent(sourceMap);
    found.push({ specifier: specifier.startsWith('.') ? specifier : `./${specifier}`, kind: 'sourceMappingURL', exact: true });
  }
  return found.filter(({ specifier }) => specifier.startsWith('./') || specifier.startsWith('../'));
}

/**
 * 7. Nothing is shipped that nothing uses: starting from what package.json names, the README, the
 * licence and package.json itself, follows every relative import, reference and source map. A file
 * never reached is dead weight (or an entry point someone forgot to export); a reference that reaches
 * no shipped file is a broken import.
 */
async function checkUnused({ files, pkg }) {
  const failures = [];
  const starts = [];
  const all = new Set(files.keys());
  for (const name of ['package.json', 'README.md', 'LICENSE']) if (all.has(name)) starts.push({ file: name, from: 'always shipped' });
  for (const field of fileFields) {
    if (typeof pkg[field] === 'string') starts.push({ file: packagePath(pkg[field]), from: `"${field}"` });
  }
  for (const [subpath, value] of exportEntries(pkg.exports)) {
    for (const { target } of exportTargets(value)) {
      const expanded = expandTarget(subpath, target, all);
      if (!expanded.length) failures.push(`exports["${subpath}"] → ${target} matches no shipped file`);
      for (const { file } of expanded) starts.push({ file, from: `exports["${subpath}"]` });
    }
  }
  const reached = new Set();
  const queue = [];
  for (const { file, from } of starts) {
    if (!all.has(file)) {
      failures.push(`${from} names ${file}, which is not in the tarball`);
      continue;
    }
    if (!reached.has(file)) {
      reached.add(file);
      queue.push(file);
    }
  }
  const visit = (file) => {
    for (const { specifier, kind, exact } of referencesOf(file, files.get(file))) {
      const target = exact ? posix.normalize(posix.join(posix.dirname(file), specifier)) : resolveSpecifier(file, specifier, all);
      if (!target || !all.has(target)) {
        failures.push(`broken ${kind}: ${file} → ${specifier} (no such file in the tarball)`);
        continue;
      }
      if (!reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  };
  while (queue.length) visit(queue.shift());
  const unreached = [...all].filter((file) => !reached.has(file)).sort(byCodePoint);
  for (const file of unreached) failures.push(`unused: ${file}`);
  return { failures, notes: [`${reached.size} of ${all.size} files reached from ${starts.length} starting points`] };
}

/**
 * The specifiers a user imports that lead to JavaScript: every `exports` entry with a JS target, a
 * pattern entry once per shipped file it matches.
 */
function jsEntries(pkg, files) {
  const specifiers = new Set();
  for (const [subpath, value] of exportEntries(pkg.exports)) {
    for (const { target, conditions } of exportTargets(value)) {
      if (conditions.includes('types') || conditions.includes('require')) continue;
      for (const entry of expandTarget(subpath, target, new Set(files.keys()))) {
        if (/\.[cm]?js$/.test(entry.file)) specifiers.add(posix.join(pkg.name, entry.subpath));
      }
    }
  }
  return [...specifiers].sort(byCodePoint);
}

/**
 * 8. Server-side rendering and build tools import the package in Node, where there is no DOM: installs
 * the tarball as a user would (Lit from the registry or npm's cache) and imports each JS entry in a fresh
 * Node process, once as is and once with `--conditions=node`. Nothing may throw, hang or write to stderr.
 */
async function checkNodeImport({ tarballPath, workDir, files, pkg }) {
  const installDir = join(workDir, 'install');
  await rm(installDir, { recursive: true, force: true });
  await mkdir(installDir, { recursive: true });
  await writeFile(join(installDir, 'package.json'), `${JSON.stringify({ name: 'package-check', private: true, type: 'module' })}\n`);
  const install = await npm(
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', '--prefix', installDir, tarballPath],
    { cwd: installDir, timeout: INSTALL_TIMEOUT },
  );
  if (install.code !== 0) {
    return { failures: [`npm install of the tarball failed (exit ${install.code}${install.timedOut ? ', timed out' : ''}):`, ...tail(install.stderr, 12)] };
  }
  const entries = jsEntries(pkg, files);
  const failures = [];
  const variants = [[], ['--conditions=node']];
  const jobs = entries.flatMap((specifier) => variants.map((flags) => ({ specifier, flags })));
  // Two at a time: a fresh process per import keeps one entry's globals from hiding another's problem.
  const runOne = async ({ specifier, flags }) => {
    const script = `await import(${JSON.stringify(specifier)});`;
    const result = await run(process.execPath, [...flags, '--input-type=module', '--eval', script], { cwd: installDir, timeout: IMPORT_TIMEOUT });
    const label = `${specifier}${flags.length ? ` (${flags.join(' ')})` : ''}`;
    if (result.timedOut) failures.push(`${label}: still running after ${IMPORT_TIMEOUT / 1000} s (a timer or handle keeps Node busy)`);
    else if (result.code !== 0) failures.push(`${label}: exit code ${result.code}`, ...errorSummary(result.stderr).map((line) => `  ${line}`));
    else if (result.stderr.trim()) failures.push(`${label}: wrote to stderr`, ...errorSummary(result.stderr).map((line) => `  ${line}`));
  };
  const queue = [...jobs];
  await Promise.all([0, 1].map(async () => {
    while (queue.length) await runOne(queue.shift());
  }));
  const lines = [];
  for (const specifier of entries) {
    if (!lines.length || lines.at(-1).length + specifier.length > 100) lines.push(specifier);
    else lines[lines.length - 1] += `, ${specifier}`;
  }
  return { failures, notes: [`${entries.length} entries, each in plain Node and with --conditions=node:`, ...lines.map((line) => `  ${line}`)] };
}

// ---- the run ------------------------------------------------------------------------------------

const checks = [
  ['files', 'the tarball holds exactly test/package-files.txt', checkFileList],
  ['publint', 'publint (level: suggestion)', checkPublint],
  ['types', 'arethetypeswrong, esm-only profile', checkTypes],
  ['package.json', 'package.json fields, ESM only, LICENSE', checkPackageJson],
  ['manifest', 'custom-elements.json names shipped files', checkManifest],
  ['source maps', 'maps carry their sources', checkSourceMaps],
  ['unused files', 'every shipped file is reached', checkUnused],
  ['node import', 'every JS entry imports in Node without a DOM', checkNodeImport],
];

async function main() {
  const started = performance.now();
  if (!existsSync(join(root, 'dist'))) console.log('No dist/: run `npm run build` first. The checks below describe an unbuilt package.');
  const workDir = await mkdtemp(join(tmpdir(), 'gentle-widgets-package-'));
  let passed = 0;
  let failed = 0;
  try {
    let context;
    try {
      context = { ...(await pack(workDir)), workDir };
    } catch (error) {
      console.log(`  ✘ pack\n    ${String(error.message).split('\n').join('\n    ')}`);
      console.log(`0 passed, ${checks.length} failed`);
      return 1;
    }
    context.pkg = JSON.parse(context.files.get('package.json').toString('utf8'));
    console.log(`${context.info.filename}: ${context.files.size} files, ${(context.info.size / 1024).toFixed(1)} kB packed, ${(context.info.unpackedSize / 1024).toFixed(1)} kB unpacked`);
    for (const [name, description, check] of checks) {
      const t0 = performance.now();
      let result;
      try {
        result = await check(context);
      } catch (error) {
        result = { failures: [`the check itself failed: ${error?.stack ?? error}`] };
      }
      const ms = Math.round(performance.now() - t0);
      const ok = result.failures.length === 0;
      if (ok) passed += 1;
      else failed += 1;
      console.log(`  ${ok ? '✔' : '✘'} ${name}: ${description} (${ms} ms)`);
      for (const line of [...(result.notes ?? []), ...result.failures]) console.log(`    ${line.split('\n').join('\n    ')}`);
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  console.log(`package checked in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
