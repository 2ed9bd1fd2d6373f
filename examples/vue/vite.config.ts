import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

/** The library's tags: Vue leaves them to the browser instead of looking for components of those names. */
const gentle = ['content-notice', 'journal-prompts', 'book-call-cta', 'related-stories'];

export default defineConfig({
  plugins: [
    vue({
      // Only these tags: `tag.includes('-')` would also take the app's own kebab-case components for custom elements.
      template: { compilerOptions: { isCustomElement: (tag) => gentle.includes(tag) } },
    }),
  ],
});
