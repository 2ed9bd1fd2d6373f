// Framework typings and editor data, generated from `custom-elements.json` by the maintained
// `custom-element-*-integration` generators, into `dist/frameworks/`:
//
//   jsx.d.ts, vue-elements.d.ts, svelte-elements.d.ts, solid-elements.d.ts
//                      what the generators write: one props type per element (attributes typed by their
//                      values, events as `on…` props, every description as JSDoc)
//   react.d.ts, vue.d.ts, svelte.d.ts, solid.d.ts
//                      what a project imports: each hands the generated types to its framework, and its
//                      `.js` registers all four elements, so one import both registers and types them
//   vscode.html-custom-data.json, vscode.css-custom-data.json, web-types.json
//                      completion of tags, attributes, slots, parts and custom properties in VS Code and
//                      JetBrains editors
//
// `npm run build` runs this after rollup (see `frameworkTypes()` in rollup.config.mjs); run alone:
// `node scripts/framework-types.mjs [outdir]`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';
import { customElementSveltePlugin } from 'custom-element-svelte-integration';
import { customElementSolidJsPlugin } from 'custom-element-solidjs-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';

const root = new URL('..', import.meta.url);
const readJson = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));

/**
 * The manifest as the generators need it. Our events are typed as the event (`CustomEvent<Detail>`),
 * as the manifest schema says; the generators wrap the type in `CustomEvent<…>` themselves and only
 * import a detail type that they find by component path, so each detail type becomes an import type
 * from the package's class entry, which exports every one of them.
 */
function forGenerators(manifest, exported) {
  const copy = structuredClone(manifest);
  for (const mod of copy.modules) {
    for (const declaration of mod.declarations ?? []) {
      for (const event of declaration.events ?? []) {
        const detail = event.type?.text.match(/^CustomEvent<(.+)>$/)?.[1] ?? 'unknown';
        event.type = { text: exported.has(detail) ? `import('../index.js').${detail}` : detail };
      }
    }
  }
  return copy;
}

/** What a project imports for each framework: the generated types handed to the framework's JSX or components. */
const adapters = {
  react: `import type { CustomElements } from './jsx.js';

export type { CustomElements, ScopedElements } from './jsx.js';

/** React 19 passes attributes and \`on<event>\` listeners to custom elements; these type them. */
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
`,
  vue: `export type { CustomElements } from './vue-elements.js';
`,
  svelte: `import type { CustomElements } from './svelte-elements.js';

export type { CustomElements } from './svelte-elements.js';

/**
 * The generator names listeners in the \`on:event\` form of Svelte 4; Svelte 5 writes them as
 * \`onevent\` attributes. Both are typed, from the same generated types.
 */
type WithEventAttributes<Props> = Props & {
  [Key in keyof Props as Key extends \`on:\${infer Event}\` ? \`on\${Event}\` : never]: Props[Key];
};
type SvelteElements = { [Tag in keyof CustomElements]: WithEventAttributes<CustomElements[Tag]> };

declare module 'svelte/elements' {
  interface SvelteHTMLElements extends SvelteElements {}
}
`,
  solid: `import type { CustomElements } from './solid-elements.js';

export type { CustomElements, ScopedElements } from './solid-elements.js';

declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
`,
};

/** Puts `lines` at the top of a generated file. */
function prepend(path, lines) {
  writeFileSync(path, `${lines}\n${readFileSync(path, 'utf8')}`);
}

/** Writes every typing and editor file into `outdir` (default `dist/frameworks`). */
export async function writeFrameworkTypes(outdir = 'dist/frameworks') {
  const pkg = readJson('package.json');
  const index = readFileSync(new URL('dist/index.d.ts', root), 'utf8');
  const exported = new Set([...index.matchAll(/\b([A-Z]\w+)\b/g)].map(([, name]) => name));
  const manifest = forGenerators(readJson('custom-elements.json'), exported);
  const docs = (name, tag) => ({ name: `<${tag}> in the README`, url: `${pkg.homepage}#${tag}` });
  const common = { outdir, hideLogs: true };
  // Vue reads a listener `@content-notice-reveal` as the prop `onContentNoticeReveal`, and the generator
  // names each listener prop `on` + the event's name: so the Vue generator is given the names in that
  // case (its element descriptions would then list them so, hence `hideEventDocs`; each prop keeps its
  // own description).
  const vueManifest = structuredClone(manifest);
  for (const mod of vueManifest.modules) {
    for (const declaration of mod.declarations ?? []) {
      for (const event of declaration.events ?? []) {
        event.name = event.name.replace(/(?:^|-)([a-z])/g, (_, letter) => letter.toUpperCase());
      }
    }
  }
  /** Each generator, with the manifest it reads. */
  const generators = [
    [customElementJsxPlugin({ ...common, fileName: 'jsx.d.ts' }), manifest],
    [customElementVuejsPlugin({ ...common, fileName: 'vue-elements.d.ts', hideEventDocs: true }), vueManifest],
    [customElementSveltePlugin({ ...common, fileName: 'svelte-elements.d.ts' }), manifest],
    [customElementSolidJsPlugin({ ...common, fileName: 'solid-elements.d.ts' }), manifest],
    [customElementVsCodePlugin({ ...common, referencesTemplate: (name, tag) => [docs(name, tag)] }), manifest],
    [customElementJetBrainsPlugin({ ...common, packageJson: false, referencesTemplate: docs }), manifest],
  ];
  mkdirSync(outdir, { recursive: true });
  // Some generators announce each file they write even with `hideLogs`; a build prints nothing.
  const log = console.log;
  console.log = () => {};
  try {
    for (const [generator, input] of generators) {
      // Each generator adds its own fields to the manifest it is given, so each gets its own copy.
      await generator.packageLinkPhase({ customElementsManifest: structuredClone(input) });
    }
  } finally {
    console.log = log;
  }
  // The Solid generator names each element's class (for `use:` directives and `on:` listeners) but
  // imports the classes only when told a path, and with a path it types every attribute as a class
  // field, which label attributes are not. So the classes are imported here, from the class entry.
  const classes = manifest.modules.flatMap((mod) => mod.declarations ?? []).filter((d) => d.customElement && d.tagName);
  prepend(join(outdir, 'solid-elements.d.ts'), `import type { ${classes.map((d) => d.name).join(', ')} } from '../index.js';`);
  // The Svelte generator's base props name Solid's `JSX.Element` (children) and `JSX.CSSProperties`
  // (style), which do not exist in a Svelte project; they get Svelte's own meanings here.
  prepend(
    join(outdir, 'svelte-elements.d.ts'),
    "declare namespace JSX {\n  type Element = import('svelte').Snippet;\n  type CSSProperties = string;\n}",
  );
  for (const [name, types] of Object.entries(adapters)) {
    writeFileSync(join(outdir, `${name}.d.ts`), types);
    writeFileSync(join(outdir, `${name}.js`), `// Registers all four elements; ${name}.d.ts types them.\nimport '../all.js';\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await writeFrameworkTypes(process.argv[2]);
