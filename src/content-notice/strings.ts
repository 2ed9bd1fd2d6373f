import type { StringTable } from '../shared/i18n.js';

/** The keys of `<content-notice>`'s UI strings, in the order every language lists them. */
export const keys = ['distinction', 'disclaimer', 'warning', 'reveal', 'hide', 'dismiss', 'restore', 'exit', 'exiting'] as const;

export type ContentNoticeString = (typeof keys)[number];

/**
 * Built-in UI strings of `<content-notice>`; every one can be replaced by a slot or an attribute.
 * English here; the other languages in `src/locales/`.
 */
export const strings: StringTable<ContentNoticeString> = {
  name: 'content-notice',
  keys,
  en: 'An important distinction|Important note|Content note|Show this part|Hide this part|Collapse note|Show note|Exit this page|Loading.',
};
