import { listed, type StringTable } from '../shared/i18n.js';

/**
 * The keys of `<related-stories>`' UI strings, in the order each language lists them below. Every key
 * is also an attribute: `<key>-label` replaces that string (`reading-time-label="{n}-minute read"`).
 */
export const keys = ['reading-time'] as const;

export type RelatedStoriesString = (typeof keys)[number];

const language = (list: string) => listed(keys, list);

/** Built-in UI strings; `{n}` is a number of minutes. */
export const strings: StringTable<RelatedStoriesString> = {
  en: language('{n} min read'),
  de: language('{n} Min. Lesezeit'),
  nl: language('{n} min lezen'),
  fr: language('{n} min de lecture'),
  es: language('{n} min de lectura'),
};
