// `npm run bench`: what each part of the CDN bundle costs, in bytes (raw, gzip, brotli) — ratios, not timings.
// Builds, with the CDN build's own plugins, into a temporary directory:
//   lit           Lit alone (with the library's Trusted Types policy it is rewired to), one no-op element
//   lit + shared  Lit and every module of src/shared, with one no-op element (the baseline)
//   <tag>         src/<tag>.ts for each element rollup.config.mjs lists
//   all (CDN)     src/all.ts, as dist/cdn/gentle-widgets.js
// and prints each element's own share (its bundle minus the baseline). `--json` prints JSON instead.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import typescript from '@rollup/plugin-typescript';
import rollupConfig, { elements } from '../rollup.config.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const json = process.argv.includes('--json');

// The CDN build's own plugin instances (resolve, Trusted Types rewiring, evaluate-once guard, terser with
// its options…), so these numbers follow every change to that build. Only the TypeScript plugin is made
// anew, to write into the temporary directory; the stylesheet asset is left out.
const cdnConfig = [rollupConfig].flat().find((config) => String(config.output?.file).endsWith('cdn/gentle-widgets.js'));
const cdnPlugins = (cdnConfig?.plugins ?? []).filter(Boolean);
for (const name of ['typescript', 'terser', 'gentle-widgets-trusted-types', 'gentle-widgets-evaluate-once']) {
  if (!cdnPlugins.some((plugin) => plugin.name === name)) {
    throw new Error(`rollup.config.mjs: the CDN build has no "${name}" plugin any more; update scripts/bench.mjs.`);
  }
}
const pluginsFor = (outDir) =>
  cdnPlugins
    .filter((plugin) => plugin.name !== 'gentle-widgets-css')
    .map((plugin) =>
      plugin.name === 'typescript'
        ? typescript({ tsconfig: join(root, 'tsconfig.json'), outDir, declaration: false, declarationMap: false, sourceMap: false })
        : plugin,
    );

const src = (path) => JSON.stringify(join(root, 'src', path));
const sharedModules = readdirSync(join(root, 'src/shared'))
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.includes('.test.'))
  .sort();

/** Entry code per bundle. Each registers something so tree-shaking cannot drop the code being measured. */
const entries = {
  lit: `import { LitElement, html, css } from 'lit';
class BenchElement extends LitElement { static styles = css\`:host { display: block }\`; render() { return html\`<slot></slot>\`; } }
customElements.define('bench-element', BenchElement);`,
  'lit + shared': `import { html } from 'lit';
${sharedModules.map((file, i) => `import * as shared${i} from ${src(`shared/${file}`)};`).join('\n')}
import { GentleElement } from ${src('shared/base.ts')};
globalThis[Symbol.for('gentle-bench')] = [${sharedModules.map((_, i) => `shared${i}`).join(', ')}];
class BenchElement extends GentleElement { render() { return html\`<slot></slot>\`; } }
BenchElement.define('bench-element');`,
  ...Object.fromEntries(elements.map((tag) => [tag, `import ${src(`${tag}.ts`)};`])),
  'all (CDN)': `import ${src('all.ts')};`,
};

const slug = (name) => name.replace(/\W+/g, '-');

async function build(name, outDir) {
  // The entry is served from memory as if it lived in the project root, so that `lit` resolves.
  const id = join(root, `.bench-entry-${slug(name)}.js`);
  const warnings = [];
  const bundle = await rollup({
    input: id,
    onwarn: (warning) => warnings.push(warning.message),
    plugins: [
      {
        name: 'bench-entry',
        resolveId: (source) => (source === id ? id : null),
        load: (loading) => (loading === id ? entries[name] : null),
      },
      ...pluginsFor(outDir),
    ],
  });
  const file = join(outDir, `${slug(name)}.js`);
  await bundle.write({ file, format: 'es', sourcemap: false });
  await bundle.close();
  for (const warning of warnings) console.warn(`${name}: ${warning}`);
  const code = readFileSync(file);
  return {
    raw: statSync(file).size,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const minus = (a, b) => ({ gzip: a.gzip - b.gzip, brotli: a.brotli - b.brotli });
const percent = (part, whole) => `${((100 * part) / whole).toFixed(0)}%`.padStart(6);

async function main() {
  const outDir = mkdtempSync(join(tmpdir(), 'gentle-bench-'));
  const sizes = {};
  try {
    for (const name of Object.keys(entries)) sizes[name] = await build(name, outDir);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }

  const baseline = sizes['lit + shared'];
  const all = sizes['all (CDN)'];
  const shares = {
    Lit: { gzip: sizes.lit.gzip, brotli: sizes.lit.brotli },
    'src/shared': minus(baseline, sizes.lit),
    ...Object.fromEntries(elements.map((tag) => [`<${tag}>`, minus(sizes[tag], baseline)])),
  };

  if (json) {
    console.log(JSON.stringify({ bundles: sizes, shares }, null, 2));
    return;
  }
  const width = Math.max(...[...Object.keys(sizes), ...Object.keys(shares)].map((name) => name.length));
  const num = (n) => String(n).padStart(8);
  console.log(`\n${'bundle'.padEnd(width)}      raw     gzip   brotli`);
  for (const [name, size] of Object.entries(sizes)) {
    console.log(`${name.padEnd(width)} ${num(size.raw)} ${num(size.gzip)} ${num(size.brotli)}`);
  }
  console.log(`\n${'share'.padEnd(width)}     gzip   brotli  of CDN (brotli)`);
  for (const [name, share] of Object.entries(shares)) {
    console.log(`${name.padEnd(width)} ${num(share.gzip)} ${num(share.brotli)}  ${percent(share.brotli, all.brotli)}`);
  }
  console.log('\nAn element\'s share is its bundle minus "lit + shared"; shares overlap where elements share code.');
}

await main();
