import type { StringTable } from '../shared/i18n.js';

/**
 * The keys of `<related-stories>`' UI strings, in the order every language lists them. Every key
 * is also an attribute: `<key>-label` replaces that string (`reading-time-label="{n}-minute read"`).
 */
export const keys = ['reading-time'] as const;

export type RelatedStoriesString = (typeof keys)[number];

/**
 * Built-in UI strings; `{n}` is a number of minutes.
 * English here; the other languages in `src/locales/`.
 */
export const strings: StringTable<RelatedStoriesString> = {
  name: 'related-stories',
  keys,
  en: '{n} min read',
};
