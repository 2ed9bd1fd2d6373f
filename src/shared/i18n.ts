/** Languages the built-in UI strings come in; anything else falls back to English. */
export const LANGUAGES = ['en', 'de', 'nl', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A table of UI strings: one record per language, English complete, others may fall back. */
export type StringTable<K extends string> = { en: Record<K, string> } & Partial<
  Record<Exclude<Language, 'en'>, Partial<Record<K, string>>>
>;

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

/** Looks a string up in a table for a language, falling back to English. */
export function translate<K extends string>(table: StringTable<K>, lang: Language, key: K): string {
  return table[lang]?.[key] ?? table.en[key];
}

/**
 * One language's strings from a `|`-separated list in `keys` order: five languages of records with
 * quoted keys would cost the bundle more than the words themselves.
 */
export function listed<K extends string>(keys: readonly K[], list: string): Record<K, string> {
  return Object.fromEntries(list.split('|').map((text, i) => [keys[i], text])) as Record<K, string>;
}
