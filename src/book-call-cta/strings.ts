import type { StringTable } from '../shared/i18n.js';

/**
 * The keys of `<book-call-cta>`'s UI strings, in the order every language lists them. Every key
 * is also an attribute: `<key>-label` replaces that string (`close-label="Back to the article"`).
 */
export const keys = ['book', 'close', 'consent', 'elsewhere'] as const;

export type BookCallCtaString = (typeof keys)[number];

/**
 * Built-in UI strings; `{name}` is the scheduler's name ("Calendly") or the booking page's host.
 * English here; the other languages in `src/locales/`.
 */
export const strings: StringTable<BookCallCtaString> = {
  name: 'book-call-cta',
  keys,
  en:
    'Book a call|Close|Opens {name}, an external service that may set cookies.|' +
      'Open it in a new tab instead',
};
