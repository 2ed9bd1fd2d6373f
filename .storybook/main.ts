import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

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

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The article story is demo/index.html; its images and story links live under /demo/.
  staticDirs: [{ from: '../demo', to: '/demo' }],
  viteFinal: (vite) => ({
    ...vite,
    plugins: [...(vite.plugins ?? []), registrationEntries],
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
