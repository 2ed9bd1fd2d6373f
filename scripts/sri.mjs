// Subresource Integrity: the `integrity` value a page writes on a pinned CDN file, so the browser refuses
// that file if its bytes ever differ. Used by the examples' check (scripts/examples.mjs) and the README.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** `sha384-<base64>` of `bytes`: SHA-384, the hash SRI tools usually write. */
export function sriOf(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/** The `integrity` value of the file at `path`, e.g. `sri('dist/cdn/gentle-widgets.js')`. */
export function sri(path) {
  return sriOf(readFileSync(path));
}
