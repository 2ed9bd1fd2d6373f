/** Languages the built-in UI strings come in; anything else falls back to English. */
export const LANGUAGES = ['en', 'de', 'nl', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * An element's UI strings: its `name` (the key in every language file), its `keys` in order, and the
 * English words as a `|`-separated list in that order. The other languages live in `src/locales/`,
 * one file per language for every element, loaded only by pages that speak it.
 */
export interface StringTable<K extends string> {
  readonly name: string;
  readonly keys: readonly K[];
  readonly en: string;
}

/** A language file: each element's strings as a `|`-separated list in its table's `keys` order. */
export type Locale = Readonly<Record<string, string>>;

/**
 * The language files, loaded on demand. Only this module imports them: the CDN build turns each into
 * a file beside the bundle (`gentle-widgets-de.js`), the npm build into a chunk.
 */
const loaders: Record<Exclude<Language, 'en'>, () => Promise<{ default: Locale }>> = {
  de: () => import('../locales/de.js'),
  nl: () => import('../locales/nl.js'),
  fr: () => import('../locales/fr.js'),
  es: () => import('../locales/es.js'),
};

const locales = new Map<Language, Locale>();
const loading = new Map<Language, Promise<void>>();

/**
 * `undefined` when `lang`'s strings are here (always for English); otherwise the promise of their
 * arrival. A file that fails to load leaves English in its place, with a warning.
 */
export function languageReady(lang: Language): Promise<void> | undefined {
  if (lang === 'en' || locales.has(lang)) return undefined;
  let pending = loading.get(lang);
  if (!pending) {
    pending = loaders[lang]().then(
      (file) => void locales.set(lang, file.default),
      (error: unknown) => {
        locales.set(lang, {});
        console.warn(`gentle-widgets: the ${lang} strings did not load (${String(error)}), so English is shown.`);
      },
    );
    loading.set(lang, pending);
  }
  return pending;
}

/** The `lang` in force for a node: its own, an ancestor's (across shadow roots), or `<html>`'s. */
export function nearestLang(node: Node): string {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
    if ((n as HTMLElement).lang) return (n as HTMLElement).lang;
  }
  return '';
}

/** Maps a BCP 47 tag (`de-AT`, `NL`, `pt-BR`) to a supported language, English by default. */
export function pickLanguage(tag: string): Language {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : 'en';
}

/**
 * Looks a string up for a language, falling back to English for a missing or empty one and for a
 * language whose file is not here (see `languageReady`).
 */
export function translate<K extends string>(table: StringTable<K>, lang: Language, key: K): string {
  const at = table.keys.indexOf(key);
  const list = lang === 'en' ? undefined : locales.get(lang)?.[table.name];
  return list?.split('|')[at] || table.en.split('|')[at];
}
