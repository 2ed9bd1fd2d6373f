import type { StorybookConfig } from '@storybook/web-components-vite';
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PresetValue, ServerApp } from 'storybook/internal/types';
import type { Plugin, ViteDevServer } from 'vite';

/** The article story is demo/index.html; its images and story links live under /demo/. */
const demo = { from: '../demo', to: '/demo' };

/**
 * package.json's `sideEffects` names only the built registration files (`dist/…`), so the bundler
 * drops `import '../src/content-notice.js'` from the stories as "unused" and the element is never
 * defined. The source registration entries (`src/<tag>.ts`, `src/all.ts`) do register, by design.
 */
const registrationEntries: Plugin = {
  name: 'gentle-widgets:registration-entries',
  transform: {
    filter: { id: /[\\/]src[\\/][a-z-]+\.ts$/ },
    handler: (code) => ({ code, map: null, moduleSideEffects: true }),
  },
};

/**
 * The dev server answers `staticDirs` before Vite, so `import '../demo/x.css?inline'` in a story
 * (fetched as `/demo/x.css?inline`) came back as plain CSS and the story failed to load. Module requests
 * under /demo/ go to Vite first; pages, images and stylesheets stay static, as in the build.
 * `experimental_devServer` is main.ts's one hook that runs before the static dirs; should it go,
 * test/e2e/storybook-dev.mjs fails.
 */
let devServer: ViteDevServer | undefined;
const captureDevServer: Plugin = {
  name: 'gentle-widgets:capture-dev-server',
  apply: 'serve',
  configureServer: (server) => {
    devServer = server;
  },
};

/** Fetched as a module, or carrying one of Vite's import queries (`?inline`, `?raw`, `?import`…). */
const isModuleRequest = (url: string, dest: string | string[] | undefined) =>
  dest === 'script' || /[?&](?:import|inline|raw|url|worker|sharedworker)(?:[=&]|$)/.test(url);

const demoModulesToVite = (app: ServerApp) =>
  app.use((req, res, next) => {
    const url = req.url ?? '';
    if (devServer && url.startsWith(`${demo.to}/`) && isModuleRequest(url, req.headers['sec-fetch-dest'])) {
      devServer.middlewares(req, res, next);
    } else {
      next();
    }
  });

/**
 * The dev server's static dirs answer files only, never a directory's index.html, so the stand-in
 * scheduler (demo/scheduler/discovery-call/embed/index.html, which `<book-call-cta provider="cal">`
 * loads as `…/embed?embed=&embedType=…`) was a 404 there. Here a directory under /demo/ is answered
 * as scripts/serve.mjs answers it (`npm start`, and the built Storybook in its check): without its
 * trailing slash, a redirect to it; with it, its index.html.
 */
const demoDir = fileURLToPath(new URL('../demo/', import.meta.url));
const demoDirectoryIndex = (app: ServerApp) =>
  app.use((req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(`${demo.to}/`)) return next();
    let dir: string;
    try {
      dir = resolve(demoDir, `.${decodeURIComponent(url.pathname.slice(demo.to.length))}`);
    } catch {
      return next();
    }
    if (!(dir + sep).startsWith(demoDir) || !existsSync(join(dir, 'index.html'))) return next();
    if (!url.pathname.endsWith('/')) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    req.url = `${url.pathname}index.html${url.search}`;
    next();
  });

// `experimental_devServer` is a preset property main.ts's type does not list yet.
const config: StorybookConfig & { experimental_devServer?: PresetValue<ServerApp> } = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  staticDirs: [demo],
  experimental_devServer: (app) => demoDirectoryIndex(demoModulesToVite(app)),
  viteFinal: (vite) => ({
    ...vite,
    plugins: [...(vite.plugins ?? []), registrationEntries, captureDevServer],
    // Warnings only: the per-file size table drowns them in `npm test`'s log.
    logLevel: 'warn',
    // The framework's renderer imports `lit/directive-helpers.js`; unless it is pre-bundled with
    // `lit`, the dev server serves a second copy of lit-html ("Multiple versions of Lit loaded").
    optimizeDeps: {
      ...vite.optimizeDeps,
      include: [...(vite.optimizeDeps?.include ?? []), 'lit', 'lit/directive-helpers.js', 'lit/directives/if-defined.js', 'lit/static-html.js'],
    },
    build: {
      ...vite.build,
      // Storybook's own docs renderer is ~1 MB minified; our stories are a few kB.
      chunkSizeWarningLimit: 1500,
      reportCompressedSize: false,
    },
  }),
};
export default config;
