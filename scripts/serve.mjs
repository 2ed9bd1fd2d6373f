// A tiny read-only static server for the demo and the e2e tests. No dependencies: node:http only.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The policy the demo is served with: it proves the library works on strict hosts. */
export const demoCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "require-trusted-types-for 'script'; trusted-types gentle-widgets lit-html";

/** Response headers per path prefix the `npm start` server uses. */
export const defaultHeaders = { '/demo/': { 'Content-Security-Policy': demoCsp } };

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
    const real = await realpath(candidate);
    if (!inside(await realpath(base), real)) return null;
    return { file: real, info: await stat(real) };
  } catch {
    return null;
  }
}

function send(res, status, body, extra = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

/**
 * Starts the server on 127.0.0.1.
 * @param {object} [options]
 * @param {string} [options.root] directory served at `/` (default: the repository root)
 * @param {number} [options.port] port to listen on; `0` picks a free one. When the port is busy, a free one is used.
 * @param {Record<string, Record<string, string>>} [options.headers] URL path prefix → extra response headers
 * @param {Record<string, string>} [options.mounts] URL path prefix (ending in `/`) → another directory to serve
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer({ root = repoRoot, port = 0, headers = defaultHeaders, mounts = {} } = {}) {
  const rootDir = resolve(root);
  const mountDirs = Object.fromEntries(Object.entries(mounts).map(([prefix, dir]) => [prefix, resolve(dir)]));

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
        return;
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let pathname;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        send(res, 400, 'Bad request\n');
        return;
      }
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
      res.writeHead(200, {
        'Content-Type': mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...headersFor(pathname, headers),
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
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
  return {
    url: `http://127.0.0.1:${actualPort}`,
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
