// Fails when the committed custom-elements.json is stale: regenerates the manifest in memory with the
// project's analyzer config and compares the two as JSON. Needs no build and no git.
//
// The analyzer runs through its programmatic entry with `noWrite`: `cem analyze --outdir <tmp>` would
// join even an absolute outdir onto the project root and, with `packagejson: true`, point package.json's
// "customElements" at the temporary copy.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
// An optional argument names another manifest to compare (handy for checking this script).
const committedPath = process.argv[2] ?? `${root}custom-elements.json`;
const fix = 'Run `npm run analyze` and commit custom-elements.json.';

/** Module order follows the file system; everything inside a module keeps its source order. */
function byPath(manifest) {
  return new Map((manifest.modules ?? []).map((module) => [module.path, module]));
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** One line per module, declaration or export that differs. */
function diffManifests(committed, fresh) {
  const lines = [];
  const before = byPath(committed);
  const after = byPath(fresh);
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(path);
    const now = after.get(path);
    if (!old) { lines.push(`  + ${path}: new module`); continue; }
    if (!now) { lines.push(`  - ${path}: module no longer in the source`); continue; }
    for (const list of ['declarations', 'exports']) {
      const linesBefore = lines.length;
      const oldItems = new Map((old[list] ?? []).map((item) => [`${item.kind} ${item.name}`, item]));
      const newItems = new Map((now[list] ?? []).map((item) => [`${item.kind} ${item.name}`, item]));
      for (const key of new Set([...oldItems.keys(), ...newItems.keys()])) {
        const a = oldItems.get(key);
        const b = newItems.get(key);
        const label = `${path} ${list === 'exports' ? 'export ' : ''}${key}`;
        if (!a) lines.push(`  + ${label}: missing from custom-elements.json`);
        else if (!b) lines.push(`  - ${label}: no longer in the source`);
        else if (!same(a, b)) {
          const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => !same(a[f], b[f]));
          lines.push(`  ~ ${label}: ${fields.join(', ')} changed`);
        }
      }
      if (lines.length === linesBefore && !same(old[list], now[list])) {
        lines.push(`  ~ ${path}: order of ${list} changed`);
      }
    }
    const otherKeys = [...new Set([...Object.keys(old), ...Object.keys(now)])]
      .filter((key) => key !== 'declarations' && key !== 'exports' && !same(old[key], now[key]));
    if (otherKeys.length) lines.push(`  ~ ${path}: ${otherKeys.join(', ')} changed`);
  }
  const topKeys = [...new Set([...Object.keys(committed), ...Object.keys(fresh)])]
    .filter((key) => key !== 'modules' && !same(committed[key], fresh[key]));
  if (topKeys.length) lines.push(`  ~ manifest: ${topKeys.join(', ')} changed`);
  return lines;
}

async function main() {
  if (!existsSync(committedPath)) {
    console.error(`${committedPath} is missing. ${fix}`);
    return 1;
  }
  let committed;
  try {
    committed = JSON.parse(readFileSync(committedPath, 'utf8'));
  } catch (error) {
    console.error(`custom-elements.json is not valid JSON (${error.message}). ${fix}`);
    return 1;
  }
  const fresh = await cli({ argv: ['analyze', '--quiet'], cwd: root, noWrite: true });
  if (!fresh?.modules) {
    console.error('The manifest analyzer produced nothing; check custom-elements-manifest.config.mjs.');
    return 1;
  }
  // Round-trip so both sides are plain JSON (no undefined values, same key handling).
  const differences = diffManifests(committed, JSON.parse(JSON.stringify(fresh)));
  if (differences.length === 0) {
    const count = fresh.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement).length;
    console.log(`custom-elements.json is up to date (${fresh.modules.length} modules, ${count} custom elements).`);
    return 0;
  }
  console.error('custom-elements.json is out of date with the source:');
  for (const line of differences) console.error(line);
  console.error(fix);
  return 1;
}

process.exitCode = await main();
