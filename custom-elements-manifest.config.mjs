import { posix } from 'node:path';

/** Keeps the manifest to the public API: private (`#name`) members and `@internal` ones are dropped. */
function publicApiOnly() {
  return {
    name: 'gentle-widgets-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.members) {
            declaration.members = declaration.members.filter(
              (member) => member.privacy !== 'private' && !member.name.startsWith('#'),
            );
          }
        }
      }
    },
  };
}

/**
 * Names every module by the file the package ships (`src/a/b.ts` → `dist/a/b.js`; the npm build keeps
 * one file per source module), references included (`./b.js` from `src/a/c.ts` → `dist/a/b.js`), so
 * tools reading the published manifest find what they point at. A module with nothing in it for the
 * manifest (only types, which compile to no JavaScript) is left out, and references to its types name
 * its declaration file.
 */
function shippedPaths() {
  let typesOnly = new Set();
  const shipped = (path, from) => {
    const absolute = path.startsWith('.') ? posix.join(posix.dirname(from), path) : path.replace(/^\//, '');
    const [, name] = absolute.match(/^src\/(.+)\.[jt]s$/) ?? [];
    if (!name) return absolute;
    return typesOnly.has(name) ? `dist/${name}.d.ts` : `dist/${name}.js`;
  };
  const walk = (node, from) => {
    if (Array.isArray(node)) node.forEach((item) => walk(item, from));
    else if (node && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        if (key === 'module' && typeof node[key] === 'string') node[key] = shipped(node[key], from);
        else walk(node[key], from);
      }
    }
  };
  return {
    name: 'gentle-widgets-shipped-paths',
    packageLinkPhase({ customElementsManifest }) {
      const empty = (mod) => !mod.declarations?.length && !mod.exports?.length;
      typesOnly = new Set(customElementsManifest.modules.filter(empty).map((mod) => mod.path.replace(/^src\/|\.ts$/g, '')));
      const modules = customElementsManifest.modules.filter((mod) => !empty(mod));
      for (const mod of modules) {
        walk(mod, mod.path);
        mod.path = shipped(mod.path, mod.path);
      }
      customElementsManifest.modules = modules;
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  // The CDN entry is built into `dist/cdn/gentle-widgets.js`, which exports nothing.
  exclude: ['src/**/*.styles.ts', 'src/cdn.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
  plugins: [publicApiOnly(), shippedPaths()],
};
