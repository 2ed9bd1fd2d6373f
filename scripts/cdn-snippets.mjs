// The CDN snippets we publish carry Subresource Integrity: each `<script>` or `<link>` that loads a file of
// `dist/cdn/` from jsDelivr names the package's version and the file's SHA-384, so a browser refuses a
// file that is not the one we built. This keeps every snippet in step with the build:
//
//   node scripts/cdn-snippets.mjs --check   fails (listing each stale tag) if a hash or version is stale
//   node scripts/cdn-snippets.mjs           rewrites them (`npm run snippets` builds first)
//
// Hashes are of the files as built here; rollup and terser are pinned, so a build elsewhere is the same.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sri } from './sri.mjs';
import { onDemandFiles } from '../rollup.config.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Every file that shows a CDN snippet. */
export const snippetFiles = ['README.md', 'stories/embedding.mdx', '.storybook/embed.ts', 'examples/html-cdn/index.html'];

const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const tagPattern = /<(script|link)\b[^>]*?\b(?:src|href)="https:\/\/cdn\.jsdelivr\.net\/npm\/gentle-widgets@([^/"]+)\/dist\/cdn\/([^"]+)"[^>]*>/g;

/** An entry of an import map's `integrity`: the file's URL and its hash. */
const importMapPattern = /"https:\/\/cdn\.jsdelivr\.net\/npm\/gentle-widgets@([^/"]+)\/dist\/cdn\/([^"]+)": "[^"]*"/g;

/** The tag as it should be: this version, this file's hash, `crossorigin` (SRI needs a CORS request). */
function fixTag(tag, file) {
  const integrity = sri(`${root}dist/cdn/${file}`);
  return tag
    .replace(/\s+(?:integrity|crossorigin)(?:="[^"]*")?/g, '')
    .replace(/gentle-widgets@[^/"]+\/dist\/cdn\//, `gentle-widgets@${version}/dist/cdn/`)
    .replace(/((?:src|href)="[^"]+")/, `$1 integrity="${integrity}" crossorigin="anonymous"`);
}

export function checkSnippets({ write = false } = {}) {
  const stale = [];
  for (const name of snippetFiles) {
    const path = `${root}${name}`;
    let text;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue; // a file not written yet has no snippet to keep in step
    }
    const updated = text
      .replace(tagPattern, (tag, _kind, _version, file) => {
        const fixed = fixTag(tag, file);
        if (fixed !== tag) stale.push(`${name}: ${tag}`);
        return fixed;
      })
      .replace(importMapPattern, (entry, _version, file) => {
        const fixed = `"https://cdn.jsdelivr.net/npm/gentle-widgets@${version}/dist/cdn/${file}": "${sri(`${root}dist/cdn/${file}`)}"`;
        if (fixed !== entry) stale.push(`${name}: import map entry ${file}`);
        return fixed;
      });
    // An import map must name every file the bundle loads beside itself, or that file goes unchecked.
    const mapped = [...text.matchAll(importMapPattern)].map((entry) => entry[2]);
    if (mapped.length) {
      for (const file of Object.values(onDemandFiles)) {
        if (!mapped.includes(file)) stale.push(`${name}: the import map has no entry for ${file} (add one; the hash is written for you)`);
      }
    }
    if (write && updated !== text) writeFileSync(path, updated);
  }
  return stale;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  const stale = checkSnippets({ write: !check });
  if (check && stale.length) {
    console.error(`CDN snippets out of step with the build (run \`npm run snippets\`):\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(check ? `CDN snippets match the build (version ${version}, SHA-384).` : `CDN snippets: ${stale.length} tag(s) updated.`);
}
