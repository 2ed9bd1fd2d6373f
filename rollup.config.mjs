import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve, sep } from 'node:path';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** Elements with a registering entry `src/<tag>.ts` → `dist/<tag>.js`. */
export const elements = ['content-notice', 'journal-prompts', 'book-call-cta', 'related-stories'];

const npmInputs = {
  index: 'src/index.ts',
  all: 'src/all.ts',
  ...Object.fromEntries(elements.map((tag) => [tag, `src/${tag}.ts`])),
};

const terserOptions = { ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } };
const policyModule = fileURLToPath(new URL('./src/shared/trusted-types.ts', import.meta.url));

/**
 * Lit creates a Trusted Types policy named `lit-html` when its module is evaluated. A host that runs
 * its own Lit already owns that name, and a second `createPolicy('lit-html')` throws under strict
 * CSP, so the bundled copy of Lit is rewired to the library's single `gentle-widgets` policy.
 */
export function ownTrustedTypesPolicy() {
  const pattern = /(\w+)\?\1\.createPolicy\("lit-html",\{createHTML:(\w+)=>\2\}\):void 0/;
  return {
    name: 'gentle-widgets-trusted-types',
    transform(code, id) {
      if (!/[\\/]lit-html[\\/]lit-html\.js$/.test(id)) return null;
      if (!pattern.test(code)) {
        this.error('lit-html changed: its Trusted Types policy could not be rewired (see rollup.config.mjs).');
      }
      return {
        code:
          `import { trustedPolicy as __gentlePolicy } from ${JSON.stringify(policyModule)};\n` +
          code.replace(pattern, '__gentlePolicy()'),
        map: null,
      };
    },
  };
}

/**
 * Lit's production build still carries what this library never uses, and the CDN bundle's private copy
 * of Lit drops it (about 650 bytes brotli that no reader used):
 * - hooks for the Shadow DOM polyfills and for hydrating server-rendered HTML, and the lists of loaded
 *   Lit versions on `globalThis` (which would make a host's own Lit warn about "multiple versions"
 *   because of our private copy);
 * - long messages for errors only a Lit author can cause (each error stays, with one word);
 * - the `<style>` fallback for browsers without `adoptedStyleSheets`: every browser that runs the bundle
 *   (ES2022 with static blocks, `color-mix()`) has them;
 * - reactive controllers, class initializers and decorator metadata (no decorators, no controllers here);
 * - `Object` and `Array` attribute converters (every property here is a string, a boolean or a number),
 *   and directives: resolving them, and telling async ones of the host's connection (no directives here);
 * - `svg` and `mathml` templates (every template here is `html`).
 * Each edit must match exactly as often as stated; a Lit release that changes them stops the build
 * here, and the end-to-end tests run the bundle that results.
 */
export function trimLit() {
  const edits = [
    [/[\\/]lit-html[\\/]lit-html\.js$/, /,(\w+)=(\w+)\.litHtmlPolyfillSupport;\1\?\.\([\w$]+,[\w$]+\),\(\2\.litHtmlVersions\?\?=\[\]\)\.push\("[^"]+"\);/, ';'],
    [/[\\/]lit-html[\\/]lit-html\.js$/, /Error\("invalid template strings array"\)/, 'Error("html")'],
    [/[\\/]css-tag\.js$/, /Error\("CSSResult is not constructable[^"]*"\)/, 'Error("css")'],
    [/[\\/]css-tag\.js$/, /Error\("Value passed to 'css' function[^)]*security\."\)/, 'Error("css")'],
    [/[\\/]reactive-element[\\/]reactive-element\.js$/, /,(\w+)=\w+\.reactiveElementPolyfillSupport(,[\s\S]*),\1\?\.\(\{ReactiveElement:\w+\}\),\(\w+\.reactiveElementVersions\?\?=\[\]\)\.push\("[^"]+"\)/, '$2'],
    [/[\\/]lit-element[\\/]lit-element\.js$/, /,(\w+)\.litElementHydrateSupport\?\.\(\{LitElement:\w+\}\);const (\w+)=\1\.litElementPolyfillSupport;\2\?\.\(\{LitElement:\w+\}\);/, ';'],
    [/[\\/]lit-element[\\/]lit-element\.js$/, /\(\w+\.litElementVersions\?\?=\[\]\)\.push\("[^"]+"\);/, ''],
    // No <style> fallback: adoptedStyleSheets everywhere the bundle runs.
    [/[\\/]css-tag\.js$/, /\{if\(\w\)(\w)\.adoptedStyleSheets=([^;]+?);else for\(const \w+ of \w+\)\{[^}]*\}\}/, '{$1.adoptedStyleSheets=$2}'],
    [/[\\/]css-tag\.js$/, /=\w\?(\w)=>\1:\w=>\w instanceof CSSStyleSheet\?\(\w=>\{[^}]*\}\)\(\w\):\w([,;])/, '=t=>t$2'],
    // No reactive controllers.
    [/[\\/]reactive-element[\\/]reactive-element\.js$/, /addController\(\w\)\{[^}]*\}removeController\(\w\)\{[^}]*\}/, ''],
    [/[\\/]reactive-element[\\/]reactive-element\.js$/, /this\._\$EO\?\.forEach\(\w=>\w\.host\w+\?\.\(\)\)/, 'void 0', 4],
    // No class initializers, no decorator metadata.
    [/[\\/]reactive-element[\\/]reactive-element\.js$/, /static addInitializer\(\w\)\{[^}]*\}/, ''],
    [/[\\/]reactive-element[\\/]reactive-element\.js$/, /,this\.constructor\.l\?\.forEach\(\w=>\w\(this\)\)/, ''],
    [/[\\/]reactive-element[\\/]reactive-element\.js$/, /void 0!==(\w)\.l&&\(this\.l=\[\.\.\.\1\.l\]\),/, ''],
    [/[\\/]reactive-element[\\/]reactive-element\.js$/, /Symbol\.metadata\?\?=Symbol\("metadata"\),\w+\.litPropertyMetadata\?\?=new WeakMap;/, ''],
    [/[\\/]reactive-element[\\/]reactive-element\.js$/, /const (\w)=this\[Symbol\.metadata\];if\(null!==\1\)\{const (\w)=litPropertyMetadata\.get\(\1\);if\(void 0!==\2\)for\(const\[\w,\w\]of \2\)this\.elementProperties\.set\(\w,\w\)\}/, ''],
    // No Object or Array properties: every property here is a string, a boolean or a number.
    [/[\\/]reactive-element[\\/]reactive-element\.js$/, /;break;case Object:case Array:\w=null==\w\?\w:JSON\.stringify\(\w\)/, ''],
    [/[\\/]reactive-element[\\/]reactive-element\.js$/, /;break;case Object:case Array:try\{\w=JSON\.parse\(\w\)\}catch\(\w\)\{\w=null\}/, ''],
    // No async directives, so nothing to tell of the host's connection.
    [/[\\/]lit-element[\\/]lit-element\.js$/, /connectedCallback\(\)\{super\.connectedCallback\(\),this\._\$Do\?\.setConnected\(!0\)\}disconnectedCallback\(\)\{super\.disconnectedCallback\(\),this\._\$Do\?\.setConnected\(!1\)\}/, ''],
    [/[\\/]lit-html[\\/]lit-html\.js$/, /setConnected\(\w\)\{void 0===this\._\$AM&&\(this\._\$Cv=\w,this\._\$AP\?\.\(\w\)\)\}/, ''],
    // No directives: a value is rendered as it is.
    [/[\\/]lit-html[\\/]lit-html\.js$/, /function (\w)\(\w,(\w),\w=\w,\w\)\{if\(\2===\w\)return \2;let [^{}]*_\$litDirective\$[^{}]*,\2\}(?=class )/, 'function $1(t,$2){return $2}'],
    // html templates only.
    [/[\\/]lit-html[\\/]lit-html\.js$/, /=2===\w\?"<svg>":3===\w\?"<math>":""/, '=""'],
    [/[\\/]lit-html[\\/]lit-html\.js$/, /\+\(2===\w\?"<\/svg>":3===\w\?"<\/math>":""\)/, ''],
    [/[\\/]lit-html[\\/]lit-html\.js$/, /,2===\w\|\|3===\w\)\{const (\w)=this\.el\.content\.firstChild;\1\.replaceWith\(\.\.\.\1\.childNodes\)\}/, ')'],
  ];
  return {
    name: 'gentle-widgets-trim-lit',
    transform(code, id) {
      const mine = edits.filter(([file]) => file.test(id));
      if (!mine.length) return null;
      for (const [, pattern, replacement, times = 1] of mine) {
        const all = new RegExp(pattern.source, 'g');
        const count = code.match(all)?.length ?? 0;
        if (count !== times) this.error(`Lit changed: ${pattern} matched ${count} times in ${id}, not ${times} (see trimLit in rollup.config.mjs).`);
        code = code.replace(all, replacement);
      }
      return { code, map: null };
    },
  };
}

/**
 * Wraps the CDN bundle so that it runs once per page: a second copy (another URL, another version)
 * warns and stops before evaluating anything, so Lit never creates a second policy or registry entry.
 * Imported where there is no DOM (server-side rendering), it does nothing and throws nothing.
 */
export function evaluateOnce(version) {
  return {
    name: 'gentle-widgets-evaluate-once',
    renderChunk(code, chunk) {
      if (chunk.exports.length) this.error('The CDN bundle must not export anything.');
      const guard =
        'const k=Symbol.for("gentle-widgets"),g=globalThis;' +
        `if(g[k])console.warn("gentle-widgets ${version}: the page loads the library twice; version "+g[k]+" already runs, so this copy does nothing. Remove one script tag.");` +
        // Without a DOM (a server rendering the page imports it), there is nothing to upgrade.
        `else if(g.document){g[k]=${JSON.stringify(version)};(()=>{\n${code}\n})()}`;
      return { code: guard, map: null };
    },
  };
}

/** Drops comments and white space from CSS; keeps every rule as written. */
export const collapseCss = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .replace(/\s*!important/g, '!important')
    .replace(/([\s:,(])0\.(\d)/g, '$1.$2')
    .replace(/='([\w-]+)'\]/g, '=$1]')
    .trim();

/**
 * Collapses the white space of the library's own `css` and `html` templates, which terser leaves
 * alone. Only runs of white space go (none of our templates holds preformatted text), plus the
 * spaces around CSS punctuation and between tags.
 */
export function minifyTemplates() {
  const collapseHtml = (text) => text.replace(/>\s+</g, '><').replace(/\s+/g, ' ');
  return {
    name: 'gentle-widgets-minify-templates',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id)) return null;
      const out = code
        .replace(/\bcss\s*`([^`$]*)`/g, (_, body) => `css\`${collapseCss(body)}\``)
        .replace(/\bhtml\s*`([^`]*)`/g, (_, body) => `html\`${collapseHtml(body)}\``);
      return { code: out, map: null };
    },
  };
}

/** The CDN build's file of feed parsers, beside the bundle. */
export const feedsFile = 'gentle-widgets-feeds.js';

/** Languages whose strings load on demand, each from its own file (`src/locales/<lang>.ts`). */
export const locales = ['de', 'nl', 'fr', 'es'];

/**
 * Modules the elements import only when a page needs them, and the file each becomes beside the CDN
 * bundle: the feed parsers (a `<related-stories>` with `src`), the warnings (something on the page
 * is wrong), the notice's quick exit (a page with `exit-href`), the journal's Copy, Download and Print
 * (a reader who writes), its lock (a reader who locks or unlocks), what a booking frame
 * needs (a reader who opens one) and the strings of each language but English (a page that speaks it).
 */
export const onDemandFiles = {
  'related-stories/sources/index.ts': feedsFile,
  'shared/warnings.ts': 'gentle-widgets-warnings.js',
  'content-notice/quick-exit.ts': 'gentle-widgets-exit.js',
  'journal-prompts/export.ts': 'gentle-widgets-export.js',
  'journal-prompts/lock.ts': 'gentle-widgets-lock.js',
  'book-call-cta/scheduler.ts': 'gentle-widgets-scheduler.js',
  ...Object.fromEntries(locales.map((lang) => [`locales/${lang}.ts`, `gentle-widgets-${lang}.js`])),
};

/**
 * In the CDN bundle, each `import()` of an on-demand module becomes an import of its file beside the
 * bundle (built by the last two configs), resolved from the bundle's own URL. The files are
 * self-contained (the feed parsers share the library's Trusted Types policy through `globalThis`), so
 * the bundle still exports nothing.
 */
export function onDemand() {
  return {
    name: 'gentle-widgets-on-demand',
    resolveDynamicImport(specifier, importer) {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return null;
      const path = resolve(dirname(importer), specifier).replace(/\.js$/, '.ts').split(sep).join('/');
      const module = Object.keys(onDemandFiles).find((key) => path.endsWith(`/src/${key}`));
      return module ? { id: `./${onDemandFiles[module]}`, external: true } : null;
    },
  };
}

/** Empties `dist/` before the first build writes to it: rollup never removes chunks of earlier builds. */
function emptyDist() {
  return {
    name: 'gentle-widgets-empty-dist',
    buildStart() {
      rmSync('dist', { recursive: true, force: true });
    },
  };
}

/** Emits the pre-upgrade stylesheet, minified, next to the CDN bundle. */
function preUpgradeStylesheet() {
  return {
    name: 'gentle-widgets-css',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'gentle-widgets.css', source: collapseCss(readFileSync('src/gentle-widgets.css', 'utf8')) });
    },
  };
}

/**
 * TypeScript declares every source file, but a user's compiler only ever reads the declarations that
 * the entries' declarations lead to (the `exports` map forbids importing anything else). The rest
 * (the CDN entry's, the stylesheets', modules whose types no entry mentions) are dropped so the
 * package ships nothing that nothing uses.
 */
function pruneDeclarations() {
  return {
    name: 'gentle-widgets-prune-declarations',
    generateBundle(_, bundle) {
      const declarations = Object.keys(bundle).filter((name) => name.endsWith('.d.ts'));
      const reached = new Set();
      const visit = (name) => {
        if (reached.has(name) || !bundle[name]) return;
        reached.add(name);
        const text = String(bundle[name].source);
        for (const [, specifier] of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) {
          visit(join(dirname(name), specifier).split(sep).join('/').replace(/\.js$/, '.d.ts'));
        }
      };
      for (const entry of Object.keys(npmInputs)) visit(`${entry}.d.ts`);
      for (const name of declarations) if (!reached.has(name)) delete bundle[name];
    },
  };
}

/** Generates the framework typings and editor data from the manifest once the declarations are written. */
function frameworkTypes() {
  return {
    name: 'gentle-widgets-framework-types',
    async writeBundle() {
      const { writeFrameworkTypes } = await import('./scripts/framework-types.mjs');
      await writeFrameworkTypes('dist/frameworks');
    },
  };
}

export default [
  // npm: ESM, one file per source module (`dist/` mirrors `src/`, so the manifest's paths and the
  // declarations name shipped files), Lit external, declarations beside the JS, source maps that carry
  // their sources.
  {
    input: npmInputs,
    external: [/^lit(\/.*)?$/, /^@lit\//, /^lit-html(\/.*)?$/, /^lit-element(\/.*)?$/],
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: '[name].js',
    },
    plugins: [
      emptyDist(),
      typescript({
        tsconfig: './tsconfig.json',
        outDir: 'dist',
        declaration: true,
        declarationMap: false,
        inlineSources: true,
      }),
      pruneDeclarations(),
      frameworkTypes(),
    ],
  },
  // CDN: one minified module, Lit included, registers every element, evaluates once per page.
  {
    input: 'src/cdn.ts',
    output: { file: 'dist/cdn/gentle-widgets.js', format: 'es', sourcemap: false },
    plugins: [
      nodeResolve(),
      ownTrustedTypesPolicy(),
      trimLit(),
      onDemand(),
      minifyTemplates(),
      typescript({ tsconfig: './tsconfig.json', outDir: 'dist/cdn', declaration: false, declarationMap: false, sourceMap: false }),
      evaluateOnce(pkg.version),
      terser(terserOptions),
      preUpgradeStylesheet(),
    ],
  },
  // CDN: the feed parsers `<related-stories>` loads when it reads a feed.
  {
    input: 'src/related-stories/sources/index.ts',
    output: { file: `dist/cdn/${feedsFile}`, format: 'es', sourcemap: false },
    plugins: [
      typescript({ tsconfig: './tsconfig.json', outDir: 'dist/cdn', declaration: false, declarationMap: false, sourceMap: false }),
      terser(terserOptions),
    ],
  },
  // CDN: the warnings, the notice's quick exit, the journal's export code and lock, the booking frame's code, one file per language but English.
  {
    input: {
      warnings: 'src/shared/warnings.ts',
      exit: 'src/content-notice/quick-exit.ts',
      export: 'src/journal-prompts/export.ts',
      lock: 'src/journal-prompts/lock.ts',
      scheduler: 'src/book-call-cta/scheduler.ts',
      ...Object.fromEntries(locales.map((lang) => [lang, `src/locales/${lang}.ts`])),
    },
    output: { dir: 'dist/cdn', format: 'es', sourcemap: false, entryFileNames: 'gentle-widgets-[name].js' },
    plugins: [
      typescript({ tsconfig: './tsconfig.json', outDir: 'dist/cdn', declaration: false, declarationMap: false, sourceMap: false }),
      terser(terserOptions),
    ],
  },
];
