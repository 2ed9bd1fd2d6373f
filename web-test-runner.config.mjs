import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter } from '@web/test-runner';
import { plainSummaryReporter } from './test/wtr-summary-reporter.mjs';
import { readFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';

/**
 * Feeds no file can be: one that never answers (`<related-stories>`' timeout), one that never ends (its
 * size cap; 64 KB chunks, 8 MB in all, stopped early when the reader cancels), and a heavy one streamed
 * without a length.
 */
function feedServers(ctx, next) {
  if (ctx.path === '/test/feeds/hang') {
    ctx.type = 'application/rss+xml';
    ctx.body = new PassThrough();
    return undefined;
  }
  if (ctx.path === '/test/feeds/huge') {
    const chunk = Buffer.alloc(65536, '<item><title>x</title></item>\n');
    let sent = 0;
    ctx.type = 'application/rss+xml';
    ctx.body = new Readable({ read() { this.push(sent++ < 128 ? chunk : null); } });
    return undefined;
  }
  if (ctx.path === '/test/feeds/heavy') {
    // One story and 1.1 MB of words, streamed without a length.
    ctx.type = 'application/rss+xml';
    ctx.body = Readable.from([
      '<rss><channel><item><title>Heavy</title><link>https://stories.example/heavy</link><description>',
      'Calm words. '.repeat(91667),
      '</description></item></channel></rss>',
    ]);
    return undefined;
  }
  if (ctx.path === '/test/feeds/wordpress-400') {
    // What WordPress answers to per_page=1000: a 400 with its reason in JSON (the captured body).
    ctx.status = 400;
    ctx.type = 'application/json';
    ctx.body = readFileSync('test/fixtures/wordpress/error-per-page-1000.json');
    return undefined;
  }
  if (ctx.path === '/test/feeds/missing-image') {
    ctx.type = 'application/feed+json';
    ctx.body = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      items: [{ url: '/stories/gone', title: 'Its image is gone', image: '/test/feeds/no-such-image.png' }],
    });
    return undefined;
  }
  return next();
}

export default {
  files: ['test/**/*.test.ts', '!test/e2e/**'],
  nodeResolve: true,
  middleware: [feedServers],
  rootDir: '.',
  // Without the tsconfig, esbuild emits standard decorators and Lit rejects them.
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findChromium(), headless: true, args: chromiumArgs },
    }),
  ],
  // Tests run Lit's development build on purpose (stricter checks); its banner is noise.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testFramework: { config: { timeout: 5000 } },
  reporters: [defaultReporter(), plainSummaryReporter()],
  coverageConfig: {
    include: ['src/**/*.ts'],
    threshold: { statements: 90, branches: 80, functions: 90, lines: 90 },
  },
};
