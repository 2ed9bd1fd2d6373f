// The `npm start` server, also the e2e tests', the bench's and the Storybook check's: static files on
// 127.0.0.1, served the way a CDN in front of a blog serves them. sirv answers files (ETag,
// Last-Modified, ranges) and compression compresses them on the fly, brotli first; the CDN files
// (dist/cdn/) are also served under a versioned URL, immutable, from memory, compressed once.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import compression from 'compression';
import Negotiator from 'negotiator';
import sirv from 'sirv';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The policy the demo is served with: it proves the library works on strict hosts. */
export const demoCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "require-trusted-types-for 'script'; trusted-types gentle-widgets lit-html";

/** Response headers per path prefix the `npm start` server uses. */
export const defaultHeaders = { '/demo/': { 'Content-Security-Policy': demoCsp } };

/** Where the CDN files are, relative to the root, and the URL path they keep as unversioned files. */
const cdnDir = 'dist/cdn';
const cdnPath = '/dist/cdn/';
/** The versioned URL of those same files: `/cdn/<version>/<file>`. */
const versionedPath = '/cdn/';
const versionPattern = /^\/cdn\/([0-9a-f]{12})\/(.+)$/;
/** Versions kept in memory, so a page loaded before a rebuild still gets the files it started with. */
const keptVersions = 8;

const immutable = 'public, max-age=31536000, immutable';
/** HTML and unversioned files: cached, but asked about again (ETag) before every use. Never `no-store`: it keeps pages out of the back/forward cache. */
const revalidate = 'no-cache';

const mimeTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};
const typeOf = (file) => mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
const compressible = (type) => /^text\/|^application\/(?:json|xml|rss\+xml|atom\+xml)|^image\/svg\+xml/.test(type);

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
/** Each versioned file is compressed once, so as hard as the size budget measures it. */
const encoders = {
  br: (body) => brotli(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => gzipped(body, { level: 9 }),
};

/** Headers for `path`: every matching prefix applies, longer prefixes win. */
function headersFor(path, headers) {
  const merged = {};
  const prefixes = Object.keys(headers).filter((prefix) => path.startsWith(prefix));
  for (const prefix of prefixes.sort((a, b) => a.length - b.length)) Object.assign(merged, headers[prefix]);
  return merged;
}

/** Whether `child` is `parent` or lies inside it (both absolute, resolved). */
function inside(parent, child) {
  return child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);
}

/**
 * Maps a URL path to a file: `mounts` (URL prefix → directory) first, then `root`. Returns `null`
 * for anything outside them (`..`, encoded or not, symlinks pointing out) and for dot-files.
 */
async function locate(pathname, root, mounts) {
  if (pathname.includes('\0') || pathname.split('/').some((segment) => segment.startsWith('.'))) return null;
  let base = root;
  let rest = pathname;
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (pathname.startsWith(prefix)) {
      base = dir;
      rest = pathname.slice(prefix.length - 1);
      break;
    }
  }
  const candidate = resolve(base, '.' + rest);
  if (!inside(base, candidate)) return null;
  try {
    const realBase = await realpath(base);
    const real = await realpath(candidate);
    if (!inside(realBase, real)) return null;
    return { base: realBase, file: real, info: await stat(real) };
  } catch {
    return null;
  }
}

/** Every file under `dir` (no dot-files), as `/`-separated paths relative to it. */
async function listFiles(dir, prefix = '') {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) found.push(...(await listFiles(join(dir, entry.name), `${prefix}${entry.name}/`)));
    else if (entry.isFile()) found.push(`${prefix}${entry.name}`);
  }
  return found.sort();
}

/**
 * The versions of the CDN directory. The version is a hash of every file in it, names and bytes:
 * the bundle imports its siblings (the feed parsers, the strings of each language) relative to its
 * own URL, so they all move to a new URL together. A rebuild is noticed by the files' sizes and
 * times, looked at again on each page or CDN request.
 */
function cdnVersions(dir) {
  const versions = new Map();
  let latest = null;
  let pending = null;

  async function read() {
    let stats, signature;
    const files = new Map();
    const hash = createHash('sha256');
    try {
      const names = await listFiles(dir);
      if (!names.length) return latest;
      stats = await Promise.all(names.map((name) => stat(join(dir, name))));
      signature = names.map((name, i) => `${name}:${stats[i].size}:${stats[i].mtimeMs}`).join('\n');
      if (latest?.signature === signature) return latest;
      for (const name of names) {
        const body = await readFile(join(dir, name));
        hash.update(`${name}\0${body.length}\0`).update(body);
        files.set(name, { body, type: typeOf(name), tag: createHash('sha256').update(body).digest('hex').slice(0, 16), encoded: {} });
      }
    } catch {
      // Emptied or changing under a rebuild: the last whole version stands until the next request.
      return latest;
    }
    const id = hash.digest('hex').slice(0, 12);
    const version = versions.get(id) ?? { id, files, modified: new Date(Math.max(...stats.map((info) => info.mtimeMs))) };
    version.signature = signature;
    versions.delete(id);
    versions.set(id, version);
    while (versions.size > keptVersions) versions.delete(versions.keys().next().value);
    return (latest = version);
  }

  return {
    /** The directory as it is now (as it last was while it is being rebuilt); `null` when there has been none. */
    current() {
      pending ??= read().finally(() => (pending = null));
      return pending;
    },
    /** A version by its id, as long as it is kept. */
    async get(id) {
      return versions.get(id) ?? ((await this.current())?.id === id ? latest : undefined);
    },
  };
}

/** Whether the request's `If-None-Match` names `etag` (weak comparison, as for GET). */
function notModified(req, etag) {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (tag) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => bare(tag) === bare(etag));
}

/** `scheme://host` the reader used, for absolute URLs in pages; the server's own when the Host header is odd. */
function originOf(req, fallback) {
  const host = req.headers.host ?? '';
  return /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.test(host) ? `http://${host.toLowerCase()}` : fallback;
}

/**
 * A page as served: its CDN files at their versioned URL (`/dist/cdn/x` → `/cdn/<version>/x`), and
 * its canonical link absolute (`/demo/` → `http://127.0.0.1:8080/demo/`), as a site's canonical link
 * should be. The file on disk keeps plain paths, so any static server still serves a working page.
 */
function rewritePage(html, version, origin) {
  // No version while dist/cdn/ is missing (being rebuilt): the page keeps its plain paths.
  return (version ? html.replace(/(\s(?:src|href)=["'])\/dist\/cdn\//g, `$1${versionedPath}${version.id}/`) : html)
    .replace(/<link\b[^>]*\brel=["']?canonical\b[^>]*>/gi, (link) =>
      link.replace(/(\shref=["'])([^"']*)(["'])/i, (_, before, href, after) => {
        try {
          return `${before}${new URL(href, origin + '/').href}${after}`;
        } catch {
          return `${before}${href}${after}`;
        }
      }),
    );
}

function send(res, status, body, extra = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': revalidate, ...extra });
  res.end(body);
}

/** Writes `body` (encoded as `headers` say) with `headers`, or a 304 when the reader has it already. */
function respond(req, res, headers, body) {
  if (notModified(req, headers.ETag)) {
    const kept = { ...headers };
    delete kept['Content-Type'];
    delete kept['Content-Encoding'];
    res.writeHead(304, kept);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Starts the server on 127.0.0.1.
 *
 * Every file under `root` and `mounts` is served with `Cache-Control: no-cache` and an ETag (asked
 * about again before each use), compressed with brotli or gzip when the browser accepts it. The CDN
 * files (`<root>/dist/cdn/`) are also at `/cdn/<version>/`, `immutable` for a year: HTML pages under
 * `versionedPages` are served with their `/dist/cdn/` URLs pointing there and their canonical link
 * made absolute.
 * @param {object} [options]
 * @param {string} [options.root] directory served at `/` (default: the repository root)
 * @param {number} [options.port] port to listen on; `0` picks a free one. When the port is busy, a free one is used.
 * @param {Record<string, Record<string, string>>} [options.headers] URL path prefix → extra response headers (they win over the server's own, `Cache-Control` included)
 * @param {Record<string, string>} [options.mounts] URL path prefix (ending in `/`) → another directory to serve
 * @param {string[]} [options.versionedPages] URL path prefixes whose HTML pages get versioned CDN URLs and an absolute canonical link
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer({ root = repoRoot, port = 0, headers = defaultHeaders, mounts = {}, versionedPages = ['/demo/'] } = {}) {
  const rootDir = resolve(root);
  const mountDirs = Object.fromEntries(Object.entries(mounts).map(([prefix, dir]) => [prefix, resolve(dir)]));
  const cdn = cdnVersions(join(rootDir, cdnDir));
  // Only whole bodies: a 304 has none, and a compressed one would carry a Content-Encoding for nothing.
  const compress = compression({ filter: (req, res) => res.statusCode === 200 && compression.filter(req, res) });
  const files = new Map();
  /** sirv for one directory; it is handed only paths `locate` found, so it looks for nothing else. */
  const filesIn = (dir) => {
    if (!files.has(dir)) files.set(dir, sirv(dir, { dev: true, etag: true, extensions: [], dotfiles: false }));
    return files.get(dir);
  };
  let ownOrigin = 'http://127.0.0.1';

  async function serveVersioned(req, res, pathname) {
    const [, id, name] = versionPattern.exec(pathname) ?? [];
    const file = id && (await cdn.get(id))?.files.get(name);
    if (!file) {
      send(res, 404, 'Not found\n');
      return;
    }
    let encoding = 'identity';
    if (compressible(file.type)) {
      encoding = new Negotiator(req).encoding(['br', 'gzip', 'identity'], { preferred: ['br', 'gzip', 'identity'] }) ?? 'identity';
    }
    let body = file.body;
    if (encoding !== 'identity') {
      file.encoded[encoding] ??= encoders[encoding](file.body);
      body = await file.encoded[encoding];
    }
    respond(req, res, {
      'Content-Type': file.type,
      'Cache-Control': immutable,
      ETag: `"${file.tag}${encoding === 'identity' ? '' : `-${encoding}`}"`,
      ...(compressible(file.type) && { Vary: 'Accept-Encoding' }),
      ...(encoding !== 'identity' && { 'Content-Encoding': encoding }),
      // A CDN's files are fetched from other sites' pages, and module scripts are fetched with CORS.
      'Access-Control-Allow-Origin': '*',
      'X-Content-Type-Options': 'nosniff',
      ...headersFor(pathname, headers),
    }, body);
  }

  async function servePage(req, res, pathname, file, info, version) {
    const html = rewritePage(await readFile(file, 'utf8'), version, originOf(req, ownOrigin));
    const body = Buffer.from(html);
    respond(req, res, {
      'Content-Type': mimeTypes['.html'],
      'Cache-Control': revalidate,
      // Weak: the same page goes out compressed or not.
      ETag: `W/"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`,
      'Last-Modified': new Date(Math.max(info.mtimeMs, version?.modified.getTime() ?? 0)).toUTCString(),
      'X-Content-Type-Options': 'nosniff',
      ...headersFor(pathname, headers),
    }, body);
  }

  async function serveFile(req, res, pathname) {
    if (pathname === '/') {
      send(res, 302, 'Found\n', { Location: '/demo/' });
      return;
    }
    const found = await locate(pathname, rootDir, mountDirs);
    if (!found) {
      send(res, 404, 'Not found\n');
      return;
    }
    let { file, info } = found;
    if (info.isDirectory()) {
      if (!pathname.endsWith('/')) {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        send(res, 301, 'Moved permanently\n', { Location: url.pathname + '/' + url.search });
        return;
      }
      file = join(file, 'index.html');
      try {
        info = await stat(file);
      } catch {
        send(res, 404, 'Not found\n');
        return;
      }
    }
    if (!info.isFile()) {
      send(res, 404, 'Not found\n');
      return;
    }
    const type = typeOf(file);
    if (type === mimeTypes['.html'] && versionedPages.some((prefix) => pathname.startsWith(prefix))) {
      return servePage(req, res, pathname, file, info, await cdn.current());
    }
    const own = {
      'Content-Type': type,
      'Cache-Control': revalidate,
      'X-Content-Type-Options': 'nosniff',
      ...(pathname.startsWith(cdnPath) && { 'Access-Control-Allow-Origin': '*' }),
      ...headersFor(pathname, headers),
    };
    for (const [name, value] of Object.entries(own)) res.setHeader(name, value);
    // sirv gets the file `locate` found, as a path in its directory (it resolves index files and extensions itself otherwise).
    req.url = '/' + relative(found.base, file).split(sep).map(encodeURIComponent).join('/');
    filesIn(found.base)(req, res, () => send(res, 404, 'Not found\n'));
  }

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
        return;
      }
      let pathname;
      try {
        pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      } catch {
        send(res, 400, 'Bad request\n');
        return;
      }
      if (pathname.startsWith(versionedPath)) {
        await serveVersioned(req, res, pathname);
        return;
      }
      // A part of a file is sent as it is on disk: compressing it would make its byte range wrong.
      if (req.headers.range) delete req.headers['accept-encoding'];
      await new Promise((resolveCompress) => compress(req, res, resolveCompress));
      await serveFile(req, res, pathname);
    } catch {
      if (!res.headersSent) send(res, 500, 'Internal error\n');
      else res.destroy();
    }
  });

  const listen = (p) =>
    new Promise((resolveListen, rejectListen) => {
      const onError = (error) => {
        server.off('listening', onListening);
        rejectListen(error);
      };
      const onListening = () => {
        server.off('error', onError);
        resolveListen();
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(p, '127.0.0.1');
    });

  try {
    await listen(port);
  } catch (error) {
    if (error.code !== 'EADDRINUSE' || port === 0) throw error;
    await listen(0);
  }

  const actualPort = server.address().port;
  ownOrigin = `http://127.0.0.1:${actualPort}`;
  return {
    url: ownOrigin,
    port: actualPort,
    close: () =>
      new Promise((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const requested = process.env.PORT ? Number(process.env.PORT) : 8080;
  if (!Number.isInteger(requested) || requested < 0 || requested > 65535) {
    console.error(`PORT must be a port number, not "${process.env.PORT}".`);
    process.exit(1);
  }
  const { url, close } = await startServer({ port: requested });
  console.log(`gentle-widgets demo: ${url}/demo/`);
  const stop = () => close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
